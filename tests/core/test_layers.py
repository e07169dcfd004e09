"""The rules of the house, checked on the source: every arrow points down.

Read from the code's own import statements (function-level and TYPE_CHECKING imports included,
since a lazy import is an arrow too), so a change that breaks a layer fails here, not in a
review.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "r2desk"
QT = ("PySide6", "shiboken6")
#: Modules that import nothing of r2desk: everything may stand on them.
LEAVES = {"r2desk.errors", "r2desk.keys", "r2desk.results"}


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


MODULES = _modules()


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports (a ``from pkg import name`` counts as ``pkg.name`` when
    that is a module of ours, else as ``pkg``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    here = _module_name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if candidate in MODULES else base)
    return found


IMPORTS = {name: _imports(path) for name, path in MODULES.items()}


def _is_in(name: str, room: str) -> bool:
    return name == room or name.startswith(room + ".")


def _core(name: str) -> bool:
    # ``python -m r2desk`` (r2desk/__main__.py) is an entry point, a face like the CLI.
    if name == "r2desk.__main__":
        return False
    return not (_is_in(name, "r2desk.gui") or _is_in(name, "r2desk.cli"))


def _offences(room_test: object, forbidden: object) -> list[str]:
    assert callable(room_test) and callable(forbidden)
    return sorted(
        f"{mod} imports {imp}"
        for mod, imps in IMPORTS.items()
        if room_test(mod)
        for imp in imps
        if forbidden(imp)
    )


def test_the_package_is_found() -> None:
    assert "r2desk.storages.r2" in MODULES and "r2desk.errors" in MODULES
    assert "r2desk.errors" in IMPORTS["r2desk.storages.meta"]


def test_only_gui_imports_qt() -> None:
    assert _offences(lambda m: not _is_in(m, "r2desk.gui"), lambda i: i.split(".")[0] in QT) == []


def test_core_never_imports_the_faces() -> None:
    assert _offences(_core, lambda i: _is_in(i, "r2desk.gui") or _is_in(i, "r2desk.cli")) == []


def test_the_cli_does_not_reach_into_widgets() -> None:
    """The CLI may start the GUI (``r2desk`` with no command) through its entry point only."""
    allowed = {"r2desk.gui.app", "r2desk.gui.selftest"}
    assert (
        _offences(
            lambda m: _is_in(m, "r2desk.cli"),
            lambda i: _is_in(i, "r2desk.gui") and i not in allowed,
        )
        == []
    )


@pytest.mark.parametrize(
    ("room", "forbidden"),
    [
        ("r2desk.transfers", ("r2desk.storages", "r2desk.elements", "r2desk.ops")),
        ("r2desk.s3", ("r2desk.storages", "r2desk.elements", "r2desk.transfers")),
        ("r2desk.storages", ("r2desk.elements", "r2desk.ops")),
    ],
)
def test_lower_rooms_do_not_know_higher_ones(room: str, forbidden: tuple[str, ...]) -> None:
    assert (
        _offences(lambda m: _is_in(m, room), lambda i: any(_is_in(i, f) for f in forbidden)) == []
    )


def test_s3_stands_only_on_the_leaves() -> None:
    assert (
        _offences(
            lambda m: _is_in(m, "r2desk.s3"),
            lambda i: _is_in(i, "r2desk") and not _is_in(i, "r2desk.s3") and i not in LEAVES,
        )
        == []
    )


def test_leaves_import_nothing_of_ours() -> None:
    assert _offences(lambda m: m in LEAVES, lambda i: _is_in(i, "r2desk")) == []


def test_no_import_circles() -> None:
    """Depth-first search over module imports; the package ``r2desk`` itself (which re-exports
    App and the Types for scripts) is left out, as importing any submodule runs it first."""
    graph = {
        m: {i for i in imps if i in MODULES and i != "r2desk" and i != m}
        for m, imps in IMPORTS.items()
        if m != "r2desk"
    }
    state: dict[str, int] = {}
    circles: list[str] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                circles.append(" -> ".join([*trail[trail.index(nxt) :], nxt]))
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])
    assert circles == []
