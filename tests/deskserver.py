"""A real `make_leaflet.py serve` process for the tests that talk to the desk as desks do: over
HTTP, or in a browser; its log is its stderr, kept in a file to read while it runs."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx2
import pytest

from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def chromium() -> str:
    """Chromium's path; the test is skipped without one, or fails where CI requires it."""
    if CHROMIUM is None:
        if os.environ.get("LEAFLET_REQUIRE_BROWSER") == "1":
            pytest.fail("no Chromium found; CI must install it (apt-get install -y chromium)")
        pytest.skip("no Chromium installed")
    return CHROMIUM


class Desk:
    """A running `serve` process: its address, its log so far, and what it answered."""

    def __init__(self, process: subprocess.Popen[str], port: int, log: Path) -> None:
        self.process, self.address, self.log_file = process, f"http://127.0.0.1:{port}", log
        self.statuses: list[int] = []

    def get(self, path: str, timeout: float = 120) -> httpx2.Response:
        response = httpx2.get(self.address + path, timeout=timeout)
        self.statuses.append(response.status_code)
        return response

    def log(self) -> str:
        return self.log_file.read_text(encoding="utf-8")


@contextmanager
def running_desk(content: Path, out: Path, preexec: Callable[[], None] | None = None) -> Iterator[Desk]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = out.parent / f"desk-{port}.log"
    with log.open("w", encoding="utf-8") as errors:
        process = subprocess.Popen([sys.executable, str(ROOT / "make_leaflet.py"), "serve", "--content", str(content),
                                    "--out", str(out), "--port", str(port)],
                                   stdout=subprocess.PIPE, stderr=errors, text=True, preexec_fn=preexec)
    running = Desk(process, port, log)
    try:
        assert process.stdout is not None
        assert process.stdout.readline().startswith("Open http://"), running.log()
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, running.log()
                time.sleep(0.1)
        yield running
    finally:
        if process.poll() is None:
            process.terminate()
        process.wait(timeout=30)
        process.stdout.close()
    assert not [status for status in running.statuses if status >= 500], running.log()
