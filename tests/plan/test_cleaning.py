"""Cleaning text as it really arrives, one class of debris per test, on small texts written here.

Each class has its near misses beside it: the plan text that looks like the debris and must stay.
"""

from __future__ import annotations

import pytest

from desktop.plan.read.textio import clean_text


def lines_of(raw: str) -> list[str]:
    return clean_text(raw).text.split("\n")


# --- markup -----------------------------------------------------------------------------------


def test_html_block_tags_end_lines_inline_tags_vanish_entities_decode():
    raw = "<p>前言。</p><p><strong>一、加强党建</strong></p><p>1.抓学习&nbsp;抓落实。</p>\n"
    cleaned = clean_text(raw)
    assert cleaned.text.split("\n") == ["前言。", "一、加强党建", "1.抓学习 抓落实。"]
    assert cleaned.origin == (1, 1, 1)


def test_a_tag_cut_in_half_goes_with_its_image_name():
    assert lines_of("AB0123456789jpg/></p><p>正文第一句。\n") == ["正文第一句。"]


@pytest.mark.parametrize("line", ["达标率<5%的学校要整改。", "开展<学校开放日>活动。", "A&B两校结对。"])
def test_text_that_only_looks_like_markup_stays(line):
    assert lines_of(line) == [line]


# --- page markers, page numbers, tables of contents ---------------------------------------------


def test_page_markers_and_page_numbers_go_and_the_sentence_is_whole_again():
    raw = "一、总体\n1.建设“智慧\n- 3 -\n校园”示范校。\n第 2 页 共 9 页\n2.推进改革。\n17\n3.加强管理。\n"
    assert lines_of(raw) == ["一、总体", "1.建设“智慧校园”示范校。", "2.推进改革。", "3.加强管理。"]


def test_a_page_marker_opening_a_line_is_a_page_break_inside_the_sentence():
    raw = "1.在上年基础上,构建“课内+\n— 4 — 课外+家庭”的体系。\n"
    cleaned = clean_text(raw)
    assert cleaned.text == "1.在上年基础上,构建“课内+课外+家庭”的体系。"
    assert cleaned.origin == (1,)


def test_tables_of_contents_go():
    raw = "目录\n一、总体要求……………1\n二、主要任务  3\n三、保障措施  7\n一、总体要求\n以人民为中心。\n"
    assert lines_of(raw) == ["一、总体要求", "以人民为中心。"]


def test_a_single_line_ending_in_a_number_is_not_a_table_of_contents():
    raw = "一、总体要求\n全年新建学校 12\n二、主要任务\n"
    assert lines_of(raw) == ["一、总体要求", "全年新建学校 12", "二、主要任务"]


# --- links, images, file names -------------------------------------------------------------------


def test_link_lines_and_image_names_go_but_a_link_inside_a_sentence_stays():
    raw = "https://www.example.gov.cn/art/2027/1.html\n原文链接:http://example.cn/a\nbanner.jpg\n微信图片_20270101.png\n详见 http://example.cn 公告。\n"
    assert lines_of(raw) == ["详见 http://example.cn 公告。"]


def test_a_sharing_sites_file_name_goes_and_is_kept_for_the_title():
    raw = (
        "某校2027学年度工作计划.docx\n《某校2027学年度工作计划.docx》由会员分享,可在线阅读。\n一、指导思想\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.text == "一、指导思想"
    assert cleaned.file_names[0] == "某校2027学年度工作计划"


# --- page furniture ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "作者: 来自: 时间:2027-07-13",
        "来源: 某省教育厅 更新时间:2027-03-12",
        "某某政务网 发布日期 : 2027-02-24",
        "2027年03月14日 17:05   阅读:[]",
        "时间: 10:44",
        "字体显示: [] [] []",
        "索 引 号 XM001-2027-003 主题分类 年度计划",
        "• 公文生成日期:2027-03-02",
        "首页 | 学校概况 | 师资队伍 | 招生入学",
        "> 政府信息公开 > 规划计划 > 年度计划",
        "收藏",
        "(建议使用1024×768以上分辨率 IE8.0及以上版本浏览器)",
        "某区计划 本文关键词:工作,计划",
        "下面是小编为大家整理的工作计划,供大家参考。",
        "公开属性:主动公开",
    ],
)
def test_page_furniture_lines_go(line):
    assert lines_of(f"{line}\n一、加强党建\n") == ["一、加强党建"]


@pytest.mark.parametrize(
    "line",
    [
        "时间：2027年3月，地点：各学校。",
        "完成时间：6月底前 责任单位：各学校",
        "来源于群众的意见要认真听取。",
        "一、首页设计与学校网站建设",
    ],
)
def test_plan_lines_that_resemble_furniture_stay(line):
    assert line in lines_of(f"某区2027年教育工作要点\n{line}\n")


