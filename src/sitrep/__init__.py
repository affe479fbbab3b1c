"""sitrep."""
