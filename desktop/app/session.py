"""The draft being edited, as one object the flows receive instead of the main window.

A ``DraftSession`` holds what the window is editing: the text (the editor's document, the single
source of truth, with its undo stack), the ``Draft`` record (which file, the metadata the writer
set, other draft settings such as last year's plan) and whether it has unsaved changes. Every
change a flow makes goes through it, so each is one undoable step and every listener hears of it.

The API, for the flows (file actions, export, compare, panels) to be wired to::

    session.text() -> str                  the text now on screen (a snapshot; str is immutable)
    session.draft -> Draft                 path, source_path, overrides, extra, draft_id, display_name
    session.overrides -> Metadata          the metadata the writer set (merged over the parsed plan)
    session.revision() -> int              changes with every edit (autosave compares it)
    session.is_modified() / set_modified(bool)
    session.apply_text(new_text, cursor_offset=None) -> bool
                                           the text becomes ``new_text`` as ONE undo step
    session.apply_fixes(for_text, fixes) -> bool
                                           fixes computed for ``for_text``, refused if typed since
    session.set_overrides(metadata) -> bool
    session.set_extra(key, value) -> bool  a draft setting (版头, last year's plan): a new revision
    session.load(text, draft, modified)    a different draft (new, open, restore): no undo back
    signals: edited (after apply_text/apply_fixes changed the text), draftLoaded (after load),
             overridesChanged(Metadata), modifiedChanged(bool)

What it deliberately does not hold: analysis results (``AnalysisRunner``), files on disk and
questions to the writer (``DraftFiles``), and widgets.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.plan.model import Metadata

if TYPE_CHECKING:
    from checks.finding import Fix
    from desktop.app.editor import PlanEditor


@dataclass
class Draft:
    """What the window is editing besides the text itself."""

    draft_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    path: Path | None = None  # the .plan.yaml it saves to; None until saved
    source_path: Path | None = None  # the file it was opened from (.txt/.docx/.plan.yaml)
    overrides: Metadata = field(default_factory=Metadata)
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def display_name(self) -> str:
        shown = self.path or self.source_path
        return shown.name if shown else "未命名"


class DraftSession(QObject):
    """The draft on screen: text (with undo), its ``Draft`` record, unsaved state, and signals."""

    edited = Signal()  # the text was changed through the session (one undo step)
    draftLoaded = Signal()  # another draft replaced this one (new, open, restore)
    overridesChanged = Signal(object)  # Metadata
    modifiedChanged = Signal(bool)

    def __init__(self, editor: PlanEditor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self._draft = Draft()
        self._metadata_changes = 0
        editor.document().modificationChanged.connect(self.modifiedChanged)

    @property
    def draft(self) -> Draft:
        return self._draft

    @property
    def overrides(self) -> Metadata:
        return self._draft.overrides

    def text(self) -> str:
        return self._editor.toPlainText()

    def revision(self) -> int:
        """Grows with every change of the text or the metadata (both count for autosave)."""
        return self._editor.document().revision() + self._metadata_changes

    def is_modified(self) -> bool:
        return self._editor.document().isModified()

    def set_modified(self, modified: bool) -> None:
        self._editor.document().setModified(modified)

    def apply_text(self, new_text: str, cursor_offset: int | None = None) -> bool:
        """Make the text ``new_text`` as one undoable step; False (and no signal) when unchanged."""
        if not self._editor.replace_text(new_text, cursor_offset):
            return False
        self.edited.emit()
        return True

    def apply_fixes(self, for_text: str, fixes: Sequence[Fix]) -> bool:
        """Apply fixes computed for ``for_text`` as one step; refused when the text moved on."""
        from checks.finding import apply_fixes

        if for_text != self.text():
            return False
        return self.apply_text(apply_fixes(for_text, list(fixes)))

    def set_overrides(self, overrides: Metadata) -> bool:
        """The writer's metadata; a change is an unsaved change of the draft."""
        if overrides == self._draft.overrides:
            return False
        self._draft.overrides = overrides
        self._metadata_changes += 1
        self.set_modified(True)
        self.overridesChanged.emit(overrides)
        return True

    def set_extra(self, key: str, value: object) -> bool:
        """A draft setting kept with the text (last year's plan, the 版头's values …); a change is
        an unsaved change, and a new revision, so the next autosave keeps it too."""
        if self._draft.extra.get(key) == value:
            return False
        self._draft.extra[key] = value
        self._metadata_changes += 1
        self.set_modified(True)
        return True

    def load(self, text: str, draft: Draft, modified: bool) -> None:
        """Edit another draft: its text replaces the document (undo cannot bring the old back)."""
        self._draft = draft
        self._editor.load_text(text)
        self.set_modified(modified)
        self.draftLoaded.emit()
