"""PDF stage: checking finished PDFs and writing them safely."""

from leaflet.pdf.checks import Expectations, Finding, check_pdf, check_pdf_file, extract_text
from leaflet.pdf.output import write_atomically

__all__ = ["Expectations", "Finding", "check_pdf", "check_pdf_file", "extract_text", "write_atomically"]
