"""The 印发通知 with its 版头 (GB/T 9704 7.2), measured in LibreOffice renders, and its CLI."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from desktop.plan.export.notice import NoticeHead
from tests.export.conftest import NOTICE_HEAD_NUMBER, paragraph_text
from tests.export.render import MM, page_lines

ZHENJIANG, WUHU = "notice:2020_zhenjiang_city_webpage", "notice:2024_anhui_wuhu_city"
CENTRE_MM = (28.0 + 184.0) / 2
ROW_MM = 579 / 20 / MM


def red_rules(page):
    rules = []
    for drawing in page.get_drawings():
        color = drawing.get("color") or ()
        if len(color) == 3 and color[0] > 0.9 and color[1] < 0.1 and color[2] < 0.1:
            for item in drawing["items"]:
                if item[0] == "l" and abs(item[1].y - item[2].y) < 0.1:
                    rules.append((min(item[1].x, item[2].x), max(item[1].x, item[2].x), item[1].y))
    return rules


def span_color(page, text: str) -> int:
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            for span in line["spans"]:
                if span["text"].strip() and span["text"].strip() in text:
                    return span["color"]
    raise AssertionError(f"{text} not found")


@pytest.mark.render
@pytest.mark.parametrize("name", [ZHENJIANG, WUHU])
def test_head_sign_number_and_red_rule(rendered, name):
    page = rendered[name][0]
    lines = page_lines(page)
    sign, number = lines[0], lines[1]
    assert sign.text.endswith("文件")
    assert span_color(page, sign.text) == 0xFF0000
    assert (sign.x0 + sign.x1) / 2 / MM == pytest.approx(CENTRE_MM, abs=0.5)
    assert sign.top / MM == pytest.approx(37 + 35, abs=1.0)  # 上边缘 35 mm below the 版心's
    assert number.text == NOTICE_HEAD_NUMBER
    assert (number.x0 + number.x1) / 2 / MM == pytest.approx(CENTRE_MM, abs=0.5)
    sign_bottom = max(c[4] for c in sign.chars)
    assert (number.top - sign_bottom) / MM >= 2 * ROW_MM - 1  # 空二行
    rules = red_rules(page)
    assert rules, "no red separator"
    x0, x1, y = rules[0]
    assert x0 / MM == pytest.approx(28.0, abs=0.3) and x1 / MM == pytest.approx(184.0, abs=0.3)
    ink_bottom = number.baseline + 0.12 * 16  # CJK glyphs end ~0.12 em below the baseline
    assert (y - ink_bottom) / MM == pytest.approx(4.0, abs=0.5)
    title = lines[2]
    assert (title.top - y) / MM >= 2 * ROW_MM - 1  # the title two rows below the rule


@pytest.mark.render
def test_optional_marks_stand_top_left_and_leave_the_sign_in_place(rendered):
    page = rendered["notice_marked"][0]
    lines = page_lines(page)
    assert [line.text for line in lines[:3]] == ["000001", "秘密★1年", "特急"]
    for row, line in enumerate(lines[:3]):
        assert line.x0 / MM == pytest.approx(28.0, abs=0.3)
        assert line.baseline / MM == pytest.approx(44.7 + row * ROW_MM, abs=0.5)  # rows 1–3
    assert lines[3].text == "某某区教育局文件"
    assert lines[3].top / MM == pytest.approx(37 + 35, abs=1.0)


@pytest.mark.render
@pytest.mark.parametrize("name", [ZHENJIANG, WUHU])
def test_plan_follows_as_attachment_and_banji_closes_the_document(rendered, name):
    pdf = rendered[name]
    firsts = [page_lines(page)[0].text for page in pdf]
    assert "附件" in firsts[1:]
    text = ["".join(line.text.split()) for page in pdf for line in page_lines(page)]
    assert sum(t.startswith("抄送") for t in text) <= 1


def test_generated_notice_for_a_plan_without_one(exports):
    doc = docx.Document(str(exports[WUHU]))
    texts = [paragraph_text(p) for p in doc.element.body.iterchildren(qn("w:p"))]
    assert "某某市教育局文件" in texts and NOTICE_HEAD_NUMBER in texts
    title = next(t for t in texts if t.startswith("关于印发《"))
    assert title.endswith("》的通知")
    assert any(t.startswith("现将《") and t.endswith("贯彻落实。") for t in texts)
    assert any(t.startswith("附件：") and "《" not in t for t in texts)


def test_own_notice_keeps_its_text_and_drops_its_closing_lines(exports):
    doc = docx.Document(str(exports[ZHENJIANG]))
    body = [paragraph_text(p) for p in doc.element.body.iterchildren(qn("w:p"))]
    assert any("印发给你们" in t for t in body)
    assert not any(t.replace(" ", "").startswith("抄送") for t in body)
    assert not any(t.endswith("印发") and any(c.isdigit() for c in t) for t in body)
    banji = [paragraph_text(p) for p in doc.tables[-1]._tbl.iter(qn("w:p"))]
    assert banji[0].startswith("抄送：省教育厅") and banji[-1].endswith("2020年3月2日印发")


def test_head_values_round_trip_and_default_sign():
    head = NoticeHead(number="某教发〔2026〕1号", urgency="特急")
    assert NoticeHead.from_dict(head.to_dict()) == head
    assert NoticeHead.from_dict({"sign": 3, "bogus": "x"}) == NoticeHead(sign="3")
    assert NoticeHead.from_dict(None) == NoticeHead()
    assert head.with_defaults("某某区教育局").sign == "某某区教育局文件"
    assert NoticeHead(sign="某某文件").with_defaults("别的局").sign == "某某文件"


def test_optional_rows_are_off_by_default_and_printed_when_given(hand_built_plan, tmp_path):
    from desktop.plan.export.docx_writer import build_document

    plain = build_document(hand_built_plan, head=NoticeHead(number="某教发〔2026〕1号"))
    first = [paragraph_text(p) for p in plain.element.body.iterchildren(qn("w:p"))][:2]
    assert first[0] == "某某区教育局文件"
    marked = build_document(
        hand_built_plan, head=NoticeHead(number="1号", copy_no="000001", secrecy="秘密★1年", urgency="特急")
    )
    first = [paragraph_text(p) for p in marked.element.body.iterchildren(qn("w:p"))][:4]
    assert first == ["000001", "秘密★1年", "特急", "某某区教育局文件"]


def test_cli_notice_needs_a_sign_when_the_plan_names_no_issuer(tmp_path, corpus_path, capsys):
    from desktop.cli import main

    out = tmp_path / "n.docx"
    code = main(["export", str(corpus_path("2024_anhui_wuhu_city.txt")), "-o", str(out), "--notice"])
    assert code != 0 and not out.exists()
    assert "发文机关标志" in capsys.readouterr().err
    code = main(
        [
            "export",
            str(corpus_path("2024_anhui_wuhu_city.txt")),
            "-o",
            str(out),
            "--notice",
            "--sign",
            "芜湖市教育局文件",
        ]
    )
    assert code == 0 and out.is_file()
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts[0] == "芜湖市教育局文件"


def test_a_notice_without_a_number_leaves_it_to_the_office_and_says_so(tmp_path) -> None:
    import subprocess
    import sys

    import docx

    sample = Path(__file__).resolve().parents[2] / "resources" / "samples" / "sample_plan_2027.txt"
    out = tmp_path / "notice.docx"
    done = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "export", str(sample), "-o", str(out), "--notice"],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert done.returncode == 0, done.stderr
    assert "发文字号未填写" in done.stderr
    assert any(p.text == "〔2027〕　号" for p in docx.Document(str(out)).paragraphs)
