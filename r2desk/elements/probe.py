"""Check a connection before (or after) saving it: Test connection, the bucket list, and the
words that say what to do about each failure.

The probe is an unsaved element built from the form's :class:`Connection`, with quick-failing
client settings; nothing here writes a file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from botocore.config import Config

from r2desk.credentials import CredentialStore, KeyringUnavailable
from r2desk.elements.app import App
from r2desk.elements.connection import FORM_JURISDICTIONS, Connection, element_name_problem
from r2desk.elements.store import load_connection
from r2desk.errors import StorageError, register_secret
from r2desk.results import ConnectionReport, ProbeReport
from r2desk.storages.config import bucket_name_problem
from r2desk.storages.meta import SECRET_ENV, Meta
from r2desk.storages.r2 import CloudflareR2Type


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
            merged: Config = super().client_config().merge(quick)
            return merged

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
    if element_name_problem(conn.name):  # a check needs no short name yet
        conn = replace(conn, name="ConnectionTest")
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
    return sorted(element.listBuckets())


def test_connection(
    app: App,
    conn: Connection,
    secret: str | None = None,
    *,
    original: str | None = None,
    write: bool = True,
    credentials: CredentialStore | None = None,
) -> ProbeReport:
    """Run the element's check and add ``explanations``: each failure said in words."""
    element = probe_element(app, conn, secret, original=original, credentials=credentials)
    report = element.testConnection(write=write)
    found_in = None
    if "bucket_not_found" in report["codes"] and conn.is_r2:
        found_in = _find_jurisdiction(element, conn)
    return ProbeReport(
        **report, found_in_jurisdiction=found_in, explanations=explain(report, conn, found_in)
    )


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


def explain(
    report: ConnectionReport | Mapping[str, Any], conn: Connection, found_in: str | None = None
) -> list[str]:
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
        elif code == "not_found":
            out.append(
                f"{where} answered, but not as an S3 endpoint (it says 'not found' to a bucket "
                "listing): check that the URL is the S3 API address (not a website or console "
                "page) and its port."
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
