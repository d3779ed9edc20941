"""The outline dock: the tree of the parsed plan, kept in step with the editor's cursor.

Selecting a node moves the editor there; moving the cursor selects the node. Structural changes
(drag and drop, insert, delete, promote, demote, move up/down) are computed by
:class:`~desktop.plan.outline_edit.OutlineEditor` as a new text and handed to the host, which
applies it as one undoable edit; the tree itself is only ever rebuilt from a parse.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from desktop.plan.outline_edit import Edit, OutlineEditor, Position

if TYPE_CHECKING:
    from desktop.plan.model import Node, Plan

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
Path = tuple[int, ...]


def node_at_path(plan: Plan, path: Path) -> Node | None:
    nodes, node = plan.nodes, None
    for index in path:
        if index >= len(nodes):
            return None
        node = nodes[index]
        nodes = node.children
    return node


def path_of(plan: Plan, offset: int) -> Path:
    """The index path of the deepest node holding ``offset`` (empty outside every node)."""
    path: list[int] = []
    nodes = plan.nodes
    while True:
        for index, node in enumerate(nodes):
            if node.span.start <= offset <= node.span.end:
                path.append(index)
                nodes = node.children
                break
        else:
            return tuple(path)


def _label(node: Node) -> str:
    return f"{node.marker_text}{node.headline}" if node.marker else node.headline


def outline_signature(plan: Plan | None) -> tuple[tuple[object, ...] | None, tuple[int, ...]]:
    """(shape, lines): what the tree shows, and the line of each node (tooltips only)."""
    if plan is None:
        return None, ()
    lines: list[int] = []

    def shape(nodes: tuple[Node, ...]) -> tuple[object, ...]:
        out = []
        for node in nodes:
            lines.append(node.line)
            out.append((_label(node), node.marker is None, shape(node.children)))
        return tuple(out)

    return shape(plan.nodes), tuple(lines)


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

    def _update_lines(self, plan: Plan) -> None:
        def visit(item: QTreeWidgetItem, nodes: tuple[Node, ...]) -> None:
            for index, node in enumerate(nodes):
                child = item.child(index)
                child.setToolTip(0, f"{_label(node)}\n" + self.tr("第 %1 行").replace("%1", str(node.line)))
                visit(child, node.children)

        visit(self.tree.invisibleRootItem(), plan.nodes)

    def _add(self, parent: QTreeWidgetItem, nodes: tuple[Node, ...], path: Path) -> None:
        for index, node in enumerate(nodes):
            label = _label(node)
            item = QTreeWidgetItem(parent, [label])
            item.setData(0, PATH_ROLE, (*path, index))
            item.setToolTip(0, f"{label}\n" + self.tr("第 %1 行").replace("%1", str(node.line)))
            if node.marker is None:
                font = item.font(0)
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
            ("delete", self.tr("删除本条（含下级）"), "Delete", self.delete_node),
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
        """Compute an edit on a plan of the current text and hand it to the host."""
        plan = self.fresh_plan()
        if plan is None or not path:
            return False
        node = node_at_path(plan, path)
        if node is None:
            return False
        edit = operation(OutlineEditor(plan), node)
        if edit is None or edit.text == plan.text:
            return False
        self.apply_edit(edit)
        return True

    def insert_sibling(self, path: Path | None = None) -> bool:
        return self._run(path or self.selected_path(), lambda e, n: e.insert_sibling(n))

    def insert_child(self, path: Path | None = None) -> bool:
        return self._run(path or self.selected_path(), lambda e, n: e.insert_child(n))

    def delete_node(self, path: Path | None = None) -> bool:
        return self._run(path or self.selected_path(), lambda e, n: e.delete(n))

    def promote(self, path: Path | None = None) -> bool:
        return self._run(path or self.selected_path(), lambda e, n: e.promote(n))

    def demote(self, path: Path | None = None) -> bool:
        return self._run(path or self.selected_path(), lambda e, n: e.demote(n))

    def move_up(self, path: Path | None = None) -> bool:
        path = path or self.selected_path()
        if not path or path[-1] == 0:
            return False
        return self.move(path, (*path[:-1], path[-1] - 1), Position.BEFORE)

    def move_down(self, path: Path | None = None) -> bool:
        path = path or self.selected_path()
        plan = self.plan
        if not path or plan is None:
            return False
        return self.move(path, (*path[:-1], path[-1] + 1), Position.AFTER)

    def move(self, source: Path, target: Path, position: Position) -> bool:
        """Move the node at ``source`` with its children before, after or into ``target``."""

        def operation(editor: OutlineEditor, node: Node) -> Edit | None:
            target_node = node_at_path(editor.plan, tuple(target))
            return None if target_node is None else editor.move(node, target_node, position)

        return self._run(tuple(source), operation)

    def _dropped(self, source: Path, target: Path, position: Position) -> None:
        self.move(tuple(source), tuple(target), position)
