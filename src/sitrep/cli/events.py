"""Event commands: `sitrep events` lists stored events with filters, as a table, JSON or CSV."""
from __future__ import annotations

import sys
from enum import Enum

import typer
from rich.table import Table

from sitrep.cli.app import app, console, errors, open_store, plain, print_json
from sitrep.exports.rows import date_span, event_row
from sitrep.exports.writers import write_event_csv
from sitrep.store.queries import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    NO_AUX_MODE,
    QueryError,
    list_events,
)

TABLE_TEXT_CHARS = 40
# Below this terminal width the sentence column is left out so the coded fields stay readable.
TABLE_TEXT_MIN_WIDTH = 140
# Query parameter -> the option that sets it, for error messages.
OPTION_OF = {"event_type": "--type", "date_from": "--from", "date_to": "--to", "aux_mode": "--aux-mode",
             "min_confidence": "--min-confidence", "doc_id": "--doc"}
TABLE_COLUMNS = ("date", "event", "mode", "actor", "recipient", "place", "aux_mode", "confidence", "outlet")
NO_WRAP_COLUMNS = frozenset({"date", "event", "confidence"})
HEADERS = {"confidence": "conf", "recipient": "target"}


class EventFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def _table(items: list[dict], total: int, offset: int) -> Table:
    table = Table(caption=f"{len(items)} of {total} events (from {offset})")
    for name in TABLE_COLUMNS:
        header = HEADERS.get(name, name)
        table.add_column(header, no_wrap=name in NO_WRAP_COLUMNS, min_width=len(header), overflow="fold")
    with_text = console.width >= TABLE_TEXT_MIN_WIDTH
    if with_text:
        table.add_column("text", overflow="ellipsis", no_wrap=True, max_width=TABLE_TEXT_CHARS)
    for record in items:
        row = event_row(record)
        row["confidence"] = f"{row['confidence'] or 0:.2f}"
        row["date"] = date_span(row["date"], row["enddate"])
        cells = [plain(row[name]) for name in TABLE_COLUMNS]
        table.add_row(*cells, *([plain(row["text"])] if with_text else []))
    return table


@app.command()
def events(
    fmt: EventFormat = typer.Option(EventFormat.table, "--format", "-f"),
    actor: str = typer.Option(None, help="KB id, actor code or words naming an actor or recipient."),
    event_type: str = typer.Option(None, "--type", help="PLOVER category, e.g. ASSAULT."),
    place: str = typer.Option(None, help="Place name, province, country name or code, or place id."),
    date_from: str = typer.Option(None, "--from", help="ISO date (YYYY[-MM[-DD]]): events ending on or after."),
    date_to: str = typer.Option(None, "--to", help="ISO date: events starting on or before."),
    outlet: str = typer.Option(None, help="Publishing outlet."),
    mode: str = typer.Option(None, help="PLOVER mode, e.g. troops."),
    aux_mode: str = typer.Option(None, "--aux-mode", help=f"Auxiliary mode, or '{NO_AUX_MODE}' for plain assertions."),
    min_confidence: float = typer.Option(None, "--min-confidence", help="Lowest confidence, 0 to 1."),
    doc_id: str = typer.Option(None, "--doc", help="Document id or prefix."),
    limit: int = typer.Option(DEFAULT_LIMIT, help=f"At most this many events (1 to {MAX_LIMIT})."),
    offset: int = typer.Option(0, help="Skip this many events first."),
) -> None:
    """List stored PLOVER events matching every filter given, by date."""
    with open_store() as store:
        try:
            items, total = list_events(store, actor=actor, event_type=event_type, place=place, date_from=date_from,
                                       date_to=date_to, outlet=outlet, mode=mode, aux_mode=aux_mode,
                                       min_confidence=min_confidence, doc_id=doc_id, limit=limit, offset=offset)
        except QueryError as exc:
            errors.print(f"[red]error[/red] {OPTION_OF.get(exc.param, '--' + exc.param)}: {exc.message}",
                         highlight=False)
            raise typer.Exit(code=2) from exc
    if fmt is EventFormat.json:
        print_json(items)
    elif fmt is EventFormat.csv:
        write_event_csv(items, sys.stdout)
    else:
        console.print(_table(items, total, offset))
