"""Fixtures shared by the element tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from r2desk.elements import App


@pytest.fixture
def app(tmp_path: Path) -> App:
    return App(tmp_path / "app")
