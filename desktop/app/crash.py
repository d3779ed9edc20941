"""A crash is never silent and never costs the draft.

``install`` sets three nets, all writing to ``<data folder>/plandesk.log``:

- ``sys.excepthook``: an exception nobody caught in the GUI thread (a slot, an event handler) is
  logged with its traceback, every open window's draft is written to its recovery copy at once,
  and the writer is told in Chinese where the draft was kept and where the details are. The app
  keeps running: the exception ended one slot, not the program.
- ``threading.excepthook``: the same log for any other thread (``Jobs`` already turns a failing
  job into a ``failed`` call; this is for what escapes anyway).
- ``faulthandler``: a native crash (a segmentation fault in Qt) cannot run Python code to save
  anything, but its Python traceback of every thread is written to the same log, so the report
  says where it happened; the last autosave is offered at the next start.

Warnings and errors the app logs (``logger.exception`` in the flows) go to the same file.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO

from desktop.data import user_data_dir

logger = logging.getLogger(__name__)
LOG_NAME = "plandesk.log"
Notify = Callable[[str], None]


def log_path() -> Path:
    """The app's log file: in the platform data folder, beside the recovery copies."""
    return user_data_dir() / LOG_NAME


class CrashGuard:
    """The installed hooks; ``uninstall`` puts back what was there (tests install one per test).

    ``notify`` shows the writer the message (a dialog by default; tests collect it).
    """

    def __init__(self, notify: Notify | None = None) -> None:
        self.path = log_path()
        self._notify = notify or _dialog
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._stream: IO[str] = self.path.open("a", encoding="utf-8")
        except OSError as error:
            # A read-only or redirected data folder must not keep the app from starting: the
            # traceback then goes to the console, and the recovery copies still try their own folder.
            if sys.stderr is not None:  # None in a windowed Windows build
                print(
                    f"要点编写助手：无法写日志文件 {self.path}（{error}），改为输出到控制台。",
                    file=sys.stderr,
                )
            self.path = Path(os.devnull)
            self._stream = sys.stderr if sys.stderr is not None else open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
        self._handler = logging.StreamHandler(self._stream)
        self._handler.setLevel(logging.WARNING)
        self._handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self._faulthandler_was_enabled = faulthandler.is_enabled()
        self._handling = False
        self.last_message = ""

    def install(self) -> CrashGuard:
        logging.getLogger().addHandler(self._handler)
        sys.excepthook = self.handle
        threading.excepthook = self._thread_hook
        faulthandler.enable(file=self._stream, all_threads=True)
        return self

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook
        threading.excepthook = self._previous_thread_hook
        faulthandler.disable()
        if self._faulthandler_was_enabled:
            faulthandler.enable()
        logging.getLogger().removeHandler(self._handler)
        if self._stream is not sys.stderr:
            self._stream.close()

    def handle(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        """An uncaught exception in the GUI thread: log it, keep every draft, tell the writer."""
        text = "".join(traceback.format_exception(kind, error, trace))
        self._write("uncaught exception\n" + text)
        if self._handling:  # an error while telling the writer about the first one
            return
        self._handling = True
        try:
            kept = keep_drafts()
            self.last_message = crash_message(kept, self.path, error)
            self._notify(self.last_message)
        except Exception:  # the crash handler must not become the crash
            self._write("while handling it:\n" + traceback.format_exc())
        finally:
            self._handling = False

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        text = "".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback))
        self._write(f"uncaught exception in thread {args.thread.name if args.thread else '?'}\n{text}")

    def _write(self, text: str) -> None:
        logger.error("%s", text.rstrip())  # the file handler writes it; stderr too, if configured
        self._stream.flush()


def keep_drafts() -> list[tuple[str, Path | None]]:
    """Write every open window's draft to its recovery copy now: (draft name, where it is safe)."""
    from PySide6.QtWidgets import QApplication

    from desktop.app.main_window import MainWindow

    kept = []
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            files = widget.files
            kept.append((files.draft.display_name, files.keep_now()))
    return kept


def crash_message(kept: list[tuple[str, Path | None]], log: Path, error: BaseException) -> str:
    """The writer's message: what happened, where each draft is, where the details are."""
    lines = [f"程序遇到意外错误（{type(error).__name__}），当前操作未完成。"]
    for name, where in kept:
        if where is None:
            lines.append(f"“{name}”没有需要保存的内容。")
        else:
            lines.append(f"“{name}”的内容已保存在：{where}")
    lines.append(f"错误详情已记录在：{log}")
    lines.append("可以继续工作；建议先保存文件。")
    return "\n".join(lines)


def _dialog(message: str) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    QMessageBox.critical(QApplication.activeWindow(), "要点编写助手", message)


def install(notify: Notify | None = None) -> CrashGuard:
    """Set the hooks for the running app (``launch.run`` calls this once)."""
    return CrashGuard(notify).install()
