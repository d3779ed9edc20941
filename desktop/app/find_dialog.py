"""Find and replace (Ctrl+F / Ctrl+H), like Word's: next, previous, replace, replace all.

F3 and Shift+F3 repeat the last search from the editor without the dialog; with nothing searched
yet they search for the selected words, or open the dialog, as Word and WPS do.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.app.editor import PlanEditor


class FindReplaceDialog(QDialog):
    """A modeless dialog acting on one editor; replace-all is one undoable step."""

    def __init__(self, editor: PlanEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.setWindowTitle(self.tr("查找和替换"))
        self.find_edit = QLineEdit()
        self.replace_edit = QLineEdit()
        self.case_box = QCheckBox(self.tr("区分大小写"))
        self.status = QLabel()
        grid = QGridLayout(self)
        grid.addWidget(QLabel(self.tr("查找内容：")), 0, 0)
        grid.addWidget(self.find_edit, 0, 1)
        self.replace_label = QLabel(self.tr("替换为："))
        grid.addWidget(self.replace_label, 1, 0)
        grid.addWidget(self.replace_edit, 1, 1)
        grid.addWidget(self.case_box, 2, 1)
        buttons = QHBoxLayout()
        for label, slot in (
            (self.tr("查找下一处"), self.find_next),
            (self.tr("查找上一处"), self.find_previous),
        ):
            button = QPushButton(label)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        self.replace_button = QPushButton(self.tr("替换"))
        self.replace_button.clicked.connect(self.replace_one)
        self.replace_all_button = QPushButton(self.tr("全部替换"))
        self.replace_all_button.clicked.connect(self.replace_all)
        buttons.addWidget(self.replace_button)
        buttons.addWidget(self.replace_all_button)
        grid.addLayout(buttons, 3, 0, 1, 2)
        grid.addWidget(self.status, 4, 0, 1, 2)
        self.find_edit.returnPressed.connect(self.find_next)

    def open_for(self, replace: bool) -> None:
        """Show the dialog, with the replace row only for Ctrl+H, seeded with the selection."""
        for widget in (self.replace_label, self.replace_edit, self.replace_button, self.replace_all_button):
            widget.setVisible(replace)
        self.setWindowTitle(self.tr("替换") if replace else self.tr("查找"))
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_edit.setText(selected)
        self.status.clear()
        self.show()
        self.raise_()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def _flags(self, backward: bool = False) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if self.case_box.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if backward:
            flags |= QTextDocument.FindFlag.FindBackward
        return flags

    def find_next(self) -> bool:
        return self._find(backward=False)

    def find_previous(self) -> bool:
        return self._find(backward=True)

    def _find(self, backward: bool) -> bool:
        needle = self.find_edit.text()
        if not needle:
            selected = self.editor.textCursor().selectedText()
            if not selected or "\u2029" in selected:
                self.open_for(False)
                return False
            self.find_edit.setText(selected)
            needle = selected
        if self.editor.find(needle, self._flags(backward)):
            self.status.clear()
            return True
        # Wrap around once, like Word does after asking.
        cursor = self.editor.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start)
        self.editor.setTextCursor(cursor)
        if self.editor.find(needle, self._flags(backward)):
            self.status.setText(self.tr("已从文档另一端继续查找"))
            return True
        self.status.setText(self.tr("找不到“%1”").replace("%1", needle))
        return False

    def replace_one(self) -> None:
        needle = self.find_edit.text()
        cursor = self.editor.textCursor()
        if needle and cursor.hasSelection() and self._matches(cursor.selectedText(), needle):
            cursor.insertText(self.replace_edit.text())
        self.find_next()

    def _matches(self, found: str, needle: str) -> bool:
        return found == needle if self.case_box.isChecked() else found.lower() == needle.lower()

    def replace_all(self) -> int:
        """Replace every occurrence in one edit block; returns how many were replaced."""
        needle, replacement = self.find_edit.text(), self.replace_edit.text()
        if not needle:
            return 0
        document = self.editor.document()
        count = 0
        edit = QTextCursor(document)
        edit.beginEditBlock()
        found = document.find(needle, 0, self._flags())
        while not found.isNull():
            found.insertText(replacement)
            count += 1
            found = document.find(needle, found.position(), self._flags())
        edit.endEditBlock()
        self.status.setText(self.tr("已替换 %1 处").replace("%1", str(count)))
        return count
