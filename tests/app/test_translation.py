"""Qt's own words in Chinese: standard buttons, and the editor's menu in the app's own terms."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from desktop.app.translation import install_translator

pytestmark = pytest.mark.gui


@pytest.fixture
def chinese(qapp):
    """Qt's zh_CN catalogue installed for one test, then removed so other tests see Qt as usual."""
    locale = QLocale()
    translator = install_translator(qapp)
    assert translator is not None, "PySide6 ships qtbase_zh_CN.qm; it must be found"
    yield translator
    qapp.removeTranslator(translator)
    translator.deleteLater()
    QLocale.setDefault(locale)


def test_standard_buttons_are_chinese(chinese, qtbot):
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "要点编写助手",
        "是否保存？",
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
    )
    qtbot.addWidget(box)
    texts = {box.button(b).text().replace("&", "") for b in box.standardButtons()}
    assert not texts & {"Save", "Discard", "Cancel"}
    assert any("保存" in text for text in texts)
    assert any("取消" in text for text in texts)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Yes | QDialogButtonBox.StandardButton.No)
    qtbot.addWidget(buttons)
    yes = buttons.button(QDialogButtonBox.StandardButton.Yes).text().replace("&", "")
    assert yes != "Yes" and "是" in yes


def test_installing_twice_keeps_one_translator(chinese):
    assert install_translator(QApplication.instance()) is chinese


def test_editor_menu_matches_the_edit_menu(chinese, window, qtbot):
    window.editor.load_text("一、总体要求\n")
    window.editor.selectAll()
    window.editor.insertPlainText("一、总体目标\n")
    window.editor.undo()
    menu = window.editor.context_menu()
    qtbot.addWidget(menu)
    entries = {a.text(): a for a in menu.actions() if not a.isSeparator()}
    menu_bar_redo = next(
        a
        for m in window.menuBar().actions()
        if m.menu()
        for a in m.menu().actions()
        if a.text() == "重做(&R)"
    )
    assert entries["重做(&R)"].shortcut() == menu_bar_redo.shortcut() == QKeySequence("Ctrl+Y")
    assert entries["重做(&R)"].isEnabled()
    assert {"撤销(&U)", "剪切(&T)", "复制(&C)", "粘贴(&P)", "全选(&L)"} <= set(entries)
    assert all(not any(c.isascii() and c.isalpha() for c in t.split("(")[0]) for t in entries)
    entries["重做(&R)"].trigger()
    assert window.editor.toPlainText() == "一、总体目标\n"
