"""Awkward object keys every path must carry unchanged (shared by the element and listing tests)."""

from __future__ import annotations

# Exactly 1024 UTF-8 bytes as a deep path (SeaweedFS's filer caps one path segment at 255 bytes,
# R2 does not), and as one long segment, which only moto can store.
KEY_1024 = "k/" + ("é" * 100 + "/") * 4 + "x" * 218
KEY_1024_FLAT = "k/" + "é" * 500 + "x" * 22
assert len(KEY_1024.encode()) == len(KEY_1024_FLAT.encode()) == 1024

HOSTILE_KEYS = [
    "with space.txt",
    "plus+sign.txt",
    "100%.txt",
    "percent%20literal.txt",
    "hash#tag.txt",
    "what?.txt",
    "amp&eq=.txt",
    "ünïcødé/日本語 ファイル.txt",
    "emoji/🦄.bin",
    "double//slash.txt",
    "trailing space .txt",
    "semi;colon,comma'quote\".txt",
    KEY_1024,
]

#: Keys that look like HTML: shown anywhere in the GUI, they must read exactly as written.
RICH_TEXT_KEYS = [
    "<h1>big</h1>.txt",
    "<b>bold/<i>inside.txt",  # a folder named like markup (a closing tag holds a "/")
    "a&amp;b &lt;tag&gt;.txt",
    '<a href="https://example.invalid/">click</a>.txt',
]
