"""``r2desk``'s command line: the desktop app by default, and scripting subcommands on the same
element API. The entry point is :func:`r2desk.cli.main.main`; ``python -m r2desk.cli`` runs it.
"""
