"""Renumbering a plan that opens with unnumbered role headings (总体要求, 主要任务, 保障措施 …).

Built on the Zhaoxian plan (重点工作: then 一、…四、, one marker style, so each role heading holds
the sections under it): the writer adds 总体要求 at the top and 保障措施 before the last section,
and numbers the sections on across them. Renumbering must keep counting, touch no role heading,
and the S rules must agree with it.
"""

from __future__ import annotations

import re

import pytest

from checks.config import CheckConfig
from checks.run import run_checks
from desktop.plan.parse import parse
from desktop.plan.renumber import numbering_runs, renumber

OPENING = (
    "总体要求\n坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针，办好人民满意的教育。\n"
)


@pytest.fixture(scope="module")
def with_roles(corpus_text) -> str:
    """Zhaoxian with 总体要求 before its first section and 保障措施 before 四、."""
    text = corpus_text("2025_hebei_shijiazhuang_zhaoxian_county.txt")
    text = text.replace("重点工作:\n", OPENING + "重点工作:\n", 1)
    return re.sub(r"^四、", "保障措施\n四、", text, count=1, flags=re.M)


def _sections(text: str) -> list[str]:
    return re.findall(r"^([一二三四五六七八九十]+、)", text, re.M)


def _numbering_findings(text: str) -> list[str]:
    found = run_checks(parse(text), CheckConfig.defaults())
    return [f"{f.code} {f.message}" for f in found if f.code in ("S001", "S002", "S003", "S009")]


def test_sections_run_on_across_role_headings(with_roles):
    assert _sections(with_roles) == ["一、", "二、", "三、", "四、"]
    assert renumber(with_roles) == with_roles
    (run,) = numbering_runs(parse(with_roles))
    assert [n.marker_text for n in run.nodes] == ["一、", "二、", "三、", "四、"] and run.continuous
    assert not _numbering_findings(with_roles)


def test_a_deleted_section_renumbers_on_across_role_headings(with_roles):
    gap = re.sub(r"^二、.*\n", "", with_roles, count=1, flags=re.M)
    assert _sections(gap) == ["一、", "三、", "四、"]
    assert any(f.startswith("S001") for f in _numbering_findings(gap))
    fixed = renumber(gap)
    assert _sections(fixed) == ["一、", "二、", "三、"]
    for heading in ("总体要求\n", "重点工作:\n", "保障措施\n"):  # role headings untouched
        assert fixed.count(heading) == gap.count(heading) == 1
    assert fixed.index("保障措施\n三、") > 0
    assert renumber(fixed) == fixed and not _numbering_findings(fixed)


def test_role_headings_that_restart_keep_restarting():
    """The other habit: each role heading counts its own sections from 一、."""
    text = (
        "2024年教育工作要点\n\n" + OPENING + "主要任务\n一、加强党的建设\n二、推进教育改革\n"
        "保障措施\n一、加强组织领导\n二、强化督促检查\n"
    )
    assert renumber(text) == text
    assert not _numbering_findings(text)
    inserted = text.replace("二、推进教育改革\n", "一、新增一项\n二、推进教育改革\n")
    assert _sections(renumber(inserted)) == ["一、", "二、", "三、", "一、", "二、"]
