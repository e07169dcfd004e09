"""The Preferences as one value: read from and written to the settings, compared, defaulted.

The keys themselves live in :mod:`r2desk.gui.settings` (the one module that owns every key);
this is only the bundle the dialog edits, so OK, Apply and Restore defaults share one shape.
"""

from __future__ import annotations

from dataclasses import dataclass

from r2desk.gui.settings import (
    CONFLICT_OVERWRITE,
    DEFAULT_CACHE_MAX_BYTES,
    DEFAULT_PART_CONCURRENCY,
    DEFAULT_THUMBNAIL_MAX_BYTES,
    DEFAULT_URL_EXPIRY,
    Settings,
)
from r2desk.transfers.queue import DEFAULT_CONCURRENCY


@dataclass(frozen=True)
class Prefs:
    concurrency: int = DEFAULT_CONCURRENCY
    part_concurrency: int = DEFAULT_PART_CONCURRENCY
    upload_limit: int = 0
    download_limit: int = 0
    upload_conflicts: str = CONFLICT_OVERWRITE
    cache_max_bytes: int = DEFAULT_CACHE_MAX_BYTES
    cache_folder: str = ""
    url_expiry: int = DEFAULT_URL_EXPIRY
    confirm_delete: bool = True
    thumbnail_max_bytes: int = DEFAULT_THUMBNAIL_MAX_BYTES
    language: str = ""

    @classmethod
    def load(cls, s: Settings) -> Prefs:
        return cls(
            concurrency=s.concurrency(DEFAULT_CONCURRENCY),
            part_concurrency=s.part_concurrency(),
            upload_limit=s.upload_limit(),
            download_limit=s.download_limit(),
            upload_conflicts=s.upload_conflicts(),
            cache_max_bytes=s.cache_max_bytes(),
            cache_folder=s.cache_folder(),
            url_expiry=s.url_expiry(),
            confirm_delete=s.confirm_delete(),
            thumbnail_max_bytes=s.thumbnail_max_bytes(),
            language=s.language(),
        )

    def save(self, s: Settings) -> None:
        s.set_concurrency(self.concurrency)
        s.set_part_concurrency(self.part_concurrency)
        s.set_upload_limit(self.upload_limit)
        s.set_download_limit(self.download_limit)
        s.set_upload_conflicts(self.upload_conflicts)
        s.set_cache_max_bytes(self.cache_max_bytes)
        s.set_cache_folder(self.cache_folder)
        s.set_url_expiry(self.url_expiry)
        s.set_confirm_delete(self.confirm_delete)
        s.set_thumbnail_max_bytes(self.thumbnail_max_bytes)
        s.set_language(self.language)
