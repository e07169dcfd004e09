"""The object browser's pieces: the listing model and view, preview, path bar, dialogs."""
