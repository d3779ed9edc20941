"""Reading real .docx files: order, tables in place, headers ignored, Word's automatic numbers shown."""

from __future__ import annotations

import io
import struct
import zlib

from docx import Document
from docx.oxml import parse_xml
from docx.shared import Cm

from desktop.plan.read.docx_reader import read_docx
from desktop.plan.read.loader import load_plan

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

NUMBERING = f"""
<w:numbering {W_NS}>
  <w:abstractNum w:abstractNumId="7">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
    <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%4"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
</w:numbering>
"""


def _numbered(document, text: str, level: int) -> None:
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="3"/></w:numPr>')
    )


def _with_numbering(document) -> None:
    """Replace the numbering part's XML with our definitions (python-docx has no API for it)."""
    part = document.part.numbering_part
    part._element = parse_xml(NUMBERING)


def _png() -> bytes:
    raw = b"\x00\xff\x00\x00"

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def test_automatic_numbering_is_rendered_as_the_reader_sees_it(tmp_path):
    document = Document()
    document.add_paragraph("2027年某区教育工作要点")
    _numbered(document, "加强党的建设", 0)
    _numbered(document, "强化理论武装", 1)
    _numbered(document, "深入学习。组织专题学习。", 2)
    _numbered(document, "压实责任。", 2)
    _numbered(document, "推进作风建设", 1)
    _numbered(document, "开展调研", 2)
    _numbered(document, "专题一", 3)
    _numbered(document, "办好人民满意教育", 0)
    _with_numbering(document)
    path = tmp_path / "自动编号.docx"
    document.save(path)

    assert read_docx(path) == [
        "2027年某区教育工作要点",
        "一、加强党的建设",
        "（一）强化理论武装",
        "1.深入学习。组织专题学习。",
        "2.压实责任。",
        "（二）推进作风建设",
        "1.开展调研",
        "①专题一",
        "二、办好人民满意教育",
    ]
    _, plan = load_plan(path)
    assert [n.marker_text for n in plan.walk()] == ["一、", "（一）", "1.", "2.", "（二）", "1.", "①", "二、"]


def test_tables_in_place_headers_and_images_ignored(tmp_path):
    document = Document()
    document.sections[0].header.paragraphs[0].text = "页眉：内部资料"
    document.sections[0].footer.paragraphs[0].text = "— 1 —"
    document.add_paragraph("2027年某区教育工作要点")
    document.add_paragraph("一、重点项目")
    document.add_picture(io.BytesIO(_png()), width=Cm(1))
    table = document.add_table(rows=2, cols=3)
    for r, row in enumerate([("序号", "项目", "责任单位"), ("1", "新建学校", "基建科")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("二、保障措施")
    path = tmp_path / "表格.docx"
    document.save(path)

    lines = [line for line in read_docx(path) if line]
    assert lines == [
        "2027年某区教育工作要点",
        "一、重点项目",
        "｜序号｜项目｜责任单位｜",  # a table row between bars: see desktop.plan.tables
        "｜1｜新建学校｜基建科｜",
        "二、保障措施",
    ]
    assert all("页眉" not in line for line in lines)
    _, plan = load_plan(path)
    assert [n.marker_text for n in plan.nodes] == ["一、", "二、"]


def test_corpus_plan_as_docx_gives_the_same_outline(tmp_path, corpus_path):
    source, plan = load_plan(corpus_path("huishan"))
    document = Document()
    for line in source.text.split("\n"):
        document.add_paragraph(line)
    path = tmp_path / "惠山.docx"
    document.save(path)
    _, from_docx = load_plan(path)
    assert [(n.level, n.marker_text, n.headline) for n in from_docx.walk()] == [
        (n.level, n.marker_text, n.headline) for n in plan.walk()
    ]
    assert from_docx.metadata == plan.metadata


def test_numbering_through_a_style_tracked_changes_and_content_controls(tmp_path):
    """Headings numbered by their style, deleted text left out, content controls opened."""
    document = Document()
    styles = document.styles.element
    styles.append(
        parse_xml(
            f'<w:style {W_NS} w:type="paragraph" w:styleId="PlanSection"><w:name w:val="Plan Section"/>'
            '<w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>'
        )
    )
    styles.append(
        parse_xml(
            f'<w:style {W_NS} w:type="paragraph" w:styleId="PlanSectionChild"><w:name w:val="Child"/>'
            '<w:basedOn w:val="PlanSection"/></w:style>'
        )
    )
    document.add_paragraph("2027年某区教育工作要点")
    first = document.add_paragraph("加强党的建设")
    first.style = document.styles["Plan Section"]
    second = document.add_paragraph()
    second._p.append(parse_xml(f"<w:r {W_NS}><w:t>办好</w:t></w:r>"))
    second._p.append(
        parse_xml(f'<w:del {W_NS} w:id="1" w:author="x"><w:r><w:delText>删掉的</w:delText></w:r></w:del>')
    )
    second._p.append(
        parse_xml(f'<w:ins {W_NS} w:id="2" w:author="x"><w:r><w:t>人民满意教育</w:t></w:r></w:ins>')
    )
    second.style = document.styles["Child"]
    body = document.element.body
    body.insert(
        len(body) - 1,
        parse_xml(
            f"<w:sdt {W_NS}><w:sdtContent><w:p><w:r><w:t>1.控件里的事项。</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        ),
    )
    _with_numbering(document)
    path = tmp_path / "样式编号.docx"
    document.save(path)

    assert read_docx(path) == [
        "2027年某区教育工作要点",
        "一、加强党的建设",
        "二、办好人民满意教育",
        "1.控件里的事项。",
    ]
