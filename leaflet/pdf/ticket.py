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
A5_WIDTH_MM = 148.5  # a page this wide or narrower is a booklet's, saddle-stitched, never stapled at a corner
_CMYK = re.compile(rb"(?<![\w.])([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) [kK](?![\w])")
_INKS = ("cyan", "magenta", "yellow", "black")
_RGB = re.compile(rb"(?<![\w.])[\d.]+ [\d.]+ [\d.]+ (rg|RG)(?![\w])")


@dataclass(frozen=True)
class PrintOrder:
    """What the hospital orders of a print file (hospital.yaml's `print:`, the desk's print log)."""

    quantity: int  # copies
    quantity_from: str  # how the quantity was reached, e.g. "default in hospital.yaml"
    paper: str  # e.g. "Silk, 130 gsm, silk"
    colour: str  # the colour condition agreed, e.g. FOGRA39, or "shop's standard"
    binding: str  # of an A4 leaflet of more than two pages, e.g. corner staple


def sheets_per_copy(pages: int) -> int:
    """Sheets of paper one copy takes, printed on both sides (an imposed file's pages are its sheet sides)."""
    return -(-pages // 2)


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
    order: PrintOrder | None = None  # how many, on what: none where hospital.yaml gives no `print:`


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
        stapled = facts.order if trim_mm[0] > A5_WIDTH_MM else None  # A4 bound as agreed; A5 pages are a booklet's
        imposition = "Imposition: none; the shop imposes" + (
            " (the page count is a multiple of 4 for a saddle-stitched booklet)" if pages % 4 == 0 else "")
        if stapled is not None:
            imposition = "Imposition: none; each page printed as it is, page 1 on the front of the first sheet"
        layout = [f"Pages: {pages}, single pages in reading order", imposition,
                  _binding(stapled, pages, binding, reads)]
    lines = [
        f"Job ticket for {facts.file_name}",
        f"Leaflet: {facts.title} ({facts.language}), {facts.code}, version {facts.version}, "
        f"published {facts.published}",
        "",
        f"Trim size: {trim_mm[0]:g} x {trim_mm[1]:g} mm (TrimBox on every {'side' if facts.imposed else 'page'})",
        _bleed(bleed_mm, facts.imposed),
        *layout[:1],
        _colours(reader),
        f"Fonts: all embedded as subsets: {', '.join(_fonts(reader))}",
        *layout[1:],
        "PDF/X: no claim is made; no OutputIntent is written, as none could be verified here. "
        + _colour_condition(facts.order),
        *_order_lines(facts.order, pages),
    ]
    if facts.draft:
        lines.append("PROOF ONLY: this translation has not had its medical review; every page carries the "
                     "draft mark. Not for the print run.")
    return "\n".join(lines) + "\n"


def _bleed(bleed_mm: float, imposed: bool) -> str:
    if not bleed_mm:  # large print: made for reading, printed edge to edge of nothing
        return ("Bleed: none, and no crop marks: a file for a digital press or an office printer, printed at "
                "actual size (100%) with a white margin")
    return (f"Bleed: {bleed_mm:g} mm on every side (BleedBox = trim + {bleed_mm:g} mm); crop marks outside the bleed; "
            f"a slug line under the bleed names the file, version, date and {'sheet side' if imposed else 'page'}")


def _colours(reader: PdfReader) -> str:
    inks = _inks(reader)
    if inks == ["none"] and any(_RGB.search(data) for data in content_streams(reader.pages)):
        return "Colours: RGB (a file for screens and digital printing, not separated for press)"
    return f"Colours: process CMYK only, no spot colours, no RGB; inks used: {', '.join(inks)}"


def _binding(order: PrintOrder | None, pages: int, side: str, reads: str) -> str:
    """How single pages are bound: A4 as the hospital has agreed for more than two pages (a corner
    staple at the top of the side the language is bound on); A5 pages (`order` None) are a booklet's."""
    if order is None:
        return f"Fold and staple: none as supplied; as a booklet, saddle-stitched on the {side} ({reads})"
    sheets = sheets_per_copy(pages)
    if pages <= 2 or order.binding == "none":
        return f"Binding: none; {sheets} loose sheet{'s' if sheets > 1 else ''} a copy, in page order"
    where = f"at the top {side}" if order.binding == "corner staple" else f"on the {side} edge"
    return f"Binding: {order.binding} {where} ({reads}), through the {sheets} sheets of each copy in page order"


def _colour_condition(order: PrintOrder | None) -> str:
    if order is None:
        return "Print to your usual CMYK condition."
    if order.colour == "shop's standard":
        return "Print to your standard CMYK condition, as agreed with the hospital."
    return f"Print to {order.colour}, the colour condition agreed with the hospital."


def _order_lines(order: PrintOrder | None, pages: int) -> list[str]:
    if order is None:
        return []
    sheets = sheets_per_copy(pages)
    return [
        "",
        f"Quantity: {order.quantity:,} copies ({order.quantity_from})",
        f"Paper: {order.paper}",
        f"Sheets: {sheets} a copy, printed on both sides; {sheets * order.quantity:,} in all",
    ]


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
