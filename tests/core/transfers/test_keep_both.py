"""The "keep both" name of a download that would replace a file."""

from __future__ import annotations

from pathlib import Path

from r2desk.transfers.localpaths import keep_both_name


def test_keep_both_names_skip_existing_and_promised(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_bytes(b"")
    (tmp_path / "report (2).txt").write_bytes(b"")
    promised = [str(tmp_path / "report (3).txt")]
    assert keep_both_name(tmp_path / "report.txt", promised) == str(tmp_path / "report (4).txt")
    assert keep_both_name(tmp_path / "Makefile") == str(tmp_path / "Makefile (2)")
    assert keep_both_name(tmp_path / ".bashrc") == str(tmp_path / ".bashrc (2)")
