"""The `sitrep` Typer app and its global options, shared by every command module.

Each command module (`documents.py`, `events.py`, ...) registers its commands on `app`;
`cli/__init__.py` imports them all. Commands are thin: parse arguments, call the library.
JSON output (`--format json`) is a stable interface documented in the README; tables are
for people and may change.
"""
from __future__ import annotations

import json
import logging
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape

from sitrep.settings import CONFIG_ENV, load_settings
from sitrep.store import Store, default_db_path

app = typer.Typer(help="sitrep: sourced, geolocated events from news pages about armed conflict.",
                  no_args_is_help=True, add_completion=False)
console = Console()
errors = Console(stderr=True)


# Terminal width from which tables show every column; narrower, they keep the essential ones.
WIDE_TABLE = 130


class ListFormat(str, Enum):
    table = "table"
    json = "json"


class Options:
    """The global options, set once by the callback and read by every command."""

    db: str = default_db_path()
    quiet: bool = False


@app.callback()
def main(
    db: str = typer.Option(default_db_path(), "--db", envvar="SITREP_DB", help="DuckDB store file."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bars or summaries."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log every stage's decisions."),
    config: Path | None = typer.Option(None, "--config", envvar=CONFIG_ENV, exists=True, dir_okay=False,
                                       help="TOML file overriding keys of default_config.toml."),
) -> None:
    if config is not None:
        try:
            load_settings(config)  # refuse a bad file now, not halfway through a run
        except (ValueError, OSError) as exc:
            errors.print(f"{config}: {exc}", markup=False)
            raise typer.Exit(code=2) from exc
        os.environ[CONFIG_ENV] = str(config)  # read once by settings.default_settings()
    Options.db = db
    Options.quiet = quiet
    logging.basicConfig(level=logging.DEBUG if verbose else logging.ERROR,
                        format="%(levelname)s %(name)s: %(message)s")


def open_store() -> Store:
    """The store for reading; a missing file is a clear error, not a traceback."""
    try:
        return Store(Options.db, read_only=True)
    except FileNotFoundError as exc:
        errors.print(str(exc))
        raise typer.Exit(code=2) from exc


def found(row: dict[str, Any] | None, kind: str, given_id: str) -> dict[str, Any]:
    """The row a lookup by id returned; a clear error and exit code 2 when there is none."""
    if row is None:
        errors.print(f"no {kind} with id {given_id!r} (or the prefix matches several)", markup=False)
        raise typer.Exit(code=2)
    return row


def plain(value: Any) -> str:
    """A table cell showing page text as it is: Rich would read "[few]" in a quote as markup."""
    return escape("" if value is None else str(value))


def print_json(value: Any) -> None:
    """Stable JSON on stdout (UTF-8, indented, dates as strings)."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")
