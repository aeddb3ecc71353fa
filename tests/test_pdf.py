"""Properties of the real English PDFs: boxes, fonts, metadata, outline, text, layout rules."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from leaflet.build import expectations_for
from leaflet.content.model import BulletList, Callout, Paragraph, Subheading
from leaflet.layout import geometry_for
from leaflet.text import parse_inline
from tests.conftest import run_cli
from tests.pdftext import TextLine, page_lines, page_texts

SIZES = ("A4", "A5")


def plain(text: str) -> str:
    return " ".join("".join(run.text for run in parse_inline(text)).split())


def body_text(path: Path, leaflet) -> str:
    """The text of all pages without running header and footer, so split paragraphs rejoin."""
    control = leaflet.facts.document_control
    furniture = re.compile(
        re.escape(f"Liver Metastases (Secondary Liver Cancer) {leaflet.facts.brand.wordmark}")
        + "|" + re.escape(f"{control.code} · Version {control.version} · ") + r"\d+ \w+ \d{4}"
        + r"|Page \d+ of \d+"
    )
    return " ".join(" ".join(furniture.sub(" ", text).split()) for text in page_texts(path))


def body_lines(path: Path, size: str) -> dict[int, list[TextLine]]:
    """Each page's lines inside the text frame (no header band, running header or footer)."""
    geometry = geometry_for(size)
    bottom = geometry.margin_bottom + geometry.footer_height
    top = geometry.height - geometry.margin_top - geometry.running_header_height
    return {number: [line for line in lines if bottom < line.y < top]
            for number, lines in enumerate(page_lines(path), 1)}


@pytest.mark.parametrize("size", SIZES)
def test_every_page_has_the_requested_size(built, size) -> None:
    geometry = geometry_for(size)
    pages = PdfReader(built[size]).pages
    assert len(pages) >= 2
    for page in pages:
        assert abs(float(page.mediabox.width) - geometry.width) <= 0.5
        assert abs(float(page.mediabox.height) - geometry.height) <= 0.5


@pytest.mark.parametrize("size", SIZES)
def test_fonts_are_embedded_subsets_and_qpdf_finds_no_damage(built, size) -> None:
    with pikepdf.open(built[size]) as pdf:
        assert pdf.check_pdf_syntax() == []
        fonts = {}
        for page in pdf.pages:
            for font in page.Resources.Font.values():
                fonts[str(font.BaseFont)] = font
        assert all(str(font.BaseFont) != "/Helvetica" for font in fonts.values())
    assert fonts
    for name, font in fonts.items():
        assert re.fullmatch(r"/[A-Z]{6}\+Noto\w+-\w+", name), name  # subset tag + Noto face
        assert "/FontFile2" in font.FontDescriptor, f"{name} is not embedded"


@pytest.mark.parametrize("size", SIZES)
def test_metadata_language_and_creation_date_come_from_content(built, leaflet, size) -> None:
    reader = PdfReader(built[size])
    info = reader.metadata
    english = leaflet.languages["en"]
    assert info.title == "Liver Metastases (Secondary Liver Cancer)"
    assert info.author == english.institute
    assert info.subject == english.labels.patient_information
    assert reader.trailer["/Root"]["/Lang"] == "en-PK"
    published = leaflet.facts.document_control.published
    assert info["/CreationDate"].startswith(f"D:{published:%Y%m%d}")


@pytest.mark.parametrize("size", SIZES)
def test_outline_has_one_entry_per_section_pointing_at_its_page(built, leaflet, size) -> None:
    reader = PdfReader(built[size])
    sections = leaflet.languages["en"].sections
    assert [item.title for item in reader.outline] == [str(s.heading) for s in sections]
    texts = page_texts(built[size])
    for item, section in zip(reader.outline, sections, strict=True):
        page = reader.get_destination_page_number(item)
        assert plain(section.heading) in texts[page]


