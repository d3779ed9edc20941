"""Build templates/official.docx: the named styles and page of the GB/T 9704-2012 layout.

Run by hand after changing the layout, then commit the .docx:

    /tmp/venv/bin/python templates/build_official.py

What the standard fixes (A4, margins, 22 lines × 28 characters, sizes, indents) is written here;
what bureaus do differently (font names, bold, page-number form) comes from official.yaml through
``docx_writer.apply_profile``, the same function the exporter runs on a bureau's own template.
Measurements behind every number: GB/T 9704—2012 (the section of each is named where it is used).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import docx  # noqa: E402
from docx.enum.style import WD_STYLE_TYPE  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402

from desktop.plan.export import ooxml, package  # noqa: E402
from desktop.plan.export.docx_writer import (  # noqa: E402
    BODY_PITCH,
    CHAR,
    PAGE,
    apply_profile,
    load_profile,
)

LATIN = "Times New Roman"


def paragraph_style(doc, name: str, based_on: str | None, *, outline: int | None = None, **layout):
    """A paragraph style with explicit layout; fonts and bold are the profile's business."""
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if based_on:
        style.base_style = doc.styles[based_on]
    style.quick_style = True
    style.next_paragraph_style = style
    ppr = style.element.get_or_add_pPr()
    rpr = style.element.get_or_add_rPr()
    if "size" in layout:
        ooxml.set_size(rpr, layout["size"])
    if "spacing" in layout:
        ooxml.set_char_spacing(rpr, layout["spacing"])
    if "snap" in layout:
        ooxml.set_flag(ppr, "snapToGrid", layout["snap"])
    if "line" in layout:
        ooxml.set_exact_spacing(ppr, layout["line"])
    if "indent" in layout:
        ooxml.set_indent(ppr, **layout["indent"])
    if "jc" in layout:
        ooxml.set_justification(ppr, layout["jc"])
    if layout.get("keep_next"):  # a heading never ends a page: it goes down with its text
        ooxml.set_flag(ppr, "keepNext", True)
        ooxml.set_flag(ppr, "keepLines", True)
    if "color" in layout:
        ooxml.set_attrs(ooxml.child(rpr, "color", ooxml.RPR_SEQ), val=layout["color"])
    ooxml.set_outline_level(ppr, outline)
    return style


def character_style(doc, name: str, paragraph: str):
    """The run-in form of a heading: ``1.加强政治理论武装。`` inside a 正文 paragraph."""
    style = doc.styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
    style.base_style = doc.styles["Default Paragraph Font"]
    style.quick_style = True
    link = doc.styles[paragraph].element
    for element, target in ((style.element, paragraph), (link, name)):
        ooxml.set_attrs(ooxml.child(element, "link", ooxml.STYLE_SEQ), val=doc.styles[target].style_id)
    style.element.get_or_add_rPr()
    return style


