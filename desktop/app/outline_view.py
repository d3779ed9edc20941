"""The outline dock: the tree of the parsed plan, kept in step with the editor's cursor.

Selecting a node moves the editor there; moving the cursor selects the node. Structural changes
(drag and drop, insert, delete, promote, demote, move up/down) are computed by
:class:`~desktop.plan.outline_edit.OutlineEditor` as a new text and handed to the host, which
applies it as one undoable edit; the tree itself is only ever rebuilt from a parse.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QDropEvent, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QMenu,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from desktop.app.outline_paths import Path, node_at_path, node_label, outline_signature, path_at_line, path_of
from desktop.plan.outline_edit import Edit, OutlineEditor, Position

if TYPE_CHECKING:
    from desktop.plan.model import Node, Plan

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class OutlineTree(QTreeWidget):
    """The tree widget; drops are turned into text moves instead of item moves."""

    dropped = Signal(object, object, object)  # source path, target path, Position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def dropEvent(self, event: QDropEvent) -> None:
        point = event.position().toPoint()
        source = self.currentItem()
        target = self.itemAt(point)
        # The tree is rebuilt from the new text, so Qt must not move the item itself.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if source is None or target is None or source is target:
            return
        self.dropped.emit(
            source.data(0, PATH_ROLE), target.data(0, PATH_ROLE), self.drop_position(target, point)
        )

    def drop_position(self, target: QTreeWidgetItem, point: QPoint) -> Position:
        """Above, below or onto ``target``, with the margins Qt uses to draw its drop indicator."""
        rect = self.visualItemRect(target)
        margin = max(2, min(round(rect.height() / 5.5), 12))
        if point.y() - rect.top() < margin:
            return Position.BEFORE
        if rect.bottom() - point.y() < margin:
            return Position.AFTER
        return Position.CHILD


class OutlineDock(QDockWidget):
    """Dock holding the outline tree and its structural commands."""

    node_activated = Signal(int)  # offset of the chosen node's headline

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("大纲"))
        self.setObjectName("outline_dock")
        self.tree = OutlineTree(self)
        self.setWidget(self.tree)
        self.plan: Plan | None = None
        # Set by the host: a plan parsed from the text now in the editor, and how to apply an edit.
        self.fresh_plan: Callable[[], Plan | None] = lambda: self.plan
        self.apply_edit: Callable[[Edit], None] = lambda edit: None
        # The file's own line of a line of the text (set by the host, which knows the file).
        self.file_line: Callable[[int], int] = lambda line: line
        self._syncing = False
        self._shape: tuple[object, ...] | None = None
        self._lines: tuple[int, ...] = ()
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemClicked.connect(lambda item, _col: self._activate(item))
        self.tree.dropped.connect(self._dropped)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.actions_by_name = self._make_actions()

    # Showing the plan -------------------------------------------------------------------------
    def set_plan(self, plan: Plan | None) -> None:
        """Show a parse: rebuild the tree only when the outline changed, keeping the selection.

        Typing inside an item changes neither labels nor shape, so the tree (and its scroll
        position and expansion) is kept and only the line numbers in the tooltips follow.
        """
        shape, lines = outline_signature(plan)
        self.plan = plan
        if shape == self._shape and plan is not None:
            if lines != self._lines:
                self._lines = lines
                self._update_lines(plan)
            return
        self._shape, self._lines = shape, lines
        selected = self.selected_path()
        self._syncing = True
        self.tree.setUpdatesEnabled(False)
        try:
            self.tree.clear()
            if plan is not None:
                self._add(self.tree.invisibleRootItem(), plan.nodes, ())
                self.tree.expandAll()
                if selected:
                    self._select_path(selected)
        finally:
            self.tree.setUpdatesEnabled(True)
            self._syncing = False

    def _line_text(self, node: Node) -> str:
        return self.tr("第 %1 行").replace("%1", str(self.file_line(node.line)))

    def changeEvent(self, event: QEvent) -> None:
        """A new panel font: rebuild, so the bold headings take the new size too."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self.plan is not None:
            self._shape = None
            self.set_plan(self.plan)

    def _update_lines(self, plan: Plan) -> None:
        def visit(item: QTreeWidgetItem, nodes: tuple[Node, ...]) -> None:
            for index, node in enumerate(nodes):
                child = item.child(index)
                child.setToolTip(0, f"{node_label(node)}\n" + self._line_text(node))
                visit(child, node.children)

        visit(self.tree.invisibleRootItem(), plan.nodes)

    def _add(self, parent: QTreeWidgetItem, nodes: tuple[Node, ...], path: Path) -> None:
        for index, node in enumerate(nodes):
            text = node_label(node)
            item = QTreeWidgetItem(parent, [text])
            item.setData(0, PATH_ROLE, (*path, index))
            item.setToolTip(0, f"{text}\n" + self._line_text(node))
            if node.marker is None:
                font = QFont(self.font())  # the panel's size (视图 → 字号…), in bold
                font.setBold(True)
                item.setFont(0, font)
            self._add(item, node.children, (*path, index))

    def labels(self) -> list[tuple[int, str]]:
        """(depth, label) of every row, in order: what the writer sees, for tests and checks."""
        rows: list[tuple[int, str]] = []

        def visit(item: QTreeWidgetItem, depth: int) -> None:
            for i in range(item.childCount()):
                child = item.child(i)
                rows.append((depth, child.text(0)))
                visit(child, depth + 1)

        visit(self.tree.invisibleRootItem(), 1)
        return rows

    def item_at_path(self, path: Path) -> QTreeWidgetItem | None:
        item = self.tree.invisibleRootItem()
        for index in path:
            if index >= item.childCount():
                return None
            item = item.child(index)
        return item if path else None

    def selected_path(self) -> Path:
        item = self.tree.currentItem()
        return tuple(item.data(0, PATH_ROLE)) if item is not None else ()

    def _select_path(self, path: Path) -> None:
        item = self.item_at_path(path)
        while item is None and path:
            path = path[:-1]
            item = self.item_at_path(path)
        if item is not None:
            self.tree.setCurrentItem(item)
            self.tree.scrollToItem(item)

    def follow_cursor(self, offset: int) -> None:
        """Select the node that holds the editor's cursor, without moving the cursor back."""
        if self.plan is None or offset > len(self.plan.text):
            return
        path = path_of(self.plan, offset)
        if path == self.selected_path():
            return
        self._syncing = True
        try:
            if path:
                self._select_path(path)
            else:
                self.tree.setCurrentItem(None)  # type: ignore[arg-type]
        finally:
            self._syncing = False

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if not self._syncing and current is not None:
            self._activate(current)

    def _activate(self, item: QTreeWidgetItem) -> None:
        if self.plan is None:
            return
        node = node_at_path(self.plan, tuple(item.data(0, PATH_ROLE)))
        if node is not None:
            self.node_activated.emit(node.span.start)

    # Structural commands ------------------------------------------------------------------------
    def _make_actions(self) -> dict[str, QAction]:
        specs = [
            ("insert_sibling", self.tr("在后面插入同级条目"), "Ctrl+Return", self.insert_sibling),
            ("insert_child", self.tr("插入下级条目"), "Ctrl+Shift+Return", self.insert_child),
            ("delete", self.tr("删除本条（含下级）"), "Delete", self.delete_selected),
            ("promote", self.tr("升级"), "Alt+Left", self.promote),
            ("demote", self.tr("降级"), "Alt+Right", self.demote),
            ("move_up", self.tr("上移"), "Alt+Up", self.move_up),
            ("move_down", self.tr("下移"), "Alt+Down", self.move_down),
        ]
        actions = {}
        for name, label, shortcut, slot in specs:
            action = QAction(label, self)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False, s=slot: s())
            self.tree.addAction(action)
            actions[name] = action
        return actions

    def _context_menu(self, point: object) -> None:
        item = self.tree.itemAt(point)  # type: ignore[arg-type]
        if item is None:
            return
        self.tree.setCurrentItem(item)
        menu = QMenu(self)
        for name, action in self.actions_by_name.items():
            menu.addAction(action)
            if name in ("insert_child", "delete", "demote"):
                menu.addSeparator()
        menu.exec(self.tree.viewport().mapToGlobal(point))  # type: ignore[arg-type]

    def _run(self, path: Path, operation: Callable[[OutlineEditor, Node], Edit | None]) -> bool:
        """Compute an edit on a plan of the current text and hand it to the host.

        When the command came from the outline (a key such as Alt+Down), the focus and the
        selection stay on the node the edit lands on, so the same key can be pressed again.
        """
        plan = self.fresh_plan()
        if plan is None or not path:
            return False
        node = node_at_path(plan, path)
        if node is None:
            return False
        edit = operation(OutlineEditor(plan), node)
        if edit is None or edit.text == plan.text:
            return False
        in_outline = self.tree.hasFocus()
        self.apply_edit(edit)
        self._show_edit_result(edit)
        if in_outline and edit.select_end is None:  # an inserted prompt keeps the editor's focus
            self.tree.setFocus()
        return True

    def _show_edit_result(self, edit: Edit) -> None:
        """Show the edited outline at once (before the checks run) with the edited node selected."""
        plan = self.fresh_plan()
        if plan is None or plan.text != edit.text:
            return
        self.set_plan(plan)
        path = path_at_line(plan, edit.text.count("\n", 0, edit.offset) + 1)
        if path:
            self._syncing = True
            try:
                self._select_path(path)
            finally:
                self._syncing = False

    def insert_sibling(self, path: Path | None = None) -> bool:
        return self._run(path or self.selected_path(), lambda e, n: e.insert_sibling(n))

    def insert_child(self, path: Path | None = None) -> bool:
        return self._run(path or self.selected_path(), lambda e, n: e.insert_child(n))

    def delete_node(self, path: Path | None = None) -> bool:
        """Delete the node with its children (no question: the caller decided)."""
        return self._run(path or self.selected_path(), lambda e, n: e.delete(n))

    def delete_selected(self) -> bool:
        """Delete (the key or the menu): a whole section goes only when the writer confirms."""
        path = self.selected_path()
        plan = self.fresh_plan() if path else None
        node = node_at_path(plan, path) if plan is not None else None
        if node is None or (node.children and not self.confirm_delete(node)):
            return False
        return self.delete_node(path)

    def confirm_delete(self, node: Node) -> bool:
        """Ask before a whole section goes, saying that 撤销 brings it back."""
        count = sum(1 for _ in node.walk()) - 1
        answer = QMessageBox.question(
            self,
            self.tr("删除整个部分"),
            self.tr("删除“%1”及其下 %2 条内容？\n删除后可以用“撤销”（Ctrl+Z）恢复。")
            .replace("%1", node_label(node))
            .replace("%2", str(count)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def promote(self, path: Path | None = None) -> bool:
        return self._run(path or self.selected_path(), lambda e, n: e.promote(n))

    def demote(self, path: Path | None = None) -> bool:
        return self._run(path or self.selected_path(), lambda e, n: e.demote(n))

    def move_up(self, path: Path | None = None) -> bool:
        """Alt+Up: before the previous sibling; the first item of a section goes to the end of the
        previous section, at the same level."""
        path = path or self.selected_path()
        if not path:
            return False
        if path[-1] > 0:
            return self.move(path, (*path[:-1], path[-1] - 1), Position.BEFORE)
        parent = path[:-1]
        if not parent or parent[-1] == 0:
            return False
        section = (*parent[:-1], parent[-1] - 1)
        return self._move_into(path, section, last=True)

    def move_down(self, path: Path | None = None) -> bool:
        """Alt+Down: after the next sibling; the last item of a section goes to the start of the
        next section, at the same level."""
        path = path or self.selected_path()
        plan = self.fresh_plan()
        if not path or plan is None:
            return False
        if node_at_path(plan, (*path[:-1], path[-1] + 1)) is not None:
            return self.move(path, (*path[:-1], path[-1] + 1), Position.AFTER)
        parent = path[:-1]
        if not parent or node_at_path(plan, (*parent[:-1], parent[-1] + 1)) is None:
            return False
        return self._move_into(path, (*parent[:-1], parent[-1] + 1), last=False)

    def _move_into(self, source: Path, section: Path, last: bool) -> bool:
        """Move into another section: after its last child or before its first, else as its child."""
        plan = self.fresh_plan()
        target = node_at_path(plan, section) if plan is not None else None
        if target is None:
            return False
        if not target.children:
            return self.move(source, section, Position.CHILD)
        if last:
            return self.move(source, (*section, len(target.children) - 1), Position.AFTER)
        return self.move(source, (*section, 0), Position.BEFORE)

    def move(self, source: Path, target: Path, position: Position) -> bool:
        """Move the node at ``source`` with its children before, after or into ``target``."""

        def operation(editor: OutlineEditor, node: Node) -> Edit | None:
            target_node = node_at_path(editor.plan, tuple(target))
            return None if target_node is None else editor.move(node, target_node, position)

        return self._run(tuple(source), operation)

    def _dropped(self, source: Path, target: Path, position: Position) -> None:
        self.move(tuple(source), tuple(target), position)
