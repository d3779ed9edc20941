"""Title, year and kind of plan when the text does not simply open with a title line; excerpts cut mid-way."""

from __future__ import annotations

import pytest

from desktop.plan.excerpt import cut_at_start, starts_mid_way
from desktop.plan.model import Metadata, PlanKind
from desktop.plan.parse import parse
from desktop.plan.read.loader import load_plan
from desktop.plan.titles import opening_year, title_from_file_name, year_from_file_name, year_in

# --- title -------------------------------------------------------------------------------------


def test_a_notice_without_its_heading_still_names_the_plan():
    text = "各学校:\n现将《某区2027年教育工作要点》印发给你们。\n某区教育局\n2027年1月5日\n某区2027年教育工作要点\n一、党建\n"
    plan = parse(text)
    assert plan.metadata.title == "某区2027年教育工作要点"
    assert plan.metadata.issuer == "某区教育局" and plan.metadata.date == "2027年1月5日"
    assert plan.nodes[0].marker_text == "一、"


def test_the_notices_quoted_name_is_the_title_when_no_title_line_follows():
    text = "关于印发《某市2027年教育工作要点》的通知\n各区教育局:\n现将《某市2027年教育工作要点》印发给你们。\n一、党建\n"
    assert parse(text).metadata.title == "某市2027年教育工作要点"


def test_the_documents_title_wins_over_the_pages_title_above_it():
    text = "某局2027年工作要点和2026年工作总结\n某局2027年工作要点\n2027年是关键之年。\n一、党建\n"
    plan = parse(text)
    assert plan.metadata.title == "某局2027年工作要点"
    assert plan.title_span is not None and plan.lines.line_of(plan.title_span.start) == 2


def test_a_title_written_over_two_lines_is_one_title():
    plan = parse("某市第一中学\n2027—2028学年度学校工作计划\n一、指导思想\n")
    assert plan.metadata.title == "某市第一中学2027—2028学年度学校工作计划"
    assert plan.metadata.year == 2027


def test_a_title_that_names_its_issuer_does_not_take_the_line_above():
    plan = parse("某市教育局\n某市教育局2027年工作要点\n一、党建\n")
    assert plan.metadata.title == "某市教育局2027年工作要点"


@pytest.mark.parametrize(
    "first",
    [
        "近日,市教育局印发《某市2027年工作要点》,一起来看↓↓↓",
        "当前位置:首页 > 规划计划",
        "发布时间:2027-02-11 来源:市教育局",
        "《某校2027年工作计划.docx》由会员分享,可在线阅读。",
    ],
)
def test_leads_banners_breadcrumbs_and_blurbs_are_never_the_title(tmp_path, first):
    path = tmp_path / "plan.txt"
    path.write_text(f"{first}\n2027年,全市教育系统要坚持稳中求进。\n一、党建\n", encoding="utf-8")
    _, plan = load_plan(path)
    assert plan.metadata.title in ("", "某校2027年工作计划")
    assert plan.metadata.year == 2027


def test_title_and_year_from_the_file_name_when_the_text_has_none(tmp_path):
    path = tmp_path / "某县教育局2027年工作计划.txt"
    path.write_text("一、党建\n1.加强学习。\n", encoding="utf-8")
    _, plan = load_plan(path)
    assert (plan.metadata.title, plan.metadata.year) == ("某县教育局2027年工作计划", 2027)
    assert plan.metadata.kind == PlanKind.BUREAU.value


def test_the_text_wins_over_the_file_name(tmp_path):
    path = tmp_path / "2020年要点.txt"
    path.write_text("某区2027年教育工作要点\n一、党建\n", encoding="utf-8")
    _, plan = load_plan(path)
    assert (plan.metadata.title, plan.metadata.year) == ("某区2027年教育工作要点", 2027)


def test_the_title_as_metadata_drops_a_pdfs_doubled_digit_and_spaces_beside_numbers():
    plan = parse("2 2027 年学校工作计划\n一、党建\n")
    assert plan.metadata.title == "2027年学校工作计划"
    assert parse("【规划计划】某校2027年工作计划\n一、党建\n").metadata.title == "某校2027年工作计划"


# --- year ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, year",
    [
        ("2027年教育工作要点", 2027),
        ("2027—2028学年度工作计划", 2027),
        ("2027-2028学年度第一学期", 2027),
        ("20272028学年度工作计划", 2027),
        ("2027学年度园务工作计划", 2027),
        ("二〇二七年工作要点", 2027),
        ("教育工作要点", None),
    ],
)
def test_a_school_year_is_planned_as_the_year_it_starts(value, year):
    assert year_in(value) == year


@pytest.mark.parametrize(
    "paragraph, year",
    [
        ("2027年,全区教育工作以…为指导。", 2027),
        ("2027年是开局之年。", 2027),
        ("2027 年全省教育工作的总体要求是:", 2027),
        ("2027—2028学年度第一学期,学校将…", 2027),
        ("2027年3月1日起施行。", None),
        ("全年新建学校12所。", None),
    ],
)
def test_the_year_an_opening_sentence_names(paragraph, year):
    assert opening_year(paragraph) == year


