"""A TCP proxy on 127.0.0.1 that injects faults between a client and a local S3 endpoint.

Faults are armed to fire N times (or always): cut a connection after some bytes in one
direction, stall it (stop forwarding, keep it open), delay its first bytes (a slow server),
rewrite bytes flowing back to the client (tamper an ETag header, flip a body byte), or refuse
it. Plain HTTP only, so it can see and change what flows; the real server behind it is untouched.
"""

from __future__ import annotations

import contextlib
import re
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

UP = "up"  # client -> server
DOWN = "down"  # server -> client


@dataclass
class Fault:
    kind: str  # cut | stall | delay | tamper | refuse
    direction: str = DOWN
    after: int = 0  # bytes of that direction on the connection before the fault
    times: int = 1  # firings left; -1 = unlimited
    seconds: float = 30.0  # stall length (a delay's pause before forwarding goes on)
    rewrite: Callable[[bytes], bytes] | None = None


class FaultProxy:
    """Forward ``127.0.0.1:<port>`` to ``target``; ``arm()`` faults; ``hits`` counts them;
    ``requests`` logs the requests that went through."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._faults: list[Fault] = []
        self._closed = threading.Event()
        self._socks: set[socket.socket] = set()
        self.connections = 0
        self.hits: dict[str, int] = {}
        #: Bytes forwarded each way (UP: client to server, DOWN: back), over every connection.
        self.bytes: dict[str, int] = {UP: 0, DOWN: 0}
        #: Every request line seen going up, as (method, path with query): the server's log.
        self.requests: list[tuple[str, str]] = []
        self._thread = threading.Thread(target=self._accept, daemon=True, name="faultproxy")
        self._thread.start()

    @property
    def endpoint_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def arm(self, fault: Fault) -> Fault:
        with self._lock:
            self._faults.append(fault)
        return fault

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def close(self) -> None:
        self._closed.set()
        with contextlib.suppress(OSError):
            self._listener.close()
        with self._lock:
            socks = list(self._socks)
        for s in socks:
            with contextlib.suppress(OSError):
                s.close()

    def __enter__(self) -> FaultProxy:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _take(self) -> list[Fault]:
        """The faults armed now; each counts down as it fires (``times``), not per connection."""
        with self._lock:
            return [f for f in self._faults if f.times != 0]

    def _fire(self, fault: Fault) -> bool:
        """Claim one firing of ``fault``; False when it has fired its ``times`` already."""
        with self._lock:
            if fault.times == 0:
                return False
            if fault.times > 0:
                fault.times -= 1
            self.hits[fault.kind] = self.hits.get(fault.kind, 0) + 1
            return True

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                self.connections += 1
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        faults = self._take()
        if any(f.kind == "refuse" and self._fire(f) for f in faults):
            client.close()
            return
        try:
            server = socket.create_connection(self.target, timeout=10)
        except OSError:
            client.close()
            return
        server.settimeout(None)
        with self._lock:
            self._socks.update((client, server))
        done = threading.Event()

        def close_both() -> None:
            done.set()
            for s in (client, server):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                with contextlib.suppress(OSError):
                    s.close()
            with self._lock:
                self._socks.discard(client)
                self._socks.discard(server)

        def pump(src: socket.socket, dst: socket.socket, direction: str) -> None:
            sent = 0
            try:
                while not done.is_set():
                    data = src.recv(65536)
                    if not data:
                        break
                    # Faults armed while a connection is open apply to it too.
                    mine = [f for f in self._take() if f.direction == direction]
                    for f in mine:
                        if f.kind == "tamper" and f.rewrite is not None:
                            new = f.rewrite(data)
                            if new != data and self._fire(f):
                                data = new
                    for f in mine:
                        if f.kind == "delay" and sent == 0 and self._fire(f):
                            # A slow server: the answer starts late, then flows.
                            done.wait(f.seconds)
                    for f in mine:
                        if (
                            f.kind in ("cut", "stall")
                            and sent + len(data) > f.after
                            and self._fire(f)
                        ):
                            head = max(0, f.after - sent)
                            dst.sendall(data[:head])
                            if f.kind == "stall":
                                # Hold the connection open, forwarding nothing.
                                deadline = time.monotonic() + f.seconds
                                while not done.is_set() and time.monotonic() < deadline:
                                    done.wait(0.05)
                            return
                    dst.sendall(data)
                    sent += len(data)
                    with self._lock:
                        self.bytes[direction] += len(data)
                        if direction == UP:
                            self.requests += [
                                (m.group(1).decode(), m.group(2).decode())
                                for m in _REQUEST_RE.finditer(data)
                            ]
            except OSError:
                pass
            finally:
                close_both()

        threading.Thread(target=pump, args=(client, server, UP), daemon=True).start()
        pump(server, client, DOWN)


_REQUEST_RE = re.compile(rb"(?:^|\r\n)(GET|HEAD|PUT|POST|DELETE) (\S+) HTTP/1\.[01]\r\n")
_ETAG_RE = re.compile(rb'(ETag: "?)([0-9a-f]{32})', re.IGNORECASE)


def tamper_etag(data: bytes) -> bytes:
    """Replace any MD5-shaped ETag header with a wrong one."""
    return _ETAG_RE.sub(lambda m: m.group(1) + b"0" * 32, data)


def flip_data_reads(data: bytes) -> bytes:
    """Flip the last byte of every read that carries no HTTP header (pure body data)."""
    if len(data) < 1000 or b"HTTP/1." in data:
        return data
    return data[:-1] + bytes([data[-1] ^ 0xFF])


def flip_body_byte(marker: bytes = b"\r\n\r\n", offset: int = 100) -> Callable[[bytes], bytes]:
    """Flip one byte ``offset`` bytes after the first header end seen in a read."""

    def rewrite(data: bytes) -> bytes:
        i = data.find(marker)
        if i < 0 or i + len(marker) + offset >= len(data):
            return data
        pos = i + len(marker) + offset
        return data[:pos] + bytes([data[pos] ^ 0xFF]) + data[pos + 1 :]

    return rewrite
