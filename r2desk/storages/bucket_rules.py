"""Bucket CORS and lifecycle rules: checked before saving, converted to and from S3's form, and
rendered as the exact XML that will be sent.

Checked here, not by the server, so a mistake is said next to the rule that holds it (servers
answer a bad rule with one ``MalformedXML`` for the whole set). The XML comes from botocore's
own serializer with the same model the client uses, so what the dialog shows is what is sent.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from typing import Any
from xml.dom import minidom

from r2desk.results import CorsRule, LifecycleRule

CORS_METHODS = ("GET", "PUT", "POST", "DELETE", "HEAD")
MAX_CORS_RULES = 100
MAX_LIFECYCLE_RULES = 1000
#: R2 aborts unfinished multipart uploads after this many days unless a rule says otherwise.
R2_DEFAULT_ABORT_DAYS = 7
#: The location hints R2's CreateBucket honours ("" lets R2 choose).
R2_LOCATION_HINTS = {
    "wnam": "Western North America",
    "enam": "Eastern North America",
    "weur": "Western Europe",
    "eeur": "Eastern Europe",
    "apac": "Asia-Pacific",
    "oc": "Oceania",
}
STORAGE_CLASSES = ("STANDARD", "STANDARD_IA")
IA_TERMS = (
    "Infrequent Access bills each object for at least 30 days of storage (deleting or moving it "
    "back sooner still costs the 30 days) and charges a fee per GB read back."
)

_ORIGIN_RE = re.compile(r"^(\*|https?://[^\s/*]*\*?[^\s/*]*(:\d{1,5})?)$")
_HEADER_RE = re.compile(r"^[A-Za-z0-9!#$%&'*+.^_`|~-]+$")


def cors_presets(site: str = "https://example.com") -> dict[str, CorsRule]:
    """The dialog's starting points; ``site`` is the page that will upload."""
    return {
        "Allow GET from anywhere": {
            "allowedOrigins": ["*"],
            "allowedMethods": ["GET", "HEAD"],
            "allowedHeaders": [],
            "exposeHeaders": ["ETag"],
            "maxAgeSeconds": 3600,
        },
        "Allow browser uploads from my site": {
            "allowedOrigins": [site],
            "allowedMethods": ["GET", "PUT", "HEAD"],
            "allowedHeaders": ["*"],
            "exposeHeaders": ["ETag"],
            "maxAgeSeconds": 3600,
        },
    }


def cors_problems(rules: list[CorsRule]) -> list[str]:
    """Every mistake in ``rules``, each naming its rule (1-based); [] when they can be saved."""
    out: list[str] = []
    if len(rules) > MAX_CORS_RULES:
        out.append(f"at most {MAX_CORS_RULES} CORS rules, not {len(rules)}")
    for n, rule in enumerate(rules, 1):
        if not rule["allowedOrigins"]:
            out.append(f"rule {n}: give at least one origin (such as https://example.com or *)")
        for origin in rule["allowedOrigins"]:
            if not _ORIGIN_RE.match(origin) or origin.count("*") > 1:
                out.append(
                    f"rule {n}: origin {origin!r} must be * or scheme://host[:port] (at most "
                    "one *, no path)"
                )
        if not rule["allowedMethods"]:
            out.append(f"rule {n}: choose at least one method")
        for method in rule["allowedMethods"]:
            if method not in CORS_METHODS:
                out.append(f"rule {n}: method {method!r} is not one of {', '.join(CORS_METHODS)}")
        for field, label in (("allowedHeaders", "allowed"), ("exposeHeaders", "exposed")):
            for header in rule[field]:  # type: ignore[literal-required]
                if not _HEADER_RE.match(header):
                    out.append(f"rule {n}: {label} header {header!r} is not a header name")
        age = rule["maxAgeSeconds"]
        if age is not None and (isinstance(age, bool) or not isinstance(age, int) or age < 0):
            out.append(f"rule {n}: max age must be whole seconds, 0 or more")
    return out


def cors_to_s3(rules: list[CorsRule]) -> dict[str, Any]:
    """The ``CORSConfiguration`` parameter of PutBucketCors."""
    s3_rules: list[dict[str, Any]] = []
    for rule in rules:
        item: dict[str, Any] = {
            "AllowedOrigins": list(rule["allowedOrigins"]),
            "AllowedMethods": list(rule["allowedMethods"]),
        }
        if rule["allowedHeaders"]:
            item["AllowedHeaders"] = list(rule["allowedHeaders"])
        if rule["exposeHeaders"]:
            item["ExposeHeaders"] = list(rule["exposeHeaders"])
        if rule["maxAgeSeconds"] is not None:
            item["MaxAgeSeconds"] = rule["maxAgeSeconds"]
        s3_rules.append(item)
    return {"CORSRules": s3_rules}


