"""Reading text files in any common encoding, and cleaning web and Word debris by rule."""

from __future__ import annotations

import codecs

import pytest

from desktop.plan.errors import InputError
from desktop.plan.read.loader import load_source
from desktop.plan.read.textio import clean_text, decode_text, is_furniture

PLAN = "2027年某区教育工作要点\n一、加强党建\n1.深入学习。全年开展培训3次。\n"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (PLAN.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + PLAN.encode("utf-8"), "utf-8-sig"),
        (PLAN.encode("gb18030"), "gb18030"),
        (PLAN.encode("gbk"), "gb18030"),
        (PLAN.encode("utf-16"), "utf-16"),
        (PLAN.encode("utf-16-le"), "utf-16-le"),
        (PLAN.replace("\n", "\r\n").encode("gbk"), "gb18030"),
    ],
)
def test_encodings_are_detected_without_asking(data, encoding):
    text, found = decode_text(data)
    assert text == PLAN
    assert found == encoding


def test_files_in_gbk_open_with_the_same_outline(tmp_path, corpus_text):
    raw = corpus_text("huishan")
    utf8, gbk = tmp_path / "a.txt", tmp_path / "b.txt"
    utf8.write_text(raw, encoding="utf-8")
    gbk.write_bytes(raw.encode("gb18030"))
    assert load_source(utf8).text == load_source(gbk).text


@pytest.mark.parametrize(
    "line",
    [
        "当前位置:首页 > 文件通知",
        "您当前的位置:",
        "首页 >> 政务公开 >> 正文",
        "发布时间:2020-03-16 09:52  浏览次数:  来源:市教育局 字体大小:【",
        "浏览次数:",
        "索\u2002引\u2002号:014109488/2023-00060",
        "生成日期:2023-03-29 公开日期:2023-03-29 废止日期:有效",
        "【加入收藏】 【关\u00a0\u00a0闭】",
        "【字体：大 中 小】",
        "【打印】【关闭】",
        "扫一扫在手机打开当前页",
        "分享到：",
    ],
)
def test_page_furniture_is_recognised(line):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "1.加强党建。发布时间另定。",
        "【待定】",
        "总体目标：",
        "2023年常州教育工作要点",
        "(此件公开发布)",
        "抄送：市教育局，区政府办公室。",
        "来源于群众的意见要认真听取。",
    ],
)
def test_plan_text_is_not_furniture(line):
    assert not is_furniture(line)


def test_site_banner_above_breadcrumb_and_word_debris_removed():
    raw = "某某网站\n当前位置:首页 > 通知\n标题\n[bookmark: _GoBack]6.狠抓项目建设。\n\n【关闭】\n"
    cleaned = clean_text(raw)
    assert cleaned.text == "标题\n6.狠抓项目建设。"
    assert cleaned.origin == (3, 4)


def test_web_spaces_become_plain_spaces_as_the_editor_shows_them():
    cleaned = clean_text("优化\u00a0“巡审联动”机制，\u200b加强\u2002管理。")
    assert cleaned.text == "优化 “巡审联动”机制，加强 管理。"


def test_broken_lines_are_rejoined_by_rule():
    raw = (
        "关于印发《某区2027年教育工作要点》\n的通知\n"
        "抄送：市教育局，区委办公室，区人大常委会办\n公室，区政府办公室，经开区管委\n会，各街道办事处\n"
        "附件：\n某区2027年教育工作要点\n一、总体\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.text.split("\n") == [
        "关于印发《某区2027年教育工作要点》的通知",
        "抄送：市教育局，区委办公室，区人大常委会办公室，区政府办公室，经开区管委会，各街道办事处",
        "附件：",
        "某区2027年教育工作要点",
        "一、总体",
    ]
    assert cleaned.origin == (1, 3, 6, 7, 8)


def test_headline_alone_lines_are_not_joined():
    raw = "2023年某市教育工作要点\n2023年是开局之年。\n一、党建\n1.深入学习\n目标任务:学习。\n"
    assert clean_text(raw).text == raw.strip()


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"", "空"),
        (b"   \r\n\r\n ", "空"),
        (bytes(range(256)) * 20, "不是文本文件"),
        (b"\x89PNG\r\n\x1a\n" + bytes(400), "不是文本文件"),
    ],
)
def test_unusable_text_gets_a_clear_message(tmp_path, data, problem):
    path = tmp_path / "计划.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as raised:
        load_source(path)
    assert problem in raised.value.message
    assert "计划.txt" in raised.value.message


def test_form_feeds_end_lines_and_other_controls_go_keeping_file_lines() -> None:
    from desktop.plan.read.textio import clean_text

    cleaned = clean_text("一、总体要求\n1.加强党建\x01，落实责任。\x0c2.加强队伍建设。\n3.保障安全。")
    assert cleaned.text.split("\n") == [
        "一、总体要求",
        "1.加强党建，落实责任。",
        "2.加强队伍建设。",
        "3.保障安全。",
    ]
    assert cleaned.origin == (1, 2, 2, 3)
