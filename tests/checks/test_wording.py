"""W rules on the peer corpus and on defects written into copies of it.

Three of the four plans are clean. The 镇江 page was defaced: a casino's name replaced the bureau's
name and the word 教育资源 throughout; every occurrence must be found, and the doubled 中心中心 it
left behind (融合教育资源中心 → 融合…中心中心) is a real doubled word too.
"""

from __future__ import annotations

import pytest

from checks.config import CheckConfig
from checks.finding import apply_fixes
from checks.rules import wording
from checks.run import run_checks
from desktop.plan.parse import parse


def _check(text: str, user_words: tuple[str, ...] = ()) -> list:
    config = CheckConfig.defaults().merged(user_words=user_words)
    return run_checks(parse(text), config, rules=wording.RULES)


@pytest.mark.parametrize("name", ["wujin", "huishan", "changzhou"])
def test_clean_corpus_plans_get_no_wording_findings(name: str, corpus_text) -> None:
    found = _check(corpus_text(name))
    assert found == [], [(f.code, f.line, f.message) for f in found]


def test_zhenjiang_contamination_is_found_everywhere(corpus_text) -> None:
    text = corpus_text("zhenjiang")
    found = _check(text)
    spliced = [f for f in found if f.code == "W004"]
    name_length = len(spliced[0].span.slice(text))
    # Every occurrence of the spliced name, and nothing else, is reported.
    starts = {f.span.start for f in spliced}
    name = spliced[0].span.slice(text)
    expected = {i for i in range(len(text)) if text.startswith(name, i)}
    assert starts == expected and len(expected) == 17 and name_length >= 4
    role = [f for f in spliced if "发文机关位置" in f.message]
    glued = [f for f in spliced if "嵌在" in f.message]
    assert {f.line for f in role} >= {4, 9, 13, 19}  # notice title, 《…》, signature, 印发 line
    assert len(glued) >= 7  # 学前…供给, 融合…中心 ×3, 职业…配置, 社区…主动, 数字…公共 …
    doubled = [f for f in found if f.code == "W003"]
    assert [f.span.slice(text) for f in doubled] == ["中心中心"] * 3
    assert {f.code for f in found} == {"W003", "W004"}


def test_spliced_name_without_a_foreign_place() -> None:
    text = "金鼎娱乐中心关于印发2024年工作要点的通知\n一、扩大学前金鼎娱乐中心供给。"
    found = [f for f in _check(text) if f.code == "W004"]
    assert len(found) == 2 and "嵌在" in found[1].message


def test_user_words_silence_wording_findings() -> None:
    text = "2024年教育工作要点\n一、推进“XX计划”。"
    assert [f.code for f in _check(text)] == ["W005"]
    assert _check(text, user_words=("XX计划",)) == []


def test_injected_defects_are_found_at_their_lines(corpus_text) -> None:
    text = corpus_text("wujin")
    lines = text.split("\n")
    injected = [
        ("“四个意识”", "四个意识"),
        ("深入学习", "深入学习的的"),
        ("全面", "己经全面"),
        ("教师", "教師"),
        ("全区", "全区×××"),
    ]
    changed: set[int] = set()
    for old, new in injected:
        index = next(i for i, line in enumerate(lines) if old in line and i + 1 not in changed)
        lines[index] = lines[index].replace(old, new, 1)
        changed.add(index + 1)
    found = _check("\n".join(lines))
    assert len(changed) == 5
    assert {f.line for f in found} == changed


def test_variant_table_leaves_simplified_characters_alone() -> None:
    table = wording.variant_table()
    assert table["徳"] == "德" and table["學"] == "学" and table["國"] == "国"
    for ch in "乾於著后干里余系台面发于德学国":
        assert ch not in table, ch


def test_typo_fix_is_applied() -> None:
    text = "2024年教育工作要点\n一、截止目前己经完成。"
    found = _check(text)
    assert apply_fixes(text, [x for f in found for x in f.all_fixes()]).endswith("截至目前已经完成。")


def test_typo_list_entries_are_well_formed() -> None:
    entries = wording.load_list("typos")["typos"]
    wrongs = [e["wrong"] for e in entries]
    assert len(wrongs) == len(set(wrongs))
    for entry in entries:
        assert entry["wrong"] != entry["right"] and entry["reason"], entry
        for exception in entry.get("except") or []:
            assert entry["wrong"] in exception, entry
