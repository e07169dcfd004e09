"""The app's folders on this platform, in one place so the GUI, the CLI and the journal agree.

Every folder is platformdirs' per-user folder for ``r2desk`` with no app author, so Windows uses
``%LOCALAPPDATA%\\r2desk`` (not ``r2desk\\r2desk``), like the other folders of the app.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "r2desk"
#: Overrides the state folder (the transfer journal): tests and the self-test use a temp folder.
STATE_ENV = "R2DESK_STATE_DIR"
#: Overrides the log folder: tests keep their logs out of the user's.
LOG_ENV = "R2DESK_LOG_DIR"
#: Overrides the cache folder (open/edit copies, drag-outs, thumbnails): tests keep theirs out
#: of the user's.
CACHE_ENV = "R2DESK_CACHE_DIR"


def app_root() -> Path:
    """The user's app folder, holding ``storages/<Name>/`` elements (the config folder).

    The desktop app of 0.1.0 used platformdirs' default author, which on Windows is the app
    name again (``%LOCALAPPDATA%\\r2desk\\r2desk``): where that folder holds connections and
    the new one does not, it stays the app folder, so no upgrade hides a user's connections.
    """
    root = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    legacy = Path(platformdirs.user_config_dir(APP_NAME))
    if legacy != root and (legacy / "storages").is_dir() and not (root / "storages").is_dir():
        return legacy
    return root


def state_dir() -> Path:
    """``R2DESK_STATE_DIR`` if set, else the platform's per-user state folder."""
    env = os.environ.get(STATE_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """``R2DESK_CACHE_DIR`` if set, else the platform's per-user cache folder for r2desk."""
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """``R2DESK_LOG_DIR`` if set, else the platform's per-user log folder for r2desk."""
    env = os.environ.get(LOG_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
