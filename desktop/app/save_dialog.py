"""Saving a plan opened from a .txt or a .docx: why it becomes a .plan.yaml, and under what name.

A Word or WPS user who presses 保存 expects the file they opened to be overwritten. PlanDesk saves
a draft instead (``*.plan.yaml``): the text together with what a .txt or .docx cannot hold (the
公文信息, last year's plan, the 印发通知's 版头 …), and leaves the original file untouched; the
Word document comes from 导出公文. So the first save of such a plan says so before the save
dialog opens, and a name typed with the old ending (``wuxi.txt``) is saved as ``wuxi.plan.yaml``,
not as ``wuxi.txt.plan.yaml``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

DRAFT_SUFFIX = ".plan.yaml"
SAVE_FILTER = "要点草稿 (*.plan.yaml)"
# Endings a writer may type out of habit, replaced (not kept) by the draft's own ending.
OLD_SUFFIXES = (".plan.yaml", ".plan.yml", ".yaml", ".yml", ".txt", ".docx", ".doc", ".wps")


def draft_path(typed: str | Path) -> Path:
    """The draft's path for a name the writer typed: ``wuxi.txt`` → ``wuxi.plan.yaml``."""
    path = Path(typed)
    name = path.name
    for suffix in OLD_SUFFIXES:
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
            break
    return path.with_name(name + DRAFT_SUFFIX)


def why_a_draft(original: str) -> str:
    """The explanation, in the writer's words, of what is saved where (``original``: its name)."""
    return (
        f"要点草稿（.plan.yaml）除正文外，还保存公文信息、去年要点、版头等 .txt 和 Word 文档存不下的内容，"
        f"下次打开时都在。\n原文件“{original}”不会被改动。\n需要 Word 文档时，请用“文件 → 导出公文”。"
    )


def explain_draft(parent: QWidget, original: str) -> bool:
    """Say why 保存 asks for a new .plan.yaml file; False when the writer cancels."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle("保存为要点草稿")
    box.setText(f"“{original}”将另存为要点草稿（.plan.yaml）。")
    box.setInformativeText(why_a_draft(original))
    choose = box.addButton("选择保存位置…", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(choose)
    box.exec()
    return box.clickedButton() is choose


def ask_draft_path(parent: QWidget, suggested: Path) -> Path | None:
    """The save dialog; the chosen name with the draft's ending (None: cancelled).

    When the ending had to be changed and a draft of that name exists already, the writer is
    asked before it is replaced (the dialog only asked about the name as typed).
    """
    typed, _ = QFileDialog.getSaveFileName(
        parent, "另存为要点草稿（.plan.yaml）", str(suggested), SAVE_FILTER
    )
    if not typed:
        return None
    path = draft_path(typed)
    if path.name != Path(typed).name and path.exists():
        answer = QMessageBox.question(
            parent,
            "另存为要点草稿",
            f"要点草稿只能保存为 .plan.yaml 文件，“{path.name}”已存在。是否替换？",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
    return path
