"""The transfer engine of one element: streaming, parallel, verified, resumable transfers.

It holds what every transfer needs (a client factory, ``Where`` for the bucket, key rule and
errors, the journal, the bounded pool) as one ``Context`` that the rooms doing the work take:
``upload``, ``resume``, ``download``, ``folders``, ``unfinished``. It never sees the element
that owns it: the element's transfer methods (``storages/transfer_methods.py``) call the rooms
with its context.

Memory stays bounded whatever the size (``bodies``); one bounded pool per element runs every
request (``pool``); every byte is checked end to end (``parts``); the journal is written before
the server learns of an upload, so a killed process leaves enough for the next run to continue.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from r2desk.s3.classify import Where
from r2desk.transfers.context import Context
from r2desk.transfers.journal import Journal
from r2desk.transfers.pool import Pool

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


class TransferEngine:
    """Transfers for one element; owns its bounded pool and its journal."""

    def __init__(
        self,
        client: Callable[[], S3Client],
        where: Where,
        *,
        state_dir: str | os.PathLike[str] | None = None,
        concurrency: int = 10,
    ) -> None:
        self.where = where
        self.pool = Pool(concurrency)
        self.journal = Journal(state_dir)
        #: What every room's function takes: client factory, where, journal, pool.
        self.context = Context(client, where, self.journal, self.pool)

    @property
    def endpoint(self) -> str:
        """Journal rows are filed under it (with the bucket)."""
        return self.where.endpoint

    def close(self) -> None:
        self.pool.close()
        self.journal.close()
