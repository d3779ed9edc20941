"""文件 → 导出公文 / 导出印发通知（带版头）/ 导出任务分解表 / 导出 PDF: review, then export.

The official layout must not carry half-width punctuation, hyphen ranges, leading-zero dates or
[2026]-style document numbers (``checks.blockers.export_blockers``, whatever codes the checks engine
gives them). Before an export they are found in the text on screen *now*, after every earlier fix
and keystroke, with prompts such as a 版记 missing its 印发 row and the 错误 the problems panel still
shows; the writer answers in the review dialog (``export_review.BlockersDialog``): apply every
certain fix to the editor as one undoable step, export as is, or go back to the text. Nothing is
ever rewritten without that click, and the input file is never the output. This module runs the
flow: review, the 版头, the file name, then building and saving on the window's background
``Jobs``, so a long plan does not freeze the window; when it is written, a message offers to open
the file or its folder.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from desktop.app.background import Jobs
from desktop.app.export_review import DOCX, KIND_LABELS, NOTICE, PDF, TASKS, BlockersDialog
from desktop.plan.errors import InputError
from desktop.plan.export.notice import NoticeHead

if TYPE_CHECKING:
    from checks.finding import Finding
    from desktop.app.main_window import MainWindow
    from desktop.plan.model import Plan

logger = logging.getLogger(__name__)
HEAD_KEY = "notice_head"  # the 版头's values in Draft.extra


def write_export(kind: str, plan: Plan, out: Path, head: NoticeHead | None = None) -> None:
    """Write the official document, the notice, the task table or the PDF of ``plan`` to ``out``
    (atomically). Runs off the GUI thread."""
    from desktop.plan.export.docx_writer import build_document, save_atomically

    try:
        if kind == TASKS:
            from desktop.plan.export.task_table import build_task_document

            save_atomically(build_task_document(plan), out)
        elif kind == PDF:
            import tempfile

            from desktop.plan.export.pdf import convert_to_pdf

            with tempfile.TemporaryDirectory(prefix="plandesk-") as tmp:
                staged = Path(tmp) / (out.stem + ".docx")
                save_atomically(build_document(plan), staged)
                convert_to_pdf(staged, out)
        else:
            save_atomically(build_document(plan, head=head if kind == NOTICE else None), out)
    except OSError as error:
        raise InputError(out, f"无法写入（{error.strerror or type(error).__name__}）") from None


def _export_job(kind: str, plan: Plan, out: Path, head: NoticeHead | None) -> str:
    """The background job: "" when written, else the Chinese message (never a traceback)."""
    try:
        write_export(kind, plan, out, head)
    except InputError as error:
        return error.message
    except Exception as error:  # report, never take the window down
        logger.exception("export failed")
        return InputError(out, f"导出失败（{type(error).__name__}: {error}）").message
    return ""


class Exporter(QObject):
    """The export commands of one window."""

    exported = Signal(str, str)  # kind, path of the written file
    failed = Signal(str)  # Chinese message

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        # The window's one background helper once it has one; until then our own (same API).
        self._jobs: Jobs = getattr(window, "jobs", None) or Jobs(self)
        self.busy = False
        self.last_message: QMessageBox | None = None
        self.pending_warnings: list[str] = []
        self.pending_errors: list[Finding] = []  # 错误 still shown: named in the review, not blocking
        # Seams for the modal steps: tests answer them; the defaults ask the writer.
        self.ask_path: Callable[[str, Path], str] = self._ask_path
        self.review: Callable[[list[Finding], str], int] = self._review
        self.ask_head: Callable[[NoticeHead, str], NoticeHead | None] = self._ask_head
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl

    def export_docx(self, path: str | Path | None = None) -> bool:
        return self.start(DOCX, path)

    def export_notice(self, path: str | Path | None = None) -> bool:
        return self.start(NOTICE, path)

    def export_tasks(self, path: str | Path | None = None) -> bool:
        return self.start(TASKS, path)

    def export_pdf(self, path: str | Path | None = None) -> bool:
        return self.start(PDF, path)

    def start(self, kind: str, path: str | Path | None = None) -> bool:
        """Review the blockers of the text as it is now, choose the file, and write it in the
        background; False if not started."""
        window = self.window
        if self.busy:
            window.statusBar().showMessage(self.tr("上一个导出尚未完成。"), 4000)
            return False
        if kind == PDF:
            from desktop.plan.export.pdf import NOT_INSTALLED, find_soffice

            if find_soffice() is None:
                self._fail(NOT_INSTALLED)
                return False
        plan = window.current_plan()  # the text on screen, after every earlier fix and keystroke
        if plan is None:
            return False
        from checks.blockers import export_blockers
        from desktop.plan.export.closing import banji_warnings

        blockers = export_blockers(plan)
        self.pending_warnings = banji_warnings(plan) if kind != TASKS else []
        self.pending_errors = self._open_errors(blockers)
        if blockers or self.pending_warnings or self.pending_errors:
            choice = self.review(blockers, kind)
            if choice == BlockersDialog.FIX:
                fixes = [fix for finding in blockers for fix in finding.all_fixes()]
                window.apply_fixes_to(plan.text, fixes)  # one undoable step, rechecked
                plan = window.current_plan()
                if plan is None:
                    return False
            elif choice != BlockersDialog.AS_IS:
                return False
        head = None
        if kind == NOTICE:
            head = self.ask_head(self._stored_head(), plan.metadata.issuer)
            if head is None:
                return False
            self._store_head(head)
            from desktop.plan.export.notice import head_warnings

            for warning in head_warnings(head):
                window.statusBar().showMessage(warning, 15000)
        out = Path(path) if path is not None else None
        if out is None:
            chosen = self.ask_path(kind, self._suggested(kind))
            if not chosen:
                return False
            out = Path(chosen)
        suffix = ".pdf" if kind == PDF else ".docx"
        if out.suffix.lower() != suffix:
            out = out.with_name(out.name + suffix)
        problem = self._refuse(out)
        if problem:
            self._fail(InputError(out, problem).message)
            return False
        self.busy = True
        window.statusBar().showMessage(self.tr("正在导出%1…").replace("%1", self.tr(KIND_LABELS[kind])))
        self._jobs.submit(
            functools.partial(_export_job, kind, plan, out, head),
            self,
            functools.partial(self._done, kind, out),
            self._crashed,
            lane="export",
        )
        return True

    # The 版头's values live with the draft (saved in its .plan.yaml).
    def _stored_head(self) -> NoticeHead:
        return NoticeHead.from_dict(self.window.files.draft.extra.get(HEAD_KEY))

    def _store_head(self, head: NoticeHead) -> None:
        if NoticeHead.from_dict(self.window.files.draft.extra.get(HEAD_KEY)) != head:
            self.window.session.set_extra(HEAD_KEY, head.to_dict())  # a new revision: autosaved too

    def _refuse(self, out: Path) -> str:
        """Why ``out`` must not be written: the input itself (or the draft), a folder, no folder."""
        draft = self.window.files.draft
        for own in (draft.source_path, draft.path):
            if own is not None and (own == out or (own.exists() and out.exists() and own.samefile(out))):
                return "这是正在编辑的原稿，导出不会覆盖它，请换一个文件名"
        if out.is_dir():
            return "这是一个文件夹，不是文件"
        if not out.parent.is_dir():
            return f"文件夹“{out.parent}”不存在"
        return ""

    def _suggested(self, kind: str) -> Path:
        draft = self.window.files.draft
        base = draft.path or draft.source_path
        stem = base.name.split(".")[0] if base else self.tr("未命名要点")
        folder = base.parent if base else Path(self.window.settings.last_folder())
        suffix = {DOCX: "（公文）", NOTICE: "（印发通知）", TASKS: "（任务分解表）", PDF: "（公文）"}[kind]
        return folder / f"{stem}{self.tr(suffix)}{'.pdf' if kind == PDF else '.docx'}"

    def _ask_path(self, kind: str, suggested: Path) -> str:
        title = self.tr("导出%1").replace("%1", self.tr(KIND_LABELS[kind]))
        kinds = self.tr("PDF 文件 (*.pdf)") if kind == PDF else self.tr("Word 文档 (*.docx)")
        path, _ = QFileDialog.getSaveFileName(self.window, title, str(suggested), kinds)
        return path

    def _open_errors(self, blockers: list[Finding]) -> list[Finding]:
        """The 错误 the problems panel shows now, besides the blockers listed anyway."""
        listed = {(b.code, b.span.start) for b in blockers}
        return [
            f
            for f in self.window.problems.model.findings
            if f.severity.value == "error" and (f.code, f.span.start) not in listed
        ]

    def _review(self, blockers: list[Finding], kind: str) -> int:
        file_lines = getattr(self.window, "file_lines", None)
        dialog = BlockersDialog(
            blockers,
            kind,
            self.window,
            self.pending_warnings,
            self.pending_errors,
            file_lines.finding_position if file_lines is not None else None,
        )
        result = dialog.exec()
        if dialog.jump_to is not None:
            self.window.jump_to(dialog.jump_to.span.start, dialog.jump_to.span.end)
        return result

    def _ask_head(self, head: NoticeHead, issuer: str) -> NoticeHead | None:
        from desktop.app.metadata_dialog import NoticeHeadDialog

        dialog = NoticeHeadDialog(head, issuer, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.form.head()

    def _done(self, kind: str, out: Path, message: str) -> None:
        self.busy = False
        if message:
            self._fail(message)
            return
        self.window.statusBar().showMessage(
            self.tr("已导出%1：%2").replace("%1", self.tr(KIND_LABELS[kind])).replace("%2", str(out)), 8000
        )
        self.exported.emit(kind, str(out))
        self._announce(kind, out)

    def _crashed(self, trace: str) -> None:
        self.busy = False
        logger.error("export job failed: %s", trace)
        self._fail(self.tr("导出失败（程序错误，详见日志）"))

    def _announce(self, kind: str, out: Path) -> None:
        """导出完成: open the file or its folder with the system's own program (Word, WPS, the
        file manager), through Qt so it works on Windows, 麒麟/UOS and macOS alike. Not modal:
        the writer may go on typing."""
        if self.last_message is not None:
            self.last_message.close()
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("导出完成"), "", parent=self.window)
        box.setText(
            self.tr("已导出%1：\n%2").replace("%1", self.tr(KIND_LABELS[kind])).replace("%2", str(out))
        )
        open_file = box.addButton(self.tr("打开文件"), QMessageBox.ButtonRole.AcceptRole)
        open_folder = box.addButton(self.tr("打开所在文件夹"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(self.tr("关闭"), QMessageBox.ButtonRole.RejectRole)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one export, one box: none piles up
        box.destroyed.connect(self._message_gone)
        open_file.clicked.connect(lambda: self.open_url(QUrl.fromLocalFile(str(out))))
        open_folder.clicked.connect(lambda: self.open_url(QUrl.fromLocalFile(str(out.parent))))
        self.last_message = box
        box.show()

    def _message_gone(self) -> None:
        self.last_message = None

    def _fail(self, message: str) -> None:
        self.window.statusBar().clearMessage()
        self.failed.emit(message)
        if self.window.files.report_error is not None:
            self.window.files.report_error(message)
        else:
            QMessageBox.warning(self.window, self.tr("无法导出"), message)

    def wait_idle(self, msecs: int = -1) -> bool:
        return self._jobs.wait_idle(msecs)
