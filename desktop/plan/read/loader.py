"""The front door for files: any supported file → cleaned text (+ where each line came from) → Plan.

The kind of file is decided by its content first and its name second, so a .docx renamed .txt
still opens and a binary renamed .txt gets a clear message instead of mojibake.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from desktop.plan.errors import InputError, read_head
from desktop.plan.model import Metadata, Plan


@dataclass(frozen=True)
class Source:
    """A file read for editing: the text the user edits, and how its lines map to the file's."""

    path: Path | None
    kind: str  # "txt", "docx" or "plan"
    text: str
    origin: tuple[int, ...] = ()  # 1-based file line (paragraph, for .docx) of each text line
    encoding: str = "utf-8"
    metadata: Metadata = field(default_factory=Metadata)  # stored edits (drafts only)
    extra: dict[str, object] = field(default_factory=dict)  # other draft fields (last year's plan …)
    # Names the document goes by: a sharing site's name for it found in the text, then the file's
    # own name. They give the title or year when the text has none (see desktop.plan.titles).
    file_names: tuple[str, ...] = ()
    # The file's lines as read (a .docx's paragraphs), before cleaning: for columns (see position).
    raw_lines: tuple[str, ...] = field(default=(), compare=False, repr=False)

    def source_line(self, line: int) -> int:
        """The file's own line number for 1-based ``line`` of the text."""
        if not self.origin:
            return line
        if 1 <= line <= len(self.origin):
            return self.origin[line - 1]
        return self.origin[-1] if line > len(self.origin) else line

    @cached_property
    def _text_lines(self) -> list[str]:
        """The text's lines, split once: ``position`` is asked for every finding."""
        return self.text.split("\n")

    def position(self, line: int, column: int) -> tuple[int, int]:
        """The file's own 1-based (line, column) for ``column`` of 1-based ``line`` of the text.

        A rejoined paragraph's later characters sit on later file lines, and the indentation or
        page marks cleaning removed shift the columns; see :mod:`desktop.plan.read.positions`."""
        if self.raw_lines and 1 <= line <= len(self.origin):
            from desktop.plan.read.positions import file_position

            text_lines = self._text_lines
            if line <= len(text_lines):
                found = file_position(self.raw_lines, text_lines[line - 1], self.origin[line - 1], column)
                if found is not None:
                    return found
        return self.source_line(line), column


def load_source(path: Path | str) -> Source:
    """Read a .txt, .docx or .plan.yaml file. Raises InputError with a Chinese message."""
    from desktop.plan.read.docx_reader import is_word_file, read_docx
    from desktop.plan.read.textio import clean_text, read_text_file

    path = Path(path)
    if not path.exists():
        raise InputError(path, "文件不存在。")
    if path.is_dir():
        raise InputError(path, "这是一个文件夹，不是文件。")
    name = path.name.lower()
    if name.endswith((".plan.yaml", ".plan.yml")):
        from desktop.plan.read.store import load_draft

        return load_draft(path)
    head = read_head(path)
    if head.startswith(b"%PDF"):
        raise InputError(
            path, "这是 PDF 文件，无法直接编辑。请用 Word/WPS 打开原稿另存为 .docx，或复制文字保存为 .txt。"
        )
    if is_word_file(path, head):
        lines = read_docx(path)
        raw = "\n".join(lines)
        cleaned = clean_text(raw, paragraphs=True)
        if not cleaned.text.strip():
            raise InputError(path, "文档中没有文字内容。")
        names = (*cleaned.file_names, path.name)
        return Source(
            path=path,
            kind="docx",
            text=cleaned.text,
            origin=cleaned.origin,
            file_names=names,
            raw_lines=tuple(raw.split("\n")),
        )
    text, encoding = read_text_file(path)
    cleaned = clean_text(text)
    if not cleaned.text.strip():
        raise InputError(path, "文件中只有空白或网页杂项，没有正文内容。")
    return Source(
        path=path,
        kind="txt",
        text=cleaned.text,
        origin=cleaned.origin,
        encoding=encoding,
        file_names=(*cleaned.file_names, path.name),
        raw_lines=tuple(text.split("\n")),
    )


def load_plan(path: Path | str) -> tuple[Source, Plan]:
    """Read a file and parse it (stored metadata edits of a draft take precedence)."""
    from desktop.plan.parse import parse

    source = load_source(path)
    return source, parse(source.text, source.metadata, source.file_names)


def editing_metadata(source: Source) -> Metadata:
    """The metadata to keep beside the editor's text: what a draft stored, plus a title or a year
    that only the file's name gave.

    The editor re-parses its text alone on every change, without the file's name, so what the name
    told must travel as metadata, or the app and ``plandesk check`` would judge different years.
    """
    from dataclasses import replace

    from desktop.plan.parse import front_metadata

    if not source.file_names:
        return source.metadata
    plain = front_metadata(source.text, source.metadata)
    named = front_metadata(source.text, source.metadata, source.file_names)
    given = {
        name: getattr(named, name)
        for name in ("title", "year")
        if getattr(named, name) != getattr(plain, name) and getattr(named, name)
    }
    return replace(source.metadata, **given) if given else source.metadata
