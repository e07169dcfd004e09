"""Create, edit, duplicate, rename and delete storage elements, with their secrets in the keyring.

The form and the CLI both go through here, so both get the same rules:

* files are written atomically (temporary file, fsync, ``os.replace``), readable by the user only
  (0600 files in a 0700 folder on POSIX), and a new element appears whole or not at all;
* the secret never goes into a file: it goes into the OS keyring first, and when that fails
  nothing is written at all, unless the user explicitly allowed plain text
  (``R2DESK_ALLOW_PLAINTEXT_SECRET=1`` and ``plaintext=True``);
* keyring entries are keyed by endpoint and access key id (see :mod:`r2desk.credentials`), so a
  rename keeps the secret and a delete removes it only when no other element uses it.

No Qt here: the GUI runs these functions in its task pool.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import shutil
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar, cast
from urllib.parse import urlsplit

from botocore.config import Config

from r2desk.credentials import (
    CredentialStore,
    KeyringUnavailable,
    entry_name,
    plaintext_allowed,
)
from r2desk.elements.app import ELEMENT_NAME_RE, META_TYPE, App
from r2desk.errors import StorageError, register_secret
from r2desk.storages.config import (
    _ACCOUNT_RE,
    R2_HOST_SUFFIX,
    ConfigProblem,
    StorageConfig,
    bucket_name_problem,
    endpoint_problem,
    read_json,
)
from r2desk.storages.meta import SECRET_ENV, Meta
from r2desk.storages.r2 import CloudflareR2Type

FOLDER = "storages"
R2_TYPE = "storages.CloudflareR2Type"
#: Jurisdictions the form offers, by the value stored in the file ("" is the account default).
FORM_JURISDICTIONS = ("", "eu", "fedramp")

_R2_HOST_RE = re.compile(
    r"^(?P<account>[0-9a-fA-F]{32})(?:\.(?P<jur>eu|fedramp|us))?\."
    + re.escape(R2_HOST_SUFFIX)
    + "$",
    re.IGNORECASE,
)
_REGION_RE = re.compile(r"^[A-Za-z0-9-]{1,64}$")
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {
    f"{p}{i}" for p in ("com", "lpt") for i in range(1, 10)
}
_PRIVATE_DIR = 0o700
_PRIVATE_FILE = 0o600


class EditorError(StorageError):
    """A connection cannot be saved or removed; ``field`` names the form field when there is one.

    A StorageError (so the GUI's task pool reports it as an expected failure) whose text is
    the plain sentence, without the storage-operation framing.
    """

    def __init__(
        self, message: str, field: str = "", *, code: str = "invalid_argument", element: str = ""
    ) -> None:
        self.field = field
        super().__init__(code, operation="connection", element=element, detail=message)

    @property
    def message(self) -> str:
        return self.detail

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.detail, self.field))


class KeyringProblem(EditorError, KeyringUnavailable):
    """A keyring failure raised by the editor: still a KeyringUnavailable (with ``reason``), and a
    StorageError so a GUI worker reports it as an expected failure instead of a crash."""

    def __init__(self, message: str, reason: str = "error") -> None:
        super().__init__(message, code="keyring_unavailable")
        self.reason = reason

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.detail, self.reason))


_F = TypeVar("_F", bound=Callable[..., Any])


def _keyring_words(fn: _F) -> _F:
    """Re-raise a plain KeyringUnavailable as KeyringProblem (same words, same reason)."""

    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except KeyringUnavailable as exc:
            if isinstance(exc, KeyringProblem):
                raise
            raise KeyringProblem(str(exc), exc.reason) from None

    return cast(_F, run)


# -- validation ---------------------------------------------------------------------------------


def element_name_problem(name: str) -> str | None:
    """Say what is wrong with an element name (it is a folder name and a Python-ish identifier)."""
    if not name:
        return "is required"
    if name.startswith("."):
        return "must not start with a dot"
    if not ELEMENT_NAME_RE.match(name):
        if len(name) > 64:
            return "must be at most 64 characters long"
        if name[0].isdigit() or name[0] == "-":
            return "must start with a letter or underscore"
        return "may hold only letters A-Z, digits, '_' and '-' (no spaces, dots or slashes)"
    if name.lower() in _WINDOWS_RESERVED:
        return f"{name!r} is a reserved file name on Windows"
    return None


def parse_r2_endpoint(endpoint: str) -> tuple[str, str] | None:
    """``(account id, jurisdiction)`` when ``endpoint`` is an R2 S3 API host or https URL."""
    text = endpoint.strip()
    if "://" in text:
        parts = urlsplit(text)
        if parts.scheme != "https" or parts.port or parts.path.strip("/"):
            return None
        text = parts.hostname or ""
    match = _R2_HOST_RE.match(text)
    if not match:
        return None
    return match["account"].lower(), (match["jur"] or "").lower()


def r2_host(account_id: str, jurisdiction: str = "") -> str:
    """The bare host the config file stores for an R2 account (as the platform page writes it)."""
    jur = jurisdiction.lower()
    return f"{account_id}.{jur}.{R2_HOST_SUFFIX}" if jur else f"{account_id}.{R2_HOST_SUFFIX}"


@dataclass
class Connection:
    """What the form and the CLI edit: one element's ``e.json`` and config file, minus the secret.

    An R2 connection has ``accountId`` (and ``jurisdiction``) and an empty ``endPoint``; any other
    S3-compatible store has ``endPoint``. ``extra`` keeps config fields the form does not show.
    """

    name: str = ""
    title: str = ""
    accountId: str = ""
    jurisdiction: str = ""
    endPoint: str = ""
    bucketName: str = ""
    region: str = "auto"
    accessKeyId: str = ""
    publicBaseUrl: str = ""
    type: str = R2_TYPE
    extra: dict[str, Any] = field(default_factory=dict)
    #: A secret found in plain text in the config file (never written back by ``save``).
    file_secret: str | None = field(default=None, repr=False)

    @property
    def is_r2(self) -> bool:
        return not self.endPoint

    @property
    def endpoint_value(self) -> str:
        """What the ``endPoint`` field of the file holds."""
        if self.is_r2:
            return r2_host(self.accountId.strip().lower(), self.jurisdiction)
        return self.endPoint.strip().rstrip("/")

    @property
    def endpoint_url(self) -> str:
        value = self.endpoint_value
        return value if "://" in value else f"https://{value}"

    @property
    def fq_name(self) -> str:
        return f"{FOLDER}.{self.name}"

    def problems(self, secret: str | None = None) -> dict[str, str]:
        """Every field's problem in words, keyed by field name; empty when the form can be saved."""
        out: dict[str, str] = {}

        def put(name: str, problem: str | None) -> None:
            if problem:
                out[name] = problem

        put("name", element_name_problem(self.name.strip()))
        if self.is_r2:
            put("accountId", account_id_problem(self.accountId))
        else:
            put("endPoint", endpoint_problem(self.endPoint.strip()))
        problem = bucket_name_problem(self.bucketName.strip())
        if not problem and self.is_r2 and "." in self.bucketName:
            problem = "may hold only lowercase letters, digits and hyphens on R2 (no dots)"
        put("bucketName", problem)
        region = self.region.strip()
        if region and not _REGION_RE.match(region):
            put("region", "may hold only letters, digits and hyphens (R2 uses 'auto')")
        put("accessKeyId", access_key_id_problem(self.accessKeyId, r2=self.is_r2))
        if secret:
            put("secret", secret_problem(secret, r2=self.is_r2))
        put("publicBaseUrl", public_url_problem(self.publicBaseUrl))
        return out

    def config_dict(self) -> dict[str, Any]:
        """The config file's content (no secret)."""
        out: dict[str, Any] = {
            "accessKeyId": self.accessKeyId.strip(),
            "endPoint": self.endpoint_value,
            "bucketName": self.bucketName.strip(),
            "region": self.region.strip() or "auto",
        }
        if self.publicBaseUrl.strip():
            out["publicBaseUrl"] = self.publicBaseUrl.strip().rstrip("/")
        out.update(self.extra)
        return out

    def to_config(self, secret: str | None = None) -> StorageConfig:
        """The validated StorageConfig; raises EditorError naming the first bad field."""
        problems = self.problems(secret)
        if problems:
            name, problem = next(iter(problems.items()))
            raise EditorError(f"{FIELD_LABELS.get(name, name)} {problem}", name)
        data = self.config_dict()
        if secret:
            data["accessKeySecret"] = secret
        try:
            return StorageConfig.from_dict(data)
        except ConfigProblem as exc:  # pragma: no cover - problems() checks the same rules
            raise EditorError(str(exc), exc.field) from None

    @classmethod
    def from_files(cls, name: str, e_json: dict[str, Any], raw: dict[str, Any]) -> Connection:
        """Read an element's two files (an R2 host becomes account id + jurisdiction)."""
        known = {"accessKeyId", "accessKeySecret", "endPoint", "bucketName", "region"}
        known |= {"accountId", "jurisdiction", "publicBaseUrl"}
        conn = cls(
            name=name,
            title=str(e_json.get("title", "") or ""),
            type=str(e_json.get("type", R2_TYPE) or R2_TYPE),
            bucketName=str(raw.get("bucketName", "") or ""),
            region=str(raw.get("region", "") or "auto"),
            accessKeyId=str(raw.get("accessKeyId", "") or ""),
            publicBaseUrl=str(raw.get("publicBaseUrl", "") or ""),
            extra={k: v for k, v in raw.items() if k not in known},
            file_secret=str(raw["accessKeySecret"]) if raw.get("accessKeySecret") else None,
        )
        endpoint = str(raw.get("endPoint", "") or "")
        parsed = parse_r2_endpoint(endpoint) if endpoint else None
        if parsed:
            conn.accountId, conn.jurisdiction = parsed
        elif endpoint:
            conn.endPoint = endpoint
        else:
            conn.accountId = str(raw.get("accountId", "") or "")
            conn.jurisdiction = str(raw.get("jurisdiction", "") or "").lower()
            if conn.jurisdiction == "default":
                conn.jurisdiction = ""
        return conn


FIELD_LABELS = {
    "name": "Element name",
    "title": "Title",
    "accountId": "Account ID",
    "jurisdiction": "Jurisdiction",
    "endPoint": "Endpoint URL",
    "bucketName": "Bucket",
    "region": "Region",
    "accessKeyId": "Access key ID",
    "secret": "Secret access key",
    "publicBaseUrl": "Public base URL",
}


def account_id_problem(account: str) -> str | None:
    account = account.strip()
    if not account:
        return "is required (Cloudflare dashboard → R2 → Account details)"
    if "/" in account or R2_HOST_SUFFIX in account:
        return "should be only the 32-character account id, not the endpoint URL"
    if not _ACCOUNT_RE.match(account):
        return f"must be the 32 hexadecimal characters of the account (this one has {len(account)})"
    return None


def access_key_id_problem(key_id: str, *, r2: bool) -> str | None:
    if not key_id.strip():
        return "is required"
    if key_id != key_id.strip() or any(c.isspace() for c in key_id):
        return "must not contain spaces or line breaks"
    if r2 and len(key_id) != 32:
        return f"of an R2 token is 32 characters long (this one has {len(key_id)})"
    if len(key_id) > 128:
        return "is longer than any S3 access key id (at most 128 characters)"
    return None


def secret_problem(secret: str, *, r2: bool) -> str | None:
    """Catch paste mistakes without ever quoting the secret."""
    if any(c.isspace() for c in secret):
        return "contains spaces or line breaks: paste it again"
    if r2 and len(secret) == 40 and not re.fullmatch(r"[0-9a-fA-F]+", secret):
        return (
            "looks like an API token value, not the S3 secret access key (R2 shows the "
            "64-character secret access key once, when the token is created)"
        )
    if r2 and len(secret) != 64:
        return f"of an R2 token is 64 characters long (this one has {len(secret)})"
    return None


def public_url_problem(url: str) -> str | None:
    url = url.strip()
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "must be an http(s):// URL such as https://files.example.com or https://pub-….r2.dev"
    if parts.query or parts.fragment:
        return "must not contain a query or fragment"
    return None


# -- files --------------------------------------------------------------------------------------


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
        self.steps: list[Callable[[], None]] = []

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
    e_json: dict[str, Any] = {
        "title": "",
        "type": conn.type,
        "backendBundleEntry": ".",
        "variables": [],
    }
    if original_short:
        if not (_folder_of(app, original_short) / "e.json").exists():
            raise EditorError(
                f"there is no connection named {original_short!r} to edit",
                "name",
                code="unknown_element",
            )
        old = load_connection(app, original_short)
        loaded = read_json(_folder_of(app, original_short) / "e.json")
        e_json.update(loaded if isinstance(loaded, dict) else {})
    e_json["title"] = conn.title or conn.name
    e_json["type"] = conn.type

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
            if secret and not (plaintext and plaintext_allowed()):
                raise
            # Explicit opt-in, or the old file already held it: keep it where the user put it.
            data["accessKeySecret"] = to_store
            location = "file"
    elif old and old_entry != new_entry:
        _carry_secret(creds, old, url, key_id, undo)

    try:
        path = _write_element(app, conn.name, original_short, e_json, data)
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
    app: App, name: str, original: str | None, e_json: dict[str, Any], data: dict[str, Any]
) -> Path:
    """Write both files; a new element appears whole (built in a hidden folder, then renamed)."""
    base = app.root / FOLDER
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