def test_the_columns_name_below_a_breadcrumb_goes_but_a_title_there_stays():
    assert lines_of("当前位置:首页>政民互动>在线访谈\n在线访谈\n某县2027年工作任务\n") == [
        "某县2027年工作任务"
    ]
    assert (
        lines_of("当前位置:文库 › 某局2027年工作要点\n某局2027年工作要点\n正文。\n")[0]
        == "某局2027年工作要点"
    )


def test_a_summary_above_the_metadata_block_goes():
    raw = "某厅2027年工作要点,关于信息化的章节,要求提高保障能力。\n索引号:0001/2027-1\n某厅2027年工作要点\n"
    assert lines_of(raw) == ["某厅2027年工作要点"]


def test_news_leads_before_the_title_go_but_a_preamble_saying_as_follows_stays():
    raw = "近日,市教育局印发《某市2027年工作要点》,一起来看↓↓↓\n某市2027年工作要点\n全文如下:\n2027年,全市教育…。具体措施如下:\n一、党建\n"
    assert lines_of(raw) == ["某市2027年工作要点", "2027年,全市教育…。具体措施如下:", "一、党建"]


def test_a_teaser_cut_with_an_ellipsis_goes_when_the_text_repeats_it():
    raw = "摘要\n2027年全省教育工作的总体要求是:坚持……\n2027年全省教育工作的总体要求是:坚持立德树人。\n"
    assert lines_of(raw) == ["2027年全省教育工作的总体要求是:坚持立德树人。"]


def test_a_page_title_repeated_by_the_documents_title_goes_once():
    assert lines_of("某园2027年工作计划\n某园2027年工作计划\n根据上级要求。\n") == [
        "某园2027年工作计划",
        "根据上级要求。",
    ]


# --- lines broken mid-sentence -------------------------------------------------------------------


def test_an_open_pair_continues_on_the_next_line():
    cleaned = clean_text("关于印发《某区2027年教育\n\n工作要点》的通知\n各学校:\n")
    assert cleaned.text.split("\n") == ["关于印发《某区2027年教育工作要点》的通知", "各学校:"]
    assert cleaned.origin == (1, 4)


def test_prose_broken_before_a_blank_line_continues():
    raw = "一、总体\n坚持“六位一体”,即学前教育抓扩容、普通高中\n\n创优质、职业教育强服务。\n"
    assert lines_of(raw) == ["一、总体", "坚持“六位一体”,即学前教育抓扩容、普通高中创优质、职业教育强服务。"]


def test_an_item_broken_after_its_label_continues():
    assert lines_of(
        "1)高三年级:2027年高考,力争榜上有名,力争上线\n\n人数突破300人。\n2)基础年级:提升。\n"
    ) == [
        "1)高三年级:2027年高考,力争榜上有名,力争上线人数突破300人。",
        "2)基础年级:提升。",
    ]


@pytest.mark.parametrize(
    "raw",
    [
        "一、坚持以人为本,提高办园质量\n以纲要为指导,开展教研。\n",  # a heading with a comma, then its text
        "某区2027年教育工作要点\n2027年是开局之年,意义重大。\n",  # the title, then the first paragraph
        "某区教育局\n2027年3月1日\n",  # signature and date
        "某省委教育工作委员会\n某省教育厅\n",  # two issuers
        "各学校(幼儿园)、单位\n现将《要点》印发给你们。\n",  # short recipients line without its colon
        "1.推进均衡发展。\n全年完成评估,做好迎检。\n",  # a sentence that ends, then the next
        "总体目标\n全面提高质量,办人民满意的教育。\n",  # a role heading alone
    ],
)
def test_lines_that_end_something_are_not_joined(raw):
    assert clean_text(raw).text == raw.strip()


def test_a_pdfs_lines_cut_at_the_page_width_are_one_paragraph_again():
    width_lines = [
        "2027年是实施规划的关键之年,也是启动新一轮规划的重",
        "要之年。全市教育工作的总体思路是:坚持以人民为中心的",
        "发展思想,深入贯彻落实教育强国建设规划纲要,全面落实",
        "立德树人根本任务,坚持教育优先发展战略,深化综合改革,",
        "全面提升教育质量和水平,努力办好人民满意的教育,为推",
        "进现代化建设提供人才支撑。",
        "一、坚持铸魂育人,加强党的全面领导",
        "(一)强化政治引领。坚持和加强党对教育事业的全面领导,",
        "全面贯彻党的教育方针,增强推进党的政治建设的自觉性和",
        "坚定性。",
    ]
    cleaned = clean_text("\n".join(width_lines))
    assert cleaned.text.split("\n") == [
        "".join(width_lines[:6]),
        width_lines[6],
        "".join(width_lines[7:]),
    ]
    assert cleaned.origin == (1, 7, 8)


def test_a_marker_alone_on_its_line_takes_the_next_line():
    assert lines_of("一、\n\n指导思想:\n以人民为中心。\n") == ["一、指导思想:", "以人民为中心。"]
    assert lines_of("一、党建\n01\n坚守初心\n正文。\n02\n夯实根基\n") == [
        "一、党建",
        "01坚守初心",
        "正文。",
        "02夯实根基",
    ]


