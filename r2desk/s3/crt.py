"""Small GETs and PUTs over the AWS Common Runtime's S3 client: HTTP and TLS in C, on its
own threads.

A 16 KiB GET through Python's HTTP stack costs ~2 ms of client CPU and a dozen GIL hand-offs
between worker threads; a folder of small files is then bound by that, not by the network.
awscrt (already a dependency, for CRC64NVME) runs the connection pool, TLS and HTTP parsing in
C; Python is called back only with the status, the headers and each piece of the body.

The request is the lean wire's, signed by it (``Lean.signed_get``), so the server sees the same
URL, headers and signature as from botocore; the connection trusts the same CA bundle. Only a
client the lean wire speaks for, and that botocore would not send through a proxy, gets one.
This wire is never the authority on a failure: its caller hands anything it does not finish
cleanly to the botocore path, which reports it in the element's usual words.
"""

from __future__ import annotations

import functools
import io
import logging
import os
import threading
import weakref
from typing import TYPE_CHECKING, Any, Protocol

from r2desk.s3 import lean

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.type_defs import PutObjectRequestTypeDef

log = logging.getLogger(__name__)

#: Set to 1 to keep every small GET on the botocore path (a diagnosis aid).
OFF_ENV = "R2DESK_NO_CRT"


class Sink(Protocol):
    """What one GET's answer is handed to, on one of awscrt's threads."""

    def headers(self, status: int, headers: list[tuple[str, str]]) -> None: ...
    def body(self, chunk: bytes, offset: int) -> None: ...
    def done(self, error: BaseException | None) -> None: ...


class Request(Protocol):
    def cancel(self) -> None: ...


class CrtWire:
    """One client's endpoint, reached by one awscrt S3 client with ``connections`` at most."""

    def __init__(self, wire: lean.Lean, connections: int) -> None:
        from awscrt import io as crt_io  # type: ignore[import-untyped]
        from awscrt import s3

        self._lean = wire
        self._s3 = s3
        tls = None
        if wire.https:
            options = crt_io.TlsContextOptions()
            verify = wire.verify
            if verify is False:
                options.verify_peer = False
            elif isinstance(verify, str):
                options.override_default_trust_store_from_path(
                    ca_dirpath=verify if os.path.isdir(verify) else None,
                    ca_filepath=None if os.path.isdir(verify) else verify,
                )
            tls = crt_io.ClientTlsContext(options).new_connection_options()
            tls.set_server_name(wire.host.rsplit(":", 1)[0].strip("[]"))
        self._client = s3.S3Client(
            bootstrap=crt_io.ClientBootstrap.get_or_create_static_default(),
            region="auto",  # unused: the requests come signed
            tls_mode=s3.S3RequestTlsMode.ENABLED if wire.https else s3.S3RequestTlsMode.DISABLED,
            tls_connection_options=tls,
            max_active_connections_override=max(1, connections),
            connect_timeout_ms=int(wire.connect_timeout * 1000),
        )

    @property
    def read_timeout(self) -> float:
        """How long a GET may go without a byte before it counts as stalled."""
        return self._lean.read_timeout

    def get(self, bucket: str, key: str, sink: Sink) -> Request:
        """Start a GetObject; ``sink`` hears its answer, ``done`` last and exactly once."""
        path, headers = self._lean.signed_get(bucket, key)
        return self._send("GET", path, headers, None, sink)

    def put(self, params: PutObjectRequestTypeDef, sink: Sink) -> Request | None:
        """Start a PutObject of a bytes body, or None where only botocore can send it."""
        signed = self._lean.signed_put(params)
        if signed is None:
            return None
        body = params["Body"]
        assert isinstance(body, bytes | bytearray)
        return self._send("PUT", *signed, bytes(body), sink)

    def _send(
        self, method: str, path: str, headers: dict[str, str], body: bytes | None, sink: Sink
    ) -> Request:
        from awscrt import http

        request = http.HttpRequest(
            method,
            path,
            http.HttpHeaders(list(headers.items())),
            None if body is None else io.BytesIO(body),
        )

        def on_headers(status_code: int, headers: list[tuple[str, str]], **_: Any) -> None:
            sink.headers(status_code, headers)

        def on_body(chunk: bytes, offset: int, **_: Any) -> None:
            sink.body(chunk, offset)

        def on_done(error: BaseException | None = None, **_: Any) -> None:
            sink.done(error)

        started: Request = self._client.make_request(
            type=self._s3.S3RequestType.DEFAULT,
            operation_name="GetObject" if method == "GET" else "PutObject",
            request=request,
            on_headers=on_headers,
            on_body=on_body,
            on_done=on_done,
        )
        return started


@functools.cache
def _importable() -> bool:
    try:
        import awscrt.s3  # type: ignore[import-untyped]  # noqa: F401
    except ImportError as exc:
        log.info("small GETs stay on botocore (awscrt: %s)", exc)
        return False
    return True


_WIRES: weakref.WeakKeyDictionary[Any, CrtWire] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def wire_for(client: S3Client, connections: int) -> CrtWire | None:
    """``client``'s CRT wire, made on first use, or None where small GETs stay on botocore:
    awscrt missing, a client the lean wire does not speak for (a hooked one included), a
    proxy in the way, or ``R2DESK_NO_CRT=1``."""
    if os.environ.get(OFF_ENV) == "1" or not _importable():
        return None
    wire = lean.wire_of(client)
    if wire is None or wire.proxied:
        return None
    with _LOCK:
        made = _WIRES.get(client)
        if made is None:
            try:
                made = _WIRES[client] = CrtWire(wire, connections)
            except Exception as exc:  # a CA bundle awscrt cannot read, ...
                log.warning("small GETs stay on botocore: %s", exc)
                return None
    return made
