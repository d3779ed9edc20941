"""Files of the draft: new (skeleton, last year's plan), open, save, recent files, 公文信息.

Reading and writing go through the core (``loader.load_source``, ``store.save_draft``); this
module only decides when, asks the writer, and shows the core's Chinese messages. What survives a
crash (autosave, instance locks, the recovery offer) is the other half of the window's file
commands, in ``draft_recovery.py``: ``DraftFiles`` inherits it, so ``window.files`` is still the
one object. Opening a file that has a newer recovery copy offers it (``recovery_offer.offer_for``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.app.draft_recovery import DraftRecovery
from desktop.app.recovery_offer import offer_for
from desktop.app.session import Draft
from desktop.data import load_yaml, template_path
from desktop.plan.errors import InputError
from desktop.plan.model import Metadata

if TYPE_CHECKING:
    from desktop.app.main_window import MainWindow
    from desktop.plan.read.loader import Source

logger = logging.getLogger(__name__)
SKELETON_DIR = template_path("skeletons")
STANDARD_SKELETON = "county_annual_plan.yaml"
OPEN_FILTER = "要点文件 (*.txt *.docx *.plan.yaml);;草稿 (*.plan.yaml);;Word 文档 (*.docx);;文本 (*.txt)"


def skeleton_text(path: Path, year: int) -> tuple[str, str]:
    """(name, text) of a skeleton, with ``{year}`` filled in."""
    data = load_yaml(path, what="要点模板") or {}
    return str(data.get("name", path.stem)), str(data.get("text", "")).replace("{year}", str(year))


class DraftFiles(DraftRecovery, QObject):
    """The window's file commands; one instance per window. The draft itself is the window's
    ``DraftSession``; this object decides when to read and write it and asks the writer."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        # Where the core's messages go: a dialog by default; the screenshot path prints them.
        self.report_error: Callable[[str], None] | None = None
        self.last_error = ""
        self._setup_recovery()

    @property
    def draft(self) -> Draft:
        return self.session.draft

    # Helpers -----------------------------------------------------------------------------------
    def update_title(self) -> None:
        self.window.setWindowTitle(f"{self.draft.display_name}[*] — {self.tr('要点编写助手')}")
        self.window.setWindowModified(self.session.is_modified())

    def _error(self, error: InputError | str) -> None:
        message = error.message if isinstance(error, InputError) else error
        self.last_error = message
        if self.report_error is not None:
            self.report_error(message)
        else:
            QMessageBox.warning(self.window, self.tr("无法完成"), message)

    def _start(self, text: str, draft: Draft, modified: bool) -> None:
        self.recovery.discard(self.draft.draft_id)
        if not draft.draft_id.startswith(self.instance + "_"):
            draft.draft_id = self._new_draft_id()
        self.session.load(text, draft, modified)
        self._autosaved_revision = -1
        self.update_title()
        self.window.recheck()

    def confirm_discard(self) -> bool:
        """Ask what to do with unsaved changes; False when the writer cancels."""
        if not self.session.is_modified():
            return True
        question = self.tr("“%1”已修改，是否保存？").replace("%1", self.draft.display_name)
        if self.draft.path is None and self.draft.source_path is not None:
            from desktop.app.save_dialog import why_a_draft

            name = self.draft.source_path.name  # a .txt or .docx: saving makes a draft beside it
            question = self.tr("“%1”已修改，是否保存为要点草稿（.plan.yaml）？").replace("%1", name)
            question += "\n\n" + why_a_draft(name)
        answer = QMessageBox.question(
            self.window,
            self.tr("保存更改"),
            question,
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save(explained=True)
        return answer == QMessageBox.StandardButton.Discard

    # New -------------------------------------------------------------------------------------------
    def skeletons(self) -> list[tuple[str, Path]]:
        found = []
        for path in sorted(SKELETON_DIR.glob("*.yaml")):
            try:
                found.append((skeleton_text(path, 0)[0], path))
            except Exception:  # a broken skeleton must not stop the window from opening
                logger.exception("bad skeleton %s", path)
        return found

    def new_standard(self) -> bool:
        return self.new_from_skeleton(SKELETON_DIR / STANDARD_SKELETON)

    def new_from_skeleton(self, path: Path, year: int | None = None) -> bool:
        if not self.confirm_discard():
            return False
        import datetime

        year = year or datetime.date.today().year + (1 if datetime.date.today().month >= 10 else 0)
        try:
            _, text = skeleton_text(path, year)
        except InputError as error:
            self._error(error)
            return False
        self._start(text, Draft(), modified=False)
        from checks.rules.prompts import prompt_spans

        for span in prompt_spans(text)[:1]:  # the first prompt selected, to type over
            self.window.editor.goto(span.start, span.end)
        return True

    def new_from_last_year(self, path: str | Path | None = None) -> bool:
        """Copy last year's plan into a new, unsaved draft with the year in its title moved on."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self.window,
                self.tr("选择去年的要点"),
                self.window.settings.last_folder(),
                self.tr(OPEN_FILTER),
            )
            if not path:
                return False
        if not self.confirm_discard():
            return False
        from desktop.plan.next_year import next_year_draft

        source = self._load(path)
        if source is None:
            return False
        text, overrides = next_year_draft(source.text, source.metadata)
        self._start(text, Draft(overrides=overrides, extra={"last_year": str(Path(path).resolve())}), True)
        return True

    def _load(self, path: str | Path) -> Source | None:
        """The file read by the core, or None after showing the core's message."""
        from desktop.plan.read.loader import load_source

        try:
            return load_source(path)
        except InputError as error:
            self._error(error)
            return None

    # Open --------------------------------------------------------------------------------------------
    def open_dialog(self) -> bool:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("打开"), self.window.settings.last_folder(), self.tr(OPEN_FILTER)
        )
        return bool(path) and self.open_path(path, ask=True)

    def open_path(self, path: str | Path, ask: bool = False) -> bool:
        """Open a .txt, .docx or .plan.yaml; the core's message is shown when it cannot."""
        if ask and not self.confirm_discard():
            return False
        path = Path(path)
        key = self.window.file_lines.key_of(path)  # before the read: see FileLines.remember
        source = self._load(path)
        if source is None:
            return False
        self.window.file_lines.remember(key, source)
        is_draft = source.kind == "plan"
        from desktop.plan.read.loader import editing_metadata

        draft = Draft(
            path=path if is_draft else None,
            source_path=path,
            overrides=editing_metadata(source),
            extra=dict(source.extra),
        )
        self._start(source.text, draft, modified=False)
        self.window.settings.add_recent(path)
        self.window.settings.set_last_folder(path.parent)
        offer = offer_for(path, self.pending_recoveries())
        if offer is not None:
            self.resolve(offer, self.recovery_chooser(offer))
        return True

    # Save -----------------------------------------------------------------------------------------------
    def save(self, explained: bool = False) -> bool:
        """保存: the draft's own file; a plan opened from a .txt/.docx is saved as a new draft,
        first saying why (unless the close prompt ``explained`` it already)."""
        if self.draft.path is None:
            source = self.draft.source_path
            if source is not None and not explained:
                from desktop.app.save_dialog import explain_draft

                if not explain_draft(self.window, source.name):
                    return False
            return self.save_as()
        return self.save_to(self.draft.path)

    def save_as(self) -> bool:
        from desktop.app.save_dialog import ask_draft_path, draft_path

        suggested = self.draft.path or self.draft.source_path
        stem = suggested.name.split(".")[0] if suggested else self.tr("未命名要点")
        folder = suggested.parent if suggested else Path(self.window.settings.last_folder())
        path = ask_draft_path(self.window, draft_path(folder / stem))
        return path is not None and self.save_to(path)

    def save_to(self, path: Path) -> bool:
        from desktop.plan.read.store import save_draft

        try:
            save_draft(path, self.session.text(), self.draft.overrides, self.draft.extra)
        except InputError as error:
            self._error(error)
            return False
        self.draft.path = path
        self.session.set_modified(False)
        self.recovery.discard(self.draft.draft_id)
        self.window.settings.add_recent(path)
        self.update_title()
        self.window.statusBar().showMessage(self.tr("已保存到 %1").replace("%1", str(path)), 4000)
        return True

    def edit_metadata(self) -> bool:
        """文件 → 公文信息: the overrides and the 印发通知's 版头 (发文字号 …), kept with the draft,
        so the 版头 is filled in once with the other facts of the 公文, not only before an export."""
        from desktop.app.export_flow import HEAD_KEY
        from desktop.app.metadata_dialog import MetadataDialog
        from desktop.plan.export.notice import NoticeHead

        plan = self.window.current_plan()
        parsed = plan.metadata if plan is not None else Metadata()
        stored = NoticeHead.from_dict(self.draft.extra.get(HEAD_KEY))
        dialog = MetadataDialog(parsed, self.draft.overrides, self.window, head=stored)
        if dialog.exec() != MetadataDialog.DialogCode.Accepted:
            return False
        self.set_overrides(dialog.overrides())
        head = dialog.head()
        if head is not None and head != stored:
            self.session.set_extra(HEAD_KEY, head.to_dict())  # a new revision: autosaved too
        return True

    def set_overrides(self, overrides: Metadata) -> None:
        if self.session.set_overrides(overrides):
            self.window.recheck()
