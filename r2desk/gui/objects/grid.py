"""The icon grid beside the details table, and the thumbnails both can show.

``ObjectGrid`` is a ``QListView`` in icon mode on the same model and the same selection model
as the table: switching views keeps the selection and the current item, and every command
(which reads the selection) works the same in both. Its keys, drops and drags come from
``ItemBehaviour``, and its signals are the table's, so the window wires one view.
``ObjectViews`` stacks the two and asks ``Thumbnails`` for the items on screen whenever they
change (scrolling, resizing, a new page): nothing is fetched for what is not shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QPainter, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from r2desk.gui.objects.model import COL_NAME, ObjectTableModel
from r2desk.gui.objects.thumbnails import EDGE, Thumbnails
from r2desk.gui.objects.view import ItemBehaviour, ObjectView
from r2desk.gui.settings import VIEW_DETAILS, VIEW_ICONS

#: Icon size in the grid, and in the table when it shows thumbnails.
GRID_ICON = 96
LIST_ICON = 32


class ThumbnailDelegate(QStyledItemDelegate):
    """The name column's icon becomes the thumbnail once it is in memory; the name is drawn
    as plain text by the style (elided, the full key in the model's tooltip)."""

    def __init__(
        self,
        thumbnails: Thumbnails,
        parent: QWidget | None = None,
        *,
        enabled: Callable[[], bool] = lambda: True,
        top: int = 0,
    ) -> None:
        super().__init__(parent)
        self.thumbnails = thumbnails
        self.enabled = enabled
        #: Room above each item (the grid's first row would touch the frame).
        self.top = top

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + self.top)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if self.top:
            option = QStyleOptionViewItem(option)
            option.rect = option.rect.adjusted(0, self.top, 0, 0)
        super().paint(painter, option, index)

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.showDecorationSelected = True  # a selected icon is highlighted, not only its name
        if index.column() != COL_NAME or not self.enabled():
            return
        model = index.model()
        if not isinstance(model, ObjectTableModel):
            return
        row = model.row_at(index.row())
        icon = self.thumbnails.icon(model.element, row, model.etag(row.key))
        if icon is not None:
            option.icon = icon


