"""The main window's menu bar (``desktop/app/menus.py``): each menu once, every command where a
writer looks for it, and every shortcut on the menu entry itself, where it is shown."""

from __future__ import annotations

import pytest

from desktop.app.help_dialog import menu_shortcuts

pytestmark = pytest.mark.gui

MENUS = ["文件(&F)", "编辑(&E)", "视图(&V)", "检查(&C)", "工具(&T)", "参考(&R)", "帮助(&H)"]
SHORTCUTS = {
    ("文件", "新建"): "Ctrl+N",
    ("文件", "打开…"): "Ctrl+O",
    ("文件", "保存"): "Ctrl+S",
    ("文件", "另存为…"): "Ctrl+Shift+S",
    ("文件", "导出公文（.docx）…"): "Ctrl+E",
    ("文件", "退出"): "Ctrl+Q",
    ("编辑", "撤销"): "Ctrl+Z",
    ("编辑", "重做"): "Ctrl+Y",
    ("编辑", "剪切"): "Ctrl+X",
    ("编辑", "复制"): "Ctrl+C",
    ("编辑", "粘贴"): "Ctrl+V",
    ("编辑", "全选"): "Ctrl+A",
    ("编辑", "查找…"): "Ctrl+F",
    ("编辑", "替换…"): "Ctrl+H",
    ("编辑", "查找下一处"): "F3",
    ("编辑", "查找上一处"): "Shift+F3",
    ("编辑", "转到行…"): "Ctrl+G",
    ("编辑 → 大纲", "上移"): "Alt+Up",
    ("编辑 → 大纲", "下移"): "Alt+Down",
    ("视图", "放大"): "Ctrl+=",
    ("视图", "缩小"): "Ctrl+-",
    ("视图", "恢复默认大小"): "Ctrl+0",
    ("检查", "重新检查"): "F7",
    ("检查", "下一个问题"): "F8",
    ("检查", "上一个问题"): "Shift+F8",
    ("帮助", "使用说明"): "F1",
}


def test_each_menu_once_in_order(window) -> None:
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == MENUS
    reference = window.reference_menu
    assert reference.menuAction() in window.menuBar().actions()
    assert [a.text() for a in reference.actions()] == ["对标上级要点…", "参考资料库…"]


def test_every_shortcut_is_on_its_menu_entry(window) -> None:
    shown = {(menu, command): keys for menu, command, keys in menu_shortcuts(window.menuBar())}
    for place, keys in SHORTCUTS.items():
        assert place in shown and keys in shown[place], (place, keys, shown.get(place))


def test_menu_actions_reach_their_flows(window, tmp_path) -> None:
    """The actions other code and tests trigger are the very entries of the 文件 menu, and 最近打开
    is filled when it opens."""
    entries = window.menuBar().actions()[0].menu().actions()
    for action in (window.export_docx_action, window.export_notice_action, window.export_pdf_action):
        assert action in entries
    window.recent_menu.aboutToShow.emit()
    assert [a.text() for a in window.recent_menu.actions()] == ["（无）"]
    draft = tmp_path / "要点.txt"
    draft.write_text("2025年某某区教育工作要点\n", encoding="utf-8")
    window.settings.add_recent(draft)
    window.recent_menu.aboutToShow.emit()
    assert [a.text() for a in window.recent_menu.actions()] == window.settings.recent_files()