def cors_from_s3(rules: list[Any]) -> list[CorsRule]:
    return [
        {
            "allowedOrigins": list(r.get("AllowedOrigins", [])),
            "allowedMethods": list(r.get("AllowedMethods", [])),
            "allowedHeaders": list(r.get("AllowedHeaders", [])),
            "exposeHeaders": list(r.get("ExposeHeaders", [])),
            # SeaweedFS answers an unset max age as 0; both mean "the browser decides".
            "maxAgeSeconds": r.get("MaxAgeSeconds") or None,
        }
        for r in rules
    ]


def cors_from_json(data: object) -> list[CorsRule]:
    """Rules from a JSON document: our form (a list of rules), or S3's (``{"CORSRules": [...]}``
    or its list, with ``AllowedOrigins`` ...). Raises ValueError saying what is wrong."""
    if isinstance(data, dict) and "CORSRules" in data:
        data = data["CORSRules"]
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise ValueError("CORS rules must be a JSON list of rule objects")
    if data and "AllowedOrigins" in data[0]:
        return cors_from_s3(data)
    out: list[CorsRule] = []
    for n, r in enumerate(data, 1):
        rule: CorsRule = {
            "allowedOrigins": _strings(r, "allowedOrigins", n),
            "allowedMethods": [m.upper() for m in _strings(r, "allowedMethods", n)],
            "allowedHeaders": _strings(r, "allowedHeaders", n),
            "exposeHeaders": _strings(r, "exposeHeaders", n),
            "maxAgeSeconds": r.get("maxAgeSeconds"),
        }
        out.append(rule)
    return out


def _strings(rule: dict[str, Any], field: str, n: int) -> list[str]:
    value = rule.get(field, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"rule {n}: {field} must be a list of strings")
    return [v.strip() for v in value if v.strip()]


# -- lifecycle ---------------------------------------------------------------------------------


def new_lifecycle_rule(rule_id: str = "", prefix: str = "") -> LifecycleRule:
    return {
        "id": rule_id,
        "enabled": True,
        "prefix": prefix,
        "expireDays": None,
        "expireDate": None,
        "abortMultipartDays": None,
        "transitionDays": None,
    }


