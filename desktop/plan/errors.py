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

    @classmethod
    def unreadable(cls, path: Path | str, error: OSError) -> InputError:
        """The file exists but the system would not let us read it (permissions, a lock, I/O)."""
        return cls(path, f"无法读取文件（{error.strerror or error}）。")


OLD_WORD_FORMAT = "这是旧版 Word 文档（.doc/.wps 格式）。请在 Word 或 WPS 中“另存为” .docx 后再打开。"
EMPTY_FILE = "文件是空的，没有可读的内容。"


def read_head(path: Path, size: int = 8) -> bytes:
    """The first bytes of a file, to tell its kind by content rather than by name."""
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError as error:
        raise InputError.unreadable(path, error) from None
