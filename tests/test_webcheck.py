"""tests/webcheck.py finds what is wrong with a page, and nothing on a page with nothing wrong: two
small pages served from a folder, opened in one Chromium."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.webcheck import PageReport, browser, check_page, serve_folder

CLEAN = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>A clean page</title>
<style>
@font-face { font-family: "Noto Sans"; src: url("fonts/NotoSans-Regular.woff2") format("woff2"); }
body { font-family: "Noto Sans", sans-serif; font-size: 18px; }
</style></head>
<body><main><h1>Visiting the ward</h1><p>Visiting is from 2 to 4 o’clock.</p></main></body></html>
"""
MESSY = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A messy page</title></head>
<body><main><h1>Something wrong</h1><p>A picture from elsewhere:</p>
<img src="http://example.com/x.png">
<div style="width: 600px">A box wider than a phone.</div>
<script>console.error("deliberate mistake");</script>
</main></body></html>
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("site")
    (folder / "clean.html").write_text(CLEAN, encoding="utf-8")
    (folder / "messy.html").write_text(MESSY, encoding="utf-8")
    (folder / "fonts").mkdir()
    shutil.copy(ROOT / "fonts" / "web" / "NotoSans-Regular.woff2", folder / "fonts")
    return folder


@pytest.fixture(scope="module")
def reports(site: Path) -> dict[str, PageReport]:
    with serve_folder(site) as base, browser() as chromium:
        return {"clean": check_page(chromium, base + "clean.html", width=360, screenshot=site / "clean.png"),
                "clean-wide": check_page(chromium, base + "clean.html", axe=False),
                "messy": check_page(chromium, base + "messy.html", width=360),
                "messy-file": check_page(chromium, (site / "messy.html").as_uri(), width=360, axe=False)}


def test_a_clean_page_has_no_problem(reports: dict[str, PageReport], site: Path) -> None:
    clean = reports["clean"]
    assert clean.problems() == []
    assert clean.inner_text == "Visiting the ward\n\nVisiting is from 2 to 4 o’clock."
    assert clean.fonts_loaded == ["Noto Sans"]  # the WOFF2 font, served as a web server serves it
    assert clean.body_font_px == 18
    assert (clean.scroll_width, clean.viewport_width) == (360, 360)
    assert (site / "clean.png").read_bytes().startswith(b"\x89PNG")
    wide = reports["clean-wide"]
    assert wide.problems() == [] and (wide.viewport_width, wide.axe_violations) == (1280, [])


def test_a_messy_page_has_exactly_its_problems(reports: dict[str, PageReport]) -> None:
    messy = reports["messy"]
    assert messy.console_errors == ["deliberate mistake"]
    assert messy.page_errors == [] and messy.failed_requests == []  # the aborted image is foreign, not failed
    assert messy.foreign_requests == ["http://example.com/x.png"]
    assert [(rule["id"], rule["impact"], rule["targets"]) for rule in messy.axe_violations] == [
        ("image-alt", "critical", [["img"]])]
    assert messy.scroll_width > 360 == messy.viewport_width
    assert messy.fonts_loaded == [] and messy.body_font_px == 16
    assert len(messy.problems()) == 4


def test_a_file_page_may_load_its_own_folder_only(reports: dict[str, PageReport]) -> None:
    messy = reports["messy-file"]
    assert messy.foreign_requests == ["http://example.com/x.png"]
    assert (messy.console_errors, messy.failed_requests, messy.axe_violations) == (["deliberate mistake"], [], [])


def test_without_axe_core_the_check_says_to_run_npm_ci(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import tests.webcheck

    monkeypatch.setattr(tests.webcheck, "AXE", tmp_path / "axe.min.js")
    monkeypatch.delenv("LEAFLET_REQUIRE_READERS", raising=False)
    with pytest.raises(pytest.skip.Exception, match="run `npm ci` in tests/readers"):
        tests.webcheck.axe_script()
    monkeypatch.setenv("LEAFLET_REQUIRE_READERS", "1")
    with pytest.raises(pytest.fail.Exception, match="run `npm ci` in tests/readers"):
        tests.webcheck.axe_script()
