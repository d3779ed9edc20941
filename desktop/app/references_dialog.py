"""参考 → 参考资料库…: the writer's 范本 (peer plans) and 上级要点 (the superior's plans).

The dialog lists the entries of ``desktop.plan.references.library`` with what each is (issuer,
year, kind of plan) and shows the outline of the one selected, so the writer sees that a file was
read as a plan before relying on it. Files are added with a file dialog or by drag and drop; text
copied out of a PDF or a web page is pasted into a small dialog. A file that cannot be used is
named in a message inside the dialog, and nothing is stored.

When the peer set changes the themes panel must learn from the new set: the dialog emits
``peers_changed``; :func:`open_references` then computes the new peer statistics on the window's
``Jobs`` (a second or so, cached on disk afterwards) and rechecks the draft when they are ready.
"""

from __future__ import annotations

import logging
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.plan.errors import InputError
from desktop.plan.model import PlanKind
from desktop.plan.references.library import ROLE_LABELS, Entry, Library

if TYPE_CHECKING:
    from desktop.app.main_window import MainWindow

logger = logging.getLogger(__name__)

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
FILE_FILTER = "要点文件 (*.docx *.txt);;所有文件 (*)"


class PasteDialog(QDialog):
    """Text copied out of a PDF or a web page, with a name for it."""

    def __init__(self, parent: QWidget | None = None, role_label: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("粘贴文字") + (f"（{self.tr('添加为')}{role_label}）" if role_label else "")
        )
        self.resize(640, 480)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("名称（可不填，默认取标题）"))
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(
            self.tr("把从 PDF 或网页复制的要点全文粘贴在这里。网页的导航、发布时间、分享栏等会自动去除。")
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("添加"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.name)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)


