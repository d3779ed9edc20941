"""Plan → official .docx (GB/T 9704-2012), filled into the named styles of a template.

The writer speaks in 公文 terms: 标题, 主送机关, headings by marker style, 正文, 附件说明, 署名,
成文日期, 版记. The page, sizes and indents live in the template's styles (templates/official.docx,
built by templates/build_official.py); the practice settings (font names, bold) live in a YAML
profile beside the template, so a bureau swaps the template or the profile, never this code. XML
details are ``ooxml``'s business.

Text is written exactly as the draft has it, markers included (never Word auto-numbering, which
breaks when pasted). What must not be printed is reported by ``checks.blockers.export_blockers``
*before* export, as fixes the writer accepts or not; this module never rewrites the text.
"""

from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.data import load_yaml, template_path
from desktop.plan.errors import InputError
from desktop.plan.model import MarkerStyle, Node, NodeKind, Plan

if TYPE_CHECKING:
    from docx.document import Document

    from desktop.plan.export.notice import NoticeHead

logger = logging.getLogger(__name__)

DEFAULT_TEMPLATE = template_path("official.docx")

# The page templates/build_official.py writes into the template. The export reads the geometry
# back from the template's section properties (``geometry.Geometry``), never from these.
CHAR = 320  # one 3号 character (16 pt) in twips
BODY_PITCH = 579  # floor(12756 / 22): 22 rows in the 版心
TEXT_WIDTH = 8845  # 版心 156 mm
PAGE = {
    "width": 11906,
    "height": 16838,
    "margins": {"top": 2098, "bottom": 1984, "left": 1587, "right": 1474, "header": 851, "footer": 1417},
}

HEADING_STYLE = {
    MarkerStyle.CN_DUN: "一级标题",
    MarkerStyle.CN_PAREN: "二级标题",
    MarkerStyle.ARABIC_DOT: "三级标题",
    MarkerStyle.ARABIC_PAREN: "四级标题",
    MarkerStyle.CIRCLED: "四级标题",
}
LEVEL_STYLE = ("一级标题", "二级标题", "三级标题", "四级标题")
REQUIRED_STYLES = [
    "标题",
    "一级标题",
    "二级标题",
    "三级标题",
    "四级标题",
    "正文",
    "主送机关",
    "署名",
    "成文日期",
    "附件说明",
    "版记",
    "页码",
]


# --- the export profile -------------------------------------------------------------------------


@dataclass(frozen=True)
class StyleChoice:
    font: str  # a key of ExportProfile.fonts
    bold: bool | None = None
    latin: str | None = None


@dataclass(frozen=True)
class ExportProfile:
    """Practice settings a bureau may change (templates/official.yaml documents each)."""

    latin_font: str = "Times New Roman"
    fonts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    styles: dict[str, StyleChoice] = field(default_factory=dict)
    page_number: str = "— {page} —"
    attachment_label: str = "附件"

    def font(self, key: str) -> str:
        return self.fonts[key][0] if key in self.fonts else key


def load_profile(path: Path) -> ExportProfile:
    """Read a profile YAML; an unusable one is an InputError naming the file."""
    data = load_yaml(Path(path), what="导出配置") or {}
    try:
        fonts = {
            str(k): tuple(str(n) for n in (v if isinstance(v, list) else [v]))
            for k, v in data.get("fonts", {}).items()
        }
        styles = {}
        for name, choice in (data.get("styles") or {}).items():
            choice = choice or {}
            styles[str(name)] = StyleChoice(
                str(choice.get("font", "")), choice.get("bold"), choice.get("latin")
            )
        profile = ExportProfile(
            latin_font=str(data.get("latin_font", "Times New Roman")),
            fonts=fonts,
            styles=styles,
            page_number=str(data.get("page_number", "— {page} —")),
            attachment_label=str(data.get("attachment_label", "附件")),
        )
    except (AttributeError, TypeError) as exc:
        raise InputError(path, f"导出配置无法读取（{type(exc).__name__}）") from None
    if "{page}" not in profile.page_number:
        raise InputError(path, "page_number 中缺少 {page}")
    return profile


def profile_beside(template: Path) -> ExportProfile | None:
    """The profile named like the template (official.docx → official.yaml), if there is one."""
    candidate = Path(template).with_suffix(".yaml")
    return load_profile(candidate) if candidate.is_file() else None


