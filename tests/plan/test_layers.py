"""Data flows one way, and each package imports only what sits below it.

- ``desktop/plan`` (the core) imports neither the checks, the commands, the GUI nor Qt;
- ``checks`` imports the core, never the commands, the GUI or Qt; inside it, modules import in one
  direction: finding → rule → context → rules → config → run;
- ``desktop/app`` (the GUI) never imports ``desktop/commands``: what both show lives below them;
- inside the core, the model and parser (``desktop/plan/*.py``) import none of its packages; reading
  (``read/``) and shared knowledge (``knowledge/``) import neither the comparison nor the export;
  the export does not import the comparison.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

_CORE_PACKAGES = (
    "desktop.plan.read",
    "desktop.plan.knowledge",
    "desktop.plan.compare",
    "desktop.plan.export",
)
FORBIDDEN = {
    "desktop/plan": ("checks", "desktop.app", "desktop.commands", "PySide6"),
    "desktop/plan/*.py": _CORE_PACKAGES,
    "desktop/plan/read": ("desktop.plan.compare", "desktop.plan.export"),
    "desktop/plan/knowledge": ("desktop.plan.compare", "desktop.plan.export", "desktop.plan.read"),
    "desktop/plan/export": ("desktop.plan.compare",),
    "checks": ("desktop.app", "desktop.commands", "PySide6"),
    "desktop/app": ("desktop.commands",),
}
# Inside checks: what each module (or the rules package) may import from checks.
CHECKS_ORDER = [
    "checks.finding",
    "checks.rule",
    "checks.context",
    "checks.rules",
    "checks.config",
    "checks.run",
]


def _imports(path: Path) -> set[str]:
    """Modules ``path`` imports at run time (anywhere, lazily too), not those under TYPE_CHECKING."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_nothing_above_it(package: str) -> None:
    banned = FORBIDDEN[package]
    offenders = {
        str(path.relative_to(REPO)): sorted(m for m in _imports(path) if m.startswith(banned))
        for path in (REPO.glob(package) if package.endswith(".py") else (REPO / package).rglob("*.py"))
    }
    assert {name: found for name, found in offenders.items() if found} == {}


def _rank(module: str) -> int | None:
    return next(
        (i for i, top in enumerate(CHECKS_ORDER) if module == top or module.startswith(top + ".")), None
    )


def test_checks_modules_import_in_one_direction() -> None:
    offenders = []
    for path in (REPO / "checks").rglob("*.py"):
        module = ".".join(path.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")
        own = _rank(module)
        if own is None:  # checks/__init__, blockers, themes: users of the engine, not part of it
            continue
        for imported in _imports(path):
            theirs = _rank(imported)
            if theirs is not None and theirs > own:
                offenders.append(f"{module} imports {imported}")
    assert offenders == []
