"""Reading ``.docx`` files from Word or WPS into one line per paragraph.

The reader goes straight to the package's XML with lxml rather than through python-docx: it needs
the body in document order (paragraphs and tables interleaved, content controls opened), the
numbering definitions that python-docx does not expose, and it must be fast (opening a plan is on
the GUI's critical path). Word's automatic numbering keeps ``一、``/``（一）``/``1.`` outside the
paragraph text, in ``numbering.xml``; the reader renders those numbers back into the text, so the
outline shows what a reader of the document sees. Headers and footers live in other parts and are
never read.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from desktop.plan.errors import EMPTY_FILE, OLD_WORD_FORMAT, InputError, read_head
from desktop.plan.numerals import to_chinese, to_circled
from desktop.plan.tables import format_row

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_DOCUMENT_XML = 40 * 1024 * 1024
"""document.xml of a long plan is under 1 MB; images live in other parts and don't count."""

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of .doc and .wps
OLD_WORD_SUFFIXES = (".doc", ".wps")


def is_word_file(path: Path, head: bytes) -> bool:
    """A Word document by content (zip or OLE container) or by name: this reader's to answer."""
    name = path.name.lower()
    return head.startswith((ZIP_MAGIC, OLE_MAGIC)) or name.endswith((".docx", *OLD_WORD_SUFFIXES))


def read_docx(path: Path) -> list[str]:
    """The document's paragraphs as lines of text, with automatic numbers rendered as text."""
    head = read_head(path)
    if not head:
        raise InputError(path, EMPTY_FILE)
    if head.startswith(OLE_MAGIC) or (
        not head.startswith(ZIP_MAGIC) and path.name.lower().endswith(OLD_WORD_SUFFIXES)
    ):
        raise InputError(path, OLD_WORD_FORMAT)
    try:
        with zipfile.ZipFile(path) as package:
            document = _part(package, "word/document.xml", path, required=True)
            numbering = _part(package, "word/numbering.xml", path, required=False)
            styles = _part(package, "word/styles.xml", path, required=False)
    except zipfile.BadZipFile:
        raise InputError(
            path, "文件已损坏或不完整，无法作为 Word 文档（.docx）打开。请确认文件已完整保存或重新下载。"
        ) from None
    except (OSError, EOFError) as error:
        raise InputError(path, f"文件已损坏或不完整（{error}）。") from None
    return _Reader(document, numbering, styles, path).lines()


def _part(package: zipfile.ZipFile, name: str, path: Path, *, required: bool) -> bytes | None:
    try:
        info = package.getinfo(name)
    except KeyError:
        if required:
            raise InputError(path, "不是 Word 文档（.docx 中缺少正文部分 word/document.xml）。") from None
        return None
    if info.file_size > MAX_DOCUMENT_XML:
        raise InputError(path, "文档正文过大，不像是一份年度工作要点。请确认选择的是正确的文件。")
    try:
        return package.read(name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError) as error:
        raise InputError(path, f"文件已损坏或不完整（{error}）。") from None


def _xml(data: bytes, path: Path):  # -> lxml element
    from lxml import etree

    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        raise InputError(path, "文件已损坏：Word 文档的内容无法解析。") from None


# ---------------------------------------------------------------------------------------------
# Numbering


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    legal: bool = False  # isLgl: show every level as Arabic numerals


