"""What an upload onto an existing key does (Preferences): overwrite, ask, or skip.

Overwrite is what every S3 tool does and needs no request. Ask and Skip first look up the
target keys in a worker (one HEAD each, a few at a time: a listing of the prefix could be a
million keys), then ask Replace / Keep both / Skip on the main thread with "do the same for the
others", and for Keep both find free keys beside the old ones (in a worker again) before the
files are queued.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject

from r2desk.gui.settings import CONFLICT_ASK, CONFLICT_OVERWRITE
from r2desk.paste import keep_both_key

if TYPE_CHECKING:
    from r2desk.gui.messages import ErrorBridge
    from r2desk.gui.tasks import TaskPool
    from r2desk.storages.meta import Meta

#: (local path, key, size): one file of a drop plan.
File = tuple[Path, str, int]


class Asks(Protocol):
    def replace_object(self, key: str, others: int) -> tuple[str, bool]: ...


#: HEADs in flight while looking up a big drop (its files are in memory already).
LOOKUPS = 8


def existing_targets(element: Meta, keys: list[str]) -> set[str]:
    """The keys among ``keys`` that hold an object now (a few HEADs at a time)."""
    if len(keys) <= 1:
        return {key for key in keys if element.exists(key)}
    with ThreadPoolExecutor(max_workers=min(LOOKUPS, len(keys))) as lookups:
        found = lookups.map(element.exists, keys)
        return {key for key, there in zip(keys, found, strict=True) if there}


def free_keys(element: Meta, keys: list[str], promised: set[str]) -> dict[str, str]:
    """For each key, a free key beside it (``name (2).txt``) that exists neither on the server
    nor among ``promised`` (the other keys this upload writes)."""
    taken = set(promised)
    found: dict[str, str] = {}
    for key in keys:
        while True:
            candidate = keep_both_key(key, taken)
            taken.add(candidate)
            if not element.exists(candidate):
                found[key] = candidate
                break
    return found


class UploadConflicts(QObject):
    """Settles the files of one upload against the keys that exist, then hands them on."""

    def __init__(
        self,
        pool: TaskPool,
        errors: ErrorBridge,
        prompts: Callable[[], Asks],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.pool = pool
        self.errors = errors
        self.prompts = prompts
        #: ``overwrite``, ``ask`` or ``skip`` (the Preferences' choice).
        self.policy = CONFLICT_OVERWRITE

    def settle(self, element: Meta, files: list[File], then: Callable[[list[File]], None]) -> None:
        """Call ``then`` with the files to upload (some skipped, some under new keys)."""
        if self.policy == CONFLICT_OVERWRITE or not files:
            then(files)
            return
        policy = self.policy
        self.errors.message(self.tr("Looking for files that are there already…"))
        self.pool.submit(
            existing_targets,
            element,
            [key for _path, key, _size in files],
            on_result=lambda found: self._decide(element, files, found, policy, then),
            on_error=self.errors.error,
            owner=self,
        )

    def _decide(
        self,
        element: Meta,
        files: list[File],
        existing: set[str],
        policy: str,
        then: Callable[[list[File]], None],
    ) -> None:
        choices: dict[str, str] = {}
        for_all: str | None = None
        remaining = len(existing)
        for _path, key, _size in files:
            if key not in existing:
                continue
            remaining -= 1
            if policy != CONFLICT_ASK:
                choices[key] = "skip"
                continue
            choice = for_all
            if choice is None:
                choice, every = self.prompts().replace_object(key, remaining)
                for_all = choice if every else None
            choices[key] = choice
        skipped = sum(1 for c in choices.values() if c == "skip")
        if skipped:
            self.errors.message(
                self.tr("Skipped 1 file that is there already.")
                if skipped == 1
                else self.tr("Skipped {0} files that are there already.").format(skipped)
            )
        kept = [f for f in files if choices.get(f[1]) != "skip"]
        renames = [key for key, c in choices.items() if c == "keep"]
        if not renames:
            then(kept)
            return
        promised = {key for _path, key, _size in kept}

        def renamed(new: dict[str, str]) -> None:
            then([(path, new.get(key, key), size) for path, key, size in kept])

        self.pool.submit(
            free_keys,
            element,
            renames,
            promised,
            on_result=renamed,
            on_error=self.errors.error,
            owner=self,
        )
