"""Logging that cannot leak a secret: every record is scrubbed before any handler writes it.

Secrets the process has seen are known to :func:`r2desk.errors.register_secret`; the
filter replaces them (in the message, its arguments and any traceback) with ``***``. A filter on
a logger does not see records propagated from its children, and third-party loggers (botocore,
urllib3) have their own, so :func:`install_redaction` also scrubs every record as it is created
(a log record factory); :func:`add_file_handler` builds a handler that carries the filter too.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from r2desk.errors import redact

LOGGER_NAME = "r2desk"


class RedactingFilter(logging.Filter):
    """Rewrites a record's text with known secrets replaced; never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: keep what we can, scrubbed
            message = f"{record.msg!s} {record.args!r}"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
            record.exc_info = None  # the formatter would otherwise re-render the raw traceback
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def _install_record_factory(filt: RedactingFilter) -> None:
    """Scrub every record of every logger when it is made (chains any earlier factory)."""
    previous = logging.getLogRecordFactory()
    if getattr(previous, "r2desk_redacting", False):
        return

    def factory(*args: object, **kwargs: object) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        filt.filter(record)
        return record

    factory.r2desk_redacting = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(factory)


def install_redaction(logger: logging.Logger | None = None) -> RedactingFilter:
    """Scrub all log records: a record factory, plus the filter on the ``r2desk`` logger and its
    handlers. Idempotent; call once at start-up."""
    logger = logger or logging.getLogger(LOGGER_NAME)
    existing = next((f for f in logger.filters if isinstance(f, RedactingFilter)), None)
    filt = existing or RedactingFilter()
    if existing is None:
        logger.addFilter(filt)
    for handler in logger.handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(filt)
    _install_record_factory(filt)
    return filt


def add_file_handler(
    path: str | os.PathLike[str], level: int = logging.INFO, logger: logging.Logger | None = None
) -> logging.Handler:
    """Log to a rotating file readable by the user only, through the redacting filter."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        path.touch(mode=0o600)
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger = logger or logging.getLogger(LOGGER_NAME)
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > level:
        logger.setLevel(level)
    install_redaction(logger)
    return handler
