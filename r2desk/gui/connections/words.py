"""The connection form's words in the user's language: field labels and field problems.

The rules and their English words live in the Qt-free core (:mod:`r2desk.elements.connection`,
:mod:`r2desk.storages.config`), shared with the command line; this table lets Qt Linguist see
each of them, so the form shows them translated. A problem the table does not know is shown as
the core says it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from r2desk.gui.i18n import QT_TRANSLATE_NOOP

CTX = "ConnectionWords"

FIELDS = {
    "name": QT_TRANSLATE_NOOP("ConnectionWords", "Short name"),
    "title": QT_TRANSLATE_NOOP("ConnectionWords", "Title"),
    "accountId": QT_TRANSLATE_NOOP("ConnectionWords", "Account ID"),
    "jurisdiction": QT_TRANSLATE_NOOP("ConnectionWords", "Jurisdiction"),
    "endPoint": QT_TRANSLATE_NOOP("ConnectionWords", "Endpoint URL"),
    "bucketName": QT_TRANSLATE_NOOP("ConnectionWords", "Bucket"),
    "region": QT_TRANSLATE_NOOP("ConnectionWords", "Region"),
    "accessKeyId": QT_TRANSLATE_NOOP("ConnectionWords", "Access key ID"),
    "secret": QT_TRANSLATE_NOOP("ConnectionWords", "Secret access key"),
    "publicBaseUrl": QT_TRANSLATE_NOOP("ConnectionWords", "Public base URL"),
}

#: The core's fixed problem phrases (they follow the field's label).
PROBLEMS = (
    QT_TRANSLATE_NOOP("ConnectionWords", "is required"),
    QT_TRANSLATE_NOOP("ConnectionWords", "is empty"),
    QT_TRANSLATE_NOOP("ConnectionWords", "must not start with a dot"),
    QT_TRANSLATE_NOOP("ConnectionWords", "must be at most 64 characters long"),
    QT_TRANSLATE_NOOP("ConnectionWords", "must start with a letter or underscore"),
    QT_TRANSLATE_NOOP(
        "ConnectionWords",
        "may hold only letters A-Z, digits, '_' and '-' (no spaces, dots or slashes)",
    ),
    QT_TRANSLATE_NOOP("ConnectionWords", "must not contain spaces or line breaks"),
    QT_TRANSLATE_NOOP(
        "ConnectionWords", "is longer than any S3 access key id (at most 128 characters)"
    ),
    QT_TRANSLATE_NOOP("ConnectionWords", "contains spaces or line breaks: paste it again"),
    QT_TRANSLATE_NOOP("ConnectionWords", "must be 3 to 63 characters long"),
    QT_TRANSLATE_NOOP("ConnectionWords", "must not hold '..' or look like an IP address"),
    QT_TRANSLATE_NOOP(
        "ConnectionWords", "may hold only lowercase letters, digits and hyphens on R2 (no dots)"
    ),
    QT_TRANSLATE_NOOP(
        "ConnectionWords", "is required (Cloudflare dashboard → R2 → Account details)"
    ),
    QT_TRANSLATE_NOOP(
        "ConnectionWords", "should be only the 32-character account id, not the endpoint URL"
    ),
    QT_TRANSLATE_NOOP(
        "ConnectionWords",
        "must be an http(s):// URL such as https://files.example.com or https://pub-….r2.dev",
    ),
    QT_TRANSLATE_NOOP("ConnectionWords", "must not contain a query or fragment"),
    QT_TRANSLATE_NOOP("ConnectionWords", "must be a host name or an http(s)://host[:port] URL"),
    QT_TRANSLATE_NOOP("ConnectionWords", "must not contain a user name or password"),
    QT_TRANSLATE_NOOP("ConnectionWords", "has an invalid port"),
    QT_TRANSLATE_NOOP(
        "ConnectionWords",
        "must be a host name (like <account>.r2.cloudflarestorage.com) or a URL",
    ),
    QT_TRANSLATE_NOOP(
        "ConnectionWords", "may hold only letters, digits and hyphens (R2 uses 'auto')"
    ),
)

#: Phrases with a number in them: (the core's pattern, its template for translators).
PATTERNS = (
    (
        re.compile(r"must be the 32 hexadecimal characters of the account \(this one has (\d+)\)"),
        QT_TRANSLATE_NOOP(
            "ConnectionWords",
            "must be the 32 hexadecimal characters of the account (this one has {0})",
        ),
    ),
    (
        re.compile(r"of an R2 token is 32 characters long \(this one has (\d+)\)"),
        QT_TRANSLATE_NOOP(
            "ConnectionWords", "of an R2 token is 32 characters long (this one has {0})"
        ),
    ),
    (
        re.compile(r"of an R2 token is 64 characters long \(this one has (\d+)\)"),
        QT_TRANSLATE_NOOP(
            "ConnectionWords", "of an R2 token is 64 characters long (this one has {0})"
        ),
    ),
    (
        re.compile(r"'(.*)' is a reserved file name on Windows"),
        QT_TRANSLATE_NOOP("ConnectionWords", "'{0}' is a reserved file name on Windows"),
    ),
)


def field_label(field: str) -> str:
    return QCoreApplication.translate(CTX, FIELDS.get(field, field))


def problem_words(problem: str) -> str:
    """The core's words for a field problem, translated when the table knows them."""
    for pattern, template in PATTERNS:
        match = pattern.fullmatch(problem)
        if match:
            return QCoreApplication.translate(CTX, template).format(*match.groups())
    return QCoreApplication.translate(CTX, problem)


def problem_text(field: str, problem: str) -> str:
    """``Bucket is empty.``: the field's label, then its problem."""
    return QCoreApplication.translate(CTX, "{0} {1}.").format(
        field_label(field), problem_words(problem)
    )
