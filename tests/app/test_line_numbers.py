"""行/列 in the file's own numbers: the problems panel, the status bar and the gutter agree with
``plandesk check`` for the same file."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt

from desktop.plan.read.loader import load_source

pytestmark = pytest.mark.gui
WEB_PAGE = "zhenjiang"  # a copied web page: cleaning dropped lines, so text and file lines differ
_POSITION = re.compile(r"第 (\d+) 行，第 (\d+) 列")


def _cli(path) -> list[dict]:
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "check", "--json", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    return json.loads(result.stdout)["findings"]


def _gui_rows(window) -> dict[tuple[str, str], set[tuple[int, int]]]:
    """(code, message) → the (line, column) pairs the problems panel shows."""
    model = window.problems.model
    rows: dict[tuple[str, str], set[tuple[int, int]]] = {}
    for row, finding in enumerate(model.findings):
        text = model.data(model.index(row, 3), Qt.ItemDataRole.DisplayRole)
        line, column = map(int, _POSITION.fullmatch(text).groups())
        rows.setdefault((finding.code, finding.message), set()).add((line, column))
    return rows


def _cli_rows(findings: list[dict]) -> dict[tuple[str, str], set[tuple[int, int]]]:
    rows: dict[tuple[str, str], set[tuple[int, int]]] = {}
    for row in findings:
        rows.setdefault((row["code"], row["message"]), set()).add((row["line"], row["column"]))
    return rows


def test_problem_positions_equal_the_command_line(settle, window, corpus_path):
    path = corpus_path(WEB_PAGE)
    source = load_source(path)
    assert source.origin != tuple(range(1, len(source.origin) + 1))  # the case worth testing
    window.files.open_path(path)
    settle(window)
    cli = _cli_rows(_cli(path))
    gui = _gui_rows(window)
    shared = set(cli) & set(gui)
    assert len(shared) >= 5
    for key in shared:
        assert gui[key] == cli[key], key


def test_gutter_and_status_bar_show_file_lines(settle, window, corpus_path):
    path = corpus_path(WEB_PAGE)
    source = load_source(path)
    window.files.open_path(path)
    settle(window)
    editor = window.editor
    for text_line in (1, 10, len(source.origin)):
        assert editor.file_line_of(text_line) == source.origin[text_line - 1]
    line = 20
    offset = sum(len(t) + 1 for t in editor.toPlainText().split("\n")[: line - 1]) + 2
    editor.goto(offset)
    expected = source.position(line, 3)
    assert window.file_lines.label.text() == f"第 {expected[0]} 行，第 {expected[1]} 列"


def test_file_lines_follow_edits_and_a_saved_draft(settle, window, corpus_path, tmp_path):
    path = corpus_path(WEB_PAGE)
    source = load_source(path)
    window.files.open_path(path)
    settle(window)
    editor = window.editor
    last = len(source.origin)
    editor.goto(0)
    editor.insertPlainText("新加的一行\n")  # a line the file does not have
    assert editor.file_line_of(last + 1) == source.origin[-1]  # the old lines keep their numbers
    assert editor.file_line_of(2) == source.origin[0]
    draft = tmp_path / "要点.plan.yaml"
    assert window.files.save_to(draft)
    saved = load_source(draft)
    assert saved.origin and saved.origin[0] > 1  # after the draft's front matter
    assert [editor.file_line_of(n) for n in (1, 5, last + 1)] == [
        saved.origin[n - 1] for n in (1, 5, last + 1)
    ]
    settle(window)
    cli = _cli_rows(_cli(draft))
    gui = _gui_rows(window)
    assert set(cli) & set(gui)
    for key in set(cli) & set(gui):
        assert gui[key] == cli[key], key


def test_a_new_draft_counts_from_one(window):
    window.editor.load_text("2025年教育工作要点\n一、总体要求\n")
    window.editor.goto(len("2025年教育工作要点\n一、"))
    assert window.editor.file_line_of(2) == 2
    assert window.file_lines.label.text() == "第 2 行，第 3 列"


def test_goto_line_takes_the_command_lines_number(settle, window, corpus_path):
    path = corpus_path(WEB_PAGE)
    source = load_source(path)
    window.files.open_path(path)
    settle(window)
    for row in _cli(path)[:5]:
        window.file_lines.goto_file_line(row["line"])
        cursor = window.editor.textCursor()
        assert source.origin[cursor.blockNumber()] == row["line"]
        assert cursor.positionInBlock() == 0
    dropped = next(n for n in range(source.origin[0], source.origin[-1]) if n not in source.origin)
    window.file_lines.goto_file_line(dropped)  # a line cleaning removed: the text before it
    assert source.origin[window.editor.textCursor().blockNumber()] < dropped
    assert any(
        a.shortcut().toString() == "Ctrl+G"
        for m in window.menuBar().actions()
        if m.menu()
        for a in m.menu().actions()
    )


def _gutter_lines(editor) -> list[int]:
    """The numbers the gutter paints, top to bottom (the same walk as its paintEvent)."""
    block, lines, line = editor.document().firstBlock(), [], None
    while block.isValid():
        line = editor.file_line(block, previous=line)
        lines.append(line)
        block = block.next()
    return lines


def test_a_fix_of_every_paragraph_keeps_the_file_lines(settle, window, corpus_path):
    """P002 rewrites the punctuation of nearly every line in one edit: lines keep their numbers."""
    path = corpus_path("huishan")
    file_lines = len(path.read_text(encoding="utf-8").splitlines())
    window.files.open_path(path)
    settle(window)
    before = _gui_rows(window)
    document_wide = [f for f in window.problems.model.findings if f.code == "P002" and f.all_fixes()]
    assert document_wide
    gutter_before = _gutter_lines(window.editor)
    assert window.apply_fixes(list(document_wide[0].all_fixes()))
    settle(window)
    assert window.editor.document().isModified()
    assert _gutter_lines(window.editor) == gutter_before  # same lines, punctuation changed
    after = _gui_rows(window)
    assert after and all(line <= file_lines for rows in after.values() for line, _ in rows)
    first = window.problems.model.findings[0]
    key = (first.code, first.message)
    if key in before:
        assert {line for line, _ in after[key]} <= {line for line, _ in before[key]}
    kept = [k for k in set(before) & set(after) if not k[0].startswith("P")]
    assert kept
    for k in kept:
        assert {line for line, _ in after[k]} == {line for line, _ in before[k]}, k
    window.editor.undo()  # the old text comes back with its numbers
    assert _gutter_lines(window.editor) == gutter_before


def test_outline_edits_keep_the_file_lines(settle, window, qtbot):
    """Alt+↓, Alt+→ and Ctrl+Enter in the outline: each line that is still there keeps its number."""
    from desktop.data import resource_path

    path = resource_path("samples", "sample_plan_2027.txt")
    file_text = path.read_text(encoding="utf-8").splitlines()
    window.files.open_path(path)
    settle(window)
    tree = window.outline.tree
    window.activateWindow()
    tree.setFocus()
    tree.setCurrentItem(window.outline.item_at_path((1, 0)))
    qtbot.waitUntil(tree.hasFocus)
    for key, modifier in (
        (Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier),
    ):
        qtbot.keyClick(tree, key, modifier)
        settle(window)
        lines = window.editor.toPlainText().split("\n")
        inserted = max(0, len(lines) - len(file_text))
        gutter = _gutter_lines(window.editor)
        assert max(gutter) <= len(file_text) + inserted, gutter
        assert gutter == sorted(gutter), gutter
        for text, line in zip(lines, gutter, strict=True):
            if text in file_text and file_text.count(text) == 1:
                assert file_text[line - 1] == text, (text, line)


def test_a_wholesale_rewrite_keeps_the_lines_it_did_not_change(window, corpus_path):
    """The whole text pasted over itself with a new first line: the old lines keep their numbers."""
    path = corpus_path(WEB_PAGE)
    source = load_source(path)
    window.files.open_path(path)
    editor = window.editor
    lines = editor.toPlainText().split("\n")
    lines[5] = lines[5].replace("，", ",")  # one line changed in place
    editor.selectAll()
    editor.insertPlainText("\n".join(["新的第一行", *lines]))
    gutter = _gutter_lines(editor)
    assert gutter[1:] == list(source.origin)
    assert gutter[0] == 1 and max(gutter) <= source.origin[-1] + 1


def test_a_new_line_is_marked_new_not_given_its_neighbours_number(settle, window, corpus_path):
    from PySide6.QtGui import QTextCursor

    assert window.files.open_path(corpus_path("wujin"))
    settle(window)
    document = window.editor.document()
    block = document.findBlockByNumber(3)
    before = window.editor.file_line(block)
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    cursor.insertText("\n新增的一行。")
    new = document.findBlockByNumber(4)
    assert new.text() == "新增的一行。" and window.editor.is_new_line(new)
    assert not window.editor.is_new_line(block) and window.editor.file_line(block) == before
    assert not window.editor.is_new_line(document.findBlockByNumber(5))
