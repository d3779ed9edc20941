"""T rules: the themes a plan of its kind must cover, and those its peers of that kind cover.

Which themes are required depends on the kind of plan (双减 is compulsory education's; a
kindergarten plans by 五大领域, not 五育) and on when it was written (a 2020 plan is judged by
减轻学生课业负担, not by a 双减 it could not know): the checklist is resolved from themes.yaml for
each plan. Covering a theme is the writer's content choice, so nothing here is an ``error``: a
required theme missing from a whole plan is a warning, everything else is information. A text
that is only part of a plan (cut mid-sentence, or a few hundred characters) gets one note listing
what the part written so far does not mention, not a warning per theme.

The report (coverage and peers) is computed once per plan and shared by the three rules and the
themes panel. Peer statistics come from the shipped peers or the folder in option ``T003.peers``
and are cached on disk, so only the first run after the peer folder changes pays for reading it.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator, Mapping
from pathlib import Path

from checks.context import Context
from checks.finding import Finding, Severity
from checks.rule import Option, Rule
from checks.themes.scope import BRIEF_CHARS, Scope, scope_of
from desktop.plan.model import Plan, Span

_REPORTS: dict[tuple[object, ...], object] = {}
_PEER_NOTES: dict[int, str] = {}  # id(report) → how its peer set was made (PeerStats.note)
_LISTED = 8  # themes named in T003's one note; the themes panel lists them all


def report_for(
    plan: Plan,
    options: Mapping[str, object] | None = None,
    with_peers: bool = True,
    year: int | None = None,
):
    """The themes report of ``plan``, computed once per plan, options and year.

    The T rules and the GUI's themes panel ask for the same report of the same parsed plan; a plan
    is immutable, so the report is kept until the plan object is gone.
    """
    from checks.themes import peer_stats, themes_report

    options = options or {}
    folder, cache, share = (options.get(f"T003.{k}") for k in ("peers", "cache_dir", "expected_share"))
    year = year if year is not None else plan.metadata.year
    key = (id(plan), with_peers, folder, cache, share, year)
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
    report = themes_report(plan, peers, expected_share=float(share) if share is not None else None, year=year)
    _REPORTS[key] = report
    joined = peers is not None and report.kind in peers.joined_kinds
    _PEER_NOTES[id(report)] = peers.note if joined else ""  # type: ignore[union-attr]
    weakref.finalize(plan, _REPORTS.pop, key, None)
    weakref.finalize(report, _PEER_NOTES.pop, id(report), None)
    return report


def _report(ctx: Context):
    """The one report all three rules read: with the peers, which only T003 uses (T001 and T002
    read the required themes, whose rows and order the peers do not change), so that a run
    computes the coverage once, and the themes panel then finds the same report."""
    return report_for(ctx.plan, ctx.options, True, ctx.year)


def _scope(ctx: Context) -> Scope:
    """Whether the text is a whole plan (option ``T001.brief_chars`` sets how short is short)."""
    brief = int(ctx.option(RequiredThemeMissing, "brief_chars"))  # type: ignore[call-overload]
    return ctx.memo("themes.scope", lambda: scope_of(ctx.plan, brief))


def _measure(report) -> str:
    """Which checklist the plan was measured by, when the writer may not take it for granted."""
    if not report.kind_certain:
        return "（未识别出计划类别，暂按教育行政部门的计划衡量；可在公文信息中指定类别）"
    if report.kind != "bureau":
        return f"（按{report.kind_label}的计划衡量）"
    return ""


def _anchor(ctx: Context) -> Span:
    """Where a missing theme is reported: the title, else the first line of the plan."""
    plan = ctx.plan
    if plan.title_span is not None:
        return plan.title_span
    if plan.nodes:
        return plan.nodes[0].headline_span
    return Span(0, min(len(ctx.text), 1))


class RequiredThemeMissing(Rule):
    """本类计划的必备主题（如教育局的党建、安全、双减、五育）在全文中一处也没有提到。

    必备主题按计划的类别而定：双减属义务教育，幼儿园按五大领域与保教、卫生保健、家园共育，
    普通高中有高考与育人方式改革；按计划写成时的说法衡量（2021 年以前是“减轻学生课业负担”）。
    写不写是内容取舍，所以至多是警告；文本只是一部分（在句中断开，或仅数百字）时，
    只给一条提示，列出已有部分没有提到的必备主题。
    """

    code = "T001"
    needs_segmentation = True
    name = "required-theme-missing"
    title = "缺少必备主题"
    severity = Severity.WARNING
    basis = "实务"
    options = (
        Option(
            "brief_chars",
            int,
            BRIEF_CHARS,
            "少于这么多汉字的文本不当作完整的计划，缺少的必备主题只合并提示一次",
        ),
    )
    bad = "2024年教育工作要点\n一、加强党的建设\n1.加强基层党组织建设。\n二、安全\n1.深化平安校园建设，加强安全教育。"
    good = (
        "2024年教育工作要点\n一、加强党的建设\n1.加强基层党组织建设。\n2.深化平安校园建设，加强安全教育。\n"
        "3.落实双减，提升课后服务水平。\n4.坚持五育并举，加强德育、智育、体育、美育和劳动教育。"
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        report = _report(ctx)
        missing = [
            row.coverage.theme.name for row in report.rows if row.required and row.status.value == "missing"
        ]
        if not missing:
            return
        measure = _measure(report)
        scope = _scope(ctx)
        if not scope.whole:
            names = "".join(f"“{name}”" for name in missing)  # no 顿号 between quotes (GB/T 15834 4.5.3.5)
            part = "已有部分" if scope.cut else "其中"
            message = f"{scope.reason}；{part}没有提到必备主题{names}{measure}。"
            yield ctx.finding(self, _anchor(ctx), message, severity=Severity.INFO)
            return
        for name in missing:
            yield ctx.finding(self, _anchor(ctx), f"全文没有提到必备主题“{name}”{measure}。")


class RequiredThemeWeak(Rule):
    """必备主题只是顺带一提：没有条目标题，也没有成段展开；五育中有哪一育缺失或只顺带提及。

    例：只在一串并列词语里出现“安全教育”，没有一条专门部署安全工作。在句中或标题后断开的
    文本不查：顺带提及的主题可能在后文展开。
    """

    code = "T002"
    needs_segmentation = True
    name = "required-theme-weak"
    title = "必备主题仅顺带提及"
    severity = Severity.INFO
    basis = "实务"
    bad = "2024年教育工作要点\n一、加强党的建设\n1.加强基层党组织建设。\n2.加强课程建设。推进法治教育、安全教育和国防教育进课堂。"
    good = "2024年教育工作要点\n一、加强党的建设\n1.加强基层党组织建设。\n2.加强校园安全工作。\n"

    def check(self, ctx: Context) -> Iterator[Finding]:
        if _scope(ctx).cut:
            return
        report = _report(ctx)
        measure = _measure(report)
        for row in report.rows:
            cov = row.coverage
            if not row.required or row.status.value != "weak":
                continue
            # where a part is named in passing is where the writer would develop it
            passing = [m for p in cov.parts if p.status.value == "weak" for m in p.mentions] or list(
                cov.mentions
            )
            first = min(passing, key=lambda m: m.span.start).span if passing else _anchor(ctx)
            if cov.parts:
                gaps = []
                if cov.parts_missing:
                    gaps.append(f"缺少{'、'.join(cov.parts_missing)}")
                if cov.parts_weak:
                    gaps.append(f"{'、'.join(cov.parts_weak)}仅顺带提及")
                message = f"“{cov.theme.name}”未全面覆盖：{'；'.join(gaps)}{measure}。"
            else:
                message = f"必备主题“{cov.theme.name}”只是顺带提及，没有条目或成段部署{measure}。"
            yield ctx.finding(self, first, message)


class ExpectedThemeMissing(Rule):
    """多数同类范本都部署的主题（默认 ≥60% 的范本覆盖），本文一处也没有提到：合并为一条提示。

    例：范本都有“教育对外交流”一条，本文没有；是否需要，由编写者决定。只与同一类别的范本
    比较（幼儿园不与教育局的要点比）；同类范本不足 3 篇时不提示（1 篇中的 1 篇算不上“多数”）；
    在句中或标题后断开的文本不查。
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
        if _scope(ctx).cut:
            return  # what a cut text lacks is mostly in the part that was cut away
        from checks.themes.peers import MIN_PEERS

        report = _report(ctx)
        if report.peers_total < MIN_PEERS:
            return  # too few peers of the kind for "most peers" to mean anything
        rows = [row for row in report.rows if row.expected and row.status.value == "missing"]
        if not rows:
            return
        rows.sort(key=lambda row: -row.peers_covering)  # stable: lexicon order among equals
        listed = rows[:_LISTED]
        names = "、".join(f"{r.coverage.theme.name}（{r.peers_covering}/{r.peers_total}）" for r in listed)
        if len(rows) > _LISTED:
            names += f"等 {len(rows)} 项"
        if _PEER_NOTES.get(id(report)):
            names += f"（{_PEER_NOTES[id(report)]}）"
        if report.kind_certain:
            message = f"多数{report.kind_label}范本部署而全文没有提到的主题：{names}。"
        else:
            message = (
                f"多数范本部署而全文没有提到的主题：{names}"
                f"（未识别出计划类别，暂与{report.kind_label}的范本比较；可在公文信息中指定类别）。"
            )
        yield ctx.finding(self, _anchor(ctx), message)


RULES: tuple[type[Rule], ...] = (RequiredThemeMissing, RequiredThemeWeak, ExpectedThemeMissing)
