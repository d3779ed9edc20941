"""The writer's own words, one list per bureau, kept in the app's settings folder.

"加入词典" on a W (wording) finding adds the flagged word here; the checks engine then drops W
findings on it (``CheckConfig.user_words``). Each bureau's list is a check configuration file of
its own (``words/<bureau>.yaml`` holding ``user_words: [...]``), read with the same
``checks.config.load_config`` as ``plandesk check --config``, so the writer can use the very file
on the command line. No Qt here: the worker thread reads it.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checks.config import CheckConfig
    from desktop.plan.model import Plan

DEFAULT_BUREAU = "默认"
_HEADER = "# 要点编写助手：本单位词典（“加入词典”添加）。用词检查（W）不再对这些词提示。\n"


def bureau_of(plan: Plan | None) -> str:
    """The bureau a plan belongs to: its 发文机关, else the shared default list."""
    issuer = plan.metadata.issuer.strip() if plan is not None else ""
    return issuer or DEFAULT_BUREAU


class WordLists:
    """Per-bureau word lists under ``folder/words``; configs are cached until their file changes."""

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder) / "words"
        self._lock = threading.Lock()
        self._cache: dict[Path, tuple[int, CheckConfig]] = {}
        self.last_error = ""

    def path_for(self, bureau: str) -> Path:
        safe = "".join(ch for ch in bureau if ch.isalnum() or ch in "-_（）()") or DEFAULT_BUREAU
        return self.folder / f"{safe}.yaml"

    def words(self, bureau: str) -> list[str]:
        return sorted(self.config(bureau).user_words)

    def add(self, bureau: str, word: str) -> bool:
        """Add ``word`` to the bureau's list; False when it is blank or already there."""
        from desktop.plan.read.store import write_atomic

        word = word.strip()
        if not word:
            return False
        import yaml

        path = self.path_for(bureau)
        data: dict[str, object] = {}
        if path.is_file():
            loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
            data = dict(loaded) if isinstance(loaded, dict) else {}
        words = [str(w) for w in data.get("user_words") or []]  # type: ignore[union-attr]
        if word in words:
            return False
        data["user_words"] = [*words, word]
        path.parent.mkdir(parents=True, exist_ok=True)
        body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        write_atomic(path, (_HEADER + body).encode("utf-8"))
        return True

    def config(self, bureau: str) -> CheckConfig:
        """The shipped defaults with this bureau's words; a broken file is reported, not fatal."""
        from checks.config import CheckConfig, load_config
        from desktop.plan.errors import InputError

        path = self.path_for(bureau)
        try:
            stamp = path.stat().st_mtime_ns
        except OSError:
            return CheckConfig.defaults()
        with self._lock:
            cached = self._cache.get(path)
            if cached is not None and cached[0] == stamp:
                return cached[1]
            try:
                config = load_config(path)
                self.last_error = ""
            except InputError as error:
                self.last_error = error.message
                config = CheckConfig.defaults()
            self._cache[path] = (stamp, config)
            return config

    def config_for(self, plan: Plan) -> CheckConfig:
        return self.config(bureau_of(plan))
