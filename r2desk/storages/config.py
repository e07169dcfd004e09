"""The connection settings of one storage element, read from ``<Name>.json`` and validated.

Validation happens before any request so a typo is reported against the file and field that
hold it, not as a confusing network error later.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

JURISDICTIONS = {"": "", "default": "", "eu": "eu", "fedramp": "fedramp", "us": "us"}
R2_HOST_SUFFIX = "r2.cloudflarestorage.com"
MAX_PRESIGN_SECONDS = 604_800

_BUCKET_RE = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")
_ACCOUNT_RE = re.compile(r"^[0-9a-fA-F]{32}$")
_HOST_RE = re.compile(r"^[A-Za-z0-9.-]+(:\d{1,5})?$")

# The fields a config file may hold, so that a misspelt one is reported, not silently ignored.
KNOWN_FIELDS = (
    "accessKeyId",
    "accessKeySecret",
    "endPoint",
    "bucketName",
    "region",
    "accountId",
    "jurisdiction",
    "publicBaseUrl",
    "caBundle",
)


class ConfigProblem(ValueError):
    """A config field is wrong; ``field`` names it so the caller can point at it."""

    def __init__(self, field_name: str, problem: str) -> None:
        self.field = field_name
        self.problem = problem
        super().__init__(f"field {field_name!r}: {problem}")


def bucket_name_problem(name: str, *, r2: bool = False) -> str | None:
    """Say what is wrong with a bucket name under S3 rules (``r2``: R2's, no dots), or None."""
    if not name:
        return "is empty"
    if not 3 <= len(name) <= 63:
        return "must be 3 to 63 characters long"
    if not _BUCKET_RE.match(name):
        return (
            "may hold only lowercase letters, digits, hyphens and dots, and must start and end "
            "with a letter or digit"
        )
    if ".." in name or re.fullmatch(r"\d+\.\d+\.\d+\.\d+", name):
        return "must not hold '..' or look like an IP address"
    if r2 and "." in name:
        return "may hold only lowercase letters, digits and hyphens on R2 (no dots)"
    return None


def account_id_problem(account: str) -> str | None:
    """Say what is wrong with a Cloudflare account id, or None when it is valid."""
    account = account.strip()
    if not account:
        return "is required (Cloudflare dashboard → R2 → Account details)"
    if "/" in account or R2_HOST_SUFFIX in account:
        return "should be only the 32-character account id, not the endpoint URL"
    if not _ACCOUNT_RE.match(account):
        return f"must be the 32 hexadecimal characters of the account (this one has {len(account)})"
    return None


def public_url_problem(url: str) -> str | None:
    """Say what is wrong with a ``publicBaseUrl`` (empty is fine: no public URLs)."""
    url = url.strip()
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "must be an http(s):// URL such as https://files.example.com or https://pub-….r2.dev"
    if parts.query or parts.fragment:
        return "must not contain a query or fragment"
    return None


def endpoint_problem(endpoint: str) -> str | None:
    """Say what is wrong with an ``endPoint`` value, or None when it is usable."""
    if not endpoint:
        return "is empty"
    if "://" in endpoint:
        parts = urlsplit(endpoint)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return "must be a host name or an http(s)://host[:port] URL"
        if parts.username or parts.password:
            return "must not contain a user name or password"
        if parts.query or parts.fragment:
            return "must not contain a query or fragment"
        try:
            parts.port  # noqa: B018 - raises on a bad port
        except ValueError:
            return "has an invalid port"
        return None
    if not _HOST_RE.match(endpoint):
        return "must be a host name (like <account>.r2.cloudflarestorage.com) or a URL"
    return None


def r2_host(account_id: str, jurisdiction: str = "") -> str:
    """The S3 API host of an R2 account in a jurisdiction (the form the config file stores)."""
    jur = JURISDICTIONS.get(jurisdiction.lower(), jurisdiction.lower())
    return f"{account_id}.{jur}.{R2_HOST_SUFFIX}" if jur else f"{account_id}.{R2_HOST_SUFFIX}"


@dataclass
class StorageConfig:
    """Validated connection settings. ``accessKeySecret`` is None when it lives elsewhere."""

    accessKeyId: str
    bucketName: str
    endPoint: str = ""
    region: str = "auto"
    # Kept out of repr: a config object in a log line or traceback must not show the secret.
    accessKeySecret: str | None = field(default=None, repr=False)
    accountId: str = ""
    jurisdiction: str = ""
    publicBaseUrl: str = ""
    caBundle: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def endpoint_url(self) -> str:
        """The URL requests go to: ``endPoint`` as a URL, or built from the account id."""
        if self.endPoint:
            if "://" in self.endPoint:
                return self.endPoint.rstrip("/")
            return f"https://{self.endPoint}"
        return f"https://{r2_host(self.accountId, self.jurisdiction)}"

    @property
    def is_r2(self) -> bool:
        host = urlsplit(self.endpoint_url).hostname or ""
        return host.endswith(R2_HOST_SUFFIX)

    @property
    def signing_region(self) -> str:
        return self.region or "auto"

    @classmethod
    def from_dict(cls, data: Any) -> StorageConfig:
        """Build from a parsed config file; raise ConfigProblem naming the first bad field."""
        if not isinstance(data, dict):
            raise ConfigProblem("(file)", "must be a JSON object")
        for name in ("accessKeyId", "bucketName"):
            if name not in data:
                raise ConfigProblem(name, "is required")
        strings: dict[str, str] = {}
        for name in KNOWN_FIELDS:
            value = data.get(name)
            if value is None:
                continue
            if not isinstance(value, str):
                raise ConfigProblem(name, "must be a string")
            strings[name] = value.strip()
        if not strings.get("accessKeyId"):
            raise ConfigProblem("accessKeyId", "is empty")
        problem = bucket_name_problem(strings["bucketName"])
        if problem:
            raise ConfigProblem("bucketName", problem)
        endpoint = strings.get("endPoint", "")
        account = strings.get("accountId", "")
        if endpoint:
            problem = endpoint_problem(endpoint)
            if problem:
                raise ConfigProblem("endPoint", problem)
        elif account:
            problem = account_id_problem(account)
            if problem:
                raise ConfigProblem("accountId", problem)
        else:
            raise ConfigProblem("endPoint", "is required (or give accountId)")
        jurisdiction = strings.get("jurisdiction", "").lower()
        if jurisdiction not in JURISDICTIONS:
            raise ConfigProblem("jurisdiction", f"must be one of {sorted(JURISDICTIONS)[1:]}")
        public = strings.get("publicBaseUrl", "").rstrip("/")
        problem = public_url_problem(public)
        if problem:
            raise ConfigProblem("publicBaseUrl", problem)
        secret = data.get("accessKeySecret")
        return cls(
            accessKeyId=strings["accessKeyId"],
            bucketName=strings["bucketName"],
            endPoint=endpoint,
            region=strings.get("region", "") or "auto",
            accessKeySecret=secret if secret else None,
            accountId=account,
            jurisdiction=JURISDICTIONS[jurisdiction],
            publicBaseUrl=public,
            caBundle=strings.get("caBundle", ""),
            extra={k: v for k, v in data.items() if k not in KNOWN_FIELDS},
        )

    def to_dict(self, *, with_secret: bool = False) -> dict[str, Any]:
        """The file form; the secret is left out unless explicitly asked for."""
        out: dict[str, Any] = {"accessKeyId": self.accessKeyId}
        if with_secret and self.accessKeySecret:
            out["accessKeySecret"] = self.accessKeySecret
        if self.endPoint:
            out["endPoint"] = self.endPoint
        out["bucketName"] = self.bucketName
        out["region"] = self.region
        for name in ("accountId", "jurisdiction", "publicBaseUrl", "caBundle"):
            value = getattr(self, name)
            if value:
                out[name] = value
        out.update(self.extra)
        return out


def read_json(path: Path) -> Any:
    """Parse a JSON file; errors carry the file's path and the line of the mistake."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigProblem("(file)", "is missing") from None
    except OSError as exc:
        raise ConfigProblem("(file)", f"cannot be read: {exc.strerror}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigProblem("(file)", f"is not valid JSON (line {exc.lineno}: {exc.msg})") from None
