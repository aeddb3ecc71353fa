"""Finding a leaflet at the desk: search.py's normalise and desk.js's agree; the real leaflet is
found by a word of its subtitle, headings or keywords in either language; departments group the
cards; and a catalogue of 60 leaflets keeps the page small, its covers lazy and search fast."""

from __future__ import annotations

import re
import shutil
import statistics
import time
from pathlib import Path

import pytest

from leaflet.web.search import normalise, search_text
from tests.conftest import CONTENT, ROOT
from tests.deskserver import chromium, running_desk

FIXTURE = ROOT / "tests" / "fixtures" / "catalogue"

TRICKY = [
    "Café CRÈME", "naïve façade", "ﬁle ﬂow", "İstanbul", "ΟΔΟΣ", "Straße", "x² ① ½ Ⅻ ℡",
    "كينسر", "کینسر", "ي ى ك ه ة ۃ ە", "مُسْتَشْفَى", "كِتَابٌ", "ـــکتابـــ", "جگر\u200cکا", "ﻛﺘﺎﺏ",
    "۱۲۳ ٤٥٦ 7٫5", "ۂ ۓ ئ آ أ إ ؤ ۀ", "پھیپھڑا، گردہ؟ جلد۔", "follow-up (keyhole)", "liver’s",
    "  spaces\t\nand\u00a0nbsp ", "soft\u00adhyphen", "🙂 liver", "ǅ Ǆ", "SIRT (ریڈیو ایمبولائزیشن)",
]


def test_normalise_forgives_case_accents_and_arabic_keyboard_letters() -> None:
    assert normalise("Café CRÈME") == "cafe creme"
    assert normalise("كينسر") == normalise("کینسر") == "کینسر"
    assert normalise("مُسْتَشْفَى") == "مستشفی"
    assert normalise("ـــکتابـــ ۱۲۳") == "کتاب 123"
    assert normalise("follow-up (keyhole)") == "follow up keyhole"
    assert search_text(["Liver cancer", "liver tumours", "Cancer"]) == " liver cancer tumours"


# --- in a browser, with the real content ----------------------------------------------------


@pytest.fixture(scope="module")
def real_desk(tmp_path_factory):
    chromium()
    content = tmp_path_factory.mktemp("real") / "content"
    shutil.copytree(CONTENT, content, ignore=shutil.ignore_patterns("sources"))
    with running_desk(content, content.parent / "output") as desk:
        yield desk


@pytest.fixture(scope="module")
def browser(real_desk):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(), headless=True, args=["--no-sandbox"])
        yield browser
        browser.close()


def test_python_and_the_page_normalise_alike(real_desk, browser) -> None:
    page = browser.new_page()
    page.goto(real_desk.address + "/", wait_until="domcontentloaded")
    in_page = page.evaluate("(texts) => texts.map(normalise)", TRICKY)
    assert in_page == [normalise(text) for text in TRICKY]


@pytest.mark.parametrize("interface", ["en", "ur"])
@pytest.mark.parametrize("query", ["cancer", "CANC", "کینسر", "كينسر", "سرطان", "metastasis", "keyhole",
                                   "جگر ثانوی", "Liver Cancer"])
def test_the_real_leaflet_is_found_by_its_words_in_either_language(real_desk, browser, query, interface) -> None:
    page = browser.new_page()
    page.goto(f"{real_desk.address}/?lang={interface}", wait_until="domcontentloaded")
    page.locator("#search").fill(query)
    assert page.locator(".leaflet:visible").count() == 1, query
    assert page.locator(".department:visible h2").count() == 1
    page.locator("#search").fill(query + " zzz")
    assert page.locator(".leaflet:visible").count() == 0
    assert page.locator(".department:visible").count() == 0  # no heading left over a group with no card
    assert page.locator("#none").is_visible()


def test_the_card_shows_its_subtitles_under_its_department(real_desk, browser) -> None:
    page = browser.new_page()
    page.goto(real_desk.address + "/?lang=ur", wait_until="domcontentloaded")
    assert page.locator(".department h2").all_inner_texts() == ["جگر، پتے اور لبلبے کا شعبہ"]
    card = page.locator(".leaflet").first
    assert card.locator("li[lang=ur] .subtitle").inner_text() == "لیور میٹاسٹیسس"
    assert card.locator("li[lang=ur]").get_attribute("dir") == "rtl"
    assert card.locator("li[lang=en] .subtitle").inner_text() == "Secondary Liver Cancer"


# --- sixty leaflets ------------------------------------------------------------------------------

TOPICS = ["Parking", "Meals", "Visiting hours", "Lifts", "Prayer room", "Lost property", "Wi-Fi", "Pharmacy",
          "Cafeteria", "Interpreters"]
DEPARTMENTS = {"visitors": ("Visitors' services", "ملاقاتیوں کی خدمات"), "grounds": ("Grounds", "احاطہ"),
               "food": ("Food", "کھانا"), "travel": ("Travel", "سفر"), "help": ("Help", "مدد")}


