"""The main window's menu bar: 文件, 编辑, 视图, 检查, 工具, 参考, 帮助.

Built in one place so a reader finds every command, its shortcut and its slot together, and the
window's module keeps to the window. Every shortcut is set on the menu's own action, so the menu
shows it (Word/WPS habit) and the guide's shortcut table (``help_dialog.menu_shortcuts``) reads
it from there. Windows opened from a menu (比对, 对标, 参考资料库) are imported when first asked
for, so the main window appears without loading them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

if TYPE_CHECKING:
    from desktop.app.main_window import MainWindow

Shortcut = QKeySequence | QKeySequence.StandardKey | str


def make_action(
    window: MainWindow, label: str, slot: Callable[[], object], shortcut: Shortcut | None = None
) -> QAction:
    """An action of ``window`` calling ``slot()`` (without the ``checked`` argument)."""
    action = QAction(label, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    return action


class MainMenus:
    """The menus of one main window, and the actions other parts (and tests) trigger."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        bar = window.menuBar()
        self.file = bar.addMenu(window.tr("文件(&F)"))
        self._fill_file_menu(self.file)
        self.edit = bar.addMenu(window.tr("编辑(&E)"))
        self._fill_edit_menu(self.edit)
        self.view = bar.addMenu(window.tr("视图(&V)"))
        self._fill_view_menu(self.view)
        self.check = bar.addMenu(window.tr("检查(&C)"))
        self._fill_check_menu(self.check)
        self.tools = bar.addMenu(window.tr("工具(&T)"))
        self._fill_tools_menu(self.tools)
        self.reference = bar.addMenu(window.tr("参考(&R)"))
        self._fill_reference_menu(self.reference)
        self.help = bar.addMenu(window.tr("帮助(&H)"))
        self._fill_help_menu(self.help)

    def _action(self, label: str, slot: Callable[[], object], shortcut: Shortcut | None = None) -> QAction:
        return make_action(self.window, label, slot, shortcut)

    def _fill_file_menu(self, menu: QMenu) -> None:
        window, files, tr = self.window, self.window.files, self.window.tr
        self.new_action = self._action(tr("新建(&N)"), files.new_standard, QKeySequence.StandardKey.New)
        menu.addAction(self.new_action)
        self.skeleton_menu = menu.addMenu(tr("从模板新建"))
        for name, path in files.skeletons():
            self.skeleton_menu.addAction(self._action(name, lambda p=path: files.new_from_skeleton(p)))
        menu.addAction(self._action(tr("以去年要点新建…"), files.new_from_last_year))
        menu.addSeparator()
        menu.addAction(self._action(tr("打开(&O)…"), files.open_dialog, QKeySequence.StandardKey.Open))
        self.recent_menu = menu.addMenu(tr("最近打开"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        menu.addAction(self._action(tr("保存(&S)"), files.save, QKeySequence.StandardKey.Save))
        menu.addAction(self._action(tr("另存为(&A)…"), files.save_as, "Ctrl+Shift+S"))
        menu.addSeparator()
        self.export_docx_action = self._action(
            tr("导出公文（.docx）…"), lambda: window.exporter.export_docx(), "Ctrl+E"
        )
        self.export_tasks_action = self._action(tr("导出任务分解表…"), lambda: window.exporter.export_tasks())
        self.export_notice_action = self._action(
            tr("导出印发通知（带版头）…"), lambda: window.exporter.export_notice()
        )
        self.export_pdf_action = self._action(tr("导出 PDF…"), lambda: window.exporter.export_pdf())
        menu.addActions([self.export_docx_action, self.export_notice_action, self.export_tasks_action])
        menu.addAction(self.export_pdf_action)
        menu.addSeparator()
        menu.addAction(self._action(tr("公文信息(&I)…"), files.edit_metadata))
        menu.addSeparator()
        menu.addAction(self._action(tr("退出(&X)"), window.close, "Ctrl+Q"))

    def _fill_recent(self) -> None:
        """Filled each time it opens: another window may have opened a file since."""
        self.recent_menu.clear()
        window = self.window
        recent = window.settings.recent_files()
        if not recent:
            action = self.recent_menu.addAction(window.tr("（无）"))
            action.setEnabled(False)
        for path in recent:
            self.recent_menu.addAction(self._action(path, lambda p=path: window.files.open_path(p, ask=True)))

    def _fill_edit_menu(self, menu: QMenu) -> None:
        window, editor, tr = self.window, self.window.editor, self.window.tr
        undo = self._action(tr("撤销(&U)"), editor.undo, QKeySequence.StandardKey.Undo)
        redo = self._action(tr("重做(&R)"), editor.redo, "Ctrl+Y")
        undo.setEnabled(False)
        redo.setEnabled(False)
        editor.undoAvailable.connect(undo.setEnabled)
        editor.redoAvailable.connect(redo.setEnabled)
        menu.addActions([undo, redo])
        menu.addSeparator()
        menu.addAction(self._action(tr("剪切(&T)"), editor.cut, QKeySequence.StandardKey.Cut))
        menu.addAction(self._action(tr("复制(&C)"), editor.copy, QKeySequence.StandardKey.Copy))
        menu.addAction(self._action(tr("粘贴(&P)"), editor.paste, QKeySequence.StandardKey.Paste))
        menu.addAction(self._action(tr("全选(&L)"), editor.selectAll, QKeySequence.StandardKey.SelectAll))
        menu.addSeparator()
        menu.addAction(self._action(tr("查找(&F)…"), lambda: window.find_dialog.open_for(False), "Ctrl+F"))
        menu.addAction(self._action(tr("替换(&H)…"), lambda: window.find_dialog.open_for(True), "Ctrl+H"))
        menu.addAction(self._action(tr("查找下一处"), lambda: window.find_dialog.find_next(), "F3"))
        menu.addAction(self._action(tr("查找上一处"), lambda: window.find_dialog.find_previous(), "Shift+F3"))
        # file_lines is made after the menus (it needs the status bar filled first): looked up late.
        menu.addAction(self._action(tr("转到行(&G)…"), lambda: window.file_lines.ask_goto_line(), "Ctrl+G"))
        menu.addSeparator()
        outline_menu = menu.addMenu(tr("大纲"))
        outline_menu.addActions(list(window.outline.actions_by_name.values()))
        menu.addAction(self._action(tr("全文重新编号"), window.renumber_all))

    def _fill_view_menu(self, menu: QMenu) -> None:
        window = self.window
        for dock in (window.outline, window.problems, window.themes):
            menu.addAction(dock.toggleViewAction())
        menu.addSeparator()
        window.zoom.add_to(menu)  # 放大/缩小/恢复默认大小 (Ctrl+=/-/0), 字号…

    def _fill_check_menu(self, menu: QMenu) -> None:
        window, tr = self.window, self.window.tr
        menu.addAction(self._action(tr("重新检查"), window.recheck, "F7"))
        menu.addAction(self._action(tr("下一个问题"), lambda: window.step_problem(+1), "F8"))
        menu.addAction(self._action(tr("上一个问题"), lambda: window.step_problem(-1), "Shift+F8"))

    def _fill_tools_menu(self, menu: QMenu) -> None:
        window, tr = self.window, self.window.tr
        self.compare_action = self._action(tr("与上一年度比对…"), self._open_compare)
        menu.addAction(self.compare_action)
        menu.addAction(self._action(tr("本单位词典…"), window.show_user_words))

    def _open_compare(self) -> None:
        from desktop.app.compare_view import open_compare

        open_compare(self.window)

    def _fill_reference_menu(self, menu: QMenu) -> None:
        """对标上级要点 (``align_view``) and the writer's reference library (``references_dialog``)."""
        window, tr = self.window, self.window.tr

        def align() -> None:
            from desktop.app.align_view import open_align

            open_align(window)

        def references() -> None:
            from desktop.app.references_dialog import open_references

            open_references(window)

        menu.addAction(self._action(tr("对标上级要点…"), align))
        menu.addAction(self._action(tr("参考资料库…"), references))

    def _fill_help_menu(self, menu: QMenu) -> None:
        window, tr = self.window, self.window.tr
        menu.addAction(self._action(tr("使用说明(&G)"), lambda: _show_guide(window), "F1"))
        menu.addSeparator()
        menu.addAction(self._action(tr("关于(&A)"), self._about))

    def _about(self) -> None:
        window = self.window
        QMessageBox.about(
            window,
            window.tr("关于"),
            window.tr("要点编写助手\n帮助教育局起草、检查年度教育工作要点，并导出公文格式文档。"),
        )


def _show_guide(window: MainWindow) -> None:
    """帮助 → 使用说明 (F1); the guide's module is read when first asked for."""
    from desktop.app.help_dialog import show_guide

    show_guide(window)