def test_year_from_the_first_sentence_when_there_is_no_title():
    assert parse("2027年是开局之年,意义重大。\n一、党建\n").metadata.year == 2027
    assert parse("一、指导思想\n2027年,学校将坚持立德树人。\n").metadata.year == 2027


def test_file_names():
    assert title_from_file_name("某校2027年工作计划范文.docx") == "某校2027年工作计划"
    assert title_from_file_name("新建文本文档.txt") == ""
    assert title_from_file_name("draft.plan.yaml") == ""
    assert year_from_file_name("2027_some_city.txt") == 2027
    assert year_from_file_name("plan.txt") is None


# --- kind ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title, kind",
    [
        ("某市教育局2027年工作要点", "bureau"),
        ("某省教育厅2027年工作要点", "bureau"),
        ("区教体局2027年工作计划", "bureau"),
        ("某市教育委员会2027年工作要点", "bureau"),
        ("2027年全市教育工作要点", "bureau"),
        ("某市2027年教育综合改革工作要点", "bureau"),
        ("2027年全区幼儿园工作要点", "bureau"),
        ("某镇中心幼儿园2027年度工作计划", "kindergarten"),
        ("某县实验小学2027年工作计划", "compulsory_school"),
        ("某初级中学2027学年度工作计划", "compulsory_school"),
        ("某九年一贯制学校2027年工作计划", "compulsory_school"),
        ("某高级中学2027年工作计划", "senior_high_school"),
        ("某县职教中心2027年工作计划", "vocational_school"),
        ("某中学2027年工作计划", ""),  # a 中学 says nothing of its level by name
        ("2027年学校工作计划", ""),
        ("2027年全市中小学教育工作要点", "bureau"),
    ],
)
def test_kind_from_the_title(title, kind):
    assert parse(f"{title}\n一、党建\n").metadata.kind == kind


def test_a_middle_schools_kind_comes_from_its_own_text():
    assert (
        parse("某中学2027年工作计划\n一、目标\n1.高考上线人数再创新高。\n").metadata.kind
        == "senior_high_school"
    )
    assert (
        parse("某中学2027年工作计划\n一、目标\n1.中考成绩稳步提升。\n").metadata.kind == "compulsory_school"
    )


def test_kind_from_the_issuer_and_from_a_bureaus_voice():
    assert parse("2027年教育工作要点\n某区教育局\n一、党建\n").metadata.kind == "bureau"
    assert parse("2027年是开局之年。全市教育系统要稳中求进。\n一、党建\n").metadata.kind == "bureau"
    # A school that cites the city's education conference is not a bureau.
    assert parse("2027年学校工作计划\n以全市教育工作会议精神为指针。\n").metadata.kind == ""


def test_a_kind_set_by_the_writer_wins():
    stored = Metadata(kind=PlanKind.SENIOR_HIGH_SCHOOL.value)
    assert parse("某市教育局2027年工作要点\n", stored).metadata.kind == "senior_high_school"


# --- excerpts cut at the start --------------------------------------------------------------------


def test_a_copy_that_starts_at_three_was_cut_there():
    plan = parse("三、深化改革\n5.推进评价改革。\n6.完善督导。\n四、保障\n1.加强经费保障。\n")
    cut = cut_at_start(plan)
    assert starts_mid_way(plan) and cut is not None
    assert cut.contains(plan.nodes[0].span.start)  # 三、 and 5. began before the copy did
    last = plan.nodes[1].children[0]
    assert last.number == 1 and not cut.contains(last.span.start)


@pytest.mark.parametrize(
    "text",
    [
        "某区2027年教育工作要点\n三、深化改革\n",  # a titled plan that starts at 三、 is the author's
        "一、党建\n1.学习。\n",
        "2027年是开局之年。\n",
        "",
    ],
)
def test_a_plan_that_starts_at_its_beginning_is_not_cut(text):
    assert cut_at_start(parse(text)) is None


def test_a_combined_review_and_plan_is_the_plan_year() -> None:
    from desktop.plan.parse import parse

    plan = parse("某区教育局2022年工作总结和2023年工作要点\n一、加强党的建设\n1.强化理论武装。\n")
    assert plan.metadata.year == 2023


@pytest.mark.parametrize("names", [(), ("2027年某区教育工作要点.docx",), ("通知.txt",)])
def test_the_front_alone_gives_the_metadata_the_whole_parse_gives(corpus_dir, names):
    """The window reads a file's metadata with ``front_metadata`` (no body parse) when it opens it."""
    from desktop.plan.parse import front_metadata

    overrides = Metadata(year=2031)
    for path in sorted(corpus_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert front_metadata(text, None, names) == parse(text, None, names).metadata, path.name
        assert front_metadata(text, overrides, names) == parse(text, overrides, names).metadata, path.name
