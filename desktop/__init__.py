"""PlanDesk (要点编写助手): write, check, compare and export annual education work plans."""

from pathlib import Path

__version__ = "0.1.0"

# Data the program reads at run time (themes, word lists, calendar, peers, templates) lives in the
# repository's top-level folders, beside this package; an editable install keeps them there.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
RESOURCES = PROJECT_ROOT / "resources"
TEMPLATES = PROJECT_ROOT / "templates"
