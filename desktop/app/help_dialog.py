"""帮助 → 使用说明 (F1), and “这条规则是什么意思” for any finding.

The guide is a Markdown page shipped as data (``resources/help/guide.md``), so it is read and
corrected like any text. The parts that would go stale if written by hand are filled in when it
is shown: the keyboard shortcuts are read from the window's own menus, and the rule list and each
rule's reference come from the rule registry, the same data ``plandesk rules`` prints.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QMenuBar,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.data import resource_path

if TYPE_CHECKING:
    from checks.rule import Rule

GUIDE = ("help", "guide.md")
SHORTCUTS_MARK = "<!-- 快捷键 -->"
RULES_MARK = "<!-- 规则一览 -->"
_MNEMONIC = re.compile(r"\(&\w\)|&(?=\w)")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# Keys that act without a menu entry of their own, named where a writer looks for them.
EXTRA_KEYS = (("视图", "按住 Ctrl 滚动鼠标滚轮", "放大或缩小正文"),)


def _plain(label: str) -> str:
    """A menu label as read aloud: without its mnemonic (“保存(&S)” → “保存”)."""
    return _MNEMONIC.sub("", label).strip()


def menu_shortcuts(menu_bar: QMenuBar) -> list[tuple[str, str, str]]:
    """(menu, command, keys) of every menu command that has a shortcut, in menu order."""
    rows: list[tuple[str, str, str]] = []

    def visit(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            if action.isSeparator():
                continue
            if action.menu() is not None:
                visit(action.menu(), f"{path} → {_plain(action.text())}")
                continue
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
            if keys:
                rows.append((path, _plain(action.text()), " 或 ".join(keys)))

    for action in menu_bar.actions():
        if action.menu() is not None:
            visit(action.menu(), _plain(action.text()))
    return rows


def shortcuts_markdown(menu_bar: QMenuBar | None) -> str:
    rows = menu_shortcuts(menu_bar) if menu_bar is not None else []
    rows += [(menu, keys, what) for menu, keys, what in EXTRA_KEYS]
    lines = ["| 菜单 | 命令 | 快捷键 |", "|---|---|---|"]
    lines += [f"| {menu} | {command} | {keys} |" for menu, command, keys in rows]
    return "\n".join(lines)


def rules_table_markdown() -> str:
    """Every rule: code, severity and title, in registry order (``plandesk rules``)."""
    from checks.rules import ALL_RULES

    lines = ["| 代码 | 级别 | 名称 |", "|---|---|---|"]
    lines += [f"| {r.code} | {r.severity.label} | {r.title} |" for r in ALL_RULES]
    return "\n".join(lines)


def guide_markdown(menu_bar: QMenuBar | None = None) -> str:
    """The guide with its shortcut table (from ``menu_bar``) and rule list filled in."""
    text = resource_path(*GUIDE).read_text(encoding="utf-8")
    return text.replace(SHORTCUTS_MARK, shortcuts_markdown(menu_bar)).replace(
        RULES_MARK, rules_table_markdown()
    )


def _explanation(rule: type[Rule]) -> list[str]:
    """The Chinese paragraphs of the rule's docstring after its first line (the “why”)."""
    doc = (rule.__doc__ or "").strip()
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", doc)[1:]]
    return [p for p in paragraphs if len(_CJK.findall(p)) * 2 > len(p.replace(" ", ""))]


def _example(text: str) -> list[str]:
    """A sample text as a quoted block, line for line (a code block would set CJK in a tiny
    monospace fallback)."""
    return [f"> {line}  " if line else ">" for line in text.split("\n")]


def rule_markdown(code: str) -> str:
    """The reference of one rule, as ``plandesk rules --json`` describes it; a note if unknown."""
    from checks.rules import rule_by_code

    rule = rule_by_code(code)
    if rule is None:
        return f"# {code}\n\n没有代码为 {code} 的规则。"
    out = [f"# {rule.code} {rule.title}", "", f"**级别**：{rule.severity.label}　**依据**：{rule.basis}", ""]
    out += [rule.description(), ""]
    for paragraph in _explanation(rule):
        out += [paragraph, ""]
    if rule.bad:
        out += ["## 错误示例", "", *_example(rule.bad), ""]
    if rule.good:
        out += ["## 正确示例", "", *_example(rule.good), ""]
    if rule.options:
        out += ["## 参数", "", "| 参数 | 默认值 | 含义 |", "|---|---|---|"]
        out += [f"| {rule.code}.{o.name} | {o.default} | {o.help} |" for o in rule.options]
        first = rule.options[0]
        out += [
            "",
            f"参数写在检查配置文件（checks.yaml）中，如 `{rule.code}.{first.name}: {first.default}`。",
            "",
        ]
    out += [f"命令行中不运行这条规则：`plandesk check --ignore {rule.code} 要点.docx`。"]
    return "\n".join(out)


class HelpDialog(QDialog):
    """A modeless page of Markdown: the guide or a rule's reference."""

    def __init__(self, title: str, markdown: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setMarkdown(markdown)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(*_fitting_size(parent, 860, 680))

    def text(self) -> str:
        """What the page says, as plain text (tests and screen readers)."""
        return self.browser.toPlainText()


def _fitting_size(parent: QWidget | None, width: int, height: int) -> tuple[int, int]:
    screen = parent.screen() if parent is not None else None
    if screen is None:
        return width, height
    area = screen.availableGeometry()
    return min(width, area.width() - 40), min(height, area.height() - 80)


def _show(parent: QWidget, name: str, title: str, markdown: str) -> HelpDialog:
    """One dialog per page and window: asking again brings it to the front with fresh content."""
    dialog = parent.findChild(HelpDialog, name, Qt.FindChildOption.FindDirectChildrenOnly)
    if dialog is None:
        dialog = HelpDialog(title, markdown, parent)
        dialog.setObjectName(name)
    else:
        dialog.setWindowTitle(title)
        dialog.browser.setMarkdown(markdown)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def show_guide(window: QMainWindow) -> HelpDialog:
    """帮助 → 使用说明 (F1)."""
    return _show(window, "guide", window.tr("使用说明"), guide_markdown(window.menuBar()))


def show_rule(parent: QWidget, code: str) -> HelpDialog:
    """“这条规则是什么意思”: the rule's title, basis, examples and options."""
    return _show(parent, "rule", parent.tr("规则说明 %1").replace("%1", code), rule_markdown(code))
