"""The theme lexicon: ``resources/themes.yaml`` read into frozen dataclasses.

The lexicon is data so a maintainer can add a keyword, a kind of plan or a policy date without
touching code; this module only validates its shape (a bad file gets a Chinese message naming the
file and the key) and compiles each theme's terms into one regular expression, longest term first,
so "心理健康教育" is one mention, not two.

A theme applies to some kinds of plan (``kinds``) and is required for some of them
(``required``); it may have appeared at a known date (``since``, with the name plans used
before it). :meth:`Lexicon.for_plan` turns the lexicon into the checklist of one plan.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from checks.themes.era import Moment, Since, moment_of, parse_since
from desktop.data import parse_yaml, resource_path
from desktop.plan.errors import InputError
from desktop.plan.knowledge.tokens import USERDICT_PATH
from desktop.plan.model import Plan, PlanKind

LEXICON_PATH = resource_path("themes.yaml")
ALL_KINDS: frozenset[str] = frozenset(k.value for k in PlanKind)
DEFAULT_KIND = PlanKind.BUREAU.value  # the checklist of a plan whose kind was not recognised
_PART_KEYS = frozenset({"id", "name", "terms", "patterns", "exclude", "since"})
_THEME_KEYS = _PART_KEYS | {"parts", "kinds", "required", "before"}
_BEFORE_KEYS = frozenset({"id", "name", "terms", "patterns"})


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
    since: Since | None = None  # a part that did not exist before this date (五育's 劳动教育)

    @property
    def regex(self) -> re.Pattern[str] | None:
        return _compile(self.terms, self.patterns)


@dataclass(frozen=True)
class Theme:
    """A theme of the checklist. ``parts`` is non-empty when the theme is a set (五育).

    In the lexicon as loaded, ``required`` says whether the theme is required for any kind of
    plan; in a checklist made by :meth:`Lexicon.for_plan` it says whether it is required for that
    plan, ``name`` is the name current when the plan was written, and parts that did not yet
    exist are gone.
    """

    words: TermSet
    required: bool = False
    parts: tuple[TermSet, ...] = ()
    kinds: frozenset[str] = ALL_KINDS  # the kinds of plan the theme applies to
    required_for: frozenset[str] = frozenset()  # the kinds of plan it is required for
    before: str = ""  # the name plans used before ``words.since``

    @property
    def id(self) -> str:
        return self.words.id

    @property
    def name(self) -> str:
        return self.words.name

    def for_plan(self, kind: str, moment: Moment) -> Theme | None:
        """This theme as it applies to a plan of ``kind`` written at ``moment``; None if it doesn't."""
        if kind not in self.kinds:
            return None
        words = self.words
        if words.since is not None and self.before and moment.before(words.since):
            words = replace(words, name=self.before)
        parts = tuple(p for p in self.parts if p.since is None or not moment.before(p.since))
        return replace(self, words=words, parts=parts, required=kind in self.required_for)


@dataclass(frozen=True)
class Lexicon:
    themes: tuple[Theme, ...]
    settings: Settings
    digest: str  # hash of the lexicon and the user dictionary: part of the peer cache key
    words: frozenset[str] = frozenset()  # every literal term of the whole lexicon
    kind: str = ""  # the kind of plan this is the checklist of; "" for the lexicon as loaded

    def theme(self, theme_id: str) -> Theme:
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        raise KeyError(theme_id)

    def vocabulary(self) -> frozenset[str]:
        """Every literal term of every theme and part: the domain words a match may sit inside."""
        return self.words

    def for_plan(self, kind: str, moment: Moment) -> Lexicon:
        """The checklist of a plan of ``kind`` ("" counts as a bureau's) written at ``moment``."""
        kind = kind or DEFAULT_KIND
        themes = tuple(t for t in (theme.for_plan(kind, moment) for theme in self.themes) if t)
        return replace(self, themes=themes, kind=kind)


def kind_of(plan: Plan) -> tuple[str, bool]:
    """The kind whose checklist applies to ``plan``, and whether the plan says so.

    A plan whose kind was neither recognised nor set by the writer gets a bureau's checklist, the
    most common case; the rules then say that the kind is assumed, never that it is known.
    """
    kind = plan.metadata.kind
    return (kind, True) if kind in ALL_KINDS else (DEFAULT_KIND, False)


