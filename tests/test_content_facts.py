"""The leaflet keeps every figure and phone number of the hospital's source text."""

from __future__ import annotations

import re

from tests.conftest import CONTENT
from tests.test_pdf import body_text

SOURCE = CONTENT / "liver-metastases" / "sources" / "liver-metastases-web.txt"


def test_every_figure_of_the_source_is_in_the_english_text() -> None:
    source = SOURCE.read_text(encoding="utf-8")
    english = "".join((folder / "en.yaml").read_text(encoding="utf-8")  # the leaflet's and the shared words
                      for folder in (CONTENT / "liver-metastases", CONTENT))
    phones = re.findall(r"0\d{2,3}[- ]*\d[\d ]*\d", source)
    prose = re.sub(r"0\d{2,3}[- ]*\d[\d ]*\d|\d\d:\d\d [ap]m", "", source)
    figures = set(re.findall(r"\d[\d%.-]*\d%?|\d", prose))
    assert {"70-80%", "20-30%", "500", "65", "8"} <= figures
    missing = sorted(f for f in figures if not re.search(rf"(?<![\d.]){re.escape(f)}(?![\d%])", english))
    assert missing == []
    assert len(phones) == 6


def test_opening_hours_match_the_source(leaflet) -> None:
    source = SOURCE.read_text(encoding="utf-8")
    (opens, open_half), (closes, close_half) = re.findall(r"(\d\d:\d\d) ([ap]m)", source)[:2]
    hours = leaflet.facts.opening_hours
    assert hours.opens.strftime("%I:%M") == opens and open_half == "am"
    assert hours.closes.strftime("%I:%M") == closes and close_half == "pm"
    assert hours.closes.hour >= 12


def test_every_phone_number_of_the_source_is_printed(built, leaflet) -> None:
    source = SOURCE.read_text(encoding="utf-8")
    printed = re.sub(r"\D", "", body_text(built["A4"], leaflet))
    for phone in re.findall(r"0\d{2,3}[- ]*\d[\d ]*\d", source):
        assert re.sub(r"\D", "", phone) in printed, phone
