"""The Compare window: last year's plan on the left, the draft on the right, row against row.

The core (``desktop.plan.compare``) does all the work off the GUI thread; this module shows its
rows in one table of two text columns, so both sides always scroll together and a row is as tall
as the longer of its two texts. Edited text shows an inline character diff (deleted characters
struck through in red on the left, inserted ones green on the right). Clicking a row, a target
change or a carried-over sentence moves the main editor to that place in the draft.

Last year's plan is remembered with the draft under ``extra["last_year"]`` (saved in .plan.yaml).
"""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QRectF, QRunnable, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.plan.errors import InputError

if TYPE_CHECKING:
    from desktop.app.main_window import MainWindow
    from desktop.plan.compare import Comparison, Row
    from desktop.plan.model import Metadata

logger = logging.getLogger(__name__)
LAST_YEAR_KEY = "last_year"
OPEN_FILTER = "要点文件 (*.txt *.docx *.plan.yaml);;草稿 (*.plan.yaml);;Word 文档 (*.docx);;文本 (*.txt)"
COLOURS = {  # row background by kind of change
    "unchanged": "#ffffff",
    "edited": "#fff6d6",
    "moved": "#e3eefc",
    "added": "#e2f5e1",
    "removed": "#fbe3e3",
}
_SPAN_ROLE = Qt.ItemDataRole.UserRole + 1
_PREVIEW = 70  # characters of an unchanged node shown in its row


class _Signals(QObject):
    done = Signal(object, str)  # Comparison | None, error message


class _CompareTask(QRunnable):
    """Loads last year's plan, parses the draft snapshot and compares them (never on the GUI thread)."""

    def __init__(self, signals: _Signals, old_path: str, text: str, overrides: Metadata | None) -> None:
        super().__init__()
        self._signals, self._args = signals, (old_path, text, overrides)

    def run(self) -> None:
        old_path, text, overrides = self._args
        try:
            from desktop.plan.compare import compare_plans
            from desktop.plan.parse import parse
            from desktop.plan.read.loader import load_plan

            _source, old_plan = load_plan(old_path)
            result = compare_plans(old_plan, parse(text, overrides))
        except InputError as error:
            self._signals.done.emit(None, error.message)
            return
        except Exception:  # the core must not take the window down with it
            logger.exception("compare failed")
            self._signals.done.emit(None, "比对出错，请查看日志。")
            return
        self._signals.done.emit(result, "")


