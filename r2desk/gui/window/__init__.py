"""The main window and its components, which share one ``WindowState``."""
