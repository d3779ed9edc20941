"""OOXML details the official export needs and python-docx does not offer.

python-docx writes ``w:ascii``/``w:hAnsi`` only, has no document grid, no character spacing and
no fontTable editing, and appending a child to ``w:pPr``/``w:rPr`` in the wrong place makes a
file Word refuses. Everything here inserts children in schema order (ECMA-376 sequences below),
so ``docx_writer`` can speak in GB/T 9704 terms and never touch XML itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

if TYPE_CHECKING:
    from docx.oxml.xmlchemy import BaseOxmlElement


def _seq(names: str) -> tuple[str, ...]:
    return tuple(names.split())


# Schema sequences (ECMA-376 Part 1, §17.3.1.26 pPr, §17.3.2.28 rPr, §17.6.17 sectPr,
# §17.7.4.17 style, §17.15.1.78 settings). Only the order matters here.
PPR_SEQ = _seq(
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr "
    "shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN "
    "bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
    "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
)
RPR_SEQ = _seq(
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof "
    "snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd "
    "fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath"
)
SECTPR_SEQ = _seq(
    "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders "
    "lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid "
    "printerSettings sectPrChange"
)
STYLE_SEQ = _seq(
    "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed qFormat "
    "locked personal personalCompose personalReply rsid pPr rPr tblPr trPr tcPr tblStylePr"
)
SETTINGS_TAIL = _seq(
    "doNotShadeFormData noPunctuationKerning characterSpacingControl printTwoOnOne "
    "strictFirstAndLastChars noLineBreaksAfter noLineBreaksBefore savePreviewPicture "
    "doNotValidateAgainstSchema saveInvalidXml ignoreMixedContent alwaysShowPlaceholderText "
    "doNotDemarcateInvalidXml saveXmlDataOnly useXSLTWhenSaving saveThroughXslt showXMLTags "
    "alwaysMergeEmptyNamespace updateFields hdrShapeDefaults footnotePr endnotePr compat docVars "
    "rsids mathPr attachedSchema themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats "
    "doNotAutoCompressPictures forceUpgrade captions readModeInkLockDown smartTagType schemaLibrary "
    "shapeDefaults doNotEmbedSmartTags decimalSymbol listSeparator"
)

THEME_ATTRS = tuple(qn(f"w:{a}") for a in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"))

# Characters whose glyph Word takes from the Latin font unless the run says w:hint="eastAsia":
# quotes, dashes and the ellipsis would come out half-width.
AMBIGUOUS_CHARS = frozenset("“”‘’—…·–")


def child(parent: BaseOxmlElement, tag: str, seq: Sequence[str]) -> BaseOxmlElement:
    """The ``w:tag`` child of ``parent``, created at its schema position when missing."""
    found = parent.find(qn(f"w:{tag}"))
    if found is not None:
        return found
    element = OxmlElement(f"w:{tag}")
    successors = seq[seq.index(tag) + 1 :]
    for name in successors:
        later = parent.find(qn(f"w:{name}"))
        if later is not None:
            later.addprevious(element)
            return element
    parent.append(element)
    return element


def set_attrs(element: BaseOxmlElement, **attrs: object) -> BaseOxmlElement:
    """Set ``w:`` attributes; a value of None removes the attribute."""
    for name, value in attrs.items():
        key = qn(f"w:{name}")
        if value is None:
            element.attrib.pop(key, None)
        else:
            element.set(key, str(value))
    return element


def remove_children(parent: BaseOxmlElement, tag: str) -> None:
    for found in parent.findall(qn(f"w:{tag}")):
        parent.remove(found)


# --- run properties -----------------------------------------------------------------------------


def set_fonts(rpr: BaseOxmlElement, east_asia: str | None, latin: str | None, hint: bool = True) -> None:
    """Write East Asian and Latin font names explicitly and drop every theme font attribute.

    A theme attribute beats an explicit name, and ``Font.name`` alone leaves ``w:eastAsia``
    unset, so Word and WPS would pick different fonts for the same Chinese text.
    """
    fonts = child(rpr, "rFonts", RPR_SEQ)
    for attr in THEME_ATTRS:
        fonts.attrib.pop(attr, None)
    if latin:
        set_attrs(fonts, ascii=latin, hAnsi=latin, cs=latin)
    if east_asia:
        set_attrs(fonts, eastAsia=east_asia)
    if hint:
        set_attrs(fonts, hint="eastAsia")


def set_size(rpr: BaseOxmlElement, points: float) -> None:
    half = str(round(points * 2))
    set_attrs(child(rpr, "sz", RPR_SEQ), val=half)
    set_attrs(child(rpr, "szCs", RPR_SEQ), val=half)


def set_bold(rpr: BaseOxmlElement, bold: bool) -> None:
    """Explicit on *and* off: a 0 stops a bold inherited from a based-on style."""
    for tag in ("b", "bCs"):
        set_attrs(child(rpr, tag, RPR_SEQ), val="1" if bold else "0")


def set_char_spacing(rpr: BaseOxmlElement, twentieths_pt: int) -> None:
    set_attrs(child(rpr, "spacing", RPR_SEQ), val=twentieths_pt)


def set_lang(rpr: BaseOxmlElement, east_asia: str = "zh-CN", latin: str = "en-US") -> None:
    set_attrs(child(rpr, "lang", RPR_SEQ), val=latin, eastAsia=east_asia, bidi="ar-SA")


def strip_theme_fonts(root: BaseOxmlElement) -> None:
    """Remove theme font attributes anywhere below ``root`` (styles, docDefaults)."""
    for fonts in root.iter(qn("w:rFonts")):
        for attr in THEME_ATTRS:
            fonts.attrib.pop(attr, None)


def needs_east_asia_hint(text: str) -> bool:
    return any(ch in AMBIGUOUS_CHARS for ch in text)


# --- paragraph properties -----------------------------------------------------------------------


def set_exact_spacing(ppr: BaseOxmlElement, line_twips: int | None, before: int = 0, after: int = 0) -> None:
    """Fixed line pitch (exact) or single spacing when ``line_twips`` is None; no space around."""
    spacing = child(ppr, "spacing", PPR_SEQ)
    if line_twips is None:
        set_attrs(spacing, before=before, after=after, line=240, lineRule="auto")
    else:
        set_attrs(spacing, before=before, after=after, line=line_twips, lineRule="exact")


def set_indent(
    ppr: BaseOxmlElement,
    *,
    first_chars: int | None = None,
    first_twips: int | None = None,
    hanging_twips: int | None = None,
    left: int | None = None,
    right: int | None = None,
) -> None:
    """Indents; ``first_chars`` is in hundredths of a character (200 = 2 字) with a twips fallback."""
    ind = child(ppr, "ind", PPR_SEQ)
    set_attrs(ind, left=left, right=right)
    if hanging_twips is not None:
        set_attrs(ind, hanging=hanging_twips, firstLine=None, firstLineChars=None)
    else:
        set_attrs(ind, firstLine=first_twips, firstLineChars=first_chars)


def set_justification(ppr: BaseOxmlElement, value: str) -> None:
    set_attrs(child(ppr, "jc", PPR_SEQ), val=value)


def set_flag(ppr: BaseOxmlElement, tag: str, on: bool) -> None:
    set_attrs(child(ppr, tag, PPR_SEQ), val="1" if on else "0")


def set_outline_level(ppr: BaseOxmlElement, level: int | None) -> None:
    """Outline level 0–8 keeps Word's navigation pane working without the built-in Heading styles."""
    if level is None:
        remove_children(ppr, "outlineLvl")
    else:
        set_attrs(child(ppr, "outlineLvl", PPR_SEQ), val=level)


