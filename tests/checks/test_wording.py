"""W rules on the peer corpus, on defects written into copies of it, and on their word lists.

Two of the four first plans are clean; 惠山 writes 凝炼 where the 异形词整理表 recommends 凝练.
The 镇江 page was defaced: a casino's name replaced the bureau's name and the word 教育资源
throughout; every occurrence must be found, and the doubled 中心中心 it left behind (融合教育资源
中心 → 融合…中心中心) is a real doubled word too.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from checks.config import CheckConfig
from checks.finding import apply_fixes
from checks.rules import wording, wording_formulas, wording_political, wording_usage, wordlists
from checks.run import run_checks
from desktop.plan.errors import InputError
from desktop.plan.parse import parse

REPO = Path(__file__).resolve().parents[2]


def _check(text: str, user_words: tuple[str, ...] = (), year: int | None = None) -> list:
    config = CheckConfig.defaults().merged(user_words=user_words, year=year)
    return run_checks(parse(text), config, rules=wording.RULES)


@pytest.mark.parametrize("name", ["wujin", "changzhou"])
def test_clean_corpus_plans_get_no_wording_findings(name: str, corpus_text) -> None:
    found = _check(corpus_text(name))
    assert found == [], [(f.code, f.line, f.message) for f in found]


def test_huishan_only_uses_a_non_recommended_variant_word(corpus_text) -> None:
    text = corpus_text("huishan")
    found = _check(text)
    assert {(f.code, f.span.slice(text)) for f in found} == {("W011", "凝炼")}


def test_zhenjiang_contamination_is_found_everywhere(corpus_text) -> None:
    text = corpus_text("zhenjiang")
    found = _check(text)
    spliced = [f for f in found if f.code == "W004"]
    name_length = len(spliced[0].span.slice(text))
    # Every paragraph holding the spliced name is reported once, at its first occurrence there,
    # naming how many the paragraph holds; nothing else is reported.
    name = spliced[0].span.slice(text)
    occurrences = [i for i in range(len(text)) if text.startswith(name, i)]
    by_paragraph: dict[int, list[int]] = {}
    for start in occurrences:
        by_paragraph.setdefault(text.count("\n", 0, start), []).append(start)
    assert len(occurrences) == 17 and name_length >= 4
    assert sorted(f.span.start for f in spliced) == sorted(starts[0] for starts in by_paragraph.values())
    assert [f for f in spliced if "本段共3处" in f.message]
    role = [f for f in spliced if "发文机关位置" in f.message]
    glued = [f for f in spliced if "嵌在" in f.message]
    assert {f.line for f in role} >= {4, 9, 13, 19}  # notice title, 《…》, signature, 印发 line
    assert len(glued) >= 5  # 学前…供给, 融合…中心 (×3 in one paragraph), 职业…配置, 社区…主动, 数字…公共
    doubled = [f for f in found if f.code == "W003"]
    assert [f.span.slice(text) for f in doubled] == ["中心中心"]  # three in one paragraph: one finding
    assert "共 3 处" in doubled[0].message
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
        ("建设者和接班人", "建没者和接班人"),
        ("进一步", "近一步"),
    ]
    changed: set[int] = set()
    for old, new in injected:
        index = next(i for i, line in enumerate(lines) if old in line and i + 1 not in changed)
        lines[index] = lines[index].replace(old, new, 1)
        changed.add(index + 1)
    found = _check("\n".join(lines))
    assert len(changed) == len(injected)
    assert {f.line for f in found} == changed


def test_a_pasted_traditional_passage_is_one_finding_with_one_fix_for_all() -> None:
    passage = "全面貫徹黨的教育方針，落實立德樹人根本任務，推進義務教育優質均衡發展，擴大優質教育資源。"
    text = f"2024年教育工作要点\n一、{passage}\n二、{passage}\n三、加强队伍建设。"
    found = [f for f in _check(text) if f.code == "W002"]
    assert len(found) == 1
    assert "第 2—3 行" in found[0].message
    fixed = apply_fixes(text, found[0].all_fixes())
    assert "貫" not in fixed and fixed.count("全面贯彻党的教育方针") == 2


def test_slips_are_one_finding_per_line() -> None:
    text = "2024年教育工作要点\n一、落实立徳树人，推进學校体育。\n二、加强教師队伍建设。"
    found = [f for f in _check(text) if f.code == "W002"]
    assert [(f.line, len(f.all_fixes())) for f in found] == [(2, 2), (3, 1)]


def test_variant_table_leaves_simplified_characters_alone() -> None:
    table = wording.variant_table()
    assert table["徳"] == "德" and table["學"] == "学" and table["國"] == "国"
    for ch in "乾於著后干里余系台面发于德学国":
        assert ch not in table, ch


def test_typo_fix_is_applied() -> None:
    text = "2024年教育工作要点\n一、截止目前己经完成。"
    found = _check(text)
    assert apply_fixes(text, [x for f in found for x in f.all_fixes()]).endswith("截至目前已经完成。")


def test_entry_severity_and_year_apply() -> None:
    text = "2024年教育工作要点\n一、做到“两个坚决维护”，坚定“三个自信”。"
    found = {f.span.slice(text): f.severity.value for f in _check(text) if f.code == "W006"}
    assert found == {"两个坚决维护": "warning", "三个自信": "error"}
    old = text.replace("2024", "2016")
    assert [f.span.slice(old) for f in _check(old, year=2016) if f.code == "W006"] == ["两个坚决维护"]


def test_formula_near_miss_severity() -> None:
    text = "2024年教育工作要点\n一、铸牢中华民族共同意识，落实党组织领导下的校长负责制。"
    found = {f.span.slice(text): f.severity.value for f in _check(text) if f.code == "W008"}
    assert found == {"铸牢中华民族共同意识": "error", "党组织领导下的校长负责制": "warning"}


def test_one_slip_edits() -> None:
    slip = wording_formulas.one_slip
    assert slip("社会主义核心价值观", "社会主义核心价直观").kind == "sub"
    assert slip("社会主义核心价值观", "社会主义核心价值观") is None
    assert slip("社会主义核心价值观", "社会主义核价值观").right == "心"
    assert slip("为党育人、为国育才", "为党育人，为国育才") is None  # a separator is no slip
    assert slip("为党育人、为国育才", "为党育人为国育才") is None  # nor is a missing one
    assert slip("中国式现代化", "美国式现代化") is None  # the first character decides another word


def test_every_formula_list_entry_names_its_source() -> None:
    heads, _, _ = wording_formulas._formulas()
    formulas = {f for group in heads.values() for f in group}
    assert len(formulas) >= 30 and all(f.source for f in formulas)


def test_word_lists_load_lazily() -> None:
    code = (
        "import checks.rules as r\n"
        "from checks.rules import wordlists\n"
        "print(wordlists.load_list.cache_info().currsize)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "0"


@pytest.fixture
def word_dir(tmp_path, monkeypatch):
    """A private resources/wording folder, with every cached list forgotten before and after."""
    caches = (
        wordlists.load_list,
        wording._typos,
        wording._doubles,
        wording._placeholders,
        wording._variant_words,
        wording_political.political_replacements,
        wording_formulas._formulas,
        wording_usage._usage,
    )
    for cache in caches:
        cache.cache_clear()
    monkeypatch.setattr(wordlists, "WORDING_DIR", tmp_path)
    for module in (wording, wording_political, wording_formulas, wording_usage):
        monkeypatch.setattr(module, "WORDING_DIR", tmp_path, raising=False)
    yield tmp_path
    for cache in caches:
        cache.cache_clear()


@pytest.mark.parametrize(
    ("name", "content", "load", "expected"),
    [
        (
            "typos",
            "typos:\n  - {wrong: 己经, reason: x}\n",
            wording._typos,
            "“typos”第 1 条缺少必填项“right”",
        ),
        ("typos", "typos: 己经\n", wording._typos, "“typos”不是非空列表"),
        (
            "typos",
            "typos:\n  - {wrong: 防犯, right: 防范, reason: x, except: [犯罪]}\n",
            wording._typos,
            "不含“防犯”",
        ),
        (
            "typos",
            "typos:\n  - {wrong: a, right: b, reason: x, severity: fatal}\n",
            wording._typos,
            "“severity”应为",
        ),
        (
            "usage",
            "confusables:\n  - {pattern: '(?P<w>截止', reason: x, source: y, severity: error}\n",
            lambda: wording_usage._usage("confusables"),
            "不是有效的正则表达式",
        ),
        (
            "usage",
            "confusables:\n  - {pattern: '截止', reason: x, source: y, severity: error}\n",
            lambda: wording_usage._usage("confusables"),
            "缺少命名组",
        ),
        (
            "formulas",
            "formulas:\n  - {text: 四个意识, source: x}\n",
            wording_formulas._formulas,
            "至少 6 个字",
        ),
        (
            "doubles",
            "chars: {的的: []}\nwords_except: [a]\nlonger_words: [b]\n",
            wording._doubles,
            "单个汉字",
        ),
        ("typos", "typos: [\n", wording._typos, "不是有效的 YAML"),
    ],
)
def test_a_malformed_list_names_its_file_and_key(word_dir, name, content, load, expected) -> None:
    (word_dir / f"{name}.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load()
    assert f"“{name}.yaml”" in str(raised.value) and expected in str(raised.value)


def test_the_shipped_lists_are_valid() -> None:
    for load in (wording._typos, wording._doubles, wording._placeholders, wording._variant_words):
        assert load()
    assert wording_political.political_replacements() and wording_formulas._formulas()
    assert wording_usage._usage("confusables") and wording_usage._usage("redundancies")


def test_a_document_in_traditional_characters_is_one_finding() -> None:
    text = (
        "2024年教育工作要點\n一、加強黨的建設\n1.深入學習貫徹黨的二十大精神。\n"
        "2\n二、推進義務教育優質均衡發展\n3.擴大優質教育資源。"
    )
    found = [f for f in _check(text) if f.code == "W002"]
    assert len(found) == 1 and "第 1—6 行" in found[0].message
    assert "點" not in apply_fixes(text, found[0].all_fixes())


def test_a_word_doubled_three_times_in_a_paragraph_is_one_finding_with_every_place() -> None:
    text = "2024年教育工作要点\n一、提高的的质量，完善的的机制，落实的的责任。\n二、建设中心中心。"
    found = [f for f in _check(text) if f.code == "W003"]
    assert [(f.line, len(f.all_fixes())) for f in found] == [(2, 3), (3, 0)]  # 中心中心 gets no blind fix
    assert "共 3 处" in found[0].message
    assert apply_fixes(text, found[0].all_fixes()).count("的的") == 0
