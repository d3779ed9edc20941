"""Compiled regular expressions kept from one run to the next, the way Python keeps bytecode.

CPython's ``re`` compiles a pattern in pure Python (parse, optimise, emit the matcher's code), and a
character class of Chinese characters costs up to a millisecond because the optimiser visits each
code point of ``[\u4e00-\u9fff]``. PlanDesk's readers, rules and themes compile some 400 patterns:
about 90 ms of every ``plandesk check``, a third of the command. The matcher's code depends only on
the pattern, its flags and the interpreter, so :func:`install` keeps it in the cache folder: the
first run compiles and saves, later runs hand the saved code straight to ``_sre.compile``. The
Pattern objects are the same (``==`` compares their code), so nothing matches differently.

The cache is tied to the exact interpreter (version, ``_sre.MAGIC``) like a ``.pyc``; a cache from
another one, or one that cannot be read, is ignored and replaced. ``PLANDESK_NO_REGEX_CACHE=1`` turns
it off. It reaches into ``re``'s internals, so it installs itself only on the versions it knows
(3.10–3.13) and does nothing elsewhere.
"""

from __future__ import annotations

import _sre
import atexit
import os
import re
import sys
from array import array
from pathlib import Path

_FORMAT = 1
_MAX_ENTRIES = 5000  # past this, the next save keeps only what that run used
_KNOWN = ((3, 10), (3, 11), (3, 12), (3, 13))

if sys.version_info[:2] >= (3, 11):
    from re import _compiler, _parser
else:  # pragma: no cover - 3.10
    import sre_compile as _compiler
    import sre_parse as _parser

_state: dict[str, object] = {}  # "path", "table", "used", "dirty", "original" once installed


def _tag() -> tuple[object, ...]:
    """What the saved code depends on besides the pattern: the interpreter and its matcher."""
    word = (sys.byteorder, array("I").itemsize)  # the code is kept as the bytes of an array("I")
    return (_FORMAT, sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE, word)


def cache_file(folder: Path) -> Path:
    return folder / f"regex-{sys.implementation.cache_tag}.marshal"


def install(folder: Path | None = None) -> bool:
    """Serve ``re``'s compilations from the cache in ``folder`` (default: the user's cache folder),
    adding new ones, saved at exit. Idempotent; returns whether the cache is in use."""
    if _state or os.environ.get("PLANDESK_NO_REGEX_CACHE") == "1":
        return bool(_state)
    if sys.version_info[:2] not in _KNOWN or not hasattr(_compiler, "_code"):
        return False
    if folder is None:
        from desktop.data import user_cache_dir

        folder = user_cache_dir()
    path = cache_file(folder)
    from desktop.cache_files import read_table

    _state.update(
        path=path, table=read_table(path, _tag()), used=set(), dirty=False, original=_compiler.compile
    )
    _compiler.compile = _compile
    atexit.register(save)
    return True


def _compile(p, flags=0):
    """``re._compiler.compile`` for a pattern string, its code taken from the cache when it is there."""
    if not isinstance(p, (str, bytes)) or flags & re.DEBUG:
        return _state["original"](p, flags)  # type: ignore[operator]
    flags = int(flags)  # a RegexFlag from a direct caller: marshal keeps plain ints only
    key = (p, flags)
    table = _state["table"]
    entry = table.get(key)  # type: ignore[attr-defined]
    if entry is None:
        # What re._compiler.compile computes, kept before it goes to _sre.compile.
        parsed = _parser.parse(p, flags)
        code = array("I", _compiler._code(parsed, flags)).tobytes()  # bytes: 4× faster to unmarshal
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        entry = (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        table[key] = entry  # type: ignore[index]
        _state["dirty"] = True
    _state["used"].add(key)  # type: ignore[attr-defined]
    try:
        return from_entry(p, entry)
    except Exception:  # a damaged entry (_sre validates the code): compile afresh, drop the entry
        table.pop(key, None)  # type: ignore[attr-defined]
        _state["dirty"] = True
        return _state["original"](p, flags)  # type: ignore[operator]


def from_entry(pattern: str | bytes, entry: tuple[object, ...]) -> re.Pattern:
    """The Pattern of a cache entry: what ``re._compiler.compile`` returns for it."""
    final_flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, final_flags, array("I", code).tolist(), groups, groupindex, indexgroup)


def save() -> None:
    """Write the cache if this run compiled anything new (whole or not at all). At exit, once."""
    from desktop.cache_files import save_table

    save_table(_state, _tag(), _MAX_ENTRIES)


def uninstall() -> None:
    """Put ``re`` back as it was (tests)."""
    if _state:
        _compiler.compile = _state["original"]
        atexit.unregister(save)
        _state.clear()
