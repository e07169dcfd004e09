"""The window's actions, their shortcuts and menus, and when each is enabled.

Actions are made here without slots: the component that does the work connects its own
(``on(action, slot)``), so this module knows what the user can do, not how it is done.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QColor,
    QIcon,
    QKeySequence,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import QMenu, QMenuBar, QStyle, QStyleOption, QWidget

from r2desk.formatting import expiry_words
from r2desk.gui.objects.model import FILE
from r2desk.gui.window.state import WindowState

#: The expiry submenu of "Copy signed URL" (seconds); "Custom…" asks for up to 7 days.
EXPIRIES = (300, 3600, 86400, 604800)


def on(action: QAction, slot: Callable[[], object]) -> None:
    """Run ``slot`` (without the ``checked`` argument) when ``action`` triggers."""
    action.triggered.connect(lambda _=False: slot())


#: The styles' plain black arrows: drawn in the palette's text colour so they show on a dark one.
_ARROWS = {
    QStyle.StandardPixmap.SP_ArrowBack,
    QStyle.StandardPixmap.SP_ArrowForward,
    QStyle.StandardPixmap.SP_ArrowUp,
    QStyle.StandardPixmap.SP_ArrowDown,
}


def _tinted(pixmap: QPixmap, colour: QColor) -> QPixmap:
    out = QPixmap(pixmap)
    painter = QPainter(out)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.fillRect(out.rect(), colour)
    painter.end()
    return out


def with_disabled_look(widget: QWidget, which: QStyle.StandardPixmap) -> QIcon:
    """A standard icon with an explicit greyed-out form (some styles' arrows looked the same
    enabled and disabled), its arrows in the palette's text colour (black on a dark palette
    was invisible)."""
    style = widget.style()
    source = style.standardIcon(which)
    option = QStyleOption()
    text = widget.palette().color(QPalette.ColorRole.ButtonText)
    icon = QIcon() if which in _ARROWS else source
    for size in (16, 22, 24, 32, 48):
        normal = source.pixmap(size, size)
        if normal.isNull():
            continue
        if which in _ARROWS:
            normal = _tinted(normal, text)
            icon.addPixmap(normal, QIcon.Mode.Normal)
        grey = style.generatedIconPixmap(QIcon.Mode.Disabled, normal, option)
        icon.addPixmap(grey, QIcon.Mode.Disabled)
    return icon


def connection_dialog_available() -> bool:
    return importlib.util.find_spec("r2desk.gui.connections.dialog") is not None


class WindowActions(QObject):
    """Every action of the main window; ``update`` enables them from the shared state."""

    def __init__(self, window: QWidget, state: WindowState) -> None:
        super().__init__(window)
        self.window = window
        self.state = state
        SP = QStyle.StandardPixmap
        K = QKeySequence.StandardKey
        a = self._action
        self.act_back = a(self.tr("&Back"), self.tr("Go back (Alt+Left)"), K.Back, SP.SP_ArrowBack)
        self.act_forward = a(
            self.tr("&Forward"), self.tr("Go forward (Alt+Right)"), K.Forward, SP.SP_ArrowForward
        )
        self.act_up = a(
            self.tr("&Up"),
            self.tr("Go to the parent folder (Backspace, Alt+Up)"),
            "Alt+Up",
            SP.SP_ArrowUp,
        )
        self.act_refresh = a(
            self.tr("&Refresh"),
            self.tr("List this folder again (F5)"),
            K.Refresh,
            SP.SP_BrowserReload,
        )
        self.act_path = a(self.tr("Edit &path"), self.tr("Type a path (Ctrl+L)"), "Ctrl+L")
        self.act_filter = a(
            self.tr("&Filter"), self.tr("Filter the listing by name (Ctrl+F)"), K.Find
        )
        self.act_new_folder = a(
            self.tr("&New folder…"),
            self.tr("Create a folder here (Ctrl+Shift+N)"),
            "Ctrl+Shift+N",
            SP.SP_FileDialogNewFolder,
        )
        self.act_upload_files = a(
            self.tr("Upload &files…"),
            self.tr("Choose files to upload here (Ctrl+U)"),
            "Ctrl+U",
            SP.SP_ArrowUp,
        )
        self.act_upload_folder = a(
            self.tr("Upload f&older…"),
            self.tr("Choose a folder to upload here, with its sub-folders"),
            "Ctrl+Shift+U",
        )
        self.act_download = a(
            self.tr("&Download…"),
            self.tr("Download the selected files and folders (Ctrl+Shift+D)"),
            "Ctrl+Shift+D",
            SP.SP_ArrowDown,
            view_only=True,
        )
        self.act_open = a(
            self.tr("&Open"), self.tr("Open the folder, or the file with its application (Enter)")
        )
        self.act_copy = a(
            self.tr("&Copy"),
            self.tr("Copy the selected objects and folders (Ctrl+C)"),
            K.Copy,
            view_only=True,
        )
        self.act_cut = a(
            self.tr("Cu&t"),
            self.tr("Cut the selected objects and folders, to move them (Ctrl+X)"),
            K.Cut,
            view_only=True,
        )
        self.act_paste = a(
            self.tr("&Paste"),
            self.tr(
                "Paste copied objects, or files copied in your file manager, into this folder "
                "(Ctrl+V)"
            ),
            K.Paste,
            view_only=True,
        )
        self.act_edit = a(
            self.tr("&Edit in place"),
            self.tr("Open the file for editing: each save is uploaded back (Ctrl+E)"),
            "Ctrl+E",
            view_only=True,
        )
        self.act_search = a(
            self.tr("&Search…"),
            self.tr("Search the whole bucket below this folder (Ctrl+Shift+F)"),
            "Ctrl+Shift+F",
        )
        self.act_rename = a(
            self.tr("Rena&me / Move…"),
            self.tr("Rename or move the selected object or folder (F2)"),
            "F2",
            view_only=True,
        )
        self.act_delete = a(
            self.tr("De&lete…"),
            self.tr("Delete the selected objects and folders (Del)"),
            K.Delete,
            SP.SP_TrashIcon,
            view_only=True,
        )
        self.act_properties = a(
            self.tr("Proper&ties…"),
            self.tr("Show and edit the object's properties (Alt+Enter)"),
            "Alt+Return",
            SP.SP_FileDialogInfoView,
            view_only=True,
        )
        self.act_public_url = a(
            self.tr("Copy p&ublic URL"),
            self.tr("Copy the public URL (needs the connection's public base URL)"),
            "Ctrl+Shift+P",
            view_only=True,
        )
        self.act_signed_default = a(
            self.tr("Copy si&gned URL (1 hour)"),
            self.tr("Copy a link valid for 1 hour (Ctrl+Shift+C)"),
            "Ctrl+Shift+C",
            view_only=True,
        )
        #: "Storage class" for selected files (``gui/buckets/storage_class``), set by the window.
        self.storage_class_menu: QMenu | None = None
        self.signed_menu = QMenu(self.tr("Copy si&gned URL"), window)
        self.signed_menu.setToolTip(self.tr("Copy a presigned link that works without credentials"))
        self.signed_menu.setToolTipsVisible(True)
        self.signed_actions: dict[int, QAction] = {}
        for seconds in EXPIRIES:
            act = a(
                self.tr("Valid for {0}").format(expiry_words(seconds)),
                self.tr("Copy a link that stops working after {0}").format(expiry_words(seconds)),
            )
            self.signed_actions[seconds] = act
            self.signed_menu.addAction(act)
        self.act_signed_custom = a(
            self.tr("Custom…"), self.tr("Choose how long the link works (at most 7 days)")
        )
        self.signed_menu.addAction(self.act_signed_custom)
        self.act_select_all = a(
            self.tr("Select &all"),
            self.tr("Select every listed entry"),
            K.SelectAll,
            view_only=True,
        )
        self.act_new_conn = a(self.tr("&New connection…"), self.tr("Add a storage connection"))
        self.act_edit_conn = a(
            self.tr("&Edit connection…"), self.tr("Edit the selected connection")
        )
        self.act_dup_conn = a(
            self.tr("D&uplicate connection…"), self.tr("Copy the selected connection")
        )
        self.act_del_conn = a(
            self.tr("Delete co&nnection…"), self.tr("Remove the selected connection")
        )
        self.connection_actions = (
            self.act_new_conn,
            self.act_edit_conn,
            self.act_dup_conn,
            self.act_del_conn,
        )
        self.act_quit = a(self.tr("&Quit"), self.tr("Quit r2desk (Ctrl+Q)"), K.Quit)
        self.act_about = a(
            self.tr("&About r2desk"),
            self.tr("Version, licence, and where r2desk keeps its settings and logs"),
        )
        self.act_readme = a(self.tr("&README"), self.tr("How to use r2desk (F1)"), K.HelpContents)
        self.act_show_preview = QAction(self.tr("&Preview pane"), window, checkable=True)
        self.act_show_preview.setShortcut(QKeySequence("F3"))
        self.act_show_preview.setToolTip(self.tr("Show or hide the preview pane (F3)"))
        self.act_show_preview.setChecked(True)
        self.act_byte_order = QAction(self.tr("Sort names in &byte order"), window, checkable=True)
        self.act_byte_order.setToolTip(
            self.tr(
                "Order names as the store does (by UTF-8 bytes: 'B' before 'a', 'file10' before "
                "'file2') instead of the natural order"
            )
        )
        # The listing as a grid of icons or as the details table (Ctrl+1 / Ctrl+2, as in Finder).
        self.act_view_icons = a(
            self.tr("&Icons"),
            self.tr("Show the folder as a grid of icons and thumbnails (Ctrl+1)"),
            "Ctrl+1",
        )
        self.act_view_details = a(
            self.tr("&Details"),
            self.tr("Show the folder as a table of names, sizes and dates (Ctrl+2)"),
            "Ctrl+2",
        )
        self.view_modes = QActionGroup(window)
        for act in (self.act_view_icons, self.act_view_details):
            act.setCheckable(True)
            self.view_modes.addAction(act)
        self.act_view_details.setChecked(True)
        self.act_list_thumbnails = QAction(self.tr("T&humbnails in list"), window, checkable=True)
        self.act_list_thumbnails.setToolTip(
            self.tr("Show small thumbnails of images in the details table too")
        )
        #: The connection editor ships in this build (the sidebar's buttons need it).
        self.connection_editor = connection_dialog_available()
        if not self.connection_editor:
            for act in self.connection_actions:
                act.setEnabled(False)
                act.setToolTip(self.tr("The connection editor is not available in this build"))
        state.element_changed.connect(self.update)
        state.prefix_changed.connect(self.update)
        state.selection_changed.connect(self.update)

    def _action(
        self,
        text: str,
        tip: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon: QStyle.StandardPixmap | None = None,
        *,
        view_only: bool = False,
    ) -> QAction:
        action = QAction(text, self.window)
        # A toolbar shows no mnemonic: drop the "(&B)" a CJK translation appends, as Qt drops "&".
        # (and, as Qt does, the "…" of a menu entry that opens a dialog).
        plain = re.sub(r"\s*\(&\w\)", "", text).replace("&", "")
        action.setIconText(re.sub(r"\s*(?:…|\.\.\.)$", "", plain))
        action.setToolTip(tip)
        action.setStatusTip(tip)
        if icon is not None:
            action.setIcon(with_disabled_look(self.window, icon))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            if view_only:
                # Del in the filter box must delete text, not objects.
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        return action

    def install(self, view: QWidget, transfers_toggle: QAction) -> None:
        """Put the shortcuts where they work: the table's own on the view, the rest window-wide."""
        for act in (
            self.act_download,
            self.act_edit,
            self.act_copy,
            self.act_cut,
            self.act_paste,
            self.act_rename,
            self.act_delete,
            self.act_properties,
            self.act_public_url,
            self.act_signed_default,
            self.act_select_all,
        ):
            view.addAction(act)
        for act in (
            self.act_back,
            self.act_forward,
            self.act_up,
            self.act_refresh,
            self.act_path,
            self.act_filter,
            self.act_search,
            self.act_new_folder,
            self.act_upload_files,
            self.act_upload_folder,
            self.act_quit,
            self.act_show_preview,
            self.act_view_icons,
            self.act_view_details,
            self.act_readme,
        ):
            self.window.addAction(act)
        transfers_toggle.setText(self.tr("&Transfers"))
        transfers_toggle.setShortcut(QKeySequence("Ctrl+T"))
        transfers_toggle.setToolTip(self.tr("Show or hide the transfer queue (Ctrl+T)"))
        self.window.addAction(transfers_toggle)

    def build_menus(self, mb: QMenuBar, transfers_toggle: QAction) -> None:
        file_menu = mb.addMenu(self.tr("&File"))
        for act in (self.act_upload_files, self.act_upload_folder, self.act_download):
            file_menu.addAction(act)
        file_menu.addSeparator()
        for act in self.connection_actions:
            file_menu.addAction(act)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit = mb.addMenu(self.tr("&Edit"))
        edit.setObjectName("edit_menu")  # others add to it (Preferences…)
        edit.addMenu(self.signed_menu)
        for entry in (
            self.act_copy,
            self.act_cut,
            self.act_paste,
            None,
            self.act_signed_default,
            self.act_public_url,
            None,
            self.act_rename,
            self.act_delete,
            self.act_new_folder,
            None,
            self.act_select_all,
            self.act_properties,
        ):
            if entry is None:
                edit.addSeparator()
            else:
                edit.addAction(entry)
        view = mb.addMenu(self.tr("&View"))
        view.addAction(self.act_refresh)
        view.addAction(self.act_filter)
        view.addAction(self.act_search)
        view.addSeparator()
        view.addAction(self.act_view_icons)
        view.addAction(self.act_view_details)
        view.addAction(self.act_list_thumbnails)
        view.addSeparator()
        view.addAction(self.act_show_preview)
        view.addAction(self.act_byte_order)
        view.addAction(transfers_toggle)
        go = mb.addMenu(self.tr("&Go"))
        go.setObjectName("go_menu")
        self.go_menu = go  # the places add bookmarks and recent locations to it
        for act in (self.act_back, self.act_forward, self.act_up, self.act_path):
            go.addAction(act)
        help_menu = mb.addMenu(self.tr("&Help"))
        help_menu.setObjectName("help_menu")  # others insert their menus before it
        help_menu.addAction(self.act_readme)
        help_menu.addAction(self.act_about)

    def object_menu(self, parent: QWidget) -> QMenu:
        """The right-click menu for the current selection."""
        rows = self.state.selection
        menu = QMenu(parent)
        menu.setToolTipsVisible(True)
        if len(rows) == 1:
            menu.addAction(self.act_open)
            if rows[0].kind == FILE:
                menu.addAction(self.act_edit)
        if rows:
            menu.addAction(self.act_download)
            menu.addMenu(self.signed_menu)
            menu.addAction(self.act_public_url)
            menu.addSeparator()
            menu.addAction(self.act_copy)
            menu.addAction(self.act_cut)
            menu.addAction(self.act_rename)
            menu.addAction(self.act_delete)
            if self.storage_class_menu is not None and any(r.kind == FILE for r in rows):
                menu.addMenu(self.storage_class_menu)
            menu.addSeparator()
        menu.addAction(self.act_paste)
        menu.addAction(self.act_new_folder)
        menu.addAction(self.act_upload_files)
        menu.addAction(self.act_upload_folder)
        menu.addSeparator()
        if rows:
            menu.addAction(self.act_properties)
        menu.addAction(self.act_refresh)
        return menu

    def update(self) -> None:
        """Enable the object and location actions for the open element and the selection.

        Back, Forward and Up follow the browser's history; the connection actions follow the
        sidebar: each is set by the component that owns it.
        """
        rows = self.state.selection
        element = self.state.element
        has_element = element is not None
        files = [r for r in rows if r.kind == FILE]
        for act in (
            self.act_refresh,
            self.act_new_folder,
            self.act_upload_files,
            self.act_upload_folder,
            self.act_path,
            self.act_filter,
            self.act_search,
        ):
            act.setEnabled(has_element)
        self.act_open.setEnabled(len(rows) == 1)
        self.act_edit.setEnabled(len(rows) == 1 and rows[0].kind == FILE)
        self.act_download.setEnabled(bool(rows))
        self.act_delete.setEnabled(bool(rows))
        self.act_rename.setEnabled(len(rows) == 1)
        self.act_properties.setEnabled(len(rows) == 1 and rows[0].kind == FILE)
        self.act_copy.setEnabled(bool(rows))
        self.act_cut.setEnabled(bool(rows))
        self.act_paste.setEnabled(has_element)
        self.signed_menu.setEnabled(bool(files))
        self.act_signed_default.setEnabled(bool(files))
        public = element is not None and bool(getattr(element.config, "publicBaseUrl", ""))
        self.act_public_url.setEnabled(bool(files) and public)
