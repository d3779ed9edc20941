"""帮助 → 使用说明 (F1) and “这条规则是什么意思”: shipped Chinese help and the rule registry's reference."""

from __future__ import annotations

import functools
import json
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt

from desktop.app.help_dialog import HelpDialog, guide_markdown, rule_markdown
from desktop.data import resource_path

pytestmark = pytest.mark.gui


@functools.cache
def _rules_json() -> dict[str, dict]:
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "rules", "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    return {r["code"]: r for r in json.loads(result.stdout)["rules"]}


def test_f1_shows_the_guide_with_every_family_and_the_real_shortcuts(window, qtbot):
    window.activateWindow()
    qtbot.keyClick(window.editor, Qt.Key.Key_F1)
    dialog = window.findChild(HelpDialog, "guide")
    assert dialog is not None and dialog.isVisible()
    text = dialog.text()
    table = dialog.browser.toMarkdown()  # table cells are rows of Markdown, one per command
    for heading in (
        "以去年要点新建",
        "导出公文",
        "快捷键",
        "S 结构与编号",
        "P 标点",
        "N 数字与目标",
        "D 日期与届次",
        "W 用词",
        "T 主题",
    ):
        assert heading in text, heading
    # The shortcut table is read from the menus, so it cannot drift from them.
    for command, keys in (
        ("查找", "Ctrl+F"),
        ("替换", "Ctrl+H"),
        ("查找下一处", "F3"),
        ("重做", "Ctrl+Y"),
        ("使用说明", "F1"),
    ):
        assert any(command in line and keys in line for line in table.splitlines()), command
    qtbot.keyClick(window.editor, Qt.Key.Key_F1)  # asked again: the same window, not a second one
    assert len(window.findChildren(HelpDialog)) == 1


def test_the_guide_lists_every_rule_and_ships_as_data():
    assert resource_path("help", "guide.md").is_file()
    text = guide_markdown()
    for code in _rules_json():
        assert f"| {code} |" in text


def test_rule_reference_from_a_finding(settle, window):
    window.editor.load_text("2024年教育工作要点\n一、加强党建\n1.抓学习,抓落实。\n2.抓班子。\n2.抓队伍。\n")
    settle(window)
    codes = [f.code for f in window.problems.model.findings]
    assert "S002" in codes
    window.problems.select_row(
        next(
            r
            for r in range(window.problems.proxy.rowCount())
            if window.problems.visible_findings()[r].code == "S002"
        )
    )
    assert window.problems.rule_button.isEnabled()
    dialog = window.problems.explain_current_rule()
    text = dialog.text()
    rule = _rules_json()["S002"]
    assert rule["title"] in text and rule["basis"] in text
    for line in rule["bad"].splitlines() + rule["good"].splitlines():
        assert line in text
    assert "错误示例" in text and "正确示例" in text


def test_rule_reference_lists_options():
    rules = _rules_json()
    code = next(c for c, r in rules.items() if r["options"])
    text = rule_markdown(code)
    for option in rules[code]["options"]:
        assert option["key"] in text and option["help"] in text
    assert "没有代码为" in rule_markdown("X999")


def test_every_menu_command_with_a_key_shows_it(window):
    """Word/WPS habits: the keys a writer expects are in the menus, where they can be seen."""
    from desktop.app.help_dialog import menu_shortcuts

    shown = {(command, keys) for _, command, keys in menu_shortcuts(window.menuBar())}
    for command, keys in (
        ("查找", "Ctrl+F"),
        ("替换", "Ctrl+H"),
        ("查找下一处", "F3"),
        ("查找上一处", "Shift+F3"),
        ("保存", "Ctrl+S"),
        ("撤销", "Ctrl+Z"),
        ("重做", "Ctrl+Y"),
        ("放大", "Ctrl+="),
    ):
        assert any(c.startswith(command) and keys in k for c, k in shown), (command, keys)


def test_f3_repeats_the_search_from_the_editor(window, qtbot):
    window.editor.load_text("加强党建。\n推进改革。\n加强党建，推进改革。\n")
    window.find_dialog.find_edit.setText("推进改革")
    window.activateWindow()
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_F3)
    first = window.editor.textCursor().selectionStart()
    qtbot.keyClick(window.editor, Qt.Key.Key_F3)
    second = window.editor.textCursor().selectionStart()
    assert window.editor.textCursor().selectedText() == "推进改革"
    assert second > first
    qtbot.keyClick(window.editor, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window.editor.textCursor().selectionStart() == first


def test_right_click_on_an_underlined_word_offers_its_fix_and_rule(settle, window, qtbot):
    text = "2024年教育工作要点\n一、加强党建\n1.抓学习,抓落实。\n"
    window.editor.load_text(text)
    settle(window)
    comma = window.editor.toPlainText().index(",")
    menu = window.editor.context_menu(comma)
    qtbot.addWidget(menu)
    labels = [a.text() for a in menu.actions()]
    assert "应用修复（P002）" in labels and "P002 这条规则是什么意思" in labels
    assert "重做(&R)" in labels  # the editing entries follow
    next(a for a in menu.actions() if a.text() == "P002 这条规则是什么意思").trigger()
    assert "中文中使用半角标点" in window.findChild(HelpDialog, "rule").text()
    next(a for a in menu.actions() if a.text() == "应用修复（P002）").trigger()
    assert "抓学习，抓落实。" in window.editor.toPlainText()
    window.editor.undo()
    assert window.editor.toPlainText() == text
