"""The Compare window on the real main window: rows, colours, summary, the changes-only filter,
stepping from change to change, moving the draft's cursor without touching the draft, fitting the
screen, remembering last year's plan."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from desktop.app.compare_view import COLOURS, CompareWindow, open_compare
from desktop.plan.compare import ChangeKind
from desktop.plan.read.store import load_draft
from tests.compare.test_compare import NEW, OLD

pytestmark = pytest.mark.gui


@pytest.fixture
def draft_and_last_year(window, tmp_path):
    old, new = tmp_path / "2023年要点.txt", tmp_path / "2024年草稿.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    assert window.files.open_path(new)
    return old


def _open(qtbot, window, old) -> CompareWindow:
    window.files.draft.extra["last_year"] = str(old)
    view = open_compare(window)
    assert view is not None
    with qtbot.waitSignal(view.comparison_shown, timeout=30_000):
        pass
    return view


def _visible_kinds(view: CompareWindow) -> list[str]:
    rows = view.result.rows
    return [rows[k].kind.value for k in range(view.table.rowCount()) if not view.table.isRowHidden(k)]


def test_rows_colours_and_summary(qtbot, window, draft_and_last_year, tmp_path):
    window.files.draft.extra["last_year"] = str(draft_and_last_year)
    view = CompareWindow(window)
    with qtbot.waitSignal(view.comparison_shown, timeout=30_000):
        view.refresh()
    view.show()
    assert view.summary.text().startswith("未改 4，修改 1，移动 1，新增 1，删除 0，指标变化 2")
    kinds = [r.kind.value for r in view.result.rows]
    assert view.table.rowCount() == len(kinds)
    for row, kind in enumerate(kinds):
        assert view.table.item(row, 0).background().color().name() == COLOURS[kind]
    added = kinds.index("added")
    assert "二、/5." in view.table.item(added, 2).text() and view.table.item(added, 0).text() == ""
    edited = kinds.index("edited")
    assert "line-through" in view.table.item(edited, 0).text()  # the inline diff
    label = view.table.item(edited, 1).text()
    assert label.startswith("修改\n相似度 ") and label.endswith("%")  # a similarity, named as one
    # the words are those of `plandesk compare` (ChangeKind.label), in the legend and every row
    legend = [w.text().strip() for w in view.findChildren(QLabel) if w.styleSheet().startswith("background:")]
    assert legend == [kind.label for kind in ChangeKind] == ["未改", "修改", "移动", "新增", "删除"]
    assert all(view.table.item(k, 1).text().startswith(r.kind.label) for k, r in enumerate(view.result.rows))
    assert view.targets.count() == 3 and view.carried.count() == 2
    view.grab().save(str(tmp_path / "compare.png"))


def test_changes_only_is_the_default_and_remembered(qtbot, window, draft_and_last_year):
    view = _open(qtbot, window, draft_and_last_year)
    assert view.changes_only.isChecked()
    assert sorted(_visible_kinds(view)) == ["added", "edited", "moved"]
    view.changes_only.click()
    assert len(_visible_kinds(view)) == len(view.result.rows)
    view.close()
    view.deleteLater()
    qtbot.waitUntil(lambda: window.findChild(CompareWindow) is None)
    again = _open(qtbot, window, draft_and_last_year)
    assert again is not view and not again.changes_only.isChecked()  # remembered: off
    assert len(_visible_kinds(again)) == len(again.result.rows)


def test_click_moves_the_cursor_and_keeps_the_compare_window(qtbot, window, draft_and_last_year):
    view = _open(qtbot, window, draft_and_last_year)
    qtbot.waitActive(view)
    text = window.editor.toPlainText()
    row = next(k for k, r in enumerate(view.result.rows) if r.new is not None and r.new.path == "二、/5.")
    rect = view.table.visualRect(view.table.model().index(row, 2))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    cursor = window.editor.textCursor()
    assert not cursor.hasSelection()
    assert window.editor.cursor_offset() == view.result.rows[row].new.node.span.start
    assert QApplication.activeWindow() is view  # the main window was not raised over it
    qtbot.keyClicks(QApplication.focusWidget(), "x")  # a keystroke cannot reach the draft
    assert window.editor.toPlainText() == text
    view.carried.itemClicked.emit(view.carried.item(1))
    assert not window.editor.textCursor().hasSelection()
    assert text[window.editor.cursor_offset() :].startswith("第39个教师节")
    # a double-click asks for the draft itself: shown, cursor at the item's start, nothing selected
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.editor.hasFocus() and not window.editor.textCursor().hasSelection()
    assert window.editor.cursor_offset() == view.result.rows[row].new.node.span.start


def test_next_and_previous_change_by_keyboard(qtbot, window, draft_and_last_year):
    view = _open(qtbot, window, draft_and_last_year)
    qtbot.waitActive(view)
    assert "F8" in view.next_button.toolTip() and "Shift+F8" in view.previous_button.toolTip()
    changed = view.changed_rows()
    assert len(changed) == 3
    view.table.setFocus()
    seen = []
    for _ in changed:
        qtbot.keyClick(view.table, Qt.Key.Key_F8)
        seen.append(view.table.currentRow())
        row = view.result.rows[seen[-1]]
        if row.new is not None:
            assert window.editor.cursor_offset() == row.new.node.span.start
    assert seen == changed
    qtbot.keyClick(view.table, Qt.Key.Key_F8)  # past the last: from the top again, and said
    assert view.table.currentRow() == changed[0] and "从头开始" in view.statusBar().currentMessage()
    qtbot.keyClick(view.table, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert view.table.currentRow() == changed[-1]
    qtbot.keyClick(view.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert view.table.currentRow() == changed[-2]
    qtbot.keyClick(view.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert view.table.currentRow() == changed[-1]
    view.changes_only.click()  # with every row shown, unchanged rows are still stepped over
    qtbot.keyClick(view.table, Qt.Key.Key_F8)
    assert view.table.currentRow() == changed[0]


def test_opening_and_using_it_leaves_the_draft_unmodified(qtbot, window, draft_and_last_year, monkeypatch):
    assert not window.editor.document().isModified()
    # the writer picks last year's plan in the file dialog
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(draft_and_last_year), ""))
    view = open_compare(window)
    assert view is not None
    with qtbot.waitSignal(view.comparison_shown, timeout=30_000):
        pass
    view.next_change()
    view.table.cellClicked.emit(0, 0)
    view.targets.itemClicked.emit(view.targets.item(0))
    assert not window.editor.document().isModified()
    assert not window.isWindowModified()
    assert window.files.draft.extra["last_year"] == str(draft_and_last_year.resolve())
    # never saved as a draft, the .txt is opened again: its last year's plan is still known
    assert window.files.open_path(window.files.draft.source_path)
    assert "last_year" not in window.files.draft.extra
    assert view.last_year_path() == str(draft_and_last_year.resolve())


def test_window_fits_the_available_screen(qtbot, window, draft_and_last_year):
    view = _open(qtbot, window, draft_and_last_year)
    area = view.screen().availableGeometry()
    assert area.contains(view.frameGeometry()), (area, view.frameGeometry())


def test_last_year_is_saved_with_the_draft(qtbot, window, draft_and_last_year, tmp_path):
    view = CompareWindow(window)
    view.set_last_year(draft_and_last_year)
    target = tmp_path / "草稿.plan.yaml"
    assert window.files.save_to(target)
    assert load_draft(target).extra["last_year"] == str(draft_and_last_year.resolve())
    assert window.files.open_path(target)
    reopened = _open(qtbot, window, window.files.draft.extra["last_year"])
    assert reopened.result is not None and reopened.result.old_plan.year == 2023


def test_unusable_last_year_shows_message(qtbot, window, draft_and_last_year, tmp_path):
    bad = tmp_path / "扫描件.pdf"
    bad.write_bytes(b"%PDF-1.4")
    window.files.draft.extra["last_year"] = str(bad)
    view = CompareWindow(window)
    with qtbot.waitSignal(view.failed, timeout=30_000) as blocker:
        view.refresh()
    assert "扫描件.pdf" in blocker.args[0]
    assert view.summary.text() == "无法比对"
    assert view.table.rowCount() == 0
    assert Qt.WindowType.Window & view.windowFlags()


def test_similarity_is_named_and_never_claims_100_percent_for_an_edit():
    from desktop.app.compare_rows import similarity_text

    assert similarity_text(0.87) == "相似度 87%"
    assert similarity_text(0.996) == "相似度 99%"
    assert similarity_text(1.0) == "相似度 >99%"  # 2023 for 2022: same words, still an edit
