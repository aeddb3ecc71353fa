"""PDF stage: checking finished PDFs and writing them safely."""

from leaflet.files import write_all_atomically, write_atomically
from leaflet.pdf.checks import CHECKS, Expectations, Finding, check_pdf, check_pdf_file, extract_text
from leaflet.pdf.merge import (
    LanguagePart,
    add_marks,
    booklet_order,
    booklet_pages,
    booklet_sheet,
    impose_booklet,
    merge_languages,
)
from leaflet.pdf.subsets import retag_subsets

__all__ = [
    "CHECKS",
    "Expectations",
    "Finding",
    "LanguagePart",
    "add_marks",
    "booklet_order",
    "booklet_pages",
    "booklet_sheet",
    "check_pdf",
    "check_pdf_file",
    "extract_text",
    "impose_booklet",
    "merge_languages",
    "retag_subsets",
    "write_all_atomically",
    "write_atomically",
]
