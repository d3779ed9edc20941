"""Which kind of plan a text is: a bureau's, a kindergarten's, a school's (and which school's).

The kind decides which themes a plan is expected to cover (双减 belongs to compulsory education,
a kindergarten plans by 五大领域). It is read from the names the plan gives itself — the title,
the issuer, the issuing notice — and left empty when they do not say: a wrong kind would ask a
writer for themes that are not theirs, an empty one only asks nothing.

- an education authority (教育局, 教育厅, 教体局, 教育委员会, 教育工委 …), or a title that plans a
  whole area's education (2022年全市教育工作要点, 重庆市2023年教育综合改革工作要点) → bureau;
- 幼儿园 → kindergarten; 职业学校, 中职, 职教中心 → vocational school;
- 小学, 初中, 初级中学, 九年一贯制 → compulsory school; 高中, 高级中学, 完全中学 → senior high;
- a school named only 中学 is told by its own text: 高考, 高一…高三 → senior high; 中考, 初一…,
  七–九年级, 义务教育 → compulsory. Otherwise the kind stays empty.
"""

from __future__ import annotations

import re

from desktop.plan.charclass import HAN
from desktop.plan.model import PlanKind

_BUREAU = re.compile(
    r"(?:教育|教体|教科|教文|教育体育|教育和体育|教育科技|教育文体)"
    rf"{HAN}{{0,4}}?(?:局|厅)"
    r"|教育(?:工作)?委员会|教育工委|教委"
)
_AREA_EDUCATION = re.compile(
    r"全(?:省|市|区|县|州|盟|旗|城区)(?:教育|教体)"
    r"|(?:省|市|区|县|州|盟|旗)(?:(?:19|20)\d{2}年度?)?(?:教育|教体)(?!局|厅)"
)
_KINDERGARTEN = re.compile(r"幼儿园|幼稚园")
_VOCATIONAL = re.compile(r"职业(?:技术)?(?:学校|学院|中学|高中)|中等职业|中职|职教中心|技工学校|职业教育中心")
_COMPULSORY = re.compile(r"(?<![中大])小学|初级中学|初中|九年一贯|九年制")
_SENIOR = re.compile(r"高级中学|完全中学|高中(?!阶段|教育|生)")
_MIDDLE = re.compile(r"中学")
_SENIOR_TEXT = re.compile(r"高考|高[一二三](?:年级)?|高中部|选科|学业水平(?:合格性|等级性)?考试")
_COMPULSORY_TEXT = re.compile(r"中考|初[一二三](?:年级)?|[七八九]年级|义务教育")
# A bureau's first paragraph speaks for the whole area's education; a school's never does.
_AREA_VOICE = re.compile(
    r"全(?:省|市|区|县|州|盟|旗|城区)(?:教育|教体|教育体育)"
    r"(?:系统|工作的?总体|工作总的|工作的?(?:总体)?要求|工作的?(?:总体)?思路)"
)


def plan_kind(names: list[str], text: str = "") -> str:
    """The PlanKind value for a plan named by ``names`` (title, issuer, notice title), or "".

    ``text`` is the plan's own text: it settles a 中学's kind and, when no name says anything,
    a bureau's voice (全市教育系统…, 全省教育工作的总体要求) marks a bureau's plan.
    """
    for name in names:
        if not name:
            continue
        kind = _kind_of_name(name, text)
        if kind:
            return kind
    if text and _AREA_VOICE.search(text[:3000]):
        return PlanKind.BUREAU.value
    return ""


_WHOLE_AREA = re.compile(r"全(?:省|市|区|县|州|盟|旗|城区)")


def _kind_of_name(name: str, text: str) -> str:
    if _WHOLE_AREA.search(name):
        return PlanKind.BUREAU.value  # 2023年全区幼儿园工作要点 plans for every kindergarten
    if _KINDERGARTEN.search(name) and not _BUREAU.search(name):
        return PlanKind.KINDERGARTEN.value
    if _VOCATIONAL.search(name) and not _BUREAU.search(name):
        return PlanKind.VOCATIONAL_SCHOOL.value
    if _BUREAU.search(name):
        return PlanKind.BUREAU.value
    if _SENIOR.search(name):
        return PlanKind.SENIOR_HIGH_SCHOOL.value
    if _COMPULSORY.search(name):
        return PlanKind.COMPULSORY_SCHOOL.value
    if _MIDDLE.search(name):
        if _SENIOR_TEXT.search(text):
            return PlanKind.SENIOR_HIGH_SCHOOL.value
        if _COMPULSORY_TEXT.search(text):
            return PlanKind.COMPULSORY_SCHOOL.value
        return ""
    if _AREA_EDUCATION.search(name):
        return PlanKind.BUREAU.value
    return ""
