"""The element runtime: an app folder of element folders, resolved into ready storage instances.

``App(root).getElement("storages.MyR2")`` reads ``storages/MyR2/e.json`` and ``MyR2.json``,
resolves the Type named in ``e.json`` (the app's own Type elements first, then the built-ins),
and builds the instance once. Nothing here touches the network or the keyring: the instance
connects lazily on its first call.
"""

from __future__ import annotations

import hashlib
import importlib.util
import inspect
import re
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from r2desk.credentials import CredentialStore
from r2desk.errors import StorageError
from r2desk.storages.config import ConfigProblem, StorageConfig, read_json

if TYPE_CHECKING:
    from r2desk.storages.meta import Meta

META_TYPE = "storages.Meta"
ELEMENT_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]{0,63}$")


@dataclass(frozen=True)
class ElementInfo:
    """What ``e.json`` says about one element, read without building it."""

    name: str  # fully qualified, e.g. "storages.MyR2"
    title: str
    type: str
    path: Path
    is_type: bool

    @property
    def short_name(self) -> str:
        return self.name.split(".", 1)[1]

    @property
    def config_path(self) -> Path:
        return self.path / f"{self.short_name}.json"


def _config_error(name: str, path: Path, problem: str, field: str = "") -> StorageError:
    where = f"file {path}" + (f", field {field!r}" if field and field != "(file)" else "")
    return StorageError(
        "invalid_config", operation="getElement", element=name, detail=f"{where}: {problem}"
    )


