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
        self.save_paths: list[Path] = []
        #: Answers to "Replace file?": (replace | keep | skip, for the other files too).
        self.replace_answers: list[tuple[str, bool]] = []
        self.file_lists: list[list[Path]] = []
        self.expiries: list[int | None] = []
        self.asked: list[tuple[str, str]] = []
        self.refused: list[tuple[str, str]] = []

    def name(
        self,
        title: str,
        label: str,
        default: str,
        check: Any,
        *,
        select_stem: bool = False,
    ) -> str | None:
        """Like the dialog: a scripted name that ``check`` refuses is recorded in ``refused``
        and the next scripted answer is tried (the user typing again)."""
        self.asked.append((title, label))
        while self.texts:
            answer = self.texts.pop(0)
            if answer is None:
                return None
            problem = check(answer.strip())
            if problem is None:
                return answer.strip()
            self.refused.append((answer, problem))
        return None

    def confirm(self, title: str, text: str, action: str = "OK") -> bool:
        self.asked.append((title, text))
        return self.confirms.pop(0) if self.confirms else True

    def inform(self, title: str, text: str, details: str = "", *, warning: bool = True) -> None:
        self.asked.append((title, f"{text}\n{details}"))

    def folder(self, title: str) -> Path | None:
        return self.folders.pop(0) if self.folders else None

    def save_file(self, title: str, suggested: Path) -> Path | None:
        self.asked.append((title, str(suggested)))
        return self.save_paths.pop(0) if self.save_paths else None

    def replace_choice(self, path: Path, others: int) -> tuple[str, bool]:
        self.asked.append(("Replace file?", f"{path} (+{others})"))
        return self.replace_answers.pop(0) if self.replace_answers else ("skip", False)

    def replace_object(self, key: str, others: int) -> tuple[str, bool]:
        self.asked.append(("Replace object?", f"{key} (+{others})"))
        return self.replace_answers.pop(0) if self.replace_answers else ("skip", False)

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


def wait_connections(qtbot: Any, window: Any, timeout: int = 10_000) -> None:
    """Until the sidebar has read the app folder (in the pool) and filled its list: the window
    opens the chosen connection then."""
    qtbot.waitUntil(lambda: not window.sidebar.loading, timeout=timeout)


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


def tab_walk(qtbot: Any, window: Any, limit: int = 200) -> list[Any]:
    """Press Tab from the focused control until focus comes back; return the controls reached.

    Asserts the walk returns to its start, that every visible, enabled control that takes Tab
    focus was reached on the way, and that Shift+Tab walks the same ring backwards.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QWidget

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    start = QApplication.focusWidget()
    if start is None:
        window.focusNextChild()
        start = QApplication.focusWidget()
    assert start is not None, "nothing has focus"

    def walk(key: Any) -> list[QWidget]:
        seen: list[QWidget] = []
        for _ in range(limit):
            qtbot.keyClick(QApplication.focusWidget(), key)
            now = QApplication.focusWidget()
            assert now is not None, f"focus lost after {seen[-1:]}"
            if now is start:
                return seen
            seen.append(now)
        raise AssertionError(f"Tab never returned to {start!r}; stuck in {seen[-5:]}")

    forward = [start, *walk(Qt.Key.Key_Tab)]
    backward = [start, *walk(Qt.Key.Key_Backtab)]
    wanted = [
        w
        for w in window.findChildren(QWidget)
        if w.isVisibleTo(window)
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.focusProxy() is None
        and w.window() is window
    ]
    missed = [w for w in wanted if w not in forward]
    assert not missed, "Tab never reaches: " + ", ".join(
        w.accessibleName() or w.objectName() or type(w).__name__ for w in missed
    )
    assert set(backward) == set(forward), "Shift+Tab walks a different ring"
    return forward