def build(out: Path) -> None:
    doc = docx.Document()
    body = doc.element.body
    for element in list(body):
        if element.tag != qn("w:sectPr"):
            body.remove(element)

    # Theme fonts beat explicit names: remove them everywhere, and the Word 2010 copy of the styles.
    styles_root = doc.styles.element
    ooxml.strip_theme_fonts(styles_root)
    for rel_id, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            doc.part.drop_rel(rel_id)

    # docDefaults: 仿宋 3号, Chinese language, no space after paragraphs.
    defaults = styles_root.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    ooxml.set_fonts(rpr_default, "仿宋_GB2312", LATIN)
    ooxml.set_size(rpr_default, 16)
    ooxml.set_lang(rpr_default)
    ppr_default = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    ooxml.set_exact_spacing(ppr_default, None)

    normal = doc.styles["Normal"]
    ppr = normal.element.get_or_add_pPr()
    rpr = normal.element.get_or_add_rPr()
    # Widow/orphan control: no paragraph leaves one row alone at a page's foot or top (two
    # characters alone on a new page looked like a mistake). A page then ends a row short where
    # a split would strand one; the grid itself is unchanged.
    ooxml.set_flag(ppr, "widowControl", True)
    ooxml.set_exact_spacing(ppr, BODY_PITCH)
    ooxml.set_justification(ppr, "both")
    # Said explicitly: without it LibreOffice 7.4 hangs a closing comma past the margin and then
    # does not draw it. With it, a closing mark that does not fit takes the character before it
    # down to the next row (Word may hang it instead: one row fewer, never one more).
    ooxml.set_flag(ppr, "overflowPunct", True)
    ooxml.set_size(rpr, 16)
    # 28 characters of 16 pt are 448 pt; the 版心 is 442 pt wide. −0.25 pt each makes them fit.
    ooxml.set_char_spacing(rpr, -5)

    two_chars = {"first_chars": 200, "first_twips": 2 * CHAR}
    paragraph_style(doc, "正文", "Normal", indent=two_chars)
    paragraph_style(
        doc, "标题", "Normal", size=22, snap=False, jc="center", indent={"first_chars": 0, "first_twips": 0}
    )
    for level, name in enumerate(("一级标题", "二级标题", "三级标题", "四级标题")):
        paragraph_style(doc, name, "正文", outline=level, keep_next=True)
    paragraph_style(doc, "主送机关", "Normal", jc="left")
    paragraph_style(doc, "署名", "Normal", jc="right", indent={"right": 2 * CHAR})
    paragraph_style(doc, "成文日期", "Normal", jc="right", indent={"right": 4 * CHAR})
    # 附件：1.名称 — wrapped lines align with the name, so the hanging indent is the width of 附件：
    paragraph_style(doc, "附件说明", "Normal", indent={"left": 5 * CHAR, "hanging_twips": 3 * CHAR})
    paragraph_style(doc, "附件标识", "Normal", jc="left")
    # 版头 (7.2.4, 7.2.5): the sign red and centred, off the grid (its size is practice: a bureau
    # changes it here or in its own template); the 发文字号 centred on a grid row.
    centred = {"first_chars": 0, "first_twips": 0}
    sign = {"size": 42, "spacing": 0, "snap": False, "line": None, "color": "FF0000"}
    paragraph_style(doc, "发文机关标志", "Normal", jc="center", indent=centred, **sign)
    paragraph_style(doc, "发文字号", "Normal", jc="center", indent=centred)
    half = CHAR * 14 // 16  # one 4号 character
    # 版记 rows are a little under the grid pitch (snapToGrid off) so that n rows plus the table's
    # rules fit in n grid rows and the table can end on the 版心's last row.
    paragraph_style(
        doc,
        "版记",
        "Normal",
        size=14,
        jc="left",
        snap=False,
        line=BODY_PITCH - 39,
        indent={"left": half, "right": half},
    )
    paragraph_style(doc, "页码", None, size=14, spacing=0, snap=False, line=None)
    paragraph_style(doc, "表格标题", "标题")
    paragraph_style(doc, "表头", "Normal", size=14, snap=False, line=None, jc="center")
    paragraph_style(doc, "表格文字", "Normal", size=14, snap=False, line=None, jc="left")
    for name in ("一级标题", "二级标题", "三级标题", "四级标题"):
        character_style(doc, f"{name}字符", name)

    for style in doc.styles:
        if style.type == WD_STYLE_TYPE.PARAGRAPH and style.name not in ("Normal",):
            ooxml.strip_theme_fonts(style.element)

    section = doc.sections[0]
    ooxml.set_page(section._sectPr, width=PAGE["width"], height=PAGE["height"], margins=PAGE["margins"])
    ooxml.set_line_grid(section._sectPr, BODY_PITCH)
    ooxml.set_theme_font_lang(doc.settings.element)

    apply_profile(doc, load_profile(HERE / "official.yaml"))
    package.drop_leftovers(doc)
    package.set_properties(doc, "", "")
    doc.save(out)


if __name__ == "__main__":
    target = HERE / "official.docx"
    build(target)
    print(f"已生成 {target}")
