"""Live checking on the real window: type an error, see it, jump to it, fix it."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from desktop.app.editor import tooltip_text

pytestmark = pytest.mark.gui


def _type_over(qtbot, window, pattern: str, typed: str) -> int:
    """Select the first match of ``pattern`` in the editor and type ``typed`` over it."""
    text = window.editor.toPlainText()
    match = re.search(pattern, text, re.M)
    assert match, pattern
    window.editor.goto(match.start(), match.end())
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, typed)
    return match.start()


def test_typed_numbering_error_appears_jumps_and_is_fixed(qtbot, settle, window, corpus_path):
    window.files.open_path(corpus_path("huishan"))
    settle(window)
    assert not any(f.code.startswith("S") for f in window.shown.findings)
    offset = _type_over(qtbot, window, r"^2(?=\.提升党的建设水平)", "3")
    # the check runs by itself once typing pauses
    qtbot.waitUntil(
        lambda: (
            window.shown is not None
            and window.shown.text == window.editor.toPlainText()
            and any(f.code == "S001" for f in window.shown.findings)
        ),
        timeout=30_000,
    )
    assert "错误" in window.problems_label.text() and "错误 0" not in window.problems_label.text()
    panel = window.problems
    panel.set_filter(severity="error", family="S")
    rows = panel.visible_findings()
    assert rows and all(f.code.startswith("S") and f.severity.value == "error" for f in rows)
    row = next(i for i, f in enumerate(rows) if f.code == "S001")
    # a real double-click on the row
    panel.select_row(row)
    index = panel.view.currentIndex()
    rect = panel.view.visualRect(index)
    window.editor.goto(0)
    # Qt's item views want the press of the first click before they report a double-click.
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.editor.textCursor().selectionStart() == offset
    assert window.editor.textCursor().selectedText() == "3."
    # the finding is underlined and its message is the tooltip
    under = window.editor.findings_at(window.editor.textCursor().selectionStart())
    assert any(f.code == "S001" for f in under)
    assert "S001" in tooltip_text(under)
    # apply its fix
    assert panel.fix_button.isEnabled()
    qtbot.mouseClick(panel.fix_button, Qt.MouseButton.LeftButton)
    settle(window)
    assert re.search(r"^2\.提升党的建设水平", window.editor.toPlainText(), re.M)
    assert not any(f.code == "S001" for f in window.shown.findings)
    window.editor.undo()  # the fix is one undoable step
    assert re.search(r"^3\.提升党的建设水平", window.editor.toPlainText(), re.M)


def test_fix_all_of_a_code(qtbot, settle, window, corpus_path):
    window.files.open_path(corpus_path("huishan"))
    settle(window)
    codes = {f.code for f in window.shown.findings if f.fix or f.fixes}
    assert "P002" in codes  # half-width punctuation throughout: one fix-all
    panel = window.problems
    row = next(i for i, f in enumerate(panel.visible_findings()) if f.code == "P002")
    panel.select_row(row)
    fixes = panel.fixes_for_code("P002")
    assert len(fixes) > 100
    assert panel.fix_all_button.isEnabled()
    panel.fix_all_button.click()
    settle(window)
    assert not any(f.code == "P002" for f in window.shown.findings)
    text = window.editor.toPlainText()
    for fix in fixes[:: len(fixes) // 10]:  # same-length replacements: offsets do not move
        assert len(fix.replacement) == len(fix.span)
        assert text[fix.span.start : fix.span.end] == fix.replacement


def test_stale_results_are_dropped(qtbot, settle, window):
    window.editor.load_text("2025年XX区教育工作要点\n一、甲\n1.第一条。\n2.第二条。\n")
    first = window.recheck()
    second = window.recheck()  # a newer snapshot before the first finished
    qtbot.waitUntil(lambda: window.shown is not None and window.shown.generation == second, timeout=30_000)
    assert first < second
    assert window.runner.latest.generation == second


def test_find_and_replace_all_is_one_step(qtbot, settle, window, corpus_path):
    window.files.open_path(corpus_path("changzhou"))
    settle(window)
    original = window.editor.toPlainText()
    count = original.count("学校")
    dialog = window.find_dialog
    dialog.open_for(True)
    dialog.find_edit.setText("学校")
    dialog.replace_edit.setText("校园")
    assert dialog.replace_all() == count
    assert "学校" not in window.editor.toPlainText()
    window.editor.undo()
    assert window.editor.toPlainText() == original
    dialog.find_edit.setText("五育并举")
    assert dialog.find_next() == ("五育并举" in original)
    dialog.close()


def test_status_bar_counts(settle, window):
    window.editor.load_text("2025年XX区教育工作要点\n一、甲\n1.第一条。\n2.第二条。\n二、乙\n3.第三条。\n")
    settle(window)
    assert window.items_label.text() == "条目：3"
    assert window.chars_label.text().startswith("字数：")
    cursor = window.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    assert not window.busy_label.isVisible()


def test_keystrokes_do_not_analyse_and_unchanged_panels_are_kept(qtbot, settle, window, corpus_path):
    from shiboken6 import getCppPointer

    window.files.open_path(corpus_path("huishan"))
    settle(window)
    generation, shown = window.runner.generation, window.shown
    tree_item = getCppPointer(window.outline.item_at_path((0, 0)))[0]
    underlines = [c for c, _ in window.editor._findings]
    window._check_timer.setInterval(60_000)  # no pause during this test's typing
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, "abc")
    assert window.runner.generation == generation and window.shown is shown  # typing alone: no work
    settle(window)  # the pause: one analysis of the new text
    assert window.runner.generation == generation + 1
    # typing at the end changed neither the outline's shape nor the findings before it
    assert getCppPointer(window.outline.item_at_path((0, 0)))[0] == tree_item
    assert window.editor._findings and all(
        a is b for a, (b, _) in zip(underlines, window.editor._findings, strict=True)
    )
