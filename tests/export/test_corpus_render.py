"""Every corpus plan exported and rendered by LibreOffice (one batched run per session, see
``conftest.rendered``), measured: headings never end a page, no paragraph leaves one row alone,
抄送/印发 printed once and only in the 版记, the 版记's bottom rule on the 版心's edge, 署名 and
成文日期 placed as GB/T 9704 7.3.5.3 says, 附件说明 as 7.3.4 writes it.

Failures are collected over the whole corpus and reported together, naming the plan and text.
"""

from __future__ import annotations

import functools

import docx
import pytest
from docx.oxml.ns import qn

from tests.export.render import MM, TEXT_BOTTOM_MM, body_pages, horizontal_rules, page_lines, place

pytestmark = [pytest.mark.render]

HEADINGS = frozenset(("一级标题", "二级标题", "三级标题", "四级标题", "附件标识"))
CHAR_MM = 16 / MM  # one 3号 character
LEFT_MM, RIGHT_MM = 1587 / 1440 * 25.4, (1587 + 8845) / 1440 * 25.4


def corpus_names(exports) -> list[str]:
    return [n for n in exports if n not in ("hand_built", "pure")]


@functools.cache
def _docx_paragraphs(path: str) -> tuple[tuple[str, str], ...]:
    """(style name, text) of the body's own paragraphs (not those inside the 版记 table)."""
    doc = docx.Document(path)
    names = {s.style_id: s.name for s in doc.styles}
    out = []
    for p in doc.element.body.iterchildren(qn("w:p")):
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        out.append((names.get(style.get(qn("w:val")), "") if style is not None else "Normal", text))
    return tuple(out)


def placed_paragraphs(exports, rendered, name):
    pages = body_pages(rendered[name])
    return place(list(_docx_paragraphs(str(exports[name]))), pages), pages


def test_most_paragraphs_are_found_in_the_render(exports, rendered):
    """The measurements below rest on finding the paragraphs; a broken matcher must not pass."""
    for name in corpus_names(exports):
        wanted = [t for _, t in _docx_paragraphs(str(exports[name])) if "".join(t.split())]
        placed, _ = placed_paragraphs(exports, rendered, name)
        assert len(wanted) - len(placed) <= max(1, len(wanted) // 10), name


def test_no_heading_is_the_last_line_of_a_page(exports, rendered):
    stranded, headings = [], 0
    for name in corpus_names(exports):
        placed, pages = placed_paragraphs(exports, rendered, name)
        for k, paragraph in enumerate(placed[:-1]):
            if paragraph.style not in HEADINGS:
                continue
            headings += 1
            page, index = paragraph.lines[-1]
            if index == len(pages[page]) - 1 and placed[k + 1].lines[0][0] != page:
                stranded.append(f"{name}: {paragraph.text[:20]}")
    assert headings > 100
    assert not stranded, stranded


def test_no_paragraph_leaves_one_row_alone_at_a_page_foot_or_top(exports, rendered):
    alone = []
    for name in corpus_names(exports):
        placed, _ = placed_paragraphs(exports, rendered, name)
        for paragraph in placed:
            pages = [p for p, _ in paragraph.lines]
            if len(set(pages)) < 2:
                continue
            first, last = pages.count(pages[0]), pages.count(pages[-1])
            if first < 2 or last < 2:
                alone.append(f"{name}: {paragraph.text[:20]} ({first}+…+{last})")
    assert not alone, alone


def _banji_names(exports):
    """Exports with a 版记: the table floating at the page foot (source tables are in flow)."""
    names = []
    for name in corpus_names(exports):
        body = docx.Document(str(exports[name])).element.body
        if any(t.find(f"{qn('w:tblPr')}/{qn('w:tblpPr')}") is not None for t in body.iter(qn("w:tbl"))):
            names.append(name)
    assert {"banji_fits", "banji_tight", "2020_zhenjiang_city_webpage"} <= set(names)
    return names


def test_banji_bottom_rule_is_the_text_blocks_edge(exports, rendered):
    for name in _banji_names(exports):
        page = rendered[name][-1]
        rules = [r for r in horizontal_rules(page) if r[2] > page.rect.height / 2]
        assert len(rules) in (2, 3), name
        assert page_lines(page)[-2].top > rules[0][2], name  # the 版记 closes the last page
        x0, x1, y, thickness = rules[-1]
        assert (y + thickness / 2) / MM == pytest.approx(TEXT_BOTTOM_MM, abs=0.3), name
        for x0, x1, _, _ in rules:
            assert x0 / MM == pytest.approx(LEFT_MM, abs=0.3) and x1 / MM == pytest.approx(RIGHT_MM, abs=0.3)
        body = [line for line in page_lines(page) if line.top < rules[0][2]]
        if body:  # the text above never runs into the 版记
            assert max(b for *_, b in body[-1].chars) < rules[0][2]


def test_cc_and_print_lines_are_printed_once(exports, rendered):
    seen = 0
    for name in _banji_names(exports):
        text = ["".join(line.text.split()) for page in rendered[name] for line in page_lines(page)]
        cc = [t for t in text if t.startswith(("抄送", "抄报"))]
        printed = [t for t in text if t.endswith("印发") and any(c.isdigit() for c in t)]
        assert len(cc) <= 1 and len(printed) <= 1, (name, cc, printed)
        seen += len(cc) + len(printed)
        last = "".join(line.text for line in page_lines(rendered[name][-1]))
        assert all(t in "".join(last.split()) for t in cc + printed), name
    assert seen >= 3  # zhenjiang (抄 送 + 印发 line), huishan (抄送), minhang (印发 line)


def test_signature_follows_gbt9704_7_3_5(exports, rendered):
    """7.3.5.3: 署名 右空二字, the date on the next row with its first character two characters
    right of the 署名's; a date longer than the 署名 is set 右空二字 and the 署名 moves left."""
    measured = {"issuer": 0, "date": 0}
    right_space = RIGHT_MM - 2 * CHAR_MM
    for name in list(exports):
        placed, pages = placed_paragraphs(exports, rendered, name)
        issuer = next((p for p in placed if p.style == "署名"), None)
        date = next((p for p in placed if p.style == "成文日期"), None)
        if issuer is None or date is None:
            continue
        (ip, ii), (dp, di) = issuer.lines[0], date.lines[0]
        issuer_line, date_line = pages[ip][ii], pages[dp][di]
        assert (dp, di) == (ip, ii + 1) or (dp == ip + 1 and di == 0), name  # the next row
        assert (date_line.x0 - issuer_line.x0) / MM == pytest.approx(2 * CHAR_MM, abs=0.3), name
        assert date_line.x1 / MM <= RIGHT_MM, name
        issuer_w, date_w = issuer_line.x1 - issuer_line.x0, date_line.x1 - date_line.x0
        if date_w > issuer_w + 1:  # the longer date keeps 右空二字
            assert date_line.x1 / MM == pytest.approx(right_space, abs=0.3), name
            measured["date"] += 1
        elif date_w < issuer_w - 1:  # the 署名 keeps 右空二字
            assert issuer_line.x1 / MM == pytest.approx(right_space, abs=0.3), name
            measured["issuer"] += 1
    assert measured["issuer"] >= 2 and measured["date"] >= 2, measured


def test_attachment_note_is_label_colon_name_without_book_marks(exports):
    found = 0
    for name in exports:
        for style, text in _docx_paragraphs(str(exports[name])):
            if style == "附件说明" and text.startswith("附件"):
                assert text.startswith("附件：") and "《" not in text and "》" not in text, (name, text)
                found += 1
    assert found >= 3
