"""Keeping the collector off what a program keeps until it exits (``gc.freeze``).

A program that keeps its clients until it exits (the CLI's ``run``, the app once its window
shows) freezes what exists so far and asks :mod:`r2desk.s3.client` to freeze each client it
builds later (boto3's model, ~10^5 objects): full collections then no longer walk them all again.
Apart from the client module, which imports botocore: setting this must not (``r2desk --help``
and the app's first frame would pay for botocore they never use).
"""

from __future__ import annotations

import gc

#: Read by ``r2desk.s3.client.build_client``: freeze once a client is built.
built_clients = False


def freeze_long_lived() -> None:
    """Freeze what exists now, and each S3 client once built."""
    global built_clients
    gc.freeze()
    built_clients = True
