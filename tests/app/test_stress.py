"""Thousands of random writer actions while the analysis runs, on the real window.

A seeded generator (``PLANDESK_STRESS_SEED``, default random and printed; ``PLANDESK_STRESS_STEPS``,
default 2000) types, pastes, moves outline items, undoes and redoes, applies fixes, opens and
closes the compare window, and now and then opens and closes a second main window, letting the
event loop run a little between actions so results of old snapshots arrive after the text moved
on and windows close with jobs in flight. pytest-qt fails the test on any exception raised in a
slot; a crash of the process fails the run. At the end the window must show exactly its text.
"""

from __future__ import annotations

import os
import random

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.app.compare_view import CompareWindow, open_compare
from tests.app.conftest import close_window

pytestmark = pytest.mark.gui

STEPS = int(os.environ.get("PLANDESK_STRESS_STEPS", "2000"))
SEED = int(os.environ.get("PLANDESK_STRESS_SEED", str(random.randrange(1 << 30))))
WORDS = ["加强", "教育", "质量", "。", "，", "\n", "3.", "（一）", "二、", "推进", "2026年", "  "]


class Writer:
    """One random writer at the real window."""

    def __init__(self, window, qtbot, last_year: str, rng: random.Random) -> None:
        self.window, self.qtbot, self.rng = window, qtbot, rng
        self.last_year = last_year
        self.counts: dict[str, int] = {}

    def step(self) -> None:
        actions = [
            (30, self.type_text),
            (8, self.type_keys),
            (6, self.paste),
            (10, self.outline_edit),
            (10, self.undo_redo),
            (8, self.apply_fix),
            (5, self.move_cursor),
            (2, self.compare),
            (3, self.recheck),
        ]
        action = self.rng.choices([a for _, a in actions], weights=[w for w, _ in actions])[0]
        self.counts[action.__name__] = self.counts.get(action.__name__, 0) + 1
        action()
        QApplication.processEvents()
        if self.rng.random() < 0.05:
            self.qtbot.wait(self.rng.randrange(1, 20))  # let results of older snapshots arrive

    def _cursor_to_random_place(self) -> None:
        editor = self.window.editor
        cursor = editor.textCursor()
        cursor.setPosition(self.rng.randrange(editor.document().characterCount()))
        editor.setTextCursor(cursor)

    def type_text(self) -> None:
        self._cursor_to_random_place()
        self.window.editor.textCursor().insertText(
            "".join(self.rng.choices(WORDS, k=self.rng.randrange(1, 4)))
        )

    def type_keys(self) -> None:
        editor = self.window.editor
        key = self.rng.choice([Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_Return, Qt.Key.Key_A])
        QTest.keyClick(editor, key)

    def paste(self) -> None:
        text = self.window.editor.toPlainText()
        start = self.rng.randrange(len(text) + 1)
        QApplication.clipboard().setText(text[start : start + self.rng.randrange(1, 200)] or "粘贴")
        self._cursor_to_random_place()
        self.window.editor.paste()

    def outline_edit(self) -> None:
        outline = self.window.outline
        labels = outline.labels()
        if not labels:
            return
        paths = []

        def visit(item, path) -> None:
            paths.append(path)
            for k in range(item.childCount()):
                visit(item.child(k), (*path, k))

        tree = outline.tree
        for k in range(tree.topLevelItemCount()):
            visit(tree.topLevelItem(k), (k,))
        path = self.rng.choice(paths)
        operation = self.rng.choice([outline.move_up, outline.move_down, outline.promote, outline.demote])
        if self.rng.random() < 0.1:
            operation = outline.insert_sibling
        operation(path)

    def undo_redo(self) -> None:
        editor = self.window.editor
        for _ in range(self.rng.randrange(1, 4)):
            (editor.undo if self.rng.random() < 0.7 else editor.redo)()

    def apply_fix(self) -> None:
        shown = self.window.shown
        if shown is None or shown.text != self.window.editor.toPlainText():
            return
        fixable = [f for f in shown.findings if f.all_fixes()]
        if fixable:
            self.window.apply_fixes(list(self.rng.choice(fixable).all_fixes()))

    def move_cursor(self) -> None:
        self._cursor_to_random_place()
        self.window.jump_to_line(self.rng.randrange(1, 60))

    def compare(self) -> None:
        view = self.window.findChild(CompareWindow)
        if view is not None and self.rng.random() < 0.6:
            view.close()
            view.deleteLater()  # often with its comparison still running
            return
        self.window.files.draft.extra["last_year"] = self.last_year
        assert open_compare(self.window) is not None

    def recheck(self) -> None:
        self.window.recheck()


def test_random_writer_for_thousands_of_steps(qtbot, window, settle, corpus_path, app_settings):
    from desktop.app.main_window import MainWindow

    print(f"PLANDESK_STRESS_SEED={SEED} PLANDESK_STRESS_STEPS={STEPS}")
    rng = random.Random(SEED)
    window.files.recovery_chooser = lambda offer: pytest.fail("nothing crashed, nothing to recover")
    assert window.files.open_path(corpus_path("changzhou"))
    writer = Writer(window, qtbot, str(corpus_path("wujin")), rng)
    second, close_at = None, -1
    for step in range(STEPS):
        writer.step()
        if step % 200 == 100:  # a second window comes and goes, its jobs in flight
            second, close_at = MainWindow(app_settings), step + rng.randrange(1, 50)
            second.files.report_error = lambda message: None
            second.show()
            assert second.files.open_path(corpus_path("wujin"))
            second.editor.textCursor().insertText("第二个窗口")
            second.recheck()
        elif step == close_at and second is not None:
            close_window(second)
            second = None
    if second is not None:
        close_window(second)
    print(writer.counts)
    settle(window)
    assert window.shown.text == window.editor.toPlainText()
    assert window.shown.plan is not None and window.outline.labels()