def duplicate_connection(
    app: App,
    source: str,
    new_name: str,
    *,
    title: str | None = None,
    credentials: CredentialStore | None = None,
) -> SaveResult:
    """Copy a connection under a new name; both use the same keyring entry (same token)."""
    conn = load_connection(app, source)
    secret = conn.file_secret
    copy = replace(conn, name=new_name, title=title or f"{conn.title or conn.name} (copy)")
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


# -- checking -----------------------------------------------------------------------------------


def _probe_class(cls: type[Meta]) -> type[Meta]:
    """The element's Type with quick-failing client settings, for an interactive check."""
    if not issubclass(cls, CloudflareR2Type):
        return cls

    class Probe(cls):  # type: ignore[valid-type,misc]
        TYPE_NAME = cls.TYPE_NAME

        def client_config(self) -> Config:
            quick = Config(
                retries={"mode": "standard", "max_attempts": 2},
                connect_timeout=5,
                read_timeout=20,
            )
            return super().client_config().merge(quick)

    return Probe


def current_secret(
    app: App, original: str | None, credentials: CredentialStore | None = None
) -> str | None:
    """The secret the saved element uses now (file, then keyring), for checks before saving."""
    if not original:
        return None
    creds = credentials or app.credentials
    old = load_connection(app, original)
    if old.file_secret:
        return old.file_secret
    try:
        secret = creds.get(old.endpoint_url, old.accessKeyId.strip())
    except KeyringUnavailable:
        return None
    register_secret(secret)
    return secret


