"""Keep the window on the screen: the whole of it, status bar included, on a 1366×768 laptop.

The first window is sized for a desktop monitor, and a geometry saved on a large monitor may be
restored on a small one (a laptop undocked, a projector). Either way the window is clamped to the
screen's available area (without the taskbar) so its bottom edge, with the problems panel and the
status bar, is never off-screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FIRST_SIZE = (1280, 800)  # what a larger screen gets; a smaller screen gets all of its area
ASSUMED_FRAME = (8, 31)  # border and title bar of a Windows 10/11 window at 100 %, in pixels


def clamped(frame: QRect, available: QRect) -> QRect:
    """``frame`` moved and shrunk until it lies within ``available``."""
    width = min(frame.width(), available.width())
    height = min(frame.height(), available.height())
    left = min(max(frame.left(), available.left()), available.right() - width + 1)
    top = min(max(frame.top(), available.top()), available.bottom() - height + 1)
    return QRect(left, top, width, height)


def available_area(window: QWidget) -> QRect:
    """The available area of the screen the window is on (its centre), else the primary screen."""
    screen = QGuiApplication.screenAt(window.frameGeometry().center()) or window.screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, *FIRST_SIZE)


def fit_to_screen(window: QWidget, available: QRect | None = None) -> QRect:
    """Move and shrink ``window`` so its frame (title bar included) fits ``available``.

    Before the window is shown Qt does not know its frame, so a Windows title bar and borders are
    assumed; a maximised or full-screen window fits already and is left alone. Returns the frame.
    """
    area = available if available is not None else available_area(window)
    inner, frame = window.geometry(), window.frameGeometry()
    if window.isMaximized() or window.isFullScreen():
        return frame
    if frame.height() <= inner.height():  # not shown yet: no frame known
        border, title = ASSUMED_FRAME
        frame = inner.adjusted(-border, -title, border, border)
    fitted = clamped(frame, area)
    window.setGeometry(
        fitted.left() + inner.left() - frame.left(),
        fitted.top() + inner.top() - frame.top(),
        fitted.width() - (frame.width() - inner.width()),
        fitted.height() - (frame.height() - inner.height()),
    )
    return fitted