def apply_profile(doc: Document, profile: ExportProfile) -> None:
    """Write the profile's fonts and bold into the template's styles and page-number footers."""
    from docx.oxml.ns import qn

    from desktop.plan.export import ooxml, package

    names = {s.name for s in doc.styles}
    for name, choice in profile.styles.items():
        if name not in names:
            raise InputError(None, f"模板缺少样式“{name}”")
        for style_name in (name, f"{name}字符"):
            if style_name in names:
                rpr = doc.styles[style_name].element.get_or_add_rPr()
                ooxml.set_fonts(rpr, profile.font(choice.font), choice.latin or profile.latin_font)
                if choice.bold is not None:
                    ooxml.set_bold(rpr, bool(choice.bold))
    body = profile.styles.get("正文")
    if body:
        defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        ooxml.set_fonts(defaults, profile.font(body.font), profile.latin_font)
    package.declare_fonts(doc.part, profile.fonts.values())

    # 页码 (7.5): odd pages right and even pages left, one 4号 character in.
    doc.settings.odd_and_even_pages_header_footer = True
    before, _, after = profile.page_number.partition("{page}")
    for section in doc.sections:
        for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
            footer.is_linked_to_previous = False
            for extra in list(footer.paragraphs)[1:]:
                extra._p.getparent().remove(extra._p)
            paragraph = footer.paragraphs[0]
            paragraph.clear()
            paragraph.style = doc.styles["页码"]
            ooxml.page_number_paragraph(paragraph, before, after, side, CHAR * 14 // 16)


# --- the document ------------------------------------------------------------------------------


def build_document(plan: Plan, template: Path | None = None, head: NoticeHead | None = None) -> Document:
    """The official document for ``plan``: notice first when there is one (with its 版头 when
    ``head`` is given, a notice written from the metadata if the plan has none), the plan as
    its 附件."""
    import docx

    from desktop.plan.export.printable import printable

    plan = printable(plan)

    from desktop.plan.export import package

    if head is not None:
        head = head.with_defaults(plan.metadata.issuer)
        if not head.sign:
            raise InputError(
                None, "没有发文机关标志：请在“公文信息”中填写发文机关或发文机关标志（命令行：--sign）"
            )
    template = Path(template) if template else DEFAULT_TEMPLATE
    try:
        doc = docx.Document(str(template))
    except Exception:  # python-docx raises several types for a broken package
        raise InputError(template, "不是可用的 Word 模板（.docx）") from None
    present = {s.name for s in doc.styles}  # once: each style object is built from the XML anew
    missing = [name for name in REQUIRED_STYLES if name not in present]
    if missing:
        raise InputError(template, "模板缺少样式：" + "、".join(missing))
    profile = profile_beside(template)
    try:
        if profile is not None:
            apply_profile(doc, profile)
    except InputError as exc:
        raise InputError(template, exc.problem) from None
    from desktop.plan.export.docx_layout import PlanLayout

    try:
        PlanLayout(doc, plan, profile or ExportProfile(), head).write()
    except InputError as exc:
        if exc.path is not None:
            raise
        raise InputError(template, exc.problem) from None
    package.drop_leftovers(doc)
    title = plan.metadata.title or (plan.title_span.slice(plan.text) if plan.title_span else "")
    package.set_properties(doc, title, plan.metadata.issuer)
    return doc


def _read_umask() -> int:
    """The process's umask, read once at import: reading it means setting it, which must never
    happen while other threads create files (exports run off the GUI thread)."""
    if not hasattr(os, "umask"):
        return 0o022
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()


def save_atomically(doc: Document, out: Path) -> None:
    """Save beside the target and rename, so a crash never leaves half a file under its name."""
    out = Path(out)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.stem}.", suffix=".tmp", dir=out.parent)
    os.close(fd)
    try:
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp's 0600 would make the export private
        doc.save(tmp)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_docx(plan: Plan, out: Path, template: Path | None = None, head: NoticeHead | None = None) -> None:
    """Export ``plan`` to ``out`` in the official layout (atomically)."""
    save_atomically(build_document(plan, template, head), out)


def heading_style(node: Node) -> str:
    """一、 黑体, （一） 楷体, 1. and （1） 仿宋; role headings (总体要求 …) by their level."""
    if node.kind is NodeKind.NUMBERED and node.style is not None:
        return HEADING_STYLE[node.style]
    return LEVEL_STYLE[min(node.level, 4) - 1]
