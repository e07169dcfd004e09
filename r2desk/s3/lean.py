"""The hot small requests (GET object, PUT object, a ListObjectsV2 page) without botocore's
per-call pipeline.

A 16 KiB GET through ``client.get_object`` costs ~2 ms of client CPU here, most of it not the
HTTP: parameter validation, ~40 event emissions, the endpoint ruleset resolved per call and
the model-driven parse of ~70 response members. This sends the same request (same URL, same
headers, signed as botocore's ``S3SigV4Auth`` signs them, by ``sigv4``) over the client's own
urllib3 pool, retries
it with botocore's standard retry classes (same attempts, backoff and quota), and raises the
same ``ClientError`` subclasses built by botocore's own error parser, so ``classify`` reads a
lean failure exactly as a botocore one.

A client takes this path only while nothing else hooks its events: a Type subclass or a test
that registers a botocore handler gets botocore's whole pipeline, so the hook still runs.
Anything this path does not speak (other parameters, a file body, non-ASCII metadata, another
retry mode or addressing style) also goes through botocore.
"""

from __future__ import annotations

import threading
import time
import weakref
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar, cast
from urllib.parse import SplitResult, quote, urlsplit

import botocore
import botocore.parsers
from botocore.awsrequest import AWSPreparedRequest, AWSResponse
from botocore.response import StreamingBody
from botocore.retries import quota, standard
from botocore.utils import percent_encode_sequence

from r2desk.s3.sigv4 import Signer, payload_hash

if TYPE_CHECKING:
    from botocore.config import Config
    from botocore.model import OperationModel
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.type_defs import (
        GetObjectOutputTypeDef,
        GetObjectRequestTypeDef,
        PutObjectOutputTypeDef,
        PutObjectRequestTypeDef,
    )

T = TypeVar("T")

#: R2 serves an object stored with Content-Encoding gzip or br *decoded* unless the request
#: names that encoding (http.client would send "identity"): other bytes and length than were
#: stored, so the ETag no longer matches. Naming them gets the stored bytes; neither path
#: decodes a body, and every download verifies the bytes against the stored ETag and size.
STORED_ENCODINGS = "gzip, br"

#: GetObject parameters this path sends (anything else goes through botocore).
_GET_PARAMS = frozenset({"Bucket", "Key", "Range", "IfMatch"})
_GET_HEADERS = {"Range": "Range", "IfMatch": "If-Match"}
#: PutObject parameters this path sends, with their header names.
_PUT_HEADERS = {
    "ContentLength": "Content-Length",
    "ContentType": "Content-Type",
    "ContentMD5": "Content-MD5",
    "CacheControl": "Cache-Control",
    "ContentDisposition": "Content-Disposition",
    "ContentLanguage": "Content-Language",
    "IfMatch": "If-Match",
}
_PUT_PARAMS = frozenset({"Bucket", "Key", "Body", "Metadata", *_PUT_HEADERS})

#: The wire of each client built by ``r2desk.s3.client.build_client``.
_WIRES: weakref.WeakKeyDictionary[Any, Lean] = weakref.WeakKeyDictionary()

#: A needs-retry handler of ours that may stop retries early (``client._Lookups``): False
#: stops them, None leaves the decision to the standard policy.
NeedsRetry = Callable[..., Any]


def _setting(config: Config, name: str) -> Any:
    """A botocore Config setting (its attributes are set dynamically; the stubs omit them)."""
    return getattr(config, name, None)


def _host(parts: SplitResult) -> str:
    """The Host header SigV4 signs: lowercase, without a default port (botocore's rule)."""
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    if parts.port is not None and parts.port != {"http": 80, "https": 443}.get(parts.scheme):
        host = f"{host}:{parts.port}"
    return host


def _printable(text: str) -> bool:
    return text.isascii() and text.isprintable()


