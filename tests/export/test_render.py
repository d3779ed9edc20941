"""Render exports with LibreOffice and measure the PDF (GBT9704.md, "Proving it without Word").

Skipped with the reason when soffice is absent; CI installs LibreOffice and the CJK fonts.
"""

from __future__ import annotations

import itertools

import pytest

from tests.export.render import MM, horizontal_rules, page_lines, render_pdf, soffice

pytestmark = [
    pytest.mark.render,
    pytest.mark.skipif(soffice() is None, reason="没有安装 LibreOffice（soffice），无法渲染导出的文档"),
]

PT_PER_ROW = 579 / 20
BODY_BOTTOM_MM = 297 - 35

# Common characters without punctuation, so every row holds exactly 28 glyphs.
_HANZI = "教育工作要点全面贯彻党的方针落实立德树人根本任务推进优质均衡发展深化综合改革提升保障水平"


def pure_cjk_text() -> str:
    body = "".join(_HANZI[i % len(_HANZI)] for i in range(28 * 22 * 3))
    return f"某某区二〇二六年教育工作要点\n一、总体要求\n{body}\n"


@pytest.fixture(scope="module")
def pure_pdf(tmp_path_factory):
    import pymupdf

    from desktop.plan.export.docx_writer import write_docx
    from desktop.plan.parse import parse

    folder = tmp_path_factory.mktemp("pure")
    write_docx(parse(pure_cjk_text()), folder / "pure.docx")
    return pymupdf.open(render_pdf(folder / "pure.docx", folder))


@pytest.fixture(scope="module")
def huishan_pdf(huishan_docx, tmp_path_factory):
    import pymupdf

    return pymupdf.open(render_pdf(huishan_docx, tmp_path_factory.mktemp("huishan-pdf")))


@pytest.fixture(scope="module")
def banji_pdf(tmp_path_factory, hand_built_plan):
    """A short plan with a 版记: the 版记 must still go to the foot of its (only) page."""
    import pymupdf

    from desktop.plan.export.docx_writer import write_docx

    folder = tmp_path_factory.mktemp("banji")
    write_docx(hand_built_plan, folder / "banji.docx")
    return pymupdf.open(render_pdf(folder / "banji.docx", folder))


def body_lines(page):
    return [line for line in page_lines(page) if line.top < BODY_BOTTOM_MM * MM]


def test_a_full_page_has_22_rows_of_28_characters(pure_pdf):
    lines = body_lines(pure_pdf[1])
    assert len(lines) == 22
    gaps = [b.baseline - a.baseline for a, b in itertools.pairwise(lines)]
    assert all(abs(g - PT_PER_ROW) < 0.1 for g in gaps), gaps
    assert lines[0].baseline / MM == pytest.approx(44.7, abs=0.5)
    assert lines[-1].baseline / MM == pytest.approx(259.2, abs=0.5)
    for line in lines:
        assert len(line.text) == 28, line.text
        assert line.x0 / MM == pytest.approx(28.0, abs=0.3)
        assert line.x1 / MM <= 184.3


def test_page_numbers_odd_right_even_left_one_character_in(pure_pdf):
    for index in (0, 1):
        page = pure_pdf[index]
        number = [line for line in page_lines(page) if line.top >= BODY_BOTTOM_MM * MM]
        assert len(number) == 1
        line = number[0]
        assert line.text == f"—{index + 1}—"
        assert 264 <= line.top / MM <= 271
        if index % 2 == 0:  # page 1: odd, right
            assert (184.0 - line.x1 / MM) == pytest.approx(5.0, abs=0.6)
        else:
            assert (line.x0 / MM - 28.0) == pytest.approx(5.0, abs=0.6)


def test_banji_rules_at_the_foot_of_the_last_page(banji_pdf):
    page = banji_pdf[-1]
    rules = horizontal_rules(page)
    assert len(rules) == 3  # top, between 抄送 and 印发, bottom
    for x0, x1, _, _ in rules:
        assert x0 / MM == pytest.approx(28.0, abs=0.3) and x1 / MM == pytest.approx(184.0, abs=0.3)
    assert [round(r[3], 2) for r in rules] == [1.0, 0.75, 1.0]
    assert BODY_BOTTOM_MM - 4 <= rules[-1][2] / MM <= BODY_BOTTOM_MM
    text = "".join(line.text for line in page_lines(page))
    assert "抄送：市教育局、区委办公室、区政府办公室。" in text and text.count("印发") >= 1


def test_corpus_export_rows_match_the_estimate_and_banji_ends_the_last_page(huishan_pdf, huishan_docx):
    """The 版记 is placed from a row count of the text; it must agree with the render."""
    import docx

    from desktop.plan.export.docx_layout import _INDENTED, line_count

    rendered = [line.text for page in huishan_pdf for line in body_lines(page)]
    doc = docx.Document(str(huishan_docx))
    paragraphs = [p for p in doc.paragraphs if p.text.strip()]
    position = 0
    starts = []
    for paragraph in paragraphs:
        head = paragraph.text.split("\n")[0].replace(" ", "").replace("\t", "")[:12]
        while not rendered[position].startswith(head):
            position += 1
        starts.append(position)
        position += 1
    for paragraph, start, end in zip(paragraphs, starts, starts[1:], strict=False):
        indent = (
            2 if paragraph.style.name in _INDENTED and paragraph.paragraph_format.alignment is None else 0
        )
        expected = (
            paragraph.text.count("\n") + 1
            if paragraph.style.name == "标题"
            else line_count(paragraph.text, indent)
        )
        assert expected == end - start, paragraph.text[:20]
    last = huishan_pdf[-1]
    assert "抄送" in "".join(line.text for line in page_lines(last))
    assert horizontal_rules(last)[-1][2] / MM >= BODY_BOTTOM_MM - 4


def test_title_and_headings_use_their_fonts(huishan_pdf):
    fonts = set()
    for block in huishan_pdf[1].get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            for span in line["spans"]:
                fonts.add((span["font"], round(span["size"])))
    sizes = {size for _, size in fonts}
    assert 22 in sizes and 16 in sizes
    assert any("Sans" in name for name, _ in fonts)  # 黑体 → the sans stand-in for 一、