def _positive(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def lifecycle_problems(rules: list[LifecycleRule]) -> list[str]:
    """Every mistake in ``rules``, each naming its rule; [] when they can be saved."""
    out: list[str] = []
    if len(rules) > MAX_LIFECYCLE_RULES:
        out.append(f"at most {MAX_LIFECYCLE_RULES} lifecycle rules, not {len(rules)}")
    seen: set[str] = set()
    for n, rule in enumerate(rules, 1):
        name = f"rule {n} ({rule['id']})" if rule["id"] else f"rule {n}"
        if not rule["id"] or len(rule["id"]) > 255:
            out.append(f"{name}: give it a name of 1 to 255 characters")
        elif rule["id"] in seen:
            out.append(f"{name}: another rule has the same name")
        seen.add(rule["id"])
        actions = ("expireDays", "expireDate", "abortMultipartDays", "transitionDays")
        if all(rule[a] is None for a in actions):  # type: ignore[literal-required]
            out.append(f"{name}: choose at least one action")
        for field, label in (
            ("expireDays", "delete after"),
            ("abortMultipartDays", "abort unfinished uploads after"),
            ("transitionDays", "move to Infrequent Access after"),
        ):
            value = rule[field]  # type: ignore[literal-required]
            if value is not None and not _positive(value):
                out.append(f"{name}: {label} must be a whole number of days, 1 or more")
        if rule["expireDays"] is not None and rule["expireDate"] is not None:
            out.append(f"{name}: delete after N days or on a date, not both")
        if rule["expireDate"] is not None:
            try:
                _dt.date.fromisoformat(rule["expireDate"])
            except (TypeError, ValueError):
                out.append(f"{name}: the date must be YYYY-MM-DD, not {rule['expireDate']!r}")
        t, e = rule["transitionDays"], rule["expireDays"]
        if _positive(t) and _positive(e) and t is not None and e is not None and t >= e:
            out.append(f"{name}: move to Infrequent Access before deleting (days {t} ≥ {e})")
    return out


def lifecycle_to_s3(rules: list[LifecycleRule]) -> dict[str, Any]:
    """The ``LifecycleConfiguration`` parameter of PutBucketLifecycleConfiguration."""
    out: list[dict[str, Any]] = []
    for rule in rules:
        item: dict[str, Any] = {
            "ID": rule["id"],
            "Status": "Enabled" if rule["enabled"] else "Disabled",
            "Filter": {"Prefix": rule["prefix"]},
        }
        if rule["expireDays"] is not None:
            item["Expiration"] = {"Days": rule["expireDays"]}
        elif rule["expireDate"] is not None:
            day = _dt.date.fromisoformat(rule["expireDate"])
            item["Expiration"] = {
                "Date": _dt.datetime(day.year, day.month, day.day, tzinfo=_dt.UTC)
            }
        if rule["abortMultipartDays"] is not None:
            item["AbortIncompleteMultipartUpload"] = {
                "DaysAfterInitiation": rule["abortMultipartDays"]
            }
        if rule["transitionDays"] is not None:
            item["Transitions"] = [{"Days": rule["transitionDays"], "StorageClass": "STANDARD_IA"}]
        out.append(item)
    return {"Rules": out}


def lifecycle_from_s3(rules: list[Any]) -> list[LifecycleRule]:
    out: list[LifecycleRule] = []
    for r in rules:
        flt = r.get("Filter") or {}
        prefix = flt.get("Prefix", (flt.get("And") or {}).get("Prefix", r.get("Prefix", "")))
        rule = new_lifecycle_rule(str(r.get("ID", "")), str(prefix or ""))
        rule["enabled"] = r.get("Status", "Enabled") == "Enabled"
        exp = r.get("Expiration") or {}
        if "Days" in exp:
            rule["expireDays"] = int(exp["Days"])
        elif "Date" in exp:
            when = exp["Date"]
            rule["expireDate"] = (
                when.date().isoformat() if isinstance(when, _dt.datetime) else str(when)[:10]
            )
        abort = r.get("AbortIncompleteMultipartUpload") or {}
        if "DaysAfterInitiation" in abort:
            rule["abortMultipartDays"] = int(abort["DaysAfterInitiation"])
        for t in r.get("Transitions") or []:
            if "Days" in t:
                rule["transitionDays"] = int(t["Days"])
        out.append(rule)
    return out


def lifecycle_from_json(data: object) -> list[LifecycleRule]:
    """Rules from JSON: our form (a list), or S3's (``{"Rules": [...]}`` with ``ID``, ...)."""
    if isinstance(data, dict) and "Rules" in data:
        data = data["Rules"]
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise ValueError("lifecycle rules must be a JSON list of rule objects")
    if data and ("ID" in data[0] or "Status" in data[0]):
        return lifecycle_from_s3(data)
    out: list[LifecycleRule] = []
    for r in data:
        rule = new_lifecycle_rule(str(r.get("id", "")), str(r.get("prefix", "")))
        rule["enabled"] = bool(r.get("enabled", True))
        for field in ("expireDays", "expireDate", "abortMultipartDays", "transitionDays"):
            if r.get(field) is not None:
                rule[field] = r[field]
        out.append(rule)
    return out


def abort_days_for(rules: list[LifecycleRule], key: str, *, r2: bool) -> int | None:
    """After how many days the server aborts an unfinished upload of ``key``: the shortest
    enabled rule whose prefix holds it, else R2's default (7 days), else None (never)."""
    days = [
        r["abortMultipartDays"]
        for r in rules
        if r["enabled"] and r["abortMultipartDays"] is not None and key.startswith(r["prefix"])
    ]
    if days:
        return min(days)
    return R2_DEFAULT_ABORT_DAYS if r2 else None


# -- the exact XML -------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _s3_model() -> Any:
    import botocore.session

    return botocore.session.get_session().get_service_model("s3")


def request_xml(operation: str, params: dict[str, Any], *, pretty: bool = True) -> str:
    """The body botocore sends for ``operation`` with ``params`` (indented for reading)."""
    from botocore import serialize

    model = _s3_model().operation_model(operation)
    body = serialize.create_serializer("rest-xml").serialize_to_request(params, model)["body"]
    text = body.decode("utf-8") if isinstance(body, bytes) else str(body)
    if not pretty or not text:
        return text
    return minidom.parseString(text).toprettyxml(indent="  ").split("\n", 1)[1].strip()


def cors_xml(rules: list[CorsRule], bucket: str = "bucket") -> str:
    return request_xml("PutBucketCors", {"Bucket": bucket, "CORSConfiguration": cors_to_s3(rules)})


def lifecycle_xml(rules: list[LifecycleRule], bucket: str = "bucket") -> str:
    return request_xml(
        "PutBucketLifecycleConfiguration",
        {"Bucket": bucket, "LifecycleConfiguration": lifecycle_to_s3(rules)},
    )
