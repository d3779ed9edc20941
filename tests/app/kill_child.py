"""The app process ``test_kill.py`` kills: ``python -m tests.app.kill_child DRAFT PROGRESS``.

The real main window opens DRAFT (restoring a newer recovery copy, as the writer would after a
crash), then types a numbered line every 40 ms, saves every 1.7 s and autosaves every
second, writing ``typed N <monotonic time>`` to PROGRESS after each line, and ``kept N <time>``
after each autosave and save has returned, so the test knows what existed and what was on disk
when it killed the process. Settings, data and recovery folders come from the test's
environment (``PLANDESK_CONFIG_DIR``, ``PLANDESK_DATA_DIR``).
"""

from __future__ import annotations

import os
import re
import sys
import time

HEADER = "一、加强党的建设\n"
AUTOSAVE_SECONDS = 1
TYPE_EVERY_MS = 40
SAVE_EVERY_MS = 1700  # slower than autosave, so both the file and the copy are exercised
_LINE = re.compile(r"^(\d+)\.第\d+条要点。$", re.M)


def line_numbers(text: str) -> list[int]:
    """The numbers of the typed lines in ``text``, in order."""
    return [int(n) for n in _LINE.findall(text)]


def main(draft: str, progress_path: str) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from desktop.app.main_window import MainWindow
    from desktop.app.recovery_offer import RESTORE
    from desktop.app.settings import AppSettings

    settings = AppSettings(os.environ["PLANDESK_CONFIG_DIR"])
    settings.autosave_seconds = AUTOSAVE_SECONDS
    window = MainWindow(settings)
    window.files.recovery_chooser = lambda offer: RESTORE
    window.show()
    if not window.files.open_path(draft):
        return 2
    progress = open(progress_path, "a", encoding="utf-8")  # noqa: SIM115 (lives until the kill)
    numbers = line_numbers(window.editor.toPlainText())
    state = {"next": (numbers[-1] if numbers else 0) + 1}

    def type_line() -> None:
        number = state["next"]
        window.editor.moveCursor(QTextCursor.MoveOperation.End)
        window.editor.textCursor().insertText(f"{number}.第{number}条要点。\n")
        state["next"] = number + 1
        progress.write(f"typed {number} {time.monotonic()}\n")
        progress.flush()

    def kept() -> None:
        """Connected after the autosave (and the save): runs once it has returned, so every line
        typed so far is on disk, in the draft or in its recovery copy."""
        progress.write(f"kept {state['next'] - 1} {time.monotonic()}\n")
        progress.flush()

    window.files.autosave_timer.timeout.connect(kept)  # after the app's own autosave slot
    typing = QTimer(window)
    typing.timeout.connect(type_line)
    typing.start(TYPE_EVERY_MS)
    saving = QTimer(window)
    saving.timeout.connect(window.files.save)
    saving.timeout.connect(kept)
    saving.start(SAVE_EVERY_MS)
    progress.write("ready\n")
    progress.flush()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
