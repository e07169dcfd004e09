"""Entry script for the frozen app: PyInstaller needs a file, not a ``module:function``."""

import sys

from r2desk.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
