"""文件 → 公文信息 on the real window: the 版头 of the 印发通知 is typed into the dialog with the
other facts of the 公文, kept with the draft, saved in its .plan.yaml and shown again on reopening."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from desktop.app.metadata_dialog import MetadataDialog
from desktop.plan.read.store import load_draft
from tests.app.conftest import close_window

pytestmark = pytest.mark.gui

TEXT = "2026年某某区教育工作要点\n一、加强党的建设\n1.深化理论武装。\n"
NUMBER = "某教发〔2026〕3号"


def type_chinese(widget: QWidget, text: str) -> None:
    """Type as a Chinese input method does: the composed text is committed to the focused field
    (QTest's key clicks cannot carry characters beyond Latin-1)."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def run_dialog(window, answer: Callable[[MetadataDialog], None]) -> None:
    """Open 公文信息 from the 文件 menu and let ``answer`` work the modal dialog as a writer would."""
    errors: list[BaseException] = []

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, MetadataDialog)
            answer(dialog)
        except BaseException as error:  # reported after exec() returns
            errors.append(error)
            if dialog is not None:
                dialog.reject()

    QTimer.singleShot(0, window, drive)
    file_menu = window.menuBar().actions()[0].menu()
    action = next(a for a in file_menu.actions() if a.text().startswith("公文信息"))
    action.trigger()  # returns when the dialog is closed
    if errors:
        raise errors[0]


def test_the_notice_number_is_saved_with_the_draft(qtbot, window, app_settings, tmp_path) -> None:
    from desktop.app.main_window import MainWindow

    window.editor.load_text(TEXT)
    window.editor.document().setModified(False)

    def type_number(dialog: MetadataDialog) -> None:
        assert dialog.head_form is not None
        number = dialog.head_form.number
        assert number.text() == "" and number.placeholderText()
        type_chinese(number, NUMBER)
        assert number.text() == NUMBER
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    run_dialog(window, type_number)
    assert window.files.draft.extra["notice_head"]["number"] == NUMBER
    assert window.session.is_modified()  # a new 版头 is an unsaved change, like the overrides
    assert window.files.autosave()  # and goes into the recovery copy
    target = tmp_path / "要点.plan.yaml"
    assert window.files.save_to(target)
    assert load_draft(target).extra["notice_head"]["number"] == NUMBER

    again = MainWindow(app_settings)
    again.files.report_error = lambda message: pytest.fail(message)
    again.show()
    try:
        assert again.files.open_path(target)
        shown: list[str] = []

        def read_number(dialog: MetadataDialog) -> None:
            assert dialog.head_form is not None
            shown.append(dialog.head_form.number.text())
            dialog.accept()  # OK without a change

        run_dialog(again, read_number)
        assert shown == [NUMBER]
        assert not again.session.is_modified()  # OK without a change is not an edit
    finally:
        close_window(again)


def test_cancel_keeps_the_stored_head(window) -> None:
    window.editor.load_text(TEXT)
    window.files.draft.extra["notice_head"] = {"number": NUMBER}
    window.editor.document().setModified(False)

    def type_and_cancel(dialog: MetadataDialog) -> None:
        assert dialog.head_form is not None and dialog.head_form.number.text() == NUMBER
        dialog.head_form.number.clear()
        type_chinese(dialog.head_form.number, "别的字号")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()

    run_dialog(window, type_and_cancel)
    assert window.files.draft.extra["notice_head"] == {"number": NUMBER}
    assert not window.session.is_modified()
