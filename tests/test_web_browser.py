"""The web edition as readers' browsers show it (Debian's Chromium, offline): every page of the real
catalogue and of the fixtures loads without an error or a request to another host, says every text
of its content verbatim, sets Urdu in Nastaliq, fits a 360 px phone, and axe-core finds nothing
serious; the desk serves the same pages and links each card to them."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from leaflet.build_web import published_languages
from leaflet.html.inline import plain
from leaflet.html.style import css_name, family_of
from leaflet.loading import load_checked
from leaflet.outputs import leaflet_folders
from tests.conftest import CONTENT, ROOT, run_cli
from tests.deskserver import running_desk
from tests.test_web_edition import expected_texts
from tests.webcheck import PageReport, browser, check_page, serve_folder

FIXTURES = ROOT / "tests" / "fixtures"
EDITIONS = {"real": CONTENT, "catalogue": FIXTURES / "catalogue", "schedule": FIXTURES / "schedule",
            "steps": FIXTURES / "steps", "arabic": FIXTURES / "arabic"}


@pytest.fixture(scope="module")
def chromium() -> Iterator:
    with browser() as launched:
        yield launched


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each content folder's web edition, built by the command line."""
    made = {}
    for name, content in EDITIONS.items():
        out = tmp_path_factory.mktemp(f"web-{name}")
        result = run_cli("build", "--web-only", "--content", str(content), "--out", str(out))
        assert result.returncode == 0, result.stderr
        made[name] = out / "web"
    return made


def _pages(web: Path) -> list[str]:
    return sorted(path.relative_to(web).as_posix() for path in web.rglob("*.html"))


def _normal(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_every_page_loads_cleanly_says_every_text_and_fits_a_phone(chromium, built: dict[str, Path],
                                                                   edition: str) -> None:
    web = built[edition]
    texts = {}
    for folder in leaflet_folders(EDITIONS[edition]):
        leaflet = load_checked(folder)
        for code in published_languages(leaflet):
            texts[f"{leaflet.facts.id}/{code}.html"] = (code, [plain(text) for text in
                                                               expected_texts(leaflet, code)])
    assert set(texts) <= set(_pages(web)) and any(page.startswith("index") for page in _pages(web))
    with serve_folder(web) as base:
        for page in _pages(web):
            wide = check_page(chromium, base + page, width=1280)
            narrow = check_page(chromium, base + page, width=360, axe=False)
            for report in (wide, narrow):
                assert report.problems() == [], (page, report.problems())
                assert not report.failed_requests, (page, report.failed_requests)
            if page not in texts:
                continue
            code, expected = texts[page]
            shown = _normal(wide.inner_text)
            missing = [text for text in expected if _normal(text) not in shown]
            assert not missing, (page, missing)
            assert narrow.body_font_px >= (20 if code == "ur" else 16), (page, narrow.body_font_px)
            if code == "ur":  # Nastaliq's climbing letters need twice its size between lines, as in print
                assert narrow.body_line_px >= 2.0 * narrow.body_font_px, (page, narrow.body_line_px)
            family = css_name(family_of(code)).strip('"')  # fonts.yaml's, as the PDF: Noto Naskh Arabic for ar
            assert family in wide.fonts_loaded and family in narrow.fonts_loaded, (page, wide.font_faces)
            if code == "ur":
                assert family == "Noto Nastaliq Urdu"


def test_a_text_that_looks_like_markup_is_shown_as_written(chromium, tmp_path: Path) -> None:
    content = tmp_path / "catalogue"
    shutil.copytree(FIXTURES / "catalogue", content)
    written = 'Anyone may use it <script>alert("x")</script> & "rest" <b>here</b> &amp;.'
    english = content / "quiet-room" / "en.yaml"
    english.write_text(english.read_text(encoding="utf-8").replace("Anyone may use it.", written), encoding="utf-8")
    assert run_cli("build", "--web-only", "--content", str(content), "--out", str(tmp_path / "out")).returncode == 0
    with serve_folder(tmp_path / "out" / "web") as base:
        report = check_page(chromium, base + "quiet-room/en.html", axe=False)
    assert report.problems() == [] and written in _normal(report.inner_text), report.inner_text


def test_the_desk_serves_each_leaflet_to_read_on_screen(chromium, tmp_path: Path) -> None:
    out, content = tmp_path / "out", tmp_path / "content"
    shutil.copytree(CONTENT, content)
    with running_desk(content, out) as desk:
        page = desk.get("/?lang=ur").text
        assert 'href="/leaflets/liver-metastases/ur.html"' in page and "اسکرین پر پڑھیں" in page
        assert desk.get("/leaflets/liver-metastases/xx.html").status_code == 404
        assert desk.get("/leaflets/no-such/en.html").status_code == 404
        for code in ("en", "ur"):
            answer = desk.get(f"/leaflets/liver-metastases/{code}.html")
            assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/html")
            report: PageReport = check_page(chromium, f"{desk.address}/leaflets/liver-metastases/{code}.html",
                                            width=360)
            assert report.problems() == [] and not report.failed_requests, report.problems()
            expected = [plain(text) for text in expected_texts(load_checked(CONTENT / "liver-metastases"), code)]
            assert not [text for text in expected if _normal(text) not in _normal(report.inner_text)]
            if code == "ur":
                assert "Noto Nastaliq Urdu" in report.fonts_loaded
        # a broken Urdu file: the page of its last good edition is still served
        before = desk.get("/leaflets/liver-metastases/ur.html").text
        urdu = content / "liver-metastases" / "ur.yaml"
        urdu.write_text(urdu.read_text(encoding="utf-8").replace("title:", "title: [unclosed", 1), encoding="utf-8")
        held = desk.get("/leaflets/liver-metastases/ur.html")
        assert held.status_code == 200 and held.text == before
        assert f"{urdu}:" in desk.log() or "liver-metastases/ur.yaml:" in desk.log(), desk.log()
