"""`sitrep serve`: the REST API and the web UI over the store, with uvicorn."""
from __future__ import annotations

import typer

from sitrep.cli.app import Options, app, errors

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to bind; the default answers this machine only."),
    port: int = typer.Option(8000, help="TCP port."),
    enable_ingest: bool = typer.Option(False, "--enable-ingest",
                                       help="Accept POST /api/ingest (opens the store for writing)."),
) -> None:
    """Serve the API (/api, /docs) and the web UI (/) over the store."""
    import uvicorn

    from sitrep.api import create_app

    try:
        api = create_app(Options.db, enable_ingest=enable_ingest)
    except FileNotFoundError as exc:
        errors.print(str(exc))
        raise typer.Exit(code=2) from exc
    if host not in LOCAL_HOSTS:
        errors.print(f"[yellow]warning[/yellow] serving on {host}: other machines can read the store"
                     + (" and ingest pages" if enable_ingest else ""), highlight=False)
    uvicorn.run(api, host=host, port=port, log_level="warning" if Options.quiet else "info")
