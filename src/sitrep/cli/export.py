"""`sitrep export`: the stored events as PLOVER JSON Lines, ACLED-style CSV, GeoJSON, GraphML or Parquet."""
from __future__ import annotations

from enum import Enum

import typer

from sitrep.cli.app import Options, app, console, open_store
from sitrep.exports import export as write_export

# What the number an export returns counts, per format.
COUNTED = {
    "plover": "events", "acled": "events", "geojson": "located events",
    "graphml": "edges (events between two actors)", "parquet": "rows (all tables)",
}


class ExportFormat(str, Enum):
    plover = "plover"
    acled = "acled"
    geojson = "geojson"
    graphml = "graphml"
    parquet = "parquet"


@app.command()
def export(
    fmt: ExportFormat = typer.Option(..., "--format", "-f", help="Output format."),
    output: str = typer.Option(..., "--output", "-o", help="Output file (a folder for parquet: one file per table)."),
) -> None:
    """Export the store: plover (JSON Lines), acled (CSV), geojson, graphml (Gephi) or parquet (folder)."""
    with open_store() as store:
        count = write_export(store, fmt.value, output)
    if not Options.quiet:
        console.print(f"{count} {COUNTED[fmt.value]} written to {output}", highlight=False)
