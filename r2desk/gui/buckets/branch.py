"""The buckets under each connection of the sidebar, and what their context menu does.

A connection item expands to the buckets its token may list (``connectionBuckets`` in the
pool: its own bucket first; a token that may not list shows just its own bucket, no error).
Choosing a bucket browses ``ELEMENT@bucket`` (the element's cached sibling). Its menu creates,
empties and deletes buckets, opens the settings dialog and the unfinished-uploads view, and
saves a bucket as its own connection (through ``r2desk.elements.store``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMenu, QStyle, QTreeWidget, QTreeWidgetItem, QWidget

from r2desk.elements import App
from r2desk.elements.locations import parse_element, resolve
from r2desk.gui.messages import ErrorBridge
from r2desk.gui.prompts import Prompts
from r2desk.gui.tasks import TaskPool
from r2desk.gui.widgets import plain_tip
from r2desk.results import ConnectionBuckets

if TYPE_CHECKING:
    from r2desk.storages.meta import Meta

#: Item data: the location to browse ("storages.X" or "storages.X@bucket"), the kind, the bucket.
LOCATION = Qt.ItemDataRole.UserRole
KIND = Qt.ItemDataRole.UserRole + 1
BUCKET = Qt.ItemDataRole.UserRole + 2
CONNECTION, BUCKET_ITEM, PLACEHOLDER = "connection", "bucket", "placeholder"


def connection_of(item: QTreeWidgetItem | None) -> QTreeWidgetItem | None:
    """The connection item of a bucket item (or the item itself)."""
    while item is not None and item.parent() is not None:
        item = item.parent()
    return item


class BucketBranch(QObject):
    """Fills connection items with their buckets, lazily, and answers the bucket menu."""

    def __init__(
        self,
        tree: QTreeWidget,
        app: App,
        pool: TaskPool,
        errors: ErrorBridge,
        prompts: Callable[[], Prompts],
        reload: Callable[[str], None],
        element: Callable[[str], Meta] | None = None,
    ) -> None:
        super().__init__(tree)
        self.tree = tree
        self.app = app
        #: A location's element (``name`` or ``name@bucket``): the sidebar's, built by its load
        #: in the pool, so the menu and the expansion read no disk.
        self.element = element if element is not None else self._resolve
        self.pool = pool
        self.errors = errors
        self.prompts = prompts
        self.reload = reload
        self.dialogs: list[QWidget] = []  # open settings / uploads windows (tests find them)
        tree.itemExpanded.connect(self.expanded)

    # -- the branch ------------------------------------------------------------------------------

    def prepare(self, item: QTreeWidgetItem) -> None:
        """A fresh connection item: expandable, its buckets listed on first expansion."""
        item.setData(0, KIND, CONNECTION)
        item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)

    def expanded(self, item: QTreeWidgetItem) -> None:
        if item.data(0, KIND) != CONNECTION or item.childCount():
            return
        wait = QTreeWidgetItem([self.tr("Listing buckets…")])
        wait.setData(0, KIND, PLACEHOLDER)
        wait.setFlags(Qt.ItemFlag.NoItemFlags)
        item.addChild(wait)
        self.load(item)

    def _resolve(self, location: str) -> Meta:
        return resolve(self.app, parse_element(location))[0]

    def load(self, item: QTreeWidgetItem) -> None:
        name = str(item.data(0, LOCATION))
        try:
            element = self.element(name)
        except Exception as exc:
            self._failed(item, exc)
            return
        self.pool.submit(
            element.connectionBuckets,
            on_result=lambda shown: self._filled(item, name, shown),
            on_error=lambda exc: self._failed(item, exc),
            on_crash=self.errors.crash,
            owner=self.tree,
        )

    def _item_alive(self, item: QTreeWidgetItem, name: str) -> bool:
        return any(
            self.tree.topLevelItem(i) is item and item.data(0, LOCATION) == name
            for i in range(self.tree.topLevelItemCount())
        )

    def _filled(self, item: QTreeWidgetItem, name: str, shown: ConnectionBuckets) -> None:
        if not self._item_alive(item, name):
            return  # the list was reloaded meanwhile
        item.takeChildren()
        icon = self.tree.style().standardIcon(QStyle.StandardPixmap.SP_DirIcon)
        for n, bucket in enumerate(shown["buckets"]):
            child = QTreeWidgetItem([bucket["name"]])
            child.setIcon(0, icon)
            child.setData(0, KIND, BUCKET_ITEM)
            child.setData(0, BUCKET, bucket["name"])
            child.setData(0, LOCATION, name if n == 0 else f"{name}@{bucket['name']}")
            tip = (
                self.tr("The connection's own bucket")
                if n == 0
                else self.tr("Another bucket of this connection (same endpoint and keys)")
            )
            if n == 0 and not shown["listed"]:
                tip += "\n" + self.tr("This token may not list other buckets: {0}").format(
                    shown["problem"]
                )
            child.setToolTip(0, plain_tip(f"{bucket['name']}\n{tip}"))
            item.addChild(child)
        item.setExpanded(True)

    def _failed(self, item: QTreeWidgetItem, exc: BaseException) -> None:
        item.takeChildren()
        self.errors.error(exc)

    def refresh(self, connection: str) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and item.data(0, LOCATION) == connection:
                item.takeChildren()
                item.setExpanded(False)
                item.setExpanded(True)

    # -- the menu -------------------------------------------------------------------------------

    def element_for(self, item: QTreeWidgetItem) -> Meta:
        return self.element(str(item.data(0, LOCATION)))

    def fill_menu(self, menu: QMenu, item: QTreeWidgetItem | None) -> None:
        """The bucket entries of the sidebar's context menu for ``item``."""
        conn = connection_of(item)
        if conn is None or not conn.data(0, LOCATION):
            return
        connection = str(conn.data(0, LOCATION))
        if item is not None and item.data(0, KIND) == BUCKET_ITEM:
            bucket = str(item.data(0, BUCKET))
            parent = item.parent()
            own = parent is not None and parent.indexOfChild(item) == 0
            menu.addSeparator()
            menu.addAction(self.tr("Bucket settings…"), lambda: self.open_settings(item))
            menu.addAction(self.tr("Unfinished uploads…"), lambda: self.open_uploads(item))
            if not own:
                menu.addAction(
                    self.tr("Add this bucket as its own connection"),
                    lambda: self.add_as_connection(connection, bucket),
                )
            menu.addAction(self.tr("Empty bucket…"), lambda: self.empty_bucket(item))
            if not own:
                menu.addAction(
                    self.tr("Delete bucket…"), lambda: self.delete_bucket(connection, bucket)
                )
        menu.addSeparator()
        menu.addAction(self.tr("New bucket…"), lambda: self.create_bucket(connection))

    def _run(self, fn: Callable[..., Any], *args: Any, done: Callable[[Any], None]) -> None:
        self.pool.submit(
            fn,
            *args,
            on_result=done,
            on_error=lambda exc: self.errors.error(exc, dialog=True),
            on_crash=self.errors.crash,
            owner=self.tree,
        )

    def _changed(self, text: str, connection: str) -> None:
        self.errors.message(text)
        self.refresh(connection)

    def create_bucket(self, connection: str) -> None:
        from r2desk.gui.buckets.create import CreateBucketDialog

        element = self.element(connection)
        dialog = CreateBucketDialog(element, self.tree.window())
        if not dialog.exec():
            return
        name, hint = dialog.values()
        self._run(
            element.createBucket,
            name,
            hint,
            done=lambda _r: self._changed(self.tr("Bucket {0} created.").format(name), connection),
        )

    def delete_bucket(self, connection: str, bucket: str) -> None:
        if not self.prompts().confirm(
            self.tr("Delete bucket"),
            self.tr("Delete the empty bucket {0}? A bucket that holds objects is refused.").format(
                bucket
            ),
            self.tr("Delete"),
        ):
            return
        element = self.element(connection)
        self._run(
            element.deleteBucket,
            bucket,
            done=lambda _r: self._changed(
                self.tr("Bucket {0} deleted.").format(bucket), connection
            ),
        )

    def empty_bucket(self, item: QTreeWidgetItem) -> None:
        """Count first, then a typed confirmation of the bucket's name, then delete."""
        element = self.element_for(item)
        bucket = str(item.data(0, BUCKET))

        def counted(count: Any) -> None:
            from r2desk.formatting import human_size

            what = self.tr("{0} objects ({1})").format(
                f"{count['objects']:,}", human_size(count["bytes"])
            )
            typed = self.prompts().name(
                self.tr("Empty bucket"),
                self.tr(
                    "Bucket {0} holds {1}. Everything in it is deleted, and its unfinished "
                    "uploads are aborted. Type the bucket's name to go on:"
                ).format(bucket, what),
                "",
                lambda text: None if text == bucket else self.tr("Type {0} exactly").format(bucket),
            )
            if typed != bucket:
                return
            self.errors.message(self.tr("Emptying {0}…").format(bucket))
            self._run(
                element.emptyBucket,
                done=lambda r: self.errors.message(
                    self.tr("Deleted {0} objects from {1}; aborted {2} unfinished uploads.").format(
                        r["deleted"], bucket, r["abortedUploads"]
                    )
                ),
            )

        self._run(element.countObjects, done=counted)

    def add_as_connection(self, connection: str, bucket: str) -> None:
        from r2desk.elements.connection import name_from_title
        from r2desk.elements.store import duplicate_connection, existing_names

        taken = {n.lower() for n in existing_names(self.app)}
        short = connection.split(".", 1)[1]
        new_name = name_from_title(f"{short} {bucket}", taken)

        def saved(_result: object) -> None:
            self.errors.message(
                self.tr("Saved {0} as the connection {1}.").format(bucket, new_name)
            )
            self.reload(f"storages.{new_name}")

        self._run(
            lambda: duplicate_connection(
                self.app, connection, new_name, title=bucket, bucket=bucket
            ),
            done=saved,
        )

    def open_settings(self, item: QTreeWidgetItem) -> None:
        from r2desk.gui.buckets.settings_dialog import BucketSettingsDialog

        dialog = BucketSettingsDialog(self.element_for(item), self.pool, self.tree.window())
        self._show(dialog)

    def open_uploads(self, item: QTreeWidgetItem) -> None:
        from r2desk.gui.buckets.uploads_view import UnfinishedUploadsDialog

        dialog = UnfinishedUploadsDialog(self.element_for(item), self.pool, self.tree.window())
        self._show(dialog)

    def _show(self, dialog: QWidget) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialogs = [d for d in self.dialogs if _alive(d)] + [dialog]
        dialog.show()


def _alive(widget: QWidget) -> bool:
    from shiboken6 import isValid

    return bool(isValid(widget)) and widget.isVisible()
