"""Buckets of a connection: the sidebar branch; create, settings, unfinished-uploads dialogs."""