class _Fields:
    """An operation's header-bound output members, read once from its model: the lean
    answer carries the same keys and types botocore's parser would give."""

    def __init__(self, op: OperationModel, timestamp: Callable[[str], datetime]) -> None:
        self.by_header: dict[str, tuple[str, str]] = {}
        self.meta_prefix = ""
        self.meta_member = ""
        self._timestamp = timestamp
        shape = op.output_shape
        for name, member in (shape.members if shape is not None else {}).items():
            where = member.serialization.get("location")
            if where == "header":
                header = member.serialization.get("name", name).lower()
                self.by_header[header] = (name, member.type_name)
            elif where == "headers":
                self.meta_prefix = member.serialization.get("name", "").lower()
                self.meta_member = name

    def read(self, headers: Any) -> dict[str, object]:
        out: dict[str, object] = {}
        meta: dict[str, str] = {}
        for raw, value in headers.items():
            header = raw.lower()
            field = self.by_header.get(header)
            if field is not None:
                name, kind = field
                if kind in ("integer", "long"):
                    out[name] = int(value)
                elif kind == "timestamp":
                    out[name] = self._timestamp(value)
                elif kind == "boolean":
                    out[name] = value == "true"
                else:
                    out[name] = value
            elif self.meta_prefix and header.startswith(self.meta_prefix):
                meta[header[len(self.meta_prefix) :]] = value
        if self.meta_member:
            out[self.meta_member] = meta
        return out


