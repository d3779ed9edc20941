"""The main window: editor in the middle, outline, problems and themes docks around it.

The editor's text is the single source of truth. Typing restarts a short single-shot timer; when
typing pauses, a snapshot of the text goes to the worker, and the result (outline, findings,
themes) is shown only if it still belongs to the text on screen. Structural edits and fixes are
new texts computed by the core and applied to the editor as one undoable step.

Keystrokes themselves do no parsing and no whole-text work; a result is shown in two steps (the
outline as soon as the text is parsed, then the problems and the themes together), and a panel
whose content did not change is left alone.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QWidget

from checks.finding import Severity
from desktop.app.background import Jobs
from desktop.app.draft_files import DraftFiles
from desktop.app.editor import PlanEditor
from desktop.app.file_lines import FileLines
from desktop.app.find_dialog import FindReplaceDialog
from desktop.app.help_dialog import show_guide
from desktop.app.outline_view import OutlineDock
from desktop.app.problems_panel import ProblemsDock
from desktop.app.screen_fit import fit_to_screen
from desktop.app.session import DraftSession
from desktop.app.settings import AppSettings
from desktop.app.themes_panel import ThemesDock
from desktop.app.user_words import WordLists, bureau_of
from desktop.app.workers import Analysis, AnalysisRunner
from desktop.app.zoom import Zoom
from desktop.plan.outline_edit import Edit

if TYPE_CHECKING:
    from checks.finding import Finding, Fix
    from desktop.plan.model import Plan

logger = logging.getLogger(__name__)
APP_NAME = "要点编写助手"


class MainWindow(QMainWindow):
    """The PlanDesk window. ``settings`` is passed in so tests can point it at a temporary folder."""

    analysis_shown = Signal(object)  # the complete Analysis now on screen (themes included)
    problems_shown = Signal(object)  # an Analysis whose findings are on screen (with the themes)
    outline_shown = Signal()  # the outline of the text on screen is shown (checks may still run)

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.resize(1280, 800)
        self.editor = PlanEditor(self)
        self.setCentralWidget(self.editor)
        self.outline = OutlineDock(self)
        self.problems = ProblemsDock(self)
        self.themes = ThemesDock(self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.outline)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.themes)
        self.resizeDocks([self.outline, self.themes], [300, 350], Qt.Orientation.Horizontal)  # 仅顺带提及 + the longest theme name
        self.resizeDocks([self.problems], [220], Qt.Orientation.Vertical)
        self.find_dialog = FindReplaceDialog(self.editor, self)
        # Every off-thread job of this window (analysis, export, comparison) runs on these.
        self.jobs = Jobs(self, threads=2)
        self.runner = AnalysisRunner(self.jobs, self)
        self.word_lists = WordLists(settings.folder)
        self.runner.config = self.word_lists.config_for  # chosen per plan, in the worker
        self.shown: Analysis | None = None  # the analysis on screen; see its ``stage``
        self.session = DraftSession(self.editor, self)  # the draft; flows receive this, not the window
        self.files = DraftFiles(self)

        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(settings.check_delay_ms)
        self._check_timer.timeout.connect(self.recheck)
        self.editor.textChanged.connect(self._text_changed)
        self.editor.document().modificationChanged.connect(self.setWindowModified)
        self.editor.cursor_offset_changed.connect(self.outline.follow_cursor)
        self.outline.node_activated.connect(lambda offset: self.editor.goto(offset))
        self.outline.fresh_plan = self.current_plan
        self.outline.apply_edit = self.apply_structural_edit
        self.problems.jump_requested.connect(self.jump_to)
        self.problems.fixes_requested.connect(self.apply_fixes)
        self.editor.fixes_requested.connect(self.apply_fixes)  # right-click on an underlined word
        self.problems.add_word_requested.connect(self._add_word_of)
        self.themes.jump_requested.connect(self.jump_to)
        self.themes.watch(self.editor, self.analysis_shown)  # 正在加载词典… / what to do in an empty window
        self.runner.finished.connect(self._show_analysis)
        self.runner.outline_ready.connect(self._show_outline)
        self.runner.busy_changed.connect(self._busy_changed)

        from desktop.app.export_flow import Exporter

        self.exporter = Exporter(self)
        self._make_status_bar()
        self._make_menus()
        self.file_lines = FileLines(self)  # 行/列, the gutter and 位置 in the file's own lines
        self.setAcceptDrops(True)
        geometry, state = settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        fit_to_screen(self)  # a first or restored geometry never reaches past the screen
        self.files.update_title()

    # Menus ------------------------------------------------------------------------------------
    def _action(self, label: str, slot, shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(label, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _make_menus(self) -> None:
        bar = self.menuBar()
        tr = self.tr
        files = self.files
        file_menu = bar.addMenu(tr("文件(&F)"))
        self.new_action = self._action(tr("新建(&N)"), files.new_standard, QKeySequence.StandardKey.New)
        file_menu.addAction(self.new_action)
        self.skeleton_menu = file_menu.addMenu(tr("从模板新建"))
        for name, path in files.skeletons():
            self.skeleton_menu.addAction(self._action(name, lambda p=path: files.new_from_skeleton(p)))
        file_menu.addAction(self._action(tr("以去年要点新建…"), files.new_from_last_year))
        file_menu.addSeparator()
        file_menu.addAction(self._action(tr("打开(&O)…"), files.open_dialog, QKeySequence.StandardKey.Open))
        self.recent_menu = file_menu.addMenu(tr("最近打开"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addAction(self._action(tr("保存(&S)"), files.save, QKeySequence.StandardKey.Save))
        file_menu.addAction(self._action(tr("另存为(&A)…"), files.save_as, "Ctrl+Shift+S"))
        file_menu.addSeparator()
        self.export_docx_action = self._action(tr("导出公文（.docx）…"), self.exporter.export_docx, "Ctrl+E")
        self.export_tasks_action = self._action(tr("导出任务分解表…"), self.exporter.export_tasks)
        self.export_notice_action = self._action(tr("导出印发通知（带版头）…"), self.exporter.export_notice)
        self.export_pdf_action = self._action(tr("导出 PDF…"), self.exporter.export_pdf)
        file_menu.addActions([self.export_docx_action, self.export_notice_action, self.export_tasks_action])
        file_menu.addAction(self.export_pdf_action)
        file_menu.addSeparator()
        file_menu.addAction(self._action(tr("公文信息(&I)…"), files.edit_metadata))
        file_menu.addSeparator()
        file_menu.addAction(self._action(tr("退出(&X)"), self.close, "Ctrl+Q"))

        edit_menu = bar.addMenu(tr("编辑(&E)"))
        editor = self.editor
        undo = self._action(tr("撤销(&U)"), editor.undo, QKeySequence.StandardKey.Undo)
        redo = self._action(tr("重做(&R)"), editor.redo, "Ctrl+Y")
        undo.setEnabled(False)
        redo.setEnabled(False)
        editor.undoAvailable.connect(undo.setEnabled)
        editor.redoAvailable.connect(redo.setEnabled)
        edit_menu.addActions([undo, redo])
        edit_menu.addSeparator()
        edit_menu.addAction(self._action(tr("剪切(&T)"), editor.cut, QKeySequence.StandardKey.Cut))
        edit_menu.addAction(self._action(tr("复制(&C)"), editor.copy, QKeySequence.StandardKey.Copy))
        edit_menu.addAction(self._action(tr("粘贴(&P)"), editor.paste, QKeySequence.StandardKey.Paste))
        edit_menu.addAction(
            self._action(tr("全选(&L)"), editor.selectAll, QKeySequence.StandardKey.SelectAll)
        )
        edit_menu.addSeparator()
        edit_menu.addAction(self._action(tr("查找(&F)…"), lambda: self.find_dialog.open_for(False), "Ctrl+F"))
        edit_menu.addAction(self._action(tr("替换(&H)…"), lambda: self.find_dialog.open_for(True), "Ctrl+H"))
        edit_menu.addAction(self._action(tr("查找下一处"), self.find_dialog.find_next, "F3"))
        edit_menu.addAction(self._action(tr("查找上一处"), self.find_dialog.find_previous, "Shift+F3"))
        edit_menu.addAction(
            self._action(tr("转到行(&G)…"), lambda: self.file_lines.ask_goto_line(), "Ctrl+G")
        )
        edit_menu.addSeparator()
        outline_menu = edit_menu.addMenu(tr("大纲"))
        outline_menu.addActions(list(self.outline.actions_by_name.values()))
        edit_menu.addAction(self._action(tr("全文重新编号"), self.renumber_all))

        view_menu = bar.addMenu(tr("视图(&V)"))
        for dock in (self.outline, self.problems, self.themes):
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        self.zoom = Zoom(self)  # 放大/缩小/恢复默认大小 (Ctrl+=/-/0), 字号…; sizes remembered
        self.zoom.add_to(view_menu)

        check_menu = bar.addMenu(tr("检查(&C)"))
        check_menu.addAction(self._action(tr("重新检查"), self.recheck, "F7"))
        check_menu.addAction(self._action(tr("下一个问题"), lambda: self.step_problem(+1), "F8"))
        check_menu.addAction(self._action(tr("上一个问题"), lambda: self.step_problem(-1), "Shift+F8"))

        tools_menu = bar.addMenu(tr("工具(&T)"))
        self.compare_action = self._action(tr("与上一年度比对…"), self.open_compare)
        tools_menu.addAction(self.compare_action)
        tools_menu.addAction(self._action(tr("本单位词典…"), self.show_user_words))

        # ---- 参考 → 对标上级要点 (desktop/app/align_view.py owns the window) --------------------------
        from desktop.app.align_view import open_align

        self.reference_menu = getattr(self, "reference_menu", None) or bar.addMenu(tr("参考(&R)"))
        self.reference_menu.addAction(self._action(tr("对标上级要点…"), lambda: open_align(self)))
        from desktop.app.references_dialog import open_references  # 参考 → 参考资料库… (issue 17)

        self.reference_menu.addAction(self._action(tr("参考资料库…"), lambda: open_references(self)))

        help_menu = bar.addMenu(tr("帮助(&H)"))
        help_menu.addAction(self._action(tr("使用说明(&G)"), lambda: show_guide(self), "F1"))
        help_menu.addSeparator()
        help_menu.addAction(self._action(tr("关于(&A)"), self._about))

    def open_compare(self) -> None:
        from desktop.app import compare_view

        compare_view.open_compare(self)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files()
        if not recent:
            action = self.recent_menu.addAction(self.tr("（无）"))
            action.setEnabled(False)
        for path in recent:
            self.recent_menu.addAction(self._action(path, lambda p=path: self.files.open_path(p, ask=True)))

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("关于"),
            self.tr("要点编写助手\n帮助教育局起草、检查年度教育工作要点，并导出公文格式文档。"),
        )

    # Status bar ----------------------------------------------------------------------------------
    def _make_status_bar(self) -> None:
        bar = self.statusBar()
        self.busy_label = QLabel(self.tr("检查中…"))
        self.busy_label.setStyleSheet("color: #888888;")
        self.busy_label.setVisible(False)
        self.chars_label = QLabel()
        self.items_label = QLabel()
        self.problems_label = QLabel()
        for label in (self.busy_label, self.chars_label, self.items_label, self.problems_label):
            label.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(label)

    def _busy_changed(self, busy: bool) -> None:
        self.busy_label.setVisible(busy)

    def _update_counts(self, text: str) -> None:
        chars = len(text) - text.count("\n") - text.count(" ")
        self.chars_label.setText(self.tr("字数：%1").replace("%1", str(chars)))

    # Analysis ------------------------------------------------------------------------------------
    def _text_changed(self) -> None:
        """A keystroke: only restart the pause timer (no parsing, no whole-text work)."""
        self._check_timer.start()

    def recheck(self) -> int:
        """Analyse the text now on screen (F7; also when typing pauses)."""
        self._check_timer.stop()
        text = self.editor.toPlainText()
        self._update_counts(text)
        return self.runner.request(text, self.session.overrides)

    def _show_analysis(self, result: Analysis) -> None:
        if result.text != self.editor.toPlainText():
            return  # typed since the snapshot: the pending timer brings a fresh one
        self.shown = result
        self.outline.set_plan(result.plan)  # rebuilds the tree only when the outline changed
        self.outline.follow_cursor(self.editor.cursor_offset())
        self.problems.set_findings(result.findings)  # each of these skips unchanged findings
        self.editor.show_findings(result.findings)
        if result.themes is not None:
            self.themes.set_report(result.themes)
        items = len(result.plan.items()) if result.plan else 0
        self.items_label.setText(self.tr("条目：%1").replace("%1", str(items)))
        counts = result.counts  # labelled by the severity itself, as the command line does
        error, warning = Severity.ERROR, Severity.WARNING
        self.problems_label.setText(
            f"{error.label} {counts.get(error.value, 0)} · {warning.label} {counts.get(warning.value, 0)}"
        )
        if result.error:
            self.statusBar().showMessage(result.error, 5000)
        self.outline_shown.emit()
        self.problems_shown.emit(result)
        if result.complete:
            self.analysis_shown.emit(result)

    def _show_outline(self, early: Analysis) -> None:
        """The outline before the checks finish; only while nothing newer is on screen."""
        text = self.editor.toPlainText()
        if early.generation != self.runner.generation or early.text != text or early.plan is None:
            return
        if self.shown is None or self.shown.text != text:
            self.outline.set_plan(early.plan)
            self.items_label.setText(self.tr("条目：%1").replace("%1", str(len(early.plan.items()))))
            self.outline_shown.emit()

    def current_plan(self) -> Plan | None:
        """A plan of exactly the text on screen: the last analysis, or a fresh parse if typed since."""
        text = self.editor.toPlainText()
        if self.shown is not None and self.shown.text == text and self.shown.plan is not None:
            return self.shown.plan
        from desktop.plan.parse import parse

        return parse(text, self.session.overrides)

    # The writer's own words -------------------------------------------------------------------------
    def bureau(self) -> str:
        """The bureau whose word list applies: the 发文机关 of the plan on screen."""
        plan = self.shown.plan if self.shown is not None else None
        return bureau_of(plan)

    def add_user_word(self, word: str) -> bool:
        """“加入词典”: keep ``word`` in this bureau's list and check again without its W findings."""
        bureau = self.bureau()
        try:
            added = self.word_lists.add(bureau, word)
        except (OSError, ValueError) as error:
            QMessageBox.warning(self, self.tr("无法加入词典"), str(error))
            return False
        message = "已将“%1”加入“%2”的词典。" if added else "“%1”已在“%2”的词典中。"
        self.statusBar().showMessage(self.tr(message).replace("%1", word).replace("%2", bureau), 5000)
        self.recheck()
        return added

    def _add_word_of(self, finding: Finding) -> None:
        if self.shown is not None and self.shown.text == self.editor.toPlainText():
            self.add_user_word(finding.span.slice(self.shown.text))

    def show_user_words(self) -> None:
        bureau = self.bureau()
        words = self.word_lists.words(bureau)
        path = self.word_lists.path_for(bureau)
        QMessageBox.information(
            self,
            self.tr("本单位词典"),
            self.tr("“%1”的词典（%2）：\n").replace("%1", bureau).replace("%2", str(path))
            + ("、".join(words) if words else self.tr("（尚无词语；在问题面板中对用词提示选“加入词典”）")),
        )

    # Edits from the panels ------------------------------------------------------------------------
    def apply_structural_edit(self, edit: Edit) -> None:
        """Apply an outline change as one undoable step, then check and autosave at once."""
        if self.session.apply_text(edit.text, edit.offset):
            self.editor.goto(edit.offset, edit.select_end)  # an inserted placeholder selected, to type over
            self.recheck()
            self.files.autosave()
            self.editor.setFocus()

    def apply_fixes(self, fixes: list[Fix]) -> bool:
        """Apply fixes computed for the text on screen as one undoable step."""
        text = self.editor.toPlainText()
        if self.shown is None or self.shown.text != text:
            self.statusBar().showMessage(self.tr("文本已改动，请待检查完成后再修复。"), 4000)
            return False
        return self.apply_fixes_to(text, fixes)

    def apply_fixes_to(self, text: str, fixes: list[Fix]) -> bool:
        """Apply fixes computed for ``text`` (the editor's text) as one undoable step."""
        changed = self.session.apply_fixes(text, fixes)
        if changed:
            self.recheck()
        return changed

    def renumber_all(self) -> None:
        from desktop.plan.renumber import renumber

        text = self.editor.toPlainText()
        offset = self.editor.cursor_offset()
        self.apply_structural_edit(Edit(renumber(text), min(offset, len(text))))

    def jump_to(self, start: int, end: int = -1) -> None:
        self.editor.goto(start, end if end >= 0 else None)
        self.editor.setFocus()

    def jump_to_line(self, line: int) -> None:
        from desktop.plan.model import LineIndex

        index = LineIndex(self.editor.toPlainText())
        self.jump_to(index.line_start(max(1, min(line, index.line_count))))

    def step_problem(self, direction: int) -> None:
        """Go to the next (F8) or previous (Shift+F8) problem after the cursor."""
        findings = self.problems.visible_findings()
        if not findings:
            return
        offset = self.editor.cursor_offset()
        ordered = sorted(findings, key=lambda f: f.span.start)
        if direction > 0:
            target = next((f for f in ordered if f.span.start > offset), ordered[0])
        else:
            target = next((f for f in reversed(ordered) if f.span.start < offset), ordered[-1])
        self.jump_to(target.span.start, target.span.end)

    # Window events --------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files.open_path(paths[0], ask=True)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.confirm_discard():
            event.ignore()
            return
        self.files.close_draft()  # the draft is saved or deliberately discarded before any waiting
        self._check_timer.stop()
        self.jobs.cancel(AnalysisRunner.LANE)  # nobody will read these results
        self.exporter.wait_idle(30_000)  # an export the writer asked for is finished, not dropped
        self.settings.set_window_state(self.saveGeometry(), self.saveState())
        self.settings.sync()
        self.jobs.shutdown(5000)
        event.accept()
