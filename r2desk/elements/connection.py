"""The connection form's model: one element's ``e.json`` and config file, minus the secret.

The file's own rules (bucket names, account ids, endpoints, public URLs, the known fields) live
with :class:`~r2desk.storages.config.StorageConfig`, which reads the file at run time; this
module adds the element's identity (name, title, Type) and the stricter paste-mistake checks a
form can afford, and produces the StorageConfig. The GUI form and ``r2desk connections`` both
edit a :class:`Connection`, so both get the same rules.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from r2desk.credentials import KeyringUnavailable
from r2desk.elements.app import ELEMENT_NAME_RE
from r2desk.errors import StorageError
from r2desk.keys import is_windows_reserved
from r2desk.storages.config import (
    KNOWN_FIELDS,
    R2_HOST_SUFFIX,
    ConfigProblem,
    StorageConfig,
    account_id_problem,
    bucket_name_problem,
    endpoint_problem,
    public_url_problem,
    r2_host,
)

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

FIELD_LABELS = {
    "name": "Short name",
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

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.detail, self.field))


class KeyringProblem(EditorError, KeyringUnavailable):
    """A keyring failure raised by the editor: still a KeyringUnavailable (with ``reason``), and a
    StorageError so a GUI worker reports it as an expected failure instead of a crash."""

    def __init__(self, message: str, reason: str = "error") -> None:
        super().__init__(message, code="keyring_unavailable")
        self.reason = reason

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.detail, self.reason))


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
    if is_windows_reserved(name):
        return f"{name!r} is a reserved file name on Windows"
    return None


def name_from_title(title: str, taken: Collection[str] = ()) -> str:
    """A short name a person would pick for ``title``: ``"My photos (EU)"`` -> ``My-photos-EU``.

    The form fills the short name from the title until the user types one, so nobody has to
    learn the folder-name rules first; ``taken`` (lowercase) gets a number appended.
    """
    words = re.findall(r"[A-Za-z0-9_]+", title)
    base = "-".join(words)[:60].strip("-") or "Connection"
    if not (base[0].isalpha() or base[0] == "_"):
        base = "S3-" + base
    if is_windows_reserved(base):
        base += "-1"
    candidate, n = base, 2
    while candidate.lower() in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


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


# -- the model ----------------------------------------------------------------------------------


@dataclass
class Connection:
    """What the form and the CLI edit: one element's ``e.json`` and config file, minus the secret.

    An R2 connection has ``accountId`` (and ``jurisdiction``) and an empty ``endPoint``; any other
    S3-compatible store has ``endPoint``. ``extra`` keeps config fields StorageConfig does not
    know; ``caBundle`` is kept although the form does not show it.
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
    caBundle: str = ""
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
        put("bucketName", bucket_name_problem(self.bucketName.strip(), r2=self.is_r2))
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
        if self.caBundle.strip():
            out["caBundle"] = self.caBundle.strip()
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

    def e_json(self, loaded: dict[str, Any] | None = None) -> dict[str, Any]:
        """The element's ``e.json``: the loaded one (other keys kept) with this title and Type."""
        out: dict[str, Any] = {
            "title": "",
            "type": self.type,
            "backendBundleEntry": ".",
            "variables": [],
        }
        out.update(loaded or {})
        out["title"] = self.title or self.name
        out["type"] = self.type
        return out

    @classmethod
    def from_files(cls, name: str, e_json: dict[str, Any], raw: dict[str, Any]) -> Connection:
        """Read an element's two files (an R2 host becomes account id + jurisdiction).

        Lenient on purpose: a broken file still opens in the form, which then says what is wrong.
        """
        conn = cls(
            name=name,
            title=str(e_json.get("title", "") or ""),
            type=str(e_json.get("type", R2_TYPE) or R2_TYPE),
            bucketName=str(raw.get("bucketName", "") or ""),
            region=str(raw.get("region", "") or "auto"),
            accessKeyId=str(raw.get("accessKeyId", "") or ""),
            publicBaseUrl=str(raw.get("publicBaseUrl", "") or ""),
            caBundle=str(raw.get("caBundle", "") or ""),
            extra={k: v for k, v in raw.items() if k not in KNOWN_FIELDS},
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
