"""Helpers for GUI tests: scripted prompts and waiting for a listing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from r2desk.elements import App


class FakePrompts:
    """Scripted answers for the window's questions; records what was asked."""

    def __init__(self) -> None:
        self.texts: list[str | None] = []
        self.confirms: list[bool] = []
        self.folders: list[Path | None] = []
        self.file_lists: list[list[Path]] = []
        self.expiries: list[int | None] = []
        self.asked: list[tuple[str, str]] = []

    def text(self, title: str, label: str, default: str = "") -> str | None:
        self.asked.append((title, label))
        return self.texts.pop(0) if self.texts else None

    def confirm(self, title: str, text: str, action: str = "OK") -> bool:
        self.asked.append((title, text))
        return self.confirms.pop(0) if self.confirms else True

    def inform(self, title: str, text: str, details: str = "") -> None:
        self.asked.append((title, f"{text}\n{details}"))

    def folder(self, title: str) -> Path | None:
        return self.folders.pop(0) if self.folders else None

    def files(self, title: str) -> list[Path]:
        return self.file_lists.pop(0) if self.file_lists else []

    def expiry(self) -> int | None:
        return self.expiries.pop(0) if self.expiries else None


def wait_listed(qtbot: Any, window: Any, timeout: int = 10_000) -> None:
    """Until the current listing's first page has arrived (or failed)."""
    qtbot.waitUntil(
        lambda: (
            not window.model.loading
            and (window.model.loaded_count > 0 or window.model.complete or window.model.last_error)
        ),
        timeout=timeout,
    )


def write_app(root: Path, s3: Any, bucket: str, name: str = "TestR2", **fields: Any) -> App:
    """An app folder with one element as the platform page lays it out."""
    folder = root / "storages" / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "e.json").write_text(
        json.dumps(
            {
                "title": f"{name} title",
                "type": "storages.CloudflareR2Type",
                "backendBundleEntry": ".",
                "variables": [],
            }
        )
    )
    config = {
        "accessKeyId": s3.access_key,
        "accessKeySecret": s3.secret_key,
        "endPoint": s3.endpoint_url,
        "bucketName": bucket,
        "region": "auto",
        **fields,
    }
    (folder / f"{name}.json").write_text(json.dumps(config))
    return App(root)
