"""“加入词典” from the problems panel, and the themes panel with 五育's parts, on the real window."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checks.config import load_config
from checks.themes.coverage import Status
from desktop.plan.model import Metadata

pytestmark = pytest.mark.gui
REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "sample_plan_2027.txt"
TEXT = "2025年XX区教育工作要点\n一、加强党的建设\n1.建设蓝天蓝天幼儿园分园。\n2.推进强师工程。\n"


def test_add_word_to_dictionary_silences_the_finding(qtbot, settle, window, app_settings):
    window.editor.load_text(TEXT)
    window.files.set_overrides(Metadata(issuer="XX区教育局"))
    settle(window)
    panel = window.problems
    panel.set_filter(family="W")
    rows = panel.visible_findings()
    row = next(i for i, f in enumerate(rows) if f.code == "W003")
    panel.select_row(row)
    assert panel.add_word_button.isEnabled()
    panel.add_word_button.click()  # 加入词典
    settle(window)
    assert not any(f.code == "W003" for f in window.shown.findings)
    assert any(f.code == "W005" for f in window.shown.findings)  # other wording findings stay
    stored = app_settings.folder / "words" / "XX区教育局.yaml"
    assert yaml.safe_load(stored.read_text(encoding="utf-8"))["user_words"] == ["蓝天蓝天"]
    assert "蓝天蓝天" in load_config(stored).user_words  # the same file works for plandesk check --config

    # the list belongs to that bureau: another 发文机关 still gets the finding
    window.files.set_overrides(Metadata(issuer="YY区教育局"))
    settle(window)
    assert any(f.code == "W003" for f in window.shown.findings)


def test_add_word_only_for_wording_findings(settle, window):
    window.editor.load_text(TEXT)
    settle(window)
    panel = window.problems
    row = next(i for i, f in enumerate(panel.visible_findings()) if f.code == "T001")
    panel.select_row(row)
    assert not panel.add_word_button.isEnabled()


def test_themes_panel_shows_five_education_parts(qtbot, settle, window):
    assert window.files.open_path(SAMPLE)
    settle(window)
    themes = window.themes
    parts = dict(themes.part_rows("五育"))
    assert set(parts) == {"德育", "智育", "体育", "美育", "劳动教育"}
    # the command line's words (Status.label): the panel and `plandesk themes` say the same
    assert parts["智育"] == parts["美育"] == Status.MISSING.label == "未涉及"
    assert parts["德育"] == Status.COVERED.label == "已覆盖"
    top = next(
        themes.tree.topLevelItem(i)
        for i in range(themes.tree.topLevelItemCount())
        if themes.tree.topLevelItem(i).text(0).startswith("五育")
    )
    assert top.isExpanded()  # a missing part opens the theme by itself
    # every theme's name fits its column at the default layout of a 1366×768 laptop's window
    window.resize(1366, 728)
    window._default_docks()
    qtbot.wait(50)
    metrics = themes.tree.fontMetrics()
    names = [themes.tree.topLevelItem(i).text(0) for i in range(themes.tree.topLevelItemCount())]
    indent = themes.tree.indentation() + 8
    assert all(metrics.horizontalAdvance(n) + indent <= themes.tree.columnWidth(0) for n in names)
    # step through 德育's mentions: the editor lands on each
    moral = next(top.child(j) for j in range(top.childCount()) if top.child(j).text(0) == "德育")
    themes.tree.setCurrentItem(moral)
    themes.step(+1)
    first = window.editor.textCursor().selectedText()
    themes.step(+1)
    assert first and window.editor.textCursor().selectedText()
    assert themes.tree.currentItem().parent() is moral
