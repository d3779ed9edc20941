"""What a check run must not pay for: OpenCC when no character could be a variant, the themes
report twice. (Whole-process timings are ``bench/bench_processes.py``'s, never asserted here.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from corpus_files import entries

from checks.config import CheckConfig
from checks.rules import themes as theme_rules
from checks.rules.wording_variants import variant_table, variants_in
from checks.run import run_checks
from desktop.plan.parse import parse

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "text",
    [e.text for e in entries()]
    + ["落实立徳树人根本任务，學習與發展。乾坤於著", "".join(map(chr, range(0x4E00, 0x9FA6)))],
    ids=[e.name for e in entries()] + ["slips", "every-character"],
)
def test_variants_of_a_text_are_the_table_restricted_to_it(text: str) -> None:
    assert variants_in(text) == {ch: to for ch, to in variant_table().items() if ch in text}


def test_w002_leaves_opencc_unloaded_when_every_han_character_is_in_gb2312() -> None:
    code = (
        "import sys\n"
        "from checks.run import run_checks\n"
        "from checks.rules import rule_by_code\n"
        "from desktop.plan.parse import parse\n"
        "w002 = [rule_by_code('W002')]\n"
        "assert not run_checks(parse('2024年教育工作要点\\n一、落实立德树人根本任务。'), rules=w002)\n"
        "assert 'opencc' not in sys.modules, 'opencc imported'\n"
        "assert run_checks(parse('2024年教育工作要点\\n一、落实立徳树人根本任务。'), rules=w002)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert done.returncode == 0, done.stderr


def test_a_check_run_computes_the_themes_report_once(monkeypatch) -> None:
    import checks.themes.report as report_module

    calls = []
    real = report_module.themes_report

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr("checks.themes.themes_report", counted)
    plan = parse("2024年教育工作要点\n一、加强党的建设\n1.加强基层党组织建设。\n二、安全\n1.加强安全教育。")
    found = run_checks(plan, CheckConfig(), rules=list(theme_rules.RULES))
    assert {f.code for f in found} >= {"T001"}
    assert len(calls) == 1
    assert theme_rules.report_for(plan) is theme_rules.report_for(plan, with_peers=True)  # the panel's
    assert len(calls) == 1
