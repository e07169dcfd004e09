"""Change the storage class of the selected objects (STANDARD ⇄ STANDARD_IA) from their context
menu: the Infrequent Access terms are said first, then each object is copied onto itself in the
pool (content type and metadata kept) and the listing refreshed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMenu, QWidget

from r2desk.gui.i18n import QT_TRANSLATE_NOOP
from r2desk.gui.objects.model import FILE

if TYPE_CHECKING:
    from r2desk.gui.messages import ErrorBridge
    from r2desk.gui.prompts import Prompts
    from r2desk.gui.tasks import TaskPool
    from r2desk.gui.window.state import WindowState
    from r2desk.storages.meta import Meta

#: The core's Infrequent Access terms (r2desk.storages.bucket_rules.IA_TERMS), written out here
#: so Qt Linguist sees them; a test keeps the two the same.
IA_TERMS = QT_TRANSLATE_NOOP(
    "StorageClassActions",
    "Infrequent Access bills each object for at least 30 days of storage (deleting or moving it "
    "back sooner still costs the 30 days) and charges a fee per GB read back.",
)


def ia_terms() -> str:
    """The Infrequent Access terms in the user's language."""
    return QCoreApplication.translate("StorageClassActions", IA_TERMS)


class Window(Protocol):
    pool: TaskPool
    state: WindowState
    errors: ErrorBridge

    @property
    def prompts(self) -> Prompts: ...

    def refresh(self) -> None: ...


class StorageClassActions(QObject):
    """The "Storage class" submenu of the object menu, and what its entries do."""

    def __init__(self, window: Window, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = window
        self.menu = QMenu(self.tr("Storage c&lass"), parent)
        self.menu.setToolTipsVisible(True)
        self.menu.setToolTip(self.tr(IA_TERMS))
        for cls, label in (
            ("STANDARD", self.tr("Standard")),
            ("STANDARD_IA", self.tr("Infrequent Access (30-day minimum)")),
        ):
            act = self.menu.addAction(label)
            act.setToolTip(self.tr(IA_TERMS) if cls == "STANDARD_IA" else "")
            act.triggered.connect(lambda _=False, c=cls: self.change(c))

    def selected_keys(self) -> list[str]:
        return [r.key for r in self.window.state.selection if r.kind == FILE]

    def change(self, storage_class: str) -> None:
        element = self.window.state.element
        keys = self.selected_keys()
        if element is None or not keys:
            return
        count = len(keys)
        what = self.tr("1 object") if count == 1 else self.tr("{0} objects").format(count)
        if storage_class == "STANDARD_IA" and not self.window.prompts.confirm(
            self.tr("Move to Infrequent Access"),
            self.tr("Move {0} to Infrequent Access? {1}").format(what, self.tr(IA_TERMS)),
            self.tr("Move"),
        ):
            return
        self.window.errors.message(self.tr("Changing the storage class of {0}…").format(what))
        self.window.pool.submit(
            _change_all,
            element,
            keys,
            storage_class,
            on_result=lambda n: self._done(n, storage_class),
            on_error=lambda exc: self.window.errors.error(exc, dialog=True),
            on_crash=self.window.errors.crash,
            owner=self.menu,
        )

    def _done(self, changed: int, storage_class: str) -> None:
        self.window.errors.message(self.tr("{0} object(s) now {1}.").format(changed, storage_class))
        self.window.refresh()


def _change_all(element: Meta, keys: list[str], storage_class: str) -> int:
    changed = 0
    for key in keys:
        if element.setStorageClass(key, storage_class)["previous"] != storage_class:
            changed += 1
    return changed
