"""The one rule for object keys, and the one list of names Windows reserves.

Every layer asks here (the element before a request, the planners before queueing a drop), so a
key that one path accepts is never refused by another.
"""

from __future__ import annotations

MAX_KEY_BYTES = 1024

#: Names Windows will not create as files (in any case, with any extension), COM0/LPT0 included.
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"{d}{i}" for d in ("com", "lpt") for i in range(10)}
)


def key_problem(key: object) -> str | None:
    """Why ``key`` cannot be stored (in words), or None: 1 to 1024 bytes of valid UTF-8."""
    if not isinstance(key, str):
        return "the key must be a string"
    if not key:
        return "the key is empty"
    try:
        size = len(key.encode("utf-8"))
    except UnicodeEncodeError:
        return "the key is not valid UTF-8"
    if size > MAX_KEY_BYTES:
        return f"the key is {size} bytes long; at most {MAX_KEY_BYTES} are allowed"
    return None


def shown_key(key: str) -> str:
    """A key as an error message names it: keys over the limit are cut to their first 64
    characters, so a 100 kB key does not swamp the message."""
    return key if len(key.encode("utf-8", "replace")) <= MAX_KEY_BYTES else key[:64] + "…"


def is_windows_reserved(name: str) -> bool:
    """Whether Windows refuses ``name`` as a file or folder name (``CON``, ``com1.txt``, ...)."""
    return name.split(".")[0].rstrip(" ").lower() in WINDOWS_RESERVED


def typed_name_problem(name: str, prefix: str = "") -> str | None:
    """Why a name typed into Rename or New folder cannot be used in ``prefix``, or None.

    Stricter than :func:`key_problem`, which every key the store holds must pass: a person typing
    ``../x`` means the parent folder, which S3 does not have (the key would hold a folder
    literally named ``..`` that then looks like the parent entry), and ``//``, a leading ``/``
    or a control character make keys no file manager can show or type back. One trailing
    ``/`` (a folder) is allowed.
    """
    if not name.strip():
        return "the name is empty"
    if name.startswith("/"):
        return "a name cannot start with '/'; it is relative to the folder it is in"
    bad = next((c for c in name if ord(c) < 32 or 127 <= ord(c) < 160), None)
    if bad is not None:
        return f"the name holds a control character (U+{ord(bad):04X})"
    parts = (name[:-1] if name.endswith("/") else name).split("/")
    if any(p in (".", "..") for p in parts):
        return "'.' and '..' cannot be folder names here: S3 has no parent folder to go to"
    if any(not p for p in parts):
        return "the name has an empty part ('//' or a trailing '/'); each folder needs a name"
    return key_problem(prefix + name)
