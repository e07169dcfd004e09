"""Build hook: the wheel carries compiled translations (.qm), built from the .ts sources.

Everything else about the package is in pyproject.toml; this only runs
``packaging/build_translations.py``'s compile step into the build folder (PySide6, a build
requirement, ships ``lrelease``).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class build_py_with_translations(build_py):
    def run(self) -> None:
        super().run()
        spec = importlib.util.spec_from_file_location(
            "build_translations", HERE / "packaging" / "build_translations.py"
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        out = Path(self.build_lib) / "r2desk" / "resources" / "i18n"
        module.compile_translations(out)


setup(cmdclass={"build_py": build_py_with_translations})