def set_bottom_border(ppr: BaseOxmlElement, color: str, eighths: int, space_pt: int) -> None:
    """A single rule under the paragraph, ``space_pt`` below its last row (the 版头's red rule)."""
    borders = child(ppr, "pBdr", PPR_SEQ)
    remove_children(borders, "bottom")
    bottom = OxmlElement("w:bottom")
    set_attrs(bottom, val="single", sz=eighths, space=space_pt, color=color)
    later = borders.find(qn("w:right"))  # pBdr sequence: top left bottom right between bar
    if later is None:
        borders.append(bottom)
    else:
        later.addprevious(bottom)


def add_tab(ppr: BaseOxmlElement, position: int, kind: str = "right") -> None:
    tabs = child(ppr, "tabs", PPR_SEQ)
    tab = OxmlElement("w:tab")
    set_attrs(tab, val=kind, pos=position)
    tabs.append(tab)


# --- section, settings, fonts -------------------------------------------------------------------


def set_page(
    sect_pr: BaseOxmlElement,
    *,
    width: int,
    height: int,
    margins: dict[str, int],
    landscape: bool = False,
) -> None:
    """Page size and margins in twips (python-docx's default is US Letter)."""
    pg_sz = child(sect_pr, "pgSz", SECTPR_SEQ)
    set_attrs(pg_sz, w=width, h=height, orient="landscape" if landscape else None)
    set_attrs(child(sect_pr, "pgMar", SECTPR_SEQ), gutter=0, **margins)