def probe_element(
    app: App,
    conn: Connection,
    secret: str | None = None,
    *,
    original: str | None = None,
    credentials: CredentialStore | None = None,
    bucket_placeholder: bool = False,
) -> Meta:
    """An unsaved element built from the form, for Test connection and the bucket list."""
    creds = credentials or app.credentials
    if bucket_placeholder and bucket_name_problem(conn.bucketName.strip()):
        conn = replace(conn, bucketName="placeholder-bucket")
    secret = secret or current_secret(app, original, creds)
    config = conn.to_config(secret)
    try:
        cls = app.resolveType(conn.type, conn.fq_name)
    except StorageError:
        cls = CloudflareR2Type
    return _probe_class(cls)(conn.fq_name, config, title=conn.title, credentials=creds)


def list_buckets(
    app: App,
    conn: Connection,
    secret: str | None = None,
    *,
    original: str | None = None,
    credentials: CredentialStore | None = None,
) -> list[str]:
    """Bucket names the token may list (object-scoped tokens may not: access_denied)."""
    element = probe_element(
        app, conn, secret, original=original, credentials=credentials, bucket_placeholder=True
    )
    return sorted(element.listBuckets())  # type: ignore[attr-defined]


def test_connection(
    app: App,
    conn: Connection,
    secret: str | None = None,
    *,
    original: str | None = None,
    write: bool = True,
    credentials: CredentialStore | None = None,
) -> dict[str, Any]:
    """Run the element's check and add ``explanations``: each failure said in words."""
    element = probe_element(app, conn, secret, original=original, credentials=credentials)
    report = element.testConnection(write=write)
    found_in = None
    if "bucket_not_found" in report["codes"] and conn.is_r2:
        found_in = _find_jurisdiction(element, conn)
    report["found_in_jurisdiction"] = found_in
    report["explanations"] = explain(report, conn, found_in)
    return report


