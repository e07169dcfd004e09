"""Element runtime: app folders, element discovery and Type resolution (``app``); the connection
form's model (``connection``), the only writer of element folders (``store``) and the
connection check (``probe``)."""

from r2desk.elements.app import App, ElementInfo

__all__ = ["App", "ElementInfo"]
