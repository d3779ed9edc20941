"""Zoom like Word: Ctrl+wheel, Ctrl+=, Ctrl+-, Ctrl+0 on the editor; panel text size; remembered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from desktop.app.settings import EDITOR_FONT_SIZE, PANEL_FONT_SIZE, AppSettings

pytestmark = pytest.mark.gui


def _press(qtbot, window, key, modifier=Qt.KeyboardModifier.ControlModifier) -> None:
    window.activateWindow()
    window.editor.setFocus()
    qtbot.keyClick(window.editor, key, modifier)


def _wheel(widget, steps: int) -> None:
    event = QWheelEvent(
        QPointF(20, 20),
        QPointF(widget.mapToGlobal(QPoint(20, 20))),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget.viewport(), event)


def test_keys_and_wheel_zoom_the_editor(window, qtbot):
    editor = window.editor
    assert editor.font_size() == EDITOR_FONT_SIZE
    _press(qtbot, window, Qt.Key.Key_Equal)
    assert editor.font_size() == EDITOR_FONT_SIZE + 1
    _press(qtbot, window, Qt.Key.Key_Minus)
    _press(qtbot, window, Qt.Key.Key_Minus)
    assert editor.font_size() == EDITOR_FONT_SIZE - 1
    _wheel(editor, 3)
    assert editor.font_size() == EDITOR_FONT_SIZE
    _wheel(editor, 1)
    assert editor.font_size() == EDITOR_FONT_SIZE + 1
    assert editor.toPlainText() == ""  # zoom keys type nothing
    _press(qtbot, window, Qt.Key.Key_0)
    assert editor.font_size() == EDITOR_FONT_SIZE


def test_sizes_are_bounded_and_the_gutter_follows(window):
    editor = window.editor
    editor.load_text("\n".join(f"第{i}行" for i in range(1, 1200)))
    narrow = editor.gutter.width_needed()
    assert editor.set_font_size(200) == 36
    assert editor.gutter.width_needed() > narrow
    assert editor.viewportMargins().left() == editor.gutter.width_needed()
    assert editor.set_font_size(1) == 8


def test_panel_size_and_zoom_are_remembered(window, app_settings, qtbot):
    from desktop.app.main_window import MainWindow

    assert PANEL_FONT_SIZE >= 11  # readable by default, above Qt's 9 pt
    assert window.problems.view.font().pointSize() == PANEL_FONT_SIZE
    assert window.outline.tree.font().pointSize() == PANEL_FONT_SIZE
    window.zoom.set_panel_font_size(15)
    window.editor.zoom_by(3)
    for widget in (window.problems.view, window.outline.tree, window.themes):
        assert widget.font().pointSize() == 15
    height = window.problems.view.verticalHeader().defaultSectionSize()
    assert height >= window.problems.view.fontMetrics().height()
    again = MainWindow(AppSettings(app_settings.folder))
    qtbot.addWidget(again)
    assert again.editor.font_size() == EDITOR_FONT_SIZE + 3
    assert again.problems.view.font().pointSize() == 15
    again.close()


def test_view_menu_lists_the_zoom_commands_with_keys(window):
    view = next(m.menu() for m in window.menuBar().actions() if m.text().startswith("视图"))
    shown = {a.text(): a.shortcut().toString() for a in view.actions() if not a.isSeparator()}
    assert shown["放大"] == "Ctrl+="
    assert shown["缩小"] == "Ctrl+-"
    assert shown["恢复默认大小"] == "Ctrl+0"
    assert "字号…" in shown
