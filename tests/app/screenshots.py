"""Render the main window as a writer sees it on a 1366×768 laptop and a 1920×1080 monitor.

Run by hand after a visible change to the window (the PNGs go to ``docs/``)::

    python tests/app/screenshots.py

Each size runs in its own offscreen Qt process whose one screen has that size. The window gets
the screen's area less a Windows taskbar (40 px) and title bar (31 px), which is what a maximised
window's contents have there, opens a corpus plan, waits for the checks and is grabbed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SIZES = ((1366, 768), (1920, 1080))
PLAN = "2022_wuxi_huishan_district.txt"
TASKBAR, TITLE_BAR = 40, 31


def render(width: int, height: int, out: Path, plan: Path) -> None:
    """In this process (its screen already ``width``×``height``): open ``plan``, grab to ``out``."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.app.main_window import MainWindow
    from desktop.app.settings import AppSettings
    from desktop.app.translation import install_translator

    app = QApplication(sys.argv[:1])
    install_translator(app)
    font = app.font()
    font.setFamilies(["Noto Sans CJK SC", "Microsoft YaHei", font.family()])
    app.setFont(font)
    window = MainWindow(AppSettings(tempfile.mkdtemp(prefix="plandesk-shot-")))
    window.files.report_error = print
    window.setGeometry(0, TITLE_BAR, width, height - TASKBAR - TITLE_BAR)
    window.show()
    loop = QEventLoop()
    window.analysis_shown.connect(lambda _result: loop.quit())
    QTimer.singleShot(60_000, loop.quit)
    window.files.open_path(plan)
    loop.exec()
    window.problems.select_row(0)
    window.editor.goto(window.editor.toPlainText().find("1.加强政治理论武装"))
    for _ in range(5):
        app.processEvents()
    window.grab().save(str(out))
    window.files.close_draft()
    window.jobs.shutdown(5000)


def main() -> int:
    sys.path.insert(0, str(REPO / "tests"))
    from corpus_files import materialise

    folder = Path(tempfile.mkdtemp(prefix="plandesk-corpus-"))
    plan = materialise(folder) / PLAN
    for width, height in SIZES:
        config = folder / f"screen-{width}.json"
        screen = {"name": "shot", "x": 0, "y": 0, "width": width, "height": height}
        config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96, "dpr": 1}]}), encoding="utf-8")
        out = REPO / "docs" / f"window-{width}x{height}.png"
        env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "PYTHONPATH": str(REPO)}
        args = [sys.executable, __file__, "--render", str(width), str(height), str(out), str(plan)]
        subprocess.run(args, env=env, check=True, cwd=REPO)
        print(out)
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--render"]:
        width, height, out, plan = sys.argv[2:6]
        render(int(width), int(height), Path(out), Path(plan))
        raise SystemExit(0)
    raise SystemExit(main())
