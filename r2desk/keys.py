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
