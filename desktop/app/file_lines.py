"""The file's own line and column, everywhere the window names a place: 行/列 in the status bar, the
gutter and the problems panel's 位置.

The editor holds the text the writer edits: cleaned of a web page's furniture for a .txt, a draft's
text without its front matter for a .plan.yaml. ``plandesk check`` names places in the file, so
the window does the same, from the same :class:`~desktop.plan.read.loader.Source` the command line
uses: while the text is the file's (unmodified), a place is ``Source.position``, exactly the
command line's answer; once the writer edits, each editor block keeps the file line it came from
(see :meth:`desktop.app.editor.PlanEditor.set_file_lines`) and new lines continue from the line
above them.

Why numbers are kept this way after edits: the writer compares them with ``plandesk check`` and
with the file opened elsewhere, and a line's number must not change because something was typed
above it. So a line still there keeps its file line; a new line shows the number of the line above
plus one, without pushing the numbers of the file's later lines (two lines may show the same number
until the draft is saved, when everything is numbered from the saved file again); numbers never go
beyond the file's last line plus the lines inserted. An edit that replaces many lines at once (a
fix of every paragraph, an outline move, an undo, a rewrite of the whole text) would lose Qt's
per-block tags, so the editor matches the new lines against the file lines they replaced, by text
with difflib, pairing lines changed in place in order (:mod:`desktop.app.line_tags`). Counting the
text's own lines instead would be simpler but would disagree with the command line on every
cleaned web page and every draft with front matter.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QLabel

from desktop.plan.errors import InputError

if TYPE_CHECKING:
    from checks.finding import Finding
    from desktop.app.main_window import MainWindow
    from desktop.plan.read.loader import Source

logger = logging.getLogger(__name__)


class FileLines(QObject):
    """Keeps the editor's line numbers, the status bar's 行/列 and the problems' 位置 on the file."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.editor = window.editor
        self.source: Source | None = None  # the file as read, while the editor shows its text
        self._key: tuple[str, int, int] | None = None
        self._cached: Source | None = None
        self._positions: dict[tuple[int, int], tuple[int, int]] = {}
        self.label = QLabel()
        self.label.setContentsMargins(8, 0, 8, 0)
        window.statusBar().addPermanentWidget(self.label)
        self.editor.text_loaded.connect(self.refresh)
        self.editor.document().modificationChanged.connect(self._modification_changed)
        window.windowTitleChanged.connect(self.refresh)  # a save under a new name
        self.editor.cursorPositionChanged.connect(self.show_cursor)
        window.problems.set_position_function(self.finding_position)
        window.outline.file_line = self.editor.file_line_of
        self.refresh()

    def _path(self) -> Path | None:
        draft = self.window.files.draft
        return draft.path or draft.source_path

    @staticmethod
    def key_of(path: Path) -> tuple[str, int, int] | None:
        """What says the file on disk is unchanged: its path, modification time and size."""
        try:
            stat = path.stat()
        except OSError:
            return None
        return str(path), stat.st_mtime_ns, stat.st_size

    def remember(self, key: tuple[str, int, int] | None, source: Source) -> None:
        """The file as it was just read to open it, so that numbering its lines reads it no second
        time (a .docx or a long web page costs tens of milliseconds to read). ``key`` is
        :meth:`key_of` taken before the read: a file changed while it was read is read again."""
        if key is not None:
            self._key, self._cached = key, source

    def _read(self, path: Path) -> Source | None:
        """The file as ``plandesk check`` reads it (kept while the file on disk is unchanged)."""
        from desktop.plan.read.loader import load_source

        key = self.key_of(path)
        if key is None:
            return None
        if key != self._key:
            try:
                self._cached = load_source(path)
            except InputError as error:
                logger.info("no line map for %s: %s", path, error.message)
                self._cached = None
            self._key = key
        return self._cached

    def refresh(self, *_args: object) -> None:
        """Number the lines after the text was loaded or saved: the file and the editor agree now."""
        if self.editor.document().isModified():
            return  # the blocks carry their file lines through the edits
        path = self._path()
        source = self._read(path) if path is not None else None
        if source is not None and source.text != self.editor.toPlainText():
            source = None  # a recovered or derived text: the file's lines do not apply
        self.source = source
        self._positions.clear()
        self.editor.set_file_lines(source.origin if source is not None else None)
        self.show_cursor()
        self.window.problems.positions_changed()

    def _modification_changed(self, modified: bool) -> None:
        self._positions.clear()
        if not modified:
            self.refresh()
        self.window.problems.positions_changed()

    def position(self, line: int, column: int) -> tuple[int, int]:
        """The file's (line, column) of 1-based ``line`` and ``column`` of the editor's text."""
        if self.source is not None and not self.editor.document().isModified():
            key = (line, column)
            if key not in self._positions:
                self._positions[key] = self.source.position(line, column)
            return self._positions[key]
        return self.editor.file_line_of(line), column

    def finding_position(self, finding: Finding) -> tuple[int, int]:
        """Where the problems panel says a finding is: what ``plandesk check`` prints for it."""
        return self.position(finding.line, finding.column)

    def cursor_position(self) -> tuple[int, int]:
        cursor = self.editor.textCursor()
        line, column = cursor.blockNumber() + 1, cursor.positionInBlock() + 1
        if self.source is not None and not self.editor.document().isModified():
            return self.position(line, column)
        return self.editor.file_line(cursor.block()), column

    def show_cursor(self) -> None:
        line, column = self.cursor_position()
        self.label.setText(self.tr("第 %1 行，第 %2 列").replace("%1", str(line)).replace("%2", str(column)))

    # 转到行 (Ctrl+G) -----------------------------------------------------------------------------
    def text_line_of(self, file_line: int) -> int:
        """The editor's line showing ``file_line`` of the file, or the last one before it (a line
        cleaning dropped, such as page furniture, leads to the text that followed it)."""
        block, best = self.editor.document().firstBlock(), 1
        line = self.editor.file_line(block)
        while block.isValid():
            if line == file_line:
                return block.blockNumber() + 1
            if line < file_line:
                best = block.blockNumber() + 1
            block = block.next()
            if block.isValid():
                line = self.editor.file_line(block, previous=line)
        return best

    def goto_file_line(self, file_line: int) -> None:
        """Put the cursor at the start of ``file_line``: the line ``plandesk check`` names."""
        block = self.editor.document().findBlockByNumber(self.text_line_of(file_line) - 1)
        self.editor.goto(self.editor.offsets().to_py(block.position()))
        self.editor.setFocus()

    def ask_goto_line(self) -> bool:
        """编辑 → 转到行… (Ctrl+G, as in Word and WPS)."""
        current, _ = self.cursor_position()
        last = self.editor.last_file_line()
        line, ok = QInputDialog.getInt(
            self.window,
            self.tr("转到行"),
            self.tr("行号（1–%1，与 plandesk check 所报行号相同）：").replace("%1", str(last)),
            current,
            1,
            max(1, last),
        )
        if ok:
            self.goto_file_line(line)
        return ok