class ObjectGrid(ItemBehaviour, QListView):
    """Icons in rows that wrap; arrows move in two dimensions, Tab leaves the grid."""

    def __init__(
        self, table: ObjectView, thumbnails: Thumbnails, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.signals = table
        self.setAccessibleName(self.tr("Objects as icons"))
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)  # icons stay in name order
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._setup_items()
        fm = self.fontMetrics()
        self.setIconSize(QSize(GRID_ICON, GRID_ICON))
        width = max(GRID_ICON + 24, 13 * fm.averageCharWidth())
        self.setGridSize(QSize(width, GRID_ICON + fm.height() + 18))
        self.setModel(table.model())
        self.setSelectionModel(table.selectionModel())
        self.setItemDelegate(ThumbnailDelegate(thumbnails, self, top=6))
        if self.devicePixelRatioF() > 1.25:
            thumbnails.edge = 2 * EDGE

    def visible_rows(self) -> list[int]:
        """The rows whose items are on screen, in order (probed cell by cell)."""
        model = self.model()
        if model is None or model.rowCount() == 0 or not self.isVisible():
            return []
        area = self.viewport().rect()
        cell = self.gridSize()
        step_x = max(8, cell.width() // 2)
        step_y = max(8, cell.height() // 2)
        hits = [
            self.indexAt(QPoint(x, y)).row()
            for y in range(0, area.height() + step_y, step_y)
            for x in range(0, area.width() + step_x, step_x)
        ]
        found = [r for r in hits if r >= 0]
        if not found:
            return []
        first, last = min(found), max(found)
        return [
            r for r in range(first, last + 1) if self.visualRect(model.index(r, 0)).intersects(area)
        ]


def visible_table_rows(table: ObjectView) -> list[int]:
    model = table.model()
    if model is None or model.rowCount() == 0 or not table.isVisible():
        return []
    first = table.rowAt(0)
    if first < 0:
        return []
    last = table.rowAt(table.viewport().height() - 1)
    return list(range(first, (last if last >= 0 else model.rowCount() - 1) + 1))


class ObjectViews(QStackedWidget):
    """The table or the grid of one listing, and the thumbnails they show."""

    def __init__(
        self,
        table: ObjectView,
        thumbnails: Thumbnails,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.table = table
        self.thumbnails = thumbnails
        self.grid = ObjectGrid(table, thumbnails, self)
        self.addWidget(table)
        self.addWidget(self.grid)
        self.list_thumbnails = False
        self._row_height = table.verticalHeader().defaultSectionSize()
        table.setItemDelegateForColumn(
            COL_NAME, ThumbnailDelegate(thumbnails, table, enabled=lambda: self.list_thumbnails)
        )
        # Ask for what is on screen once things settle (a scroll fires many times).
        self._visible_later = QTimer(self)
        self._visible_later.setSingleShot(True)
        self._visible_later.setInterval(60)
        self._visible_later.timeout.connect(self.request_visible)
        for view in (table, self.grid):
            view.verticalScrollBar().valueChanged.connect(self._schedule)
        model = table.model()
        for signal in (
            model.rowsInserted,
            model.rowsRemoved,
            model.modelReset,
            model.layoutChanged,
            model.dataChanged,
        ):
            signal.connect(self._schedule)
        model.modelReset.connect(thumbnails.forget_failures)
        thumbnails.changed.connect(self._repaint)

    @property
    def mode(self) -> str:
        return VIEW_ICONS if self.currentWidget() is self.grid else VIEW_DETAILS

    def current(self) -> ObjectView | ObjectGrid:
        return self.grid if self.currentWidget() is self.grid else self.table

    def set_mode(self, mode: str) -> None:
        """Show the table (``details``) or the grid (``icons``), keeping the focus, the
        selection and the current item in view."""
        new = self.grid if mode == VIEW_ICONS else self.table
        old = self.current()
        if new is old:
            return
        had_focus = old.hasFocus()
        self.setCurrentWidget(new)
        current = new.currentIndex()
        if current.isValid():
            new.scrollTo(current)
        if had_focus:
            new.setFocus()
        self._schedule()

    def set_list_thumbnails(self, on: bool) -> None:
        """Small thumbnails in the table (its rows grow to fit them) or its one-line rows."""
        if on == self.list_thumbnails:
            return
        self.list_thumbnails = on
        table = self.table
        if on:
            table.setIconSize(QSize(LIST_ICON, LIST_ICON))
            table.verticalHeader().setDefaultSectionSize(max(self._row_height, LIST_ICON + 4))
        else:
            table.setIconSize(QSize())
            table.verticalHeader().setDefaultSectionSize(self._row_height)
        self._schedule()

    def focus(self) -> None:
        self.current().setFocus()

    def visible_rows(self) -> list[int]:
        if self.current() is self.grid:
            return self.grid.visible_rows()
        return visible_table_rows(self.table) if self.list_thumbnails else []

    def _schedule(self, *_: object) -> None:
        self._visible_later.start()

    def request_visible(self) -> None:
        """Thumbnails for the items on screen (whatever waited for others is dropped)."""
        model = self.table.model()
        assert isinstance(model, ObjectTableModel)
        rows = [model.row_at(r) for r in self.visible_rows()]
        self.thumbnails.want(model.element, ((row, model.etag(row.key)) for row in rows))

    def _repaint(self) -> None:
        self.current().viewport().update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._schedule()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._schedule()

    def item_rect(self, row: int) -> QRect:
        """Where ``row``'s item is in the current view's viewport (for tests and menus)."""
        view = self.current()
        return view.visualRect(view.model().index(row, 0))
