"""The 印发通知 with its 版头 (GB/T 9704 7.2), the plan following as its 附件.

A bureau issues its 工作要点 as the attachment of a notice printed on 红头 paper: 份号, 密级 and
紧急程度 top left (optional, off by default), the 发文机关标志 in red 小标宋 centred with its top
edge 35 mm below the 版心's, the 发文字号 (``教发〔2026〕1号``) centred two blank rows below it,
and a red rule as wide as the 版心 4 mm under the 发文字号; the title follows two rows below the
rule. The values come from the metadata dialog (stored with the draft); sizes and colours are
the template's styles (发文机关标志, 发文字号), not this code's.

When the plan carries its own notice, its text is printed; otherwise a notice is written from the
metadata (关于印发《…》的通知, 现将《…》印发给你们…) — new text the writer asked for by choosing
this export, never a change to the plan's own text.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING

from desktop.plan.errors import InputError

if TYPE_CHECKING:
    from desktop.plan.export.docx_layout import PlanLayout

MM = 1440 / 25.4  # twips per millimetre
HEAD_STYLES = ("发文机关标志", "发文字号")
RULE_COLOR = "FF0000"


@dataclass(frozen=True)
class NoticeHead:
    """The 版头's values; empty optional fields print nothing."""

    sign: str = ""  # 发文机关标志, e.g. 某某区教育局文件
    number: str = ""  # 发文字号, e.g. 某教发〔2026〕1号
    copy_no: str = ""  # 份号 (6 digits), optional
    secrecy: str = ""  # 密级和保密期限, optional
    urgency: str = ""  # 紧急程度, optional

    def to_dict(self) -> dict[str, str]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: object) -> NoticeHead:
        """Lenient: unknown keys ignored, values made strings (a draft file is user data)."""
        if not isinstance(data, dict):
            return cls()
        names = {f.name for f in fields(cls)}
        return cls(**{k: str(v or "").strip() for k, v in data.items() if k in names})

    def with_defaults(self, issuer: str) -> NoticeHead:
        """The 发文机关标志 defaults to the issuer's name followed by 文件 (7.2.4)."""
        if self.sign or not issuer:
            return self
        return NoticeHead(issuer + "文件", self.number, self.copy_no, self.secrecy, self.urgency)


def blank_number(year: int | None) -> str:
    """The 发文字号 left for the office to fill in (〔2027〕　号), the way a draft goes for signing
    before it is numbered: the year is known, the number is not."""
    return f"〔{year}〕　号" if year else "〔　〕　号"


def head_warnings(head: NoticeHead) -> list[str]:
    """What the 版头 will print that the writer may not expect."""
    if not head.number:
        return ["发文字号未填写：版头将留空待编号（如“〔2027〕　号”）；如已有文号，请在导出时填写"]
    return []


def write_head(layout: PlanLayout, head: NoticeHead) -> None:
    """份号/密级/紧急程度 rows, 发文机关标志, two blank rows, 发文字号 with the red rule, two rows."""
    from desktop.plan.export import ooxml

    missing = [s for s in HEAD_STYLES if s not in layout.style_ids]
    if missing:
        raise InputError(None, "模板缺少版头样式：" + "、".join(missing))
    head = head.with_defaults(layout.meta.issuer)
    geo = layout.geo
    corner = [v for v in (head.copy_no, head.secrecy, head.urgency) if v]
    for value in corner:  # 7.2.1–7.2.3: top left, one per row, 3号黑体 (份号 in digits)
        p = layout.para("主送机关", value)
        if value != head.copy_no:
            ooxml.set_fonts(p.runs[0]._r.get_or_add_rPr(), layout.profile.font("黑体"), None)
    sign = layout.para("发文机关标志", head.sign)
    # An exact row one em high puts the em box's top at the row's top in Word and LibreOffice
    # alike (single spacing would add the font's own ascent, which differs by font); a sign too
    # wide for the 版心 is set smaller rather than wrapped.
    # Imported here: NoticeHead is read by the window at start-up, which must not load python-docx.
    from desktop.plan.export.geometry import style_size
    from desktop.plan.export.measure import width_pt

    size = style_size(layout.doc, "发文机关标志")
    fitting = geo.text_width / 20 / max(1.0, width_pt(head.sign, size / 20) / (size / 20))
    if fitting * 20 < size:
        size = int(fitting * 2) * 10  # whole half-points
        ooxml.set_size(sign.runs[0]._r.get_or_add_rPr(), size / 20)
    above = 35 * MM - len(corner) * geo.line_pitch
    ooxml.set_exact_spacing(sign._p.get_or_add_pPr(), size, before=max(0, round(above)))
    layout.blank(2)
    number = layout.para("发文字号", head.number or blank_number(layout.meta.year))
    # The rule 4 mm below the 发文字号's characters (measured: 9 pt of space gave 5.4 mm).
    ooxml.set_bottom_border(number._p.get_or_add_pPr(), RULE_COLOR, eighths=12, space_pt=5)
    layout.blank(2)


def write_notice_body(layout: PlanLayout, plan_title: str) -> None:
    """A notice for a plan that came without one: title, 主送, one sentence, 附件说明, 署名, date."""
    meta = layout.meta
    name = plan_title.strip("《》")
    layout.title(f"关于印发《{name}》的通知" if name else "通知")
    if meta.recipients:
        layout.para("主送机关", meta.recipients.rstrip("：:") + "：")
    if name:
        layout.para("正文", f"现将《{name}》印发给你们，请结合实际，认真抓好贯彻落实。")
    layout.attachments((name,) if name else ())
    layout.signature()