class Lean:
    """One client's lean wire: its endpoint, credentials, config and connection pool."""

    def __init__(
        self,
        client: S3Client,
        access_key_id: str,
        secret: str,
        config: Config,
        timestamp: Callable[[str], datetime],
        lookups: dict[str, tuple[float, NeedsRetry]],
    ) -> None:
        self._client = client
        self._config = config
        self._endpoint = (client.meta.endpoint_url or "").rstrip("/")
        region = str(_setting(config, "region_name"))
        parts = urlsplit(self._endpoint)
        self._origin = f"{parts.scheme}://{parts.netloc}"  # what comes before the signed path
        self._signer = Signer(access_key_id, secret, region, _host(parts))
        self._https = self._endpoint.lower().startswith("https://")
        self._payload_signing = (_setting(config, "s3") or {}).get("payload_signing_enabled")
        self._session = client._endpoint.http_session  # type: ignore[attr-defined]  # the pool
        self._lookups = lookups
        self._parser = botocore.parsers.create_parser("rest-xml")
        self._agent = f"Botocore/{botocore.__version__} r2desk"
        model = client.meta.service_model
        self._ops = {n: model.operation_model(n) for n in ("GetObject", "PutObject")}
        self._ops["ListObjectsV2"] = model.operation_model("ListObjectsV2")
        self._fields = {n: _Fields(self._ops[n], timestamp) for n in ("GetObject", "PutObject")}
        retries = _setting(config, "retries") or {}
        attempts = int(retries.get("total_max_attempts") or retries.get("max_attempts", 2) + 1)
        adapter = standard.RetryEventAdapter()
        throttling = standard.ThrottlingErrorDetector(adapter)
        self._quota = standard.RetryQuotaChecker(quota.RetryQuota(), throttling)
        self._retry = standard.RetryHandler(
            retry_policy=standard.RetryPolicy(
                retry_checker=standard.StandardRetryConditions(max_attempts=attempts),
                retry_backoff=standard.ExponentialBackoff(
                    service_name="s3", throttling_detector=throttling
                ),
            ),
            retry_event_adapter=adapter,
            retry_quota=self._quota,  # type: ignore[arg-type]  # botocore passes the checker
            service_name="s3",
        )
        self._hooked = 0
        self._hook_lock = threading.Lock()

    @staticmethod
    def speaks(config: Config, access_key_id: str, secret: str) -> bool:
        """Whether this path can send exactly what botocore would under ``config``."""
        s3 = _setting(config, "s3") or {}
        retries = _setting(config, "retries") or {}
        return bool(
            access_key_id
            and secret
            and _setting(config, "region_name")
            and _setting(config, "signature_version") in ("s3v4", None)
            and s3.get("addressing_style") == "path"
            and not s3.get("use_accelerate_endpoint")
            and not s3.get("use_dualstack_endpoint")
            and retries.get("mode") == "standard"
            and _setting(config, "request_checksum_calculation") == "when_required"
            and _setting(config, "response_checksum_validation") == "when_required"
        )

    # -- hooks: a client someone else hooks goes through botocore --------------------------

    def watch_hooks(self) -> None:
        """Count handlers registered on the client's events from now on (ours are in)."""
        events = self._client.meta.events
        for name in ("register", "register_first", "register_last"):
            original = getattr(events, name)
            setattr(events, name, self._counting(original, +1))
        events.unregister = self._counting(events.unregister, -1)  # type: ignore[method-assign]

    def _counting(self, original: Callable[..., T], step: int) -> Callable[..., T]:
        def counted(*args: Any, **kwargs: Any) -> T:
            with self._hook_lock:
                self._hooked = max(0, self._hooked + step)
            return original(*args, **kwargs)

        return counted

    @property
    def hooked(self) -> bool:
        return self._hooked > 0

    # -- the three requests -----------------------------------------------------------------

    def get_object(self, params: GetObjectRequestTypeDef) -> GetObjectOutputTypeDef | None:
        """GetObject with its body as a stream, or None when botocore must send it."""
        if not _GET_PARAMS.issuperset(params):
            return None
        headers = {"Accept-Encoding": STORED_ENCODINGS}
        for name, header in _GET_HEADERS.items():
            value = params.get(name)
            if value is not None:
                headers[header] = str(value)
        url = self._object_url(params["Bucket"], params["Key"])
        http, metadata = self._send("GetObject", "GET", url, headers, b"", stream=True)
        out = self._fields["GetObject"].read(http.headers)
        length = http.headers.get("content-length")
        out["Body"] = StreamingBody(http.raw, length)  # type: ignore[arg-type]  # as botocore
        out["ResponseMetadata"] = metadata
        return cast("GetObjectOutputTypeDef", out)

    def put_object(self, params: PutObjectRequestTypeDef) -> PutObjectOutputTypeDef | None:
        """PutObject of a bytes body, or None when botocore must send it."""
        headers = _put_headers(params)
        if headers is None:
            return None
        body = params.get("Body", b"")
        assert isinstance(body, bytes | bytearray)
        url = self._object_url(params["Bucket"], params["Key"])
        http, metadata = self._send("PutObject", "PUT", url, headers, bytes(body))
        out = self._fields["PutObject"].read(http.headers)
        out["ResponseMetadata"] = metadata
        return cast("PutObjectOutputTypeDef", out)

    def list_objects_v2(self, bucket: str, query: dict[str, str], parse: Callable[[bytes], T]) -> T:
        """One ListObjectsV2 page (``encoding-type=url`` is added; ``query`` in botocore's order:
        max-keys, prefix, delimiter, continuation-token), parsed by ``parse``; a body
        it cannot read counts as a server error, retried as botocore retries one."""
        q = {"list-type": "2", **query, "encoding-type": "url"}  # botocore's order
        url = f"{self._endpoint}/{quote(bucket, safe='-_.~')}?{percent_encode_sequence(q)}"
        parsed: list[T] = []

        def check(body: bytes) -> bool:
            try:
                parsed.append(parse(body))
            except (ElementTree.ParseError, ValueError):
                return False
            return True

        self._send("ListObjectsV2", "GET", url, {}, b"", check=check)
        return parsed[-1]

    # -- for another HTTP stack (r2desk.s3.crt) ----------------------------------------------

    def _sign(self, method: str, url: str, headers: dict[str, str], body: bytes) -> str:
        """Add User-Agent and the SigV4 headers to ``headers``; the path (and query) signed."""
        headers["User-Agent"] = self._agent
        target = url[len(self._origin) :]
        path, _, query = target.partition("?")
        content = payload_hash(body, self.signs_payload(headers, method == "PUT"))
        self._signer.sign(method, path, query, headers, content)
        return target

    def signed_get(self, bucket: str, key: str) -> tuple[str, dict[str, str]]:
        """A GetObject's path and headers (Host included), signed as this wire signs its own."""
        headers = {"Accept-Encoding": STORED_ENCODINGS}
        path = self._sign("GET", self._object_url(bucket, key), headers, b"")
        headers["Host"] = self.host
        return path, headers

    def signed_put(self, params: PutObjectRequestTypeDef) -> tuple[str, dict[str, str]] | None:
        """A PutObject's path and headers (Host included), signed as ``put_object`` signs
        them, or None where only botocore can send it."""
        headers = _put_headers(params)
        if headers is None:
            return None
        body = params.get("Body", b"")
        assert isinstance(body, bytes | bytearray)
        path = self._sign(
            "PUT", self._object_url(params["Bucket"], params["Key"]), headers, bytes(body)
        )
        headers["Host"] = self.host
        return path, headers

    @property
    def host(self) -> str:
        return _host(urlsplit(self._origin))

    @property
    def https(self) -> bool:
        return self._https

    @property
    def verify(self) -> bool | str:
        """The CA bundle botocore checks the server against (True: its default), or False."""
        from botocore.httpsession import get_cert_path

        return cast("bool | str", get_cert_path(self._session._verify))

    @property
    def proxied(self) -> bool:
        """Whether botocore would reach the endpoint through a proxy."""
        return self._session._proxy_config.proxy_url_for(self._origin) is not None

    @property
    def connect_timeout(self) -> float:
        return float(_setting(self._config, "connect_timeout") or 60)

    @property
    def read_timeout(self) -> float:
        return float(_setting(self._config, "read_timeout") or 60)

    # -- one request, signed, sent, retried -------------------------------------------------

    def _object_url(self, bucket: str, key: str) -> str:
        # botocore's path-style rendering of /{Bucket}/{Key+}
        return f"{self._endpoint}/{quote(bucket, safe='-_.~')}/{quote(key, safe='/~')}"

    def signs_payload(self, headers: dict[str, str], streaming: bool) -> bool:
        """botocore's S3 rule: the config's explicit choice, else always over plain HTTP or
        without Content-MD5, else not for a streaming upload."""
        if self._payload_signing is not None:
            return bool(self._payload_signing)
        return not (self._https and "Content-MD5" in headers and streaming)

    def _signed(
        self,
        method: str,
        url: str,
        headers: dict[str, str],
        body: bytes,
        stream: bool,
        context: dict[str, Any],
    ) -> AWSPreparedRequest:
        sent = dict(headers)
        self._sign(method, url, sent, body)
        # urllib3 takes any mapping of str headers (botocore's own are a HeadersDict).
        return AWSPreparedRequest(method, url, sent, body or None, stream, context)  # type: ignore[arg-type]

    def _send(
        self,
        op: str,
        method: str,
        url: str,
        headers: dict[str, str],
        body: bytes,
        *,
        stream: bool = False,
        check: Callable[[bytes], bool] | None = None,
    ) -> tuple[AWSResponse, dict[str, object]]:
        model = self._ops[op]
        context: dict[str, Any] = {
            "client_config": self._config,
            "has_streaming_input": op == "PutObject",
        }
        lookup = self._lookups.get(op)
        if lookup is not None:
            longest = float(_setting(self._config, "read_timeout") or lookup[0])
            context["read_timeout"] = min(lookup[0], longest)
        attempts = 0
        while True:
            attempts += 1
            context.setdefault("retries", {})["attempt"] = attempts
            http: AWSResponse | None = None
            parsed: dict[str, Any] | None = None
            caught: Exception | None = None
            try:
                prepared = self._signed(method, url, headers, body, stream, context)
                http = cast(AWSResponse, self._session.send(prepared))
                status = http.status_code
                if status < 300 and not stream:
                    content = http.content
                    if not (check(content) if check is not None else _not_error(content)):
                        status = 500  # botocore's reading of a 200 with an error body
                parsed = self._error(http, model, status) if status >= 300 else {}
            except Exception as exc:  # what botocore's endpoint hands its retry handler too
                caught, http = exc, None
            kwargs = {
                "response": None if http is None else (http, parsed),
                "attempts": attempts,
                "operation": model,
                "caught_exception": caught,
                "request_dict": {"context": context},
            }
            delay = None
            if lookup is not None:
                delay = lookup[1](**kwargs)
            if delay is None:
                delay = self._retry.needs_retry(**kwargs)
            if delay is None or delay is False:
                break
            if http is not None and stream:
                http.raw.release_conn()
            time.sleep(delay)
        if caught is not None:
            raise caught
        assert http is not None and parsed is not None
        metadata = {
            "HTTPStatusCode": http.status_code,
            "HTTPHeaders": dict(http.headers),
            "RetryAttempts": attempts - 1,
        }
        if "Error" in parsed:
            parsed.setdefault("ResponseMetadata", {}).update(metadata)
            code = str(parsed["Error"].get("Code") or "")
            error: type[Exception] = self._client.exceptions.from_code(code)  # type: ignore[assignment]
            raise error(parsed, op)
        self._quota.release_retry_quota(context, http)  # type: ignore[arg-type]  # a dict, as in botocore
        return http, metadata

    def _error(self, http: AWSResponse, model: OperationModel, status: int) -> dict[str, Any]:
        """The error as botocore's own parser reads it (Code, Message, ResponseMetadata)."""
        response = {"status_code": status, "headers": http.headers, "body": http.content}
        shape = model.output_shape
        parsed = cast(dict[str, Any], self._parser.parse(response, shape))  # type: ignore[arg-type]
        parsed.setdefault("Error", {}).setdefault("Code", str(status))
        return parsed


