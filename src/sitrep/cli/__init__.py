"""`sitrep` command line. Importing the command modules registers their commands on `app`."""
from sitrep.cli import documents  # noqa: F401  (registers run, docs, doc)
from sitrep.cli import events  # noqa: F401  (registers events)
from sitrep.cli import export  # noqa: F401  (registers export)
from sitrep.cli import serve  # noqa: F401  (registers serve)
from sitrep.cli import report  # noqa: F401  (registers report)
from sitrep.cli import corpus  # noqa: F401  (registers stories, story, claims)
from sitrep.cli.app import app

__all__ = ["app"]
