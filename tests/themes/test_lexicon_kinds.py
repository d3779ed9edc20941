"""themes.yaml is validated on load: a wrong kind, date or key gets a Chinese message naming the
file and the key, so a maintainer can find the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.themes import load_lexicon
from desktop.plan.errors import InputError

GOOD_THEME = "  - id: safety\n    name: 安全\n    terms: [校园安全]\n"


def lexicon_file(tmp_path: Path, theme: str) -> Path:
    path = tmp_path / "my_themes.yaml"
    path.write_text(f"themes:\n{GOOD_THEME}{theme}", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("theme", "says"),
    [
        ("    kinds: [kindergarden]\n", ["kinds", "kindergarden", "kindergarten（幼儿园）"]),
        ("    required: [school]\n", ["required", "school"]),
        ("    kinds: [bureau]\n    required: [kindergarten]\n", ["required", "kindergarten", "kinds 之内"]),
        ("    kinds: bureau\n", ["kinds", "列表"]),
        ("    since: July 2021\n", ["since", "2021-07"]),
        ("    before:\n      name: 减负\n", ["before", "since"]),
        ("    since: 2021-07\n    before: 减负\n", ["before", "name"]),
        ("    requried: true\n", ["requried"]),
        ("    parts:\n      - id: p\n        name: 部分\n        since: soon\n", ["parts 第 1 项", "since"]),
    ],
)
def test_a_bad_entry_is_named_with_its_file_and_key(tmp_path: Path, theme: str, says: list[str]) -> None:
    path = lexicon_file(tmp_path, "  - id: double_reduction\n    name: 双减\n    terms: [双减]\n" + theme)
    with pytest.raises(InputError) as raised:
        load_lexicon(path)
    message = raised.value.message
    assert "my_themes.yaml" in message and "themes 第 2 项（双减）" in message
    for word in says:
        assert word in message


def test_required_true_means_every_kind_the_theme_applies_to(tmp_path: Path) -> None:
    path = lexicon_file(tmp_path, "    kinds: [bureau, kindergarten]\n    required: true\n")
    theme = load_lexicon(path).theme("safety")
    assert theme.required_for == {"bureau", "kindergarten"} == theme.kinds


def test_the_shipped_lexicon_gives_every_kind_required_themes() -> None:
    from desktop.plan.model import PlanKind

    lexicon = load_lexicon()
    for kind in PlanKind:
        assert any(kind.value in t.required_for for t in lexicon.themes), kind
    for theme in lexicon.themes:
        assert theme.required_for <= theme.kinds, theme.id
        assert not theme.before or theme.words.since is not None, theme.id
