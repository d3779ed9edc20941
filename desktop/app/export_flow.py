"""文件 → 导出公文（.docx）… / 导出任务分解表…: review what must not be printed, then export.

The official layout must not carry half-width punctuation, hyphen ranges, leading-zero dates or
[2026]-style document numbers (``checks.blockers.export_blockers``, whatever codes the checks engine
gives them). Before an export they are listed; the writer may apply every certain fix to the
editor as one undoable step, export as is, or go back to the text. Nothing is ever rewritten
without that click, and the input file is never the output. Building and saving the .docx runs
in a worker thread, so a long plan does not freeze the window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.plan.errors import InputError

if TYPE_CHECKING:
    from checks.finding import Finding
    from desktop.app.main_window import MainWindow
    from desktop.plan.model import Plan

logger = logging.getLogger(__name__)
DOCX, TASKS = "docx", "tasks"
KIND_LABELS = {DOCX: "公文", TASKS: "任务分解表"}


class BlockersDialog(QDialog):
    """Lists the blockers; the writer chooses: fix all (one undo step), export as is, or cancel."""

    FIX, AS_IS = 10, 11  # dialog results besides Rejected

    def __init__(self, blockers: list[Finding], kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.blockers = blockers
        self.setWindowTitle(self.tr("导出前请检查"))
        self.resize(640, 380)
        fixable = sum(1 for b in blockers if b.all_fixes())
        intro = QLabel(
            self.tr("以下 %1 处不宜印在%2上（半角标点、连字符范围、日期前导零、〔〕文号等）。")
            .replace("%1", str(len(blockers)))
            .replace("%2", self.tr(KIND_LABELS.get(kind, "公文")))
        )
        intro.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setHeaderLabels([self.tr("位置"), self.tr("代码"), self.tr("说明")])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for finding in blockers:
            row = QTreeWidgetItem(
                [self.tr("第 %1 行").replace("%1", str(finding.line)), finding.code, finding.message]
            )
            row.setToolTip(2, f"{finding.message}\n{finding.excerpt}")
            self.list.addTopLevelItem(row)
        for column in (0, 1):
            self.list.resizeColumnToContents(column)
        self.list.itemDoubleClicked.connect(lambda item, _c: self._go_to(item))
        self.jump_to: Finding | None = None
        buttons = QDialogButtonBox()
        self.fix_button = QPushButton(self.tr("全部修正后导出（可撤销）"))
        self.fix_button.setEnabled(fixable > 0)
        self.as_is_button = QPushButton(self.tr("照原样导出"))
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("返回修改"))
        buttons.addButton(self.fix_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.as_is_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.fix_button.clicked.connect(lambda: self.done(self.FIX))
        self.as_is_button.clicked.connect(lambda: self.done(self.AS_IS))
        cancel.clicked.connect(self.reject)
        self.fix_button.setDefault(True)
        note = QLabel(self.tr("修正会写入编辑器，可用“撤销”（Ctrl+Z）一步还原；双击某处可跳到原文。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #666666;")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _go_to(self, item: QTreeWidgetItem) -> None:
        self.jump_to = self.blockers[self.list.indexOfTopLevelItem(item)]
        self.reject()


class _ExportTask(QRunnable):
    def __init__(self, exporter: Exporter, kind: str, plan: Plan, out: Path) -> None:
        super().__init__()
        self._exporter, self._kind, self._plan, self._out = exporter, kind, plan, out

    def run(self) -> None:
        try:
            write_export(self._kind, self._plan, self._out)
        except InputError as error:
            self._exporter._finished.emit((self._kind, self._out, error.message))
        except Exception as error:  # report, never take the window down
            logger.exception("export failed")
            message = InputError(self._out, f"导出失败（{type(error).__name__}: {error}）").message
            self._exporter._finished.emit((self._kind, self._out, message))
        else:
            self._exporter._finished.emit((self._kind, self._out, ""))


def write_export(kind: str, plan: Plan, out: Path) -> None:
    """Write the official document or the task table of ``plan`` to ``out`` (atomically)."""
    from desktop.plan.export.docx_writer import save_atomically, write_docx

    try:
        if kind == TASKS:
            from desktop.plan.export.task_table import build_task_document

            save_atomically(build_task_document(plan), out)
        else:
            write_docx(plan, out)
    except OSError as error:
        raise InputError(out, f"无法写入（{error.strerror or type(error).__name__}）") from None


class Exporter(QObject):
    """The export commands of one window."""

    exported = Signal(str, str)  # kind, path of the written file
    failed = Signal(str)  # Chinese message
    _finished = Signal(object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.busy = False
        # Seams for the modal steps: tests answer them; the defaults ask the writer.
        self.ask_path: Callable[[str, Path], str] = self._ask_path
        self.review: Callable[[list[Finding], str], int] = self._review
        self._finished.connect(self._done)

    def export_docx(self, path: str | Path | None = None) -> bool:
        return self.start(DOCX, path)

    def export_tasks(self, path: str | Path | None = None) -> bool:
        return self.start(TASKS, path)

    def start(self, kind: str, path: str | Path | None = None) -> bool:
        """Review the blockers, choose the file, and write it in the background; False if not started."""
        window = self.window
        if self.busy:
            window.statusBar().showMessage(self.tr("上一个导出尚未完成。"), 4000)
            return False
        plan = window.current_plan()
        if plan is None:
            return False
        from checks.blockers import export_blockers

        blockers = export_blockers(plan)
        if blockers:
            choice = self.review(blockers, kind)
            if choice == BlockersDialog.FIX:
                fixes = [fix for finding in blockers for fix in finding.all_fixes()]
                window.apply_fixes_to(plan.text, fixes)  # one undoable step, rechecked
                plan = window.current_plan()
                if plan is None:
                    return False
            elif choice != BlockersDialog.AS_IS:
                return False
        out = Path(path) if path is not None else None
        if out is None:
            chosen = self.ask_path(kind, self._suggested(kind))
            if not chosen:
                return False
            out = Path(chosen)
        if out.suffix.lower() != ".docx":
            out = out.with_name(out.name + ".docx")
        problem = self._refuse(out)
        if problem:
            self._fail(InputError(out, problem).message)
            return False
        self.busy = True
        window.statusBar().showMessage(self.tr("正在导出%1…").replace("%1", self.tr(KIND_LABELS[kind])))
        self._pool.start(_ExportTask(self, kind, plan, out))
        return True

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
        suffix = self.tr("（公文）") if kind == DOCX else self.tr("（任务分解表）")
        return folder / f"{stem}{suffix}.docx"

    def _ask_path(self, kind: str, suggested: Path) -> str:
        title = self.tr("导出%1").replace("%1", self.tr(KIND_LABELS[kind]))
        path, _ = QFileDialog.getSaveFileName(
            self.window, title, str(suggested), self.tr("Word 文档 (*.docx)")
        )
        return path

    def _review(self, blockers: list[Finding], kind: str) -> int:
        dialog = BlockersDialog(blockers, kind, self.window)
        result = dialog.exec()
        if dialog.jump_to is not None:
            self.window.jump_to(dialog.jump_to.span.start, dialog.jump_to.span.end)
        return result

    def _done(self, outcome: tuple[str, Path, str]) -> None:
        kind, out, message = outcome
        self.busy = False
        if message:
            self._fail(message)
            return
        self.window.statusBar().showMessage(
            self.tr("已导出%1：%2").replace("%1", self.tr(KIND_LABELS[kind])).replace("%2", str(out)), 8000
        )
        self.exported.emit(kind, str(out))

    def _fail(self, message: str) -> None:
        self.window.statusBar().clearMessage()
        self.failed.emit(message)
        if self.window.files.report_error is not None:
            self.window.files.report_error(message)
        else:
            QMessageBox.warning(self.window, self.tr("无法导出"), message)

    def wait_idle(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)
