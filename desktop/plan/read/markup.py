"""Raw HTML left in copied text: tags become line breaks or nothing, entities become characters.

A page copied "as source", or a repost that escaped its own markup, leaves ``<p>…</p>``,
``<strong>`` and ``&nbsp;`` in the text, sometimes with the whole body on one line. Block tags
(p, div, br, li, tr, h1…) end a paragraph, so they become line breaks; every other tag (strong,
span, font, img, a) is dropped; a tag cut in half by the copy (``…jpg/>``) is dropped with it.
Only ``<`` followed by a Latin letter starts a tag, so ``<5%`` and ``<学校>`` stay text.
"""

from __future__ import annotations

import html
import re

_BLOCK_TAG = re.compile(
    r"<\s*/?\s*(?:p|div|br|li|ul|ol|tr|td|th|table|tbody|h[1-6]|section|article|center|blockquote|hr)\b[^<>]*>",
    re.IGNORECASE,
)
_ANY_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>|<!--.*?-->")
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{1,6}|#x[0-9a-fA-F]{1,5});")
# The tail of a tag whose opening the copy lost: W020180302605984289088jpg/> at a piece's start.
_TAG_TAIL = re.compile(r"^[\w\-./:=\"' ]{1,120}/>")


def has_markup(line: str) -> bool:
    """Cheap test before the regexes: most lines hold neither ``<`` nor ``&``."""
    return "<" in line or "&" in line or "/>" in line


def split_markup(line: str) -> list[str]:
    """The line's text pieces with tags removed; a block tag ends a piece. Entities are decoded."""
    if not has_markup(line):
        return [line]
    pieces = _BLOCK_TAG.split(line)
    out = []
    for piece in pieces:
        piece = _TAG_TAIL.sub("", _ANY_TAG.sub("", piece))
        if "&" in piece:
            piece = _ENTITY.sub(lambda m: html.unescape(m.group(0)), piece)
        out.append(piece)
    return out
