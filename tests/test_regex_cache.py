"""The compiled regexes kept across runs: the same Pattern objects, the same findings, or no cache."""

from __future__ import annotations

import marshal
import re
from pathlib import Path

from cli_process import check_process

from desktop import regex_cache

REPO = Path(__file__).resolve().parent.parent


def test_patterns_from_the_cache_equal_those_compiled_afresh(corpus_path, tmp_path) -> None:
    check_process(corpus_path("huishan"), tmp_path)
    _tag, table = marshal.loads(regex_cache.cache_file(tmp_path).read_bytes())
    for (pattern, flags), entry in table.items():
        cached = regex_cache.from_entry(pattern, entry)
        assert cached == re.compile(pattern, flags), pattern  # Pattern equality compares the code


def test_a_cache_of_another_interpreter_is_ignored(tmp_path, monkeypatch) -> None:
    regex_cache.cache_file(tmp_path).write_bytes(
        marshal.dumps((("another",), {("x", 0): (0, [], 0, {}, ())}))
    )
    monkeypatch.delenv("PLANDESK_NO_REGEX_CACHE", raising=False)
    assert regex_cache.install(tmp_path)
    try:
        assert regex_cache._state["table"] == {}
        assert re.compile("[一-龥]{2}(?P<n>x)").match("中文x")["n"] == "x"
        assert regex_cache._state["table"]  # compiled, to be saved at exit
    finally:
        regex_cache.uninstall()


def test_a_damaged_entry_is_compiled_afresh(tmp_path) -> None:
    """A cache entry whose code is not valid matcher code never reaches the caller."""
    import re

    from desktop import regex_cache

    regex_cache.uninstall()
    assert regex_cache.install(tmp_path)
    try:
        pattern = "损坏的条目[一-龥]+"
        key = (pattern, 0)
        regex_cache._state["table"][key] = (32, b"\x01\x02\x03\x04", 0, {}, ())
        re.purge()
        compiled = re.compile(pattern)
        assert compiled.search("这是损坏的条目测试")
        assert (
            key not in regex_cache._state["table"]
            or regex_cache._state["table"][key][1] != b"\x01\x02\x03\x04"
        )
    finally:
        regex_cache.uninstall()
