"""The reference library: real files in, entries out, nothing stored from a file that cannot be read."""

from __future__ import annotations

import json
import os
from pathlib import Path

import docx
import pytest

from desktop.plan.errors import InputError
from desktop.plan.references.library import Library, display_name, issuer_in_title

DOCX_PARAGRAPHS = [
    "2024年某某市教育工作要点",
    "一、坚持立德树人",
    "1. 深化思政课一体化建设。推进大中小学思政课一体化共同体建设。",
    "2. 实施县中振兴行动计划。",
    "二、推进义务教育优质均衡",
    "3. 落实课后服务“5+2”模式。",
    "某某市教育局",
    "2024年2月1日",
]

WEB_PASTE = (
    "首页 > 政务公开 > 规划计划\n"
    "发布时间：2023-03-01  来源：区教育局  浏览次数：312\n"
    "2023年某某区教育工作要点\n"
    "\n"
    "一、加强党的建设\n"
    "1. 深入学习贯彻党的二十大精神。\n"
    "二、办好人民满意的教育\n"
    "2. 推进集团化办学，新建公办幼儿园3所。\n"
)

GBK_TEXT = "2022年某某县教育工作要点\n一、夯实基础教育\n1. 推进学前教育普及普惠。\n2. 实施“双减”提质行动。\n"


@pytest.fixture
def plan_docx(tmp_path: Path) -> Path:
    document = docx.Document()
    for text in DOCX_PARAGRAPHS:
        document.add_paragraph(text)
    path = tmp_path / "某某市2024年要点.docx"
    document.save(str(path))
    return path


@pytest.fixture
def gbk_txt(tmp_path: Path) -> Path:
    path = tmp_path / "县要点（GBK）.txt"
    path.write_bytes(GBK_TEXT.encode("gbk"))
    return path


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return Library(tmp_path / "library")


def test_docx_is_kept_with_what_it_is(library: Library, plan_docx: Path) -> None:
    entry = library.add(plan_docx, "superior")
    assert (entry.role, entry.year, entry.kind, entry.issuer) == ("superior", 2024, "bureau", "某某市教育局")
    assert entry.title == "2024年某某市教育工作要点"
    assert entry.source_name == "某某市2024年要点.docx"
    assert library.path(entry).read_bytes() == plan_docx.read_bytes()
    headlines = [node.headline for node in library.plan(entry).nodes]
    assert headlines == ["坚持立德树人", "推进义务教育优质均衡"]
    assert "县中振兴行动计划" in library.text(entry)
    assert library.entries("superior") == [entry] and library.entries("peer") == []


def test_gbk_text_file_reads_as_chinese(library: Library, gbk_txt: Path) -> None:
    entry = library.add(gbk_txt, "peer", name="某某县")
    # The plan's own name, not the name the copy is stored under (which is the writer's)
    assert entry.name == "某某县 2022年教育工作要点" and entry.year == 2022
    assert "学前教育普及普惠" in library.text(entry)
    assert library.role_folder("peer") / "某某县.txt" == library.path(entry)


