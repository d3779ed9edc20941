"""Reading plain-text plans and cleaning the debris that web pages and Word conversions leave.

Writers bring text copied out of a bureau's web page (breadcrumbs, 发布时间, 【加入收藏】, the
索引号/发布机构 block of a 政务公开 page), out of news reposts, template and document-sharing sites
and PDFs (lines hard-wrapped mid-sentence, page markers, raw HTML, paragraph breaks lost), text
converted from Word (``[bookmark: _GoBack]``), and files saved in GBK by older Windows tools.
Cleaning works by rules about *kinds* of debris — page furniture labels, button rows, breadcrumbs,
page markers, lines broken mid-sentence — never by listing the lines of particular files, so it
works on pages it has never seen. The rules live by kind in :mod:`desktop.plan.read.furniture`,
:mod:`desktop.plan.read.markup`, :mod:`desktop.plan.read.rejoin` and :mod:`desktop.plan.read.runon`.

Cleaning keeps, for every line of the cleaned text, the line of the original it came from, so the
command line can report positions in the file the user has on disk.
"""

from __future__ import annotations

import codecs
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

from desktop.plan.errors import EMPTY_FILE, InputError
from desktop.plan.read.furniture import (
    LONE_NUMBER,
    PAGE_LINE,
    SPACES,
    document_names,
    is_furniture,
    mark_furniture,
    strip_page_marks,
)
from desktop.plan.read.markup import split_markup
from desktop.plan.read.rejoin import Line, rejoin, strip_page_chunks
from desktop.plan.read.runon import close_pdf_gaps, split_run_on

__all__ = ["Cleaned", "clean_text", "decode_text", "is_furniture", "read_text_file"]

MAX_TEXT_BYTES = 10 * 1024 * 1024
"""A plan is tens of kilobytes; anything this large is the wrong file, not a plan to parse."""

_SPACES = SPACES

# ---------------------------------------------------------------------------------------------
# Decoding


def decode_text(data: bytes, path: Path | str | None = None) -> tuple[str, str]:
    """Decode a text file's bytes, detecting UTF-8 (with or without BOM), UTF-16 and GB18030.

    Returns the text (line breaks normalised to ``\\n``) and the encoding's name. Raises
    :class:`InputError` for empty or binary data.
    """
    if not data.strip(b" \t\r\n\x00"):
        raise InputError(path, EMPTY_FILE)
    if len(data) > MAX_TEXT_BYTES:
        raise InputError(path, _too_large(len(data)))
    text, encoding = _decode(data, path)
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def _too_large(size: int) -> str:
    return f"文件太大（{size / 1024 / 1024:.1f} MB）。年度工作要点通常只有几十 KB，请确认选择的是正确的文件。"


def _decode(data: bytes, path: Path | str | None) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", path), "utf-16"
    if b"\x00" in data:
        # UTF-16 without a BOM: ASCII and line breaks carry a NUL byte; anything else is binary.
        for encoding in _utf16_candidates(data):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _plausible_chinese(text):
                return text, encoding
        raise InputError(path, _BINARY)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise InputError(path, _BINARY) from None
    if not _plausible_chinese(text):
        raise InputError(path, _BINARY)
    return text, "gb18030"


_BINARY = "这不是文本文件（可能是其他类型的文件被改成了 .txt），也不是可识别的编码。请用 Word/WPS 打开原文件后另存为 .docx 或 .txt。"


def _strict(data: bytes, encoding: str, path: Path | str | None) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(path, _BINARY) from None


def _utf16_candidates(data: bytes) -> list[str]:
    """UTF-16 byte orders worth trying: NULs fall on odd bytes (LE) or even bytes (BE) of ASCII."""
    if len(data) % 2:
        return []
    sample = data[:4000]
    even_nuls, odd_nuls = sample[0::2].count(0), sample[1::2].count(0)
    return ["utf-16-le", "utf-16-be"] if odd_nuls >= even_nuls else ["utf-16-be", "utf-16-le"]


def _plausible_chinese(text: str) -> bool:
    """GB18030 decodes most byte strings; real text is nearly all common CJK, ASCII and punctuation."""
    if not text:
        return False
    sample = text[:20000]
    good = sum(
        1
        for ch in sample
        if ("\u4e00" <= ch <= "\u9fff")
        or (" " <= ch <= "~")
        or ch in "\n\r\t"
        or ("\u3000" <= ch <= "\u303f")
        or ("\uff00" <= ch <= "\uffef")
        or ("\u2010" <= ch <= "\u206f")
        or ch in _SPACES
    )
    return good / len(sample) >= 0.95


# ---------------------------------------------------------------------------------------------
# Cleaning


