"""Start the desktop app: ``plandesk [FILE]`` and ``plandesk --screenshot OUT.png [FILE]``.

The lead's ``desktop/cli.py`` calls :func:`run`. Qt is imported here and nowhere on the CLI's other
paths, so the sub-commands start without it.
"""

from __future__ import annotations

import sys
from pathlib import Path

SCREENSHOT_TIMEOUT_MS = 60_000


def run(file: str | None = None, screenshot: str | None = None) -> int:
    """Open the main window (with FILE); or render it to a PNG once the checks are done."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.app.main_window import APP_NAME, MainWindow
    from desktop.app.settings import AppSettings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("PlanDesk")
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName("PlanDesk")
    font = app.font()
    font.setFamilies(["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", font.family()])
    app.setFont(font)
    window = MainWindow(AppSettings.default())
    if screenshot is not None:
        errors: list[str] = []
        window.files.report_error = errors.append
        if file is not None and not window.files.open_path(file):
            print(errors[-1] if errors else f"无法打开“{file}”。", file=sys.stderr)
            return 2
        window.show()
        loop = QEventLoop()
        window.analysis_shown.connect(lambda _result: loop.quit())
        QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, loop.quit)
        if file is None:
            window.recheck()
        if window.shown is None or not window.shown.complete:
            loop.exec()
        app.processEvents()
        image = window.grab()
        ok = image.save(str(Path(screenshot)))
        window.files.close_draft()
        window.runner.wait_idle(5000)
        window.exporter.wait_idle(5000)
        if not ok:
            print(f"无法保存截图“{screenshot}”。", file=sys.stderr)
            return 2
        return 0
    window.show()
    if file is not None:
        window.files.open_path(file)
    else:
        QTimer.singleShot(0, window.files.offer_recovery)
    return app.exec()
