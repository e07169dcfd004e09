"""``python -m r2desk``: the same as the ``r2desk`` command."""

from r2desk.cli.main import run

run()
