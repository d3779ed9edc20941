"""The draft's text editor: findings underlined by severity, their messages as tooltips.

Offsets from the core are Python string indices; Qt counts UTF-16 units. They differ only after a
character outside the Basic Multilingual Plane (rare CJK extensions, emoji), which
:class:`OffsetMap` accounts for, so a finding never underlines the wrong characters.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QColor, QFont, QHelpEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

if TYPE_CHECKING:
    from checks.finding import Finding

SEVERITY_COLOURS = {"error": "#d32f2f", "warning": "#ef8f00", "info": "#1e88e5"}
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_BIG_CHANGE = 64  # inserted characters above which the whole text is rescanned


class OffsetMap:
    """Converts between Python string offsets and Qt document positions for one text."""

    def __init__(self, text: str) -> None:
        # A C-speed scan: this runs again after edits that bring such characters in.
        self._astral = [m.start() for m in _ASTRAL.finditer(text)] if not text.isascii() else []

    @property
    def identity(self) -> bool:
        """True when Python and Qt offsets are the same (no character outside the BMP)."""
        return not self._astral

    def to_qt(self, offset: int) -> int:
        if not self._astral:
            return offset
        return offset + bisect.bisect_left(self._astral, offset)

    def to_py(self, position: int) -> int:
        if not self._astral:
            return position
        # Each astral character before the position occupies one extra Qt unit.
        lo, hi = 0, len(self._astral)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._astral[mid] + mid < position:
                lo = mid + 1
            else:
                hi = mid
        return position - lo


class PlanEditor(QPlainTextEdit):
    """A plain-text editor that knows about findings and edits text as single undoable steps."""

    cursor_offset_changed = Signal(int)  # Python offset of the cursor, for the outline

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        font = QFont()
        font.setFamilies(["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Sans Serif"])
        font.setPointSize(12)
        self.setFont(font)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTabChangesFocus(False)
        self._findings: list[tuple[QTextCursor, Finding]] = []
        self._findings_key: tuple[object, ...] = ()
        self._offsets = OffsetMap("")
        self._offsets_stale = False
        self.cursorPositionChanged.connect(self._emit_cursor_offset)
        self.document().contentsChange.connect(self._contents_change)

    # Text -------------------------------------------------------------------------------------
    def text(self) -> str:
        return self.toPlainText()

    def load_text(self, text: str) -> None:
        """Replace the document (a new file): clears undo history and findings."""
        self.setPlainText(text)
        self._offsets = OffsetMap(text)
        self._offsets_stale = False
        self.document().setModified(False)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def _contents_change(self, position: int, _removed: int, added: int) -> None:
        """Keep the offset map without reading the whole text on every keystroke.

        While the text has no character outside the BMP, offsets are the identity and stay so
        unless the inserted characters bring a surrogate pair in; only then is the text rescanned.
        """
        if self._offsets_stale:
            return
        if not self._offsets.identity or added > _BIG_CHANGE:
            self._offsets_stale = True
            return
        document = self.document()
        for qt_position in range(position, position + added):
            if 0xD800 <= ord(document.characterAt(qt_position) or " ") <= 0xDFFF:
                self._offsets_stale = True
                return

    def offsets(self) -> OffsetMap:
        if self._offsets_stale:
            self._offsets = OffsetMap(self.toPlainText())
            self._offsets_stale = False
        return self._offsets

    def replace_text(self, new_text: str, cursor_offset: int | None = None) -> bool:
        """Turn the document into ``new_text`` as ONE undoable edit; False when nothing changed.

        Only the differing middle is replaced, so scroll position, the other findings'
        underlines and the undo stack stay small even for a renumbering of a long plan.
        """
        old = self.toPlainText()
        if old == new_text:
            return False
        prefix = 0
        limit = min(len(old), len(new_text))
        while prefix < limit and old[prefix] == new_text[prefix]:
            prefix += 1
        suffix = 0
        while suffix < limit - prefix and old[len(old) - 1 - suffix] == new_text[len(new_text) - 1 - suffix]:
            suffix += 1
        offsets = self.offsets()
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.setPosition(offsets.to_qt(prefix))
        cursor.setPosition(offsets.to_qt(len(old) - suffix), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(new_text[prefix : len(new_text) - suffix])
        cursor.endEditBlock()
        if cursor_offset is not None:
            self.goto(cursor_offset)
        return True

    # Navigation -------------------------------------------------------------------------------
    def cursor_offset(self) -> int:
        return self.offsets().to_py(self.textCursor().position())

    def goto(self, offset: int, end: int | None = None) -> None:
        """Put the cursor at ``offset`` (selecting up to ``end``) and show it in the middle."""
        offsets = self.offsets()
        size = self.document().characterCount() - 1
        cursor = self.textCursor()
        cursor.setPosition(max(0, min(offsets.to_qt(offset), size)))
        if end is not None and end > offset:
            cursor.setPosition(max(0, min(offsets.to_qt(end), size)), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()

    def _emit_cursor_offset(self) -> None:
        self.cursor_offset_changed.emit(self.cursor_offset())

    # Findings ---------------------------------------------------------------------------------
    def show_findings(self, findings: Iterable[Finding]) -> None:
        """Underline the findings of an analysis of the text now on screen.

        Cursors inside a document move with later edits, so the underlines stay on the right
        words while the writer keeps typing and the next analysis runs.
        """
        findings = sorted(findings, key=lambda f: -_rank(f))
        key = tuple((f.code, f.span.start, f.span.end, f.severity.value, f.message) for f in findings)
        if key == self._findings_key and self._underlines_in_place():
            return  # the same findings, still under the same characters: nothing to redo
        offsets = self.offsets()
        size = self.document().characterCount() - 1
        selections: list[QTextEdit.ExtraSelection] = []
        self._findings = []
        self._findings_key = key
        for finding in findings:
            start = offsets.to_qt(finding.span.start)
            end = offsets.to_qt(max(finding.span.end, finding.span.start + 1))
            start, end = min(start, size), min(end, size)
            if start >= end:
                start = max(0, end - 1)
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor(SEVERITY_COLOURS.get(finding.severity.value, "#888888")))
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
            self._findings.append((cursor, finding))
        self.setExtraSelections(selections)

    def _underlines_in_place(self) -> bool:
        """Whether each underline still covers its finding's span (edits elsewhere move cursors)."""
        offsets = self.offsets()
        size = self.document().characterCount() - 1
        for cursor, finding in self._findings:
            start = min(offsets.to_qt(finding.span.start), size)
            end = min(offsets.to_qt(max(finding.span.end, finding.span.start + 1)), size)
            if start >= end:
                start = max(0, end - 1)
            if (cursor.selectionStart(), cursor.selectionEnd()) != (start, end):
                return False
        return True

    def findings_at(self, position: int) -> list[Finding]:
        """Findings whose underline covers Qt position ``position``."""
        return [f for c, f in self._findings if c.selectionStart() <= position < max(c.selectionEnd(), 1)]

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            position = self.cursorForPosition(event.pos()).position()
            found = self.findings_at(position)
            if found:
                QToolTip.showText(event.globalPos(), tooltip_text(found), self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)


def _rank(finding: Finding) -> int:
    return {"error": 3, "warning": 2, "info": 1}.get(finding.severity.value, 0)


def tooltip_text(findings: Iterable[Finding]) -> str:
    """One line per finding: code, then message."""
    return "\n".join(f"{f.code}  {f.message}" for f in findings)