def test_pasted_web_page_loses_its_furniture_and_keeps_its_lines(library: Library) -> None:
    entry = library.add(WEB_PASTE, "peer")
    assert entry.source_name == "粘贴的文字"
    assert entry.title == "2023年某某区教育工作要点" and entry.name == "某某区 2023年教育工作要点"
    text = library.text(entry)
    assert "浏览次数" not in text and "首页" not in text
    source = library.source(entry)
    line = text.splitlines().index("2. 推进集团化办学，新建公办幼儿园3所。") + 1
    stored = library.path(entry).read_text(encoding="utf-8").splitlines()
    assert stored[source.source_line(line) - 1] == "2. 推进集团化办学，新建公办幼儿园3所。"


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("空文件.txt", b"", "空"),
        ("图片改名.txt", bytes(range(256)) * 40, ""),
    ],
)
def test_unusable_file_is_refused_by_name_and_nothing_stored(
    library: Library, tmp_path: Path, name: str, content: bytes, problem: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as raised:
        library.add(path, "peer")
    assert f"“{name}”" in raised.value.message and problem in raised.value.message
    assert all("\u4e00" <= ch <= "\u9fff" for ch in raised.value.problem[:2])  # a Chinese message
    assert library.entries() == []
    assert not library.role_folder("peer").exists() or not any(library.role_folder("peer").iterdir())


def test_paste_of_nothing_but_furniture_is_refused(library: Library) -> None:
    with pytest.raises(InputError, match="粘贴的文字"):
        library.add("首页 > 政务公开\n  \n", "peer")
    assert library.entries() == []


def test_same_content_twice_is_refused_naming_the_entry(library: Library, gbk_txt: Path) -> None:
    library.add(gbk_txt, "peer", name="县要点")
    with pytest.raises(InputError, match="县要点"):
        library.add(gbk_txt, "superior")


def test_remove_drops_entry_and_file(library: Library, plan_docx: Path, gbk_txt: Path) -> None:
    kept = library.add(plan_docx, "superior")
    gone = library.add(gbk_txt, "peer")
    library.remove(gone.id)
    assert library.entries() == [kept]
    assert not library.path(gone).exists()
    with pytest.raises(KeyError):
        library.remove(gone.id)


def test_a_fresh_library_reads_the_index_and_the_cache(library: Library, plan_docx: Path) -> None:
    entry = library.add(plan_docx, "peer")
    again = Library(library.folder)
    assert again.entries() == [entry]
    # The cached cleaned text is what a fresh process reads; it is keyed on the file's bytes, so
    # a file replaced by hand is read afresh.
    cache = next((Path(os.environ["PLANDESK_CACHE_DIR"]) / "references").glob("*.json"))
    data = json.loads(cache.read_text(encoding="utf-8"))
    data["text"] = "2024年缓存教育工作要点\n一、来自缓存"
    cache.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert Library(library.folder).text(entry).startswith("2024年缓存")
    document = docx.Document()
    document.add_paragraph("2025年另一份教育工作要点")
    document.add_paragraph("一、换过的文件")
    document.save(str(library.path(entry)))
    assert Library(library.folder).plan(entry).nodes[0].headline == "换过的文件"


def test_a_damaged_index_is_rebuilt_from_the_files(library: Library, plan_docx: Path, gbk_txt: Path) -> None:
    superior = library.add(plan_docx, "superior")
    peer = library.add(gbk_txt, "peer")
    (library.folder / "library.json").write_text("{not json", encoding="utf-8")
    rebuilt = Library(library.folder).entries()
    assert sorted((e.id, e.role, e.year, e.file) for e in rebuilt) == sorted(
        (e.id, e.role, e.year, e.file) for e in (superior, peer)
    )


def test_default_library_lives_in_the_data_folder(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PLANDESK_DATA_DIR", str(tmp_path / "data"))
    assert Library.default().folder == tmp_path / "data" / "references"


def test_content_key_follows_the_peer_set(library: Library, plan_docx: Path, gbk_txt: Path) -> None:
    empty = library.content_key("peer")
    first = library.add(gbk_txt, "peer")
    one = library.content_key("peer")
    library.add(plan_docx, "superior")
    assert library.content_key("peer") == one != empty
    library.remove(first.id)
    assert library.content_key("peer") == empty


@pytest.mark.parametrize(
    ("title", "issuer"),
    [
        ("2020年常州市武进区教育工作意见", "常州市武进区"),
        ("舒城县万佛湖镇中心幼儿园2023年春季学期工作计划", "舒城县万佛湖镇中心幼儿园"),
        ("某某中学2022-2023学年第一学期工作计划", "某某中学"),
        ("工作要点", ""),
        ("2022年全市教育工作要点", ""),
        ("2024年教育工作要点", ""),  # 教育 is the topic, not a body
        # A body in the title is kept whole: a municipality's 教育委员会 is not just the city
        ("重庆市教育委员会关于印发2023年工作要点的通知", "重庆市教育委员会"),
        ("2023年重庆市教育委员会工作要点", "重庆市教育委员会"),
        ("无锡市惠山区教育局2022年工作要点", "无锡市惠山区教育局"),
        ("某某省教育厅2024年工作要点", "某某省教育厅"),
    ],
)
def test_issuer_read_from_the_title(title: str, issuer: str) -> None:
    assert issuer_in_title(title) == issuer


def test_a_place_in_the_title_gets_the_body_the_text_names() -> None:
    title = "重庆市2023年教育综合改革工作要点"
    assert issuer_in_title(title, "……重庆市教育委员会印发……") == "重庆市教育委员会"
    assert issuer_in_title(title, "……重庆市教委要求……") == "重庆市教委"
    assert issuer_in_title(title, "实施区县教委和高校主要负责人突破专项") == "重庆市"  # no body named


@pytest.mark.parametrize(
    ("issuer", "year", "title", "name"),
    [
        (
            "无锡市惠山区教育局",
            2022,
            "无锡市惠山区2022年教育工作要点",
            "无锡市惠山区教育局 2022年教育工作要点",
        ),
        ("镇江市教育局", 2020, "镇江市教育局2020年工作要点", "镇江市教育局 2020年工作要点"),
        ("常州市武进区", 2020, "2020年常州市武进区教育工作意见", "常州市武进区 2020年教育工作意见"),
        ("某某县教育局", 2024, "教育工作要点", "某某县教育局 2024年教育工作要点"),
        ("", 2024, "2024年教育工作要点", "2024年教育工作要点"),
        ("", None, "", ""),  # the plan names nothing: the caller shows the file's name
    ],
)
def test_display_name_is_the_plans_own(issuer: str, year: int | None, title: str, name: str) -> None:
    assert display_name(issuer, year, title) == name


def test_an_entry_without_a_name_in_it_shows_its_file_name(library: Library) -> None:
    entry = library.add(
        "一、加强党的建设\n1.加强基层党组织建设。\n2.深化平安校园建设。\n", "peer", name="惠山"
    )
    assert entry.title == "" and entry.name == "惠山"
