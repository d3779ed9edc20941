"""The export review dialog: what should not be printed, and the 错误 still open, before an export.

Kept apart from ``export_flow.py`` (which runs the export) because it is the one screen of the
flow the writer reads: the blockers (half-width punctuation, hyphen ranges, leading-zero dates,
[2026]-style document numbers …) with the line each is on, the prompts (a 版记 missing its 印发
row), and the first few 错误 the problems panel shows — those do not stop an export (a 序号跳号
prints as it is), but a writer about to send the 公文 should know. The writer fixes all as one
undoable step, exports as is, or goes back; double-clicking a row goes back to that place. The
export kinds and their names live here too, since the dialog names the kind being exported.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from checks.finding import Finding

DOCX, NOTICE, TASKS, PDF = "docx", "notice", "tasks", "pdf"
KIND_LABELS = {DOCX: "公文", NOTICE: "印发通知", TASKS: "任务分解表", PDF: "PDF"}
ERRORS_LISTED = 5  # open 错误 listed in the review; the rest are in the problems panel


class BlockersDialog(QDialog):
    """Lists the blockers; the writer chooses: fix all (one undo step), export as is, or cancel."""

    FIX, AS_IS = 10, 11  # dialog results besides Rejected

    def __init__(
        self,
        blockers: list[Finding],
        kind: str,
        parent: QWidget | None = None,
        warnings: list[str] | tuple[str, ...] = (),
        errors: Sequence[Finding] = (),
        position: Callable[[Finding], tuple[int, int]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.blockers = blockers
        self.errors = list(errors)[:ERRORS_LISTED]
        self._position = position or (lambda finding: (finding.line, finding.column))
        self.setWindowTitle(self.tr("导出前请检查"))
        self.resize(640, 380)
        fixable = sum(1 for b in blockers if b.all_fixes())
        intro = QLabel(
            self.tr("以下 %1 处不宜印在%2上（半角标点、连字符范围、日期前导零、〔〕文号等）。")
            .replace("%1", str(len(blockers)))
            .replace("%2", self.tr(KIND_LABELS.get(kind, "公文")))
        )
        intro.setWordWrap(True)
        intro.setVisible(bool(blockers))
        self.warnings = QLabel("\n".join(self.tr("提示：") + w for w in warnings))
        self.warnings.setWordWrap(True)
        self.warnings.setVisible(bool(warnings))
        self.list = QTreeWidget()
        self.list.setVisible(bool(blockers))
        self.list.setHeaderLabels([self.tr("位置"), self.tr("代码"), self.tr("说明")])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._fill(self.list, blockers)
        self.list.itemDoubleClicked.connect(lambda item, _c: self._go_to(self.blockers, self.list, item))
        more = len(errors) - len(self.errors)
        self.errors_label = QLabel(
            self.tr("另有 %1 个错误尚未处理（不影响导出，但建议先修改）").replace("%1", str(len(errors)))
            + (
                self.tr("；下列前 %1 个，其余见“问题”面板：").replace("%1", str(len(self.errors)))
                if more
                else "："
            )
        )
        self.errors_label.setWordWrap(True)
        self.errors_list = QTreeWidget()
        self.errors_list.setHeaderLabels([self.tr("位置"), self.tr("代码"), self.tr("说明")])
        self.errors_list.setRootIsDecorated(False)
        self._fill(self.errors_list, self.errors)
        self.errors_list.setMaximumHeight(self.errors_list.sizeHintForRow(0) * (len(self.errors) + 1) + 8)
        self.errors_list.itemDoubleClicked.connect(
            lambda item, _c: self._go_to(self.errors, self.errors_list, item)
        )
        for widget in (self.errors_label, self.errors_list):
            widget.setVisible(bool(errors))
        self.jump_to: Finding | None = None
        buttons = QDialogButtonBox()
        self.fix_button = QPushButton(self.tr("全部修正后导出（可撤销）"))
        self.fix_button.setEnabled(fixable > 0)
        self.as_is_button = QPushButton(self.tr("照原样导出") if blockers else self.tr("继续导出"))
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
        note.setVisible(bool(blockers) or bool(errors))
        if not blockers:  # prompts and open errors only: a short dialog, nothing to fix here
            self.fix_button.setVisible(False)
            note.setText(self.tr("双击某处可跳到原文。"))
            self.as_is_button.setDefault(True)
            self.resize(560, 150 if not errors else 240)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(self.warnings)
        layout.addWidget(self.errors_label)
        layout.addWidget(self.errors_list)
        layout.addWidget(note)
        if not blockers:
            layout.addStretch(1)
        layout.addWidget(buttons)

    def _fill(self, tree: QTreeWidget, findings: Sequence[Finding]) -> None:
        """One row per finding, at the line the problems panel and ``plandesk check`` name."""
        for finding in findings:
            line, _ = self._position(finding)
            row = QTreeWidgetItem(
                [self.tr("第 %1 行").replace("%1", str(line)), finding.code, finding.message]
            )
            row.setToolTip(2, f"{finding.message}\n{finding.excerpt}")
            tree.addTopLevelItem(row)
        for column in (0, 1):
            tree.resizeColumnToContents(column)

    def _go_to(self, findings: list[Finding], tree: QTreeWidget, item: QTreeWidgetItem) -> None:
        self.jump_to = findings[tree.indexOfTopLevelItem(item)]
        self.reject()
