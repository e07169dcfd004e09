"""``python -m r2desk``: the same as the ``r2desk`` command."""

import sys

from r2desk.cli.main import main

sys.exit(main())
