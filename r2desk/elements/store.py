"""The only writer of element folders: create, edit, rename, duplicate, migrate and delete.

* files are written atomically (temporary file, fsync, ``os.replace``), readable by the user only
  (0600 files in a 0700 folder on POSIX), and a new element appears whole or not at all;
* the secret never goes into a file: it goes into the OS keyring first, and when that fails
  nothing is written at all, unless the caller passes ``plaintext=True`` for a user who chose
  plain text deliberately (the CLI wants ``--plaintext`` and ``R2DESK_ALLOW_PLAINTEXT_SECRET=1``,
  the form a visible choice with its warning); the demo's throw-away element is
  the one other exception (:func:`write_file_element`);
* keyring entries are keyed by endpoint and access key id (see :mod:`r2desk.credentials`), so a
  rename keeps the secret and a delete removes it only when no other element uses it.

No Qt here: the GUI runs these functions in its task pool.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from r2desk.credentials import (
    CredentialStore,
    KeyringUnavailable,
    entry_name,
)
from r2desk.elements.app import META_TYPE, App
from r2desk.elements.connection import (
    FIELD_LABELS,
    FOLDER,
    Connection,
    EditorError,
    KeyringProblem,
    element_name_problem,
)
from r2desk.errors import register_secret
from r2desk.storages.config import ConfigProblem, StorageConfig, read_json
from r2desk.storages.meta import SECRET_ENV

_PRIVATE_DIR = 0o700
_PRIVATE_FILE = 0o600

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _keyring_words(fn: Callable[_P, _R]) -> Callable[_P, _R]:
    """Re-raise a plain KeyringUnavailable as KeyringProblem (same words, same reason)."""

    @functools.wraps(fn)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return fn(*args, **kwargs)
        except KeyringUnavailable as exc:
            if isinstance(exc, KeyringProblem):
                raise
            raise KeyringProblem(str(exc), exc.reason) from None

    return run


def _fsync_dir(path: Path) -> None:
    """Make a rename durable (POSIX); Windows cannot open folders and needs nothing."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_json_atomic(path: Path, data: Any) -> None:
    """Replace ``path`` with ``data`` as JSON in one step: readers see the old or the new file.

    The temporary file is created 0600 (``mkstemp``), so a secret-free file is never briefly
    readable by others, and no half-written file is ever left under the real name.
    """
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if os.name == "posix":
            os.chmod(tmp, _PRIVATE_FILE)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def _private_dir(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True, mode=_PRIVATE_DIR)
    if os.name == "posix":
        os.chmod(path, _PRIVATE_DIR)


def _folder_of(app: App, name: str) -> Path:
    return app.root / FOLDER / name


def _short(name: str) -> str:
    """Accept ``storages.MyR2`` or ``MyR2``."""
    folder, dot, short = name.partition(".")
    if dot and folder != FOLDER:
        raise EditorError(f"{name!r} is not in the {FOLDER!r} folder", "name")
    return short if dot else name


def existing_names(app: App) -> list[str]:
    """Folder names under ``storages/`` (hidden staging and trash folders excluded)."""
    base = app.root / FOLDER
    if not base.is_dir():
        return []
    return [p.name for p in base.iterdir() if p.is_dir() and not p.name.startswith(".")]


def load_connection(app: App, name: str) -> Connection:
    """Read an instance element's files into a Connection, for editing or duplicating."""
    short = _short(name)
    folder = _folder_of(app, short)
    try:
        e_json = read_json(folder / "e.json")
        raw = read_json(folder / f"{short}.json")
    except ConfigProblem as exc:
        code = "unknown_element" if exc.problem == "is missing" else "invalid_config"
        raise EditorError(f"connection {short!r}: {exc.problem} ({folder})", code=code) from None
    if not isinstance(e_json, dict) or not isinstance(raw, dict):
        raise EditorError(f"connection {short!r}: its files must hold JSON objects ({folder})")
    if e_json.get("type") == META_TYPE:
        raise EditorError(f"{short!r} is a Type element, not a connection")
    conn = Connection.from_files(short, e_json, raw)
    register_secret(conn.file_secret)
    return conn


def has_plaintext_secret(app: App, name: str) -> bool:
    """True when the element's config file holds ``accessKeySecret`` in plain text."""
    path = _folder_of(app, _short(name)) / f"{_short(name)}.json"
    try:
        raw = read_json(path)
    except ConfigProblem:
        return False
    return isinstance(raw, dict) and bool(raw.get("accessKeySecret"))


