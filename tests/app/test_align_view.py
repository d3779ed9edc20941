"""The 对标上级要点 window on the real main window: tasks with their status (unanswered first),
a click puts the draft's cursor at the answering item without touching the draft, 不适用 marks are
remembered (and read by ``plandesk align``), rates short of the requirement are shown, the
library's 上级要点 are offered."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.app.align_tree import COLOURS
from desktop.app.align_view import AlignWindow, open_align
from desktop.cli import main as cli_main
from tests.references.test_align import CITY, COUNTY

pytestmark = pytest.mark.gui


@pytest.fixture
def superior(window, tmp_path):
    city, county = tmp_path / "某市要点.txt", tmp_path / "某县草稿.txt"
    city.write_text(CITY, encoding="utf-8")
    county.write_text(COUNTY, encoding="utf-8")
    assert window.files.open_path(county)
    return city


def _open(qtbot, window, city) -> AlignWindow:
    window.files.draft.extra["superior"] = str(city)
    with qtbot.waitSignal(window.jobs.busyChanged, timeout=30_000, check_params_cb=lambda busy: not busy):
        view = open_align(window)
    assert view is not None
    qtbot.waitUntil(lambda: view.result is not None, timeout=30_000)
    return view


def _rows(view: AlignWindow) -> list[tuple[str, str, str]]:
    tree = view.tree
    return [tuple(tree.topLevelItem(k).text(c) for c in range(3)) for k in range(tree.topLevelItemCount())]


def test_tasks_with_status_unanswered_first(qtbot, window, superior):
    view = _open(qtbot, window, superior)
    rows = _rows(view)
    # 三4 shares one rare word with its answer (县管校聘 ↔ 区管校聘): partial, for the writer to confirm
    assert [r[0] for r in rows] == ["未对应", "部分对应", "已对应", "已对应"]
    assert rows[0][1] == "二（二）3  推进教育国际交流" and rows[0][2] == "（草稿中未找到）"
    assert rows[1][1].startswith("三4  深化县管校聘改革") and rows[1][2].startswith("三  推进区管校聘改革")
    assert rows[2][1].startswith("二（一）1  推进县域普通高中振兴") and rows[2][2].startswith(
        "一  实施县中提升行动"
    )
    assert view.tree.topLevelItem(0).background(0).color().name() == COLOURS["unanswered"]
    assert view.summary.text().startswith("上级任务 4 项：未对应 1")
    notes = [view.targets.item(k).text() for k in range(view.targets.count())]
    assert any("低于上级要求的九年义务教育巩固率96%以上" in n for n in notes)


def test_click_puts_the_cursor_at_the_item_without_selecting_or_modifying(qtbot, window, superior):
    view = _open(qtbot, window, superior)
    window.editor.document().setModified(False)
    text = window.editor.toPlainText()
    row = next(
        view.tree.topLevelItem(k) for k in range(4) if view.tree.topLevelItem(k).text(1).startswith("三4")
    )
    rect = view.tree.visualItemRect(row)
    qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    cursor = window.editor.textCursor()
    assert not cursor.hasSelection()
    assert window.editor.cursor_offset() == text.index("三、推进区管校聘")
    assert not window.editor.document().isModified()
    assert window.editor.toPlainText() == text


def test_not_applicable_is_remembered_and_read_by_the_command(qtbot, window, superior, capsys, tmp_path):
    view = _open(qtbot, window, superior)
    view.tree.setCurrentItem(view.tree.topLevelItem(0))  # 二（二）3, unanswered
    assert view.mark_button.text() == "标记为不适用"
    with qtbot.waitSignal(view.alignment_shown, timeout=30_000):
        view.mark_button.click()
    rows = _rows(view)
    assert rows[-1][0] == "不适用" and rows[-1][1].startswith("二（二）3")
    assert view.mark_button.text() == "取消不适用"  # the same task stays selected
    # A new window on the same superior plan, and the command line, both know the mark.
    view.close()
    view.deleteLater()
    qtbot.waitUntil(lambda: window.findChild(AlignWindow) is None)
    again = _open(qtbot, window, superior)
    assert _rows(again)[-1][0] == "不适用"
    draft = tmp_path / "某县草稿.txt"
    assert cli_main(["align", str(superior), str(draft), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [t["path"] for t in data["tasks"] if t["status"] == "not_applicable"] == ["二（二）3"]


def test_a_superior_file_without_items_says_so(qtbot, window, superior, tmp_path):
    prose = tmp_path / "散文.txt"
    prose.write_text("今年要把教育办好。\n", encoding="utf-8")
    window.files.draft.extra["superior"] = str(prose)
    view = AlignWindow(window)
    with qtbot.waitSignal(view.failed, timeout=30_000) as signal:
        view.refresh()
    assert "散文.txt" in signal.args[0]
    assert view.summary.text() == "无法对标"


def test_library_superior_plans_are_offered(qtbot, window, superior):
    from desktop.plan.references.library import Library

    Library.default().add(superior, "superior")
    window.files.draft.extra.pop("superior", None)
    with qtbot.waitSignal(window.jobs.busyChanged, timeout=30_000, check_params_cb=lambda busy: not busy):
        view = open_align(window)  # nothing remembered: the library's newest 上级要点 is used
    assert view is not None
    qtbot.waitUntil(lambda: view.result is not None, timeout=30_000)
    labels = [view.source_box.itemText(k) for k in range(view.source_box.count())]
    # The library's own words: 参考资料库 · 上级要点：<issuer> <year> <title>
    assert "参考资料库 · 上级要点：某市 2024年教育工作要点" in labels
    assert not any("范本库" in label for label in labels)
    assert labels[-1] == "从文件选择…"
    assert view.summary.text().startswith("上级任务 4 项")
    assert view.year_warning.isHidden()  # the same year: nothing to say


def test_the_library_entry_of_the_drafts_year_is_preferred_and_a_gap_is_said(
    qtbot, window, superior, tmp_path
):
    from desktop.plan.references.library import Library

    library = Library.default()
    old = tmp_path / "最新要点.txt"  # sorts last: the newest entry by every measure
    old.write_text(CITY.replace("2024年", "2023年", 1), encoding="utf-8")
    library.add(superior, "superior")  # 2024, the draft's year, added first
    library.add(old, "superior")  # 2023, the newest entry
    window.files.draft.extra.pop("superior", None)
    with qtbot.waitSignal(window.jobs.busyChanged, timeout=30_000, check_params_cb=lambda busy: not busy):
        view = open_align(window)
    assert view is not None
    qtbot.waitUntil(lambda: view.result is not None, timeout=30_000)
    assert view.result.superior.year == 2024  # not the newest entry: the one of the draft's year
    assert view.year_warning.isHidden()

    older = next(e for e in library.entries("superior") if e.year == 2023)
    view.set_superior(library.path(older))  # the writer picks the 2023 plan
    with qtbot.waitSignal(view.alignment_shown, timeout=30_000):
        view.refresh()
    assert not view.year_warning.isHidden()
    assert view.year_warning.text().startswith("注意：上级要点是 2023 年的，草稿是 2024 年的")
    shots = os.environ.get("PLANDESK_SHOTS")
    if shots:
        view.grab().save(str(Path(shots) / "align_view_year_gap.png"))


def test_a_superior_without_rates_says_there_is_nothing_to_check(qtbot, window, superior):
    superior.write_text("2024年某市教育工作要点\n一、重点任务\n1.推进县域普通高中振兴。\n", encoding="utf-8")
    view = _open(qtbot, window, superior)
    notes = [view.targets.item(k).text() for k in range(view.targets.count())]
    assert notes == ["上级要点中没有可核对的比率指标。"]
