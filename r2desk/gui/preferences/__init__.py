"""The Preferences dialog (Edit → Preferences…) and how its choices reach the running app."""
