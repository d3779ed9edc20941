"""参考 → 参考资料库…: add files and pasted text as 范本 or 上级要点, see what they are, remove them;
the themes panel then learns from the writer's peers and shows what each wrote about a theme."""

from __future__ import annotations

import os
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication

from desktop.app.references_dialog import PasteDialog, ReferencesDialog, open_references
from desktop.plan.references.library import Library

pytestmark = pytest.mark.gui
REPO = Path(__file__).resolve().parents[2]
SHOTS = Path(os.environ.get("PLANDESK_SHOTS", "")) if os.environ.get("PLANDESK_SHOTS") else None
WEB_PASTE = (
    "首页 > 政务公开 > 规划计划\n"
    "发布时间：2023-03-01  来源：区教育局  浏览次数：312\n"
    "2023年某某区教育工作要点\n"
    "一、加强党的建设\n"
    "1. 深入学习贯彻党的二十大精神。\n"
    "二、办好人民满意的教育\n"
    "2. 推进集团化办学，新建公办幼儿园3所。\n"
)
PEERS = ("2024_anhui_wuhu_city.txt", "2025_zhejiang_ningbo_city.txt", "2023_shanghai_minhang_district.txt")


@pytest.fixture
def superior_docx(tmp_path: Path) -> Path:
    document = docx.Document()
    for line in (
        "2024年某某市教育工作要点",
        "一、坚持立德树人",
        "1. 实施县中振兴行动计划。",
        "2. 落实课后服务“5+2”模式。",
        "二、建设高素质教师队伍",
        "3. 深化“县管校聘”管理改革。",
    ):
        document.add_paragraph(line)
    path = tmp_path / "市要点.docx"
    document.save(str(path))
    return path


def _shot(widget, name: str) -> None:
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(SHOTS / name))


def test_dialog_adds_shows_and_removes(qtbot, superior_docx: Path, tmp_path: Path) -> None:
    dialog = ReferencesDialog(Library.default())
    qtbot.addWidget(dialog)
    dialog.resize(1000, 600)
    dialog.show()
    assert dialog.empty_label.isVisible() and dialog.entries_shown() == []

    changed = []
    dialog.peers_changed.connect(lambda: changed.append(True))
    dialog.role_box.setCurrentIndex(dialog.role_box.findData("superior"))
    dialog.add_files([superior_docx])
    assert changed == []  # a superior's plan does not change the peers
    entry = dialog.entries_shown()[0]
    row = dialog.table.topLevelItem(0)
    assert [row.text(i) for i in range(1, 5)] == ["上级要点", "某某市", "2024", "教育行政部门"]
    outline = [dialog.outline.topLevelItem(i).text(0) for i in range(dialog.outline.topLevelItemCount())]
    assert outline == ["一、坚持立德树人", "二、建设高素质教师队伍"]
    assert "2 个部分，3 条" in dialog.outline_title.text()

    dialog.role_box.setCurrentIndex(dialog.role_box.findData("peer"))
    assert dialog.add_text(WEB_PASTE, "某某区") is not None
    assert changed == [True]
    # Named by the plans themselves (issuer, year, title), not by the files they came in
    assert [e.name for e in dialog.entries_shown()] == [
        "某某市 2024年教育工作要点",
        "某某区 2023年教育工作要点",
    ]
    assert dialog.table.currentItem().text(0) == "某某区 2023年教育工作要点"  # the new entry is shown
    # One peer is too few for "most peers": the dialog says the shipped ones are used with it
    assert not dialog.peers_note.isHidden() and "内置的 4 份范本合用" in dialog.peers_note.text()

    binary = tmp_path / "图片.txt"
    binary.write_bytes(bytes(range(256)) * 30)
    empty = tmp_path / "空.txt"
    empty.write_bytes(b"")
    dialog.add_files([binary, empty])
    assert "图片.txt" in dialog.message.text() and "空.txt" in dialog.message.text()
    assert len(dialog.entries_shown()) == 2  # nothing stored from them
    assert dialog.add_text("首页 > 政务公开\n") is None and "粘贴" in dialog.message.text()
    _shot(dialog, "references_dialog.png")

    # ClearAndSelect: a Ctrl left held by an earlier test's key clicks must not extend the selection
    dialog.table.setCurrentItem(
        dialog.table.topLevelItem(0), 0, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    dialog.remove_selected()
    assert [e.name for e in dialog.entries_shown()] == ["某某区 2023年教育工作要点"]
    assert not Library.default().path(entry).exists()


def test_paste_dialog_hands_over_its_text(qtbot) -> None:
    paste = PasteDialog()
    qtbot.addWidget(paste)
    paste.text.setPlainText(WEB_PASTE)
    paste.name.setText("某某区")
    assert paste.text.toPlainText() == WEB_PASTE and paste.name.text() == "某某区"


def test_themes_panel_learns_from_the_writers_peers(qtbot, settle, window, corpus_path) -> None:
    themes = window.themes
    assert themes.placeholder.isVisible()
    assert themes.placeholder.text() == "打开或新建一份要点后，这里显示主题覆盖情况。"
    window.editor.load_text("2024年某某县教育工作要点\n一、加强党的建设\n")
    assert themes.placeholder.text() == "正在加载词典…"  # until the first report arrives

    menu = window.reference_menu
    action = next(a for a in menu.actions() if a.text() == "参考资料库…")
    action.trigger()
    dialog = window.references_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.role_box.setCurrentIndex(dialog.role_box.findData("peer"))
    dialog.add_files([corpus_path(name) for name in PEERS])
    assert len(dialog.entries_shown()) == 3
    assert dialog.peers_note.isHidden()  # three peers of the kind: the writer's set alone
    assert "芜湖市教育局 2024年工作要点" in [dialog.table.topLevelItem(i).text(0) for i in range(3)]
    # peer statistics are learned on the window's jobs, then the draft is checked again
    assert window.files.open_path(corpus_path("2024_hubei_shiyan_fangxian_county.txt"))
    settle(window)
    window.jobs.wait_idle(30_000)
    settle(window)
    assert not themes.placeholder.isVisible()
    row = next(
        themes.tree.topLevelItem(i)
        for i in range(themes.tree.topLevelItemCount())
        if themes.themes[themes.tree.topLevelItem(i).data(0, themes_role())].peer_sentences
    )
    assert row.text(2).endswith("/3")  # counted against the writer's three peers
    themes.tree.setCurrentItem(row)
    shown = themes.detail.toPlainText()
    theme = themes.selected_theme()
    first = theme.peer_sentences[0]
    assert first["file"] in PEERS and first["peer"] != Path(first["file"]).stem  # the plan's name
    assert f"第 {first['line']} 行" in shown and first["text"][:15] in shown
    raw = corpus_path(first["file"]).read_text(encoding="utf-8").splitlines()
    assert first["text"].strip("…")[:15] in raw[first["line"] - 1]  # the line of the peer's own file
    dialog.close()
    window.resize(1366, 768)
    QApplication.processEvents()
    _shot(window, "themes_panel_peers.png")


def test_open_references_reuses_one_dialog(qtbot, window) -> None:
    first = open_references(window)
    assert open_references(window) is first
    first.close()


def themes_role():
    from desktop.app.themes_panel import THEME_ROLE

    return THEME_ROLE
