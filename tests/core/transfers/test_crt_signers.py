"""r2desk with awscrt installed (boto3[crt], or r2desk's own checksums): botocore then signs
with awscrt's SigV4 signers, which read a request body through ``readinto``, unless
``BOTO_DISABLE_CRT`` says otherwise at botocore's import. Each case runs in a fresh process,
because that choice is made once per process (the suite itself runs with it disabled).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from support.elements import write_element
from support.servers import MotoHandle
from support.transfers import MiB, make_file, md5_file

TESTS = Path(__file__).resolve().parents[2]

#: boto3 imported first, as a host application may: r2desk's default cannot apply then.
CHILD = """
import sys
{first}
from r2desk import App

el = App(sys.argv[1]).getElement("storages.MyR2")
el.state_dir = sys.argv[2]
el.uploadFromPath("crt/big.bin", sys.argv[3])
el.uploadFromPath("crt/small.bin", sys.argv[4])
el.downloadToPath("crt/big.bin", sys.argv[5])
import botocore.compat
print("crt signers" if botocore.compat.HAS_CRT else "botocore signers")
"""


@pytest.mark.parametrize(
    ("setting", "first", "signers"),
    [
        (None, "", "botocore signers"),  # r2desk's default, imported before botocore
        ("false", "import boto3", "crt signers"),  # the user's choice: awscrt's signers
    ],
)
def test_multipart_transfers_work_whichever_signers_botocore_uses(
    tmp_path: Path,
    moto_server: MotoHandle,
    moto_bucket: str,
    setting: str | None,
    first: str,
    signers: str,
) -> None:
    pytest.importorskip("awscrt")
    write_element(tmp_path / "app", moto_server.s3, moto_bucket)
    big = make_file(tmp_path / "big.bin", 17 * MiB)  # over the single-PUT limit: parts
    small = make_file(tmp_path / "small.bin", 300_000)
    out = tmp_path / "out.bin"
    env = {k: v for k, v in os.environ.items() if k != "BOTO_DISABLE_CRT"}
    env["PYTHONPATH"] = str(TESTS.parent)
    if setting is not None:
        env["BOTO_DISABLE_CRT"] = setting
    done = subprocess.run(
        [sys.executable, "-c", CHILD.format(first=first)]
        + [str(p) for p in (tmp_path / "app", tmp_path / "state", big, small, out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.split("\n")[-2] == signers
    assert md5_file(out) == md5_file(big)
