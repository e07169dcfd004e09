"""The connection form's model: field rules in words, R2 endpoints both ways."""

from __future__ import annotations

import pytest
from support.connections import ACCOUNT, R2_URL, SECRET, r2_conn

from r2desk.elements.connection import Connection, element_name_problem, parse_r2_endpoint

# -- validation -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["", "My R2", "a.b", "../x", "x/y", "con", "COM0", "lpt9", "1abc", "-x", "x" * 65]
)
def test_bad_element_names(name: str) -> None:
    assert element_name_problem(name)


@pytest.mark.parametrize("name", ["MyR2", "my_r2", "_x", "Backups-2024", "a"])
def test_good_element_names(name: str) -> None:
    assert element_name_problem(name) is None


def test_form_problems_in_words() -> None:
    conn = r2_conn(
        name="bad name", accountId="xyz", bucketName="Bad_Bucket", accessKeyId="short", region="a b"
    )
    problems = conn.problems(secret="has space")
    assert set(problems) == {"name", "accountId", "bucketName", "accessKeyId", "region", "secret"}
    assert "32 hexadecimal" in problems["accountId"]
    assert "32 characters" in problems["accessKeyId"] and "has 5" in problems["accessKeyId"]
    assert "lowercase" in problems["bucketName"]
    assert r2_conn().problems(SECRET) == {}


def test_paste_mistakes_are_named() -> None:
    conn = r2_conn()
    assert "API token" in conn.problems("Zx_" * 13 + "q")["secret"]
    assert "64 characters" in conn.problems("ab" * 10)["secret"]
    assert "not the endpoint URL" in r2_conn(accountId=R2_URL).problems()["accountId"]
    assert "no dots" in r2_conn(bucketName="a.b.c").problems()["bucketName"]
    assert "http" in r2_conn(publicBaseUrl="files.example.com").problems()["publicBaseUrl"]


def test_custom_endpoint_has_no_r2_length_rules() -> None:
    conn = Connection(
        name="Local", endPoint="http://127.0.0.1:9000", bucketName="b.with.dots", accessKeyId="ak"
    )
    assert conn.problems("short") == {}
    assert "must be a host name" in Connection(endPoint="ftp:/x").problems()["endPoint"]


def test_r2_endpoint_round_trip() -> None:
    assert parse_r2_endpoint(f"{ACCOUNT}.eu.r2.cloudflarestorage.com") == (ACCOUNT, "eu")
    assert parse_r2_endpoint(R2_URL) == (ACCOUNT, "")
    assert parse_r2_endpoint("http://127.0.0.1:9000") is None
    conn = r2_conn(jurisdiction="fedramp")
    assert conn.endpoint_url == f"https://{ACCOUNT}.fedramp.r2.cloudflarestorage.com"
