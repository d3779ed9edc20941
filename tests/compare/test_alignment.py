"""Accuracy of the comparison on a 'next year' version of a real plan built inside the test.

The draft is made from 惠山区 2022 the way a writer makes one: year moved on in the title and the
notice, three items dropped, two written new, two moved to other sections, four targets changed,
wording edited in three items, and everything renumbered. Because the test knows where each item
went, it can assert the alignment exactly.
"""

from __future__ import annotations

import pytest

from desktop.plan.compare import ChangeKind, compare_plans
from desktop.plan.parse import parse
from desktop.plan.read.loader import load_source
from desktop.plan.renumber import renumber

DROPPED = (3, 15, 30)  # old item numbers
MOVED = {10: (4, "end"), 20: (5, "start")}  # old item number → (new section index, where)
NEW_ITEMS = {
    2: "加快推进人工智能教育。在全区中小学开设人工智能课程，建设人工智能教育实验室，培养一批人工智能教育骨干教师。",
    6: "建设区域教育大数据中心。汇聚学籍、资助、体质健康等业务数据，建立数据共享机制，用数据支撑精准决策与精准服务。",
}  # new section index → item text (appended without marker; renumbering gives it one)
TARGET_EDITS = {  # old item number → [(as written last year, as written this year)]
    8: [("65%", "70%"), ("85%", "88%"), ("3 所", "4 所")],
}
LATE_TARGET = ("智慧校园覆盖率要达90%", "智慧校园覆盖率要达95%")
WORDING_EDITS = {  # old item number → (old phrase, new phrase)
    1: ("加强政治理论武装", "持续加强政治理论武装"),
    17: ("。", "，全面提升工作实效。"),
    25: ("进一步", ""),
}


def _build(text: str) -> tuple[str, dict[str, int]]:
    """The draft text, and for each old item path the index of its item in the draft's items."""
    plan = parse(text)
    sections = [n for n in plan.nodes if n.children]
    head = text[: sections[0].span.start]
    head_lines = head.split("\n")
    for k, line in enumerate(head_lines):
        if not line.startswith("2022年是"):  # the preamble sentence is kept: it is carried over
            head_lines[k] = line.replace("2022", "2023")
    paths = {id(item): f"{sec.marker_text}/{item.marker_text}" for sec in sections for item in sec.children}
    bodies: list[tuple[str, list[tuple[str | None, str]]]] = []  # (header line, [(old path, text)])
    moved: dict[int, tuple[object, str]] = {}
    for sec in sections:
        header = text[sec.own_span.start : sec.own_span.end]
        items: list[tuple[str | None, str]] = []
        for item in sec.children:
            number = item.number
            body = text[item.span.start : item.span.end]
            for old, new in TARGET_EDITS.get(number, []):
                assert old in body
                body = body.replace(old, new, 1)
            if LATE_TARGET[0] in body:
                body = body.replace(*LATE_TARGET)
            if number in WORDING_EDITS:
                old, new = WORDING_EDITS[number]
                assert old in body
                body = body.replace(old, new, 1)
            if number in DROPPED:
                continue
            if number in MOVED:
                moved[number] = (MOVED[number], (paths[id(item)], body))
                continue
            items.append((paths[id(item)], body))
        bodies.append((header, items))
    for (section, where), entry in moved.values():
        items = bodies[section][1]
        items.insert(0 if where == "start" else len(items), entry)
    for section, body in NEW_ITEMS.items():
        bodies[section][1].append((None, f"99.{body}"))
    lines = ["\n".join(head_lines).rstrip("\n")]
    expected: dict[str, int] = {}
    count = 0
    for header, items in bodies:
        lines.append(header)
        for old_path, body in items:
            lines.append(body)
            if old_path is not None:
                expected[old_path] = count
            count += 1
    return renumber("\n".join(lines) + "\n"), expected


@pytest.fixture(scope="module")
def next_year(corpus_dir):
    text = load_source(corpus_dir / "2022_wuxi_huishan_district.txt").text
    draft, expected = _build(text)
    old, new = parse(text), parse(draft)
    return old, new, expected, compare_plans(old, new)