def _find_jurisdiction(element: Meta, conn: Connection) -> str | None:
    """Look for the bucket at the account's other jurisdiction endpoints (same token)."""
    for jur in FORM_JURISDICTIONS:
        if jur == conn.jurisdiction:
            continue
        other = replace(conn, jurisdiction=jur)
        config = replace(element.config, endPoint=other.endpoint_value)
        probe = type(element)(element.name, config, credentials=element.credentials)
        try:
            probe.listObjects(maxKeys=1)
        except StorageError:
            continue
        return jur
    return None


def _jurisdiction_label(jur: str) -> str:
    return {"": "default", "eu": "EU", "fedramp": "FedRAMP", "us": "US"}.get(jur, jur)


def explain(report: dict[str, Any], conn: Connection, found_in: str | None = None) -> list[str]:
    """Turn a testConnection report into sentences a user can act on (never quoting a secret)."""
    where = conn.endpoint_url
    bucket = conn.bucketName.strip()
    out: list[str] = []
    for code in report.get("codes", []):
        if code == "auth_failed":
            out.append(
                "The endpoint rejected the credentials: the secret access key (or the access key "
                "id) is wrong, or the token was revoked. Paste the secret again."
            )
        elif code == "missing_secret":
            out.append(
                "No secret access key: type it in, or store it in the keyring, or set "
                f"{SECRET_ENV}."
            )
        elif code == "bucket_not_found":
            text = f"There is no bucket named {bucket!r} at {where}."
            if found_in is not None:
                text += (
                    f" It exists in the {_jurisdiction_label(found_in)} jurisdiction: choose "
                    f"'{_jurisdiction_label(found_in)}' as the jurisdiction."
                )
            elif conn.is_r2:
                text += (
                    " Check the name; a bucket created in a jurisdiction (EU, FedRAMP) is "
                    "visible only through that jurisdiction's endpoint, so choose it if so."
                )
            out.append(text)
        elif code == "access_denied":
            if report.get("write") is False and report.get("bucket"):
                out.append(
                    f"The token may read bucket {bucket!r} but not write to it: uploads, "
                    "renames and deletes will fail. Give it Object Read & Write permission."
                )
            else:
                out.append(
                    f"The credentials are valid but may not read bucket {bucket!r}: give the "
                    "token permission for this bucket (Object Read, or Read & Write)."
                )
        elif code in ("unreachable", "timeout"):
            what = "the account id" if conn.is_r2 else "the endpoint address and port"
            head = "did not answer in time" if code == "timeout" else "could not be reached"
            out.append(
                f"{where} {head}: check the network connection, {what}, and any proxy or "
                "firewall in between."
            )
        elif code == "tls_error":
            out.append(
                f"The secure (TLS) connection to {where} failed: its certificate is not trusted. "
                "If a proxy inspects TLS on your network, point AWS_CA_BUNDLE at its "
                "certificate; for a self-signed endpoint, add caBundle to the config file."
            )
    if not out:
        out = [str(p) for p in report.get("problems", [])]
    return out


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
