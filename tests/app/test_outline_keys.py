"""The outline by keyboard: moves repeat, cross sections at the same level, a section's deletion asks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

pytestmark = pytest.mark.gui
ALT = Qt.KeyboardModifier.AltModifier


def _focus_outline(window, qtbot, path) -> None:
    window.activateWindow()
    window.outline.tree.setFocus()
    window.outline.tree.setCurrentItem(window.outline.item_at_path(path))
    qtbot.waitUntil(window.outline.tree.hasFocus)


def _current(window) -> tuple[tuple[int, ...], str]:
    item = window.outline.tree.currentItem()
    return tuple(item.data(0, Qt.ItemDataRole.UserRole + 1)), item.text(0)


def _children(window, section: int) -> list[str]:
    item = window.outline.item_at_path((section,))
    return [item.child(i).text(0) for i in range(item.childCount())]


def test_alt_down_repeats_and_keeps_the_focus_on_the_moved_item(settle, window, corpus_path, qtbot):
    window.files.open_path(corpus_path("huishan"))
    settle(window)
    _focus_outline(window, qtbot, (0, 1))  # 2.提升党的建设水平
    tree = window.outline.tree
    qtbot.keyClick(tree, Qt.Key.Key_Down, ALT)
    qtbot.keyClick(tree, Qt.Key.Key_Down, ALT)
    assert tree.hasFocus()
    assert _current(window) == ((0, 3), "4.提升党的建设水平")
    assert _children(window, 0)[:4] == [
        "1.加强政治理论武装",
        "2.严肃意识形态管理",
        "3.夯实组织建设基础",
        "4.提升党的建设水平",
    ]
    qtbot.keyClick(tree, Qt.Key.Key_Up, ALT)
    assert _current(window) == ((0, 2), "3.提升党的建设水平")
    for _ in range(3):  # three undos: the text is back as it was, one step per move
        window.editor.undo()
    settle(window)
    assert _children(window, 0)[1] == "2.提升党的建设水平"


def test_moves_cross_into_the_neighbouring_section(settle, window, corpus_path, qtbot):
    window.files.open_path(corpus_path("huishan"))
    settle(window)
    before = window.editor.toPlainText()
    _focus_outline(window, qtbot, (1, 0))  # 7.持续扩大优质教育资源, first item of 二、
    qtbot.keyClick(window.outline.tree, Qt.Key.Key_Up, ALT)
    path, label = _current(window)
    assert path == (0, 6) and label.startswith("7.持续扩大优质教育")  # last of 一、, same level
    assert len(_children(window, 0)) == 7
    qtbot.keyClick(window.outline.tree, Qt.Key.Key_Down, ALT)  # and back again
    path, label = _current(window)
    assert path == (1, 0) and label.startswith("7.持续扩大优质教育")
    assert window.editor.toPlainText() == before
    assert window.outline.tree.hasFocus()
    _focus_outline(window, qtbot, (0, 0))  # the first item of the first section stays
    assert not window.outline.move_up()


def _answer(qtbot, button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Answer the next message box with ``button``, keeping its text."""

    def box_shown() -> bool:
        box = QApplication.activeModalWidget()
        return isinstance(box, QMessageBox)

    qtbot.waitUntil(box_shown)
    box = QApplication.activeModalWidget()
    seen.append(box.text())
    box.button(button).click()


def test_deleting_a_section_asks_and_says_it_can_be_undone(settle, window, corpus_path, qtbot):
    from PySide6.QtCore import QTimer

    window.files.open_path(corpus_path("huishan"))
    settle(window)
    before = window.editor.toPlainText()
    _focus_outline(window, qtbot, (3,))  # 四、 with three items
    seen: list[str] = []
    QTimer.singleShot(0, window, lambda: _answer(qtbot, QMessageBox.StandardButton.No, seen))
    qtbot.keyClick(window.outline.tree, Qt.Key.Key_Delete)
    assert "撤销" in seen[0] and "Ctrl+Z" in seen[0] and "3" in seen[0]
    assert window.editor.toPlainText() == before
    _focus_outline(window, qtbot, (3,))
    QTimer.singleShot(0, window, lambda: _answer(qtbot, QMessageBox.StandardButton.Yes, seen))
    qtbot.keyClick(window.outline.tree, Qt.Key.Key_Delete)
    assert "四、突出师能提升" not in window.editor.toPlainText()
    window.editor.undo()
    assert window.editor.toPlainText() == before
    # A single item goes without a question (undo is one keystroke away).
    _focus_outline(window, qtbot, (3, 0))
    qtbot.keyClick(window.outline.tree, Qt.Key.Key_Delete)
    assert "加强师德师风建设" not in window.editor.toPlainText()
    assert len(seen) == 2
