"""The desk page in a real browser: headless Chromium driven by Playwright, against `serve`.

Skipped only when no Chromium is installed; CI sets LEAFLET_REQUIRE_BROWSER=1, which turns
that skip into a failure (`.ci/run` installs Debian's chromium first).
"""

from __future__ import annotations

import io
import shutil

import pytest
from pypdf import PdfReader

from leaflet.pdf import extract_text
from tests.conftest import ROOT
from tests.deskserver import chromium, running_desk

FIXTURE = ROOT / "tests" / "fixtures" / "catalogue"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    chromium()
    content = tmp_path_factory.mktemp("desk") / "content"
    shutil.copytree(FIXTURE, content)
    with running_desk(content, content.parent / "output") as desk:
        yield desk.address


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(), headless=True)
        yield browser
        browser.close()


def open_pdf(page, press, wanted: str = ".pdf") -> bytes:
    """Press the Open button (a callable), and read back the PDF the browser's new tab opened.

    Chromium's PDF viewer keeps the bytes (and, under load, the headers) to itself, so the tab's
    address is fetched again through the same browser context and must answer with a PDF.
    `wanted` is a part of the address that only this press asks for: an earlier tab's viewer
    may fetch its own PDF again while this one opens."""
    def is_wanted(response) -> bool:
        return ".pdf" in response.url and wanted in response.url

    with page.context.expect_event("response", predicate=is_wanted) as caught:
        press()
    assert caught.value.status == 200
    fetched = page.request.get(caught.value.url)
    assert (fetched.status, fetched.headers["content-type"]) == (200, "application/pdf")
    return fetched.body()


def test_choose_a_leaflet_in_urdu_set_copies_and_open_it(server, browser) -> None:
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(server + "/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("link", name="اردو").click()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == "مریضوں کے لیے کتابچے"
    page.locator("#search").fill("آمد")  # a word of the Urdu title
    visible = page.locator(".leaflet:visible")
    assert visible.count() == 1 and visible.get_attribute("data-id") == "visit-day"
    card = visible.first
    card.locator("select[name=lang]").select_option("ur")
    card.locator("select[name=size]").select_option("A5")
    card.locator("input[name=copies]").fill("2")
    opening = card.locator("button[type=submit]")  # Open PDF (Print is tested in test_desk_printing.py)
    two = open_pdf(page, opening.click, "/ur/A5.pdf?copies=2")
    card.locator("input[name=copies]").fill("1")
    one = open_pdf(page, opening.click, "/ur/A5.pdf?copies=1")
    text = " ".join(extract_text(two))
    assert "آپ کی آمد" in text and "Your Visit" not in text
    single = len(PdfReader(io.BytesIO(one)).pages)
    assert len(PdfReader(io.BytesIO(two)).pages) == 2 * single + single % 2


def test_the_page_works_from_the_keyboard(server, browser) -> None:
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(server + "/")
    page.keyboard.type("quiet")
    assert page.locator(".leaflet:visible").count() == 1
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "submit":  # past Print, to Open PDF
            break
    assert page.evaluate("document.activeElement.closest('.leaflet').dataset.id") == "quiet-room"
    pdf = open_pdf(page, lambda: page.keyboard.press("Enter"))
    assert "The Quiet Room" in extract_text(pdf)[0]
    for button in page.locator(".leaflet:visible button").all():  # Print and Open PDF: big enough to tap
        box = button.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44


def test_nothing_is_loaded_from_another_host(server, browser) -> None:
    page = browser.new_page()
    hosts = []
    page.on("request", lambda request: hosts.append(request.url.split("/")[2]))
    page.goto(server + "/?lang=ur", wait_until="networkidle")
    assert set(hosts) == {server.split("/")[2]}
    fonts = page.evaluate("Array.from(document.fonts).filter(f => f.status === 'loaded').map(f => f.family)")
    assert any("Nastaliq" in family for family in fonts)
