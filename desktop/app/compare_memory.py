"""What the Compare window remembers between sessions: whether it shows only the changes, and
which of last year's plans goes with which draft file.

Last year's plan is saved inside a .plan.yaml draft (``extra["last_year"]``), but a writer who
opened a .txt or .docx and never saved it as a draft would be asked again every time; and
choosing it must not mark the draft modified (it is not an edit of the text). So the choice is
also kept here, by the draft file's path, in the app's own settings file.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QSettings

CHANGES_ONLY_KEY = "compare/changes_only"
LAST_YEARS_KEY = "compare/last_years"  # JSON: draft file path → last year's plan path
MAX_REMEMBERED = 50


class CompareMemory:
    """The Compare window's settings, in the app's settings file inside ``folder``.

    QSettings objects on one file share their values within the process, so this object and the
    app's ``AppSettings`` never disagree.
    """

    def __init__(self, folder: Path | str) -> None:
        self._qs = QSettings(str(Path(folder) / "plandesk.ini"), QSettings.Format.IniFormat)

    @property
    def changes_only(self) -> bool:
        """ "只看改动": on unless the writer turned it off (most rows of a next-year draft are unchanged)."""
        value = self._qs.value(CHANGES_ONLY_KEY, True)
        return value.lower() not in ("false", "0", "") if isinstance(value, str) else bool(value)

    @changes_only.setter
    def changes_only(self, on: bool) -> None:
        self._qs.setValue(CHANGES_ONLY_KEY, bool(on))

    def last_year_for(self, draft: Path | None) -> str:
        """Last year's plan chosen for the draft file ``draft`` ("" if none, or no file)."""
        return self._last_years().get(_key(draft), "") if draft is not None else ""

    def remember_last_year(self, draft: Path | None, last_year: str) -> None:
        if draft is None:
            return
        known = self._last_years()
        known.pop(_key(draft), None)
        known[_key(draft)] = last_year  # newest last, so the oldest are forgotten first
        self._qs.setValue(
            LAST_YEARS_KEY, json.dumps(dict(list(known.items())[-MAX_REMEMBERED:]), ensure_ascii=False)
        )

    def _last_years(self) -> dict[str, str]:
        try:
            value = json.loads(str(self._qs.value(LAST_YEARS_KEY, "{}")))
        except ValueError:  # a hand-edited or damaged settings file: forget, do not fail
            return {}
        return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def _key(path: Path) -> str:
    return str(Path(path).resolve())
