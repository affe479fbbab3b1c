"""Corpus commands: `sitrep stories`, `sitrep story ID`, `sitrep claims`."""
from __future__ import annotations

from typing import Any

import typer
from rich.table import Table

from sitrep.cli.app import (
    WIDE_TABLE,
    ListFormat,
    app,
    console,
    found,
    open_store,
    plain,
    print_json,
)
from sitrep.store.corpus import get_story, list_claims, list_stories

# Story titles are cut to this many characters in tables (JSON keeps them whole).
STORY_TITLE_WIDTH = 30

def _claims_table(claims: list[dict[str, Any]], title: str | None = None) -> Table:
    table = Table("story", "event", "attribute", "value", "outlet", "via", "first seen", "conflict", title=title)
    for claim in claims:
        via = " < ".join(link["text"] for link in claim["chain"][1:])
        table.add_row(plain(claim["story_id"]), plain(claim["merged_event_id"]), plain(claim["attribute"]),
                      plain(claim["value"]), plain(claim["outlet"]), plain(via), plain(claim["first_seen"]),
                      "[red]CONFLICT[/red]" if claim["conflict"] else "")
    return table


@app.command()
def stories(fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f")) -> None:
    """List stories (documents about one happening) with outlets, dates, events and conflicts."""
    with open_store() as store:
        rows = list_stories(store)
    if fmt is ListFormat.json:
        print_json(rows)
        return
    wide = console.width >= WIDE_TABLE
    columns = ["id", "title", "docs", *(("outlets", "first seen", "last seen") if wide else ()),
               "events", "claims", "conflicts"]
    table = Table(*columns)
    table.columns[0].no_wrap = True
    table.columns[1].overflow = "ellipsis"
    table.columns[1].no_wrap = True
    table.columns[1].max_width = STORY_TITLE_WIDTH
    for row in rows:
        dated = (plain(", ".join(row["outlets"])), plain(row["first_seen"]), plain(row["last_seen"])) if wide else ()
        table.add_row(plain(row["id"]), plain(row["title"]), str(len(row["doc_ids"])), *dated,
                      str(row["n_events"]), str(row["n_claims"]), str(row["n_conflicts"]))
    console.print(table)


@app.command()
def story(
    story_id: str = typer.Argument(..., help="Story id (or a unique prefix of one)."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f"),
) -> None:
    """Show one story: documents, merged events, claims, attribution chains, framing."""
    with open_store() as store:
        row = found(get_story(store, story_id), "story", story_id)
    if fmt is ListFormat.json:
        print_json(row)
        return
    console.print(f"[bold]{plain(row['title'])}[/bold] ({row['id']})")
    docs = Table("document", "outlet", "published", "title", title="documents")
    for doc in row["documents"]:
        docs.add_row(doc["id"], plain(doc["outlet"]), plain(doc["published"]), plain(doc["title"]))
    console.print(docs)
    events = Table("merged event", "event", "actor", "recipient", "place", "date", "reports (outlet: magnitude, mode)",
                   title="merged events")
    for event in row["merged_events"]:
        reports = "; ".join(f"{r['outlet'] or r['doc_id'][:8]}: {r['magnitude'] or '-'}, {r['aux_mode'] or 'asserted'}"
                            for r in event["reports"])
        events.add_row(event["id"], event["event"], plain(event["actor"]), plain(event["recipient"]),
                       plain(event["place"]), plain(event["date"]), plain(reports))
    console.print(events)
    console.print(_claims_table([c for c in row["claims"] if c["attribute"] != "assertion" or c["conflict"]],
                                "claims (assertion shown where disputed)"))
    chains = Table("origin", "relayed by", "single origin", "independent confirmations", title="attribution chains")
    for chain in row["chains"]:
        relays = sorted({edge["target"] for edge in chain["edges"]})
        chains.add_row(plain(chain["origin"]), plain(", ".join(relays)),
                       "[yellow]yes[/yellow]" if chain["single_origin"] else "no", str(chain["independent_confirmations"]))
    console.print(chains)
    framing = Table("outlet", "document", "terms", "sources quoted", "omitted", title="framing")
    for entry in row["framing"]:
        terms = ", ".join(f"{t['term']}×{t['count']}" for t in entry["terms"])
        sources = ", ".join(s["text"] for s in entry["sources_quoted"][:6])
        omitted = ", ".join(f"{o['kind']}:{o['label']}" for o in entry["omitted"][:8])
        framing.add_row(plain(entry["outlet"]), entry["doc_id"][:12], plain(terms), plain(sources), plain(omitted))
    console.print(framing)
    if row["duplicates"]:
        dups = Table("document", "copy of", "kind", "similarity", "earliest", title="near-duplicates")
        for dup in row["duplicates"]:
            dups.add_row(dup["doc_a"], dup["doc_b"], dup["kind"], f"{dup['similarity']:.2f}", plain(dup["earliest"]))
        console.print(dups)


@app.command()
def claims(
    story_id: str | None = typer.Option(None, "--story", help="Only this story's claims."),
    conflicts: bool = typer.Option(False, "--conflicts", help="Only claims another report contradicts."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f"),
) -> None:
    """List claims (figures, actors, places, dates, asserted/denied) with who asserts them."""
    with open_store() as store:
        rows = list_claims(store, story_id, conflicts_only=conflicts)
    if fmt is ListFormat.json:
        print_json(rows)
        return
    console.print(_claims_table(rows))
