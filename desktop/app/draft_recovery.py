"""The recovery side of the window's files: autosave, instance locks, and offering crash copies.

Kept apart from ``draft_files.py`` (new / open / save) because it is a different question: not
"which file is the draft" but "what survives when the app dies". Autosave writes a recovery file
(``store.RecoveryStore``) every minute and after each structural change; a normal save or close
removes it, so whatever is left is work a crash interrupted. It is offered at start-up and
whenever its file is opened again, by any path (``recovery_offer.py`` words the offer).

Several windows may run at once, sharing the recovery folder. Each running instance holds a lock
file (``<instance>.lock``, Qt's QLockFile: PID, host and program inside) and names its recovery
files ``<instance>_<draft>``; a recovery file whose instance still holds its lock is another
window's live work, not a crash, and is never offered. A crashed instance's lock is stale (its
process is gone), so its files are offered.

``DraftRecovery`` is a mixin of ``DraftFiles`` rather than an object of its own so the window
keeps one file-command object (``window.files.autosave()``, ``.offer_recovery()``,
``.recovery_chooser`` …): recovery restarts a draft exactly as opening one does (``_start``).
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QTimer

from desktop.app.recovery_offer import (
    DISCARD,
    KEEP_BOTH,
    RESTORE,
    Chooser,
    RecoveryOffer,
    ask_recovery,
    kept_copy_path,
    offer_at_start,
)
from desktop.app.session import Draft
from desktop.plan.errors import InputError

if TYPE_CHECKING:
    from desktop.app.main_window import MainWindow
    from desktop.app.session import DraftSession
    from desktop.plan.read.store import Recovery, RecoveryStore

logger = logging.getLogger(__name__)


def _move_old_recoveries(old: Path, new: Path) -> None:
    """Copies autosaved by versions that kept them beside the settings move to the data folder
    once, so a crash before an upgrade is still offered after it."""
    if old.resolve() == new.resolve() or not old.is_dir():
        return
    for path in old.glob("*.plan.yaml"):
        target = new / path.name
        if not target.exists():
            shutil.move(path, target)  # across drives too (settings and data may differ)


class DraftRecovery:
    """Autosave and crash recovery of ``DraftFiles`` (its host, a QObject: ``tr``, ``window``,
    ``session``, ``draft``, ``_start`` and ``_error`` are the host's)."""

    window: MainWindow
    session: DraftSession
    recovery: RecoveryStore
    instance: str
    recovery_chooser: Chooser
    autosave_timer: QTimer

    if TYPE_CHECKING:

        @property
        def draft(self) -> Draft: ...
        def tr(self, text: str) -> str: ...
        def _start(self, text: str, draft: Draft, modified: bool) -> None: ...
        def _error(self, error: InputError | str) -> None: ...

    def _setup_recovery(self) -> None:
        """The recovery folder, this instance's lock and the autosave timer (from the host's
        ``__init__``, once ``window`` and ``session`` are set)."""
        window = self.window
        # How the writer answers a recovery offer: the dialog by default; tests answer directly.
        self.recovery_chooser = lambda offer: ask_recovery(self.window, offer)
        from desktop.plan.read.store import RecoveryStore

        self.recovery = RecoveryStore(window.settings.recovery_dir)
        self.instance = os.urandom(6).hex()
        try:
            window.settings.recovery_dir.mkdir(parents=True, exist_ok=True)
            _move_old_recoveries(Path(window.settings.folder) / "recovery", window.settings.recovery_dir)
        except OSError as error:  # a read-only data folder costs the recovery copies, not the app
            logger.warning("recovery folder %s unusable: %s", window.settings.recovery_dir, error)
        self._lock = QLockFile(str(self._lock_path(self.instance)))
        self._lock.setStaleLockTime(0)  # only a dead process makes a lock stale, never its age
        if not self._lock.tryLock(0):
            logger.warning("cannot lock %s", self._lock_path(self.instance))
        self.session.draft.draft_id = self._new_draft_id()
        self._autosaved_revision = -1
        self.autosave_timer = QTimer(self)  # type: ignore[call-overload]  # the host is the QObject
        self.autosave_timer.setInterval(max(1, window.settings.autosave_seconds) * 1000)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()

    # Instances -------------------------------------------------------------------------------------
    def _lock_path(self, instance: str) -> Path:
        return self.window.settings.recovery_dir / f"{instance}.lock"

    def _new_draft_id(self) -> str:
        return f"{self.instance}_{os.urandom(6).hex()}"

    def _instance_alive(self, instance: str) -> bool:
        """Whether another running window holds ``instance``'s lock (a stale one is removed)."""
        if instance == self.instance:
            return True
        path = self._lock_path(instance)
        if not path.exists():
            return False
        other = QLockFile(str(path))
        other.setStaleLockTime(0)
        if other.tryLock(0):  # stale: its process died; the files are a crash's leftovers
            other.unlock()
            return False
        return other.error() == QLockFile.LockError.LockFailedError

    # Autosave --------------------------------------------------------------------------------------
    def autosave(self) -> bool:
        """Write the recovery file when the text changed since the last one."""
        session = self.session
        revision = session.revision()
        if not session.is_modified() or revision == self._autosaved_revision:
            return False
        file = self.draft.path or self.draft.source_path
        source = str(file.resolve()) if file is not None else ""  # matched when the file is reopened
        try:
            self.recovery.write(
                self.draft.draft_id, session.text(), self.draft.overrides, source, self.draft.extra
            )
        except InputError as error:
            self.window.statusBar().showMessage(error.message, 5000)
            return False
        self._autosaved_revision = revision
        return True

    def keep_now(self) -> Path | None:
        """Where the draft is safe this moment (the crash path): its recovery copy, written now if
        the text changed since the last one; its own file when nothing is unsaved."""
        if not self.session.is_modified():
            return self.draft.path or self.draft.source_path
        self.autosave()
        path = self.recovery.path_for(self.draft.draft_id)
        return path if path.exists() else None

    def close_draft(self) -> None:
        """A normal close: the work is saved or deliberately discarded, so no recovery is needed."""
        self.autosave_timer.stop()
        self.recovery.discard(self.draft.draft_id)
        if self._lock.isLocked():
            self._lock.unlock()

    # Offering --------------------------------------------------------------------------------------
    def pending_recoveries(self) -> list[Recovery]:
        """Recovery files of crashed instances (never this or another running window's)."""
        found = []
        for recovery in self.recovery.pending():
            instance, sep, _ = recovery.draft_id.partition("_")
            if not (sep and self._instance_alive(instance)):
                found.append(recovery)
        return found

    def offer_recovery(self, ask: bool = True) -> bool:
        """At start-up: offer the newest unsaved work a crash left behind (``ask=False``: restore
        it without asking); True when restored."""
        pending = self.pending_recoveries()
        if not pending:
            return False
        offer = offer_at_start(pending[0])
        restored = self.resolve(offer, self.recovery_chooser(offer) if ask else RESTORE)
        self.note_other_recoveries()
        return restored

    def note_other_recoveries(self) -> None:
        """Say when more unsaved work waits than this window could take: a crash with two drafts
        open, or an untitled draft's copy while the app was started on a file. Each is offered at
        the next start (or by opening its file), never deleted unasked."""
        others = [r for r in self.pending_recoveries() if r.draft_id != self.draft.draft_id]
        if others:
            self.window.statusBar().showMessage(
                self.tr("另有 %1 份未保存的内容可以恢复：下次启动时会再次提示。").replace(
                    "%1", str(len(others))
                ),
                15000,
            )

    def resolve(self, offer: RecoveryOffer, choice: str) -> bool:
        """Carry out the writer's answer to an offer; True when the recovered text is now open.
        The copy is deleted only once its text is safe elsewhere (restored and autosaved anew,
        written beside the file) or the writer discarded it; LATER keeps it for next time."""
        recovery = offer.recovery
        if choice == RESTORE:
            return self.restore(recovery)
        if choice == DISCARD:
            self.recovery.discard(recovery.draft_id)
        elif choice == KEEP_BOTH and offer.file is not None:
            from desktop.plan.read.store import save_draft

            copy = kept_copy_path(offer)
            source = recovery.source
            try:
                save_draft(copy, source.text, source.metadata, source.extra)
            except InputError as error:
                self._error(error)
                return False
            self.recovery.discard(recovery.draft_id)
            self.window.statusBar().showMessage(
                self.tr("恢复的内容已另存为 %1").replace("%1", str(copy)), 8000
            )
        return False

    def restore(self, recovery: Recovery) -> bool:
        source_path = Path(recovery.source_path) if recovery.source_path else None
        is_draft = source_path is not None and source_path.name.endswith(".plan.yaml")
        draft = Draft(
            path=source_path if is_draft else None,
            source_path=source_path,
            overrides=recovery.source.metadata,
            extra=dict(recovery.source.extra),
        )
        self._start(recovery.source.text, draft, modified=True)
        # The work now belongs to this instance: its own recovery file first, then the old one goes.
        if self.autosave():
            self.recovery.discard(recovery.draft_id)
        return True