def test_a_lone_number_that_is_not_in_a_sequence_is_a_page_number():
    assert lines_of("1.推进改革,完善\n12\n制度建设。\n") == ["1.推进改革,完善制度建设。"]


# --- a copy that lost its paragraph breaks -----------------------------------------------------


def test_a_sharing_sites_page_chunks_are_joined_where_they_cut_words():
    page1 = (
        "1、某校2027学年度工作计划一、指导思想本学期学校将深入贯彻教育大会精神,"
        + "落实立德树人根本任务," * 16
        + "扩大实验"
    )
    page2 = (
        "2、初中品牌影响力。二、工作目标新学期我们将"
        + "深化教育教学改革," * 20
        + "提升品质。三、主要工作(一)加强党建统领意识形"
    )
    page3 = "3、态工作责任制。"
    cleaned = clean_text("\n".join([page1, page2, page3]))
    lines = cleaned.text.split("\n")
    assert lines[:2] == ["某校2027学年度工作计划", "一、指导思想"]
    assert lines[2].startswith("本学期学校") and lines[2].endswith("扩大实验初中品牌影响力。")
    assert lines[3] == "二、工作目标"
    assert lines[5:] == ["三、主要工作", "(一)加强党建统领意识形态工作责任制。"]
    assert set(cleaned.origin) == {1}


def test_items_run_on_after_a_semicolon_and_a_space_start_their_own_line():
    raw = "三、课程\n3.建设劳动课程,落实劳动教育; 4.推进阅读课程; 5.丰富德育课程。\n"
    assert lines_of(raw) == [
        "三、课程",
        "3.建设劳动课程,落实劳动教育;",
        "4.推进阅读课程;",
        "5.丰富德育课程。",
    ]


def test_a_heading_run_into_its_first_item_after_a_space_is_split():
    raw = "二、工作目标及具体措施 构建现代管理体系 1. 教师队伍建设。坚持面向全体教师。\n"
    assert lines_of(raw) == ["二、工作目标及具体措施 构建现代管理体系", "1. 教师队伍建设。坚持面向全体教师。"]


@pytest.mark.parametrize(
    "raw",
    [
        "1.完成目标:一是建成学校3所;二是新增学位。2.5万个学位已落实。\n",  # a decimal, not item 2
        "1.开展活动。一、二年级学生参加。\n",  # 一、二年级 is prose
        "1.明确要求：(1)规范办学；(2)减轻负担。\n",  # an inline list, not items after 1.
        "一、总体\n3.推进改革。5.完善制度。\n",  # 5 does not follow 3
        "（1）规范办学。（2）减轻负担。\n",  # an author's inline list: no trace of a lost break
    ],
)
def test_markers_inside_a_paragraph_without_evidence_stay_inline(raw):
    assert clean_text(raw).text == raw.strip()


def test_spaces_a_pdf_left_at_its_line_width_go_but_an_authors_space_stays():
    chunk = "学校继续坚持以各级教育工作会议精神为指 导抓好办精致的教育的提升年"  # a space every 33 characters
    body = "".join(chunk for _ in range(6)) + "。"
    assert " " not in clean_text(body).text
    slogan = "开展“不忘初心 牢记使命”主题教育,组织学习活动。" * 3
    assert clean_text(slogan).text == slogan


def test_paragraphs_of_a_word_file_are_never_joined_or_split_on_evidence():
    raw = "1.建设“智慧\n校园”示范校。\n坚持“六位一体”,即学前教育抓扩容、普通高中\n创优质。\n一、\n指导思想\n"
    assert clean_text(raw, paragraphs=True).text == raw.strip()
    assert (
        clean_text("发布时间:2027-01-01\n关于印发《要点》\n的通知\n", paragraphs=True).text
        == "关于印发《要点》的通知"
    )


def test_numbers_alone_in_a_run_are_kept_as_text():
    table = "序号\n项目\n1\n新建学校\n2\n改造校舍\n"
    assert lines_of(table) == ["序号", "项目", "1", "新建学校", "2", "改造校舍"]
    items = "".join(f"{n:02d}\n项目{n}\n正文{n}。\n" for n in range(8, 11))
    assert lines_of("一、党建\n" + items)[1:] == [
        "08项目8",
        "正文8。",
        "09项目9",
        "正文9。",
        "10项目10",
        "正文10。",
    ]


def test_rows_of_a_flattened_table_are_not_a_table_of_contents():
    raw = "一、目标\n新建学校  3\n改扩建学校  5\n"
    assert lines_of(raw) == ["一、目标", "新建学校  3", "改扩建学校  5"]


@pytest.mark.parametrize(
    "line",
    ["3.推进信创替代,推广国产操作系统和浏览器。", "2023年9月1日 8:00 开学典礼", "建设教学资源免费下载平台。"],
)
def test_plan_lines_with_words_of_footers_and_timestamps_stay(line):
    assert line in lines_of(f"一、工作\n{line}\n")
