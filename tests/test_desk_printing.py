"""Printing without mistakes at the desk: what the choices come to before anything opens, a
confirmation for a large request, the Print button, booklet instructions, and PDFs that tell the
print dialog to print at actual size (and booklets on both sides, flipped on the short edge)."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader
from starlette.testclient import TestClient

from leaflet.web.app import create_app
from tests.conftest import ROOT, run_cli
from tests.deskserver import chromium, running_desk

FIXTURE = ROOT / "tests" / "fixtures" / "catalogue"


def preferences(pdf: Path | bytes) -> dict[str, object]:
    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    found = reader.trailer["/Root"].get("/ViewerPreferences")
    return {} if found is None else {str(key): value for key, value in found.get_object().items()}


def test_every_file_prints_at_actual_size_and_booklets_on_both_sides(tmp_path: Path) -> None:
    result = run_cli("build", "visit-day", "--content", str(FIXTURE), "--out", str(tmp_path), "--size", "A5")
    assert result.returncode == 0, result.stderr
    built = sorted(tmp_path.glob("*.pdf"))
    assert len(built) == 5  # en, ur, bilingual A5 and the two booklets
    for path in built:
        wanted = {"/PrintScaling": "/None"}
        if "booklet" in path.name:
            wanted["/Duplex"] = "/DuplexFlipShortEdge"
        assert {key: preferences(path).get(key) for key in wanted} == wanted, path.name
        if "booklet" not in path.name:
            assert "/Duplex" not in preferences(path)


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    root = tmp_path_factory.mktemp("printing")
    shutil.copytree(FIXTURE, root / "content")
    with TestClient(create_app(root / "content", root / "output")) as client:
        yield client


@pytest.mark.parametrize(("address", "paper", "booklet"), [
    ("/leaflets/visit-day/en/A4.pdf", "A4", False),
    ("/leaflets/visit-day/ur/A5.pdf", "A5", False),
    ("/leaflets/visit-day/bilingual/A5.pdf", "A5", False),
    ("/leaflets/visit-day/ur/A5-booklet.pdf", "A4", True),
    ("/leaflets/visit-day/en/A4.pdf?large=1", "A4", False),
])
def test_the_count_is_what_the_pdf_holds(client, address: str, paper: str, booklet: bool) -> None:
    counted = client.get(address.replace(".pdf", ".json")).json()
    pdf = client.get(address).content
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert counted == {"pages": pages, "sheets": (pages + 1) // 2, "paper": paper, "booklet": booklet}
    assert client.get("/leaflets/visit-day/xx/A4.json").status_code == 404


def test_hospital_yaml_sets_when_a_request_is_confirmed(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    with (content / "hospital.yaml").open("a", encoding="utf-8") as file:
        file.write("desk:\n  confirm_above_pages: 12\n")
    with TestClient(create_app(content, tmp_path / "output")) as client:
        assert client.get("/").text.count('data-confirm-above="12"') == 2
    with (content / "hospital.yaml").open("a", encoding="utf-8") as file:
        file.write("  drafts: show\n")
    text = (content / "hospital.yaml").read_text(encoding="utf-8").replace("confirm_above_pages: 12",
                                                                            "confirm_above_pages: many")
    (content / "hospital.yaml").write_text(text, encoding="utf-8")
    refused = run_cli("check", "--content", str(content))
    assert refused.returncode == 2
    line = text.splitlines().index("  confirm_above_pages: many") + 1
    assert refused.stderr.strip().endswith(f"hospital.yaml:{line}:24: desk.confirm_above_pages: found text; "
                                           "expected a whole number")


@pytest.fixture(scope="module")
def desk_browser(tmp_path_factory):
    path = chromium()
    root = tmp_path_factory.mktemp("print-desk")
    shutil.copytree(FIXTURE, root / "content")
    from playwright.sync_api import sync_playwright

    with running_desk(root / "content", root / "output") as desk, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, headless=True, args=["--no-sandbox"])
        yield browser, desk.address
        browser.close()


def open_page(browser, address: str, path: str = "/"):
    """A page that records every console error, failed request and 4xx/5xx answer, and whose
    print() (in any frame) is recorded instead of opening the dialog headless Chromium cannot show."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.problems = []
    page.on("console", lambda message: page.problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    page.on("requestfailed", lambda request: page.problems.append(f"failed {request.url}"))
    page.on("response", lambda answer: page.problems.append(f"{answer.status} {answer.url}")
            if answer.status >= 400 else None)
    page.add_init_script("window.print = () => "
                         "{ (window.top.printed = window.top.printed || []).push(location.href); };")
    page.goto(address + path)
    return page


@pytest.mark.parametrize("interface", ["en", "ur"])
def test_the_page_loads_with_no_console_error(desk_browser, interface: str) -> None:
    browser, address = desk_browser
    page = open_page(browser, address, f"/?lang={interface}")
    page.locator('li[data-id="visit-day"] .count').filter(has_text="A4").wait_for(timeout=60000)
    page.wait_for_load_state("networkidle")
    assert page.problems == []
    page.close()


def test_the_card_says_what_the_choices_come_to_and_asks_before_many_pages(desk_browser) -> None:
    browser, address = desk_browser
    page = open_page(browser, address)
    card = page.locator('li[data-id="visit-day"]')
    card.locator(".count").filter(has_text="pages a copy").wait_for(timeout=60000)
    assert card.locator(".count").inner_text() == "3 pages a copy: 2 sheets of A4, printed on both sides."
    card.locator("select[name=lang]").select_option("bilingual")
    card.locator("select[name=size]").select_option("A5")
    card.locator("input[name=copies]").fill("50")
    card.locator(".count").filter(has_text="50 copies").wait_for(timeout=60000)
    assert card.locator(".count").inner_text() == (
        "9 pages a copy: 5 sheets of A5, printed on both sides. "
        "50 copies: 450 pages, 250 sheets. Leave the print dialog at 1 copy.")
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    pdfs = []
    page.on("request", lambda request: pdfs.append(request.url) if ".pdf" in request.url else None)
    card.locator("button.print").click()
    card.get_by_role("button", name="Open PDF").click()
    page.wait_for_timeout(500)
    assert asked == ["That is 450 pages (50 copies of 9 pages). Print them all?"] * 2
    assert pdfs == [] and page.locator("iframe.printing").count() == 0  # declined: nothing opened
    page.close()


def test_print_opens_the_dialog_for_the_chosen_pdf(desk_browser) -> None:
    browser, address = desk_browser
    page = open_page(browser, address)
    card = page.locator('li[data-id="visit-day"]')
    card.locator("select[name=lang]").select_option("ur")
    card.locator("input[name=copies]").fill("2")
    card.locator(".count").filter(has_text="2 copies").wait_for(timeout=60000)
    card.locator("button.print").click()
    page.wait_for_function("window.printed !== undefined", timeout=60000)
    printed = page.evaluate("window.printed")
    assert printed == [f"{address}/leaflets/visit-day/ur/A4.pdf?copies=2"]  # print() of the PDF's own frame
    frame = page.frame(url=printed[0])
    assert frame is not None and frame.parent_frame == page.main_frame
    page.close()


@pytest.mark.parametrize(("interface", "how"), [
    ("en", "Booklet: print on both sides, flip on the short edge, at actual size (100%)"),
    ("ur", "کتابچہ: دونوں طرف پرنٹ کریں، چھوٹے کنارے سے پلٹیں، اصل سائز (100%) پر"),
])
def test_a_booklet_says_how_to_print_it(desk_browser, interface: str, how: str) -> None:
    browser, address = desk_browser
    page = open_page(browser, address, f"/?lang={interface}")
    card = page.locator('li[data-id="visit-day"]')
    assert card.locator(".booklet-how").is_hidden()
    card.locator("select[name=size]").select_option("A5-booklet")
    card.locator(".booklet-how").wait_for(state="visible")
    assert card.locator(".booklet-how").inner_text().startswith(how)
    page.close()


def test_urdu_is_never_invisible_while_the_fonts_load(desk_browser) -> None:
    """Every font the page loads is shown with `swap`: the system's font until it has come, never
    blank text (a screenshot cannot tell: Playwright waits for the fonts before it takes one)."""
    browser, address = desk_browser
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(address + "/?lang=ur")
    faces = page.evaluate("[...document.fonts].map((face) => [face.family, face.weight, face.display])")
    assert {family.strip('"') for family, _, _ in faces} == {"Noto Sans", "Noto Nastaliq Urdu"}
    assert {display for _, _, display in faces} == {"swap"}
    page.close()


def test_the_page_fonts_are_cut_down_and_cover_every_word_it_shows(desk_browser) -> None:
    from fontTools.ttLib import TTFont

    from leaflet.content import load_leaflet
    from leaflet.web.words import WORDS

    browser, address = desk_browser
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    fonts: dict[str, int] = {}
    page.on("response", lambda answer: fonts.__setitem__(answer.url, len(answer.body()))
            if "/fonts/" in answer.url else None)
    page.goto(address + "/?lang=ur", wait_until="networkidle")
    assert page.evaluate("document.fonts.status") == "loaded"
    assert {url.rsplit("/", 1)[1] for url in fonts} == {"NotoSans-Regular.woff2", "NotoSans-Bold.woff2",
                                                        "NotoNastaliqUrdu-Regular.woff2", "NotoNastaliqUrdu-Bold.woff2"}
    assert all("/fonts/web/" in url for url in fonts) and sum(fonts.values()) < 400 * 1024  # TrueType: 2.2 MB
    page.close()
    covers = {name: set(TTFont(ROOT / "fonts" / "web" / f"{name}.woff2").getBestCmap())
              for name in ("NotoSans-Regular", "NotoSans-Bold", "NotoNastaliqUrdu-Regular", "NotoNastaliqUrdu-Bold")}
    shown = "".join(text for words in WORDS.values() for text in words.values())
    for leaflet in (load_leaflet(ROOT / "content" / "liver-metastases"), load_leaflet(FIXTURE / "visit-day")):
        shown += "".join(f"{content.title}{content.subtitle}" for content in leaflet.languages.values())
    # the web edition sets the same fonts: every word of the real content, labels and all
    for path in [*(ROOT / "content").glob("*.yaml"), *(ROOT / "content").glob("*/*.yaml")]:
        shown += "".join(_strings(yaml.safe_load(path.read_text(encoding="utf-8"))))
    for char in set(shown) - set("\n\t"):
        urdu = 0x600 <= ord(char) <= 0x6FF or char in "\u200c\u200d\u200e\u200f"  # the Nastaliq face's range
        for weight in ("Regular", "Bold"):
            name = f"NotoNastaliqUrdu-{weight}" if urdu else f"NotoSans-{weight}"
            assert ord(char) in covers[name], f"U+{ord(char):04X} {char!r} not in fonts/web/{name}.woff2"


def _strings(found: object) -> Iterator[str]:
    """Every string in a YAML document's values (its keys are names, never shown)."""
    if isinstance(found, str):
        yield found
    elif isinstance(found, dict):
        for value in found.values():
            yield from _strings(value)
    elif isinstance(found, list):
        for value in found:
            yield from _strings(value)
