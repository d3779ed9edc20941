"""Reading plain-text plans and cleaning the debris that web pages and Word conversions leave.

Writers bring text copied out of a bureau's web page (breadcrumbs, 发布时间, 【加入收藏】, the
索引号/发布机构 block of a 政务公开 page), text converted from Word (``[bookmark: _GoBack]``), and
files saved in GBK by older Windows tools. Cleaning works by rules about *kinds* of debris — page
furniture labels, button rows, breadcrumbs, list lines broken in mid-word — never by listing the
lines of particular files, so it works on pages it has never seen.

Cleaning keeps, for every line of the cleaned text, the line of the original it came from, so the
command line can report positions in the file the user has on disk.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from desktop.plan.errors import EMPTY_FILE, InputError

MAX_TEXT_BYTES = 10 * 1024 * 1024
"""A plan is tens of kilobytes; anything this large is the wrong file, not a plan to parse."""

_SPACES = " \t\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff"

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


# Word leaves bracketed bookmark/comment anchors in text exported from .docx by some converters.
_WORD_DEBRIS = re.compile(r"\[(?:bookmark|footnoteRef|endnoteRef|annotation|comment)[^\]\n]{0,80}\]")

# Labels of page furniture and of the 政务公开 metadata block. A line that starts with one of
# these followed by a colon is page furniture, not plan text.
_FURNITURE_LABELS = (
    "当前位置|您当前的位置|您的位置|您现在的位置|当前页面|发布时间|发布日期|更新时间|浏览次数|阅读次数|"
    "点击数|点击次数|访问次数|浏览量|字体大小|字体|字号|索引号|发布机构|生成日期|公开日期|废止日期|"
    "信息名称|法定主动公开分类|主动公开分类|公开方式|公开范围|公开时限|文件编号|内容概述|主题分类|"
    "体裁分类|组配分类|服务对象分类|信息分类|有效性|效力状况|分享到|分享|责任编辑|信息来源"
)
_FURNITURE_LINE = re.compile(rf"^(?:{_FURNITURE_LABELS})\s*[:：]")
# Weaker labels: furniture only when the line is short and sits among other furniture.
_WEAK_LABEL_LINE = re.compile(r"^(?:来源|作者|编辑|审核|发文机关|成文日期|主题词|文号|标题)\s*[:：].{0,40}$")
_BREADCRUMB = re.compile(
    r"(?:首页|主页|网站首页|位置).{0,40}(?:>|›|»|＞|→)|(?:>|›|»|＞)\s*(?:正文|详情|首页)"
)
_BUTTON_GROUP = re.compile(r"【([^【】]{1,12})】")
_BUTTON_WORDS = re.compile(
    r"^(?:加入收藏|收藏|关闭|关闭窗口|打印|打印本页|大|中|小|字体|返回|返回顶部|顶部|分享|保存|:|：)+$"
)
_FURNITURE_PHRASES = re.compile(
    r"^(?:扫一扫在手机(?:上)?打开当前页|扫一扫在手机打开|用手机扫描二维码|手机扫描二维码|打印本页|关闭窗口|"
    r"返回顶部|上一篇|下一篇|相关链接|相关文章|相关阅读|分享到)"
)


# Web pages pad text with no-break, en, em and thin spaces, and zero-width ones. In a plan they
# are plain spaces (the editor shows them so, Qt's toPlainText even converts U+00A0), or nothing.
_WEB_SPACES = str.maketrans(
    {"\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u200b": None, "\ufeff": None}
)


def _squeeze(line: str) -> str:
    return "".join(ch for ch in line if ch not in _SPACES)


def is_furniture(line: str) -> bool:
    """True for a line of web-page furniture: field labels, breadcrumbs, buttons, share prompts."""
    squeezed = _squeeze(line)
    if not squeezed:
        return False
    if _FURNITURE_LINE.match(squeezed) and len(squeezed) <= 160:
        return True
    if len(squeezed) <= 80 and _BREADCRUMB.search(squeezed):
        return True
    if _FURNITURE_PHRASES.match(squeezed) and len(squeezed) <= 40:
        return True
    groups = _BUTTON_GROUP.findall(squeezed)
    if groups and _BUTTON_GROUP.sub("", squeezed).strip("|｜/ ") == "":
        return all(_BUTTON_WORDS.match(g) for g in groups)
    return False


def _is_breadcrumb(line: str) -> bool:
    squeezed = _squeeze(line)
    return squeezed.startswith(("当前位置", "您当前的位置", "您的位置", "您现在的位置")) or bool(
        len(squeezed) <= 80 and _BREADCRUMB.search(squeezed)
    )


_TERMINAL = "。！？；;：:，,、"
_LIST_LABEL = re.compile(r"^(?:抄\s*送|抄\s*报|分\s*送|主\s*送)\s*[:：]")
_NEW_FIELD = re.compile(r"^(?:附\s*件|印\s*发|抄\s*送|抄\s*报|主\s*送|联系人|联系电话|\d{4}\s*年)")
_CLOSING_PUNCT_START = re.compile(r"^[，,、。；;：:）)」』”’》〕】]")
_NOTICE_TITLE_TAIL = re.compile(r"(?:通知|决定|意见|要点|方案|计划|通报|函|批复|报告)$")


def clean_text(text: str) -> Cleaned:
    """Remove page furniture and Word debris, drop blank lines, rejoin lines broken mid-phrase."""
    raw_lines = text.split("\n")
    kept: list[tuple[int, str]] = []
    for number, raw in enumerate(raw_lines, start=1):
        line = _WORD_DEBRIS.sub("", raw).translate(_WEB_SPACES).strip(_SPACES)
        if line:
            kept.append((number, line))

    furniture = [is_furniture(line) for _, line in kept]
    # A site's name and banner stand above the breadcrumb at the top of a copied page.
    for index in range(min(len(kept), 6)):
        if _is_breadcrumb(kept[index][1]):
            for above in range(index):
                furniture[above] = True
            break
    # Weak labels count only beside furniture already found.
    for index, (_, line) in enumerate(kept):
        if not furniture[index] and _WEAK_LABEL_LINE.match(_squeeze(line)):
            near = furniture[max(0, index - 1) : index] + furniture[index + 1 : index + 2]
            if any(near):
                furniture[index] = True

    lines = [(n, line) for (n, line), junk in zip(kept, furniture, strict=True) if not junk]
    joined = _rejoin(lines)
    return Cleaned("\n".join(line for _, line in joined), tuple(n for n, _ in joined))


def _rejoin(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Rejoin lines that a web page or a narrow column broke in the middle of a phrase."""
    out: list[tuple[int, str]] = []
    in_list = False
    for number, line in lines:
        if out:
            prev_number, prev = out[-1]
            ends_open = prev[-1] not in _TERMINAL
            join = False
            if _CLOSING_PUNCT_START.match(line):
                join = True  # a line cannot begin with a comma or a closing bracket
            elif ends_open and line.startswith("的") and len(line) <= 30 and _NOTICE_TITLE_TAIL.search(line):
                join = True  # 关于印发《…》 / 的通知
            elif (
                in_list and not prev.endswith("。") and not _NEW_FIELD.match(line) and _looks_like_list(line)
            ):
                join = True  # 抄送：…区人大常委会办 / 公室，区政府办公室…
            if join:
                out[-1] = (prev_number, prev + line)
                continue
        in_list = bool(_LIST_LABEL.match(line))
        out.append((number, line))
    return out


def _looks_like_list(line: str) -> bool:
    """A continuation of an 抄送 list: names separated by commas, no sentence punctuation."""
    return len(line) <= 60 and "。" not in line[:-1] and not re.search(r"\d{4}年\d{1,2}月", line)


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
