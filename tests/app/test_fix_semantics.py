"""On the real window: 应用修复 on a duplicated number renumbers the rest of the run (the finding
is gone, not moved to the next item), and an item inserted from the outline is an error whose
placeholder is selected, so typing replaces it."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from desktop.plan.outline_edit import PLACEHOLDER

pytestmark = pytest.mark.gui

DUPLICATED = "2024年教育工作要点\n一、加强党的建设\n1.抓学习。\n2.抓班子。\n2.抓队伍。\n3.抓作风。\n4.抓考核。\n二、推进改革\n5.抓评价。\n"


def _codes(window) -> list[str]:
    return [f.code for f in window.shown.findings]


def test_fixing_a_duplicate_renumbers_the_rest(qtbot, settle, window, tmp_path):
    path = tmp_path / "草稿.txt"
    path.write_text(DUPLICATED, encoding="utf-8")
    assert window.files.open_path(path)
    settle(window)
    before = window.editor.toPlainText()
    assert _codes(window).count("S002") == 1
    panel = window.problems
    row = next(i for i, f in enumerate(panel.visible_findings()) if f.code == "S002")
    panel.select_row(row)
    qtbot.mouseClick(panel.fix_button, Qt.MouseButton.LeftButton)
    settle(window)
    text = window.editor.toPlainText()
    assert re.findall(r"^(\d+)\.", text, re.M) == ["1", "2", "3", "4", "5", "6"]
    assert not {"S001", "S002", "S009"} & set(_codes(window))
    window.editor.undo()  # one undoable step
    assert window.editor.toPlainText() == before


def test_inserted_item_is_selected_and_an_error_until_typed_over(qtbot, settle, window, corpus_path):
    window.files.open_path(corpus_path("changzhou"))
    settle(window)
    window.editor.setFocus()
    assert window.outline.insert_sibling((0, 0))
    cursor = window.editor.textCursor()
    assert cursor.selectedText() == PLACEHOLDER
    settle(window)
    prompts = [f for f in window.shown.findings if f.code == "W012"]
    assert [(f.severity.value, f.span.start) for f in prompts] == [("error", cursor.selectionStart())]
    typed = QInputMethodEvent()  # Chinese arrives from the input method as a committed string
    typed.setCommitString("推进清廉学校建设。")
    QApplication.sendEvent(window.editor, typed)
    text = window.editor.toPlainText()
    assert re.search(r"^2\.推进清廉学校建设。$", text, re.M) and PLACEHOLDER not in text
    settle(window)
    assert "W012" not in _codes(window)
