"""Document commands: `sitrep run`, `sitrep docs`, `sitrep doc`."""
from __future__ import annotations

from enum import Enum
from typing import Any

import typer
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from sitrep.cli.app import (
    WIDE_TABLE,
    ListFormat,
    Options,
    app,
    console,
    errors,
    found,
    open_store,
    plain,
    print_json,
)
from sitrep.model import to_dict
from sitrep.pipeline import run_pipeline
from sitrep.store import Store

# Title widths in the docs table; below WIDE_TABLE it also drops the date range, confidence, size.
TITLE_WIDTH = 48
NARROW_TITLE_WIDTH = 28


class DocFormat(str, Enum):
    text = "text"
    json = "json"


@app.command()
def run(
    paths: list[str] = typer.Argument(..., help="Files, folders or glob patterns to ingest."),
    batch_size: int = typer.Option(64, help="Documents per stored batch (one transaction each)."),
    as_json: bool = typer.Option(False, "--json", help="Print the run's summary and failures as JSON."),
) -> None:
    """Run the pipeline on PATHS into the store; rerunning skips what is already there."""
    with Store(Options.db) as store, Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=errors, disable=Options.quiet or as_json, transient=True,
    ) as progress:
        files = progress.add_task("files read", total=None)
        documents = progress.add_task("documents done", total=None)
        report = run_pipeline(
            paths, store, batch_size=batch_size,
            on_file=lambda done, total: progress.update(files, completed=done, total=total),
            on_batch=lambda done: progress.update(documents, completed=done.stored + done.skipped),
        )
    if as_json:
        print_json({"files": report.files, "documents": report.documents, "stored": report.stored,
                    "skipped": report.skipped, "failures": [to_dict(f) for f in report.failures]})
    else:
        for failure in report.failures:
            kind = "[yellow]warning[/yellow]" if failure.code.startswith("W") else "[red]error[/red]"
            errors.print(f"{kind} {escape(failure.source)}: {escape(failure.detail)}", highlight=False)
        if not Options.quiet:
            console.print(f"{report.files} files, {report.documents} documents read: "
                          f"{report.stored} stored, {report.skipped} already in {Options.db}, "
                          f"{len(report.failures)} failed")
    if report.documents == 0:
        raise typer.Exit(code=1)


def _doc_summary(row: dict[str, Any]) -> dict[str, Any]:
    meta = row["metadata"]
    return {
        "id": row["id"], "source": row["source"], "media_type": row["media_type"],
        **{name: meta.get(name) for name in ("title", "outlet", "author", "dateline", "published")},
        "text_chars": row["text_chars"], "comments": row["comments"],
    }


@app.command()
def docs(fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f")) -> None:
    """List stored documents with title, outlet and publication date."""
    with open_store() as store:
        rows = [_doc_summary(row) for row in store.list_documents()]
    if fmt is ListFormat.json:
        print_json(rows)
        return
    wide = console.width >= WIDE_TABLE
    table = Table("id", "title", "outlet", "published", *(("range", "conf", "chars") if wide else ()), "comments")
    table.columns[0].no_wrap = True
    table.columns[1].max_width = TITLE_WIDTH if wide else NARROW_TITLE_WIDTH
    table.columns[1].overflow = "ellipsis"
    table.columns[1].no_wrap = True
    for row in rows:
        pub = row["published"] or {}
        span = f"{pub.get('earliest') or '…'} – {pub.get('latest') or '…'}" if pub.get("value") else ""
        extra = (span, f"{pub.get('confidence') or 0:.2f}", str(row["text_chars"])) if wide else ()
        table.add_row(row["id"], plain((row["title"] or {}).get("value")), plain((row["outlet"] or {}).get("value")),
                      pub.get("value") or "", *extra, str(row["comments"]))
    console.print(table)


@app.command()
def doc(
    doc_id: str = typer.Argument(..., help="Document id (or a unique prefix of one)."),
    fmt: DocFormat = typer.Option(DocFormat.text, "--format", "-f"),
) -> None:
    """Show one document: main text, comments, metadata with evidence and confidence."""
    with open_store() as store:
        row = found(store.get_document(doc_id), "document", doc_id)
    if fmt is DocFormat.json:
        print_json(row)
        return
    meta = row["metadata"]
    for name in ("title", "outlet", "author", "dateline", "published"):
        field = meta.get(name) or {}
        if field.get("value"):
            console.print(f"[bold]{name}[/bold]: {field['value']}  "
                          f"(confidence {field.get('confidence', 0):.2f}, {field.get('method', '')})",
                          highlight=False)
    console.print()
    console.print(row["text"] or "", markup=False, highlight=False)
    for comment in row["comments"]:
        author = (comment.get("author") or {}).get("value") or "?"
        console.print(f"{'  ' * comment['depth']}— {author}: {comment['text']}", markup=False, highlight=False)
