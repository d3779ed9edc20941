"""The PySide6 desktop application: windows, panels, workers. The only place Qt is imported.

Importing the package imports Qt and makes PySide6's import hook cheap (:func:`_cheap_feature_probe`).
"""

from __future__ import annotations

import sys

import PySide6.QtCore  # noqa: F401 - loads the hook patched below


def _cheap_feature_probe() -> None:
    """Let PySide6 ask its question of each new module with one file read, not ``inspect``.

    PySide6 wraps ``__import__`` so that ``from __feature__ import snake_case`` can switch a module's
    Qt API. To learn which modules that may concern, it asks of every module imported after Qt
    whether its source mentions "PySide6", through ``inspect.getsource`` (linecache and tokenize).
    The window imports some 150 modules after Qt and its first check some 70 more: about 10 ms at
    each step, on the way to the first filled window. The same question is answered here by reading
    the file's bytes. Modules without a ``.py`` file, and PySide6 versions without this hook, keep
    PySide6's own way.
    """
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "plandesk", False):
        return

    def mentions_pyside(module: object) -> bool:
        path = getattr(getattr(module, "__spec__", None), "origin", None)  # the module's file
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    mentions_pyside.plandesk = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = mentions_pyside  # type: ignore[attr-defined]


_cheap_feature_probe()
