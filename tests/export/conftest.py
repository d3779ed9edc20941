"""Fixtures for the export tests: exported documents (built once per session) and a resolver of
effective run properties through the style chain, since python-docx does not resolve inheritance."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.oxml.ns import qn

from desktop.plan.model import Metadata

DATA = Path(__file__).with_name("data")
HAND_BUILT_META = Metadata(
    issuer="某某区教育局",
    date="2026年1月8日",
    cc=("市教育局", "区委办公室", "区政府办公室"),
    printer="某某区教育局办公室",
    print_date="2026年1月8日",
)


@pytest.fixture(scope="session")
def hand_built_plan():
    from desktop.plan.parse import parse

    text = (DATA / "hand_built.txt").read_text(encoding="utf-8")
    return parse(text, HAND_BUILT_META)


@pytest.fixture(scope="session")
def hand_built_docx(tmp_path_factory, hand_built_plan) -> Path:
    from desktop.plan.export.docx_writer import write_docx

    out = tmp_path_factory.mktemp("hand") / "hand_built.docx"
    write_docx(hand_built_plan, out)
    return out


@pytest.fixture(scope="session")
def huishan_docx(tmp_path_factory, corpus_path) -> Path:
    """The corpus plan that comes with an issuing notice, 抄送 and a 附件."""
    from desktop.plan.export.docx_writer import write_docx
    from desktop.plan.read.loader import load_plan

    _, plan = load_plan(corpus_path("huishan"))
    out = tmp_path_factory.mktemp("huishan") / "huishan.docx"
    write_docx(plan, out)
    return out


# A 版头 for the notice exports: the 发文机关标志 defaults to the issuer + 文件.
NOTICE_HEAD_NUMBER = "某教发〔2026〕7号"
# Corpus plans also exported as an 印发通知: one that carries its own notice and 版记 lines
# (抄 送 with a space, an 印发 line), one without a notice, issuer or date in its text.
NOTICE_PLANS = ("2020_zhenjiang_city_webpage", "2024_anhui_wuhu_city")


@pytest.fixture(scope="session")
def exports(tmp_path_factory, corpus_dir, hand_built_plan) -> dict[str, Path]:
    """Every document the export tests look at, built once: each corpus plan, each notice
    export (``notice:<name>``), the hand-built plan and a pure-CJK page-filling fixture."""
    from desktop.plan.export.docx_writer import write_docx
    from desktop.plan.export.notice import NoticeHead
    from desktop.plan.parse import parse
    from desktop.plan.read.loader import load_plan

    folder = tmp_path_factory.mktemp("exports")
    out: dict[str, Path] = {}
    for path in sorted(corpus_dir.glob("*.txt")):
        _, plan = load_plan(path)
        out[path.stem] = folder / f"{path.stem}.docx"
        write_docx(plan, out[path.stem])
        if path.stem in NOTICE_PLANS:
            head = NoticeHead(
                sign="" if plan.metadata.issuer else "某某市教育局文件", number=NOTICE_HEAD_NUMBER
            )
            out[f"notice:{path.stem}"] = folder / f"notice-{path.stem}.docx"
            write_docx(plan, out[f"notice:{path.stem}"], head=head)
    out["hand_built"] = folder / "hand_built.docx"
    write_docx(hand_built_plan, out["hand_built"])
    out["pure"] = folder / "pure.docx"
    write_docx(parse(pure_cjk_text()), out["pure"])
    # A last page filled so that the 版记 just fits under the date (15 rows of text on page 2),
    # and one where it does not (17 rows): it must then go to a page of its own, never overlap.
    for name, rows in (("banji_fits", 15), ("banji_tight", 17)):
        out[name] = folder / f"{name}.docx"
        write_docx(parse(pure_cjk_text(rows=22 - 3 + rows), HAND_BUILT_META), out[name])
    out["notice_marked"] = folder / "notice_marked.docx"  # 份号, 密级, 紧急程度 given
    marked = NoticeHead(number=NOTICE_HEAD_NUMBER, copy_no="000001", secrecy="秘密★1年", urgency="特急")
    write_docx(hand_built_plan, out["notice_marked"], head=marked)
    out["with_table"] = folder / "with_table.docx"  # a source table becomes a Word table
    write_docx(parse(TABLE_PLAN, HAND_BUILT_META), out["with_table"])
    return out


@pytest.fixture(scope="session")
def rendered(exports, tmp_path_factory) -> dict[str, object]:
    """The PDF (a PyMuPDF document) of every export, from ONE LibreOffice run."""
    import pymupdf

    from tests.export.render import render_many, soffice

    if soffice() is None:
        pytest.skip("没有安装 LibreOffice（soffice），无法渲染导出的文档")
    names = list(exports)
    pdfs = render_many([exports[n] for n in names], tmp_path_factory.mktemp("pdf"))
    return {name: pymupdf.open(pdf) for name, pdf in zip(names, pdfs, strict=True)}


TABLE_PLAN = (
    "某某区2026年教育工作要点\n一、总体要求\n全面落实立德树人根本任务。\n"
    "序号\t任务\t牵头单位\n1\t新建学校\t基教科\n2\t培训教师\t人事科\n"
    "二、保障措施\n落实经费保障。\n"
)


# Common characters without punctuation, so every row holds exactly 28 glyphs.
_HANZI = "教育工作要点全面贯彻党的方针落实立德树人根本任务推进优质均衡发展深化综合改革提升保障水平"


def pure_cjk_text(rows: int = 22 * 3) -> str:
    body = "".join(_HANZI[i % len(_HANZI)] for i in range(28 * rows))
    return f"某某区二〇二六年教育工作要点\n一、总体要求\n{body}\n"


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class Resolver:
    """Effective run properties: run → character style chain → paragraph style chain →
    docDefaults, as Word resolves them."""

    def __init__(self, doc) -> None:
        self.doc = doc
        root = doc.styles.element
        self.styles = {s.get(qn("w:styleId")): s for s in root.findall(qn("w:style"))}
        self.defaults = root.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        self.default_para = next(
            s.get(qn("w:styleId"))
            for s in root.findall(qn("w:style"))
            if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) == "1"
        )

    def chain(self, style_id: str | None) -> list:
        found = []
        while style_id and style_id in self.styles:
            style = self.styles[style_id]
            found.append(style)
            based = style.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None
        return found

    def _rprs(self, paragraph, run) -> list:
        """rPr elements from the most specific to the least."""
        rprs = []
        if run is not None and run.find(qn("w:rPr")) is not None:
            rprs.append(run.find(qn("w:rPr")))
        if run is not None:
            rstyle = run.find(f"{W}rPr/{W}rStyle")
            if rstyle is not None:
                rprs += [s.find(qn("w:rPr")) for s in self.chain(rstyle.get(qn("w:val")))]
        pstyle = paragraph.find(f"{W}pPr/{W}pStyle")
        pid = pstyle.get(qn("w:val")) if pstyle is not None else self.default_para
        rprs += [s.find(qn("w:rPr")) for s in self.chain(pid)]
        rprs.append(self.defaults)
        return [r for r in rprs if r is not None]

    def font(self, paragraph, run=None, attr: str = "eastAsia") -> str | None:
        for rpr in self._rprs(paragraph, run):
            fonts = rpr.find(qn("w:rFonts"))
            if fonts is not None and fonts.get(qn(f"w:{attr}")):
                return fonts.get(qn(f"w:{attr}"))
        return None

    def size(self, paragraph, run=None) -> float | None:
        for rpr in self._rprs(paragraph, run):
            sz = rpr.find(qn("w:sz"))
            if sz is not None:
                return int(sz.get(qn("w:val"))) / 2
        return None

    def bold(self, paragraph, run=None) -> bool:
        for rpr in self._rprs(paragraph, run):
            b = rpr.find(qn("w:b"))
            if b is not None:
                return b.get(qn("w:val"), "1") not in ("0", "false")
        return False

    def hint(self, paragraph, run=None) -> str | None:
        return self.font(paragraph, run, "hint")

    def ppr_value(self, paragraph, tag: str, attr: str) -> str | None:
        """A paragraph property through the paragraph style chain (direct formatting first)."""
        candidates = [paragraph.find(qn("w:pPr"))]
        pstyle = paragraph.find(f"{W}pPr/{W}pStyle")
        pid = pstyle.get(qn("w:val")) if pstyle is not None else self.default_para
        candidates += [s.find(qn("w:pPr")) for s in self.chain(pid)]
        for ppr in candidates:
            if ppr is None:
                continue
            element = ppr.find(qn(f"w:{tag}"))
            if element is not None and element.get(qn(f"w:{attr}")) is not None:
                return element.get(qn(f"w:{attr}"))
        return None


def style_name(doc, paragraph) -> str:
    pstyle = paragraph.find(f"{W}pPr/{W}pStyle")
    if pstyle is None:
        return "Normal"
    return {s.style_id: s.name for s in doc.styles}[pstyle.get(qn("w:val"))]


def body_paragraphs(doc) -> list:
    return [p for p in doc.element.body.iter(qn("w:p"))]


def paragraph_text(paragraph) -> str:
    return "".join(t.text or "" for t in paragraph.iter(qn("w:t")))
