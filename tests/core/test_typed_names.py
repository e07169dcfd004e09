"""The rule for names typed into Rename and New folder (r2desk.keys.typed_name_problem)."""

from __future__ import annotations

import pytest

from r2desk.keys import typed_name_problem


@pytest.mark.parametrize(
    "name",
    ["report.txt", "sub/report.txt", "folder/", "ünï cødé 日本.txt", "a..b", "...", ".hidden"],
)
def test_ordinary_names_pass(name: str) -> None:
    assert typed_name_problem(name, "docs/") is None


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("../escape.txt", "'..'"),
        ("a/../b", "'..'"),
        ("./x", "'.'"),
        ("/abs.txt", "start with '/'"),
        ("a//b", "empty part"),
        ("a/b//", "empty part"),
        ("tab\there", "control character (U+0009)"),
        ("new\nline", "control character (U+000A)"),
        ("del\x7f", "control character (U+007F)"),
        ("", "empty"),
        ("   ", "empty"),
    ],
)
def test_refused_names_say_why(name: str, words: str) -> None:
    problem = typed_name_problem(name, "docs/")
    assert problem is not None and words in problem


def test_the_whole_key_obeys_the_key_rule() -> None:
    prefix = "p/" * 100
    assert typed_name_problem("x" * (1024 - 200), prefix) is None
    problem = typed_name_problem("x" * (1025 - 200), prefix)
    assert problem is not None and "1025 bytes" in problem
