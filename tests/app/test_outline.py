"""The outline dock on the real window: corpus plans, cursor sync, structural edits with undo."""

from __future__ import annotations

import re

import pytest

from desktop.plan.outline_edit import Position

pytestmark = pytest.mark.gui

# (sections 一、…, work items n. across the plan, role headings shown) as a writer would count them
EXPECTED = {
    "wujin": (6, 25, {"总体要求", "主要目标", "主要任务"}),
    "zhenjiang": (6, 36, {"指导思想", "总体目标", "主要任务"}),
    "huishan": (7, 40, set()),
    "changzhou": (6, 23, set()),
}
SECTION = re.compile(r"^[一二三四五六七八九十]+、")
ITEM = re.compile(r"^\d+\.")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_plan_outline(settle, window, corpus_path, name):
    assert window.files.open_path(corpus_path(name))
    settle(window)
    labels = window.outline.labels()
    sections, items, roles = EXPECTED[name]
    assert sum(1 for _, text in labels if SECTION.match(text)) == sections
    numbers = [int(ITEM.match(t).group()[:-1]) for _, t in labels if ITEM.match(t)]
    assert len(numbers) == items
    assert roles <= {text for _, text in labels}
    # items sit below their section in the tree
    assert all(depth >= 2 for depth, text in labels if ITEM.match(text))
    assert window.items_label.text().endswith(str(window.shown.plan and len(window.shown.plan.items())))


def _line_offset(text: str, startswith: str) -> int:
    match = re.search("^" + re.escape(startswith), text, re.M)
    assert match, startswith
    return match.start()


def test_selecting_node_moves_cursor_and_cursor_selects_node(settle, window, corpus_path):
    window.files.open_path(corpus_path("huishan"))
    settle(window)
    item = window.outline.item_at_path((2, 1))  # 三、 / its second item
    window.outline.tree.setCurrentItem(item)
    text = window.editor.toPlainText()
    cursor_line = text[window.editor.cursor_offset() :].split("\n", 1)[0]
    assert cursor_line.startswith("16.")
    window.editor.goto(_line_offset(text, "25."))
    assert window.outline.tree.currentItem().text(0).startswith("25.")


def test_move_item_renumbers_and_undo_restores(settle, window, corpus_path):
    window.files.open_path(corpus_path("huishan"))
    settle(window)
    before = window.editor.toPlainText()
    # move 一、's first item (1.加强政治理论武装) to the end of 二、
    assert window.outline.move((0, 0), (1,), Position.CHILD)
    settle(window)
    after = window.editor.toPlainText()
    assert re.search(r"^1\.提升党的建设水平", after, re.M)
    assert re.search(r"^14\.加强政治理论武装", after, re.M)
    assert re.search(r"^15\.", after, re.M)  # the items after it keep a continuous run
    labels = [t for _, t in window.outline.labels()]
    assert labels.index("14.加强政治理论武装") > labels.index("二、突出优质均衡,构建完善现代化高质量教育体系")
    window.editor.undo()  # the move and the renumbering are one step
    assert window.editor.toPlainText() == before


def test_drag_and_drop_in_tree_moves_item(settle, window, corpus_path):
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QDropEvent

    window.files.open_path(corpus_path("changzhou"))
    settle(window)
    tree = window.outline.tree
    source = window.outline.item_at_path((0, 0))
    target = window.outline.item_at_path((0, 2))
    tree.setCurrentItem(source)
    rect = tree.visualItemRect(target)
    point = QPoint(rect.center().x(), rect.bottom() - 1)  # lower edge: drop below the target
    mime = tree.mimeData([source])
    drop = QDropEvent(
        point.toPointF(),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    tree.dropEvent(drop)
    settle(window)
    text = window.editor.toPlainText()
    assert re.search(r"^1\.全面加强教育系统党的建设", text, re.M)
    assert re.search(r"^3\.深入学习好宣传好贯彻好党的二十大精神", text, re.M)
    window.editor.undo()
    assert re.search(r"^1\.深入学习好宣传好贯彻好党的二十大精神", window.editor.toPlainText(), re.M)


def test_keyboard_insert_delete_promote_demote(settle, window, corpus_path):
    window.files.open_path(corpus_path("changzhou"))
    settle(window)
    original = window.editor.toPlainText()
    window.outline.tree.setFocus()
    window.outline.tree.setCurrentItem(window.outline.item_at_path((0, 0)))
    window.outline.actions_by_name["insert_sibling"].trigger()
    settle(window)
    text = window.editor.toPlainText()
    assert re.search(r"^2\.（在此输入内容）", text, re.M)
    assert re.search(r"^3\.全面加强教育系统党的建设", text, re.M)
    assert re.search(r"^24\.", text, re.M)
    window.editor.undo()
    assert window.editor.toPlainText() == original

    assert window.outline.demote((0, 1))  # 2. becomes a sub-item of 1.
    settle(window)
    text = window.editor.toPlainText()
    assert not re.search(r"^2\.全面加强教育系统党的建设", text, re.M)
    assert window.outline.item_at_path((0, 0, 0)) is not None
    assert window.outline.promote((0, 0, 0))
    settle(window)
    assert window.editor.toPlainText() == original

    assert window.outline.delete_node((5,))  # the last section with its items
    settle(window)
    assert "六、" not in [t[:2] for _, t in window.outline.labels()]
    window.editor.undo()
    assert window.editor.toPlainText() == original
