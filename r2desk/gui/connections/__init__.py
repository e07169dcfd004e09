"""The connection editor: the form, the dialog around it, and the keyring offer."""
