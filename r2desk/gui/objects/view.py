"""``ObjectView``: the object table, with drops from the desktop and drags between folders.

The view only turns drops into signals (local paths, or keys dragged inside the window, plus
the target prefix); the window validates and queues them. ``ItemBehaviour`` holds what the
table and the icon grid (``grid.py``) share: Enter and Backspace, the focus, the drops and the
drags. The table owns the signals, so the window wires one view whichever of the two is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QMimeData, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import (
    QDrag,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QKeyEvent,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from r2desk.gui.objects.model import (
    COL_CLASS,
    COL_MODIFIED,
    COL_SIZE,
    FOLDER,
    KEYS_MIME,
    ObjectTableModel,
    Row,
)
from r2desk.gui.widgets import paint_focus_frame

# A plain mixin at runtime (Qt refuses two wrapped bases in one class); mypy reads it as the
# item view it is mixed into.
if TYPE_CHECKING:
    _ItemView = QAbstractItemView
else:
    _ItemView = object


class ItemBehaviour(_ItemView):
    """The same keys, drops and drags in the table and in the grid; ``signals`` is the table,
    whose signals the window connects."""

    signals: ObjectView

    def _setup_items(self) -> None:
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        # Tab leaves the view for the next control; arrows move within it.
        self.setTabKeyNavigation(False)
        self.doubleClicked.connect(lambda index: self.signals.activated_row.emit(index.row()))

    def object_model(self) -> ObjectTableModel:
        model = self.model()
        assert isinstance(model, ObjectTableModel)
        return model

    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.selectionModel().selectedRows()})

    # -- keyboard ----------

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Give the keyboard a visible place to start: the first row becomes current (not
        selected) when there is none."""
        super().focusInEvent(event)
        model = self.model()
        if not self.currentIndex().isValid() and model is not None and model.rowCount() > 0:
            self.selectionModel().setCurrentIndex(
                model.index(0, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        self.viewport().update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.hasFocus():
            paint_focus_frame(self.viewport())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            index = self.currentIndex()
            if index.isValid():
                self.signals.activated_row.emit(index.row())
            return
        if key == Qt.Key.Key_Backspace and plain:
            self.signals.go_up.emit()
            return
        super().keyPressEvent(event)

    # -- drops ----------

    def _target_prefix(self, pos: QPoint) -> str:
        """The folder row under the pointer, else the prefix being shown."""
        model = self.object_model()
        index = self.indexAt(pos)
        if index.isValid():
            row = model.row_at(index.row())
            if row.kind == FOLDER:
                return row.key
        return model.prefix

    def _acceptable(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
        mime = event.mimeData()
        if mime.hasFormat(KEYS_MIME):
            return event.source() is self
        return mime.hasUrls() and any(u.isLocalFile() for u in mime.urls())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._acceptable(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if not self._acceptable(event):
            event.ignore()
            return
        if event.mimeData().hasFormat(KEYS_MIME):
            # Moving objects inside the window only makes sense onto another folder.
            index = self.indexAt(event.position().toPoint())
            row = self.object_model().row_at(index.row()) if index.isValid() else None
            if row is None or row.kind != FOLDER:
                event.ignore()
                return
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
            return
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if not self._acceptable(event):
            event.ignore()
            return
        mime = event.mimeData()
        target = self._target_prefix(event.position().toPoint())
        if mime.hasFormat(KEYS_MIME):
            keys = bytes(mime.data(KEYS_MIME).data()).decode("utf-8").splitlines()
            keys = [k for k in keys if k and k != target]
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
            if keys:
                self.signals.keys_dropped.emit(keys, target)
            return
        paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.signals.files_dropped.emit(paths, target)

    # -- drags out ----------

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        """Drag keys (for moves inside the window); the window's ``drag_mime`` adds the files
        a file manager gets, downloaded only when it asks for them."""
        model = self.object_model()
        rows = self.selected_rows()
        if not rows:
            return
        drag_mime = self.signals.drag_mime
        if drag_mime is not None:
            mime = drag_mime([model.row_at(r) for r in rows])
        else:
            mime = model.mimeData([model.index(r, 0) for r in rows])
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.exec(supportedActions, Qt.DropAction.CopyAction)


class ObjectView(ItemBehaviour, QTableView):
    """Table of one prefix. Enter opens, Backspace goes up (the window connects the signals)."""

    files_dropped = Signal(list, str)  # local Paths, target prefix
    keys_dropped = Signal(list, str)  # keys dragged inside the window, target prefix
    activated_row = Signal(int)
    go_up = Signal()
    # Set by the window: the mime data of a drag of these rows (keys, and files on demand).
    drag_mime: Callable[[list[Row]], QMimeData] | None = None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.signals = self
        self.setAccessibleName(self.tr("Objects"))
        self.setToolTip("")
        self._setup_items()
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vh = self.verticalHeader()
        vh.hide()
        # Fixed row heights: with 100,000 rows the header never measures a row.
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 8)
        hh = self.horizontalHeader()
        hh.setStretchLastSection(False)
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setSortIndicatorShown(True)
        hh.setHighlightSections(False)
        self.setSortingEnabled(True)

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """Rows, not cells: Home/End go to the first/last object, Left/Right stay on the name
        (a cell cursor scrolled the table sideways until the names disappeared)."""
        A = QAbstractItemView.CursorAction
        model = self.model()
        rows = model.rowCount() if model is not None else 0
        if rows == 0:
            return QModelIndex()
        if cursorAction == A.MoveHome:
            return model.index(0, 0)
        if cursorAction == A.MoveEnd:
            return model.index(rows - 1, 0)
        if cursorAction in (A.MoveLeft, A.MoveRight):
            current = self.currentIndex()
            return current.siblingAtColumn(0) if current.isValid() else model.index(0, 0)
        index = super().moveCursor(cursorAction, modifiers)
        return index.siblingAtColumn(0) if index.isValid() else index

    def resizeEvent(self, event: QResizeEvent) -> None:
        """In a narrow list the storage class column steps aside so the names stay readable."""
        super().resizeEvent(event)
        hh = self.horizontalHeader()
        others = sum(hh.sectionSize(c) for c in (COL_SIZE, COL_MODIFIED, COL_CLASS))
        self.setColumnHidden(COL_CLASS, self.viewport().width() - others < 0.4 * others)

    def first_visible_index(self) -> QModelIndex:
        return self.indexAt(QPoint(2, 2))
