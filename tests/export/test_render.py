"""Render exports with LibreOffice and measure the PDF (GBT9704.md, "Proving it without Word").

Skipped with the reason when soffice is absent; CI installs LibreOffice and the CJK fonts.
"""

from __future__ import annotations

import itertools

import pytest

from tests.export.render import MM, horizontal_rules, page_lines, soffice

pytestmark = [
    pytest.mark.render,
    pytest.mark.skipif(soffice() is None, reason="没有安装 LibreOffice（soffice），无法渲染导出的文档"),
]

PT_PER_ROW = 579 / 20
BODY_BOTTOM_MM = 297 - 35


@pytest.fixture(scope="module")
def pure_pdf(rendered):
    """Pure CJK text filling three pages: every row holds exactly 28 glyphs."""
    return rendered["pure"]


@pytest.fixture(scope="module")
def huishan_pdf(rendered):
    return rendered["2022_wuxi_huishan_district"]


@pytest.fixture(scope="module")
def banji_pdf(rendered):
    """A short plan with a 版记: the 版记 must still go to the foot of its (only) page."""
    return rendered["hand_built"]


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
    _, _, y, thickness = rules[-1]  # the bottom rule's lower edge is the 版心's (7.4)
    assert (y + thickness / 2) / MM == pytest.approx(BODY_BOTTOM_MM, abs=0.3)
    text = "".join(line.text for line in page_lines(page))
    assert "抄送：市教育局、区委办公室、区政府办公室。" in text and text.count("印发") >= 1


def test_title_and_headings_use_their_fonts(huishan_pdf):
    fonts = set()
    for block in huishan_pdf[1].get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            for span in line["spans"]:
                fonts.add((span["font"], round(span["size"])))
    sizes = {size for _, size in fonts}
    assert 22 in sizes and 16 in sizes
    assert any("Sans" in name for name, _ in fonts)  # 黑体 → the sans stand-in for 一、
