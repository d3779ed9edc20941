"""What a PlanDesk process keeps for the next one (compiled regexes, dataclass methods): a second
run takes all of it from the cache and finds exactly what the first found, and so does a run
with the cache turned off."""

from __future__ import annotations

import marshal
from importlib.util import MAGIC_NUMBER

import pytest
from cli_process import check_process

from desktop import code_cache, regex_cache

CACHES = {
    "regex": (regex_cache, "PLANDESK_NO_REGEX_CACHE", lambda kept: kept[0] == regex_cache._tag()),
    "code": (
        code_cache,
        "PLANDESK_NO_CODE_CACHE",
        lambda kept: kept[0] == code_cache.HEADER and kept[0][1] == MAGIC_NUMBER,
    ),
}


@pytest.mark.parametrize("name", CACHES)
def test_a_second_run_takes_everything_from_the_cache_and_finds_the_same(name, corpus_path, tmp_path) -> None:
    module, switch, ours = CACHES[name]
    plan = corpus_path("huishan")
    first = check_process(plan, tmp_path)
    path = module.cache_file(tmp_path)
    kept = marshal.loads(path.read_bytes())
    assert ours(kept) and len(kept[-1]) > 100
    written = path.stat().st_mtime_ns
    second = check_process(plan, tmp_path)
    assert second.stdout == first.stdout and second.returncode == first.returncode
    assert path.stat().st_mtime_ns == written, "the second run compiled something the first did not keep"
    without = check_process(plan, tmp_path / "off", **{switch: "1"})
    assert without.stdout == first.stdout
    assert not (tmp_path / "off" / path.name).exists()