def test_draft_is_what_the_test_meant(next_year):
    old, new, _expected, _ = next_year
    assert new.year == 2023
    assert len(old.items()) == 40 and len(new.items()) == 40 - 3 + 2
    assert [n.number for n in new.items()] == list(range(1, 40))  # renumbered


def test_every_item_pairs_with_where_it_went(next_year):
    _old, new, expected, result = next_year
    new_items = new.items()
    new_paths = {u.node.span.start: u.path for u in result.new_units}
    want = {path: new_paths[new_items[k].span.start] for path, k in expected.items()}
    got = {p.old.path: p.new.path for p in result.pairs if not p.old.is_section}
    assert got == want


def test_sections_pair_in_place(next_year):
    _, _, _, result = next_year
    sections = [(p.old.path, p.new.path, p.kind) for p in result.pairs if p.old.is_section]
    assert sections == [(m + "、", m + "、", ChangeKind.UNCHANGED) for m in "一二三四五六七"]


def test_kinds_of_change(next_year):
    _, _, _, result = next_year
    kinds = {p.old.path.split("/")[-1]: p.kind for p in result.pairs if not p.old.is_section}
    moved = {k for k, v in kinds.items() if v is ChangeKind.MOVED}
    edited = {k for k, v in kinds.items() if v is ChangeKind.EDITED}
    assert moved == {"10.", "20."}
    assert all(p.other_section for p in result.pairs if p.kind is ChangeKind.MOVED)
    late = next(p for p in result.pairs if LATE_TARGET[1] in p.new.text)
    assert edited == {"1.", "8.", "17.", "25.", late.old.path.split("/")[-1]}
    assert sum(1 for v in kinds.values() if v is ChangeKind.UNCHANGED) == 37 - 2 - 5


def test_added_and_removed(next_year):
    _, _, _, result = next_year
    assert [u.path.split("/")[-1] for u in result.removed] == ["3.", "15.", "30."]
    added = [u.text for u in result.added]
    assert added == [NEW_ITEMS[2], NEW_ITEMS[6]]
    summary = result.summary()
    assert (summary["added"], summary["removed"], summary["moved"]) == (2, 3, 2)


def test_edit_has_character_diff(next_year):
    _, _, _, result = next_year
    pair = next(p for p in result.pairs if p.old.path == "一、/1.")
    inserted = [op.new for op in pair.diff if op.op == "insert"]
    assert inserted == ["持续"]
    assert "".join(op.new for op in pair.diff if op.op != "delete") == pair.new.text


def test_target_changes_in_order(next_year):
    _, _, _, result = next_year
    changed = [(t.subject, t.old.text, t.new.text) for t in result.target_changes if t.kind == "changed"]
    assert changed == [
        ("落实公办园覆盖率", "65%", "70%"),
        ("普惠性幼儿园覆盖率保持", "85%", "88%"),
        ("年内争创省优质园", "3 所", "4 所"),
        ("智慧校园覆盖率", "90%以上", "95%以上"),
    ]
    # Targets of the dropped items are dropped; the new items have none.
    assert all(t.kind == "dropped" for t in result.target_changes if t.kind != "changed")


def test_carried_over_names_last_year(next_year):
    _, new, _, result = next_year
    terms = [(c.term, new.text[c.term_span.start : c.term_span.start + 6]) for c in result.carried_over]
    assert terms == [
        ("2022年", "2022年是"),  # the preamble, kept as it was
        ("2022年", "2022年秋"),  # a deadline inside an unchanged item
        ("第二届", "第二届教科研"),  # a 届次 that should have moved on
    ]
    assert all(c.span.start <= c.term_span.start < c.term_span.end <= c.span.end for c in result.carried_over)
    preamble = result.carried_over[0]
    assert new.node_at(preamble.span.start) is None and preamble.line == new.lines.line_of(
        preamble.span.start
    )
