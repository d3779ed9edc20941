"""The draft's text editor: findings underlined by severity, their messages as tooltips; the
file's line numbers in a gutter; zoom; a right-click menu in the app's own words.

Offsets from the core are Python string indices, converted by :class:`~desktop.app.offsets.OffsetMap`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QHelpEvent,
    QKeySequence,
    QResizeEvent,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QWheelEvent,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from desktop.app.gutter import LineNumberGutter
from desktop.app.line_tags import FileLineTags
from desktop.app.offsets import OffsetMap

if TYPE_CHECKING:
    from checks.finding import Finding

SEVERITY_COLOURS = {"error": "#d32f2f", "warning": "#ef8f00", "info": "#1e88e5"}
DEFAULT_FONT_SIZE = 12  # points: the editor's text at 100 %
MIN_FONT_SIZE, MAX_FONT_SIZE = 8, 36
_BIG_CHANGE = 64  # inserted characters above which the whole text is rescanned


class PlanEditor(QPlainTextEdit):
    """A plain-text editor that knows about findings and edits text as single undoable steps."""

    cursor_offset_changed = Signal(int)  # Python offset of the cursor, for the outline
    text_loaded = Signal()  # a file's text replaced the document (its file lines are to be set)
    zoom_changed = Signal(int)  # the editor's font size in points
    fixes_requested = Signal(object)  # list[Fix] of a finding, chosen from the right-click menu

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        font = QFont()
        font.setFamilies(["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Sans Serif"])
        font.setPointSize(DEFAULT_FONT_SIZE)
        self.setFont(font)
        # What an empty window is for, in the writer's words (shown only while there is no text).
        self.setPlaceholderText(
            self.tr(
                "从这里开始：\n"
                "· 文件 → 以去年要点新建…：打开去年的要点，年份自动改为今年，逐条修改；\n"
                "· 文件 → 打开（Ctrl+O）：打开 Word（.docx）、文本（.txt）或草稿（.plan.yaml）；\n"
                "· 文件 → 从模板新建：按标准结构起草；\n"
                "· 也可以把文件拖进窗口，或直接粘贴文字。\n"
                "帮助 → 使用说明（F1）有详细步骤。"
            )
        )
        self.lines = FileLineTags(self.document())  # each block's line in the file
        self.gutter = LineNumberGutter(self)
        self.blockCountChanged.connect(self._fit_gutter)
        self.updateRequest.connect(self._scroll_gutter)
        self._fit_gutter()
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
        self.lines.set(None)  # the old file's lines mean nothing for the new text
        self.setPlainText(text)
        self._offsets = OffsetMap(text)
        self._offsets_stale = False
        self.document().setModified(False)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.text_loaded.emit()

    def _contents_change(self, position: int, removed: int, added: int) -> None:
        """Keep the offset map without reading the whole text on every keystroke.

        While the text has no character outside the BMP, offsets are the identity and stay so
        unless the inserted characters bring a surrogate pair in; only then is the text rescanned.
        """
        if self.lines.changed(position, removed, added):
            self._fit_gutter()
            self.gutter.update()
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
        self.lines.remember(offsets.to_qt(prefix), offsets.to_qt(len(old) - suffix))
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

    # File lines -------------------------------------------------------------------------------
    def set_file_lines(self, origin: Sequence[int] | None) -> None:
        """Tag each block with its line in the file (None or empty: the text's own numbering)."""
        self.lines.set(origin)
        self._fit_gutter()
        self.gutter.update()

    def file_line(self, block: QTextBlock, previous: int | None = None) -> int:
        """The file line of ``block``; ``previous`` is the file line of the block above, if known.

        A line the file does not have (typed or pasted since) continues from the line above it.
        """
        return self.lines.file_line(block, previous)

    def is_new_line(self, block: QTextBlock) -> bool:
        """Whether ``block`` is a line the file does not have (typed, pasted or inserted since)."""
        return self.lines.active and block.userState() < 0

    def file_line_of(self, text_line: int) -> int:
        """The file line of 1-based ``text_line`` of the editor's text."""
        block = self.document().findBlockByNumber(text_line - 1)
        return self.file_line(block) if block.isValid() else text_line

    def last_file_line(self) -> int:
        return self.file_line(self.document().lastBlock())

    def _fit_gutter(self, _blocks: int = 0) -> None:
        width = self.gutter.width_needed()
        if width != self.viewportMargins().left():
            self.setViewportMargins(width, 0, 0, 0)
            self._place_gutter()

    def _place_gutter(self) -> None:
        area = self.contentsRect()
        self.gutter.setGeometry(QRect(area.left(), area.top(), self.gutter.width_needed(), area.height()))

    def _scroll_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self.gutter.scroll(0, dy)
        else:
            self.gutter.update(0, rect.y(), self.gutter.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_gutter()

    # Zoom -------------------------------------------------------------------------------------
    def font_size(self) -> int:
        return self.font().pointSize()

    def set_font_size(self, points: int) -> int:
        """Show the text at ``points`` (kept within readable bounds); returns the size now used."""
        points = max(MIN_FONT_SIZE, min(int(points), MAX_FONT_SIZE))
        if points != self.font_size():
            font = self.font()
            font.setPointSize(points)
            self.setFont(font)
            self._fit_gutter()
            self._place_gutter()
            self.zoom_changed.emit(points)
        return points

    def zoom_by(self, steps: int) -> int:
        """Ctrl+= / Ctrl+- / Ctrl+wheel: one point per step, as Word's zoom feels on text."""
        return self.set_font_size(self.font_size() + steps)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom_by(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    # Context menu -----------------------------------------------------------------------------
    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        position = self.cursorForPosition(event.pos()).position()
        self.context_menu(position).exec(event.globalPos())

    def context_menu(self, position: int | None = None) -> QMenu:
        """The right-click menu, with the same words and shortcuts as the 编辑 menu (重做 Ctrl+Y).

        Qt's own menu would name Redo by the platform's key (Ctrl+Shift+Z on Linux), which would
        contradict the menu bar; so the menu is built here from the app's wording. On an underlined
        word it starts, as Word's does on a misspelling, with the finding's fix and its rule.
        """
        menu = QMenu(self)
        for finding in self.findings_at(position)[:3] if position is not None else []:
            fixes = list(finding.all_fixes())
            if fixes:
                fix = menu.addAction(self.tr("应用修复（%1）").replace("%1", finding.code))
                fix.triggered.connect(lambda _checked=False, f=fixes: self.fixes_requested.emit(f))
            explain = menu.addAction(self.tr("%1 这条规则是什么意思").replace("%1", finding.code))
            explain.triggered.connect(lambda _checked=False, code=finding.code: self._explain(code))
        if not menu.isEmpty():
            menu.addSeparator()
        document = self.document()
        selected = self.textCursor().hasSelection()
        Key = QKeySequence.StandardKey
        entries = (
            ("撤销(&U)", self.undo, Key.Undo, document.isUndoAvailable()),
            ("重做(&R)", self.redo, "Ctrl+Y", document.isRedoAvailable()),
            None,
            ("剪切(&T)", self.cut, Key.Cut, selected and not self.isReadOnly()),
            ("复制(&C)", self.copy, Key.Copy, selected),
            ("粘贴(&P)", self.paste, Key.Paste, self.canPaste()),
            ("删除(&D)", self.textCursor().removeSelectedText, Key.Delete, selected),
            None,
            ("全选(&L)", self.selectAll, Key.SelectAll, not document.isEmpty()),
        )
        for entry in entries:
            if entry is None:
                menu.addSeparator()
                continue
            label, slot, shortcut, enabled = entry
            action = menu.addAction(self.tr(label))
            action.setShortcut(QKeySequence(shortcut))
            action.setEnabled(enabled)
            action.triggered.connect(lambda _checked=False, run=slot: run())
        return menu

    def _explain(self, code: str) -> None:
        from desktop.app.help_dialog import show_rule

        show_rule(self.window(), code)

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