def set_line_grid(sect_pr: BaseOxmlElement, line_pitch: int) -> None:
    """A lines-only grid: Word's ``linesAndChars`` renders 14 characters a line in LibreOffice."""
    set_attrs(child(sect_pr, "docGrid", SECTPR_SEQ), type="lines", linePitch=line_pitch, charSpace=None)


def set_theme_font_lang(settings: BaseOxmlElement, east_asia: str = "zh-CN") -> None:
    element = settings.find(qn("w:themeFontLang"))
    if element is None:
        element = OxmlElement("w:themeFontLang")
        for name in SETTINGS_TAIL[SETTINGS_TAIL.index("themeFontLang") + 1 :]:
            later = settings.find(qn(f"w:{name}"))
            if later is not None:
                later.addprevious(element)
                break
        else:
            settings.append(element)
    set_attrs(element, val="en-US", eastAsia=east_asia)


# --- fields, breaks, tables ---------------------------------------------------------------------


def append_field(
    paragraph_element: BaseOxmlElement, instruction: str, placeholder: str, rpr_xml=None
) -> None:
    """Append a complex field (``PAGE``) as begin/instr/separate/result/end runs."""

    def run(*children: BaseOxmlElement) -> None:
        r = OxmlElement("w:r")
        if rpr_xml is not None:
            r.append(rpr_xml())
        for c in children:
            r.append(c)
        paragraph_element.append(r)

    def fld(kind: str) -> BaseOxmlElement:
        element = OxmlElement("w:fldChar")
        set_attrs(element, fldCharType=kind)
        return element

    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    result = OxmlElement("w:t")
    result.text = placeholder
    run(fld("begin"))
    run(instr)
    run(fld("separate"))
    run(result)
    run(fld("end"))


def page_number_paragraph(paragraph, before: str, after: str, side: str, inset: int) -> None:
    """Fill a footer paragraph with ``before`` PAGE ``after``, aligned to ``side`` with an inset."""
    ppr = paragraph._p.get_or_add_pPr()
    set_justification(ppr, side)
    set_indent(ppr, left=inset if side == "left" else 0, right=inset if side == "right" else 0)

    def hinted_rpr() -> BaseOxmlElement:
        rpr = OxmlElement("w:rPr")
        set_fonts(rpr, None, None, hint=True)
        return rpr

    for piece in (before, None, after):
        if piece is None:
            append_field(paragraph._p, "PAGE", "1", rpr_xml=hinted_rpr)
        elif piece:
            run = paragraph.add_run(piece)
            set_fonts(run._r.get_or_add_rPr(), None, None, hint=True)


def clear_body(body: BaseOxmlElement) -> None:
    """Remove the template's content, keeping the final section properties."""
    for element in list(body):
        if element.tag != qn("w:sectPr"):
            body.remove(element)
