"""The PDF checks catch what print preflight and readers would reject."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from leaflet.build import expectations_for
from leaflet.pdf import check_pdf, write_atomically


def checks_failed(data: bytes, expectations) -> dict[str, str]:
    return {finding.check: finding.found for finding in check_pdf(data, "x.pdf", expectations)}


def test_a_plain_reportlab_canvas_fails_on_unembedded_helvetica(leaflet) -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.setTitle("Liver Metastases (Secondary Liver Cancer)")
    canvas.drawString(72, 720, "Liver Metastases 042 111 117 554")
    canvas.save()
    failed = checks_failed(buffer.getvalue(), expectations_for(leaflet, "en", "A4"))
    assert failed["fonts embedded"] == "not embedded: /Helvetica"
    assert "author" in failed
    assert failed["language"] == "found None, expected 'en'"
    assert failed["outline"].startswith("0 entries, expected one per section")
    assert "page size" not in failed
    assert "extractable text" not in failed


def test_missing_text_wrong_size_and_metadata_are_named(built, leaflet) -> None:
    writer = PdfWriter(clone_from=PdfReader(built["A5"]))
    writer.add_metadata({"/Title": "Something else"})
    data = io.BytesIO()
    writer.write(data)
    expected = expectations_for(leaflet, "en", "A4")
    failed = checks_failed(data.getvalue(), expected)
    assert failed["page size"].startswith("page 1 is 419.5 x 595.3 pt")
    assert failed["title"] == "found 'Something else', expected 'Liver Metastases (Secondary Liver Cancer)'"
    no_helpline = expected.__class__(**{**expected.__dict__, "extractable": ("0300 000 0000",)})
    failed = checks_failed(built["A5"].read_bytes(), no_helpline)
    assert failed["extractable text"] == "not found: '0300 000 0000'"


def with_page_content(path: Path, extra: bytes) -> bytes:
    """The PDF with `extra` operators appended to the first page's content."""
    with pikepdf.open(path) as pdf:
        page = pdf.pages[0]
        page.contents_add(pikepdf.Stream(pdf, extra), prepend=False)
        buffer = io.BytesIO()
        pdf.save(buffer, deterministic_id=True)
    return buffer.getvalue()


def test_a_drawn_notdef_glyph_is_caught(built, leaflet) -> None:
    data = with_page_content(built["A4"], b"BT /F1+0 12 Tf 1 0 0 1 100 100 Tm <0041004200> Tj ET")
    failed = checks_failed(data, expectations_for(leaflet, "en", "A4"))
    assert failed == {"no .notdef": "content stream 1 draws glyph 0 (.notdef)"}


def test_an_rgb_fill_in_a_print_file_is_caught(built, leaflet) -> None:
    expected = dataclasses.replace(expectations_for(leaflet, "en", "A4"), cmyk_only=True)
    failed = checks_failed(with_page_content(built["A4"], b"0 0 0 1 k 1 0 0 rg 0 0 10 10 re f"), expected)
    assert failed["colours"].endswith("RGB colour operators, expected CMYK only")


def test_missing_trim_and_bleed_boxes_are_caught(built, leaflet) -> None:
    expected = dataclasses.replace(expectations_for(leaflet, "en", "A4"), bleed=8.5)
    failed = checks_failed(built["A4"].read_bytes(), expected)
    assert failed["page boxes"] == "page 1 has no TrimBox or BleedBox"


def test_truncated_pdf_does_not_open(built, leaflet) -> None:
    data = built["A4"].read_bytes()
    failed = checks_failed(data[: len(data) // 2], expectations_for(leaflet, "en", "A4"))
    assert list(failed) == ["opens"]


def test_atomic_write_replaces_whole_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out" / "leaflet.pdf"
    write_atomically(target, b"first")
    write_atomically(target, b"second")
    assert target.read_bytes() == b"second"
    assert [p.name for p in target.parent.iterdir()] == ["leaflet.pdf"]


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "leaflet.pdf"
    target.write_bytes(b"good")

    def fail(*_args) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", fail)
    with pytest.raises(OSError):
        write_atomically(target, b"half")
    assert target.read_bytes() == b"good"
    assert [p.name for p in tmp_path.iterdir()] == ["leaflet.pdf"]
