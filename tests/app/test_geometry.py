"""The window fits the screen: a 1366×768 laptop shows the status bar and the panels' bottom."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect

from desktop.app.screen_fit import clamped, fit_to_screen

pytestmark = pytest.mark.gui

LAPTOP = QRect(0, 0, 1366, 728)  # 1366×768 less a 40-pixel taskbar


def test_clamped_moves_then_shrinks():
    assert clamped(QRect(100, 50, 1280, 839), LAPTOP) == QRect(86, 0, 1280, 728)
    assert clamped(QRect(-300, -20, 800, 600), LAPTOP) == QRect(0, 0, 800, 600)
    assert clamped(QRect(0, 0, 1920, 1080), QRect(1366, 0, 1920, 1040)) == QRect(1366, 0, 1920, 1040)


def _inside(window, widget, area: QRect) -> bool:
    """Whether ``widget`` lies wholly inside ``area`` in screen coordinates (the window's frame)."""
    top_left = widget.mapTo(window, QPoint(0, 0)) + window.geometry().topLeft()
    return area.contains(QRect(top_left, widget.size()))


def test_first_window_fits_a_laptop_screen(window, qtbot):
    window.setGeometry(40, 60, 1280, 800)  # the size the first window asks for
    qtbot.waitUntil(lambda: window.geometry().height() == 800)
    assert not LAPTOP.contains(window.frameGeometry())
    fit_to_screen(window, LAPTOP)
    qtbot.waitUntil(lambda: window.frameGeometry().height() <= LAPTOP.height())
    assert LAPTOP.contains(window.frameGeometry())
    for part in (window.statusBar(), window.problems, window.outline, window.themes, window.editor):
        assert part.isVisible()
        assert _inside(window, part, LAPTOP), part


def test_restored_geometry_from_a_big_monitor_is_clamped(app_settings, qtbot):
    from desktop.app.main_window import MainWindow

    big = MainWindow(app_settings)
    qtbot.addWidget(big)
    big.setGeometry(200, 150, 1900, 1040)
    app_settings.set_window_state(big.saveGeometry(), big.saveState())
    restored = MainWindow(app_settings)  # restores, then fits the real (offscreen) screen
    qtbot.addWidget(restored)
    area = restored.screen().availableGeometry()
    assert area.contains(restored.frameGeometry())
    frame = fit_to_screen(restored, LAPTOP)
    assert LAPTOP.contains(frame)
    assert restored.geometry().height() < 728 and restored.geometry().width() <= 1366
    for window in (big, restored):
        window.editor.document().setModified(False)
        window.close()


def test_the_text_keeps_at_least_half_the_width_on_a_laptop(window, qtbot):
    window.setGeometry(40, 60, 1280, 800)  # the size the first window asks for
    qtbot.waitUntil(lambda: window.geometry().width() == 1280)
    fit_to_screen(window, LAPTOP)
    window._default_docks()
    qtbot.wait(50)
    assert window.editor.width() >= 0.45 * window.width()
    assert window.themes.width() >= 300  # its longest name still fits beside the status