class ReferencesDialog(QDialog):
    """List, add and remove the entries of the reference library."""

    peers_changed = Signal()  # the peer set changed: the themes must learn from it again
    entries_changed = Signal()

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.setWindowTitle(self.tr("参考资料库"))
        self.setObjectName("references_dialog")
        self.resize(1000, 600)
        self.setAcceptDrops(True)

        intro = QLabel(
            self.tr(
                "范本：兄弟区县或同类学校的要点，“主题”面板的覆盖比较和建议从中学习（没有范本时用内置的 4 份）。"
                "上级要点：上级部门同年度的要点，用于“对标上级要点”。"
            )
        )
        intro.setWordWrap(True)
        self.role_box = QComboBox()
        for role, label in ROLE_LABELS.items():
            self.role_box.addItem(self.tr(label), role)
        self.add_file_button = QPushButton(self.tr("添加文件…"))
        self.paste_button = QPushButton(self.tr("粘贴文字…"))
        self.remove_button = QPushButton(self.tr("删除"))
        self.add_file_button.clicked.connect(lambda: self.add_files(self._ask_files()))
        self.paste_button.clicked.connect(self._paste)
        self.remove_button.clicked.connect(lambda: self.remove_selected(confirm=True))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("添加为：")))
        bar.addWidget(self.role_box)
        bar.addWidget(self.add_file_button)
        bar.addWidget(self.paste_button)
        bar.addStretch(1)
        bar.addWidget(self.remove_button)

        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(
            [
                self.tr("名称"),
                self.tr("用途"),
                self.tr("发文机关"),
                self.tr("年份"),
                self.tr("类别"),
                self.tr("添加时间"),
            ]
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 3, 4, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # An issuer can be two bodies' names (联合发文): shown cut, whole in the tooltip.
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 170)
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.outline_title = QLabel()
        self.outline_title.setWordWrap(True)
        self.outline = QTreeWidget()
        self.outline.setHeaderHidden(True)
        self.outline.setIndentation(14)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.outline_title)
        right_layout.addWidget(self.outline, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setSizes([600, 380])
        self.empty_label = QLabel(
            self.tr(
                "资料库还是空的。点“添加文件…”选择 .docx 或 .txt，或点“粘贴文字…”粘贴从 PDF、网页复制的要点。"
            )
        )
        self.empty_label.setWordWrap(True)
        # Too few peers of a kind: the themes use the shipped ones too, and the writer is told.
        self.peers_note = QLabel()
        self.peers_note.setWordWrap(True)
        self.peers_note.setStyleSheet("color: #8a5a00;")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(bar)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.peers_note)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.refresh()

    # -- the list ---------------------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        """Read the library again and show its entries (selecting ``select``, an entry id)."""
        entries = self.library.entries()
        self.table.clear()
        for entry in entries:
            item = QTreeWidgetItem(
                [
                    entry.name,
                    self.tr(entry.role_label),
                    entry.issuer or self.tr("（不详）"),
                    str(entry.year) if entry.year else self.tr("不详"),
                    self.tr(PlanKind(entry.kind).label) if entry.kind else self.tr("未识别"),
                    entry.added[:10],
                ]
            )
            item.setToolTip(2, entry.issuer)
            item.setToolTip(5, entry.added.replace("T", " "))
            item.setData(0, ENTRY_ROLE, entry)
            item.setToolTip(0, f"{entry.title}\n{self.tr('来源：')}{entry.source_name}")
            self.table.addTopLevelItem(item)
            if entry.id == select:
                self.table.setCurrentItem(item)
        self.empty_label.setVisible(not entries)
        self._show_peers_note(entries)
        if self.table.currentItem() is None and entries:
            self.table.setCurrentItem(self.table.topLevelItem(len(entries) - 1))
        self._show_selected()

    def _show_peers_note(self, entries: list[Entry]) -> None:
        from checks.themes.peers import joining_note

        note = joining_note([e.kind for e in entries if e.role == "peer"])
        self.peers_note.setText(self.tr(note))
        self.peers_note.setVisible(bool(note))

    def entries_shown(self) -> list[Entry]:
        return [self.table.topLevelItem(i).data(0, ENTRY_ROLE) for i in range(self.table.topLevelItemCount())]

    def selected_entries(self) -> list[Entry]:
        return [item.data(0, ENTRY_ROLE) for item in self.table.selectedItems()]

    def _show_selected(self) -> None:
        """The outline of the selected entry: proof that the file was read as a plan."""
        selected = self.selected_entries()
        self.remove_button.setEnabled(bool(selected))
        self.outline.clear()
        if len(selected) != 1:
            self.outline_title.setText(self.tr("选中一个条目，这里显示它的提纲。") if not selected else "")
            return
        entry = selected[0]
        try:
            plan = self.library.plan(entry)
        except InputError as error:
            self.outline_title.setText(error.message)
            return
        counts = (
            self.tr("%1 个部分，%2 条")
            .replace("%1", str(len(plan.nodes)))
            .replace("%2", str(len(plan.items())))
        )
        self.outline_title.setText(
            f"<b>{escape(entry.title or entry.name)}</b>　<span style='color:#666666'>{counts}</span>"
        )
        for node in plan.nodes:
            self.outline.addTopLevelItem(self._outline_item(node, depth=0))
        self.outline.expandToDepth(0)

    def _outline_item(self, node, depth: int) -> QTreeWidgetItem:
        marker = node.marker.text if node.marker is not None else ""
        item = QTreeWidgetItem([f"{marker}{node.headline}".strip() or self.tr("（无标题）")])
        item.setToolTip(0, item.text(0))
        if depth < 2:  # the outline, not the whole plan
            for child in node.children:
                item.addChild(self._outline_item(child, depth + 1))
        return item

    # -- adding and removing ----------------------------------------------------------------

    def role(self) -> str:
        return str(self.role_box.currentData())

    def add_files(self, paths: list[Path]) -> list[Entry]:
        """Add each file as the chosen role; a file that cannot be used is named, the rest added."""
        added: list[Entry] = []
        problems: list[str] = []
        for path in paths:
            try:
                added.append(self.library.add(Path(path), self.role()))
            except InputError as error:
                problems.append(error.message)
        self._after_adding(added, problems)
        return added

    def add_text(self, text: str, name: str = "") -> Entry | None:
        """Add pasted text as the chosen role; None (and the reason shown) when it is not a plan."""
        try:
            entry = self.library.add(text, self.role(), name.strip() or None)
        except InputError as error:
            self._after_adding([], [error.message])
            return None
        self._after_adding([entry], [])
        return entry

    def _after_adding(self, added: list[Entry], problems: list[str]) -> None:
        lines = [self.tr("已添加：%1").replace("%1", "、".join(e.name for e in added))] if added else []
        self.message.setStyleSheet("color: #b00020;" if problems else "color: #2e7d32;")
        self.message.setText("\n".join([*problems, *lines]))
        if added:
            self.refresh(select=added[-1].id)
            self.entries_changed.emit()
            if any(e.role == "peer" for e in added):
                self.peers_changed.emit()

    def remove_selected(self, confirm: bool = False) -> None:
        """Drop the selected entries (after asking, when ``confirm``)."""
        selected = self.selected_entries()
        if not selected:
            return
        if confirm:
            names = "、".join(e.name for e in selected)
            answer = QMessageBox.question(
                self, self.tr("删除"), self.tr("从资料库删除“%1”？").replace("%1", names)
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        problems = []
        for entry in selected:
            try:
                self.library.remove(entry.id)
            except KeyError:
                pass  # removed meanwhile (plandesk refs, another window)
            except InputError as error:
                problems.append(error.message)
        if problems:
            self.message.setStyleSheet("color: #d32f2f;")
            self.message.setText("\n".join(problems))
        else:
            self.message.setStyleSheet("color: #2e7d32;")
            self.message.setText(self.tr("已删除：%1").replace("%1", "、".join(e.name for e in selected)))
        self.refresh()
        self.entries_changed.emit()
        if any(e.role == "peer" for e in selected):
            self.peers_changed.emit()

    def _ask_files(self) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("添加参考资料"), "", self.tr(FILE_FILTER))
        return [Path(n) for n in names]

    def _paste(self) -> None:
        dialog = PasteDialog(self, self.role_box.currentText())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_text(dialog.text.toPlainText(), dialog.name.text())

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        self.add_files(paths)


def open_references(window: MainWindow) -> ReferencesDialog:
    """Show the library for ``window``; a changed peer set is learned off the GUI thread, then the
    draft is checked again so the themes panel shows the new peers."""
    dialog = getattr(window, "references_dialog", None)
    if dialog is None:
        dialog = ReferencesDialog(Library.default(), window)
        dialog.peers_changed.connect(lambda: _learn_peers(window))
        window.references_dialog = dialog  # type: ignore[attr-defined]
    dialog.refresh()
    dialog.show()
    dialog.raise_()
    return dialog


def _learn_peers(window: MainWindow) -> None:
    from checks.themes import peer_stats

    window.jobs.submit(peer_stats, window, lambda _stats: window.recheck(), _peers_failed, lane="peers")


def _peers_failed(trace: str) -> None:
    logger.error("peer statistics failed:\n%s", trace)
