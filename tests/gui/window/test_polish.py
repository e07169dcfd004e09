"""Small things a new user trips over: the delete prompt, the selection summary, Help, icons,
read-only fields, file dialogs' start folder, connection titles, accessible names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget
from support.gui import wait_listed

from r2desk import __version__
from r2desk.elements import App
from r2desk.gui.prompts import Prompts
from r2desk.gui.settings import Settings

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


def _select(qtbot: Any, window: Any, *keys: str) -> None:
    window.view.clearSelection()
    for key in keys:
        row = window.model.row_for_key(key)
        window.view.selectionModel().select(
            window.model.index(row, 0),
            window.view.selectionModel().SelectionFlag.Select
            | window.view.selectionModel().SelectionFlag.Rows,
        )
    qtbot.waitUntil(lambda: len(window.state.selection) == len(keys))


def test_delete_prompt_names_the_item_and_counts(qtbot: Any, window: Any, s3: Any) -> None:
    for key in ("photos/a.jpg", "photos/b.jpg", "photos/old/c.jpg", "single.txt"):
        s3.put_object(Bucket=s3.bucket, Key=key, Body=b"x")
    window.refresh()
    wait_listed(qtbot, window)
    window.prompts.confirms += [False, False]
    _select(qtbot, window, "photos/")
    # A folder shows no size of its own ("0 B" would be wrong).
    assert window.browser.selection_label.text() == "1 selected"
    window.acts.act_delete.trigger()
    qtbot.waitUntil(lambda: bool(window.prompts.asked) and window.prompts.asked[-1][0] == "Delete")
    assert window.prompts.asked[-1][1].startswith("Delete 'photos/' and the 3 objects in it?")
    _select(qtbot, window, "single.txt")
    assert window.browser.selection_label.text() == "1 selected, 1 B"
    window.acts.act_delete.trigger()
    assert window.prompts.asked[-1][1].startswith("Delete 'single.txt'?")
    assert {o["Key"] for o in s3.list_objects_v2(Bucket=s3.bucket)["Contents"]} == {
        "photos/a.jpg",
        "photos/b.jpg",
        "photos/old/c.jpg",
        "single.txt",
    }


def test_help_menu_about_and_readme(qtbot: Any, window: Any, tmp_path: Path) -> None:
    help_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Help"
    )
    assert window.menuBar().actions()[-1].menu() is help_menu  # Help is the last menu
    assert window.acts.act_about in help_menu.actions()
    assert window.acts.act_readme in help_menu.actions()
    about = window.show_about()
    qtbot.waitExposed(about)
    labels = " ".join(
        w.text() for w in about.findChildren(QWidget) if hasattr(w, "text") and callable(w.text)
    )
    assert f"r2desk {__version__}" in labels and "MIT" in labels
    assert about.fields["Logs"].text().endswith("r2desk.log")
    assert about.fields["Connections"].text() == str(window.app.root)
    assert about.fields["Settings"].text()  # a file, or "kept in memory"
    about.close()
    readme = window.show_readme()
    qtbot.waitExposed(readme)
    assert "r2desk" in readme.browser.toPlainText()
    readme.close()


def test_arrows_follow_a_dark_palette(qapp: Any) -> None:
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QStyle

    from r2desk.gui.window.actions import with_disabled_look

    widget = QWidget()
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.ButtonText, QColor("#e8e8e8"))
    widget.setPalette(palette)
    image = with_disabled_look(widget, QStyle.StandardPixmap.SP_ArrowForward).pixmap(16).toImage()
    opaque = [
        image.pixelColor(x, y)
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() > 100
    ]
    assert opaque and min(c.lightness() for c in opaque) > 180  # light arrows, not black


def test_disabled_icons_look_disabled(window: Any) -> None:
    for action in (window.acts.act_forward, window.acts.act_back, window.acts.act_download):
        icon = action.icon()
        normal = icon.pixmap(16, 16, QIcon.Mode.Normal).toImage()
        disabled = icon.pixmap(16, 16, QIcon.Mode.Disabled).toImage()
        assert normal != disabled, action.text()


def test_read_only_properties_look_read_only(qtbot: Any, window: Any, s3: Any) -> None:
    s3.put_object(Bucket=s3.bucket, Key="p.txt", Body=b"x", ContentType="text/plain")
    window.refresh()
    wait_listed(qtbot, window)
    _select(qtbot, window, "p.txt")
    window.acts.act_properties.trigger()
    qtbot.waitUntil(lambda: window.properties_dialog is not None)
    dialog = window.properties_dialog
    fields = dialog.findChildren(QLineEdit)
    for field in fields:
        base = field.palette().color(QPalette.ColorRole.Base)
        flat = base == field.palette().color(QPalette.ColorRole.Window)
        if field.isReadOnly():
            assert not field.hasFrame() and flat, field.accessibleName()
        else:
            assert field.hasFrame(), field.accessibleName()
    assert any(f.isReadOnly() for f in fields) and not dialog.content_type.isReadOnly()
    dialog.close()


def test_file_dialogs_start_in_the_last_folder_else_home(qapp: Any, tmp_path: Path) -> None:
    parent = QWidget()
    settings = Settings.in_memory()
    prompts = Prompts(parent, settings)
    assert prompts.start_folder() == str(Path.home())
    prompts._remember(tmp_path)
    assert prompts.start_folder() == str(tmp_path)
    settings.set_last_folder(str(tmp_path / "gone"))
    assert prompts.start_folder() == str(Path.home())


def test_messages_name_the_connection_by_its_title(qtbot: Any, window: Any) -> None:
    window.prompts.confirms.append(False)
    window.acts.act_del_conn.trigger()
    _title, text = window.prompts.asked[-1]
    assert "'TestR2 title'" in text and "storages." not in text


def test_every_focusable_control_has_an_accessible_name(
    qtbot: Any, make_window: Any, gui_app: App, tmp_path: Path
) -> None:
    for win in (make_window(gui_app), make_window(App(tmp_path / "empty"))):
        win.transfer_dock.show()
        qtbot.wait(10)
        nameless = [
            f"{type(w).__name__} in {type(w.parent()).__name__}"
            for w in win.findChildren(QWidget)
            if w.isVisibleTo(win)
            and w.focusPolicy() != Qt.FocusPolicy.NoFocus
            and not w.objectName().startswith("qt_")
            and not w.accessibleName()
            and not (isinstance(w, QAbstractButton) and w.text())
        ]
        assert not nameless, nameless
    assert QApplication.instance() is not None


def test_warning_box_follows_a_dark_palette(qapp: Any) -> None:
    from PySide6.QtGui import QColor

    from r2desk.gui.widgets import warning_style

    light, dark = QPalette(), QPalette()
    light.setColor(QPalette.ColorRole.Window, QColor("#f0f0f0"))
    dark.setColor(QPalette.ColorRole.Window, QColor("#2b2b2b"))

    def colours(style: str) -> tuple[int, int]:
        bg = QColor(style.split("background: ")[1].split(";")[0]).lightness()
        fg = QColor(style.split("color: ")[1].split(";")[0]).lightness()
        return bg, fg

    bg, fg = colours(warning_style(light))
    assert bg > 200 and fg < 80  # pale box, dark text
    bg, fg = colours(warning_style(dark))
    assert bg < 80 and fg > 200  # dark box, light text: no glaring yellow on a dark window
