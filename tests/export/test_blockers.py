"""What the official layout must not carry is offered as fixes before export; export never rewrites."""

from __future__ import annotations

import docx

from checks.blockers import export_blockers
from checks.finding import apply_fixes
from desktop.plan.export.docx_writer import write_docx
from desktop.plan.parse import parse

DRAFT = (
    "武进区2026年教育工作要点\n"
    "一、办学条件\n"
    "1.扩大资源供给。新增市优质园2-3所，新建学校5~6所。\n"
    "2.规范文件管理。按某教发[2026]1号文件要求，于2026年03月05日前完成。\n"
)


def codes(plan):
    return sorted({f.code for f in export_blockers(plan)})


def test_blockers_found_with_fixes():
    plan = parse(DRAFT)
    found = export_blockers(plan)
    assert {"N005", "D008", "P004"} <= {f.code for f in found}
    ranges = [f for f in found if f.code == "N005"]
    # one cause, one finding: both ranges of the paragraph, each with its fix
    assert len(ranges) == 1 and len(ranges[0].all_fixes()) == 2
    assert all(f.all_fixes() for f in found if f.code in ("N005", "D008"))


def test_fixes_clear_the_blockers():
    plan = parse(DRAFT)
    fixed = apply_fixes(plan.text, [fix for f in export_blockers(plan) for fix in f.all_fixes()])
    assert "2～3所" in fixed and "5～6所" in fixed
    assert "2026年3月5日" in fixed
    assert "〔2026〕" in fixed
    assert codes(parse(fixed)) == []


def test_blockers_are_the_engine_rules_by_code() -> None:
    # The export reuses the checks engine: same codes, messages and fixes as `plandesk check`.
    from checks.blockers import ENGINE_BLOCKERS
    from checks.config import CheckConfig
    from checks.run import run_checks

    plan = parse(DRAFT)
    checked = run_checks(plan, CheckConfig.defaults().merged(select=list(ENGINE_BLOCKERS)))
    assert [f.to_dict() for f in export_blockers(plan)] == [f.to_dict() for f in checked]


def test_range_fix_follows_the_document_style() -> None:
    plan = parse("武进区2026年教育工作要点\n一、办学条件\n1.新增市优质园2-3所，建成示范校4—5所。\n")
    fixed = apply_fixes(plan.text, [fix for f in export_blockers(plan) for fix in f.all_fixes()])
    assert "2—3所" in fixed and "4—5所" in fixed


def test_half_width_punctuation_of_a_web_page_is_one_finding(corpus_path):
    from desktop.plan.read.loader import load_plan

    _, plan = load_plan(corpus_path("changzhou"))
    half = [f for f in export_blockers(plan) if f.code == "P002"]
    assert len(half) == 1 and len(half[0].all_fixes()) > 100


def test_export_does_not_rewrite_the_text(tmp_path):
    plan = parse(DRAFT)
    out = tmp_path / "o.docx"
    write_docx(plan, out)
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "2-3所" in text and "[2026]" in text and "03月05日" in text


def test_clean_text_has_no_blockers():
    assert (
        codes(
            parse(
                "武进区2026年教育工作要点\n一、办学条件\n1.扩大资源。新增学位2～3所，于2026年3月5日完成。\n"
            )
        )
        == []
    )


def test_placeholders_never_reach_print() -> None:
    """A name left as 某某/XX and a prompt the app inserted are blockers: neither may be printed."""
    plan = parse("某某区2026年教育工作要点\n一、办学条件\n1.（在此输入内容）\n")
    assert {f.code for f in export_blockers(plan)} >= {"W005", "W012"}


def test_blockers_load_only_their_own_rules() -> None:
    """The export's blocker review must not import all 77 rules (the themes family loads the
    lexicon): the registry is filled on first use, not on importing one family."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from checks.blockers import export_blockers\n"
        "from desktop.plan.parse import parse\n"
        "export_blockers(parse('一、总体要求\\n1.加强党建,落实责任。'))\n"
        "print('checks.rules.themes' in sys.modules, 'ALL_RULES' in vars(sys.modules['checks.rules']))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8")
    assert result.stdout.split() == ["False", "False"], result.stderr
