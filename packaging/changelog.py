"""CHANGELOG.md (Keep a Changelog) as the other formats that carry release notes.

    python packaging/changelog.py appstream   # the <releases> element for the metainfo
    python packaging/changelog.py debian      # debian/changelog text for the .deb
    python packaging/changelog.py check       # the committed metainfo matches CHANGELOG.md

Only released versions (``## [x.y.z] - YYYY-MM-DD``) are taken; ``[Unreleased]`` is not.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
CHANGELOG = ROOT / "CHANGELOG.md"
METAINFO = ROOT / "resources" / "linux" / "io.github.r2desk.r2desk.metainfo.xml"
HEADING = re.compile(r"^## \[(?P<version>[^\]]+)\](?: - (?P<date>\d{4}-\d{2}-\d{2}))?\s*$")


@dataclass
class Release:
    version: str
    date: str
    #: (section, item text) in file order: "Added", "Changed", "Fixed", ...
    items: list[tuple[str, str]] = field(default_factory=list)


def _plain(text: str) -> str:
    """Markdown item text as plain words: `code` and [links](...) keep their words."""
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    return text.replace("`", "")


def releases(path: Path = CHANGELOG) -> list[Release]:
    """The released versions, newest first, with their items (continuation lines joined)."""
    found: list[Release] = []
    current: Release | None = None
    section = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        heading = HEADING.match(line)
        if heading:
            current = None
            if heading["date"]:
                current = Release(heading["version"], heading["date"])
                found.append(current)
            continue
        if current is None:
            continue
        if line.startswith("### "):
            section = line[4:].strip()
        elif line.startswith("- "):
            current.items.append((section, line[2:].strip()))
        elif line.startswith("  ") and current.items and line.strip():
            sec, text = current.items[-1]
            current.items[-1] = (sec, f"{text} {line.strip()}")
    return found


def appstream(rels: list[Release]) -> str:
    """The ``<releases>`` element, indented as in the metainfo file."""
    out = ["  <releases>"]
    for rel in rels:
        out.append(f'    <release version="{rel.version}" date="{rel.date}">')
        out.append("      <description>")
        out.append("        <ul>")
        for _section, text in rel.items:
            out.append(f"          <li>{escape(_plain(text))}</li>")
        out.append("        </ul>")
        out.append("      </description>")
        out.append("    </release>")
    out.append("  </releases>")
    return "\n".join(out)


def debian(rels: list[Release], maintainer: str, revision: str = "1") -> str:
    """debian/changelog entries (dpkg-parsechangelog's format), newest first."""
    blocks = []
    for rel in rels:
        when = datetime.strptime(rel.date, "%Y-%m-%d").replace(hour=12, tzinfo=UTC)
        lines = [f"r2desk ({rel.version}-{revision}) stable; urgency=medium", ""]
        for section, text in rel.items:
            lines.append(f"  * {section}: {_plain(text)}" if section else f"  * {_plain(text)}")
        lines += ["", f" -- {maintainer}  {when.strftime('%a, %d %b %Y %H:%M:%S %z')}"]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def with_releases(metainfo: str, rels: list[Release]) -> str:
    """The metainfo text with its ``<releases>`` element replaced by the changelog's."""
    new, count = re.subn(
        r"  <releases>.*?</releases>", lambda _m: appstream(rels), metainfo, flags=re.S
    )
    if count != 1:
        raise SystemExit(f"{METAINFO.name}: expected one <releases> element")
    return new


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("format", choices=["appstream", "debian", "check", "write-metainfo"])
    parser.add_argument("--maintainer", default="r2desk developers <maintainers@r2desk.invalid>")
    args = parser.parse_args()
    rels = releases()
    if args.format == "appstream":
        print(appstream(rels))
    elif args.format == "debian":
        sys.stdout.write(debian(rels, args.maintainer))
    else:
        text = METAINFO.read_text(encoding="utf-8")
        wanted = with_releases(text, rels)
        if args.format == "write-metainfo":
            METAINFO.write_text(wanted, encoding="utf-8")
        elif wanted != text:
            print(
                f"{METAINFO}: <releases> differs from CHANGELOG.md; run "
                "python packaging/changelog.py write-metainfo",
                file=sys.stderr,
            )
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
