"""A whole plan written as a careful writer writes it: the S and P rules find nothing in it, and
each defect put into it is found by the one rule that owns it (one finding per cause).

The plan holds the constructions that look like defects and are not: notes in brackets after a
sentence, 一是…；二是…, labelled blocks restarting at （1）, 《》《》 and “”“” without 顿号, ‘’
inside “”, 例如：…等。 closing a sentence, a question inside a quoted title, 第一，…, an inline
（1）…；（2）…；（3）… list, times, ranges and percentages.
"""

from __future__ import annotations

import pytest

from checks.config import CheckConfig
from checks.run import run_checks
from desktop.plan.parse import parse

PLAN = (
    "某某区教育局2025年工作要点\n"
    "\n"
    "2025年是“十四五”规划收官之年，也是谋划“十五五”发展的关键之年。全区教育工作的总体要求是：坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针，落实立德树人根本任务，加快建设教育强区。\n"
    "\n"
    "一、坚持党建引领，落实立德树人根本任务\n"
    "（一）加强思想政治建设\n"
    "1.强化理论武装。把学习贯彻党的二十大精神作为首要政治任务，深入开展“学习‘四个意识’专题研讨”活动。（牵头单位：组织科；配合单位：宣传科）\n"
    "2.夯实基层党建。一是健全党组织领导的校长负责制；二是推进“一校一品”党建品牌建设；三是开展“双培养”工作。\n"
    "3.加强意识形态工作。落实《中国共产党普通高等学校基层组织工作条例》《中小学校党组织工作指引》，每季度召开1次专题会议，时间一般为8:30。\n"
    "（二）推进五育并举\n"
    "4.深化德育改革。目标任务：\n"
    "（1）建立德育工作机制；\n"
    "（2）培育10个德育品牌。\n"
    "工作措施：\n"
    "（1）开展“我和我的祖国”主题教育活动；\n"
    "（2）评选优秀德育案例，例如：班会课例、家校共育案例等。\n"
    "5.加强体育美育。确保学生每天校园体育活动时间不少于2小时，新建足球场2—3个，体质健康合格率达到95%以上。\n"
    "二、推进优质均衡，办好人民满意的教育\n"
    "（一）扩大优质资源供给\n"
    "6.新建、改扩建中小学幼儿园8所，新增学位4800个，其中小学3所、初中2所、幼儿园3所。\n"
    "7.推进集团化办学。第一，完善集团章程；第二，建立教师交流机制。\n"
    "（二）提升教育质量\n"
    "8.深化课堂教学改革。组织开展“什么是好课？”主题研讨，推广（1）问题导向；（2）任务驱动；（3）多元评价等教学方式。\n"
    "9.规范办学行为。严格落实“双减”政策，作业总量和时长符合规定（详见附件1）。\n"
    "\n"
    "某某区教育局\n"
    "2025年2月18日\n"
)
SP = CheckConfig.defaults().merged(select=["S", "P"])


def _found(text: str) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in run_checks(parse(text), SP)]


def test_a_careful_plan_has_no_finding() -> None:
    assert _found(PLAN) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("二、推进优质均衡", "三、推进优质均衡", [("S001", 18)]),
        ("（二）提升教育质量", "（一）提升教育质量", [("S002", 22)]),
        ("7.推进集团化办学", "5.推进集团化办学", [("S009", 21)]),
        ("某某区教育局2025年工作要点\n", "某某区教育局2025年工作要点。\n", [("P015", 1)]),
        ("家校共育案例等。", "家校共育案例……等。", [("P006", 16)]),
        ("“双减”政策", '"双减"政策', [("P007", 24)]),
        ("主题教育活动；", "主题教育活动。。。", [("P008", 15)]),
        ("工作条例》《中小学校", "工作条例》、《中小学校", [("P010", 9)]),
        ("评选优秀德育案例，", "评选如：优秀德育案例、班会课例等案例，", [("P012", 16)]),
        ("第一，完善集团章程", "第一、完善集团章程", [("P018", 21)]),
        ("（详见附件1）", "（详见附件1。）", [("P014", 24)]),
        ("学生每天校园", "学生每天 校园", [("P005", 17)]),
        ("深入开展“学习", "深入开展学习", [("P001", 7)]),
        ("（一）加强思想政治建设", "（一）加强思想政治建设\n，", [("P009", 7)]),
    ],
)
def test_each_defect_is_found_once_by_its_rule(old: str, new: str, expected: list[tuple[str, int]]) -> None:
    assert old in PLAN
    assert _found(PLAN.replace(old, new, 1)) == expected
