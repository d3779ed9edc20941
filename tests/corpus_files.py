"""The corpus of real published plans in ``tests/corpus/``: each file's header and its text.

A corpus file is a header of ``# key: value`` lines closed by ``# ----`` (where the plan was found,
whether it is complete, what the copy did to it, what is known to be wrong in it; see
``tests/corpus/FORMAT.md``), then the plan's text exactly as found. Tests and benchmarks read the
text through :func:`materialise`, which writes the bare texts to a folder under their own names,
so every path-based reader (the loader, the command line, the GUI) sees exactly what a writer's
file would hold. Line numbers in the reviewed snapshots count from the first line after the header.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
HEADER_END = "# ----"
HEADER_KEYS = (
    "source",
    "title",
    "issuer",
    "province",
    "level",
    "kind",
    "year",
    "complete",
    "artefacts",
    "known",
)
# Short names for the four plans the first tests were written on.
SHORT_NAMES = {
    "wujin": "2020_changzhou_wujin_district.txt",
    "zhenjiang": "2020_zhenjiang_city_webpage.txt",
    "huishan": "2022_wuxi_huishan_district.txt",
    "changzhou": "2023_changzhou_city_webpage.txt",
}


@dataclass(frozen=True)
class CorpusEntry:
    """One corpus file: its name, its header fields and the plan's text as found."""

    name: str
    header: dict[str, str]
    text: str

    @property
    def complete(self) -> bool:
        return self.header.get("complete", "").startswith("yes")


def read_entry(path: Path) -> CorpusEntry:
    """Split a corpus file into header and text; raises ValueError on a file without a header."""
    raw = path.read_text(encoding="utf-8")
    head, sep, body = raw.partition("\n" + HEADER_END + "\n")
    if not sep or not head.startswith("# "):
        raise ValueError(f"{path.name}: no header closed by {HEADER_END!r}")
    header: dict[str, str] = {}
    for line in head.splitlines():
        key, _, value = line[2:].partition(":")
        header[key.strip()] = value.strip()
    return CorpusEntry(path.name, header, body)


def entries() -> list[CorpusEntry]:
    """Every corpus file, in name order."""
    return [read_entry(p) for p in sorted(CORPUS_DIR.glob("*.txt"))]


def materialise(folder: Path) -> Path:
    """Write each corpus plan's bare text to ``folder`` under its own name; returns ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    current = entries()
    names = {entry.name for entry in current}
    for stale in folder.glob("*.txt"):
        if stale.name not in names:  # a plan since removed from the corpus
            stale.unlink()
    for entry in current:
        target = folder / entry.name
        data = entry.text.encode("utf-8")
        if not target.is_file() or target.read_bytes() != data:  # a stale copy is rewritten
            target.write_bytes(data)
    return folder


def file_name(name: str) -> str:
    """``"wujin"`` → its file name; a file name is returned as it is."""
    return SHORT_NAMES.get(name, name)
