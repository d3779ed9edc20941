"""Acceptance on the four real plans: the outlines a reader of each document sees."""

from __future__ import annotations

from desktop.plan.model import NodeKind, ParagraphRole
from desktop.plan.read.loader import load_plan


def sections(plan):
    return [n for n in plan.nodes if n.kind is NodeKind.NUMBERED]


def item_numbers(section):
    return [c.number for c in section.children if c.marker is not None]


def test_wujin_sections_and_items_behind_bookmark_debris(corpus_path):
    source, plan = load_plan(corpus_path("wujin"))
    secs = sections(plan)
    assert [s.marker_text for s in secs] == ["一、", "二、", "三、", "四、", "五、", "六、"]
    assert [len(s.children) for s in secs] == [5, 5, 4, 5, 3, 3]
    assert [n for s in secs for n in item_numbers(s)] == list(range(1, 26))
    item6 = secs[1].children[0]
    assert item6.number == 6 and item6.headline == "狠抓项目建设"
    assert "bookmark" not in source.text
    assert plan.metadata.year == 2020
    # The role headings before the sections hold no sections.
    roles = [n.headline for n in plan.nodes if n.kind is NodeKind.ROLE]
    assert roles == ["总体要求", "主要目标", "主要任务"]


def test_zhenjiang_clutter_notice_and_restart_after_goals(corpus_path):
    source, plan = load_plan(corpus_path("zhenjiang"))
    for clutter in ("当前位置", "发布时间", "浏览次数", "加入收藏", "字体大小"):
        assert clutter not in source.text
    assert plan.notice is not None and plan.notice.title.endswith("关于印发2020年工作要点的通知")
    goals = next(n for n in plan.nodes if n.headline == "总体目标")
    assert [c.number for c in goals.children] == [1, 2, 3, 4, 5]
    secs = sections(plan)
    assert [len(s.children) for s in secs] == [5, 10, 3, 3, 6, 4]
    assert [n for s in secs for n in item_numbers(s)] == list(range(1, 32))
    assert plan.metadata.year == 2020
    assert plan.metadata.date == "2020年3月2日"
    assert "省教育厅" in plan.metadata.cc
    # The notice's paragraphs are not part of the plan body.
    notice_lines = {p.line for p in plan.paragraphs if p.role is ParagraphRole.NOTICE}
    assert min(n.line for n in plan.walk()) > max(notice_lines)


def test_huishan_notice_apart_and_cc_rejoined(corpus_path):
    source, plan = load_plan(corpus_path("huishan"))
    assert plan.notice is not None
    assert plan.notice.title == "关于印发《无锡市惠山区2022年教育工作要点》的通知"
    assert "区人大常委会办公室" in plan.metadata.cc
    assert plan.metadata.cc[-1] == "各街道办事处"
    assert all(len(name) >= 3 for name in plan.metadata.cc)
    secs = sections(plan)
    assert [len(s.children) for s in secs] == [6, 8, 6, 3, 5, 7, 5]
    assert [n for s in secs for n in item_numbers(s)] == list(range(1, 41))
    assert plan.metadata.title == "无锡市惠山区2022年教育工作要点"
    assert plan.metadata.issuer == "无锡市惠山区教育局"
    assert plan.metadata.year == 2022
    # Lines of the plan map back to the file's own lines.
    assert source.source_line(secs[0].line) == 16


def test_changzhou_metadata_block_removed_and_blocks_with_points(corpus_path):
    source, plan = load_plan(corpus_path("changzhou"))
    for clutter in ("索", "发布机构", "生成日期", "扫一扫", "您当前的位置"):
        assert clutter not in source.text.split("\n")[0]
    assert "发布机构" not in source.text and "扫一扫" not in source.text
    secs = sections(plan)
    assert [len(s.children) for s in secs] == [3, 3, 4, 4, 6, 3]
    items = [c for s in secs for c in s.children]
    assert [i.number for i in items] == list(range(1, 24))
    for item in items:
        assert [b.label for b in item.blocks] == ["目标任务", "工作措施"], item.headline
        assert item.headline_only
        measures = item.blocks[1]
        assert len(measures.points) >= 3
        assert [p.number for p in measures.points] == list(range(1, len(measures.points) + 1))
    assert items[0].headline == "深入学习好宣传好贯彻好党的二十大精神"
    assert plan.metadata.year == 2023
    assert plan.metadata.note == "(此件公开发布)"


def test_every_node_knows_its_span_and_line(corpus_path):
    for name in ("wujin", "zhenjiang", "huishan", "changzhou"):
        _, plan = load_plan(corpus_path(name))
        for node in plan.walk():
            assert plan.lines.line_of(node.span.start) == node.line
            assert node.span.start <= node.headline_span.start <= node.headline_span.end <= node.span.end
            assert plan.text[node.headline_span.start : node.headline_span.end] == node.headline
            assert plan.node_at(node.headline_span.start) is node
