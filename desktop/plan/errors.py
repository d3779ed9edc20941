"""The one error type the core raises for input it cannot use."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """A file that cannot be used, with a Chinese message for the writer that names the file.

    The command line prints the message and exits 2; the GUI shows it in a dialog. Nothing
    else about the failure (tracebacks, codec names) reaches the user.
    """

    def __init__(self, path: Path | str | None, problem: str) -> None:
        self.path = Path(path) if path is not None else None
        self.problem = problem
        where = f"“{self.path.name}”" if self.path is not None else "输入"
        super().__init__(f"无法使用{where}：{problem}")

    @property
    def message(self) -> str:
        return str(self)
