"""The keyring side of the connection editor: its status line, and the offer to move a secret.

The main window calls :func:`offer_keyring_migration` after opening an element, to offer moving
a plain-text secret from its config file into the keyring.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypedDict

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QMessageBox, QWidget

from r2desk.credentials import CredentialStore, KeyringUnavailable
from r2desk.elements import App, connection, store
from r2desk.gui.settings import Settings
from r2desk.gui.tasks import TaskPool
from r2desk.gui.widgets import message_box


class KeyringStatus(TypedDict):
    ok: bool
    backend: str
    message: str
    reason: str


def keyring_status(credentials: CredentialStore) -> KeyringStatus:
    """Whether the keyring answers, for the form's status line (runs in a worker)."""
    try:
        return {"ok": True, "backend": credentials.check(), "message": "", "reason": ""}
    except KeyringUnavailable as exc:
        return {"ok": False, "backend": "", "message": str(exc), "reason": exc.reason}


def short_name(name: str | None) -> str | None:
    """``storages.MyR2`` -> ``MyR2`` (a short name stays as it is)."""
    return name.partition(".")[2] or name if name else None


_DECLINED_KEY = "connections/keyringOfferDeclined/"


def offer_keyring_migration(
    parent: QWidget,
    app: App,
    pool: TaskPool,
    name: str,
    on_done: Callable[[bool], None] | None = None,
    settings: Settings | None = None,
    *,
    checked: bool = False,
    title: str = "",
) -> QMessageBox | None:
    """If ``name``'s config file holds its secret in plain text, offer to move it to the keyring.

    Non-blocking: returns the open question box (None when there is nothing to offer, or the
    user asked not to be asked again for this element). ``on_done(moved)`` runs afterwards.
    Call it after the main window opened an element. ``checked``: the caller has already read
    the file in the pool (``has_plaintext_secret``) and gives the connection's ``title``, so
    nothing here reads the disk.
    """
    short = short_name(name) or name
    if not checked and not store.has_plaintext_secret(app, short):
        return None
    prefs = settings if settings is not None else Settings()
    if prefs.keyring_offer_declined(short):
        return None
    path = app.root / connection.FOLDER / short / f"{short}.json"
    # The connection as the sidebar shows it (its title), not its folder name.
    if not title:
        title = next((i.title for i in app.listElements() if i.name == name), "") or short
    box = message_box(
        parent,
        QMessageBox.Icon.Question,
        QCoreApplication.translate("keyring", "Move the secret into the keyring?"),
        QCoreApplication.translate(
            "keyring",
            "The connection {0} keeps its secret access key in plain text "
            "in\n{1}\n\nAnyone who can read that file can use your bucket. Move the "
            "secret into the OS keyring? The file keeps everything else.",
        ).format(title, path),
    )
    move = box.addButton(
        QCoreApplication.translate("keyring", "Move to keyring"), QMessageBox.ButtonRole.AcceptRole
    )
    move.setAccessibleName(QCoreApplication.translate("keyring", "Move to keyring"))
    move.setToolTip(
        QCoreApplication.translate(
            "keyring", "Store the secret in the OS keyring and remove it from the config file"
        )
    )
    later = box.addButton(
        QCoreApplication.translate("keyring", "Not now"), QMessageBox.ButtonRole.RejectRole
    )
    later.setAccessibleName(QCoreApplication.translate("keyring", "Not now"))
    later.setToolTip(
        QCoreApplication.translate(
            "keyring", "Keep the secret in the file for now; you will be asked again next time"
        )
    )
    box.setDefaultButton(move)
    never = QCheckBox(
        QCoreApplication.translate("keyring", "Don't ask again for this connection"), box
    )
    never.setAccessibleName(
        QCoreApplication.translate("keyring", "Don't ask again for this connection")
    )
    never.setToolTip(
        QCoreApplication.translate("keyring", "Remember this answer for this connection")
    )
    box.setCheckBox(never)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def finish(moved: bool) -> None:
        if on_done is not None:
            on_done(moved)

    def failed(exc: BaseException) -> None:
        warn = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("keyring", "The secret was not moved"),
            QCoreApplication.translate(
                "keyring", "{0}\n\nThe connection keeps working with the secret in its file."
            ).format(exc),
            parent=parent,
        )
        warn.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        warn.open()
        finish(False)

    def moved(result: object) -> None:
        app.forget(f"{connection.FOLDER}.{short}")
        finish(bool(result))

    def answered(_code: int) -> None:
        if box.clickedButton() is move:
            pool.submit(
                store.migrate_secret_to_keyring,
                app,
                short,
                on_result=moved,
                on_error=failed,
                on_crash=lambda text: failed(RuntimeError(text)),
            )
            return
        if never.isChecked():
            prefs.set_keyring_offer_declined(short)
        finish(False)

    box.finished.connect(answered)
    box.open()
    return box
