"""Package names loaded on first use (PEP 562), so importing a package (the desktop app's first
window, ``r2desk --version``) does not import botocore behind the names it re-exports."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from importlib import import_module


def lazy_exports(package: str, exports: Mapping[str, str]) -> Callable[[str], object]:
    """The module ``__getattr__`` of ``package``: each name in ``exports`` (name -> module) is
    imported from its module when first asked for and kept in the package, so it is looked up
    once."""
    namespace = sys.modules[package].__dict__

    def __getattr__(name: str) -> object:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(module), name)
        namespace[name] = value
        return value

    return __getattr__
