"""The exported .docx read back: page, grid, styles, fonts through the style chain, footers."""

from __future__ import annotations

import docx
import pytest
from docx.oxml.ns import qn

from desktop.plan.export.docx_writer import DEFAULT_TEMPLATE, REQUIRED_STYLES
from tests.export.conftest import Resolver, body_paragraphs, paragraph_text, style_name

TWIPS_PER_MM = 1440 / 25.4


@pytest.fixture(scope="module")
def doc(hand_built_docx):
    return docx.Document(str(hand_built_docx))


def paragraphs_by_text(doc):
    return {paragraph_text(p): p for p in body_paragraphs(doc)}


def test_page_is_a4_with_official_margins(doc):
    sect = doc.element.body.find(qn("w:sectPr"))
    size, margins = sect.find(qn("w:pgSz")), sect.find(qn("w:pgMar"))
    assert (int(size.get(qn("w:w"))), int(size.get(qn("w:h")))) == (11906, 16838)
    mm = {k: int(margins.get(qn(f"w:{k}"))) / TWIPS_PER_MM for k in ("top", "bottom", "left", "right")}
    assert mm == pytest.approx({"top": 37, "bottom": 35, "left": 28, "right": 26}, abs=1)
    width = 11906 - int(margins.get(qn("w:left"))) - int(margins.get(qn("w:right")))
    height = 16838 - int(margins.get(qn("w:top"))) - int(margins.get(qn("w:bottom")))
    assert (width, height) == (8845, 12756)


def test_line_grid_gives_22_rows(doc):
    grid = doc.element.body.find(qn("w:sectPr")).find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines"
    pitch = int(grid.get(qn("w:linePitch")))
    assert 22 * pitch <= 12756 < 23 * pitch


def test_template_has_every_named_style():
    names = {s.name for s in docx.Document(str(DEFAULT_TEMPLATE)).styles}
    assert set(REQUIRED_STYLES) <= names


def test_no_theme_fonts_anywhere_in_styles(doc):
    root = doc.styles.element
    for fonts in root.iter(qn("w:rFonts")):
        for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            assert fonts.get(qn(f"w:{attr}")) is None


def test_theme_font_language_is_chinese(doc):
    lang = doc.settings.element.find(qn("w:themeFontLang"))
    assert lang is not None and lang.get(qn("w:eastAsia")) == "zh-CN"


EXPECTED = {
    # first characters of a paragraph → (style, eastAsia font, size, bold)
    "某某区2026年教育工作要点": ("标题", "方正小标宋简体", 22, False),
    "各镇（街道）中心校": ("主送机关", "仿宋_GB2312", 16, False),
    "2026年是": ("正文", "仿宋_GB2312", 16, False),
    "一、加强党的全面领导": ("一级标题", "黑体", 16, False),
    "（一）强化政治引领": ("二级标题", "楷体_GB2312", 16, False),
    "2.深化党建品牌创建": ("三级标题", "仿宋_GB2312", 16, False),
    "某某区教育局": ("署名", "仿宋_GB2312", 16, False),
    "2026年1月8日": ("成文日期", "仿宋_GB2312", 16, False),
}


@pytest.mark.parametrize("start", list(EXPECTED))
def test_effective_east_asian_font_size_and_bold(doc, start):
    style, font, size, bold = EXPECTED[start]
    resolver = Resolver(doc)
    paragraph = next(p for p in body_paragraphs(doc) if paragraph_text(p).startswith(start))
    assert style_name(doc, paragraph) == style
    run = paragraph.find(qn("w:r"))
    assert resolver.font(paragraph, run) == font
    assert resolver.font(paragraph, run, "ascii") == "Times New Roman"
    assert resolver.size(paragraph, run) == size
    assert resolver.bold(paragraph, run) is bold


def test_run_in_headings_use_the_heading_character_style(doc):
    """1. and （1） with body on the same line: the heading sentence in its character style, the
    body continuing in 仿宋 in the same paragraph, markers written as the draft has them."""
    resolver = Resolver(doc)
    paragraph = next(p for p in body_paragraphs(doc) if paragraph_text(p).startswith("（1）培育党建品牌"))
    runs = paragraph.findall(qn("w:r"))
    assert "".join(t.text for t in runs[0].iter(qn("w:t"))) == "（1）培育党建品牌。"
    assert (
        runs[0].find(f"{qn('w:rPr')}/{qn('w:rStyle')}").get(qn("w:val"))
        == doc.styles["四级标题字符"].style_id
    )
    assert resolver.font(paragraph, runs[1]) == "仿宋_GB2312"
    assert style_name(doc, paragraph) == "正文"


