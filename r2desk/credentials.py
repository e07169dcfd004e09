"""Element secrets in the operating system's keyring (Secret Service, Keychain, Credential Locker).

The entry is keyed by endpoint and access key id, not by element name, so renaming or copying an
element folder keeps its secret, and two elements sharing a token share one entry:

    service ``r2desk``, user name ``<accessKeyId>@<endpoint URL>``
    (e.g. ``0123…@https://<account>.eu.r2.cloudflarestorage.com``)

When no keyring is usable the secret is never written anywhere else behind the user's back; the
only way to keep it in a plain file is the explicit opt-in ``R2DESK_ALLOW_PLAINTEXT_SECRET=1``
(see :func:`plaintext_allowed`), and then it goes into the element's own config file, visibly.
"""

from __future__ import annotations

import os
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE = "r2desk"

#: Set to 1 to allow keeping a secret in the element's config file when no keyring is usable.
PLAINTEXT_ENV = "R2DESK_ALLOW_PLAINTEXT_SECRET"

_PROBE_USER = "__r2desk_probe__"

_WHAT_TO_DO = (
    "Meanwhile you can leave the secret out and set R2_SECRET_ACCESS_KEY in the environment, or "
    f"set {PLAINTEXT_ENV}=1 to allow keeping it in plain text in the connection's config file."
)


class KeyringUnavailable(Exception):
    """No usable keyring: ``reason`` is ``missing``, ``locked``, ``disabled`` or ``error``.

    The message says what is missing and what to do, in words a user can act on.
    """

    def __init__(self, message: str, reason: str = "error") -> None:
        super().__init__(message)
        self.reason = reason


def entry_name(endpoint_url: str, access_key_id: str) -> str:
    """The keyring user name for a token at an endpoint."""
    return f"{access_key_id}@{endpoint_url.rstrip('/')}"


def plaintext_allowed() -> bool:
    """True when the user explicitly allowed plain-text secrets (see ``PLAINTEXT_ENV``)."""
    return os.environ.get(PLAINTEXT_ENV, "").strip().lower() in ("1", "true", "yes", "on")


def _is_null(backend: KeyringBackend) -> bool:
    mod = type(backend).__module__
    return mod == "keyring.backends.null"


def _unavailable(exc: BaseException | None) -> KeyringUnavailable:
    """Turn a backend failure into words: what is missing and what the user can do."""
    if isinstance(exc, _keyring().errors.KeyringLocked):
        return KeyringUnavailable(
            "The OS keyring is locked. Unlock it (log in to your desktop session, or open your "
            "keyring manager such as Seahorse or KWalletManager) and try again. " + _WHAT_TO_DO,
            "locked",
        )
    if exc is None or isinstance(exc, _keyring().errors.NoKeyringError):
        return KeyringUnavailable(
            "No OS keyring is available to keep the secret. On Linux install and start a "
            "Secret Service (gnome-keyring or KWallet) in your desktop session; on a headless "
            "machine run the program inside 'dbus-run-session' with 'gnome-keyring-daemon "
            "--unlock' started first. " + _WHAT_TO_DO,
            "missing",
        )
    if isinstance(exc, _keyring().errors.InitError):
        return KeyringUnavailable(
            f"The OS keyring could not be opened ({exc}). It is probably locked, or has no "
            "default collection yet, and its unlock prompt cannot be shown here (no desktop "
            "session). Unlock or create it in your keyring manager (Seahorse, KWalletManager), "
            "or start gnome-keyring-daemon with --unlock. " + _WHAT_TO_DO,
            "locked",
        )
    name = type(exc).__name__
    return KeyringUnavailable(
        f"The OS keyring failed ({name}: {exc}). Check that your keyring service (Secret "
        "Service, Keychain or Credential Locker) is running and unlocked. " + _WHAT_TO_DO,
        "error",
    )


def _keyring() -> ModuleType:
    """The keyring package, imported at the first secret asked for, not at start-up (its backend
    discovery costs ~0.1 s of CPU before the window could show)."""
    import keyring
    import keyring.errors

    return keyring


def _failures() -> tuple[type[BaseException], ...]:
    return (_keyring().errors.KeyringError, RuntimeError, OSError)


class CredentialStore:
    """Reads and writes element secrets through ``keyring``; any backend failure becomes one error.

    Calls may block (D-Bus, a keychain prompt), so callers on a GUI thread must use a worker.
    """

    def __init__(self, service: str = SERVICE) -> None:
        self.service = service

    # -- what is there ------------------------------------------------------------------------

    @staticmethod
    def backend_name() -> str:
        """A human name for the active backend, e.g. ``SecretService Keyring``."""
        try:
            return str(_keyring().get_keyring().name)
        except Exception:  # a broken backend import must not break a status line
            return "unknown keyring"

    def check(self) -> str:
        """Prove the keyring answers (may unlock it); return its name or raise KeyringUnavailable.

        The null backend accepts writes and forgets them, so it counts as unavailable.
        """
        backend = _keyring().get_keyring()
        if _is_null(backend):
            raise KeyringUnavailable(
                "The OS keyring is disabled (the 'null' keyring backend is configured, which "
                "forgets every secret). Remove PYTHON_KEYRING_BACKEND or the keyringrc setting "
                "that selects it. " + _WHAT_TO_DO,
                "disabled",
            )
        try:
            _keyring().get_password(self.service, _PROBE_USER)
        except _failures() as exc:
            raise _unavailable(exc) from None
        return self.backend_name()

    # -- one entry ----------------------------------------------------------------------------

    def get(self, endpoint_url: str, access_key_id: str) -> str | None:
        try:
            secret: str | None = _keyring().get_password(
                self.service, entry_name(endpoint_url, access_key_id)
            )
        except _failures() as exc:
            raise _unavailable(exc) from None
        return secret

    def set(self, endpoint_url: str, access_key_id: str, secret: str) -> None:
        """Store the secret and read it back: a backend that silently drops it is an error."""
        if _is_null(_keyring().get_keyring()):
            self.check()  # raises with the "disabled" explanation
        user = entry_name(endpoint_url, access_key_id)
        try:
            _keyring().set_password(self.service, user, secret)
            stored = _keyring().get_password(self.service, user)
        except _failures() as exc:
            raise _unavailable(exc) from None
        if stored != secret:
            raise KeyringUnavailable(
                "The OS keyring accepted the secret but did not keep it. " + _WHAT_TO_DO, "error"
            )

    def delete(self, endpoint_url: str, access_key_id: str) -> bool:
        """Remove the entry; False when there was none."""
        try:
            _keyring().delete_password(self.service, entry_name(endpoint_url, access_key_id))
        except _keyring().errors.PasswordDeleteError:
            return False
        except _failures() as exc:
            raise _unavailable(exc) from None
        return True
