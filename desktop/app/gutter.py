"""The editor's line-number gutter, numbered with the file's own lines.

A writer who runs ``plandesk check`` or opens the file in Notepad sees the file's line numbers; the
editor shows cleaned text (page furniture dropped, broken lines rejoined) or a draft's text after
its front matter, so its own paragraph count would disagree. Each block of the editor carries its
file line (see :meth:`desktop.app.editor.PlanEditor.file_line`); the gutter paints those, so a gap
in the numbers shows where cleaning removed lines of the file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from desktop.app.editor import PlanEditor

GUTTER_BACKGROUND = QColor("#f3f3f3")
GUTTER_NUMBER = QColor("#8a8a8a")
_PADDING = 6  # pixels either side of the numbers


class LineNumberGutter(QWidget):
    """Paints the file line of each visible block beside ``editor``; sized by the editor."""

    def __init__(self, editor: PlanEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def width_needed(self) -> int:
        """Room for the largest number the file can show, at least four digits' worth."""
        digits = max(4, len(str(self.editor.last_file_line())))
        return self.editor.fontMetrics().horizontalAdvance("9" * digits) + 2 * _PADDING

    def sizeHint(self) -> QSize:
        return QSize(self.width_needed(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), GUTTER_BACKGROUND)
        editor = self.editor
        block = editor.firstVisibleBlock()
        if not block.isValid():
            return
        offset = editor.contentOffset()
        top = round(editor.blockBoundingGeometry(block).translated(offset).top())
        height = editor.fontMetrics().height()
        line = editor.file_line(block)
        painter.setFont(editor.font())
        painter.setPen(GUTTER_NUMBER)
        while block.isValid() and top <= event.rect().bottom():
            bottom = top + round(editor.blockBoundingRect(block).height())
            if block.isVisible() and bottom >= event.rect().top():
                # A line the file does not have shows “+”, not the number it continues from: two
                # lines showing “10” left the writer guessing which one a finding meant.
                painter.drawText(
                    QRect(0, top, self.width() - _PADDING, height),
                    int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
                    "+" if editor.is_new_line(block) else str(line),
                )
            block = block.next()
            top = bottom
            if block.isValid():
                line = editor.file_line(block, previous=line)
        painter.end()
