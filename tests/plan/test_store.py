"""The native draft file: round trip, atomic save, clear messages, crash recovery."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.plan.errors import InputError
from desktop.plan.model import Metadata
from desktop.plan.read.loader import load_plan
from desktop.plan.read.store import RecoveryStore, dump_draft, parse_draft, save_draft

META = Metadata(
    title="2027年某区教育工作要点", year=2027, issuer="某区教育局", cc=("市教育局", "区政府办公室")
)


def test_draft_round_trip_keeps_text_metadata_and_extra(tmp_path):
    text = "2027年某区教育工作要点\n一、党建\n1.学习。  \n\n  缩进的行\t制表符\n"
    path = tmp_path / "草稿.plan.yaml"
    save_draft(path, text, META, {"last_year": "2026.docx"})
    source, plan = load_plan(path)
    assert source.text == text and source.metadata == META
    assert source.extra == {"last_year": "2026.docx"}
    assert plan.metadata.issuer == "某区教育局"


def test_ordinary_drafts_are_stored_as_readable_text(tmp_path):
    path = tmp_path / "草稿.plan.yaml"
    save_draft(path, "一、党建\n1.学习。\n", META)
    assert "text: |\n  一、党建\n  1.学习。\n" in path.read_text(encoding="utf-8")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_any_text_round_trips(text):
    text = text.replace("\r", "")
    assert parse_draft(dump_draft(text, Metadata())).text == text


def test_atomic_save_leaves_the_old_file_when_writing_fails(tmp_path, monkeypatch):
    path = tmp_path / "草稿.plan.yaml"
    save_draft(path, "旧内容", Metadata())

    def refuse(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(InputError) as raised:
        save_draft(path, "新内容", Metadata())
    assert "原文件未被改动" in raised.value.message
    assert parse_draft(path.read_text(encoding="utf-8")).text == "旧内容"
    assert [p.name for p in tmp_path.iterdir()] == ["草稿.plan.yaml"]


@pytest.mark.parametrize(
    "content, fragment",
    [
        ("plandesk: 1\ntext: [unclosed\n", "损坏"),
        ("name: 别的程序\nvalue: 3\n", "不是要点编写助手的草稿文件"),
        ("- a\n- b\n", "不是要点编写助手的草稿文件"),
        ("plandesk: 99\ntext: x\n", "升级"),
        ("plandesk: 1\ntext: {a: 1}\n", "不是文字"),
        ("plandesk: 1\ntext: !!python/object/apply:os.system ['echo']\n", "损坏"),
    ],
)
def test_malformed_or_foreign_drafts(tmp_path, content, fragment):
    path = tmp_path / "坏草稿.plan.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_plan(path)
    assert fragment in raised.value.message and "坏草稿.plan.yaml" in raised.value.message


def test_recovery_store_offers_back_what_a_crash_left(tmp_path):
    store = RecoveryStore(tmp_path / "recovery")
    assert store.pending() == []
    store.write("a1", "一、未保存的内容", META, source_path="D:/要点/2027.plan.yaml")
    store.write("b2", "新草稿", Metadata())
    (tmp_path / "recovery" / "garbage.plan.yaml").write_text("::::", encoding="utf-8")
    pending = store.pending()
    assert [r.draft_id for r in pending] == ["b2", "a1"]
    assert pending[1].source.text == "一、未保存的内容"
    assert pending[1].source_path == "D:/要点/2027.plan.yaml"
    assert pending[1].source.metadata == META
    store.discard("a1")
    assert [r.draft_id for r in store.pending()] == ["b2"]