@dataclass(frozen=True, slots=True)
class Cleaned:
    """Cleaned text and, per line of it, where that line came from in the original."""

    text: str
    origin: tuple[int, ...]  # origin[i] = 1-based original line of cleaned line i + 1
    # Names of documents the page furniture mentioned (a sharing site's ….docx), for the title.
    file_names: tuple[str, ...] = ()


# Word leaves bracketed bookmark/comment anchors in text exported from .docx by some converters.
_WORD_DEBRIS = re.compile(r"\[(?:bookmark|footnoteRef|endnoteRef|annotation|comment)[^\]\n]{0,80}\]")

# Web pages pad text with no-break, en, em and thin spaces, and zero-width ones. In a plan they
# are plain spaces (the editor shows them so, Qt's toPlainText even converts U+00A0), or nothing.
_WEB_SPACES = (
    ("\u00a0", " "),
    ("\u2002", " "),
    ("\u2003", " "),
    ("\u2009", " "),
    ("\u200b", ""),
    ("\ufeff", ""),
)
_NUMBER_ALONE = re.compile(r"^\d{1,3}$")
# A PDF's form feed (pdftotext ends each page with one) and Word's vertical tab (a manual line
# break in its text copies) end a line; other control characters are debris a Word document
# could not even hold. Dropped or split here, the file's line numbers stay as they were.
_LINE_BREAKS = re.compile("[\x0b\x0c]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def _web_spaces(line: str) -> str:
    for space, plain in _WEB_SPACES:
        if space in line:
            line = line.replace(space, plain)
    return line


def clean_text(text: str, paragraphs: bool = False) -> Cleaned:
    """Remove page furniture, markup and page markers; rejoin lines broken mid-sentence.

    The steps, each a class of debris (see :mod:`desktop.plan.read.furniture`, :mod:`desktop.plan.read.markup`,
    :mod:`desktop.plan.read.rejoin`, :mod:`desktop.plan.read.runon`): Word anchors and web spaces; HTML tags
    and entities; blank lines; PDF page markers and page numbers; page furniture; a sharing site's
    page chunks; lines broken mid-sentence; spaces a PDF left where its lines broke; headings run
    into one paragraph when the copy lost its paragraph breaks.

    ``paragraphs`` says each line is already a whole paragraph (a .docx): then only page furniture
    goes, and no line is joined to the next or split on evidence of a broken copy, so a quote the
    author left open stays open for the checks to see.
    """
    lines = _read_lines(text, paragraphs)
    furniture = mark_furniture([line.text for line in lines])
    junk_lines = (line for line, junk in zip(lines, furniture, strict=True) if junk)
    names = tuple(dict.fromkeys(name for line in junk_lines for name in document_names(line.text)))
    lines = [line for line, junk in zip(lines, furniture, strict=True) if not junk]
    if paragraphs:
        lines = rejoin(lines, evidence=False)
    else:
        lines = split_run_on(close_pdf_gaps(rejoin(strip_page_chunks(lines))))
    return Cleaned("\n".join(line.text for line in lines), tuple(line.origin for line in lines), names)


def _read_lines(text: str, paragraphs: bool) -> list[Line]:
    """The text's non-blank lines, without Word anchors, markup and web spaces, and — unless they
    are a Word file's paragraphs — without a PDF's page markers and page numbers. A number alone
    on its line is a page number unless it belongs to a run of such numbers (01, 02 …, or a
    table's 序号 column a few lines apart)."""
    raw_lines = text.split("\n")
    lone = [n for n, raw in enumerate(raw_lines, start=1) if _NUMBER_ALONE.match(raw.strip(SPACES))]
    listed = {n for pair in itertools.pairwise(lone) if pair[1] - pair[0] <= 5 for n in pair}
    lines: list[Line] = []
    page_break = False
    for number, raw in enumerate(raw_lines, start=1):
        if "[" in raw:
            raw = _WORD_DEBRIS.sub("", raw)
        if _CONTROL.search(raw):
            raw = _CONTROL.sub("", raw)
        for piece in (p for part in _LINE_BREAKS.split(raw) for p in split_markup(part)):
            line = _web_spaces(piece).strip(SPACES)
            if not line:
                continue
            if not paragraphs:
                if PAGE_LINE.match(line) or (LONE_NUMBER.match(line) and number not in listed):
                    page_break = True  # a page marker or a page number between two lines
                    continue
                line, before, after = strip_page_marks(line)
                lines.append(Line(number, line, page_break or before))
                page_break = after
            else:
                lines.append(Line(number, line))
    return lines


def read_text_file(path: Path) -> tuple[str, str]:
    """Read a ``.txt`` file's bytes and decode them (see :func:`decode_text`)."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise InputError.unreadable(path, error) from None
    if size > MAX_TEXT_BYTES:
        raise InputError(path, _too_large(size))
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError.unreadable(path, error) from None
    return decode_text(data, path)
