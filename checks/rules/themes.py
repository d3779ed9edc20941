"""T rules: the themes a plan must cover (党建, 安全, 双减, 五育) and those its peers cover.

The coverage is computed once per check run and shared by the three rules. Peer statistics come
from the shipped peers or the folder in option ``T003.peers`` and are cached on disk, so only the
first run after the peer folder changes pays for reading it.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator, Mapping
from pathlib import Path

from checks.context import Context
from checks.finding import Finding, Severity
from checks.rule import Option, Rule
from desktop.plan.model import Plan, Span

_REPORTS: dict[tuple[object, ...], object] = {}


def report_for(plan: Plan, options: Mapping[str, object] | None = None, with_peers: bool = True):
    """The themes report of ``plan``, computed once per plan and options.

    The T rules and the GUI's themes panel ask for the same report of the same parsed plan; a plan
    is immutable, so the report is kept until the plan object is gone.
    """
    from checks.themes import peer_stats, themes_report

    options = options or {}
    folder, cache, share = (options.get(f"T003.{k}") for k in ("peers", "cache_dir", "expected_share"))
    key = (id(plan), with_peers, folder, cache, share)
    if key in _REPORTS:
        return _REPORTS[key]
    peers = None
    if with_peers:
        try:
            peers = peer_stats(
                Path(str(folder)) if folder else None, cache_dir=Path(str(cache)) if cache else None
            )
        except Exception:
            peers = None  # an unreadable peer folder costs the peer comparison, not the checklist
    report = themes_report(plan, peers, expected_share=float(share) if share is not None else None)
    _REPORTS[key] = report
    weakref.finalize(plan, _REPORTS.pop, key, None)
    return report


def _report(ctx: Context, with_peers: bool):
    return report_for(ctx.plan, ctx.options, with_peers)


def _anchor(ctx: Context) -> Span:
    """Where a missing theme is reported: the title, else the first line of the plan."""
    plan = ctx.plan
    if plan.title_span is not None:
        return plan.title_span
    if plan.nodes:
        return plan.nodes[0].headline_span
    return Span(0, min(len(ctx.text), 1))


class RequiredThemeMissing(Rule):
    """必备主题（党建、安全、双减、五育）在全文中一处也没有提到。

    年度教育工作要点必须部署这几项工作；缺了任何一项，送审时会被退回。
    """

    code = "T001"
    needs_segmentation = True
    name = "required-theme-missing"
    title = "缺少必备主题"
    severity = Severity.ERROR
    basis = "实务"
    bad = "2024年教育工作要点\n一、加强党的建设\n1.加强基层党组织建设。\n二、安全\n1.深化平安校园建设，加强安全教育。"
    good = (
        "2024年教育工作要点\n一、加强党的建设\n1.加强基层党组织建设。\n2.深化平安校园建设，加强安全教育。\n"
        "3.落实双减，提升课后服务水平。\n4.坚持五育并举，加强德育、智育、体育、美育和劳动教育。"
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        for row in _report(ctx, with_peers=False).rows:
            if row.required and row.status.value == "missing":
                yield ctx.finding(self, _anchor(ctx), f"全文没有提到必备主题“{row.coverage.theme.name}”。")


class RequiredThemeWeak(Rule):
    """必备主题只是顺带一提：没有条目标题，也没有成段展开；五育中有哪一育缺失或只顺带提及。

    例：只在一串并列词语里出现“安全教育”，没有一条专门部署安全工作。
    """

    code = "T002"
    needs_segmentation = True
    name = "required-theme-weak"
    title = "必备主题仅顺带提及"
    severity = Severity.WARNING
    basis = "实务"
    bad = "2024年教育工作要点\n一、加强党的建设\n1.加强基层党组织建设。\n2.加强课程建设。推进法治教育、安全教育和国防教育进课堂。"
    good = "2024年教育工作要点\n一、加强党的建设\n1.加强基层党组织建设。\n2.加强校园安全工作。\n"

    def check(self, ctx: Context) -> Iterator[Finding]:
        for row in _report(ctx, with_peers=False).rows:
            cov = row.coverage
            if not row.required or row.status.value != "weak":
                continue
            first = cov.mentions[0].span if cov.mentions else _anchor(ctx)
            if cov.parts:
                gaps = []
                if cov.parts_missing:
                    gaps.append(f"缺少{'、'.join(cov.parts_missing)}")
                if cov.parts_weak:
                    gaps.append(f"{'、'.join(cov.parts_weak)}仅顺带提及")
                message = f"“{cov.theme.name}”未全面覆盖：{'；'.join(gaps)}。"
            else:
                message = f"必备主题“{cov.theme.name}”只是顺带提及，没有条目或成段部署。"
            yield ctx.finding(self, first, message)


class ExpectedThemeMissing(Rule):
    """多数范本都部署的主题（默认 ≥60% 的范本覆盖），本文一处也没有提到。

    例：范本都有“教育对外交流”一条，本文没有；是否需要，由编写者决定。
    """

    code = "T003"
    needs_segmentation = True
    options = (
        Option("peers", str, None, "范本文件夹（.txt、.docx）；留空用内置范本"),
        Option("cache_dir", str, None, "范本统计的缓存文件夹；留空用本机的缓存目录"),
        Option("expected_share", float, None, "多少比例的范本部署了某主题，才算“范本普遍覆盖”；留空为 0.6"),
    )
    name = "expected-theme-missing"
    title = "缺少范本普遍覆盖的主题"
    severity = Severity.INFO
    basis = "实务"
    bad = "2024年教育工作要点\n一、加强党的建设\n1.加强基层党组织建设。"
    good = (
        "2024年教育工作要点\n一、加强党的建设\n1.加强基层党组织建设。\n2.推进学前教育普及普惠。\n"
        "3.推进义务教育优质均衡发展。\n4.推进普通高中特色发展。\n5.发展职业教育。\n6.办好特殊教育。\n"
        "7.加强教师队伍建设。\n8.推进教育信息化。\n9.推进依法治教。\n10.加强心理健康教育。\n"
        "11.推进家校社协同育人。\n12.扩大教育对外开放。\n13.发展社区教育。\n14.加强近视防控。\n"
        "15.深化教育评价改革。\n16.加强教研。\n17.加大教育投入。\n18.加强教育宣传。\n19.加强科学教育。\n"
        "20.规范民办教育。\n21.落实学生资助。\n22.推进乡村教育振兴。"
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        for row in _report(ctx, with_peers=True).rows:
            if row.expected and row.status.value == "missing":
                message = f"{row.peers_covering}/{row.peers_total} 篇范本部署了“{row.coverage.theme.name}”，本文没有提到。"
                yield ctx.finding(self, _anchor(ctx), message)


RULES: tuple[type[Rule], ...] = (RequiredThemeMissing, RequiredThemeWeak, ExpectedThemeMissing)
