"""What every page carries around the text: the first-page header band, running header, footer.

For right-to-left languages the furniture is mirrored: the badge, the running title
and the leaflet code sit on the right, page numbers on the left.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.colors import HexColor, white
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from leaflet.layout.geometry import PageGeometry, from_start
from leaflet.layout.styles import Palette, Styles
from leaflet.layout.textblock import BlockStyle, TextBlock

DRAFT_INK, DRAFT_FILL = HexColor("#8A3B00"), HexColor("#FFE2BF")


@dataclass(frozen=True)
class PageTexts:
    """Already-worded strings the page furniture shows."""

    wordmark: str
    institute: str
    patient_information: str
    title: str
    subtitle: str
    opening_hours: str
    running_title: str
    footer_start: str
    draft_mark: str | None  # shown on every page while the translation is a draft


def _place(canvas: Canvas, block: TextBlock, start: float, y: float, width: float, rtl: bool,
           page_width: float) -> None:
    """Draw a block measured from the reading-start edge of the page."""
    block.wrapOn(canvas, width, 10_000)
    block.drawOn(canvas, from_start(start, width, page_width, rtl), y)


def _place_row(canvas: Canvas, blocks: list[tuple[TextBlock, float, float]], y: float, rtl: bool,
               page_width: float) -> None:
    """Blocks sharing a baseline, drawn left to right.

    pdfium gathers the text objects of one line and reads them sorted left to right;
    drawing them in that order keeps each block's copied text whole and single.
    """
    for block, start, width in sorted(blocks, key=lambda item: from_start(*item[1:], page_width, rtl)):
        _place(canvas, block, start, y, width, rtl, page_width)


class HeaderBand:
    """The brand band across the top of page 1, sized to its (possibly wrapped) title."""

    def __init__(self, texts: PageTexts, geometry: PageGeometry, styles: Styles, palette: Palette,
                 rtl: bool, bleed: float = 0.0):
        self.texts, self.geometry, self.styles, self.palette, self.rtl = texts, geometry, styles, palette, rtl
        self.bleed = bleed  # how far the colour runs beyond the trim, on print pages
        self.pad = geometry.margin_top
        width = geometry.text_width
        self.badge_height = styles.title.text.size * 1.05
        self.badge_width = self.badge_height * 2.3
        self.beside_badge = width - self.badge_width - self.pad * 0.6
        self.institute = TextBlock(texts.institute, styles.band_strong)
        self.kicker = TextBlock(texts.patient_information, styles.kicker)
        self.title = TextBlock(texts.title, styles.title)
        self.subtitle = TextBlock(texts.subtitle, styles.subtitle)
        self.hours = TextBlock(texts.opening_hours, styles.band)
        self.institute_height = self.institute.wrap(self.beside_badge, 1000)[1]
        self.kicker_height = self.kicker.wrap(self.beside_badge, 1000)[1]
        self.title_height = self.title.wrap(width, 1000)[1]
        self.subtitle_height = self.subtitle.wrap(width, 1000)[1]
        self.hours_height = self.hours.wrap(width, 1000)[1]
        self.strip_height = self.hours_height + self.pad * 0.7
        self.top_row = max(self.badge_height, self.institute_height + self.kicker_height)
        self.height = (self.pad + self.top_row + self.pad * 0.7 + self.title_height + self.subtitle_height
                       + self.pad * 0.7 + self.strip_height)

    def draw(self, canvas: Canvas) -> None:
        g, pal = self.geometry, self.palette
        bottom = g.height - self.height
        left, across = -self.bleed, g.width + 2 * self.bleed
        canvas.setFillColor(pal.primary)
        canvas.rect(left, bottom, across, self.height + self.bleed, stroke=0, fill=1)
        canvas.setFillColor(pal.primary_dark)
        canvas.rect(left, bottom, across, self.strip_height, stroke=0, fill=1)
        canvas.setFillColor(pal.accent)
        canvas.rect(left, bottom - 3, across, 3, stroke=0, fill=1)
        margin, width, rtl = g.margin_side, g.text_width, self.rtl
        top = g.height - self.pad
        badge_x = from_start(margin, self.badge_width, g.width, rtl)
        self._draw_badge(canvas, badge_x, top - self.badge_height)
        text_start = margin + self.badge_width + self.pad * 0.6
        block = self.institute_height + self.kicker_height
        text_top = top - (self.top_row - block) / 2
        _place(canvas, self.institute, text_start, text_top - self.institute_height, self.beside_badge,
               rtl, g.width)
        _place(canvas, self.kicker, text_start, text_top - block, self.beside_badge, rtl, g.width)
        y = top - self.top_row - self.pad * 0.7 - self.title_height
        _place(canvas, self.title, margin, y, width, rtl, g.width)
        _place(canvas, self.subtitle, margin, y - self.subtitle_height, width, rtl, g.width)
        _place(canvas, self.hours, margin, bottom + (self.strip_height - self.hours_height) / 2, width,
               rtl, g.width)

    def _draw_badge(self, canvas: Canvas, x: float, y: float) -> None:
        canvas.setFillColor(white)
        canvas.roundRect(x, y, self.badge_width, self.badge_height, self.badge_height * 0.18,
                         stroke=0, fill=1)
        canvas.setFillColor(self.palette.accent)
        canvas.rect(x, y, self.badge_width, self.badge_height * 0.09, stroke=0, fill=1)
        style = self.styles.title.text.with_(size=self.badge_height * 0.5, colour=self.palette.primary,
                                             align="center", language="en")
        mark = TextBlock(self.texts.wordmark, BlockStyle(style))
        _, height = mark.wrap(self.badge_width, 1000)
        mark.drawOn(canvas, x, y + (self.badge_height - height) / 2 + self.badge_height * 0.04)


class PageFurniture:
    """Draws the header band or running header, and the footer, on each page."""

    def __init__(self, texts: PageTexts, geometry: PageGeometry, styles: Styles, palette: Palette,
                 page_label: Callable[[int], str], rtl: bool, bleed: float = 0.0):
        self.texts, self.geometry, self.styles, self.palette = texts, geometry, styles, palette
        self.page_label = page_label
        self.rtl = rtl
        self.band = HeaderBand(texts, geometry, styles, palette, rtl, bleed)

    def first_page(self, canvas: Canvas, _doc) -> None:
        self.band.draw(canvas)
        self._footer(canvas)
        self._draft_mark(canvas)

    def _draft_mark(self, canvas: Canvas) -> None:
        """A small amber pill centred in the top margin: this translation is not yet reviewed."""
        if not self.texts.draft_mark:
            return
        g = self.geometry
        style = BlockStyle(self.styles.small_label.text.with_(
            colour=DRAFT_INK, align="center"))
        mark = TextBlock(self.texts.draft_mark, style)
        mark.wrap(g.text_width, 100)
        width = mark.setting(g.text_width).natural_width
        height = mark.height
        pad = style.text.size * 0.6
        bottom = g.height - 5 * mm - height  # text stays 5 mm inside the trim, for print
        canvas.setFillColor(DRAFT_FILL)
        canvas.roundRect((g.width - width) / 2 - pad, bottom - pad * 0.3, width + 2 * pad, height + pad * 0.6,
                         (height + pad * 0.6) / 2, stroke=0, fill=1)
        mark.drawOn(canvas, g.margin_side, bottom)

    def later_page(self, canvas: Canvas, _doc) -> None:
        g = self.geometry
        running = self.styles.running
        title = TextBlock(self.texts.running_title, running)
        mark = TextBlock(self.texts.wordmark, BlockStyle(running.text.with_(align="end")))
        half = g.text_width / 2
        height = title.wrap(g.text_width * 0.75, 100)[1]
        top = g.height - g.margin_top
        _place_row(canvas, [(title, g.margin_side, g.text_width * 0.75), (mark, g.margin_side + half, half)],
                   top - height, self.rtl, g.width)
        canvas.setStrokeColor(self.palette.accent)
        canvas.setLineWidth(0.8)
        rule = top - height - running.text.size * 0.3
        canvas.line(g.margin_side, rule, g.width - g.margin_side, rule)
        self._footer(canvas)
        self._draft_mark(canvas)

    def _footer(self, canvas: Canvas) -> None:
        g = self.geometry
        small = self.styles.small
        code = TextBlock(self.texts.footer_start, small)
        page = TextBlock(self.page_label(canvas.getPageNumber()),
                         BlockStyle(self.styles.small_label.text.with_(align="end")))
        half = g.text_width / 2
        height = code.wrap(g.text_width * 0.7, 100)[1]
        rule = g.margin_bottom + height + small.text.size * 0.4
        canvas.setStrokeColor(self.palette.tint)
        canvas.setLineWidth(0.8)
        canvas.line(g.margin_side, rule, g.width - g.margin_side, rule)
        _place_row(canvas, [(code, g.margin_side, g.text_width * 0.7), (page, g.margin_side + half, half)],
                   g.margin_bottom, self.rtl, g.width)
