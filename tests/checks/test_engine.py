"""The engine and its configuration: selection, severity overrides, user words, YAML loading."""

from __future__ import annotations

import pytest

from checks.config import CheckConfig, load_config, parse_codes
from checks.context import Context
from checks.finding import Finding, Severity, apply_fixes
from checks.rule import Rule
from checks.run import rule_enabled, run_checks
from desktop.plan.errors import InputError
from desktop.plan.model import Span
from desktop.plan.parse import parse

TEXT = "一、加强党建\n1.抓学习,抓落实。\n2.抓班子。\n2.抓队伍。\n"


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


def test_rule_selection_is_by_prefix_and_longest_match_wins() -> None:
    assert rule_enabled("S001", (), ())
    assert not rule_enabled("S001", ("P",), ())
    assert not rule_enabled("S001", (), ("S",))
    assert rule_enabled("S001", ("S001",), ("S",))
    assert not rule_enabled("S005", ("S",), ("S005",))


def test_run_checks_finds_sorted_with_positions() -> None:
    found = run_checks(parse(TEXT), CheckConfig.defaults().merged(select=["S", "P"]))
    assert codes(found) == ["P002", "S002"]
    p002 = found[0]
    assert (p002.line, p002.column) == (2, 6)
    assert p002.excerpt == "1.抓学习,抓落实。"
    assert p002.basis == "GB/T 15834—2011"


def test_severity_override_and_ignore() -> None:
    config = CheckConfig.defaults().merged(severity={"S002": Severity.INFO}, ignore=["P"])
    found = run_checks(parse(TEXT), config)
    assert [(f.code, f.severity) for f in found if f.code[0] in "SP"] == [("S002", Severity.INFO)]


class _Flagger(Rule):
    """Flags every 金沙 (a stand-in W rule, to test the user word list)."""

    code = "W999"
    name = "test"
    title = "测试"
    severity = Severity.WARNING
    bad = good = "x"
    silenced_by_user_words = True

    def check(self, ctx: Context):
        start = ctx.text.find("金沙")
        while start != -1:
            yield ctx.finding(self, Span(start, start + 2), "测试")
            start = ctx.text.find("金沙", start + 1)


def test_user_words_silence_wording_findings() -> None:
    plan = parse("一、加强党建\n1.金沙小学与金沙城合作。\n")
    assert len(run_checks(plan, CheckConfig(), rules=[_Flagger])) == 2
    silenced = run_checks(plan, CheckConfig(user_words=frozenset({"金沙小学"})), rules=[_Flagger])
    assert len(silenced) == 1 and silenced[0].excerpt.startswith("1.金沙小学")
    assert silenced[0].span.start == plan.text.index("金沙城")


def test_load_config_merges_over_defaults(tmp_path) -> None:
    path = tmp_path / "bureau.yaml"
    path.write_text(
        "ignore: [N004]\nseverity: {P005: warning}\nyear: 2024\nuser_words: [金沙小学]\n"
        "options: {P002.document-minimum: 3}\n",
        encoding="utf-8",
    )
    config = load_config(path)
    assert config.ignore == ("N004",)
    assert config.severity == {"P005": Severity.WARNING}
    assert config.year == 2024
    assert "金沙小学" in config.user_words
    assert config.options["P002.document-minimum"] == 3
    assert "P002.document-ratio" not in config.options  # declared defaults live on the rule


@pytest.mark.parametrize(
    "content",
    ["severity: {P005: fatal}\n", "year: 24\n", "colour: red\n", "select: [S\n", "- a\n- b\n"],
)
def test_bad_config_is_a_chinese_input_error(tmp_path, content: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_config(path)
    assert "bad.yaml" in raised.value.message


def test_parse_codes_accepts_chinese_commas() -> None:
    assert parse_codes("s001， P ,") == ("S001", "P")


def test_apply_fixes_skips_overlaps() -> None:
    from checks.finding import Fix

    fixes = [Fix(Span(0, 2), "AB"), Fix(Span(1, 3), "zz"), Fix(Span(4, 5), "E")]
    assert apply_fixes("abcde", fixes) == "ABcdE"


def test_year_from_config_overrides_the_plan() -> None:
    plan = parse("2023年教育工作要点\n\n一、加强党建\n1.抓学习。\n")
    assert Context(plan).year == plan.metadata.year
    assert Context(plan, year=2030).year == 2030


def test_messages_name_quote_marks_instead_of_quoting_them():
    from checks.rules.punctuation import RULES

    plan = parse("一、加强党建\n1.推进十四五”规划，构建 “养教联动”学习圈。\n")
    messages = [f.message for f in run_checks(plan, rules=[r for r in RULES if r.code in ("P001", "P005")])]
    assert "右引号没有与之配对的左引号：引号缺少前一半" in messages
    assert "“建”与左引号之间有多余空格" in messages


@pytest.mark.parametrize(
    ("yaml_text", "named"),
    [
        ("options: {P002.document-minmum: 3}\n", "P002.document-minmum"),
        ("options: {P999.x: 3}\n", "P999.x"),
        ("options: {P002.document-ratio: 多}\n", "P002.document-ratio"),
        ("ignore: [Q]\n", "Q"),
        ("severity: {S0001: info}\n", "S0001"),
        ("selct: [S]\n", "selct"),
    ],
)
def test_config_rejects_unknown_or_mistyped_keys(tmp_path, yaml_text: str, named: str) -> None:
    path = tmp_path / "bureau.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_config(path)
    assert named in str(raised.value) and "bureau.yaml" in str(raised.value)


def test_declared_option_reaches_the_rule() -> None:
    text = "一、加强党建\n1.抓学习,抓落实,抓考核。\n2.建队伍。"
    default = run_checks(parse(text), CheckConfig.defaults().merged(select=["P002"]))
    assert "全文" not in default[0].message  # three marks: under the document minimum of 10
    lowered = CheckConfig.defaults().merged(select=["P002"], options={"P002.document-minimum": 2})
    assert "全文" in run_checks(parse(text), lowered)[0].message


def test_every_option_is_declared_with_type_default_and_help() -> None:
    from checks.rules import ALL_RULES

    for rule in ALL_RULES:
        for option in rule.options:
            assert option.help and option.kind in (int, float, str, bool), (rule.code, option)
            assert option.default is None or option.coerce(option.default) == option.default


def test_rule_reference_in_docs_is_current() -> None:
    """docs/rules.md (the clause each rule covers) is what `plandesk rules --markdown` prints."""
    from pathlib import Path

    from checks.rules import ALL_RULES
    from desktop.commands.rules import rules_markdown

    docs = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
    assert docs.read_text(encoding="utf-8") == rules_markdown(ALL_RULES), (
        "docs/rules.md 已过时：运行 plandesk rules --markdown > docs/rules.md"
    )
