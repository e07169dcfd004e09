"""Searching a whole bucket from the window."""
