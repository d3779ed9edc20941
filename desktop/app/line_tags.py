"""Which file line each line of an edited stretch of text came from.

The editor tags every block with its file line (see :meth:`desktop.app.editor.PlanEditor.file_line`).
Qt keeps a tag only on the block it was set on: an edit that replaces many lines at once (a fix of
every paragraph's punctuation, an outline move, an undo of either) removes those blocks and creates
new, untagged ones, or leaves the tag of the last removed line on the first new one. So after such
an edit the editor gives the new lines their tags again with :func:`match_lines`, from the file
lines that lay between the nearest untouched tagged lines above and below.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from PySide6.QtGui import QTextBlock, QTextDocument


def match_lines(old: Sequence[tuple[int, str]], new: Sequence[str]) -> list[int]:
    """The file line of each of the ``new`` lines (-1: a line the file does not have).

    ``old`` is (file line, text) of the lines the edit replaced, in order. A line whose text is
    unchanged keeps its number; where lines were changed in place (the same count of old and new
    lines in a stretch, as a punctuation fix leaves them) they are paired in order; a line that
    moved (Alt+↑/↓ in the outline) is found by its text among the old lines not yet used. The rest
    are new and continue from the line above without renumbering the lines after them.
    """
    from difflib import SequenceMatcher

    tags = [-1] * len(new)
    used: set[int] = set()
    matcher = SequenceMatcher(None, [text for _, text in old], list(new), autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal" or (op == "replace" and i2 - i1 == j2 - j1):
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                tags[j] = old[i][0]
                used.add(i)
    if len(used) < len(old):
        unused: dict[str, list[int]] = {}
        for i, (_, text) in enumerate(old):
            if i not in used:
                unused.setdefault(text, []).append(i)
        for j, text in enumerate(new):
            if tags[j] < 0 and unused.get(text):
                i = unused[text].pop(0)
                tags[j] = old[i][0]
                used.add(i)
    if len(used) < len(old):  # lines rewritten in a stretch of another length: pair what remains
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "replace":
                rest = [i for i in range(i1, i2) if i not in used]
                free = [j for j in range(j1, j2) if tags[j] < 0]
                for i, j in zip(rest, free, strict=False):
                    tags[j] = old[i][0]
                    used.add(i)
    return tags


class FileLineTags:
    """The file line of each block of one editor's document, kept through the writer's edits.

    Each block's ``userState`` is its file line (-1: a line the file does not have). Qt keeps a
    block's tag when text is typed into it or a line is split after it; the cases Qt gets wrong
    (a split at a line's start, an edit that removes lines) are corrected in :meth:`changed`.
    """

    def __init__(self, document: QTextDocument) -> None:
        self.document = document
        self.active = False  # whether blocks carry file lines (else lines count from 1)
        self._texts: dict[int, str] = {}  # file line → its last known text, to re-tag after edits
        self._order: list[int] = []  # those file lines, sorted
        self._blocks = 1

    def set(self, origin: Sequence[int] | None) -> None:
        """Tag each block with ``origin``'s line (None or empty: the text's own numbering)."""
        block, index = self.document.firstBlock(), 0
        self._texts = {}
        while block.isValid():
            line = origin[index] if origin and index < len(origin) else -1
            block.setUserState(line)
            if line >= 0:
                self._texts[line] = block.text()
            block, index = block.next(), index + 1
        self._order = sorted(self._texts)
        self._blocks = self.document.blockCount()
        self.active = bool(origin)

    def file_line(self, block: QTextBlock, previous: int | None = None) -> int:
        """The file line of ``block``; ``previous`` is the file line of the block above, if known."""
        if not self.active:
            return block.blockNumber() + 1
        state = block.userState()
        if state >= 0:
            return state
        if previous is not None:
            return previous + 1
        steps, above = 1, block.previous()
        while above.isValid():
            if above.userState() >= 0:
                return above.userState() + steps
            steps, above = steps + 1, above.previous()
        return block.blockNumber() + 1

    def remember(self, start: int, end: int) -> None:
        """Note the current text of the tagged lines between Qt positions ``start`` and ``end``,
        before an edit replaces them (so that its undo finds them again by their text)."""
        if not self.active:
            return
        block, last = self.document.findBlock(start), self.document.findBlock(end)
        while block.isValid() and block.blockNumber() <= last.blockNumber():
            line = block.userState()
            if line >= 0:
                if line not in self._texts:
                    bisect.insort(self._order, line)
                self._texts[line] = block.text()
            block = block.next()

    def changed(self, position: int, removed: int, added: int) -> bool:
        """Correct the tags after a change of the document; True when lines were re-tagged."""
        if not self.active:
            return False
        count, before = self.document.blockCount(), self._blocks
        self._blocks = count
        first = self.document.findBlock(position)
        last = self.document.findBlock(position + added)
        if added and not removed:
            self._keep_file_line(position, first, last)
            return False
        if removed and (count != before or last.blockNumber() != first.blockNumber()):
            self._retag(first, last)
            return True
        return False

    def _keep_file_line(self, position: int, first: QTextBlock, last: QTextBlock) -> None:
        """Lines typed or pasted at the start of a line go above it: the file's line keeps its number.

        Qt leaves a split block's tag on the first half, which is right for Enter at the end of a
        line but would give the file's line to the new text when the split is at its start.
        """
        if first.position() != position:
            return
        if last.blockNumber() != first.blockNumber() and last.userState() < 0:
            last.setUserState(first.userState())
            first.setUserState(-1)

    def _retag(self, first: QTextBlock, last: QTextBlock) -> None:
        """Give the blocks ``first``..``last`` of an edit that removed lines their file lines again.

        Qt drops the tags of removed blocks (and may leave a removed line's tag on the first new
        block), so the tags come from the file lines between the nearest untouched tagged blocks
        above and below, matched by text with :func:`match_lines`.
        """
        above, below = first.previous(), last.next()
        while above.isValid() and above.userState() < 0:
            above = above.previous()
        while below.isValid() and below.userState() < 0:
            below = below.next()
        low = above.userState() if above.isValid() else 0
        high = below.userState() if below.isValid() else None
        start = bisect.bisect_right(self._order, low)
        end = len(self._order) if high is None or high <= low else bisect.bisect_left(self._order, high)
        blocks, block = [], first
        while block.isValid() and block.blockNumber() <= last.blockNumber():
            blocks.append(block)
            block = block.next()
        old = [(line, self._texts[line]) for line in self._order[start:end]]
        for block, line in zip(blocks, match_lines(old, [b.text() for b in blocks]), strict=True):
            block.setUserState(line)