@dataclass
class _Numbering:
    """numbering.xml resolved: which abstract list each w:num uses, and counters while reading."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # abstractNumId → ilvl → level
    num_to_abstract: dict[str, str] = field(default_factory=dict)
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # numId → ilvl → start
    counters: dict[str, list[int | None]] = field(default_factory=dict)  # abstractNumId → per level
    started: set[str] = field(default_factory=set)  # numIds whose start overrides were applied

    def render(self, num_id: str, ilvl: int) -> str:
        abstract = self.num_to_abstract.get(num_id)
        if abstract is None or abstract not in self.levels:
            return ""
        levels = self.levels[abstract]
        counters = self.counters.setdefault(abstract, [None] * 9)
        if num_id not in self.started:
            self.started.add(num_id)
            for level, start in self.overrides.get(num_id, {}).items():
                counters[level] = start - 1
                for deeper in range(level + 1, 9):
                    counters[deeper] = None
        level = levels.get(ilvl, _Level())
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        if level.fmt in ("bullet", "none"):
            return ""
        out = level.text
        for k in range(9):
            token = f"%{k + 1}"
            if token in out:
                value = counters[k] if counters[k] is not None else levels.get(k, _Level()).start
                fmt = "decimal" if level.legal else levels.get(k, _Level()).fmt
                out = out.replace(token, _format(value, fmt))
        return out


def _format(value: int, fmt: str) -> str:
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "ideographTraditional",
        "japaneseCounting",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
        "chineseLegalSimplified",
    ):
        return to_chinese(value)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return to_circled(value)
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(value))
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (value - 1) % 26)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(value)


def _roman(value: int) -> str:
    table = (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    )
    out = []
    for number, letters in table:
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)


def _load_numbering(root) -> _Numbering:
    numbering = _Numbering()
    if root is None:
        return numbering
    for abstract in root.iter(f"{W}abstractNum"):
        levels: dict[int, _Level] = {}
        for lvl in abstract.iter(f"{W}lvl"):
            ilvl = int(lvl.get(f"{W}ilvl", "0"))
            level = _Level()
            fmt = lvl.find(f"{W}numFmt")
            if fmt is not None:
                level.fmt = fmt.get(f"{W}val", "decimal")
            text = lvl.find(f"{W}lvlText")
            if text is not None:
                level.text = text.get(f"{W}val", "")
            start = lvl.find(f"{W}start")
            if start is not None:
                level.start = int(start.get(f"{W}val", "1"))
            level.legal = lvl.find(f"{W}isLgl") is not None
            levels[ilvl] = level
        numbering.levels[abstract.get(f"{W}abstractNumId", "")] = levels
    for num in root.iter(f"{W}num"):
        num_id = num.get(f"{W}numId", "")
        ref = num.find(f"{W}abstractNumId")
        if ref is not None:
            numbering.num_to_abstract[num_id] = ref.get(f"{W}val", "")
        for override in num.iter(f"{W}lvlOverride"):
            start = override.find(f"{W}startOverride")
            if start is not None:
                ilvl = int(override.get(f"{W}ilvl", "0"))
                numbering.overrides.setdefault(num_id, {})[ilvl] = int(start.get(f"{W}val", "1"))
    return numbering


def _style_numbering(root) -> dict[str, tuple[str, int]]:
    """Paragraph styles that carry numbering (Heading 1 linked to a list), following basedOn."""
    if root is None:
        return {}
    direct: dict[str, tuple[str | None, int | None]] = {}
    based_on: dict[str, str] = {}
    for style in root.iter(f"{W}style"):
        style_id = style.get(f"{W}styleId", "")
        parent = style.find(f"{W}basedOn")
        if parent is not None:
            based_on[style_id] = parent.get(f"{W}val", "")
        num_pr = style.find(f"{W}pPr/{W}numPr")
        if num_pr is not None:
            num_id = num_pr.find(f"{W}numId")
            ilvl = num_pr.find(f"{W}ilvl")
            direct[style_id] = (
                num_id.get(f"{W}val") if num_id is not None else None,
                int(ilvl.get(f"{W}val", "0")) if ilvl is not None else None,
            )
    resolved: dict[str, tuple[str, int]] = {}
    for style_id in set(direct) | set(based_on):
        num_id, ilvl, seen, current = None, None, set(), style_id
        while current and current not in seen:
            seen.add(current)
            own = direct.get(current)
            if own:
                num_id = num_id if num_id is not None else own[0]
                ilvl = ilvl if ilvl is not None else own[1]
            current = based_on.get(current)
        if num_id and num_id != "0":
            resolved[style_id] = (num_id, ilvl or 0)
    return resolved


# ---------------------------------------------------------------------------------------------
# Body


class _Reader:
    def __init__(self, document: bytes, numbering: bytes | None, styles: bytes | None, path: Path) -> None:
        self.root = _xml(document, path)
        self.numbering = _load_numbering(_xml(numbering, path) if numbering else None)
        self.style_numbering = _style_numbering(_xml(styles, path) if styles else None)
        self.out: list[str] = []

    def lines(self) -> list[str]:
        body = self.root.find(f"{W}body")
        if body is not None:
            self._container(body)
        return self.out

    def _container(self, element) -> None:
        for child in element:
            tag = child.tag
            if tag == f"{W}p":
                self.out.append(self._paragraph(child))
            elif tag == f"{W}tbl":
                self._table(child)
            elif tag == f"{W}sdt":
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    self._container(content)
            elif tag in (f"{W}customXml", f"{W}ins"):
                self._container(child)

    def _table(self, table) -> None:
        """A table row becomes one line in place, its cells between bars (``｜a｜b｜``, see
        :mod:`desktop.plan.tables`). A cell merged across columns keeps its place with empty
        cells after it, and a cell merged down is empty below its first row, so every row has as
        many cells as the grid and a merged row such as ``一、办学条件`` reads as a row, not a heading."""
        for row in _children(table, "tr"):
            cells: list[str] = []
            for cell in _children(row, "tc"):
                cells.append(self._cell_text(cell))
                cells.extend([""] * (_grid_span(cell) - 1))
            if any(cells):
                self.out.append(format_row(cells))

    def _cell_text(self, cell) -> str:
        """A cell's paragraphs (and those of a table nested in it) as one line: joined directly
        after closing punctuation, with a space otherwise, so 组织科 / 宣传科 stay two words."""
        text = ""
        for paragraph in cell.iter(f"{W}p"):
            piece = self._paragraph(paragraph).replace("\t", " ").strip()
            if not piece:
                continue
            if text and text[-1] not in _CELL_JOINS_TIGHT:
                text += " "
            text += piece
        return text

    def _paragraph(self, paragraph) -> str:
        return self._number(paragraph) + self._runs_text(paragraph)

    def _number(self, paragraph) -> str:
        props = paragraph.find(f"{W}pPr")
        num_id: str | None = None
        ilvl = 0
        if props is not None:
            num_pr = props.find(f"{W}numPr")
            if num_pr is not None:
                num = num_pr.find(f"{W}numId")
                lvl = num_pr.find(f"{W}ilvl")
                num_id = num.get(f"{W}val") if num is not None else None
                ilvl = int(lvl.get(f"{W}val", "0")) if lvl is not None else 0
            if num_id is None:
                style = props.find(f"{W}pStyle")
                if style is not None and style.get(f"{W}val") in self.style_numbering:
                    num_id, ilvl = self.style_numbering[style.get(f"{W}val")]
        if not num_id or num_id == "0":
            return ""
        return self.numbering.render(num_id, ilvl)

    def _runs_text(self, paragraph) -> str:
        parts: list[str] = []
        for element in paragraph.iter(f"{W}t", f"{W}tab"):
            tag = element.tag
            if tag == f"{W}t":
                if not _inside_deletion(element, paragraph):
                    parts.append(element.text or "")
            elif tag == f"{W}tab" and element.getparent().tag == f"{W}r":
                parts.append("\t")
        return "".join(parts)


_CELL_JOINS_TIGHT = "。；;，,、：:！？!?"


def _grid_span(cell) -> int:
    """How many grid columns a cell covers (1 when its ``w:gridSpan`` is missing or garbled)."""
    span = cell.find(f"{W}tcPr/{W}gridSpan")
    try:
        return max(1, min(int(span.get(f"{W}val", "1")), 64)) if span is not None else 1
    except ValueError:
        return 1


def _children(element, tag: str) -> list:
    """Direct ``tag`` children, looking through content controls (``w:sdt``) and ``w:customXml``,
    which Word wraps around rows and cells of forms."""
    found = []
    for child in element:
        if child.tag == f"{W}{tag}":
            found.append(child)
        elif child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                found.extend(_children(content, tag))
        elif child.tag == f"{W}customXml":
            found.extend(_children(child, tag))
    return found


def _inside_deletion(element, stop) -> bool:
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in (f"{W}del", f"{W}moveFrom"):
            return True
        parent = parent.getparent()
    return False
