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
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QWidget

from checks.finding import Severity
from desktop.app.background import Jobs
from desktop.app.draft_files import DraftFiles
from desktop.app.editor import PlanEditor
from desktop.app.file_lines import FileLines
from desktop.app.menus import MainMenus
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
    from desktop.app.export_flow import Exporter
    from desktop.app.find_dialog import FindReplaceDialog
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
        self._find_dialog: FindReplaceDialog | None = None  # made when first asked for
        # Every off-thread job of this window (analysis, export, comparison) runs on these.
        self.jobs = Jobs(self, threads=2, reserved=("analysis",))
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

        self._exporter: Exporter | None = None  # made on first use: the export code is not needed to start
        self._make_status_bar()
        self.zoom = Zoom(self)  # 放大/缩小/恢复默认大小 (Ctrl+=/-/0), 字号…; sizes remembered
        self.menus = MainMenus(self)
        self.recent_menu = self.menus.recent_menu
        self.reference_menu = self.menus.reference  # 参考: 对标上级要点…, 参考资料库…
        self.export_docx_action = self.menus.export_docx_action
        self.export_notice_action = self.menus.export_notice_action
        self.export_tasks_action = self.menus.export_tasks_action
        self.export_pdf_action = self.menus.export_pdf_action
        self.file_lines = FileLines(self)  # 行/列, the gutter and 位置 in the file's own lines
        self.setAcceptDrops(True)
        geometry, state = settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        fit_to_screen(self)  # a first or restored geometry never reaches past the screen
        if state is None:
            self._default_docks()
        self.files.update_title()

    def _default_docks(self) -> None:
        """Dock sizes for the window as it now is: the text the writer types keeps at least half
        the width. Fixed sizes chosen for 1280 pixels left a laptop's editor a few characters wide
        once the window was fitted to a smaller screen."""
        width, height = max(self.width(), 640), max(self.height(), 480)
        # The themes dock wants ~350 px for its longest name beside “仅顺带提及”, on a wide screen.
        outline, themes = min(300, int(width * 0.2)), min(350, int(width * 0.26))
        self.resizeDocks([self.outline, self.themes], [outline, themes], Qt.Orientation.Horizontal)
        self.resizeDocks([self.problems], [min(220, int(height * 0.28))], Qt.Orientation.Vertical)

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

    @property
    def find_dialog(self) -> FindReplaceDialog:
        """查找/替换 (Ctrl+F, Ctrl+H), made on first use: a dialog nobody opened costs the start nothing."""
        if self._find_dialog is None:
            from desktop.app.find_dialog import FindReplaceDialog

            self._find_dialog = FindReplaceDialog(self.editor, self)
        return self._find_dialog

    @property
    def exporter(self) -> Exporter:
        """The export commands (文件 → 导出…), made on first use."""
        if self._exporter is None:
            from desktop.app.export_flow import Exporter

            self._exporter = Exporter(self)
        return self._exporter

    def finish_exports(self, msecs: int) -> bool:
        """Wait for an export under way (close, the screenshot path); True when none is left."""
        return self._exporter is None or self._exporter.wait_idle(msecs)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.confirm_discard():
            event.ignore()
            return
        # Nothing typed from here on: waiting for an export processes events, and a keystroke made
        # after the draft was settled would be lost with no recovery copy to hold it.
        self.setEnabled(False)
        self._check_timer.stop()
        self.runner.stop()  # nobody will read these results, and no check starts from here on
        self.finish_exports(30_000)  # an export the writer asked for is finished, not dropped
        self.files.close_draft()  # saved or deliberately discarded; its recovery copy goes now
        self.settings.set_window_state(self.saveGeometry(), self.saveState())
        self.settings.sync()
        self.jobs.shutdown(5000)
        event.accept()
