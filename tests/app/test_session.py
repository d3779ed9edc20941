"""DraftSession on its own: a real editor, no window; each edit one undo step, each change heard."""

from __future__ import annotations

import pytest

from checks.finding import Fix
from desktop.app.editor import PlanEditor
from desktop.app.session import Draft, DraftSession
from desktop.plan.model import Metadata, Span

pytestmark = pytest.mark.gui
TEXT = "一、加强党建\n1.抓学习。\n3.抓落实。\n"


@pytest.fixture
def editor(qtbot):
    editor = PlanEditor()
    qtbot.addWidget(editor)
    return editor


@pytest.fixture
def session(editor):
    session = DraftSession(editor)
    session.load(TEXT, Draft(), modified=False)
    return session


def test_an_edit_is_one_undo_step_and_is_announced(session, editor, qtbot):
    with qtbot.waitSignal(session.edited), qtbot.waitSignal(session.modifiedChanged) as modified:
        assert session.apply_text(TEXT.replace("3.", "2."), cursor_offset=0)
    assert modified.args == [True] and session.is_modified()
    assert session.text() == TEXT.replace("3.", "2.")
    editor.undo()
    assert session.text() == TEXT
    assert not session.apply_text(TEXT)  # no change, no undo step, no signal


def test_fixes_are_refused_once_the_text_moved_on(session):
    start = TEXT.index("3.")
    fix = Fix(Span(start, start + 1), "2")
    assert not session.apply_fixes("另一段文字", [fix])
    assert session.apply_fixes(TEXT, [fix]) and session.text() == TEXT.replace("3.", "2.")


def test_metadata_is_an_unsaved_change_that_autosave_sees(session, qtbot):
    before = session.revision()
    with qtbot.waitSignal(session.overridesChanged) as changed:
        assert session.set_overrides(Metadata(issuer="XX区教育局"))
    assert changed.args[0].issuer == "XX区教育局" and session.overrides.issuer == "XX区教育局"
    assert session.is_modified() and session.revision() > before
    assert not session.set_overrides(Metadata(issuer="XX区教育局"))


def test_loading_another_draft_replaces_text_and_record(session, qtbot, tmp_path):
    draft = Draft(path=tmp_path / "新.plan.yaml")
    with qtbot.waitSignal(session.draftLoaded):
        session.load("二、新的要点\n", draft, modified=True)
    assert session.draft is draft and session.text() == "二、新的要点\n" and session.is_modified()
    assert session.draft.display_name == "新.plan.yaml"


def test_a_draft_setting_is_an_unsaved_change_that_autosave_sees(session):
    before = session.revision()
    assert session.set_extra("notice_head", {"number": "武教发〔2026〕1号"})
    assert session.revision() != before and session.is_modified()
    assert not session.set_extra("notice_head", {"number": "武教发〔2026〕1号"})  # same value: nothing
