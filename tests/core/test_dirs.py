"""GUI, CLI and journal resolve the same folders on every platform (one app_root, no author)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
import platformdirs.macos
import platformdirs.unix
import platformdirs.windows
import pytest
from support.memkeyring import MemoryKeyring

from r2desk import dirs
from r2desk.cli.main import main
from r2desk.transfers.journal import Journal

PLATFORMS = {
    "windows": platformdirs.windows.Windows,
    "macos": platformdirs.macos.MacOS,
    "unix": platformdirs.unix.Unix,
}


@pytest.fixture(params=sorted(PLATFORMS))
def platform(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> str:
    """platformdirs answers as on ``platform``, with every base folder under ``tmp_path``."""
    name: str = request.param
    monkeypatch.setattr(platformdirs, "PlatformDirs", PLATFORMS[name])
    # Windows asks the shell for its known folders; here they are temp folders.
    monkeypatch.setattr(
        platformdirs.windows, "get_win_folder", lambda csidl: str(tmp_path / "win" / csidl)
    )
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # macOS: ~/Library/...
    for var in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(var, raising=False)
    return name


def test_app_root_is_the_platform_config_folder_without_an_author(platform: str) -> None:
    root = dirs.app_root()
    assert root.name == "r2desk" and root.parent.name != "r2desk"  # not r2desk/r2desk
    expected = {
        "windows": Path("win", "CSIDL_LOCAL_APPDATA", "r2desk"),
        "macos": Path("home", "Library", "Application Support", "r2desk"),
        "unix": Path("home", ".config", "r2desk"),
    }[platform]
    assert str(root).endswith(os.sep + str(expected))


def test_gui_and_cli_open_the_same_app_folder(
    platform: str, memory_keyring: MemoryKeyring, capsys: pytest.CaptureFixture[str]
) -> None:
    gui_app = pytest.importorskip("r2desk.gui.app")
    assert gui_app.default_app_root() == dirs.app_root()
    # The CLI, given no --app-root, writes its connection into that same folder.
    assert (
        main(
            [
                "connections",
                "add",
                "Same",
                "--endpoint",
                "http://127.0.0.1:9",
                "--bucket",
                "b-1",
                "--access-key-id",
                "k",
                "--no-secret",
            ]
        )
        == 0
    )
    assert (gui_app.default_app_root() / "storages" / "Same" / "e.json").is_file()
    capsys.readouterr()


def test_state_dir_follows_the_environment_then_the_platform(
    platform: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(dirs.STATE_ENV, str(tmp_path / "mine"))
    assert dirs.state_dir() == tmp_path / "mine"
    assert Journal().dir == tmp_path / "mine"
    monkeypatch.delenv(dirs.STATE_ENV)
    assert dirs.state_dir().name == "r2desk" and dirs.state_dir().parent.name != "r2desk"
    monkeypatch.setenv(dirs.CACHE_ENV, str(tmp_path / "cache"))
    assert dirs.cache_dir() == tmp_path / "cache"
    monkeypatch.delenv(dirs.CACHE_ENV)
    assert dirs.cache_dir().name in ("r2desk", "Cache")
    assert Journal().dir == dirs.state_dir()


def test_connections_of_the_old_windows_gui_folder_stay_found(platform: str) -> None:
    """0.1.0's GUI kept its connections in r2desk\\r2desk on Windows; they are not lost."""
    new = dirs.app_root()
    legacy = Path(platformdirs.user_config_dir("r2desk"))
    if legacy == new:
        assert platform != "windows"  # the two agree elsewhere: nothing to carry over
        return
    assert platform == "windows"
    (legacy / "storages" / "Old").mkdir(parents=True)
    assert dirs.app_root() == legacy
    (new / "storages").mkdir(parents=True)  # once the new folder has connections, it wins
    assert dirs.app_root() == new