def entry_users(app: App, endpoint_url: str, access_key_id: str, exclude: set[str]) -> list[str]:
    """Short names of the elements (other than ``exclude``) whose secret lives in this entry."""
    wanted = entry_name(endpoint_url, access_key_id)
    users: list[str] = []
    for short in existing_names(app):
        if short in exclude:
            continue
        try:
            config = StorageConfig.from_dict(read_json(_folder_of(app, short) / f"{short}.json"))
        except (ConfigProblem, OSError):
            continue
        if entry_name(config.endpoint_url, config.accessKeyId) == wanted:
            users.append(short)
    return users


# -- saving -------------------------------------------------------------------------------------


@dataclass
class SaveResult:
    """What ``save_connection`` did, so the caller can tell the user where the secret went."""

    name: str  # fully qualified
    path: Path
    secret_location: str  # "keyring", "file" (explicit opt-in), or "unchanged"
    keyring_entry: str
    removed_entry: str = ""  # an old entry no element uses any more


class _Undo:
    """Keyring changes to roll back if writing the files fails, so a save is all or nothing."""

    def __init__(self) -> None:
        self.steps: list[Callable[[], object]] = []

    def run(self) -> None:
        for step in reversed(self.steps):
            with contextlib.suppress(Exception):
                step()


def _set_secret(creds: CredentialStore, url: str, key_id: str, secret: str, undo: _Undo) -> None:
    previous = creds.get(url, key_id)
    creds.set(url, key_id, secret)
    if previous is None:
        undo.steps.append(lambda: creds.delete(url, key_id))
    elif previous != secret:
        undo.steps.append(lambda: creds.set(url, key_id, previous))


@_keyring_words
def save_connection(
    app: App,
    conn: Connection,
    *,
    secret: str | None = None,
    original: str | None = None,
    plaintext: bool = False,
    credentials: CredentialStore | None = None,
) -> SaveResult:
    """Create (``original`` None) or update/rename ``original`` from ``conn``; return what happened.

    ``secret`` None keeps the current secret: a keyring entry follows a changed endpoint or key
    id, and a plain-text secret found in the old file is moved into the keyring. Blocking (disk,
    keyring): call it from a worker in the GUI.
    """
    creds = credentials or app.credentials
    conn = replace(conn, name=conn.name.strip(), title=conn.title.strip())
    secret = secret or None
    config = conn.to_config(secret)
    register_secret(secret)
    original_short = _short(original) if original else None
    taken = {n.lower() for n in existing_names(app) if n != original_short}
    if conn.name.lower() in taken:
        raise EditorError(
            f"a connection named {conn.name!r} already exists", "name", code="conflict"
        )
    old: Connection | None = None
    loaded: Any = None
    if original_short:
        if not (_folder_of(app, original_short) / "e.json").exists():
            raise EditorError(
                f"there is no connection named {original_short!r} to edit",
                "name",
                code="unknown_element",
            )
        old = load_connection(app, original_short)
        loaded = read_json(_folder_of(app, original_short) / "e.json")
    e_json = conn.e_json(loaded if isinstance(loaded, dict) else None)

    url, key_id = config.endpoint_url, config.accessKeyId
    new_entry = entry_name(url, key_id)
    old_entry = entry_name(old.endpoint_url, old.accessKeyId.strip()) if old else ""
    data = conn.config_dict()
    location = "unchanged"
    undo = _Undo()
    to_store = secret or (old.file_secret if old else None)
    if to_store:
        try:
            _set_secret(creds, url, key_id, to_store, undo)
            location = "keyring"
        except KeyringUnavailable:
            if secret and not plaintext:
                raise
            # Explicit opt-in, or the old file already held it: keep it where the user put it.
            data["accessKeySecret"] = to_store
            location = "file"
    elif old and old_entry != new_entry:
        _carry_secret(creds, old, url, key_id, undo)

    try:
        path = _write_element(app.root, conn.name, original_short, e_json, data)
    except BaseException:
        undo.run()
        raise
    removed = ""
    if old and old_entry != new_entry and location != "file":
        removed = _drop_unused_entry(app, creds, old, exclude={conn.name, old.name})
    app.forget(f"{FOLDER}.{original_short}" if original_short else None)
    app.forget(conn.fq_name)
    return SaveResult(conn.fq_name, path, location, new_entry, removed)


