"""The job ticket a print file travels with: what a prepress operator would otherwise phone about.

Everything in it is read from the finished PDF (boxes, pages, fonts, the inks its colour
operators use), so the ticket cannot disagree with the file it describes; only what a PDF
cannot say (what the pages are, how they are bound, whether the text was reviewed) is given.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from pypdf import PdfReader

from leaflet.pdf.checks import content_streams, fonts_used

_POINTS_PER_MM = 72 / 25.4
_CMYK = re.compile(rb"(?<![\w.])([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) [kK](?![\w])")
_INKS = ("cyan", "magenta", "yellow", "black")


@dataclass(frozen=True)
class JobFacts:
    """What the ticket says that the PDF itself cannot."""

    file_name: str
    title: str
    language: str  # its name, e.g. Urdu
    code: str
    version: str
    published: str  # ISO date
    right_to_left: bool
    draft: bool  # a proof of a translation not yet reviewed, marked as such on every page
    imposed: bool = False  # a booklet's sheet sides, two pages to each, not single pages


def job_ticket(pdf: bytes, facts: JobFacts) -> str:
    """The ticket's text: trim, bleed, pages, colours, fonts, imposition, binding, and no PDF/X claim."""
    reader = PdfReader(io.BytesIO(pdf))
    first = reader.pages[0]
    trim, bleed = first.trimbox, first.bleedbox
    trim_mm = (_mm(float(trim.width)), _mm(float(trim.height)))
    bleed_mm = _mm(float(trim.left) - float(bleed.left))
    pages = len(reader.pages)
    binding = "right" if facts.right_to_left else "left"
    reads = f"{facts.language} reads {'right to left' if facts.right_to_left else 'left to right'}"
    if facts.imposed:
        page_mm = (trim_mm[0] / 2, trim_mm[1])
        layout = [
            f"Pages: {pages} sheet sides ({pages // 2} sheets printed on both sides), two {page_mm[0]:g} x "
            f"{page_mm[1]:g} mm pages side by side on each: {2 * pages} booklet pages",
            "Imposition: done, saddle-stitch order (the first side carries the last page and page 1); "
            "each side's trim is the two pages together, with bleed on its outer edges only",
            f"Fold and staple: fold each sheet at the spine (the dashed marks above and below the trim), "
            f"nest the sheets in order, two staples through the fold; bound on the {binding} ({reads})",
        ]
    else:
        layout = [
            f"Pages: {pages}, single pages in reading order",
            "Imposition: none; the shop imposes" + (" (the page count is a multiple of 4 for a saddle-stitched "
                                                     "booklet)" if pages % 4 == 0 else ""),
            f"Fold and staple: none as supplied; as a booklet, saddle-stitched on the {binding} ({reads})",
        ]
    lines = [
        f"Job ticket for {facts.file_name}",
        f"Leaflet: {facts.title} ({facts.language}), {facts.code}, version {facts.version}, "
        f"published {facts.published}",
        "",
        f"Trim size: {trim_mm[0]:g} x {trim_mm[1]:g} mm (TrimBox on every {'side' if facts.imposed else 'page'})",
        f"Bleed: {bleed_mm:g} mm on every side (BleedBox = trim + {bleed_mm:g} mm); crop marks outside the bleed; "
        f"a slug line under the bleed names the file, version, date and {'sheet side' if facts.imposed else 'page'}",
        *layout[:1],
        f"Colours: process CMYK only, no spot colours, no RGB; inks used: {', '.join(_inks(reader))}",
        f"Fonts: all embedded as subsets: {', '.join(_fonts(reader))}",
        *layout[1:],
        "PDF/X: no claim is made; no OutputIntent is written, as none could be verified here. "
        "Print to your usual CMYK condition.",
    ]
    if facts.draft:
        lines.append("PROOF ONLY: this translation has not had its medical review; every page carries the "
                     "draft mark. Not for the print run.")
    return "\n".join(lines) + "\n"


def _mm(points: float) -> float:
    return round(points / _POINTS_PER_MM, 1)


def _inks(reader: PdfReader) -> list[str]:
    """The process inks any fill or stroke colour of the pages and their forms puts down."""
    used = [False] * 4
    for data in content_streams(reader.pages):
        for match in _CMYK.finditer(data):
            for index, value in enumerate(match.groups()):
                if float(value) > 0:
                    used[index] = True
    return [ink for ink, on in zip(_INKS, used, strict=True) if on] or ["none"]


def _fonts(reader: PdfReader) -> list[str]:
    """Each font program's name, without its subset tag."""
    return sorted({str(font.get("/BaseFont", "?")).lstrip("/").split("+")[-1] for font in fonts_used(reader.pages)})
