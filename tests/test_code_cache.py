"""The dataclasses' compiled methods kept across runs: the same classes, the same findings, or no cache."""

from __future__ import annotations

import dataclasses
import marshal
from importlib.util import MAGIC_NUMBER
from pathlib import Path

import pytest

from desktop import code_cache

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def installed(tmp_path):
    code_cache.uninstall()
    assert code_cache.install(tmp_path)
    yield tmp_path
    code_cache.uninstall()


def _make() -> type:
    @dataclasses.dataclass(frozen=True, order=True)
    class Mention:
        term: str
        line: int = 0
        parts: tuple[str, ...] = ()

    return Mention


def test_a_class_made_from_cached_code_is_the_class_compiled_afresh(installed) -> None:
    code_cache.uninstall()
    plain = _make()  # no cache at all
    assert code_cache.install(installed)
    fresh = _make()  # compiled, and kept
    assert code_cache._state["dirty"] and code_cache._state["table"]
    code_cache._state["dirty"] = False
    cached = _make()  # every method from the cache
    assert not code_cache._state["dirty"]
    for name in ("__init__", "__repr__", "__eq__", "__lt__", "__hash__", "__setattr__", "__delattr__"):
        want = getattr(plain, name)
        for kind in (fresh, cached):
            got = getattr(kind, name)
            # Same code: no __future__ flag of ours leaks in (annotations stay as dataclasses wrote them).
            assert got.__code__.co_code == want.__code__.co_code, name
            assert got.__code__.co_flags == want.__code__.co_flags, name
            assert got.__annotations__ == want.__annotations__, name
    for kind in (fresh, cached):
        one, two = kind("双减", 3), kind("双减", 3, ("课后服务",))
        assert one == kind("双减", 3) and one != two and one < two and hash(one) == hash(kind("双减", 3))
        assert repr(one).endswith("Mention(term='双减', line=3, parts=())")
        with pytest.raises(dataclasses.FrozenInstanceError):
            one.line = 4  # type: ignore[misc]
        assert dataclasses.replace(one, line=5).line == 5


def test_a_cache_of_another_interpreter_or_a_damaged_one_is_ignored(tmp_path) -> None:
    path = code_cache.cache_file(tmp_path)
    for damage in (
        b"\x00not marshal",
        marshal.dumps(((1, b"another magic"), {})),
        marshal.dumps(((1, MAGIC_NUMBER), {"source": b"not code"})),
    ):
        path.write_bytes(damage)
        code_cache.uninstall()
        assert code_cache.install(tmp_path)
        try:
            assert _make()("党建").line == 0
        finally:
            code_cache.uninstall()


@pytest.mark.parametrize("damaged", [marshal.dumps(7), b"\xff\x00"], ids=["not code", "not marshal"])
def test_a_damaged_entry_is_compiled_afresh(installed, damaged) -> None:
    _make()
    table = code_cache._state["table"]
    for source in table:
        table[source] = damaged
    code_cache.save()
    code_cache.uninstall()
    assert code_cache.install(installed)
    assert _make()("党建", 2).line == 2  # every method compiled afresh, none run from the damage
    assert all(
        marshal.loads(blob).__class__.__name__ == "code" for blob in code_cache._state["table"].values()
    )


def test_off_when_asked_and_when_dataclasses_already_has_a_hook(tmp_path, monkeypatch) -> None:
    code_cache.uninstall()
    monkeypatch.setenv("PLANDESK_NO_CODE_CACHE", "1")
    assert not code_cache.install(tmp_path)
    monkeypatch.delenv("PLANDESK_NO_CODE_CACHE")
    monkeypatch.setattr(dataclasses, "exec", exec, raising=False)
    assert not code_cache.install(tmp_path)
    assert "exec" not in vars(dataclasses) or vars(dataclasses)["exec"] is exec
