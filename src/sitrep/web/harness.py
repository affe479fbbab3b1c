"""What the browser tests and the screenshot script share: the app served on a free 127.0.0.1
port in a background thread, and headless Debian chromium (never a downloaded browser build).

Loopback only: what the browser under test may reach is exactly this server.
"""
from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn

HOST = "127.0.0.1"
START_SECONDS = 20
CHROMIUM = Path("/usr/bin/chromium")
# No sandbox (root in CI containers) and none of chromium's own calls home.
CHROMIUM_ARGS = ("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run")


def free_port() -> int:
    """A TCP port nothing listens on now (the OS picks it)."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@contextmanager
def serve_in_background(app: Any) -> Iterator[str]:
    """Run `app` with uvicorn until the block ends; yields its base URL http://127.0.0.1:PORT.

    RAISES: RuntimeError when the server has not started within START_SECONDS.
    """
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host=HOST, port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, name=f"uvicorn:{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + START_SECONDS
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise RuntimeError(f"uvicorn did not start on {HOST}:{port}")
        time.sleep(0.05)
    try:
        yield f"http://{HOST}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=START_SECONDS)


def launch_chromium(playwright: Any) -> Any:
    """Headless Debian chromium through Playwright (`apt-get install chromium`).

    RAISES: FileNotFoundError when /usr/bin/chromium is absent.
    """
    if not CHROMIUM.exists():
        raise FileNotFoundError(f"{CHROMIUM} is absent: apt-get install -y chromium")
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
