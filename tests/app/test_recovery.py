"""Recovery on every path a file is opened by, on the real window and the real recovery store.

A crashed instance's copy is made with the real ``RecoveryStore`` under an instance id whose lock
nobody holds, exactly what a killed app leaves behind. The writer's answer comes from the
window's ``recovery_chooser`` (the one place the dialog is asked), so every path is driven for real.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from desktop.app.recovery_offer import DISCARD, KEEP_BOTH, LATER, RESTORE, RecoveryOffer, ask_recovery
from desktop.data import user_data_dir
from desktop.plan.model import Metadata
from desktop.plan.read.store import RecoveryStore, load_draft, save_draft

pytestmark = pytest.mark.gui

SAVED = "一、加强党的建设\n1.抓好理论学习。\n"
RECOVERED = SAVED + "2.崩溃前写下、尚未保存的一句。\n"
CRASHED = "0123456789ab"  # an instance id whose lock no running window holds


@pytest.fixture
def crashed_draft(tmp_path, app_settings) -> Path:
    """A saved draft, an hour old, and a newer recovery copy of it that a crash left behind."""
    path = tmp_path / "files" / "要点.plan.yaml"
    save_draft(path, SAVED, Metadata())
    hour_ago = time.time() - 3600
    os.utime(path, (hour_ago, hour_ago))
    RecoveryStore(app_settings.recovery_dir).write(
        f"{CRASHED}_draft", RECOVERED, Metadata(), str(path.resolve())
    )
    return path


def _open_by_argument(window, path: Path) -> None:
    window.files.open_path(path)


def _open_by_menu(window, path: Path, monkeypatch) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_args: (str(path), "")))
    action = next(a for a in window.menuBar().actions()[0].menu().actions() if a.text().startswith("打开"))
    action.trigger()


def _open_by_recent(window, path: Path) -> None:
    window.settings.add_recent(path)
    window.recent_menu.aboutToShow.emit()
    (action,) = [a for a in window.recent_menu.actions() if a.text() == str(path.resolve())]
    action.trigger()


def _open_by_drop(window, path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    window.dropEvent(
        QDropEvent(
            QPointF(50, 50),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    )


PATHS = ["argument", "menu", "recent", "drop"]


def _open(how: str, window, path: Path, monkeypatch) -> None:
    if how == "menu":
        _open_by_menu(window, path, monkeypatch)
    else:
        {"argument": _open_by_argument, "recent": _open_by_recent, "drop": _open_by_drop}[how](window, path)


def _crash_copies(app_settings) -> list[str]:
    return [
        r.draft_id
        for r in RecoveryStore(app_settings.recovery_dir).pending()
        if r.draft_id.startswith(CRASHED)
    ]


@pytest.mark.parametrize("how", PATHS)
def test_every_open_path_offers_the_newer_copy_and_restores_it(
    how, window, crashed_draft, app_settings, monkeypatch
):
    offers: list[RecoveryOffer] = []
    window.files.recovery_chooser = lambda offer: offers.append(offer) or RESTORE
    _open(how, window, crashed_draft, monkeypatch)
    (offer,) = offers
    assert offer.file == crashed_draft and offer.recovery.saved_at > offer.file_saved_at
    assert window.editor.toPlainText() == RECOVERED and window.isWindowModified()
    assert window.files.draft.path == crashed_draft  # saving writes the file that was opened
    assert _crash_copies(app_settings) == []  # now kept as this window's own recovery copy
    assert window.files.pending_recoveries() == []
    assert window.files.save()
    assert load_draft(crashed_draft).text == RECOVERED
    assert RecoveryStore(app_settings.recovery_dir).pending() == []  # removed after the save


@pytest.mark.parametrize("how", PATHS)
def test_discard_opens_the_saved_file_and_deletes_the_copy(
    how, window, crashed_draft, app_settings, monkeypatch
):
    window.files.recovery_chooser = lambda offer: DISCARD
    _open(how, window, crashed_draft, monkeypatch)
    assert window.editor.toPlainText() == SAVED and not window.isWindowModified()
    assert _crash_copies(app_settings) == []


def test_keep_both_writes_the_copy_beside_the_file(window, crashed_draft, app_settings):
    window.files.recovery_chooser = lambda offer: KEEP_BOTH
    assert window.files.open_path(crashed_draft, ask=True)
    assert window.editor.toPlainText() == SAVED
    (kept,) = [p for p in crashed_draft.parent.iterdir() if "恢复" in p.name]
    assert kept.name.startswith("要点（恢复 ") and kept.name.endswith("）.plan.yaml")
    assert load_draft(kept).text == RECOVERED and _crash_copies(app_settings) == []


def test_later_keeps_the_copy_for_next_time(window, crashed_draft, app_settings):
    window.files.recovery_chooser = lambda offer: LATER
    assert window.files.open_path(crashed_draft)
    assert window.editor.toPlainText() == SAVED and _crash_copies(app_settings) == [f"{CRASHED}_draft"]


def test_a_copy_older_than_the_file_is_not_offered(window, crashed_draft, app_settings):
    os.utime(crashed_draft)  # saved again (by Word, say) after the copy was made
    window.files.recovery_chooser = lambda offer: pytest.fail("an older copy was offered")
    assert window.files.open_path(crashed_draft)
    assert window.editor.toPlainText() == SAVED
    assert _crash_copies(app_settings) == [f"{CRASHED}_draft"]  # still there; start-up offers it


def test_start_up_offers_the_copy_through_the_same_chooser(window, crashed_draft):
    choices: list[RecoveryOffer] = []
    window.files.recovery_chooser = lambda offer: choices.append(offer) or RESTORE
    assert window.files.offer_recovery()
    assert choices[0].file == crashed_draft and window.editor.toPlainText() == RECOVERED


def test_a_failed_save_keeps_the_recovery_copy(window, tmp_path, app_settings):
    window.editor.insertPlainText(RECOVERED)  # typed: the draft is modified
    assert window.files.autosave()
    blocked = tmp_path / "not_a_folder"
    blocked.write_text("", encoding="utf-8")
    assert not window.files.save_to(blocked / "要点.plan.yaml")
    assert "保存" in window.files.last_error and len(RecoveryStore(app_settings.recovery_dir).pending()) == 1
    assert window.files.save_to(tmp_path / "要点.plan.yaml")
    assert RecoveryStore(app_settings.recovery_dir).pending() == []


def test_the_dialog_shows_both_times_and_three_answers(window, crashed_draft, app_settings):
    (recovery,) = RecoveryStore(app_settings.recovery_dir).pending()
    offer = RecoveryOffer(recovery, crashed_draft, crashed_draft.stat().st_mtime)
    seen: list[str] = []

    def answer() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        seen.append(box.text())
        seen.extend(button.text() for button in box.buttons())
        box.grab().save(str(crashed_draft.parent / "dialog.png"))
        next(b for b in box.buttons() if b.text() == "两者都保留").click()

    QTimer.singleShot(0, window, answer)
    assert ask_recovery(window, offer) == KEEP_BOTH
    text = seen[0]
    assert "自动保存于：" in text and "文件保存于：" in text and "要点.plan.yaml" in text
    assert {"恢复", "丢弃", "两者都保留", "以后再说"} <= set(seen[1:])


def test_no_writer_folder_is_touched(private_folders, app_settings):
    """The real home, data and settings folders are all replaced by this test's own."""
    for folder in (Path.home(), user_data_dir(), app_settings.recovery_dir, app_settings.folder):
        assert folder.resolve().is_relative_to(private_folders.resolve())


def test_another_drafts_copy_is_mentioned_not_lost(window, crashed_draft, app_settings):
    """Started on a file while an untitled draft's copy also waits: that copy is named, and kept."""
    RecoveryStore(app_settings.recovery_dir).write(
        f"{CRASHED}_untitled", "一、未命名的草稿\n", Metadata(), ""
    )
    window.files.recovery_chooser = lambda offer: RESTORE
    assert window.files.open_path(crashed_draft)
    window.files.note_other_recoveries()
    assert "另有 1 份未保存的内容" in window.statusBar().currentMessage()
    assert f"{CRASHED}_untitled" in _crash_copies(app_settings)


def test_copies_from_the_old_folder_beside_the_settings_are_moved_and_offered(app_settings, qtbot):
    from desktop.app.main_window import MainWindow

    old = Path(app_settings.folder) / "recovery"
    RecoveryStore(old).write(f"{CRASHED}_old", RECOVERED, Metadata(), "")
    win = MainWindow(app_settings)
    try:
        assert f"{CRASHED}_old" in _crash_copies(app_settings)
        assert not list(old.glob("*.plan.yaml"))
    finally:
        win.editor.document().setModified(False)
        win.close()
        win.jobs.wait_idle(5000)
