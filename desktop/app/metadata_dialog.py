"""The metadata dialog: the 公文's own facts (title, 发文机关, dates, 主送, 抄送, 印发, 附件) and
the kind of plan (教育行政部门, 幼儿园, 义务教育学校…), which decides the themes checklist; and
the 版头 of the 印发通知 (发文机关标志, 发文字号, optional 份号/密级/紧急程度), which the notice
export prints (``NoticeHeadForm``, also shown on its own before that export).

What the parser read from the text is shown as a placeholder; what the writer types is stored as an
override with the draft (``Metadata.merged`` gives overrides precedence), so clearing a field
falls back to what the text says. The kind works the same way: “自动识别” stores nothing and
lets the text decide.
"""

from __future__ import annotations

import datetime

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.plan.export.notice import NoticeHead
from desktop.plan.model import Metadata, PlanKind

_TEXT_FIELDS = (
    ("title", "标题"),
    ("issuer", "发文机关"),
    ("date", "成文日期"),
    ("recipients", "主送机关"),
    ("printer", "印发机关"),
    ("print_date", "印发日期"),
    ("note", "附注"),
)
_LIST_FIELDS = (("cc", "抄送（每行一个）"), ("attachments", "附件（每行一个）"))
_KINDS = {k.value for k in PlanKind}


class NoticeHeadForm(QGroupBox):
    """The 版头's fields. 份号, 密级 and 紧急程度 are printed only when their box is ticked
    (GB/T 9704 7.2.1–7.2.3: most 要点 carry none), so a value typed once is not printed by
    accident on the next notice."""

    def __init__(self, head: NoticeHead, issuer: str = "", parent: QWidget | None = None) -> None:
        super().__init__(self.tr("版头（印发通知）"), parent)
        form = QFormLayout(self)
        self.sign = QLineEdit(head.sign)
        self.sign.setPlaceholderText(f"{issuer}文件" if issuer else self.tr("如：某某区教育局文件"))
        self.number = QLineEdit(head.number)
        year = datetime.date.today().year + (1 if datetime.date.today().month >= 10 else 0)
        self.number.setPlaceholderText(self.tr("如：某教发〔%1〕1号").replace("%1", str(year)))
        form.addRow(self.tr("发文机关标志") + "：", self.sign)
        form.addRow(self.tr("发文字号") + "：", self.number)
        self.optional: dict[str, tuple[QCheckBox, QLineEdit]] = {}
        for name, label, hint in (
            ("copy_no", "份号", "000001"),
            ("secrecy", "密级和保密期限", "秘密★1年"),
            ("urgency", "紧急程度", "特急"),
        ):
            box = QCheckBox(self.tr("印") + self.tr(label))
            edit = QLineEdit(getattr(head, name))
            edit.setPlaceholderText(hint)
            box.setChecked(bool(getattr(head, name)))
            edit.setEnabled(box.isChecked())
            box.toggled.connect(edit.setEnabled)
            form.addRow(box, edit)
            self.optional[name] = (box, edit)

    def head(self) -> NoticeHead:
        values = {n: e.text().strip() if b.isChecked() else "" for n, (b, e) in self.optional.items()}
        return NoticeHead(self.sign.text().strip(), self.number.text().strip(), **values)


class NoticeHeadDialog(QDialog):
    """The 版头 alone, asked before a notice export."""

    def __init__(self, head: NoticeHead, issuer: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("印发通知的版头"))
        self.setMinimumWidth(460)
        self.form = NoticeHeadForm(head, issuer, self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("导出"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)


class MetadataDialog(QDialog):
    """Edit the overrides; ``overrides()`` returns only what the writer set, ``head()`` the 版头
    (shown when the caller passes one, which it stores with the draft)."""

    def __init__(
        self,
        parsed: Metadata,
        overrides: Metadata,
        parent: QWidget | None = None,
        head: NoticeHead | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("公文信息"))
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        self.text_edits: dict[str, QLineEdit] = {}
        for name, label in _TEXT_FIELDS:
            edit = QLineEdit(str(getattr(overrides, name) or ""))
            edit.setPlaceholderText(str(getattr(parsed, name) or ""))
            form.addRow(self.tr(label) + "：", edit)
            self.text_edits[name] = edit
        self.year_box = QSpinBox()
        self.year_box.setRange(0, 2100)
        self.year_box.setSpecialValueText(self.tr("（按正文：%1）").replace("%1", str(parsed.year or "未知")))
        self.year_box.setValue(overrides.year or 0)
        form.insertRow(1, self.tr("年度") + "：", self.year_box)
        self.kind_box = QComboBox()
        # ``parsed`` already holds the overrides; only without one does it say what the text says.
        recognised = parsed.kind if not overrides.kind and parsed.kind in _KINDS else ""
        auto = self.tr("自动识别")
        if recognised:
            auto += self.tr("（识别为：%1）").replace("%1", self.tr(PlanKind(recognised).label))
        self.kind_box.addItem(auto, "")
        for kind in PlanKind:
            self.kind_box.addItem(self.tr(kind.label), kind.value)
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(overrides.kind)))
        self.kind_box.setToolTip(self.tr("计划的类别决定主题清单：如双减属义务教育，幼儿园按五大领域"))
        form.insertRow(2, self.tr("计划类别") + "：", self.kind_box)
        self.list_edits: dict[str, QPlainTextEdit] = {}
        for name, label in _LIST_FIELDS:
            edit = QPlainTextEdit("\n".join(getattr(overrides, name)))
            edit.setPlaceholderText("\n".join(getattr(parsed, name)))
            edit.setFixedHeight(70)
            form.addRow(self.tr(label) + "：", edit)
            self.list_edits[name] = edit
        self.head_form = NoticeHeadForm(head, parsed.issuer, self) if head is not None else None
        if self.head_form is not None:
            form.addRow(self.head_form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def overrides(self) -> Metadata:
        values: dict[str, object] = {n: e.text().strip() for n, e in self.text_edits.items()}
        for name, edit in self.list_edits.items():
            values[name] = tuple(line.strip() for line in edit.toPlainText().splitlines() if line.strip())
        values["year"] = self.year_box.value() or None
        values["kind"] = str(self.kind_box.currentData() or "")
        return Metadata(**values)  # type: ignore[arg-type]

    def head(self) -> NoticeHead | None:
        return self.head_form.head() if self.head_form is not None else None
