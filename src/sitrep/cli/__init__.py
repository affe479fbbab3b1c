"""`sitrep` command line. Importing the command modules registers their commands on `app`."""
from sitrep.cli import documents  # noqa: F401  (registers run, docs, doc)
from sitrep.cli.app import app

__all__ = ["app"]
