"""`sitrep` command line. Importing the command modules registers their commands on `app`."""
from sitrep.cli import (
    corpus,  # noqa: F401  (registers stories, story, claims)
    documents,  # noqa: F401  (registers run, docs, doc)
    events,  # noqa: F401  (registers events)
    export,  # noqa: F401  (registers export)
    report,  # noqa: F401  (registers report)
    serve,  # noqa: F401  (registers serve)
)
from sitrep.cli.app import app

__all__ = ["app"]
