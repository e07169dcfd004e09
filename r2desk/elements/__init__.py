"""Element runtime: app folders, element discovery and Type resolution."""

from r2desk.elements.app import App, ElementInfo

__all__ = ["App", "ElementInfo"]
