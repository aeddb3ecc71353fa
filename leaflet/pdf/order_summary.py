"""The one-page summary that heads a print order: what to print, how many, on what, and what was left out.

It is read by a person at the print shop, so it says everything in words and figures they can check
against the print files and job tickets beside it; nothing in it is worked out from those files.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from leaflet.pdf.subsets import retag_subsets
from leaflet.text import register_family
from leaflet.text.fonts import FontFamily


@dataclass(frozen=True)
class OrderLine:
    """One print file to print."""

    leaflet: str  # id, e.g. clinic-visit
    title: str  # its English title
    language: str  # language name in English, e.g. Urdu
    product: str  # e.g. "A4 leaflet", "A5 booklet", "Large print A4"
    file: str  # the print file's name
    pages: int  # pages of one copy (for a booklet: booklet pages)
    sheets_per_copy: int
    quantity: int  # copies
    paper: str  # e.g. "Silk 130 gsm"
    quantity_from: str  # e.g. "print log: 212 prints in 6 months", or "default (hospital.yaml)"

    @property
    def sheets(self) -> int:
        return self.sheets_per_copy * self.quantity


@dataclass(frozen=True)
class LeftOut:
    """A leaflet in a language that is not in the order, and why."""

    leaflet: str
    language: str
    reason: str  # e.g. "draft translation: not medically reviewed"


PAGE = landscape(A4)  # ten columns, a file name among them, need the width
_MARGIN = 28.0  # page edge to text, all round
_FOOTER = 16.0  # below the bottom margin's frame: hospital, date, page N of M
_PADDING = 4.0  # left and right in every cell
_SIZE = 8.0  # of the text in the tables
_INK = colors.HexColor("#1B1B1B")
_MUTED_HEX = "#5A5A5A"
_MUTED = colors.HexColor(_MUTED_HEX)
_RULE = colors.HexColor("#B8B8B8")
_HEAD_FILL = colors.HexColor("#EDEFF1")
# Widths (points) of the columns whose contents are short and known; the file name's column is as wide
# as the longest name (a name broken across lines is easily misread), and the leaflet's and the
# quantity's source share what is left.
_FIXED_WIDTHS = {"Language": 46, "Product": 62, "Pages": 32, "Sheets per copy": 40, "Quantity": 44,
                 "Total sheets": 44, "Paper": 80}
_LEAST_SHARED_WIDTH = 110.0  # kept by the leaflet and source columns each; a longer file name is broken


@dataclass(frozen=True)
class _Column:
    heading: str
    width: float
    number: bool = False  # right-aligned


@dataclass(frozen=True)
class _Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    cell: ParagraphStyle
    number: ParagraphStyle
    head: ParagraphStyle
    head_number: ParagraphStyle


def order_summary(lines: list[OrderLine], left_out: list[LeftOut], *, hospital: str, date: str,
                  colour: str, binding: str) -> bytes:
    """The order's summary as a PDF: one A4 landscape page for a dozen files, more pages if need be.

    The same arguments give the same bytes.
    """
    fonts = register_family("NotoSans")
    styles = _styles(fonts)
    columns = _order_columns(lines, fonts)

    def story() -> list[Flowable]:
        return [
            Paragraph("Print order", styles.title),
            Paragraph(f"{escape(hospital)} · {escape(date)}", styles.subtitle),
            _order_table(lines, columns, styles),
            Spacer(0, 8),
            Paragraph(f"Colour: {escape(colour)}; binding of multi-page A4: {escape(binding)}", styles.body),
            Spacer(0, 10),
            Paragraph("Left out", styles.heading),
            _left_out_table(left_out, columns, styles) if left_out else
            Paragraph("Nothing was left out.", styles.body),
        ]

    title = f"Print order · {hospital} · {date}"
    # The footer says "page N of M": a first pass counts the pages (the footer takes no room in the frame).
    _, pages = _render(story(), title, _footer(title, 0, fonts), fonts)
    data, _ = _render(story(), title, _footer(title, pages, fonts), fonts)
    return data


def _render(story: list[Flowable], title: str, footer: Callable[[Canvas, BaseDocTemplate], None],
            fonts: FontFamily) -> tuple[bytes, int]:
    """The PDF's bytes and its number of pages."""
    buffer = io.BytesIO()
    document = BaseDocTemplate(buffer, pagesize=PAGE, title=title, lang="en-GB",
                               invariant=1,  # no clock, no random document id: the same order, the same bytes
                               initialFontName=fonts.regular)  # else ReportLab puts an unused Helvetica in
    frame = Frame(_MARGIN, _MARGIN + _FOOTER, PAGE[0] - 2 * _MARGIN, PAGE[1] - 2 * _MARGIN - _FOOTER,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    # The footer is drawn at the end of each page, so that text copied from the page begins with its heading.
    document.addPageTemplates([PageTemplate(frames=[frame], onPageEnd=footer)])
    document.build(story)
    return retag_subsets(buffer.getvalue()), document.page  # as every PDF of ours, in case it is put with others


def _footer(text: str, pages: int, fonts: FontFamily) -> Callable[[Canvas, BaseDocTemplate], None]:
    def draw(canvas: Canvas, document: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(fonts.regular, 7.5)
        canvas.setFillColor(_MUTED)
        canvas.drawString(_MARGIN, _MARGIN, text)
        canvas.drawRightString(PAGE[0] - _MARGIN, _MARGIN, f"Page {document.page} of {pages}")
        canvas.restoreState()

    return draw


def _styles(fonts: FontFamily) -> _Styles:
    # fontName is the family's regular font, which register_family maps <b> in Paragraphs to its bold.
    cell = ParagraphStyle("cell", fontName=fonts.regular, fontSize=_SIZE, leading=9.5, textColor=_INK)
    head = ParagraphStyle("head", parent=cell, fontName=fonts.bold, fontSize=7.5, leading=9, textColor=_MUTED)
    return _Styles(
        title=ParagraphStyle("title", parent=cell, fontName=fonts.bold, fontSize=17, leading=20),
        subtitle=ParagraphStyle("subtitle", parent=cell, fontSize=10.5, leading=14, textColor=_MUTED, spaceAfter=9),
        heading=ParagraphStyle("heading", parent=cell, fontName=fonts.bold, fontSize=11, leading=14, spaceAfter=4),
        body=ParagraphStyle("body", parent=cell, fontSize=9, leading=12),
        cell=cell,
        number=ParagraphStyle("number", parent=cell, alignment=TA_RIGHT),
        head=head,
        head_number=ParagraphStyle("head_number", parent=head, alignment=TA_RIGHT),
    )


def _order_columns(lines: list[OrderLine], fonts: FontFamily) -> tuple[_Column, ...]:
    usable = PAGE[0] - 2 * _MARGIN
    fixed = sum(_FIXED_WIDTHS.values())
    longest = max((stringWidth(line.file, fonts.regular, _SIZE) for line in lines), default=0)
    file = min(longest + 2 * _PADDING + 1, usable - fixed - 2 * _LEAST_SHARED_WIDTH)
    shared = (usable - fixed - file) / 2
    numbers = ("Pages", "Sheets per copy", "Quantity", "Total sheets")
    widths = {**_FIXED_WIDTHS, "Leaflet": shared, "File": file, "Quantity from": shared}
    headings = ("Leaflet", "Language", "Product", "File", "Pages", "Sheets per copy", "Quantity", "Total sheets",
                "Paper", "Quantity from")
    return tuple(_Column(heading, widths[heading], heading in numbers) for heading in headings)


def _order_table(lines: list[OrderLine], columns: tuple[_Column, ...], styles: _Styles) -> Table:
    """One row per print file, under a heading row repeated on every page, over a row of totals."""
    copies, sheets = sum(line.quantity for line in lines), sum(line.sheets for line in lines)
    files = f"{len(lines)} print file{'' if len(lines) == 1 else 's'}"
    totals = [f"<b>Total: {files}</b>", "", "", "", "", "", f"<b>{copies:,}</b>", f"<b>{sheets:,}</b>", "", ""]
    table = _table(columns, [_line_cells(line) for line in lines] + [totals], styles)
    table.setStyle(TableStyle([("LINEABOVE", (0, -1), (-1, -1), 0.75, _INK)]))
    return table


def _line_cells(line: OrderLine) -> list[str]:
    """The row's cells as Paragraph markup: the title with its id under it, small."""
    leaflet = f"{escape(line.title)}<br/><font size=6.5 color='{_MUTED_HEX}'>{escape(line.leaflet)}</font>"
    return [leaflet, escape(line.language), escape(line.product), escape(line.file), f"{line.pages:,}",
            f"{line.sheets_per_copy:,}", f"{line.quantity:,}", f"{line.sheets:,}", escape(line.paper),
            escape(line.quantity_from)]


def _left_out_table(left_out: list[LeftOut], order: tuple[_Column, ...], styles: _Styles) -> Table:
    """Leaflet and language under those of the order table; the reason takes the rest of its width."""
    leaflet, language = order[0], order[1]
    reason = _Column("Reason", sum(column.width for column in order[2:]))
    rows = [[escape(item.leaflet), escape(item.language), escape(item.reason)] for item in left_out]
    return _table((leaflet, language, reason), rows, styles)


def _table(columns: tuple[_Column, ...], rows: list[list[str]], styles: _Styles) -> Table:
    """A table in the summary's style from rows of Paragraph markup: a shaded heading row, hairlines
    between rows, numbers right-aligned."""
    heading = [Paragraph(column.heading, styles.head_number if column.number else styles.head) for column in columns]
    body = [[Paragraph(markup, styles.number if column.number else styles.cell)
             for markup, column in zip(row, columns, strict=True)] for row in rows]
    table = Table([heading, *body], colWidths=[column.width for column in columns], repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles.cell.fontName),  # which the table sets, else Helvetica is named
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),  # one-line headings sit on the line with the two-line ones
        ("BACKGROUND", (0, 0), (-1, 0), _HEAD_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.75, _INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, _RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LEFTPADDING", (0, 0), (-1, -1), _PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), _PADDING),
    ]))
    return table
