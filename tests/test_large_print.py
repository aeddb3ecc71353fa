"""The large-print variant: A4, body text 16 to 18 pt, nothing under 14 pt, in every language."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from pypdf import PdfReader

from tests.conftest import ROOT, run_cli

FIXTURE = ROOT / "tests" / "fixtures" / "catalogue"


def font_sizes(path: Path, body_words: str) -> tuple[Counter[float], float]:
    """How many characters are set at each font size (pdfium's reading) over every page, and the
    size of the first character of `body_words`, a paragraph of the body text."""
    sizes: Counter[float] = Counter()
    body = 0.0
    document = pdfium.PdfDocument(path.read_bytes())
    for page in document:
        textpage = page.get_textpage()
        for index in range(textpage.count_chars()):
            if not textpage.get_text_range(index, 1).isspace():
                sizes[round(pdfium_c.FPDFText_GetFontSize(textpage.raw, index), 1)] += 1
        text = textpage.get_text_range()
        if not body and body_words in text:
            body = pdfium_c.FPDFText_GetFontSize(textpage.raw, text.index(body_words))
    return sizes, body


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("large")
    result = run_cli("build", "visit-day", "--content", str(FIXTURE), "--large-print", "--out", str(out))
    assert result.returncode == 0, result.stderr
    normal = run_cli("build", "visit-day", "--content", str(FIXTURE), "--size", "A4", "--out",
                     str(out.parent / "normal"))
    assert normal.returncode == 0, normal.stderr
    return out


def test_large_print_builds_an_a4_file_per_language(large: Path) -> None:
    assert {path.name for path in large.glob("*.pdf")} == {
        "visit-day_en_A4-large.pdf", "visit-day_ur_A4-large.pdf", "visit-day_bilingual_A4-large.pdf"}
    for path in large.glob("*.pdf"):
        box = PdfReader(path).pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (595, 842)


@pytest.mark.parametrize(("language", "body_words"), [("en", "This leaflet tells you"), ("ur", "یہ کتابچہ بتاتا")])
def test_large_print_body_text_is_16_to_18_pt_and_nothing_is_under_14(large: Path, language: str,
                                                                      body_words: str) -> None:
    sizes, body = font_sizes(large / f"visit-day_{language}_A4-large.pdf", body_words)
    assert 16 <= body <= 18, body
    assert min(sizes) >= 14, sorted(sizes)
    _, normal = font_sizes(large.parent / "normal" / f"visit-day_{language}_A4.pdf", body_words)
    assert body >= normal * 1.2  # 16 pt for 13: headings and the rest grow with it


def test_large_print_is_not_for_other_sizes_or_press() -> None:
    result = run_cli("build", "--large-print", "--size", "A5", "--content", str(FIXTURE))
    assert result.returncode == 2
    assert "expected it without --size and --print" in result.stderr
