"""A failing rule module is reported, never shown as "no problems" (no Qt window needed)."""

from __future__ import annotations

import pytest

from desktop.app.workers import analyse


def test_a_rule_module_that_fails_to_import_is_an_error_not_silence(monkeypatch) -> None:
    import checks.run

    def broken(*_args, **_kwargs):
        raise ImportError("a rule module is broken")

    monkeypatch.setattr(checks.run, "run_checks", broken)
    result = analyse(1, "一、加强党建\n1.抓学习。\n3.抓落实。\n", None, with_themes=False)
    assert result.plan is not None and result.findings == ()
    assert "检查出错" in result.error


@pytest.mark.parametrize("text", ["一、加强党建\n1.抓学习。\n3.抓落实。\n"])
def test_a_working_run_reports_its_findings(text: str) -> None:
    result = analyse(1, text, None, with_themes=False)
    assert result.error == "" and any(f.code == "S001" for f in result.findings)