def sixty_leaflets(root: Path) -> Path:
    """A catalogue of 60 copies of the fixture's visit-day, each with its own title and one of
    five departments; the last six with none."""
    content = root / "content"
    shutil.copytree(FIXTURE, content)
    shutil.rmtree(content / "quiet-room")
    template = content / "visit-day"
    _replace(content / "hospital.yaml", "departments: [visitors, grounds]", f"departments: [{', '.join(DEPARTMENTS)}]")
    for index, code in enumerate(("en", "ur")):
        names = "".join(f"  {key}: {names[index]}\n" for key, names in DEPARTMENTS.items())
        _replace(content / f"{code}.yaml", re.search(r"departments:\n(  .*\n)+",
                                                     (content / f"{code}.yaml").read_text())[0],
                 f"departments:\n{names}")
    for number in range(60):
        folder = content / f"leaflet-{number:02d}"
        shutil.copytree(template, folder)
        topic = TOPICS[number % len(TOPICS)]
        _replace(folder / "en.yaml", "title: Your Visit", f"title: {topic} {number}")
        _replace(folder / "ur.yaml", "title: آپ کی آمد", f"title: آپ کی آمد {number}")
        department = list(DEPARTMENTS)[number % len(DEPARTMENTS)]
        _replace(folder / "leaflet.yaml", "department: visitors", f"department: {department}" if number < 54 else "")
    shutil.rmtree(template)
    return content


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# Time each query's input handler in the page (dispatchEvent runs it at once), then with the
# style and layout that its hiding causes (offsetHeight forces them).
TIMED = """(queries) => {
  const input = document.getElementById("search");
  const times = [];
  for (const query of queries) {
    input.value = query;
    const start = performance.now();
    input.dispatchEvent(new Event("input"));
    const handled = performance.now();
    void document.body.offsetHeight;
    times.push([handled - start, performance.now() - start]);
  }
  return times;
}"""
QUERIES = ["p", "pa", "park", "parking", "meals 1", "visit", "آمد", "امد 3", "zzz", "", "wi fi", "لیف", "interp"]


def test_sixty_leaflets_small_page_lazy_covers_fast_search(browser, tmp_path, capsys) -> None:
    content = sixty_leaflets(tmp_path)
    start = time.monotonic()
    with running_desk(content, tmp_path / "output") as desk:
        started = time.monotonic() - start  # serve copies and checks all sixty folders before it listens
        start = time.monotonic()
        assert desk.get("/").status_code == 200
        first = time.monotonic() - start
        start = time.monotonic()
        desk.get("/")
        again = time.monotonic() - start  # each folder's files read again, to see whether they changed
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        sizes: dict[str, int] = {}
        covers: list[str] = []

        def seen(response) -> None:  # what the page is made of; covers are images, asked for as needed
            kind = response.request.resource_type
            if kind != "image" and response.ok:
                sizes[kind] = sizes.get(kind, 0) + len(response.body())

        page.on("request", lambda request: covers.append(request.url) if "/covers/" in request.url else None)
        page.on("response", seen)
        page.goto(desk.address + "/", wait_until="load")
        page.wait_for_timeout(1000)  # lazy images near the viewport are asked for once laid out
        assert page.locator(".leaflet").count() == 60
        lazy = page.eval_on_selector_all(".leaflet img", "images => images.map(image => image.loading)")
        assert lazy == ["lazy"] * 60
        asked = len(set(covers))
        times = page.evaluate(TIMED, QUERIES * 3)
        page.close()
    page_bytes = sum(size for kind, size in sizes.items() if kind != "font")
    handler = statistics.median(t[0] for t in times)
    laid_out = statistics.median(t[1] for t in times)
    with capsys.disabled():
        print(f"\n60 leaflets: serve started in {started:.1f} s; first / {first:.2f} s, next {again:.2f} s; "
              f"page {page_bytes / 1024:.0f} KB ({sizes}); {asked} covers asked for at first; "
              f"search median {handler:.2f} ms, with layout {laid_out:.2f} ms "
              f"(slowest: {max(zip((t[1] for t in times), QUERIES * 3, strict=True))})")
    assert page_bytes < 300 * 1024
    assert 0 < asked < 30  # those near the first screen, not all sixty
    assert laid_out < 50
    assert max(t[1] for t in times) < 50  # every query, a search cleared (all sixty shown again) too


def test_departments_in_the_hospitals_order_and_the_rest_last(tmp_path) -> None:
    from starlette.testclient import TestClient

    from leaflet.web.app import create_app

    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    _replace(content / "quiet-room" / "leaflet.yaml", "figures:", "department: grounds\nfigures:")
    shutil.copytree(content / "quiet-room", content / "a-room")  # first by name, in the later department
    _replace(content / "a-room" / "en.yaml", "title: The Quiet Room", "title: A Room")
    shutil.copytree(content / "visit-day", content / "z-day")
    _replace(content / "z-day" / "leaflet.yaml", "department: visitors\n", "")
    with TestClient(create_app(content, tmp_path / "output")) as client:
        for interface, names in (("en", ["Visitors' services", "Grounds and buildings", "Other leaflets"]),
                                 # grounds: its leaflets have no Urdu, so none says its Urdu name
                                 ("ur", ["ملاقاتیوں کی خدمات", "Grounds and buildings", "دیگر کتابچے"])):
            html = client.get(f"/?lang={interface}").text
            assert re.findall(r"<h2>([^<]*)</h2>", html) == [name.replace("'", "&#x27;") for name in names]
            assert re.findall(r'data-id="([^"]+)"', html) == ["visit-day", "a-room", "quiet-room", "z-day"]
        search = re.search(r'data-id="visit-day" data-search="([^"]*)"', html)[1]
        assert {"appointment", "انتظار", "day", "دن"} <= set(search.split())  # a keyword and a subtitle word
