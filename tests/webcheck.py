"""Web pages as a reader's browser shows them, checked offline: Debian's Chromium through Playwright,
every request routed, and what went wrong reported rather than asserted, for the tests to judge.

    with serve_folder(tmp_path / "web") as base, browser() as chromium:
        report = check_page(chromium, base + "liver-metastases/ur.html", width=360)
        assert report.problems() == []

A page may fetch only from its own origin (or, for a file:// page, files under its folder or the
`root` given): any other request is aborted, as it would fail on a ward's computer with no
Internet, and listed in `foreign_requests`. Accessibility is checked with axe-core, which
`npm ci` in tests/readers installs (.ci/run does); without it the check is skipped, or fails where
LEAFLET_REQUIRE_READERS is set, as the pdf.js tests are. No Chromium: skipped, or failed where
LEAFLET_REQUIRE_BROWSER is set (tests/deskserver.py).
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import pytest

from tests.deskserver import chromium

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Request, Route

AXE = Path(__file__).resolve().parent / "readers" / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = ("serious", "critical")  # axe's impacts kept; "minor" and "moderate" are left to judgement

_AXE_RUN = """async () => {
  const found = await axe.run(document, {resultTypes: ["violations"]});
  return found.violations.map((rule) => ({id: rule.id, impact: rule.impact, help: rule.help,
                                          targets: rule.nodes.map((node) => node.target)}));
}"""
_FONTS = """async () => {
  await document.fonts.ready;
  return [...document.fonts].map((face) => ({family: face.family.replace(/^["']|["']$/g, ""),
      weight: face.weight, style: face.style, display: face.display, status: face.status}));
}"""
_BODY_FONT = """() => {
  const text = document.querySelector("main p") || document.querySelector("p");
  if (!text) return [0, 0];
  const style = getComputedStyle(text);
  return [parseFloat(style.fontSize), parseFloat(style.lineHeight) || 0];
}"""


@dataclass
class PageReport:
    """What one page did in the browser at one width; `problems()` gathers what should be empty."""

    url: str
    console_errors: list[str] = field(default_factory=list)  # console.error, uncaught promise rejections...
    page_errors: list[str] = field(default_factory=list)  # uncaught exceptions
    failed_requests: list[str] = field(default_factory=list)  # "404 url", "net::ERR_... url" (not foreign ones)
    foreign_requests: list[str] = field(default_factory=list)  # off the page's origin: aborted, in order
    inner_text: str = ""  # document.body's innerText: the words as shown
    scroll_width: int = 0  # document.documentElement.scrollWidth: wider than the viewport scrolls sideways
    viewport_width: int = 0
    fonts_loaded: list[str] = field(default_factory=list)  # family of each document.fonts face "loaded"
    font_faces: list[dict] = field(default_factory=list)  # every face: family, weight, style, display, status
    axe_violations: list[dict] = field(default_factory=list)  # serious or critical: id, impact, help, targets
    body_font_px: float = 0.0  # computed font-size of the first `main p` (else first `p`; 0 with none)
    body_line_px: float = 0.0  # its computed line-height (0 where it is `normal`)

    def problems(self) -> list[str]:
        """Everything that went wrong, one line each: [] for a page with nothing to fix."""
        found = [f"console error: {text}" for text in self.console_errors]
        found += [f"page error: {text}" for text in self.page_errors]
        found += [f"failed request: {text}" for text in self.failed_requests]
        found += [f"foreign request (aborted): {url}" for url in self.foreign_requests]
        found += [f"axe {rule['impact']} {rule['id']}: {rule['help']} at {rule['targets']}"
                  for rule in self.axe_violations]
        if self.scroll_width > self.viewport_width:
            found.append(f"scrolls sideways: {self.scroll_width}px wide in a {self.viewport_width}px viewport")
        return found


@contextmanager
def browser() -> Iterator[Browser]:
    """One headless Chromium for many pages (a module- or session-scoped fixture can yield from it)."""
    path = chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=path, headless=True, args=["--no-sandbox"])
        try:
            yield launched
        finally:
            launched.close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # the log is not wanted: requests are reported
        pass


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """The folder over HTTP on 127.0.0.1 at a free port, as a web server would serve it (relative
    links, fonts with their types); yields the base URL, ending in "/"."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name=f"serve {folder}", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def axe_script() -> Path:
    """axe-core's script; the test is skipped without it, or fails where CI requires the readers."""
    if not AXE.is_file():
        message = f"axe-core is not installed ({AXE} missing): run `npm ci` in tests/readers"
        if os.environ.get("LEAFLET_REQUIRE_READERS"):
            pytest.fail(message)
        pytest.skip(message)
    return AXE


def _file_path(url: str) -> Path:
    return Path(url2pathname(unquote(urlsplit(url).path))).resolve()


def _allowed(url: str, origin: str, root: Path | None) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    if parts.scheme == "file":
        return root is not None and _file_path(url).is_relative_to(root)
    return f"{parts.scheme}://{parts.netloc}" == origin


def check_page(browser: Browser, url: str, width: int = 1280, axe: bool = True, screenshot: Path | None = None,
               height: int = 900, root: Path | None = None) -> PageReport:
    """Open `url` in a fresh context `width` px wide, wait for its load and its fonts, and report.

    `root`: for a file:// page, the folder whose files it may load (by default, the page's own)."""
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc}"
    if parts.scheme == "file":
        root = (root or _file_path(url).parent).resolve()
    report = PageReport(url=url, viewport_width=width)
    foreign: set[str] = set()

    def route(handled: Route, request: Request) -> None:
        if _allowed(request.url, origin, root):
            handled.continue_()
            return
        if request.url not in foreign:
            foreign.add(request.url)
            report.foreign_requests.append(request.url)
        handled.abort("blockedbyclient")

    def console(message) -> None:
        if message.type != "error":
            return
        if message.location.get("url") in foreign:  # "Failed to load resource" for an aborted one
            return
        where = message.location.get("url")
        report.console_errors.append(f"{message.text} ({where})" if message.text.startswith("Failed to load")
                                     and where else message.text)

    def failed(request: Request) -> None:
        if request.url not in foreign:
            report.failed_requests.append(f"{request.failure} {request.url}")

    def answered(response) -> None:
        if response.status >= 400:
            report.failed_requests.append(f"{response.status} {response.url}")

    context = browser.new_context(viewport={"width": width, "height": height}, service_workers="block")
    try:
        if axe:  # evaluated in every document before its own scripts, whatever its Content-Security-Policy
            context.add_init_script(path=axe_script())
        context.route("**/*", route)
        page = context.new_page()
        page.on("console", console)
        page.on("pageerror", lambda error: report.page_errors.append(str(error)))
        page.on("requestfailed", failed)
        page.on("response", answered)
        page.goto(url, wait_until="load")
        report.font_faces = page.evaluate(_FONTS)
        report.fonts_loaded = [face["family"] for face in report.font_faces if face["status"] == "loaded"]
        report.inner_text = page.evaluate("() => document.body ? document.body.innerText : ''")
        report.scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
        report.viewport_width = page.evaluate("() => window.innerWidth")
        report.body_font_px, report.body_line_px = page.evaluate(_BODY_FONT)
        if axe:
            report.axe_violations = [rule for rule in page.evaluate(_AXE_RUN) if rule["impact"] in SERIOUS]
        if screenshot is not None:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=screenshot, full_page=True)
    finally:
        context.close()
    return report