def _put_headers(params: PutObjectRequestTypeDef) -> dict[str, str] | None:
    """A PutObject's headers for a bytes body, or None when botocore must send it."""
    body = params.get("Body", b"")
    meta = params.get("Metadata") or {}
    if (
        not _PUT_PARAMS.issuperset(params)
        or not isinstance(body, bytes | bytearray)
        or not all(_printable(k) and _printable(v) for k, v in meta.items())
    ):
        return None
    headers: dict[str, str] = {}
    for name, header in _PUT_HEADERS.items():
        value = params.get(name)
        if value is not None:
            if not _printable(str(value)):
                return None
            headers[header] = str(value)
    headers.setdefault("Content-Length", str(len(body)))
    for k, v in meta.items():
        headers[f"x-amz-meta-{k}"] = v
    return headers


def _not_error(body: bytes) -> bool:
    """False for a 200 whose body is an S3 error, or unreadable XML (botocore's test)."""
    if not body:
        return True
    try:
        return ElementTree.fromstring(body).tag != "Error"
    except ElementTree.ParseError:
        return False


def attach(client: S3Client, wire: Lean) -> None:
    """Give ``client`` its lean wire (``build_client``, after its own handlers)."""
    wire.watch_hooks()
    _WIRES[client] = wire


def wire_of(client: S3Client) -> Lean | None:
    """The lean wire of ``client``, or None when its requests must go through botocore."""
    wire = _WIRES.get(client)
    if wire is None or wire.hooked:
        return None
    return wire


def get_object(client: S3Client, params: GetObjectRequestTypeDef) -> GetObjectOutputTypeDef:
    """``client.get_object(**params)``, on the lean wire when the client has one."""
    wire = wire_of(client)
    got = wire.get_object(params) if wire is not None else None
    return got if got is not None else client.get_object(**params)


def put_object(client: S3Client, params: PutObjectRequestTypeDef) -> PutObjectOutputTypeDef:
    """``client.put_object(**params)``, on the lean wire when the client has one."""
    wire = wire_of(client)
    got = wire.put_object(params) if wire is not None else None
    return got if got is not None else client.put_object(**params)
