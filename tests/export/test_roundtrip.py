"""Export → import gives the same outline: the .docx reads back through the normal loader."""

from __future__ import annotations

import pytest

from desktop.plan.read.loader import load_plan


def outline(plan):
    return [(n.level, n.marker_text, n.headline) for n in plan.walk()]


def test_hand_built_plan_round_trips(hand_built_plan, hand_built_docx):
    _, again = load_plan(hand_built_docx)
    assert outline(again) == outline(hand_built_plan)
    assert again.metadata.title == hand_built_plan.metadata.title


@pytest.mark.parametrize("name", ["wujin", "huishan", "changzhou"])
def test_corpus_plan_round_trips(name, corpus_path, tmp_path):
    from desktop.plan.export.docx_writer import write_docx

    _, plan = load_plan(corpus_path(name))
    out = tmp_path / f"{name}.docx"
    write_docx(plan, out)
    _, again = load_plan(out)
    assert outline(again) == outline(plan)
    assert len(again.items()) == len(plan.items())


def test_break_title_never_splits_words_or_makes_an_hourglass():
    from desktop.plan.export.docx_layout import break_title, text_width

    title = "关于印发《无锡市惠山区2022年教育工作要点》的通知"
    lines = break_title(title)
    assert "".join(lines) == title
    assert len(lines) == 2
    assert all(text_width(line) <= 20 for line in lines)
    assert not lines[1].startswith(("》", "的")) or lines[1] == "的通知"
    long_title = "关于印发《某某市某某区教育局2026年度教育工作要点及重点工作任务分解方案》的通知"
    widths = [text_width(line) for line in break_title(long_title)]
    assert not any(widths[i] < widths[i - 1] and widths[i] < widths[i + 1] for i in range(1, len(widths) - 1))
    assert break_title("某某区2026年教育工作要点") == ["某某区2026年教育工作要点"]


def test_a_title_never_breaks_between_a_number_and_its_unit() -> None:
    import itertools

    from desktop.plan.export.measure import break_title

    for title in (
        "关于印发《示范区2027年教育工作要点》的通知",
        "关于印发《第十四届全区中小学运动会2026年工作要点》的通知",
    ):
        lines = break_title(title)
        assert "".join(lines) == title and len(lines) > 1
        for a, b in itertools.pairwise(lines):
            assert not (a[-1].isdigit() and (b[0].isdigit() or b[0] in "年月日号届")), lines
