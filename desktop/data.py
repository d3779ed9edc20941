"""Where the program's data lives (``resources/``, ``templates/``), and reading its YAML.

The one place that knows where the data folders are. In a source checkout, and in an editable
install, they are the repository's top-level folders beside this package. A wheel carries them inside
the package as ``desktop/_data/resources`` and ``desktop/_data/templates`` (pyproject.toml maps the
top-level folders there), and a frozen app bundles them at the same place beside its ``desktop``
package. The bundled copy wins when there is one: an installed package must never read whatever
``resources`` folder happens to sit next to site-packages.

:func:`load_yaml` reads a data file with libyaml's safe loader when it is built in (the same safe
subset of YAML, parsed in C) and turns every failure into an :class:`InputError` whose Chinese
message names the file and, for a syntax error, the line: a maintainer who breaks a list is told
where, not shown a traceback.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from desktop.plan.errors import InputError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (2 ms that the outline never needs)
if TYPE_CHECKING:
    from typing import Any

    import yaml

_PACKAGE = Path(__file__).resolve().parent
_BUNDLED = _PACKAGE / "_data"  # an installed wheel or a frozen app
_CHECKOUT = _PACKAGE.parent  # the repository: a source checkout or an editable install


def data_root() -> Path:
    """The folder holding ``resources/`` and ``templates/``: the package's own copy, else the checkout."""
    return _BUNDLED if (_BUNDLED / "resources").is_dir() else _CHECKOUT


DATA_ROOT = data_root()
RESOURCES = DATA_ROOT / "resources"
TEMPLATES = DATA_ROOT / "templates"


def resource_path(*parts: str) -> Path:
    """A file or folder under ``resources/``: ``resource_path("wording", "typos.yaml")``."""
    return RESOURCES.joinpath(*parts)


def template_path(*parts: str) -> Path:
    """A file or folder under ``templates/``: ``template_path("official.docx")``."""
    return TEMPLATES.joinpath(*parts)


def user_cache_dir() -> Path:
    """Where derived data is cached (peer statistics, a dictionary store): $PLANDESK_CACHE_DIR,
    else the platform's user cache folder. Read at each call, so tests can point it elsewhere."""
    override = os.environ.get("PLANDESK_CACHE_DIR")
    if override:
        return Path(override)
    # The folders platformdirs names, worked out here: importing it costs ~10 ms, and the outline
    # (which reads a cache on every run) must stay fast.
    if sys.platform == "win32":
        return (
            Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "plandesk" / "Cache"
        )
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "plandesk"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "plandesk"


def user_data_dir() -> Path:
    """Where the writer's own data lives (the reference library): $PLANDESK_DATA_DIR, else the
    platform's user data folder. Unlike the cache, deleting it loses the writer's work."""
    override = os.environ.get("PLANDESK_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming") / "plandesk"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "plandesk"
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "plandesk"


def load_yaml(path_or_name: Path | str, *, what: str) -> Any:
    """The YAML document of a file; ``what`` names it for the writer (词表, 配置文件 …).

    A :class:`~pathlib.Path` is read as it is; a ``str`` is a name under ``resources/``
    (``"calendar.yaml"``, ``"wording/typos.yaml"``). An empty file is ``None``. A file that is missing,
    unreadable, not UTF-8 or not valid YAML raises :class:`InputError` naming it.
    """
    path = path_or_name if isinstance(path_or_name, Path) else resource_path(path_or_name)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(path, f"找不到{what}。") from None
    except UnicodeDecodeError:
        raise InputError(path, f"{what}应为 UTF-8 编码的 YAML。") from None
    except OSError as error:
        raise InputError(path, f"无法读取{what}（{error.strerror or error}）。") from None
    return parse_yaml(text, path=path, what=what)


def parse_yaml(text: str, *, path: Path | str, what: str) -> Any:
    """:func:`load_yaml` for text already read (a caller that also needs the bytes, to hash them).

    A text parsed by an earlier run comes from ``desktop.yaml_cache`` without importing PyYAML."""
    from desktop import yaml_cache

    return yaml_cache.parsed(text, lambda text: _parse(text, path, what))


def _parse(text: str, path: Path | str, what: str) -> Any:
    import yaml

    try:
        return yaml.load(text, Loader=_safe_loader())
    except yaml.YAMLError as error:
        raise InputError(path, f"{what}不是有效的 YAML{_where(error, text)}（{_hint(error)}）。") from None


def _safe_loader() -> type:
    """libyaml's safe loader when it is built in, else PyYAML's own.

    PyYAML is imported here, on the first file read, not with this module: importing it costs some
    10 ms, which ``plandesk outline`` would otherwise pay only to learn where the data folders are.
    """
    loader = globals().get("_SAFE_LOADER")
    if loader is None:
        import yaml

        loader = globals()["_SAFE_LOADER"] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return loader


def __getattr__(name: str) -> Any:
    """``_SAFE_LOADER`` on first access (a test replaces it to exercise the pure-Python parser)."""
    if name == "_SAFE_LOADER":
        return _safe_loader()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _where(error: yaml.YAMLError, text: str) -> str:
    """The line and column the parser stopped at, or the end of the file when it ran out of text."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if mark is None:
        return ""
    if not text[mark.index :].strip():
        last = text.rstrip().count("\n") + 1
        return f"：读到文件末尾（第 {last} 行）仍未结束"
    return f"：第 {mark.line + 1} 行第 {mark.column + 1} 列附近有错"


def _hint(error: yaml.YAMLError) -> str:
    """Where an unclosed bracket or quote was opened: the parser only notices lines later."""
    problem, context = getattr(error, "problem_mark", None), getattr(error, "context_mark", None)
    opened = str(getattr(error, "context", "") or "")
    if problem and context and context.line < problem.line and ("flow" in opened or "quoted" in opened):
        return f"第 {context.line + 1} 行开始的括号或引号可能没有闭合"
    return "请检查缩进、冒号、引号和括号"