def _carry_secret(
    creds: CredentialStore, old: Connection, url: str, key_id: str, undo: _Undo
) -> None:
    """The endpoint or key id changed: copy the stored secret to the new entry if it has none."""
    try:
        secret = creds.get(old.endpoint_url, old.accessKeyId.strip())
        if secret and creds.get(url, key_id) is None:
            _set_secret(creds, url, key_id, secret, undo)
    except KeyringUnavailable as exc:
        if exc.reason != "missing":  # locked: carrying on would lose the secret
            raise


def _drop_unused_entry(app: App, creds: CredentialStore, old: Connection, exclude: set[str]) -> str:
    url, key_id = old.endpoint_url, old.accessKeyId.strip()
    if entry_users(app, url, key_id, exclude):
        return ""
    try:
        return entry_name(url, key_id) if creds.delete(url, key_id) else ""
    except KeyringUnavailable:
        return ""


def _write_element(
    root: Path, name: str, original: str | None, e_json: dict[str, Any], data: dict[str, Any]
) -> Path:
    """Write both files; a new element appears whole (built in a hidden folder, then renamed)."""
    base = root / FOLDER
    _private_dir(base)
    target = base / name
    if original is None:
        staging = base / f".{name}.new-{uuid.uuid4().hex[:8]}"
        _private_dir(staging)
        try:
            write_json_atomic(staging / f"{name}.json", data)
            write_json_atomic(staging / "e.json", e_json)
            if target.exists():
                raise EditorError(
                    f"a connection named {name!r} already exists", "name", code="conflict"
                )
            os.rename(staging, target)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        _fsync_dir(base)
        return target
    folder = base / original
    # New config first: until the rename, the old name still finds its own (old) config file.
    write_json_atomic(folder / f"{name}.json", data)
    write_json_atomic(folder / "e.json", e_json)
    if name != original:
        os.rename(folder, target)
        _fsync_dir(base)
        old_cfg, new_cfg = target / f"{original}.json", target / f"{name}.json"
        if old_cfg.exists() and not old_cfg.samefile(new_cfg):
            old_cfg.unlink()
    if os.name == "posix":
        os.chmod(target, _PRIVATE_DIR)
    return target


def write_file_element(root: Path, conn: Connection, secret: str) -> Path:
    """Write an element whose secret sits in its config file, never touching the keyring.

    For throw-away app folders only (the demo's local endpoint, whose credentials are not
    secret): a user's connection goes through :func:`save_connection`. An existing element of
    that name is overwritten.
    """
    conn.to_config(secret)  # the same rules as the form
    data = {**conn.config_dict(), "accessKeySecret": secret}
    exists = (root / FOLDER / conn.name / "e.json").exists()
    return _write_element(root, conn.name, conn.name if exists else None, conn.e_json(), data)


def duplicate_connection(
    app: App,
    source: str,
    new_name: str,
    *,
    title: str | None = None,
    credentials: CredentialStore | None = None,
    bucket: str | None = None,
) -> SaveResult:
    """Copy a connection under a new name; both use the same keyring entry (same token).
    With ``bucket``, the copy is for that other bucket ("Add this bucket as its own
    connection"), without the public base URL (a custom domain serves one bucket)."""
    conn = load_connection(app, source)
    secret = conn.file_secret
    copy = replace(conn, name=new_name, title=title or f"{conn.title or conn.name} (copy)")
    if bucket is not None:
        copy = replace(copy, bucketName=bucket, publicBaseUrl="")
    return save_connection(app, copy, secret=secret, credentials=credentials)


@_keyring_words
def migrate_secret_to_keyring(
    app: App, name: str, credentials: CredentialStore | None = None
) -> bool:
    """Move a plain-text ``accessKeySecret`` from the config file into the keyring.

    The keyring entry is written (and read back) before the file is rewritten without the
    secret, so a failure leaves the element working as before. False when there was nothing
    to move; KeyringUnavailable when the keyring cannot take it.
    """
    creds = credentials or app.credentials
    short = _short(name)
    path = _folder_of(app, short) / f"{short}.json"
    raw = read_json(path)
    if not isinstance(raw, dict) or not raw.get("accessKeySecret"):
        return False
    secret = str(raw["accessKeySecret"])
    register_secret(secret)
    try:
        config = StorageConfig.from_dict(raw)
    except ConfigProblem as exc:
        raise EditorError(f"{path}: {exc}", exc.field) from None
    creds.set(config.endpoint_url, config.accessKeyId, secret)
    del raw["accessKeySecret"]
    write_json_atomic(path, raw)
    app.forget(f"{FOLDER}.{short}")
    return True


# -- deleting -----------------------------------------------------------------------------------


