"""Reading PDFs back as a reader's tools do: pdfium (Chrome, Edge) text, lines and font sizes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from leaflet.pdf import extract_text


@dataclass(frozen=True)
class TextLine:
    text: str
    y: float  # lowest point of the line's character boxes
    size: float  # largest font size on the line


def page_texts(path: Path) -> list[str]:
    return extract_text(path.read_bytes())


def page_lines(path: Path) -> list[list[TextLine]]:
    """Each page's text lines as pdfium reads them, in reading order."""
    document = pdfium.PdfDocument(path.read_bytes())
    pages = []
    for page in document:
        textpage = page.get_textpage()
        lines, chars, bottoms, sizes = [], [], [], []
        for index in range(textpage.count_chars()):
            char = textpage.get_text_range(index, 1)
            if char in ("\r", "\n"):
                if chars:
                    lines.append(TextLine("".join(chars).strip(), min(bottoms), max(sizes)))
                chars, bottoms, sizes = [], [], []
                continue
            chars.append(char)
            box = textpage.get_charbox(index)
            if box[3] > box[1]:
                bottoms.append(box[1])
                sizes.append(pdfium_c.FPDFText_GetFontSize(textpage.raw, index))
        if chars and bottoms:
            lines.append(TextLine("".join(chars).strip(), min(bottoms), max(sizes)))
        pages.append([line for line in lines if line.text])
    document.close()
    return pages
