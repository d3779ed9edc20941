"""Check configuration: which rules run, severity overrides, the plan year, options, the word list.

Defaults live in ``resources/checks.yaml``; a user's YAML file (``--config``) is merged over them,
and command-line options over that. YAML is read with a safe loader only (``desktop.data.load_yaml``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from checks.finding import Severity
from desktop.data import load_yaml, resource_path
from desktop.plan.errors import InputError

DEFAULTS_PATH = resource_path("checks.yaml")


@dataclass(frozen=True)
class CheckConfig:
    """What to check and how; immutable, so one object can be shared by the GUI and a worker."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    year: int | None = None
    options: dict[str, object] = field(default_factory=dict)
    user_words: frozenset[str] = frozenset()

    @classmethod
    def defaults(cls) -> CheckConfig:
        """The configuration of ``resources/checks.yaml``."""
        return _defaults()

    def merged(
        self,
        *,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
        severity: Mapping[str, Severity] | None = None,
        year: int | None = None,
        options: Mapping[str, object] | None = None,
        user_words: Iterable[str] | None = None,
    ) -> CheckConfig:
        """This configuration with the given values taking precedence.

        ``select`` replaces (an explicit selection is the user's whole choice); ``ignore``,
        ``severity``, ``options`` and ``user_words`` add to what is there.
        """
        return dataclasses.replace(
            self,
            select=tuple(select) if select is not None else self.select,
            ignore=self.ignore + tuple(c for c in (ignore or ()) if c not in self.ignore),
            severity={**self.severity, **(severity or {})},
            year=year if year is not None else self.year,
            options={**self.options, **(options or {})},
            user_words=self.user_words | frozenset(user_words or ()),
        )


def parse_codes(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """``"S001, P"`` or ``["S001", "P"]`` → ``("S001", "P")`` (upper-cased, blanks dropped)."""
    if value is None:
        return ()
    items = value.replace("，", ",").split(",") if isinstance(value, str) else list(value)
    return tuple(str(i).strip().upper() for i in items if str(i).strip())


def config_from_mapping(data: object, base: CheckConfig, path: Path | str | None = None) -> CheckConfig:
    """Merge a mapping read from YAML over ``base``; a malformed or unknown value raises :class:`InputError`.

    Every key is checked against the registry: a misspelt rule code or option name is an error
    naming the key, never silently ignored.
    """
    if data is None:
        return base
    if not isinstance(data, Mapping):
        raise InputError(path, "检查配置应为“键: 值”的映射")
    unknown = set(data) - {"select", "ignore", "severity", "year", "options", "user_words"}
    if unknown:
        raise InputError(
            path,
            f"检查配置中有无法识别的项：{'、'.join(sorted(map(str, unknown)))}"
            "（可用的项：select、ignore、severity、year、options、user_words）",
        )
    severity: dict[str, Severity] = {}
    raw_severity = data.get("severity") or {}
    if not isinstance(raw_severity, Mapping):
        raise InputError(path, "severity 应为“规则代码: 级别”的映射")
    for code, level in raw_severity.items():
        _known_code(str(code).upper(), path, "severity", exact=True)
        try:
            severity[str(code).upper()] = Severity(str(level).lower())
        except ValueError:
            raise InputError(path, f"规则 {code} 的级别“{level}”无效，应为 error、warning 或 info") from None
    year = data.get("year")
    if year is not None and not (isinstance(year, int) and 1900 < year < 2200):
        raise InputError(path, f"年度“{year}”无效，应为四位数年份")
    options = data.get("options") or {}
    if not isinstance(options, Mapping):
        raise InputError(path, "options 应为“键: 值”的映射")
    words = data.get("user_words") or []
    if not isinstance(words, list):
        raise InputError(path, "user_words 应为词语列表")
    select = parse_codes(data["select"]) if data.get("select") else None
    ignore = parse_codes(data.get("ignore"))
    for key, codes in (("select", select or ()), ("ignore", ignore)):
        for code in codes:
            _known_code(code, path, key)
    return base.merged(
        select=select,
        ignore=ignore,
        severity=severity,
        year=year,
        options={str(k): _checked_option(str(k), v, path) for k, v in options.items()},
        user_words=(str(w).strip() for w in words if str(w).strip()),
    )


def _known_code(code: str, path: Path | str | None, key: str, exact: bool = False) -> None:
    """Raise unless ``code`` names a rule (or, where prefixes are allowed, begins some rule's code)."""
    from checks.rules import ALL_RULES

    codes = [r.code for r in ALL_RULES]
    if code in codes or (not exact and any(c.startswith(code) for c in codes)):
        return
    raise InputError(path, f"{key} 中的规则代码“{code}”不存在（可用 plandesk rules 查看全部规则）")


def _checked_option(key: str, value: object, path: Path | str | None) -> object:
    """The value of option ``<CODE>.<name>``, checked against what the rule declares."""
    from checks.rules import rule_by_code

    code, _, name = key.partition(".")
    rule = rule_by_code(code)
    if rule is None:
        raise InputError(path, f"options 中的“{key}”无法识别：没有规则 {code}")
    option = rule.option_named(name)
    if option is None:
        names = "、".join(o.name for o in rule.options) or "无"
        raise InputError(
            path, f"options 中的“{key}”无法识别：规则 {rule.code} 没有参数“{name}”（可用：{names}）"
        )
    try:
        return option.coerce(value)
    except ValueError as error:
        raise InputError(path, f"options 中“{key}”的值“{value}”无效：{error}（{option.help}）") from None


def load_config(path: Path | str, base: CheckConfig | None = None) -> CheckConfig:
    """Read a YAML configuration file and merge it over ``base`` (default: the shipped defaults)."""
    path = Path(path)
    data = load_yaml(path, what="配置文件")
    return config_from_mapping(data, base or CheckConfig.defaults(), path)


@lru_cache(maxsize=1)
def _defaults() -> CheckConfig:
    data = load_yaml(DEFAULTS_PATH, what="检查配置")
    return config_from_mapping(data, CheckConfig(), DEFAULTS_PATH)