@pytest.mark.parametrize("size", SIZES)
def test_all_text_of_the_content_can_be_copied_out(built, leaflet, size) -> None:
    """Every paragraph, bullet, call-out and heading, in order, as one extracted text."""
    extracted = body_text(built[size], leaflet)
    english = leaflet.languages["en"]
    position = 0
    for section in english.sections:
        pieces = [section.heading]
        for block in section.blocks:
            if isinstance(block, BulletList):
                pieces.extend(block.items)
            elif isinstance(block, Paragraph | Subheading | Callout):
                pieces.append(block.text)
        for piece in pieces:
            found = extracted.find(plain(piece), position)
            assert found >= 0, f"not extractable in order: {piece!r}"
            position = found
    for contact in leaflet.facts.contacts:
        assert contact.phone in extracted
    assert "Page 1 of " in page_texts(built[size])[0]


@pytest.mark.parametrize("size", SIZES)
def test_title_and_helpline_are_on_the_expected_pages(built, size) -> None:
    texts = page_texts(built[size])
    assert "Liver Metastases" in texts[0]
    assert "Secondary Liver Cancer" in texts[0]
    assert "042 111 117 554" in texts[-1] or "042 111 117 554" in texts[-2]


@pytest.mark.parametrize("size", SIZES)
def test_body_text_is_at_least_12_point(built, leaflet, size) -> None:
    lines = [line for page in page_lines(built[size]) for line in page]
    paragraphs = [b.text for s in leaflet.languages["en"].sections for b in s.blocks
                  if isinstance(b, Paragraph)]
    assert paragraphs
    for paragraph in paragraphs:
        opening = " ".join(plain(paragraph).split()[:6])
        sizes = [line.size for line in lines if line.text.startswith(opening)]
        assert sizes and min(sizes) >= 12, (paragraph[:40], sizes)


@pytest.mark.parametrize("size", SIZES)
def test_no_heading_is_the_last_thing_on_a_page(built, leaflet, size) -> None:
    headings = {plain(s.heading) for s in leaflet.languages["en"].sections}
    headings |= {plain(b.text) for s in leaflet.languages["en"].sections for b in s.blocks
                 if isinstance(b, Subheading)}
    for page, lines in body_lines(built[size], size).items():
        lowest = min(lines, key=lambda line: line.y).text
        assert not any(h.endswith(lowest) for h in headings), f"page {page} ends with heading {lowest!r}"


@pytest.mark.parametrize("size", SIZES)
def test_built_pdf_passes_the_pdf_checks_that_validate_runs(built, leaflet, size) -> None:
    from leaflet.pdf import check_pdf_file
    assert check_pdf_file(built[size], expectations_for(leaflet, "en", size)) == []


def test_two_builds_give_identical_bytes(tmp_path: Path, built) -> None:
    result = run_cli("build", "--lang", "en", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    for size in SIZES:
        assert (tmp_path / built[size].name).read_bytes() == built[size].read_bytes()


def test_no_paragraph_leaves_a_single_line_at_a_page_break(built, leaflet) -> None:
    blocks = [plain(text) for s in leaflet.languages["en"].sections for b in s.blocks
              for text in (b.items if isinstance(b, BulletList) else [getattr(b, "text", "")])]
    splits = 0
    for size in SIZES:
        lines = body_lines(built[size], size)
        pages = {number: [line.text for line in page] for number, page in lines.items()}
        splits += _check_page_breaks(pages, blocks)
    assert splits, "expected at least one paragraph to run across pages in a leaflet this long"


def _check_page_breaks(pages: dict[int, list[str]], blocks: list[str]) -> int:
    splits = 0
    for number in sorted(pages)[:-1]:
        before, after = pages[number], pages.get(number + 1, [])
        if len(before) < 2 or len(after) < 2:
            continue
        owner = next((b for b in blocks if f"{before[-1]} {after[0]}" in b), None)
        if owner is None:
            continue
        splits += 1
        assert f"{before[-2]} {before[-1]}" in owner, f"orphan at the foot of page {number}: {before[-1]!r}"
        assert f"{after[0]} {after[1]}" in owner, f"widow at the top of page {number + 1}: {after[0]!r}"
    return splits