def test_markers_are_text_never_auto_numbering(doc, hand_built_plan):
    assert not list(doc.element.body.iter(qn("w:numPr")))
    texts = [paragraph_text(p) for p in body_paragraphs(doc)]
    for node in hand_built_plan.numbered():
        assert any(t.startswith(node.marker_text + node.headline) for t in texts), node.marker_text


def test_body_has_first_line_indent_and_exact_pitch(doc):
    resolver = Resolver(doc)
    paragraph = next(p for p in body_paragraphs(doc) if paragraph_text(p).startswith("2026年是"))
    assert resolver.ppr_value(paragraph, "ind", "firstLineChars") == "200"
    assert resolver.ppr_value(paragraph, "ind", "firstLine") == "640"
    assert resolver.ppr_value(paragraph, "spacing", "line") == "579"
    assert resolver.ppr_value(paragraph, "spacing", "lineRule") == "exact"
    assert resolver.ppr_value(paragraph, "jc", "val") == "both"


def test_runs_with_quotes_carry_the_east_asian_hint(doc):
    resolver = Resolver(doc)
    checked = 0
    for paragraph in body_paragraphs(doc):
        for run in paragraph.iter(qn("w:r")):
            text = "".join(t.text or "" for t in run.iter(qn("w:t")))
            if any(c in text for c in "“”‘’—…"):
                assert resolver.hint(paragraph, run) == "eastAsia", text
                checked += 1
    assert checked >= 2


def test_odd_and_even_footers_carry_page_fields(doc):
    assert doc.settings.odd_and_even_pages_header_footer
    section = doc.sections[0]
    resolver = Resolver(doc)
    sides = {}
    for footer in (section.footer, section.even_page_footer):
        assert not footer.is_linked_to_previous
        paragraph = footer.paragraphs[0]._p
        instructions = "".join(t.text for t in paragraph.iter(qn("w:instrText")))
        assert instructions.strip() == "PAGE"
        assert paragraph_text(paragraph).startswith("— ") and paragraph_text(paragraph).endswith(" —")
        assert style_name(doc, paragraph) == "页码"
        assert resolver.size(paragraph) == 14
        assert resolver.font(paragraph) == "宋体"
        sides[resolver.ppr_value(paragraph, "jc", "val")] = paragraph
    assert set(sides) == {"right", "left"}
    assert resolver.ppr_value(sides["right"], "ind", "right") == "280"
    assert resolver.ppr_value(sides["left"], "ind", "left") == "280"


def test_banji_is_a_table_as_wide_as_the_text_block_with_rules(doc):
    table = doc.element.body.findall(qn("w:tbl"))[-1]
    assert table.find(f"{qn('w:tblPr')}/{qn('w:tblW')}").get(qn("w:w")) == "8845"
    borders = table.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}")
    assert borders.find(qn("w:top")).get(qn("w:sz")) == "8"
    assert borders.find(qn("w:bottom")).get(qn("w:sz")) == "8"
    assert borders.find(qn("w:insideH")).get(qn("w:sz")) == "6"
    texts = [paragraph_text(p) for p in table.iter(qn("w:p"))]
    assert texts[0] == "抄送：市教育局、区委办公室、区政府办公室。"
    assert texts[1].startswith("某某区教育局办公室") and texts[1].endswith("2026年1月8日印发")
    # The body never ends with the table (LibreOffice dropped it).
    assert doc.element.body[-2].tag == qn("w:p")


def test_notice_comes_first_and_the_plan_is_its_attachment(huishan_docx):
    doc = docx.Document(str(huishan_docx))
    paragraphs = body_paragraphs(doc)
    texts = [paragraph_text(p) for p in paragraphs]
    assert texts[0].startswith("关于印发《无锡市惠山区")
    label = texts.index("附件")
    assert paragraphs[label].find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None
    assert style_name(doc, paragraphs[label + 2]) == "标题"
    assert texts[label + 2] == "无锡市惠山区2022年教育工作要点"
    assert texts.index("无锡市惠山区教育局") < label  # 署名 on the notice
    cc = [t for t in texts if t.startswith("抄送：")]
    assert cc and "区人大常委会办公室" in cc[0]  # the line broken mid-word in the source is whole