class HtmlDelegate(QStyledItemDelegate):
    """Paints cells whose text is HTML (the inline diff) and sizes rows to the wrapped text."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        document.setTextWidth(max(50, option.rect.width() - 8))
        return document

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        self.initStyleOption(option, index)
        html_text = option.text
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        option.text = html_text
        document = self._document(option, index)
        painter.save()
        painter.translate(option.rect.left() + 4, option.rect.top() + 2)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.Text))
        painter.setClipRect(QRectF(0, 0, option.rect.width() - 4, option.rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        self.initStyleOption(option, index)
        view = option.widget
        if isinstance(view, QTableWidget):
            option.rect.setWidth(view.columnWidth(index.column()))
        document = self._document(option, index)
        return QSize(int(document.idealWidth()) + 8, int(document.size().height()) + 4)


def _escape(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _cell(path: str, body: str, note: str = "") -> str:
    head = f"<b>{html.escape(path)}</b>"
    if note:
        head += f" <span style='color:#666666'>{html.escape(note)}</span>"
    return f"{head}<br>{body}"


def _preview(text: str) -> str:
    return _escape(text if len(text) <= _PREVIEW else text[:_PREVIEW] + "…")


def row_cells(row: Row) -> tuple[str, str, str]:
    """(left HTML, middle label, right HTML) of one row: the inline diff for edited text."""
    from desktop.plan.compare import ChangeKind

    kind = row.kind
    label = kind.label
    pair = row.pair
    if pair is not None and pair.edited:
        old_html, new_html = [], []
        for op in pair.diff:
            if op.op == "equal":
                old_html.append(_escape(op.old))
                new_html.append(_escape(op.new))
                continue
            if op.old:
                old_html.append(
                    f"<span style='background:#f7b9b9;text-decoration:line-through'>{_escape(op.old)}</span>"
                )
            if op.new:
                new_html.append(f"<span style='background:#a8e4a0'>{_escape(op.new)}</span>")
        left, right = "".join(old_html), "".join(new_html)
        label += f"\n{pair.similarity:.0%}"
    else:
        left = _preview(row.old.text) if row.old else ""
        right = _preview(row.new.text) if row.new else ""
    if kind is ChangeKind.MOVED and pair is not None:
        label += "\n" + ("跨部分" if pair.other_section else "调位置")
    left_html = _cell(row.old.path, left) if row.old else ""
    right_html = _cell(row.new.path, right) if row.new else ""
    return left_html, label, right_html


class CompareWindow(QMainWindow):
    """Side-by-side comparison of last year's plan with the draft in ``main``."""

    jump_requested = Signal(int, int)  # start, end offsets in the draft
    comparison_shown = Signal(object)  # Comparison
    failed = Signal(str)

    def __init__(self, main: MainWindow) -> None:
        super().__init__(main, Qt.WindowType.Window)
        self.main = main
        self.result: Comparison | None = None
        self.setWindowTitle(self.tr("与去年要点比对"))
        self.resize(1280, 820)
        self._signals = _Signals(self)
        self._signals.done.connect(self._on_done)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pending = False

        self.title = QLabel()
        self.summary = QLabel(self.tr("比对中…"))
        self.summary.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.choose_button = QPushButton(self.tr("更换去年要点…"))
        self.choose_button.clicked.connect(lambda: self.choose_last_year() and self.refresh())
        self.refresh_button = QPushButton(self.tr("重新比对"))
        self.refresh_button.clicked.connect(self.refresh)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.summary)
        titles.addWidget(self.title)
        header.addLayout(titles, 1)
        header.addWidget(self.choose_button)
        header.addWidget(self.refresh_button)
        legend = QHBoxLayout()
        for kind, name in (
            ("unchanged", "未改"),
            ("edited", "修改"),
            ("moved", "移动"),
            ("added", "新增"),
            ("removed", "删除"),
        ):
            swatch = QLabel(f" {name} ")
            swatch.setStyleSheet(f"background:{COLOURS[kind]}; border:1px solid #bbbbbb; padding:1px 6px;")
            legend.addWidget(swatch)
        legend.addStretch(1)

        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("去年"), self.tr("变化"), self.tr("今年（草稿）")])
        self.table.setItemDelegateForColumn(0, HtmlDelegate(self.table))
        self.table.setItemDelegateForColumn(2, HtmlDelegate(self.table))
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 64)
        head.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.cellClicked.connect(self._row_clicked)

        self.targets = QListWidget()
        self.targets.itemClicked.connect(self._item_clicked)
        self.carried = QListWidget()
        self.carried.itemClicked.connect(self._item_clicked)
        lists = QSplitter(Qt.Orientation.Horizontal)
        for title, widget in (
            (self.tr("指标变化"), self.targets),
            (self.tr("原样沿用、仍指向去年的表述"), self.carried),
        ):
            box = QWidget()
            layout = QVBoxLayout(box)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(QLabel(f"<b>{title}</b>"))
            layout.addWidget(widget)
            lists.addWidget(box)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lists)
        splitter.setSizes([600, 180])

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(header)
        layout.addLayout(legend)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.jump_requested.connect(self._jump)

    # Last year's plan ------------------------------------------------------------------------------
    def last_year_path(self) -> str:
        value = self.main.files.draft.extra.get(LAST_YEAR_KEY)
        return str(value) if value else ""

    def set_last_year(self, path: str | Path) -> None:
        """Remember last year's plan with the draft (saved in its .plan.yaml as ``last_year``)."""
        resolved = str(Path(path).resolve())
        if self.main.files.draft.extra.get(LAST_YEAR_KEY) != resolved:
            self.main.files.draft.extra[LAST_YEAR_KEY] = resolved
            self.main.editor.document().setModified(True)

    def choose_last_year(self) -> bool:
        start = self.last_year_path() or self.main.settings.last_folder()
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择去年的要点"), start, self.tr(OPEN_FILTER))
        if not path:
            return False
        self.set_last_year(path)
        return True

    # Comparing --------------------------------------------------------------------------------------
    def refresh(self) -> bool:
        """Compare the draft on screen with last year's plan, in the background."""
        old_path = self.last_year_path()
        if not old_path:
            self.summary.setText(self.tr("尚未选择去年的要点"))
            return False
        if self._pending:
            return True
        self._pending = True
        self.summary.setText(self.tr("比对中…"))
        text = self.main.editor.toPlainText()
        self._pool.start(_CompareTask(self._signals, old_path, text, self.main.files.draft.overrides))
        return True

    def wait_idle(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)

    def _on_done(self, result: Comparison | None, error: str) -> None:
        self._pending = False
        if result is None:
            self.summary.setText(self.tr("无法比对"))
            self.title.setText(error)
            self.failed.emit(error)
            return
        self.show_comparison(result)

    def show_comparison(self, result: Comparison) -> None:
        self.result = result
        old_name = Path(self.last_year_path()).name
        old_year = f"{result.old_plan.year}年" if result.old_plan.year else ""
        new_year = f"{result.new_plan.year}年" if result.new_plan.year else ""
        self.summary.setText(result.summary_line())
        self.title.setText(
            f"去年：{old_name} {old_year}　→　今年：{self.main.files.draft.display_name} {new_year}"
        )
        self._fill_rows(result)
        self._fill_lists(result)
        self.comparison_shown.emit(result)

    def _fill_rows(self, result: Comparison) -> None:
        table = self.table
        table.setUpdatesEnabled(False)
        table.clearContents()
        table.setRowCount(len(result.rows))
        anchor = 0
        for k, row in enumerate(result.rows):
            left, label, right = row_cells(row)
            colour = QColor(COLOURS[row.kind.value])
            if row.new is not None:
                anchor = row.new.node.span.start
            span = (row.new.node.span.start, row.new.node.own_span.end) if row.new else (anchor, anchor)
            for column, value in enumerate((left, label, right)):
                item = QTableWidgetItem(value)
                item.setBackground(colour)
                item.setData(_SPAN_ROLE, span)
                if column == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                table.setItem(k, column, item)
        table.setUpdatesEnabled(True)
        table.resizeRowsToContents()

    def _fill_lists(self, result: Comparison) -> None:
        self.targets.clear()
        for change in result.target_changes:
            if change.kind == "changed" and change.old and change.new:
                text = f"{change.subject}：{change.old.text} → {change.new.text}"
            elif change.new is not None:
                text = f"新增 {change.subject}：{change.new.text}"
            else:
                text = f"删去 {change.subject}：{change.old.text if change.old else ''}"
            item = QListWidgetItem(text)
            if change.new is not None:
                item.setData(_SPAN_ROLE, (change.new.span.start, change.new.span.end))
            self.targets.addItem(item)
        self.carried.clear()
        for found in result.carried_over:
            item = QListWidgetItem(f"第 {found.line} 行：{found.reason}")
            item.setToolTip(found.excerpt)
            item.setData(_SPAN_ROLE, (found.term_span.start, found.term_span.end))
            self.carried.addItem(item)

    # Jumping into the draft -----------------------------------------------------------------------------
    def _row_clicked(self, row: int, column: int) -> None:
        item = self.table.item(row, column)
        if item is not None:
            self._emit_jump(item.data(_SPAN_ROLE))

    def _item_clicked(self, item: QListWidgetItem) -> None:
        self._emit_jump(item.data(_SPAN_ROLE))

    def _emit_jump(self, span: object) -> None:
        if not span:
            return
        start, end = span  # type: ignore[misc]
        if self.result is not None and self.result.new_plan.text != self.main.editor.toPlainText():
            self.statusBar().showMessage(self.tr("草稿已改动，位置可能有偏差；可点“重新比对”。"), 5000)
        self.jump_requested.emit(int(start), int(end))

    def _jump(self, start: int, end: int) -> None:
        length = len(self.main.editor.toPlainText())
        self.main.jump_to(min(start, length), min(end, length))
        self.main.raise_()
        self.main.activateWindow()


def open_compare(window: MainWindow) -> CompareWindow | None:
    """Open (or bring back) the Compare window of ``window``; asks for last year's plan if needed.

    Returns None when the writer cancels the choice of last year's plan.
    """
    view = window.findChild(CompareWindow)
    if view is None:
        view = CompareWindow(window)
    remembered = view.last_year_path()
    if (not remembered or not Path(remembered).exists()) and not view.choose_last_year():
        return None
    view.show()
    view.raise_()
    view.refresh()
    return view
