"""Building boto3 clients configured for R2's rules, shared by every worker thread.

Checksums only when required (boto3 >= 1.36 otherwise sends trailing CRC32 checksums that R2
refused for months), SigV4, path-style addressing, standard retries, and no
``Expect: 100-continue`` (R2 does not answer it; botocore then waits a second per part). Small
GETs, PUTs and listing pages then take the lean wire (``r2desk.s3.lean``).
"""

from __future__ import annotations

import functools
import gc
import os
from typing import TYPE_CHECKING, Any

from r2desk.errors import ErrorCode
from r2desk.s3 import buckets, freeze, lean
from r2desk.s3.classify import classify
from r2desk.s3.listing import lean_list_parse, parse_timestamp

if TYPE_CHECKING:
    from botocore.config import Config
    from mypy_boto3_s3 import S3Client

# boto3 and botocore's session and config are imported where a client is made: the app's
# window shows before any client exists, and those imports cost ~0.4 s of CPU.


#: Attempts per request, the first included (botocore's ``max_attempts`` would count retries).
ATTEMPTS = 5
#: Data transfers (a part, a ranged GET) may wait this long for the next byte.
DATA_READ_TIMEOUT = 60.0
#: Small interactive requests (listings, HEADs) wait this long for an answer, and a silent
#: endpoint gets LOOKUP_ATTEMPTS tries, not ATTEMPTS: ``ls`` against an endpoint that accepts
#: connections and never answers fails in ~20 s, not 5 x 60 s.
LOOKUP_READ_TIMEOUT = 10.0
LOOKUP_ATTEMPTS = 2
#: The small requests that get the short read timeout.
LOOKUPS = ("ListObjectsV2", "HeadObject", "HeadBucket", "ListBuckets", "ListMultipartUploads")


def client_config(endpoint_url: str, region: str, pool: int) -> Config:
    """The botocore settings R2 needs; an element's Type may extend them.

    Over HTTPS the payload is not SHA-256 signed: with checksums "when_required" a part
    carries no Content-MD5, so botocore would otherwise read and hash every part once more
    before sending it (and the server verify that hash), ~40% of an upload's CPU. TLS
    guards the bytes in flight; our MD5/ETag check guards them end to end.
    """
    from botocore.config import Config

    https = endpoint_url.lower().startswith("https://")
    return Config(
        region_name=region,
        signature_version="s3v4",
        s3={"addressing_style": "path", "payload_signing_enabled": False}
        if https
        else {"addressing_style": "path"},
        retries={"mode": "standard", "total_max_attempts": ATTEMPTS},
        connect_timeout=10,
        read_timeout=DATA_READ_TIMEOUT,
        max_pool_connections=pool,
        tcp_keepalive=True,
        request_checksum_calculation="when_required",
        response_checksum_validation="when_required",
        user_agent_extra="r2desk",
    )


def _drop_expect(request: Any, **_: Any) -> None:
    """Taken off the request as it is sent: botocore adds the header in a generic
    ``before-call.s3`` handler, which runs after any operation-specific one."""
    if "Expect" in request.headers:
        del request.headers["Expect"]


def _ask_stored_bytes(params: dict[str, Any], **_: Any) -> None:
    params.setdefault("headers", {})["Accept-Encoding"] = lean.STORED_ENCODINGS


@functools.cache
def _s3_loader() -> type:
    import botocore.loaders

    class _S3Loader(botocore.loaders.Loader):
        """botocore's model loader, minus its check that "s3" is a known service: that check
        lists every service folder of every model path (~400, twice per client, ~0.03 s of
        each start). These sessions only ever make S3 clients; a missing model still fails
        when it is loaded."""

        def list_available_services(self, type_name: str) -> list[str]:
            return ["s3"]

    return _S3Loader


class _Lookups:
    """Per-request read timeout for small requests (botocore's request-context override)
    and no more retries of a read timeout after ``LOOKUP_ATTEMPTS`` (a more specific
    needs-retry handler answering False stops the standard retries; throttling still gets
    them all)."""

    def __init__(self, read_timeout: float) -> None:
        self.read_timeout = read_timeout

    def before_call(self, context: dict[str, Any], **_: Any) -> None:
        config = context.get("client_config")
        longest = float(getattr(config, "read_timeout", None) or self.read_timeout)
        context["read_timeout"] = min(self.read_timeout, longest)

    def needs_retry(
        self, attempts: int, caught_exception: BaseException | None = None, **_: Any
    ) -> Any:  # False: no retry; None: the standard retry handler decides
        if (
            caught_exception is not None
            and attempts >= LOOKUP_ATTEMPTS
            and classify(caught_exception)[0] is ErrorCode.TIMEOUT
        ):
            return False
        return None


def build_client(
    endpoint_url: str,
    access_key_id: str,
    secret: str,
    config: Config,
    ca_bundle: str = "",
    *,
    lookup_timeout: float = LOOKUP_READ_TIMEOUT,
) -> S3Client:
    """A client from its own session (sessions are not thread-safe; clients are).

    Built with the garbage collector paused: loading the S3 model makes ~10^5 objects, and the
    collections they trigger cost a third of the client's ~0.15 s start (every CLI command
    pays it once). ``lookup_timeout`` is the read timeout of the small requests (``LOOKUPS``); data
    transfers keep the config's. Small GETs, PUTs and listings then take the client's lean
    wire (``r2desk.s3.lean``) where its config allows.
    """
    import boto3.session
    import botocore.session

    kwargs: dict[str, Any] = {}
    if ca_bundle:
        kwargs["verify"] = ca_bundle
    paused = gc.isenabled()
    gc.disable()
    try:
        core = botocore.session.Session()
        data_path = core.get_config_variable("data_path")  # AWS_DATA_PATH, as botocore reads it
        extra = [
            os.path.expanduser(os.path.expandvars(p)) for p in (data_path or "").split(os.pathsep)
        ]
        core.register_component(
            "data_loader", _s3_loader()(extra_search_paths=[p for p in extra if p])
        )
        core.get_component("response_parser_factory").set_parser_defaults(
            timestamp_parser=parse_timestamp
        )
        session = boto3.session.Session(botocore_session=core)
        client: S3Client = session.client(
            "s3",
            endpoint_url=endpoint_url,
            aws_access_key_id=access_key_id,
            aws_secret_access_key=secret,
            config=config,
            **kwargs,
        )
    finally:
        if freeze.built_clients:  # the program keeps it to the end (r2desk.s3.freeze)
            gc.freeze()
        if paused:
            gc.enable()
    events = client.meta.events
    events.register("before-parse.s3.ListObjectsV2", lean_list_parse)
    events.register("before-send.s3", _drop_expect)  # every request with a body
    for op in ("GetObject", "HeadObject"):
        events.register(f"before-call.s3.{op}", _ask_stored_bytes)
    lookups = _Lookups(lookup_timeout)
    for op in LOOKUPS:
        events.register(f"before-call.s3.{op}", lookups.before_call)
        events.register(f"needs-retry.s3.{op}", lookups.needs_retry)
    buckets.register(client)
    if lean.Lean.speaks(config, access_key_id, secret):
        wire = lean.Lean(
            client,
            access_key_id,
            secret,
            config,
            parse_timestamp,
            {"ListObjectsV2": (lookup_timeout, lookups.needs_retry)},
        )
        lean.attach(client, wire)
    return client
