"""The package around the exported document: properties, leftovers, font table, geometry."""

from __future__ import annotations

import zipfile

import docx
import pytest
from docx.oxml.ns import qn

from desktop.plan.export.closing import Banji, banji_of, banji_warnings, closing_kind
from desktop.plan.export.geometry import Geometry
from desktop.plan.model import Metadata

HUISHAN = "2022_wuxi_huishan_district"


def test_core_properties_name_the_plan_and_its_issuer(exports, hand_built_plan):
    props = docx.Document(str(exports["hand_built"])).core_properties
    plan = hand_built_plan
    assert props.title == plan.metadata.title or props.title == plan.title_span.slice(plan.text)
    assert props.title.endswith("工作要点")
    assert props.author == "某某区教育局"


@pytest.mark.parametrize("name", ["hand_built", HUISHAN])
def test_no_python_docx_leftovers(exports, name):
    with zipfile.ZipFile(exports[name]) as package:
        names = package.namelist()
        fonts = package.read("word/fontTable.xml").decode("utf-8")
    assert not [n for n in names if "thumbnail" in n or n.startswith("customXml")]
    assert "明朝" not in fonts and "ゴシック" not in fonts and 'w:val="80"' not in fonts


def test_every_fallback_font_is_written(exports):
    """The first name goes into w:rFonts; the rest into the font table's w:altName, comma
    separated (ECMA-376 17.8.3.1), and each substitute is itself declared as a Chinese face."""
    from lxml import etree

    with zipfile.ZipFile(exports["hand_built"]) as package:
        root = etree.fromstring(package.read("word/fontTable.xml"))
    fonts = {f.get(qn("w:name")): f for f in root.findall(qn("w:font"))}
    alt = fonts["仿宋_GB2312"].find(qn("w:altName")).get(qn("w:val"))
    assert alt.split(",") == ["仿宋", "FangSong"]
    assert fonts["方正小标宋简体"].find(qn("w:altName")).get(qn("w:val")) == "方正小标宋_GBK,华文中宋"
    for name in ("仿宋", "FangSong", "楷体", "KaiTi", "SimHei", "华文中宋"):
        assert fonts[name].find(qn("w:charset")).get(qn("w:val")) == "86"


def test_geometry_is_read_from_the_template_not_assumed(tmp_path, hand_built_plan):
    """A template with other margins gets a 版记 as wide as ITS 版心."""
    from desktop.plan.export.docx_writer import DEFAULT_TEMPLATE, build_document

    doc = docx.Document(str(DEFAULT_TEMPLATE))
    margins = doc.element.body.find(qn("w:sectPr")).find(qn("w:pgMar"))
    margins.set(qn("w:left"), "1800")
    margins.set(qn("w:right"), "1800")
    template = tmp_path / "wide.docx"
    doc.save(template)
    assert Geometry.of(doc).text_width == 11906 - 3600
    out = build_document(hand_built_plan, template)
    banji = out.tables[-1]._tbl
    assert banji.find(f"{qn('w:tblPr')}/{qn('w:tblW')}").get(qn("w:w")) == str(11906 - 3600)
    assert banji.find(f"{qn('w:tblPr')}/{qn('w:tblpPr')}").get(qn("w:tblpX")) == "1800"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("抄送：市教育局", "cc"),
        ("  抄 送: 省教育厅,市政府办公室。", "cc"),
        ("抄报：市政府", "cc"),
        ("某某区教育局办公室      2026年1月8日印发", "print"),
        ("上海市闵行区教育局办公室                2023221日印发", "print"),
        ("印发：某某区教育局办公室", "print"),
        ("现将《工作要点》印发给你们", None),
        ("关于印发2026年工作要点的通知", None),
        ("实施方案于2026年6月印发，各校遵照执行", None),
        ("抄送相关部门备案。", None),
    ],
)
def test_closing_lines_are_recognised_however_spaced(line, kind):
    assert closing_kind(line) == kind


def test_banji_comes_from_metadata_then_from_recognised_lines():
    from desktop.plan.parse import parse

    text = "某某区2026年教育工作要点\n一、总体要求\n做好工作。\n抄 送: 市教育局,区委办公室。\n某某区教育局办公室  2026年1月8日印发\n"
    banji = banji_of(parse(text))
    assert banji == Banji(("市教育局", "区委办公室"), "某某区教育局办公室", "2026年1月8日")
    override = banji_of(parse(text, Metadata(cc=("省教育厅",))))
    assert override.cc == ("省教育厅",) and override.printer == "某某区教育局办公室"


def test_missing_print_row_is_a_prompt(corpus_path, capsys, tmp_path):
    from desktop.cli import main
    from desktop.plan.read.loader import load_plan

    _, plan = load_plan(corpus_path(HUISHAN + ".txt"))
    assert banji_of(plan).cc and not banji_of(plan).printer
    assert any("印发" in w for w in banji_warnings(plan))
    out = tmp_path / "huishan.docx"
    assert main(["export", str(corpus_path(HUISHAN + ".txt")), "-o", str(out)]) == 0
    assert "缺少印发机关" in capsys.readouterr().err


def test_a_source_table_is_a_word_table_in_the_body(exports):
    doc = docx.Document(str(exports["with_table"]))
    source, banji = doc.tables[0], doc.tables[-1]
    assert [c.text for c in source.rows[0].cells] == ["序号", "任务", "牵头单位"]
    assert source._tbl.find(f"{qn('w:tblPr')}/{qn('w:tblpPr')}") is None  # in flow, not floating
    assert banji._tbl.find(f"{qn('w:tblPr')}/{qn('w:tblpPr')}") is not None
    texts = [p.text for p in doc.paragraphs]
    assert not any("\t" in t for t in texts)
