"""The kind of plan on the real window: set in the metadata dialog, kept with the draft, and shown
by the themes panel as the checklist it measures by."""

from __future__ import annotations

import os

import pytest

from desktop.plan.model import Metadata, PlanKind
from desktop.plan.read.store import load_draft

pytestmark = pytest.mark.gui

KINDERGARTEN = (
    "阳光幼儿园2024年工作计划\n"
    "一、加强安全管理\n1.落实安全责任，定期开展应急疏散演练。\n"
    "二、提高保教质量\n2.科学安排一日生活，以游戏为基本活动。\n"
    "三、推进家园共育\n3.办好家长学校，定期召开家长会。\n"
)


def top_rows(window) -> list[str]:
    tree = window.themes.tree
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def test_the_dialog_offers_every_kind_and_automatic(window):
    from desktop.app.metadata_dialog import MetadataDialog

    dialog = MetadataDialog(Metadata(kind="kindergarten"), Metadata(), window)
    box = dialog.kind_box
    labels = [box.itemText(i) for i in range(box.count())]
    assert labels[0] == "自动识别（识别为：幼儿园）"
    assert labels[1:] == [k.label for k in PlanKind]
    assert dialog.overrides().kind == ""  # automatic stores nothing: the text decides
    box.setCurrentIndex(box.findData("senior_high_school"))
    assert dialog.overrides().kind == "senior_high_school"
    # a kind the writer set is shown as set, and “automatic” no longer claims a recognition
    again = MetadataDialog(Metadata(kind="senior_high_school"), Metadata(kind="senior_high_school"), window)
    assert again.kind_box.currentData() == "senior_high_school"
    assert again.kind_box.itemText(0) == "自动识别"


def test_setting_the_kind_changes_the_checklist_and_is_saved(settle, window, tmp_path):
    window.editor.load_text(KINDERGARTEN)
    settle(window)
    if window.shown.plan.metadata.kind != "kindergarten":  # not recognised from the title
        assert window.themes.kind_label.text().startswith("清单：暂按教育行政部门的计划")
        assert any(row.startswith("双减") for row in top_rows(window))
    window.files.set_overrides(Metadata(kind="kindergarten"))
    settle(window)
    assert window.themes.kind_label.text() == "清单：幼儿园的计划"
    rows = top_rows(window)
    assert "五大领域（必备）" in rows and "卫生保健（必备）" in rows
    assert not any(row.startswith(("双减", "五育")) for row in rows)
    t001 = [f.message for f in window.shown.findings if f.code == "T001"]
    assert t001 and not any("双减" in m for m in t001)
    target = tmp_path / "幼儿园.plan.yaml"
    assert window.files.save_to(target)
    assert load_draft(target).metadata.kind == "kindergarten"


def test_render_the_dialog_and_the_panel(settle, window, tmp_path):
    """Renders both to PNG files (into PLANDESK_SCREENSHOTS when set, for a person to look at)."""
    from pathlib import Path

    from desktop.app.metadata_dialog import MetadataDialog

    folder = Path(os.environ.get("PLANDESK_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    dialog = MetadataDialog(
        Metadata(title="阳光幼儿园2024年工作计划", kind="kindergarten"), Metadata(), window
    )
    dialog.show()
    dialog.grab().save(str(folder / "metadata_dialog.png"))
    dialog.close()
    window.editor.load_text(KINDERGARTEN)
    window.files.set_overrides(Metadata(kind="kindergarten"))
    settle(window)
    window.themes.grab().save(str(folder / "themes_panel_kindergarten.png"))
    window.files.set_overrides(Metadata())
    window.editor.load_text(KINDERGARTEN.replace("阳光幼儿园", "某区教育局").replace("2024", "2020"))
    settle(window)
    window.themes.grab().save(str(folder / "themes_panel_2020.png"))
    pictures = ["metadata_dialog.png", "themes_panel_kindergarten.png", "themes_panel_2020.png"]
    assert all((folder / name).stat().st_size > 2000 for name in pictures)
