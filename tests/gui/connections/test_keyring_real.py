"""The connection form against a REAL Secret Service (gnome-keyring in a private D-Bus session).

Run through ``scripts/run-keyring-tests``, which starts the session and sets
``R2DESK_REAL_KEYRING=1``; anywhere else this test is skipped, so a plain ``pytest`` never writes
into a developer's own login keyring. Inside the script a missing Secret Service is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from support.memkeyring import installed
from support.servers import MotoHandle

from r2desk.credentials import SERVICE, entry_name
from r2desk.elements import App
from r2desk.elements.store import delete_element
from r2desk.gui.connections.dialog import ConnectionDialog
from r2desk.gui.tasks import TaskPool

pytestmark = [
    pytest.mark.keyring_real,
    pytest.mark.gui,
    pytest.mark.skipif(
        os.environ.get("R2DESK_REAL_KEYRING") != "1",
        reason="needs a real Secret Service: run scripts/run-keyring-tests",
    ),
]
WAIT = 30_000


@pytest.fixture
def secret_service() -> Iterator[Any]:
    """The SecretService backend as the process keyring; fails (not skips) when unusable."""
    from keyring.backends import SecretService

    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        pytest.fail("DBUS_SESSION_BUS_ADDRESS is not set: no D-Bus session to talk to")
    try:
        SecretService.Keyring.priority  # noqa: B018 - raises when the service is unusable
    except Exception as exc:
        pytest.fail(f"the Secret Service is not usable: {exc}")
    with installed(SecretService.Keyring()) as backend:
        yield backend


def test_form_saves_secret_in_real_secret_service(
    qtbot: Any,
    tmp_path: Path,
    pool: TaskPool,
    moto_server: MotoHandle,
    moto_bucket: str,
    secret_service: Any,
) -> None:
    s3 = moto_server.s3
    secret = "real-keyring-" + uuid.uuid4().hex
    app = App(tmp_path / "app")
    dialog = ConnectionDialog(app, pool)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.keyring is not None, timeout=WAIT)
    assert dialog.keyring["ok"], dialog.keyring
    assert "SecretService" in dialog.keyring_label.text()
    for widget, text in (
        (dialog.title_edit, "Real keyring"),
        (dialog.name_edit, "RealKeyring"),
        (dialog.bucket_combo.lineEdit(), moto_bucket),
        (dialog.region_edit, "us-east-1"),
        (dialog.key_id_edit, s3.access_key),
        (dialog.secret_edit, secret),
    ):
        widget.clear()  # the short name is filled in from the title: type over it
        qtbot.keyClicks(widget, text)
    qtbot.mouseClick(dialog.custom_radio, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.endpoint_edit, s3.endpoint_url)
    with qtbot.waitSignal(dialog.saved, timeout=WAIT) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert saved.args == ["storages.RealKeyring"]

    # The secret is in the Secret Service, under the documented entry...
    user = entry_name(s3.endpoint_url, s3.access_key)
    assert secret_service.get_password(SERVICE, user) == secret
    tool = shutil.which("secret-tool")
    if tool:  # ...and another client of the service (libsecret) reads the same item.
        found = subprocess.run(
            [tool, "lookup", "service", SERVICE, "username", user],
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        )
        assert found.stdout == secret

    # ...and in no file under the app folder, nor anywhere in this test's temporary tree.
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len([p for p in files if p.is_relative_to(app.root)]) == 2
    home = Path(os.environ.get("HOME", tmp_path))
    if os.environ.get("R2DESK_REAL_KEYRING_HOME") == str(home):  # the script's private HOME
        files += [p for p in home.rglob("*") if p.is_file()]
    for path in files:
        assert secret.encode() not in path.read_bytes(), path

    # The element works with the secret from the keyring.
    element = App(app.root).getElement("storages.RealKeyring")
    assert element.config.accessKeySecret is None
    assert element.testConnection()["ok"]
    element.uploadByFile("hello.txt", b"hello from the keyring", "text/plain")
    assert element.download("hello.txt") == b"hello from the keyring"

    # Deleting the connection removes the entry from the Secret Service.
    assert delete_element(app, "storages.RealKeyring").secret_removed
    assert secret_service.get_password(SERVICE, user) is None
