"""Counted words in the user's language ("1 object", "1,501 objects") and the delete question
that names what it deletes."""

from __future__ import annotations

import posixpath

from PySide6.QtCore import QCoreApplication

from r2desk.gui.i18n import QT_TRANSLATE_NOOP

#: Counted words, singular and plural, for the messages that count things.
_COUNTED = {
    "object": (
        QT_TRANSLATE_NOOP("ObjectCommands", "1 object"),
        QT_TRANSLATE_NOOP("ObjectCommands", "{0} objects"),
    ),
    "file": (
        QT_TRANSLATE_NOOP("ObjectCommands", "1 file"),
        QT_TRANSLATE_NOOP("ObjectCommands", "{0} files"),
    ),
    "item": (
        QT_TRANSLATE_NOOP("ObjectCommands", "1 item"),
        QT_TRANSLATE_NOOP("ObjectCommands", "{0} items"),
    ),
    "folder": (
        QT_TRANSLATE_NOOP("ObjectCommands", "1 folder"),
        QT_TRANSLATE_NOOP("ObjectCommands", "{0} folders"),
    ),
    "empty folder": (
        QT_TRANSLATE_NOOP("ObjectCommands", "1 empty folder"),
        QT_TRANSLATE_NOOP("ObjectCommands", "{0} empty folders"),
    ),
    "download": (
        QT_TRANSLATE_NOOP("ObjectCommands", "1 download"),
        QT_TRANSLATE_NOOP("ObjectCommands", "{0} downloads"),
    ),
    "write (Class A) request": (
        QT_TRANSLATE_NOOP("ObjectCommands", "1 write (Class A) request"),
        QT_TRANSLATE_NOOP("ObjectCommands", "{0} write (Class A) requests"),
    ),
}


def plural(count: int, word: str) -> str:
    one, many = _COUNTED[word]
    return _tr(one if count == 1 else many).format(f"{count:,}")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ObjectCommands", text)


def _quoted(key: str) -> str:
    name = posixpath.basename(key.rstrip("/")) + ("/" if key.endswith("/") else "")
    return f"'{name}'" if len(name) <= 60 else f"'{name[:57]}…'"


def delete_question(files: list[str], folders: list[str], inside: int) -> str:
    """'Delete 'photos/' and the 1,501 objects in it?': the items named when there are few."""
    if len(files) + len(folders) == 1:
        if files:
            return QCoreApplication.translate("ObjectCommands", "Delete {0}?").format(
                _quoted(files[0])
            )
        if inside == 0:
            return QCoreApplication.translate(
                "ObjectCommands", "Delete the empty folder {0}?"
            ).format(_quoted(folders[0]))
        return QCoreApplication.translate("ObjectCommands", "Delete {0} and the {1} in it?").format(
            _quoted(folders[0]), plural(inside, "object")
        )
    parts = []
    if files:
        parts.append(plural(len(files), "file"))
    if folders:
        parts.append(
            QCoreApplication.translate("ObjectCommands", "{0} holding {1}").format(
                plural(len(folders), "folder"), plural(inside, "object")
            )
        )
    names = ", ".join(_quoted(k) for k in (folders + files)[:3])
    more = "…" if len(files) + len(folders) > 3 else ""
    return QCoreApplication.translate(
        "ObjectCommands", "Delete {0} ({1}{2})? That is {3} in all."
    ).format(
        QCoreApplication.translate("ObjectCommands", " and ").join(parts),
        names,
        more,
        plural(len(files) + inside, "object"),
    )
