"""The theme lexicon: ``resources/themes.yaml`` read into frozen dataclasses.

The lexicon is data so a maintainer can add a keyword without touching code; this module only
validates its shape (a bad file gets a Chinese message naming it) and compiles each theme's terms
into one regular expression, longest term first, so "心理健康教育" is one mention, not two.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from desktop import RESOURCES
from desktop.plan.errors import InputError
from desktop.plan.tokens import USERDICT_PATH

LEXICON_PATH = RESOURCES / "themes.yaml"


@dataclass(frozen=True)
class Settings:
    """Thresholds of the coverage verdicts and of the peer checklist (see themes.yaml)."""

    expected_share: float = 0.6
    substantive_sentences: int = 2
    devoted_clauses: int = 3
    suggestion_share: float = 0.5
    suggestion_limit: int = 15


@dataclass(frozen=True)
class TermSet:
    """The ways of naming one concept: literal terms, regex patterns and excluded look-alikes."""

    id: str
    name: str
    terms: tuple[str, ...]
    patterns: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    @property
    def regex(self) -> re.Pattern[str] | None:
        return _compile(self.terms, self.patterns)


@dataclass(frozen=True)
class Theme:
    """A theme of the checklist. ``parts`` is non-empty when the theme is a set (五育)."""

    words: TermSet
    required: bool = False
    parts: tuple[TermSet, ...] = ()

    @property
    def id(self) -> str:
        return self.words.id

    @property
    def name(self) -> str:
        return self.words.name


@dataclass(frozen=True)
class Lexicon:
    themes: tuple[Theme, ...]
    settings: Settings
    digest: str  # hash of the lexicon and the user dictionary: part of the peer cache key

    def theme(self, theme_id: str) -> Theme:
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        raise KeyError(theme_id)

    def vocabulary(self) -> frozenset[str]:
        """Every literal term of every theme and part: the domain words a match may sit inside."""
        words: set[str] = set()
        for theme in self.themes:
            for term_set in (theme.words, *theme.parts):
                words.update(term_set.terms)
        return frozenset(words)


@lru_cache(maxsize=64)
def _compile(terms: tuple[str, ...], patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    alternatives = [re.escape(t) for t in sorted(terms, key=len, reverse=True)] + list(patterns)
    if not alternatives:
        return None
    return re.compile("|".join(f"(?:{a})" for a in alternatives))


def load_lexicon(path: Path | str | None = None) -> Lexicon:
    """Read and validate a theme lexicon (default: the shipped ``resources/themes.yaml``)."""
    return _load(Path(path) if path is not None else LEXICON_PATH)


@lru_cache(maxsize=8)
def _load(path: Path) -> Lexicon:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(path, f"无法读取主题词表（{error.strerror or error}）。") from None
    try:
        data = yaml.safe_load(raw.decode("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise InputError(path, f"主题词表不是有效的 YAML：{error}") from None
    if not isinstance(data, dict) or not isinstance(data.get("themes"), list):
        raise InputError(path, "主题词表应包含 themes: 列表。")
    settings = _settings(data.get("settings") or {}, path)
    themes = tuple(_theme(item, path) for item in data["themes"])
    ids = [t.id for t in themes]
    if len(set(ids)) != len(ids):
        raise InputError(path, "主题词表中有重复的主题 id。")
    userdict = USERDICT_PATH.read_bytes() if USERDICT_PATH.exists() else b""
    digest = hashlib.sha256(raw + b"\0" + userdict).hexdigest()
    return Lexicon(themes=themes, settings=settings, digest=digest)


def _settings(data: object, path: Path) -> Settings:
    if not isinstance(data, dict):
        raise InputError(path, "settings 应为映射。")
    defaults = Settings()
    try:
        return Settings(
            expected_share=float(data.get("expected_share", defaults.expected_share)),
            substantive_sentences=int(data.get("substantive_sentences", defaults.substantive_sentences)),
            devoted_clauses=int(data.get("devoted_clauses", defaults.devoted_clauses)),
            suggestion_share=float(data.get("suggestion_share", defaults.suggestion_share)),
            suggestion_limit=int(data.get("suggestion_limit", defaults.suggestion_limit)),
        )
    except (TypeError, ValueError):
        raise InputError(path, "settings 中的阈值应为数字。") from None


def _term_set(item: object, path: Path, where: str) -> TermSet:
    if not isinstance(item, dict) or not item.get("id") or not item.get("name"):
        raise InputError(path, f"{where}缺少 id 或 name。")

    def strings(key: str) -> tuple[str, ...]:
        value = item.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
            raise InputError(path, f"主题“{item['name']}”的 {key} 应为字符串列表。")
        return tuple(str(v) for v in value if str(v))

    patterns = strings("patterns")
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as error:
            raise InputError(path, f"主题“{item['name']}”的正则“{pattern}”无效：{error}") from None
    return TermSet(
        id=str(item["id"]),
        name=str(item["name"]),
        terms=strings("terms"),
        patterns=patterns,
        exclude=strings("exclude"),
    )


def _theme(item: object, path: Path) -> Theme:
    words = _term_set(item, path, "主题")
    assert isinstance(item, dict)
    parts_data = item.get("parts") or []
    if not isinstance(parts_data, list):
        raise InputError(path, f"主题“{words.name}”的 parts 应为列表。")
    parts = tuple(_term_set(p, path, f"主题“{words.name}”的组成部分") for p in parts_data)
    if not words.terms and not words.patterns and not parts:
        raise InputError(path, f"主题“{words.name}”没有任何说法。")
    return Theme(words=words, required=bool(item.get("required", False)), parts=parts)
