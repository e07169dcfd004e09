"""The sync dialog, its diff tree and the saved pairs (over the Qt-free ``r2desk.sync``)."""
