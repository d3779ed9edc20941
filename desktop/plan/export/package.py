"""The package around the document: core properties and python-docx's leftovers.

Word shows the title and author of a file in 文件 → 信息 and in the file manager's tooltip, so an
export that says "党政机关公文格式模板 / python-docx" looks like someone else's file. python-docx's
default package also carries a thumbnail of an empty page and a customXml item that no 公文
needs; they are dropped from the template when it is built and again from every export, since a
bureau's own template may carry them too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from desktop.plan.export.ooxml import set_attrs

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.xmlchemy import BaseOxmlElement

_DROPPED = ("/metadata/thumbnail", "/customXml")


def drop_leftovers(doc: Document) -> None:
    """Remove the thumbnail (package relationship) and customXml items (document relationship);
    parts nothing refers to are not written when the package is saved."""
    package = doc.part.package
    for owner in (package, doc.part):
        for rel_id, rel in list(owner.rels.items()):
            if rel.reltype.endswith(_DROPPED):
                owner.rels.pop(rel_id)


def set_properties(doc: Document, title: str, author: str) -> None:
    """Title = the plan's title, author = the issuer; the dates are the export's."""
    props = doc.core_properties
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    props.title = title
    props.author = author
    props.last_modified_by = author
    props.subject = ""
    props.keywords = ""
    props.comments = ""
    props.created = now
    props.modified = now
    props.revision = 1


# --- the font table ---------------------------------------------------------------------------


def declare_font(
    font_table: BaseOxmlElement, name: str, alt_names: Sequence[str] = (), charset: str = "86"
) -> None:
    """Declare a font in fontTable.xml with the substitutes Word uses where it is not installed.

    ``charset 86`` (GB2312) tells Word the face is Chinese, so a missing 仿宋_GB2312 falls back
    to another Chinese face rather than to a Latin one. ``w:altName`` holds every substitute as a
    comma-separated list (ECMA-376 Part 1, 17.8.3.1), in order of preference.
    """
    alt_name = ",".join(alt_names)
    for font in font_table.findall(qn("w:font")):
        if font.get(qn("w:name")) == name:
            font_table.remove(font)
    font = OxmlElement("w:font")
    set_attrs(font, name=name)
    if alt_name:
        alt = OxmlElement("w:altName")
        set_attrs(alt, val=alt_name)
        font.append(alt)
    for tag, value in (("charset", charset), ("family", "modern"), ("pitch", "fixed")):
        element = OxmlElement(f"w:{tag}")
        set_attrs(element, val=value)
        font.append(element)
    font_table.append(font)


def declare_fonts(document_part, fonts: Iterable[Sequence[str]]) -> None:
    """Declare each ``(name, *substitutes)`` in fontTable.xml (python-docx keeps it as raw bytes),
    each substitute too, so Word knows it is a Chinese face; python-docx's default table also
    lists Japanese faces (MS 明朝, MS ゴシック) that no 公文 uses: they go."""
    from lxml import etree

    for rel in document_part.rels.values():
        if rel.reltype.endswith("/fontTable"):
            part = rel.target_part
            root = etree.fromstring(part.blob)
            for font in root.findall(qn("w:font")):
                charset = font.find(qn("w:charset"))
                if charset is not None and charset.get(qn("w:val")) == "80":  # SHIFTJIS
                    root.remove(font)
            for names in fonts:
                for i, name in enumerate(names):
                    declare_font(root, name, names[i + 1 :] if i == 0 else ())
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            return
