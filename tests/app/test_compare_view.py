"""The Compare window on the real main window: rows, colours, summary, jumping, remembering."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.app.compare_view import COLOURS, CompareWindow, open_compare
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
    assert view.targets.count() == 3 and view.carried.count() == 2
    view.grab().save(str(tmp_path / "compare.png"))


def test_click_jumps_into_the_draft(qtbot, window, draft_and_last_year):
    view = _open(qtbot, window, draft_and_last_year)
    row = next(k for k, r in enumerate(view.result.rows) if r.new is not None and r.new.path == "二、/5.")
    view.table.cellClicked.emit(row, 2)
    start = view.result.rows[row].new.node.span.start
    assert window.editor.cursor_offset() in (start, view.result.rows[row].new.node.own_span.end)
    view.carried.itemClicked.emit(view.carried.item(1))
    text = window.editor.toPlainText()
    assert text[window.editor.textCursor().selectionStart() :].startswith("第39个教师节")


def test_last_year_is_saved_with_the_draft(qtbot, window, draft_and_last_year, tmp_path):
    view = CompareWindow(window)
    view.set_last_year(draft_and_last_year)
    assert window.editor.document().isModified()
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
