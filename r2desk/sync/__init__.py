"""Sync, compare and migrate: sorted streams of both sides merged in one pass (bounded memory),
a plan of what differs, and its execution through the transfer engine."""
