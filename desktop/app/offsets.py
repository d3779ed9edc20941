"""Python string offsets and Qt document positions, which differ after astral characters.

Offsets from the core are Python string indices; Qt counts UTF-16 units. They differ only after a
character outside the Basic Multilingual Plane (rare CJK extensions, emoji), which
:class:`OffsetMap` accounts for, so a finding never underlines the wrong characters.
"""

from __future__ import annotations

import bisect
import re

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


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
