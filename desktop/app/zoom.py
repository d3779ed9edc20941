"""Text size: the editor's zoom (Ctrl+wheel, Ctrl+=, Ctrl+-, Ctrl+0) and the panels' font size.

Office laptops run 1366×768 screens at 100 %, where Qt's default 9 pt is small for a writer who
reads findings all day; Word and WPS zoom with the same keys. Both sizes are remembered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFormLayout,
    QMenu,
    QSpinBox,
    QWidget,
)

from desktop.app.editor import MAX_FONT_SIZE, MIN_FONT_SIZE
from desktop.app.settings import EDITOR_FONT_SIZE

if TYPE_CHECKING:
    from desktop.app.main_window import MainWindow


class Zoom(QObject):
    """The 视图 menu's size commands for one window; applies the remembered sizes at once."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        editor = window.editor
        self.zoom_in_action = self._action(self.tr("放大"), editor.zoom_by, 1, ("Ctrl+=", "Ctrl++"))
        self.zoom_out_action = self._action(self.tr("缩小"), editor.zoom_by, -1, ("Ctrl+-",))
        self.reset_action = self._action(self.tr("恢复默认大小"), self.reset, None, ("Ctrl+0",))
        self.font_action = QAction(self.tr("字号…"), self)
        self.font_action.triggered.connect(lambda _checked=False: self.choose_sizes())
        editor.set_font_size(self.settings.editor_font_size)
        editor.zoom_changed.connect(self._remember_editor_size)
        self.set_panel_font_size(self.settings.panel_font_size)

    def _action(self, label: str, slot, argument: int | None, keys: tuple[str, ...]) -> QAction:
        action = QAction(label, self)
        action.setShortcuts([QKeySequence(key) for key in keys])
        if argument is None:
            action.triggered.connect(lambda _checked=False: slot())
        else:
            action.triggered.connect(lambda _checked=False: slot(argument))
        # Window-wide: zoom works whether the editor or a panel has the focus.
        self.window.addAction(action)
        return action

    def actions(self) -> list[QAction]:
        return [self.zoom_in_action, self.zoom_out_action, self.reset_action, self.font_action]

    def add_to(self, menu: QMenu) -> None:
        menu.addActions(self.actions()[:3])
        menu.addSeparator()
        menu.addAction(self.font_action)

    def reset(self) -> None:
        self.window.editor.set_font_size(EDITOR_FONT_SIZE)

    def _remember_editor_size(self, points: int) -> None:
        self.settings.editor_font_size = points

    def panels(self) -> list[QDockWidget]:
        return self.window.findChildren(QDockWidget)

    def set_panel_font_size(self, points: int) -> int:
        """Show the panels' text at ``points``; remembered for the next start."""
        points = max(MIN_FONT_SIZE, min(int(points), MAX_FONT_SIZE))
        for dock in self.panels():
            font = dock.font()
            font.setPointSize(points)
            dock.setFont(font)
        self.settings.panel_font_size = points
        return points

    def choose_sizes(self) -> bool:
        """视图 → 字号…: the editor's and the panels' sizes in one small dialog."""
        dialog = FontSizeDialog(self.window.editor.font_size(), self.settings.panel_font_size, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.window.editor.set_font_size(dialog.editor_size.value())
        self.set_panel_font_size(dialog.panel_size.value())
        return True


class FontSizeDialog(QDialog):
    """Two sizes in points, bounded to what stays readable and fits the window."""

    def __init__(self, editor_points: int, panel_points: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("字号"))
        self.editor_size = self._spin(editor_points)
        self.panel_size = self._spin(panel_points)
        form = QFormLayout(self)
        form.addRow(self.tr("正文（编辑区）："), self.editor_size)
        form.addRow(self.tr("大纲、问题、主题面板："), self.panel_size)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @staticmethod
    def _spin(value: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(MIN_FONT_SIZE, MAX_FONT_SIZE)
        box.setSuffix(" 磅")
        box.setValue(value)
        return box