@dataclass
class DeleteResult:
    name: str
    path: Path
    secret_removed: bool
    shared_with: list[str]  # elements still using the entry, so it was kept


@_keyring_words
def delete_element(app: App, name: str, credentials: CredentialStore | None = None) -> DeleteResult:
    """Remove a connection's folder and its keyring entry (kept while another element uses it).

    The folder is first renamed aside, so a keyring failure (a locked keyring) can put it back
    and nothing is half deleted. Call after the user confirmed, from a worker in the GUI.
    """
    creds = credentials or app.credentials
    short = _short(name)
    problem = element_name_problem(short)
    if problem:
        raise EditorError(f"{FIELD_LABELS['name']} {problem}", "name")
    folder = _folder_of(app, short)
    if not (folder / "e.json").exists():
        raise EditorError(
            f"there is no connection named {short!r} ({folder})", "name", code="unknown_element"
        )
    conn: Connection | None = None
    with contextlib.suppress(EditorError):
        conn = load_connection(app, short)
    if conn is None and app.elementInfo(f"{FOLDER}.{short}").is_type:
        raise EditorError(f"{short!r} is a Type element, not a connection")
    trash = folder.with_name(f".{short}.deleting-{uuid.uuid4().hex[:8]}")
    os.rename(folder, trash)
    os.rename(trash / "e.json", trash / ".e.json")  # a leftover must never list as an element
    removed, shared = False, []
    try:
        if conn is not None and conn.accessKeyId:
            url, key_id = conn.endpoint_url, conn.accessKeyId.strip()
            shared = entry_users(app, url, key_id, exclude={short})
            if not shared:
                try:
                    removed = creds.delete(url, key_id)
                except KeyringUnavailable as exc:
                    if exc.reason != "missing":
                        raise
    except BaseException:
        with contextlib.suppress(OSError):
            _restore(trash, folder)
        raise
    shutil.rmtree(trash, ignore_errors=True)
    app.forget(f"{FOLDER}.{short}")
    return DeleteResult(f"{FOLDER}.{short}", folder, removed, shared)


def _restore(trash: Path, folder: Path) -> None:
    os.rename(trash / ".e.json", trash / "e.json")
    os.rename(trash, folder)


# -- listing --------------------------------------------------------------------------------------


def secret_location(app: App, name: str, credentials: CredentialStore | None = None) -> str:
    """Where the element's secret comes from: file, keyring, environment, missing, or keyring?"""
    creds = credentials or app.credentials
    conn = load_connection(app, name)
    if conn.file_secret:
        return "file"
    try:
        if creds.get(conn.endpoint_url, conn.accessKeyId.strip()):
            return "keyring"
    except KeyringUnavailable:
        return "environment" if os.environ.get(SECRET_ENV) else "keyring unavailable"
    return "environment" if os.environ.get(SECRET_ENV) else "missing"


# -- switching a migrated element -----------------------------------------------------------------


@dataclass
class SwitchResult:
    name: str
    path: Path  # the rewritten config file
    backup: Path  # the old config, as it was


def switch_element(app: App, name: str, to: str, *, bucket: str | None = None) -> SwitchResult:
    """Point element ``name`` at the store of element ``to`` (and ``bucket``, default its
    own): the last step of a migration, once every object was verified.

    The old config file is kept beside the new one as ``<Name>.json.before-switch-<UTC time>``
    (0600; restore it by renaming it back). Keyring entries are left alone, so the backup still
    finds its secret; the new config is the target's, so its secret is found where the target's
    is. The app reads only ``e.json`` and ``<Name>.json``: the backup never lists as an element.
    """
    short, target = _short(name), _short(to)
    if short == target and bucket is None:
        raise EditorError(f"{short!r} cannot be switched to itself", "name")
    folder = _folder_of(app, short)
    path = folder / f"{short}.json"
    old = read_json(path)
    new = read_json(_folder_of(app, target) / f"{target}.json")
    if not isinstance(old, dict) or not isinstance(new, dict):
        raise EditorError(f"the config files of {short!r} and {target!r} must hold JSON objects")
    new = dict(new)
    if bucket is not None:
        new["bucketName"] = bucket
    try:
        StorageConfig.from_dict(new)
    except ConfigProblem as exc:
        raise EditorError(f"{target!r}: {exc}", exc.field) from None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    backup = folder / f"{short}.json.before-switch-{stamp}"
    write_json_atomic(backup, old)
    write_json_atomic(path, new)
    app.forget(f"{FOLDER}.{short}")
    return SwitchResult(f"{FOLDER}.{short}", path, backup)