def checklist(plan: Plan, lexicon: Lexicon | None = None, year: int | None = None) -> Lexicon:
    """The lexicon resolved for ``plan``: its kind, and the names of the time it was written."""
    lexicon = lexicon or load_lexicon()
    if lexicon.kind:
        return lexicon
    return lexicon.for_plan(kind_of(plan)[0], moment_of(plan, year))


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
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(path, "主题词表应为 UTF-8 编码的 YAML。") from None
    data = parse_yaml(text, path=path, what="主题词表")
    if not isinstance(data, dict) or not isinstance(data.get("themes"), list):
        raise InputError(path, "主题词表应包含 themes: 列表。")
    settings = _settings(data.get("settings") or {}, path)
    themes = tuple(_theme(item, path, i) for i, item in enumerate(data["themes"], 1))
    ids = [t.id for t in themes]
    duplicated = sorted({i for i in ids if ids.count(i) > 1})
    if duplicated:
        raise InputError(path, f"themes 中有重复的主题 id：{'、'.join(duplicated)}。")
    userdict = USERDICT_PATH.read_bytes() if USERDICT_PATH.exists() else b""
    digest = hashlib.sha256(raw + b"\0" + userdict).hexdigest()
    words = frozenset(w for t in themes for s in (t.words, *t.parts) for w in s.terms)
    return Lexicon(themes=themes, settings=settings, digest=digest, words=words)


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


def _term_set(item: object, path: Path, where: str, allowed: frozenset[str] | None = None) -> TermSet:
    if not isinstance(item, dict) or not item.get("id") or not item.get("name"):
        raise InputError(path, f"{where}缺少 id 或 name。")
    where = f"{where}（{item['name']}）"
    unknown = sorted(set(item) - allowed) if allowed is not None else []
    if unknown:
        raise InputError(path, f"{where}中有未知的键：{'、'.join(map(str, unknown))}。")

    def strings(key: str) -> tuple[str, ...]:
        value = item.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
            raise InputError(path, f"{where}的 {key} 应为字符串列表。")
        return tuple(str(v) for v in value if str(v))

    patterns = strings("patterns")
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as error:
            raise InputError(path, f"{where}的 patterns 中的正则“{pattern}”无效：{error}") from None
    since = None
    if item.get("since") is not None:
        since = parse_since(item["since"])
        if since is None:
            raise InputError(
                path, f"{where}的 since 应为年份或“年-月”，如 2021 或 2021-07，而不是“{item['since']}”。"
            )
    return TermSet(
        id=str(item["id"]),
        name=str(item["name"]),
        terms=strings("terms"),
        patterns=patterns,
        exclude=strings("exclude"),
        since=since,
    )


def _kinds(value: object, path: Path, where: str, key: str) -> frozenset[str]:
    """A list of plan kinds (PlanKind values), with a message naming the unknown ones."""
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise InputError(path, f"{where}的 {key} 应为要点类别的列表，如 [bureau, compulsory_school]。")
    unknown = [v for v in value if v not in ALL_KINDS]
    if unknown:
        known = "、".join(f"{k.value}（{k.label}）" for k in PlanKind)
        raise InputError(
            path, f"{where}的 {key} 中的“{'、'.join(unknown)}”不是已知的要点类别；可用的有：{known}。"
        )
    return frozenset(value)


def _theme(item: object, path: Path, number: int) -> Theme:
    words = _term_set(item, path, f"themes 第 {number} 项", _THEME_KEYS)
    assert isinstance(item, dict)
    where = f"themes 第 {number} 项（{words.name}）"
    parts_data = item.get("parts") or []
    if not isinstance(parts_data, list):
        raise InputError(path, f"{where}的 parts 应为列表。")
    parts = tuple(
        _term_set(p, path, f"{where}的 parts 第 {i} 项", _PART_KEYS) for i, p in enumerate(parts_data, 1)
    )
    kinds = _kinds(item["kinds"], path, where, "kinds") if "kinds" in item else ALL_KINDS
    required = item.get("required", False)
    if required is True:
        required_for = kinds
    elif required is False or required is None:
        required_for = frozenset()
    else:
        required_for = _kinds(required, path, where, "required")
        if not required_for <= kinds:
            outside = "、".join(sorted(required_for - kinds))
            raise InputError(path, f"{where}的 required 中的“{outside}”不在它的 kinds 之内。")
    before = item.get("before")
    before_name = ""
    if before is not None:
        if not isinstance(before, dict) or not before.get("name"):
            raise InputError(path, f"{where}的 before 应为映射，至少包含 name（此前的说法）。")
        if words.since is None:
            raise InputError(path, f"{where}有 before 而没有 since：需写明新说法从何时开始。")
        extra = _term_set({"id": words.id, **before}, path, f"{where}的 before", _BEFORE_KEYS)
        before_name = extra.name
        words = replace(words, terms=words.terms + extra.terms, patterns=words.patterns + extra.patterns)
    if not words.terms and not words.patterns and not parts:
        raise InputError(path, f"{where}没有任何说法（terms、patterns 或 parts）。")
    return Theme(
        words=words,
        required=bool(required_for),
        parts=parts,
        kinds=kinds,
        required_for=required_for,
        before=before_name,
    )
