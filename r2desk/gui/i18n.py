"""The app's language: Qt's own translations and ours, for the system locale.

Our sources are ``r2desk/resources/i18n/r2desk_<locale>.ts`` (Qt Linguist files, refreshed from
the code by ``packaging/build_translations.py update``); the ``.qm`` files Qt loads are built from
them when the wheel or an installer is made (``packaging/build_translations.py``), never kept in
git. Qt's own (``qtbase_<locale>.qm``: the buttons of standard dialogs, the file dialog, the
context menu of a text field) come with PySide6.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

I18N = Path(__file__).resolve().parents[1] / "resources" / "i18n"

#: The translators installed in this process (kept referenced: Qt does not own them).
_installed: list[QTranslator] = []


def install_translations(locale: QLocale | None = None, folder: Path | None = None) -> list[str]:
    """Load Qt's and r2desk's translations for ``locale`` (default: the system's; on Linux
    LANGUAGE, LC_ALL, LC_MESSAGES and LANG decide). Returns the files loaded; English needs none.

    Call after the QApplication exists and before any widget is built: texts are translated when
    they are set.
    """
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    remove_translations()
    locale = locale or QLocale.system()
    loaded: list[str] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, where in (("qtbase", qt_dir), ("r2desk", str(folder or I18N))):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", where, ".qm"):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(translator.filePath())
    if loaded:
        log.info("translations for %s: %s", locale.name(), ", ".join(loaded))
    return loaded


def remove_translations() -> None:
    """Back to the source language (English)."""
    app = QCoreApplication.instance()
    for old in _installed:
        if app is not None:
            app.removeTranslator(old)
    _installed.clear()


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for Qt Linguist under ``context`` (the class whose ``tr`` translates it
    later); returns it unchanged. PySide6's own is typed ``object``."""
    return text
