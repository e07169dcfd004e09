"""Logging that cannot leak a secret: every record is scrubbed before any handler writes it.

Secrets the process has seen are known to :func:`r2desk.errors.register_secret`; the
filter replaces them (in the message, its arguments and any traceback) with ``***``. A filter on
a logger does not see records propagated from its children, and third-party loggers (botocore,
urllib3) have their own, so :func:`install_redaction` also scrubs every record as it is created
(a log record factory); :func:`add_file_handler` builds a handler that carries the filter too.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import logging.handlers
import os
import sys
from pathlib import Path
from typing import TextIO

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


#: The handlers :func:`configure_cli` added, so a second call (tests run main() many times in
#: one process) replaces them instead of doubling every line.
_cli_handlers: list[logging.Handler] = []
#: faulthandler writes to a file descriptor: the file stays open for the process's life.
_fault_file: TextIO | None = None


def configure_cli(stderr_level: int, log_file: Path | None) -> str | None:
    """The CLI's logging: records at ``stderr_level`` and up on stderr, info and up in
    ``log_file`` (rotating, 0600, scrubbed). Returns why the file could not be opened, if so.

    Both handlers sit on the root logger, so ``-vv`` shows botocore's debug lines too; the root
    level is the lower of the two, so nothing below is even formatted.
    """
    root = logging.getLogger()
    reset_cli_logging()
    stream = _StderrHandler()
    stream.setLevel(stderr_level)
    stream.setFormatter(logging.Formatter("r2desk: %(levelname)s %(name)s: %(message)s"))
    _cli_handlers.append(stream)
    problem = None
    if log_file is not None:
        try:
            _cli_handlers.append(add_file_handler(log_file, logging.INFO, root))
        except OSError as exc:
            problem = f"no log file ({log_file}): {exc.strerror or exc}"
    root.addHandler(stream)
    root.setLevel(min(stderr_level, logging.INFO))
    # The root's level rules: a level left on our own logger (the app's file handler sets one
    # in the same process, as in the tests) would swallow --log-level debug.
    logging.getLogger(LOGGER_NAME).setLevel(logging.NOTSET)
    install_redaction(root)
    install_redaction()
    return problem


def reset_cli_logging() -> None:
    """Remove what :func:`configure_cli` added (the next main() in the process, and tests)."""
    root = logging.getLogger()
    for handler in _cli_handlers:
        root.removeHandler(handler)
        handler.close()
    _cli_handlers.clear()


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to ``sys.stderr`` as it is at each record, not as it was when made (a test's
    captured stream, a pythonw process's replacement)."""

    def __init__(self) -> None:
        super().__init__()

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, _value: TextIO) -> None:
        pass


def enable_faulthandler(path: Path | None = None) -> None:
    """Make a native crash (a segfault in Qt or a C extension) leave its Python traceback:
    in ``path`` (appended; the GUI, which has no terminal) or on stderr. Leaves an earlier
    enabling alone (pytest's, or the caller's)."""
    global _fault_file
    if faulthandler.is_enabled():
        return
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            _fault_file = open(path, "a", encoding="utf-8")  # noqa: SIM115  (kept open)
            faulthandler.enable(_fault_file)
            return
        except OSError:
            pass  # then stderr, as without a path
    if sys.stderr is not None:
        # io.UnsupportedOperation (a ValueError): no real descriptor behind stderr.
        with contextlib.suppress(OSError, ValueError, AttributeError):
            faulthandler.enable(sys.stderr)
