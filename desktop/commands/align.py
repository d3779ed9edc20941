"""``plandesk align SUPERIOR DRAFT [--json]``: 对标上级要点, the superior's tasks answered by the draft.

Exit status: 0 when the alignment was made, whatever it found (an unanswered task is for the writer
to judge, as a missing theme is for ``plandesk themes``), 2 when an input cannot be used (the
message names the file). Lines are the files' own lines (for .docx, paragraph numbers). Tasks the
writer marked 不适用 in the window are read from the same store; ``--not-applicable`` adds more.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from desktop.plan.errors import InputError

if TYPE_CHECKING:
    from desktop.plan.read.loader import Source
    from desktop.plan.references.align import Alignment
    from desktop.plan.references.targets_check import TargetCheck
    from desktop.plan.references.tasks import Task

_MARK = {"unanswered": "✘", "partial": "△", "answered": "✔", "not_applicable": "–"}
_HEADINGS = {
    "unanswered": "未对应（草稿中没有找到回应）",
    "partial": "部分对应（请核对是否已回应）",
    "answered": "已对应",
    "not_applicable": "不适用",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("superior", help="上级要点（.txt、.docx 或 .plan.yaml）")
    parser.add_argument("draft", help="本单位草稿（.txt、.docx 或 .plan.yaml）")
    parser.add_argument("--json", action="store_true", help="输出 JSON（供程序使用）")
    parser.add_argument(
        "--not-applicable",
        nargs="+",
        default=[],
        metavar="PATH",
        help="不适用于本级的上级任务路径，如 二13 五（三）2（窗口中标记过的会自动读取）",
    )


def run(args: argparse.Namespace) -> int:
    from desktop.plan.read.loader import load_plan
    from desktop.plan.references.align import align_plans
    from desktop.plan.references.remembered import NotApplicableStore

    superior_source, superior = load_plan(args.superior)
    draft_source, draft = load_plan(args.draft)
    for source, plan in ((superior_source, superior), (draft_source, draft)):
        if not plan.nodes:
            raise InputError(source.path, "没有识别出任何标题或条目（如“一、”“1.”），无法逐条对标。")
    marked = NotApplicableStore().paths(superior.text) | set(args.not_applicable)
    result = align_plans(superior, draft, marked)
    known = {a.task.path for a in result.answers}
    unknown = [p for p in args.not_applicable if p not in known]
    if unknown:
        sample = "、".join(a.task.path for a in result.answers[:3])
        raise InputError(
            superior_source.path, f"上级要点中没有任务“{'、'.join(unknown)}”（任务路径形如 {sample}）。"
        )
    if args.json:
        data = alignment_json(result, superior_source, draft_source)
        data = {"superior": str(args.superior), "draft": str(args.draft), **data}
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        names = (str(args.superior), str(args.draft))
        sys.stdout.write(alignment_text(result, superior_source, draft_source, *names))
    return 0


def _target_json(task: Task, check: TargetCheck, superior: Source, draft: Source) -> dict[str, object]:
    found = check.found
    return {
        "task": task.path,
        "subject": check.required.subject,
        "required": check.required.text,
        "required_line": superior.source_line(check.required.line),
        "found": found.text if found else None,
        "found_subject": found.subject if found else None,
        "found_line": draft.source_line(found.line) if found else None,
        "verdict": check.verdict,
        "note": check.note,
    }


def alignment_json(result: Alignment, superior: Source, draft: Source) -> dict[str, object]:
    """The JSON contract (tasks with their matches, summary) and the rates checked (``targets``)."""
    return {
        "tasks": [
            {
                "path": a.task.path,
                "headline": a.task.headline,
                "line": superior.source_line(a.task.line),
                "status": a.status,
                "matches": [
                    {
                        "path": m.item.path,
                        "headline": m.item.headline,
                        "line": draft.source_line(m.item.line),
                        "similarity": m.similarity,
                    }
                    for m in a.matches
                ],
            }
            for a in result.answers
        ],
        "targets": [_target_json(t, c, superior, draft) for t, c in result.target_checks()],
        "summary": result.summary(),
    }


def alignment_text(
    result: Alignment, superior: Source, draft: Source, superior_name: str, draft_name: str
) -> str:
    """The report for people: summary, then tasks by status (unanswered first), then the rates."""

    def year(plan_year: int | None) -> str:
        return f"（{plan_year}年）" if plan_year else ""

    out = [
        f"对标：上级 {superior_name}{year(result.superior.year)}；草稿 {draft_name}{year(result.draft.year)}",
        result.summary_line(),
    ]
    if result.year_warning():
        out.append(result.year_warning())
    shown = ""
    for answer in result.answers:
        if answer.status != shown:
            shown = answer.status
            out += ["", _HEADINGS[shown]]
        task = answer.task
        out.append(
            f"  {_MARK[answer.status]} {task.path}  {task.headline}  （上级第 {superior.source_line(task.line)} 行）"
        )
        for match in answer.matches:
            out.append(
                f"      → {match.item.path}  {match.item.headline}  相似度 {match.similarity:.2f}"
                f"  （草稿第 {draft.source_line(match.item.line)} 行）"
            )
    checks = [(t, c) for t, c in result.target_checks() if c.verdict != "met"]
    if not checks:
        out += ["", f"指标核对：{result.targets_note()}"]
    else:
        out += ["", "指标核对（上级要求的比率）"]
        for task, check in checks:
            out.append(
                f"  {task.path}：{check.note}（上级第 {superior.source_line(check.required.line)} 行）"
            )
    return "\n".join(out) + "\n"
