"""Element secrets in the operating system's keyring (Secret Service, Keychain, Credential Locker).

The entry is keyed by endpoint and access key id, not by element name, so renaming or copying an
element folder keeps its secret, and two elements sharing a token share one entry.
"""

from __future__ import annotations

import keyring
import keyring.errors

SERVICE = "r2desk"


class KeyringUnavailable(Exception):
    """No usable keyring backend (headless box, locked or missing keychain)."""


def entry_name(endpoint_url: str, access_key_id: str) -> str:
    """The keyring user name for a token at an endpoint."""
    return f"{access_key_id}@{endpoint_url.rstrip('/')}"


def _unavailable(exc: Exception) -> KeyringUnavailable:
    name = type(exc).__name__
    return KeyringUnavailable(
        f"the OS keyring is not available ({name}); on Linux start a Secret Service such as "
        "gnome-keyring or KWallet and unlock it"
    )


class CredentialStore:
    """Reads and writes element secrets through ``keyring``; any backend failure becomes one error.

    Calls may block (D-Bus, a keychain prompt), so callers on a GUI thread must use a worker.
    """

    def __init__(self, service: str = SERVICE) -> None:
        self.service = service

    def get(self, endpoint_url: str, access_key_id: str) -> str | None:
        try:
            return keyring.get_password(self.service, entry_name(endpoint_url, access_key_id))
        except (keyring.errors.KeyringError, RuntimeError, OSError) as exc:
            raise _unavailable(exc) from None

    def set(self, endpoint_url: str, access_key_id: str, secret: str) -> None:
        try:
            keyring.set_password(self.service, entry_name(endpoint_url, access_key_id), secret)
        except (keyring.errors.KeyringError, RuntimeError, OSError) as exc:
            raise _unavailable(exc) from None

    def delete(self, endpoint_url: str, access_key_id: str) -> bool:
        """Remove the entry; False when there was none."""
        try:
            keyring.delete_password(self.service, entry_name(endpoint_url, access_key_id))
        except keyring.errors.PasswordDeleteError:
            return False
        except (keyring.errors.KeyringError, RuntimeError, OSError) as exc:
            raise _unavailable(exc) from None
        return True
