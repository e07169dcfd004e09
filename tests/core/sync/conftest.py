"""Elements and trees for the sync tests: every element has its own journal in the test's
temp folder; sync state goes to a temp folder too."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.elements import write_element
from support.servers import LocalS3, MotoHandle
from support.sync import MakeElement

from r2desk import App, CloudflareR2Type


@pytest.fixture
def make_element(tmp_path: Path) -> MakeElement:
    root = tmp_path / "app"

    def make(s3: LocalS3, bucket: str, name: str = "MyR2", **fields: object) -> CloudflareR2Type:
        write_element(root, s3, bucket, name, **fields)
        el = App(root).getElement(f"storages.{name}")
        assert isinstance(el, CloudflareR2Type)
        el.state_dir = str(tmp_path / "journal")
        return el

    return make


@pytest.fixture
def el(make_element: MakeElement, moto_server: MotoHandle, moto_bucket: str) -> CloudflareR2Type:
    return make_element(moto_server.s3, moto_bucket)


@pytest.fixture
def state_folder(tmp_path: Path) -> Path:
    return tmp_path / "syncstate"
