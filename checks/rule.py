"""What a rule is: its description, its declared options and its family behaviours.

A rule says everything about itself in class attributes, so the registry, ``plandesk rules``, the
configuration's validation and the GUI read one source. Behaviours that used to be guessed from the
first letter of the code (silenced by the writer's word list, needs word segmentation) are
attributes, so a new rule of any family can choose them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from checks.finding import Finding, Severity

if TYPE_CHECKING:
    from checks.context import Context


@dataclass(frozen=True)
class Option:
    """A setting of one rule, written ``<CODE>.<name>`` in ``checks.yaml`` or ``--config``.

    ``kind`` is the Python type the value must have (an int is accepted where a float is asked);
    ``help`` is the Chinese text shown by ``plandesk rules`` and in error messages.
    """

    name: str
    kind: type
    default: object
    help: str

    def coerce(self, value: object) -> object:
        """``value`` as this option's type; raises ValueError with a Chinese reason when it is not."""
        if self.kind is bool:
            if isinstance(value, bool):
                return value
        elif self.kind is float:
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return float(value)
        elif self.kind is int:
            if isinstance(value, int) and not isinstance(value, bool):
                return value
        elif self.kind is str:
            if value is None or isinstance(value, str):
                return value
        elif isinstance(value, self.kind):
            return value
        raise ValueError(f"应为{_KIND_NAMES.get(self.kind, self.kind.__name__)}")


_KIND_NAMES = {bool: "true 或 false", float: "数值", int: "整数", str: "文字"}


class Rule:
    """Base of every rule: class attributes describe it, ``check`` yields its findings.

    Subclasses set ``code``, ``name``, ``title``, ``severity``, ``basis``, ``bad`` and ``good`` and
    write a docstring (one-line description, then why). ``check`` must not mutate the context.
    """

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    title: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.WARNING
    basis: ClassVar[str] = "实务"
    bad: ClassVar[str] = ""
    good: ClassVar[str] = ""
    options: ClassVar[tuple[Option, ...]] = ()
    # A finding on a word the writer added to the bureau's word list (“加入词典”) is dropped.
    silenced_by_user_words: ClassVar[bool] = False
    # The rule segments words (jieba): the GUI runs it in the second, slower stage.
    needs_segmentation: ClassVar[bool] = False

    def check(self, ctx: Context) -> Iterator[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError

    @classmethod
    def description(cls) -> str:
        """The first line of the docstring: what the rule catches."""
        doc = (cls.__doc__ or "").strip()
        return doc.splitlines()[0].strip() if doc else cls.title

    @classmethod
    def option_named(cls, name: str) -> Option | None:
        return next((o for o in cls.options if o.name == name), None)
