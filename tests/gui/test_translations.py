"""Translations: every visible text goes through Qt's translation, and the shipped languages
are complete.

The check runs the window and the dialogs under a pseudo-language in which every translated
string is marked ⟦like this⟧; a visible text with words outside the marks was never translated.
"""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)

from r2desk.gui.i18n import I18N, install_translations, remove_translations

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ("de", "zh_CN")


def _tools() -> Any:
    spec = importlib.util.spec_from_file_location(
        "build_translations", ROOT / "packaging" / "build_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def pseudo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """r2desk_eo.qm: every string of the code, translated as ⟦string⟧."""
    import subprocess

    tools = _tools()
    folder = tmp_path_factory.mktemp("pseudo")
    ts = folder / "r2desk_eo.ts"
    files = [str(p) for p in tools.gui_sources()]
    lupdate = tools.qt_tool("lupdate")
    subprocess.run([lupdate, "-silent", *files, "-ts", str(ts)], check=True)
    tree = ET.parse(ts)
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            for form in translation:
                form.text = f"⟦{source}⟧"
        else:
            translation.text = f"⟦{source}⟧"
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    subprocess.run([tools.qt_tool("lrelease"), "-silent", str(ts)], check=True)
    return folder


@pytest.fixture
def pseudo_locale(qapp: Any, pseudo: Path) -> Iterator[None]:
    assert install_translations(QLocale("eo"), pseudo), "the pseudo translation did not load"
    yield
    remove_translations()


def _qt_standard(button: QAbstractButton) -> bool:
    """OK, Cancel, Save...: Qt's own translations (qtbase) name them, not ours."""
    box = button.parent()
    return (
        isinstance(box, QDialogButtonBox)
        and box.standardButton(button) != QDialogButtonBox.StandardButton.NoButton
    )


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a user sees or hears in ``root``."""
    # Qt's own parts (a dock's Close and Float buttons) carry Qt's translations, not ours.
    widgets = [
        w
        for w in [root, *root.findChildren(QWidget)]
        if not w.objectName().startswith(("qt_", "Scroll"))
    ]
    for w in widgets:
        name = w.objectName() or type(w).__name__
        if w.isWindow() and w.windowTitle():
            yield f"{name} title", w.windowTitle()
        if isinstance(w, QLabel):
            yield name, w.text()
        if isinstance(w, QAbstractButton) and not _qt_standard(w):
            yield name, w.text()
        if isinstance(w, QLineEdit):
            yield f"{name} placeholder", w.placeholderText()
        if isinstance(w, QGroupBox):
            yield name, w.title()
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield f"{name} tab", w.tabText(i)
        if isinstance(w, QComboBox) and not w.isEditable():
            for i in range(w.count()):
                yield f"{name} item", w.itemText(i)
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model: no header
                columns = 0
            for col in range(columns):
                yield f"{name} column", str(model.headerData(col, Qt.Orientation.Horizontal) or "")
        yield f"{name} tooltip", w.toolTip()
        yield f"{name} accessible name", w.accessibleName()
        menus = [w] if isinstance(w, QMenu) else []
        for act in w.actions():
            yield f"{name} action", act.text()
            yield f"{name} action tip", act.toolTip()
            if act.menu() is not None:
                menus.append(act.menu())
        for menu in menus:
            for act in menu.actions():
                yield f"{menu.title()} item", act.text()
                yield f"{menu.title()} item tip", act.toolTip()


def unwrapped(root: QWidget, data: tuple[str, ...] = ()) -> list[str]:
    """Visible texts with words that are neither marked nor data (names, paths, numbers)."""
    found = []
    for where, text in visible_texts(root):
        rest = text
        while re.search(r"⟦[^⟦⟧]*⟧", rest):  # marks nest: "⟦⟦Bucket⟧ problem⟧"
            rest = re.sub(r"⟦[^⟦⟧]*⟧", "", rest)
        for value in sorted(data, key=len, reverse=True):
            rest = rest.replace(value, "")
        rest = re.sub(r"https?://\S+|\S+\.(?:txt|png|md|csv|bin|log)\b", "", rest)
        rest = re.sub(r"\b(?:Ctrl|Alt|Shift|Del|Backspace|Enter|F\d+)\b", "", rest)  # keys
        if re.search(r"[^\W\d_]{2,}", rest):
            found.append(f"{where}: {text!r}")
    return sorted(set(found))


def test_main_window_shows_only_translated_text(
    qtbot: Any, pseudo_locale: None, make_window: Any, gui_app: Any
) -> None:
    from support.gui import wait_listed

    window = make_window(gui_app)
    wait_listed(qtbot, window)
    window.transfers.update_actions()
    element = window.element
    data = (element.title, element.config.bucketName, "r2desk", "TestR2", "STANDARD")
    assert not (found := unwrapped(window, data)), "\n".join(found)


def test_welcome_view_shows_only_translated_text(
    qtbot: Any, pseudo_locale: None, make_window: Any, tmp_path: Path
) -> None:
    from r2desk.elements import App

    window = make_window(App(tmp_path / "empty"))
    assert not (found := unwrapped(window, ("r2desk",))), "\n".join(found)


@pytest.mark.parametrize("keyring", ["memory_keyring", "missing_keyring"])
def test_connection_dialog_shows_only_translated_text(
    qtbot: Any,
    pseudo_locale: None,
    pool: Any,
    tmp_path: Path,
    keyring: str,
    request: pytest.FixtureRequest,
) -> None:
    from r2desk.elements import App
    from r2desk.gui.connections.dialog import ConnectionDialog

    request.getfixturevalue(keyring)
    dialog = ConnectionDialog(App(tmp_path / "app"), pool)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.keyring is not None, timeout=20_000)
    core = ("EU", "FedRAMP", dialog.keyring["message"] if dialog.keyring else "")
    assert not (found := unwrapped(dialog, core)), "\n".join(found)  # untouched: what Save needs
    qtbot.keyClicks(dialog.account_edit, "12")
    qtbot.keyClicks(dialog.bucket_combo.lineEdit(), "A_")
    # The keyring's technical details come from the (Qt-free) core, in English.
    details = dialog.keyring["message"] if dialog.keyring else ""
    data = ("R2_SECRET_ACCESS_KEY", "0123456789abcdef", "EU", "FedRAMP", details)
    assert not (found := unwrapped(dialog, data)), "\n".join(found)


def test_object_dialogs_show_only_translated_text(
    qtbot: Any, pseudo_locale: None, pool: Any, gui_app: Any
) -> None:
    import datetime as _dt

    from r2desk.dirs import cache_dir
    from r2desk.gui.buckets.settings_dialog import BucketSettingsDialog
    from r2desk.gui.objects.dialogs import ExpiryDialog, NameDialog, PropertiesDialog
    from r2desk.gui.preferences.dialog import LANGUAGE_NAMES, PreferencesDialog
    from r2desk.gui.search.dialog import SearchDialog
    from r2desk.gui.settings import Settings

    element = gui_app.getElement("storages.TestR2")
    info = {
        "key": "docs/report.txt",
        "size": 1234,
        "lastModified": _dt.datetime(2026, 1, 2, tzinfo=_dt.UTC),
        "etag": "abc",
        "storageClass": "STANDARD",
        "contentType": "text/plain",
        "cacheControl": "",
        "metadata": {},
    }
    dialogs = [
        NameDialog("⟦Rename⟧", "⟦New name:⟧", "report.txt", lambda _t: None),
        ExpiryDialog(),
        PropertiesDialog(info, ""),
        SearchDialog(pool, element, ""),
        BucketSettingsDialog(element, pool),
        PreferencesDialog(Settings.in_memory()),
    ]
    data = ("report.txt", "docs/", "STANDARD", "text/plain", "abc", element.config.bucketName)
    # Each language is named in its own words; the cache folder's default is a path.
    data += (*(name for _code, name in LANGUAGE_NAMES), str(cache_dir() / "open"))
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        found = unwrapped(dialog, data)
        assert not found, type(dialog).__name__ + ":\n" + "\n".join(found)


# -- the shipped languages ------------------------------------------------------------------


@pytest.mark.parametrize("lang", SHIPPED)
def test_shipped_languages_are_complete(lang: str, tmp_path: Path) -> None:
    """Every string of the code has a finished translation, with the same {placeholders}."""
    import subprocess

    tools = _tools()
    ts = tmp_path / f"r2desk_{lang}.ts"
    ts.write_bytes((I18N / ts.name).read_bytes())
    files = [str(p) for p in tools.gui_sources()]
    subprocess.run(
        [tools.qt_tool("lupdate"), "-silent", "-no-obsolete", *files, "-ts", str(ts)], check=True
    )
    missing, bad = [], []
    for message in ET.parse(ts).iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        text = translation.text or ""
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not text:
            missing.append(source)
        elif sorted(re.findall(r"\{\d[^}]*\}", source)) != sorted(re.findall(r"\{\d[^}]*\}", text)):
            bad.append(f"{source!r} -> {text!r}")
        elif source.count("&") == 1 and "&" not in text:
            bad.append(f"lost the shortcut letter: {source!r} -> {text!r}")
    assert not missing, f"{len(missing)} untranslated, e.g. {missing[:5]}"
    assert not bad, bad[:10]


def test_the_copied_core_words_match_the_core() -> None:
    from r2desk.gui.buckets.storage_class import IA_TERMS
    from r2desk.storages.bucket_rules import IA_TERMS as CORE

    assert IA_TERMS == CORE


@pytest.fixture
def chinese(qapp: Any, tmp_path: Path) -> Iterator[None]:
    """The shipped Simplified Chinese, compiled as the wheel build does."""
    _tools().compile_translations(tmp_path)
    loaded = install_translations(QLocale("zh_CN"), tmp_path)
    assert any(p.endswith("r2desk_zh_CN.qm") for p in loaded), loaded
    yield
    remove_translations()


def test_the_window_in_chinese(qtbot: Any, chinese: None, make_window: Any, gui_app: Any) -> None:
    from PySide6.QtWidgets import QToolButton

    window = make_window(gui_app)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[0] == "文件(&F)" and titles[-1] == "帮助(&H)"
    for button in window.toolbar.findChildren(QToolButton):
        assert not re.search(r"\(\w\)", button.text()), button.text()  # no "(B)" on a toolbar
    assert window.acts.act_back.iconText() == "后退"
    assert window.acts.act_new_folder.iconText() == "新建文件夹"  # no "(&N)", no "…"
