"""The compiled code of dataclass methods kept from one run to the next, the way Python keeps bytecode.

``@dataclass`` writes the source of each class's ``__init__``, ``__repr__``, ``__eq__``, ``__hash__``
(and, frozen, ``__setattr__`` and ``__delattr__``) and compiles it while the module is imported.
PlanDesk defines about a hundred dataclasses, and the window imports some sixty of them before it
is filled: compiling their methods costs 20–30 ms of every start, ahead of any work. The source
depends only on the class's fields and options, so :func:`install` keeps the compiled code in the
cache folder. ``dataclasses`` calls ``exec`` on that source; a module-level ``exec`` in
``dataclasses`` (found before the builtin) compiles it as the builtin would, or takes the code
compiled by an earlier run, then runs it. The classes are the same: same source, same code.
Python 3.10–3.12 exec each method's source, 3.13 each class's methods at once; tried on all four.

The cache is tied to the exact interpreter (``importlib.util.MAGIC_NUMBER``, like a ``.pyc``); a
cache from another one, or one that cannot be read, is ignored and replaced. It is written at
exit, whole or not at all, when this run compiled something new. ``PLANDESK_NO_CODE_CACHE=1`` turns
it off. Like ``regex_cache`` it is installed only by a process of PlanDesk's own (``desktop.cli``).
"""

from __future__ import annotations

import atexit
import builtins
import dataclasses
import marshal
import os
import sys
import threading
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from types import CodeType

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

HEADER = (1, MAGIC_NUMBER)  # this file's format, and the interpreter's bytecode version
_MAX_ENTRIES = 5000  # past this, the next save keeps only what that run used
_lock = threading.Lock()  # dataclasses are made in the window's worker too, as it imports the rules
_state: dict[str, Any] = {}  # "path", "table" (source → marshalled code), "used", "dirty"


def cache_file(folder: Path) -> Path:
    return folder / f"code-{sys.implementation.cache_tag}.marshal"


def install(folder: Path | None = None) -> bool:
    """Serve dataclasses' compilations from the cache in ``folder`` (default: the user's cache
    folder), adding new ones, saved at exit. Idempotent; returns whether the cache is in use."""
    if _state or os.environ.get("PLANDESK_NO_CODE_CACHE") == "1":
        return bool(_state)
    if "exec" in vars(dataclasses):  # someone else's hook: leave it alone
        return False
    if folder is None:
        from desktop.data import user_cache_dir

        folder = user_cache_dir()
    from desktop.cache_files import read_table

    path = cache_file(folder)
    _state.update(path=path, table=read_table(path, HEADER), used=set(), dirty=False)
    dataclasses.exec = _exec  # type: ignore[attr-defined]
    atexit.register(save)
    return True


def _exec(
    source: object, globals: dict[str, Any] | None = None, locals: dict[str, Any] | None = None
) -> None:
    """``exec`` for ``dataclasses``: the code of ``source`` from the cache when it is there."""
    if not isinstance(source, str):
        return builtins.exec(source, globals, locals)  # type: ignore[arg-type]
    table: dict[str, bytes] = _state["table"]
    code = None
    blob = table.get(source)
    if blob is not None:
        try:
            code = marshal.loads(blob)
        except (ValueError, EOFError, TypeError):
            code = None
        if not isinstance(code, CodeType):
            code = None  # a damaged entry (not code, or not marshal at all): compile afresh
    if code is None:
        # What exec does with a string: no __future__ flags of ours (dont_inherit), "<string>".
        code = compile(source, "<string>", "exec", dont_inherit=True)
        with _lock:
            table[source] = marshal.dumps(code)
            _state["dirty"] = True
    _state["used"].add(source)
    return builtins.exec(code, globals, locals)


def save() -> None:
    """Write the cache if this run compiled anything new (whole or not at all). At exit, once."""
    from desktop.cache_files import save_table

    with _lock:
        save_table(_state, HEADER, _MAX_ENTRIES)


def uninstall() -> None:
    """Put ``dataclasses`` back as it was (tests)."""
    if _state:
        if vars(dataclasses).get("exec") is _exec:
            del dataclasses.exec  # type: ignore[attr-defined]
        atexit.unregister(save)
        _state.clear()