class App:
    """An app folder holding element folders (``<root>/storages/<Name>/e.json``)."""

    def __init__(self, root: str | Path, *, credentials: CredentialStore | None = None) -> None:
        self.root = Path(root).expanduser()
        self.credentials = credentials if credentials is not None else CredentialStore()
        self._lock = threading.RLock()
        self._instances: dict[str, Meta] = {}
        self._app_types: dict[str, type[Meta]] = {}

    def __repr__(self) -> str:
        return f"<App {self.root}>"

    # -- discovery -------------------------------------------------------------------------------

    def _read_info(self, folder: str, path: Path) -> ElementInfo:
        name = f"{folder}.{path.name}"
        e_json = path / "e.json"
        try:
            data = read_json(e_json)
        except ConfigProblem as exc:
            raise _config_error(name, e_json, exc.problem) from None
        if not isinstance(data, dict):
            raise _config_error(name, e_json, "must be a JSON object")
        type_name = data.get("type")
        if not isinstance(type_name, str) or not type_name:
            raise _config_error(name, e_json, "is required", "type")
        title = data.get("title", "")
        if not isinstance(title, str):
            raise _config_error(name, e_json, "must be a string", "title")
        entry = data.get("backendBundleEntry", ".")
        if entry != ".":
            raise _config_error(name, e_json, 'must be "."', "backendBundleEntry")
        variables = data.get("variables", [])
        if not isinstance(variables, list):
            raise _config_error(name, e_json, "must be an array", "variables")
        return ElementInfo(name, title or path.name, type_name, path, type_name == META_TYPE)

    def listElements(self, folder: str = "storages", *, types: bool = False) -> list[ElementInfo]:
        """The instance elements of a folder (or its Type elements), sorted by name.

        An element folder with a broken ``e.json`` is listed with type ``""`` so a GUI can show
        it and its error instead of hiding it.
        """
        base = self.root / folder
        if not base.is_dir():
            return []
        out: list[ElementInfo] = []
        for path in sorted(base.iterdir()):
            # Dot folders are the editor's staging and trash areas, never live elements.
            if path.name.startswith(".") or not path.is_dir() or not (path / "e.json").exists():
                continue
            try:
                info = self._read_info(folder, path)
            except StorageError:
                info = ElementInfo(f"{folder}.{path.name}", path.name, "", path, False)
            if info.is_type == types:
                out.append(info)
        return out

    # -- types ---------------------------------------------------------------------------------

    def resolveType(self, type_name: str, for_element: str = "") -> type[Meta]:
        """The class for a Type name: an app Type element overrides a built-in of that name."""
        folder, _, short = type_name.partition(".")
        path = self.root / folder / short
        if short and (path / "e.json").exists():
            info = self._read_info(folder, path)
            if info.is_type:
                return self._load_app_type(info)
        # Here, not at the top: listing an app folder (the desktop app's sidebar) needs no Type,
        # and the Types bring the wire layer and botocore.
        from r2desk.storages.builtin_types import BUILTIN_TYPES

        if type_name in BUILTIN_TYPES:
            return BUILTIN_TYPES[type_name]
        raise StorageError(
            "invalid_config",
            operation="getElement",
            element=for_element,
            detail=f"unknown type {type_name!r}: no built-in Type and no Type element at {path}",
        )

    def _load_app_type(self, info: ElementInfo) -> type[Meta]:
        from r2desk.storages.meta import Meta

        with self._lock:
            if info.name in self._app_types:
                return self._app_types[info.name]
            module = self._import_bundle(info)
            cls = getattr(module, info.short_name, None)
            if not (inspect.isclass(cls) and issubclass(cls, Meta)):
                found = [
                    obj
                    for obj in vars(module).values()
                    if inspect.isclass(obj)
                    and issubclass(obj, Meta)
                    and obj.__module__ == module.__name__
                ]
                if len(found) != 1:
                    raise _config_error(
                        info.name,
                        info.path,
                        f"its code must define a class {info.short_name!r} extending a "
                        "built-in storage Type",
                    )
                cls = found[0]
            if "TYPE_NAME" not in vars(cls):
                cls.TYPE_NAME = info.name
            if inspect.isabstract(cls):
                missing = ", ".join(sorted(cls.__abstractmethods__))
                raise _config_error(
                    info.name, info.path, f"its class leaves methods unimplemented: {missing}"
                )
            self._app_types[info.name] = cls
            return cls

    def _import_bundle(self, info: ElementInfo) -> ModuleType:
        """Import the Type element's folder as a package (``backendBundleEntry`` ".")."""
        init = info.path / "__init__.py"
        if not init.exists():
            init = info.path / f"{info.short_name}.py"
        if not init.exists():
            raise _config_error(
                info.name, info.path, f"has no __init__.py or {info.short_name}.py with its code"
            )
        tag = hashlib.sha1(str(self.root.resolve()).encode(), usedforsecurity=False).hexdigest()
        mod_name = f"_r2desk_app_{tag[:10]}.{info.name.replace('.', '_')}"
        spec = importlib.util.spec_from_file_location(
            mod_name, init, submodule_search_locations=[str(info.path)]
        )
        if spec is None or spec.loader is None:
            raise _config_error(info.name, init, "cannot be imported")
        module = importlib.util.module_from_spec(spec)
        sys.modules[mod_name] = module
        try:
            spec.loader.exec_module(module)
        except Exception as exc:
            sys.modules.pop(mod_name, None)
            raise StorageError(
                "invalid_config",
                operation="getElement",
                element=info.name,
                detail=f"file {init}: its code failed to load ({type(exc).__name__}: {exc})",
                cause=exc,
            ) from exc
        return module

    # -- instances -------------------------------------------------------------------------------

    def getElement(self, name: str) -> Meta:
        """The ready instance for ``"<folder>.<Element>"``, built once and cached."""
        with self._lock:
            if name in self._instances:
                return self._instances[name]
            instance = self._build(name)
            self._instances[name] = instance
            return instance

    def _build(self, name: str) -> Meta:
        folder, _, short = str(name).partition(".")
        if not folder or not short or not ELEMENT_NAME_RE.match(short) or "." in short:
            raise StorageError(
                "invalid_argument",
                operation="getElement",
                element=str(name),
                detail="an element name looks like 'storages.MyR2'",
            )
        path = self.root / folder / short
        if not (path / "e.json").exists():
            raise StorageError(
                "unknown_element",
                operation="getElement",
                element=name,
                detail=f"no element folder with an e.json at {path}",
            )
        info = self._read_info(folder, path)
        if info.is_type:
            raise _config_error(
                name, path / "e.json", "this is a Type element; instances name it in 'type'"
            )
        cls = self.resolveType(info.type, name)
        raw = read_json(path / "e.json")
        try:
            config = StorageConfig.from_dict(read_json(info.config_path))
        except ConfigProblem as exc:
            raise _config_error(name, info.config_path, exc.problem, exc.field) from None
        return cls(
            name,
            config,
            title=info.title,
            path=path,
            config_path=info.config_path,
            credentials=self.credentials,
            variables=raw.get("variables", []),
        )

    def forget(self, name: str | None = None) -> None:
        """Drop cached instances (one, or all) so the next getElement re-reads the files."""
        with self._lock:
            if name is None:
                self._instances.clear()
                self._app_types.clear()
            else:
                self._instances.pop(name, None)

    def elementInfo(self, name: str) -> ElementInfo:
        folder, _, short = name.partition(".")
        return self._read_info(folder, self.root / folder / short)
