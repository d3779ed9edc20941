"""Offering back work a crash left behind: which recovery copy belongs to a file, and asking.

Whenever a file is opened, by any path (command line, 打开, 最近打开, drag-and-drop), a recovery copy
of that same file written after the file was last saved is work the writer has not seen: it is
offered with both times, to restore (the recovered text replaces the file's, unsaved), discard
(the copy is deleted), or keep both (the copy is written beside the file under its own name). The
question is a plain function, ``ask_recovery``, so tests can answer it without a dialog.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.plan.read.store import Recovery

RESTORE, DISCARD, KEEP_BOTH, LATER = "restore", "discard", "keep_both", "later"


@dataclass(frozen=True)
class RecoveryOffer:
    """A recovery copy and the file it belongs to (None: a draft never saved)."""

    recovery: Recovery
    file: Path | None
    file_saved_at: float | None  # the file's modification time, when it exists

    @property
    def name(self) -> str:
        return self.file.name if self.file is not None else "未命名"


Chooser = Callable[[RecoveryOffer], str]  # returns RESTORE, DISCARD, KEEP_BOTH or LATER


def same_file(first: Path | str, second: Path | str) -> bool:
    """Whether two names denote one file (Windows compares names without case)."""
    return os.path.normcase(str(Path(first).resolve())) == os.path.normcase(str(Path(second).resolve()))


def offer_for(path: Path, pending: list[Recovery]) -> RecoveryOffer | None:
    """The newest recovery copy of ``path`` written after the file was last saved, if any."""
    try:
        saved_at = path.stat().st_mtime
    except OSError:
        return None
    for recovery in pending:  # newest first
        if recovery.source_path and same_file(recovery.source_path, path):
            return RecoveryOffer(recovery, path, saved_at) if recovery.saved_at > saved_at else None
    return None


def offer_at_start(recovery: Recovery) -> RecoveryOffer:
    """The offer for a recovery found at start-up, whatever file it belongs to."""
    file = Path(recovery.source_path) if recovery.source_path else None
    try:
        saved_at = file.stat().st_mtime if file is not None else None
    except OSError:
        file, saved_at = None, None  # the file is gone: the copy is all there is
    return RecoveryOffer(recovery, file, saved_at)


def kept_copy_path(offer: RecoveryOffer) -> Path:
    """Where “keep both” writes the recovered text: beside the file, named by the copy's time."""
    assert offer.file is not None
    name = offer.file.name
    stem = name.removesuffix(".plan.yaml") if name.endswith(".plan.yaml") else offer.file.stem
    when = datetime.datetime.fromtimestamp(offer.recovery.saved_at).strftime("%Y-%m-%d %H%M%S")
    return offer.file.with_name(f"{stem}（恢复 {when}）.plan.yaml")


def _time(seconds: float) -> str:
    return datetime.datetime.fromtimestamp(seconds).strftime("%Y-%m-%d %H:%M:%S")


def ask_recovery(parent: QWidget, offer: RecoveryOffer) -> str:
    """The dialog: both times, and restore / discard / keep both (Escape decides nothing)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(parent.tr("恢复未保存的内容"))
    text = parent.tr("“%1”有程序意外退出前自动保存的内容：\n\n自动保存于：%2\n").replace("%1", offer.name)
    text = text.replace("%2", _time(offer.recovery.saved_at))
    if offer.file_saved_at is not None:
        text += parent.tr("文件保存于：%1\n").replace("%1", _time(offer.file_saved_at))
    box.setText(text + parent.tr("\n是否恢复？"))
    buttons = {
        box.addButton(parent.tr("恢复"), QMessageBox.ButtonRole.AcceptRole): RESTORE,
        box.addButton(parent.tr("丢弃"), QMessageBox.ButtonRole.DestructiveRole): DISCARD,
    }
    if offer.file is not None:
        both = box.addButton(parent.tr("两者都保留"), QMessageBox.ButtonRole.ActionRole)
        buttons[both] = KEEP_BOTH
    later = box.addButton(parent.tr("以后再说"), QMessageBox.ButtonRole.RejectRole)
    box.setEscapeButton(later)
    box.setDefaultButton(next(iter(buttons)))
    box.exec()
    return buttons.get(box.clickedButton(), LATER)
