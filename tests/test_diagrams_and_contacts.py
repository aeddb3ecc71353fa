"""Diagrams and the contact panel in all four PDFs: labels, figures, links, order, errors."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from leaflet.content.diagrams import KINDS
from leaflet.content.model import NamedItem
from leaflet.layout import geometry_for
from leaflet.layout.diagrams import PANELS
from leaflet.layout.flowables import MIN_ROWS_APART, ContactCard, ContactEntry
from leaflet.layout.styles import palette_for, styles_for
from tests.pdftext import page_texts
from tests.test_content_errors import messages, only_message, plant

CASES = [("en", "A4"), ("en", "A5"), ("ur", "A4"), ("ur", "A5")]


@pytest.fixture(scope="module")
def pdfs(built, built_urdu) -> dict[tuple[str, str], Path]:
    return {("en", size): path for size, path in built.items()} | {("ur", size): p for size, p in built_urdu.items()}


def label_texts(labels) -> list[str]:
    texts = []
    for key, value in labels.items():
        if isinstance(value, NamedItem):
            texts += [str(value.name), str(value.description)]
        elif isinstance(value, tuple):
            texts += [str(v) for v in value]
        elif key != "statistic":
            texts.append(str(value))
    return texts


def test_every_diagram_kind_the_content_can_declare_has_a_drawing() -> None:
    declared = {module.read.__annotations__["return"].split(" | ")[0] for module in KINDS.values()}
    assert declared == {panel.__name__ for panel in PANELS}


@pytest.mark.parametrize(("language", "size"), CASES)
def test_each_diagram_shows_its_labels_and_figures(pdfs, leaflet, language, size) -> None:
    text = " ".join(page_texts(pdfs[(language, size)]))
    diagrams = leaflet.languages[language].diagrams
    for kind, labels in diagrams.items():
        for label in label_texts(labels):
            assert " ".join(label.split()) in text, f"{kind}: {label!r} not in the PDF"
    figures = leaflet.facts.figures
    for key in ("portal_vein_blood_percent", "hepatic_artery_blood_percent"):
        low, high = figures[key]
        assert f"{low}-{high}%" in text
    statistic = str(diagrams["cancer-spread"]["statistic"])
    assert statistic.replace("{percent}", str(figures["colorectal_to_liver_up_to_percent"])) in text
    segments = [str(n) for n in range(1, figures["liver_segments"] + 1)]
    assert all(re.search(rf"(?<!\d){n}(?!\d)", text) for n in segments)


@pytest.mark.parametrize(("language", "size"), CASES)
def test_every_phone_number_is_a_tap_to_call_link_and_the_qr_opens_the_website(pdfs, leaflet, language, size):
    links = []
    for page in PdfReader(pdfs[(language, size)]).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None:
                links.append(str(action["/URI"]))
    for contact in leaflet.facts.contacts:
        digits = re.sub(r"\D", "", contact.phone)
        assert f"tel:+92{digits[1:]}" in links, contact.phone
    assert leaflet.facts.brand.website in links
    assert "pkli.org.pk" in " ".join(page_texts(pdfs[(language, size)]))


def x_after(path: Path, anchor: str, word: str) -> float:
    """Where pdfium places `word`, first met after `anchor` (a diagram's title) on its page."""
    document = pdfium.PdfDocument(path.read_bytes())
    for page in document:
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        if anchor in text:
            return textpage.get_charbox(text.index(word, text.index(anchor)))[0]
    raise AssertionError(f"{anchor!r} not found")


@pytest.mark.parametrize("size", ["A4", "A5"])
def test_the_spread_diagram_flows_in_reading_direction(pdfs, leaflet, size) -> None:
    for language, rtl in (("en", False), ("ur", True)):
        labels = leaflet.languages[language].diagrams["cancer-spread"]
        path, title = pdfs[(language, size)], str(labels["title"])
        bowel = x_after(path, title, str(labels["bowel"]).split()[0])
        vein = x_after(path, title, str(labels["portal_vein"]).split()[0])
        assert (bowel > vein) == rtl


def test_an_unknown_diagram_is_a_content_error_at_its_line(content_copy) -> None:
    line = plant(content_copy / "en.yaml", "- diagram: blood-supply", "- diagram: blood-flow")
    match = only_message(content_copy)
    assert int(match["line"]) == line
    assert match["problem"] == "no diagram called `blood-flow`"
    assert "liver-anatomy" in match["expected"]


def test_a_missing_diagram_label_is_a_content_error(content_copy) -> None:
    text = (content_copy / "liver-metastases" / "ur.yaml").read_text(encoding="utf-8")
    label = next(row for row in text.splitlines() if row.strip().startswith("hepatic_artery:") and "  " in row[:6])
    plant(content_copy / "ur.yaml", label + "\n", "")
    found = messages(content_copy)
    assert len(found) == 1
    assert re.search(r"ur\.yaml:\d+:\d+: diagrams\.[\w-]+\.hepatic_artery: missing", found[0])


@settings(max_examples=40, deadline=None)
@given(normal=st.integers(0, 9), high=st.booleans(), language=st.sampled_from(["en", "ur"]),
       size=st.sampled_from(["A4", "A5"]), share=st.floats(0.0, 1.0))
def test_a_contact_card_breaks_with_two_rows_on_each_side_or_moves_whole(leaflet, normal, high, language, size,
                                                                         share) -> None:
    """Never a title bar over one row (the website alone) at the head or foot of a page."""
    geometry = geometry_for(size)
    styles = styles_for(geometry, language, palette_for(leaflet.facts.brand.colours))
    entries = [ContactEntry("Helpline", None, None, "042 111 222 333", "helpline", "tel:+9242111222333")]
    entries += [ContactEntry("Desk", None, None, "042 3000000", "high", "tel:+92423000000")] * high
    entries += [ContactEntry(f"Room {n}", "A team", None, f"0300-{n:07d}", "normal", f"tel:+92300{n:07d}")
                for n in range(normal)]
    card = ContactCard("Who to call", entries, "https://example.org", styles, palette_for(leaflet.facts.brand.colours),
                       columns=2)
    canvas = Canvas(io.BytesIO())
    _, height = card.wrapOn(canvas, geometry.text_width, 10_000)
    parts = card.splitOn(canvas, geometry.text_width, height * share)
    if parts:
        head, tail = parts
        assert len(head.rows) >= MIN_ROWS_APART and len(tail.rows) >= MIN_ROWS_APART
        assert head.rows + tail.rows == card.rows
        assert head.wrapOn(canvas, geometry.text_width, 10_000)[1] <= height * share
