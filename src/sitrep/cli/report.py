"""`sitrep report`: the corpus as one self-contained HTML file that opens offline."""
from __future__ import annotations

from pathlib import Path

import typer

from sitrep.cli.app import Options, app, console, open_store
from sitrep.web.report import write_report


@app.command()
def report(
    output: Path = typer.Option(Path("report.html"), "--output", "-o", help="HTML file to write."),
) -> None:
    """Write an HTML report of the store: map, timeline, stories, key events, claims in conflict."""
    with open_store() as store:
        path = write_report(store, output)
    if not Options.quiet:
        console.print(f"report written to {path}")
