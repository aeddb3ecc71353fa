"""What every page carries around the text: the first-page header band, running header, footer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.colors import white
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from leaflet.layout.geometry import PageGeometry
from leaflet.layout.styles import Palette, Styles


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
    footer_left: str


class HeaderBand:
    """The brand band across the top of page 1, sized to its (possibly wrapped) title."""

    def __init__(self, texts: PageTexts, geometry: PageGeometry, styles: Styles, palette: Palette):
        self.texts = texts
        self.geometry = geometry
        self.palette = palette
        self.pad = geometry.margin_top
        width = geometry.text_width
        self.badge_height = styles.title.fontSize * 1.05
        self.badge_width = self.badge_height * 2.3
        beside_badge = width - self.badge_width - self.pad * 0.6
        self.institute = Paragraph(texts.institute, styles.band_small.clone(
            "institute", fontName=styles.section.fontName))
        self.kicker = Paragraph(texts.patient_information.upper(), styles.band_small.clone(
            "kicker", textColor=palette.tint))
        self.title = Paragraph(texts.title, styles.title)
        self.subtitle = Paragraph(texts.subtitle, styles.subtitle)
        self.hours = Paragraph(texts.opening_hours, styles.band_small)
        self.institute_height = self.institute.wrap(beside_badge, 1000)[1]
        self.kicker_height = self.kicker.wrap(beside_badge, 1000)[1]
        self.title_height = self.title.wrap(width, 1000)[1]
        self.subtitle_height = self.subtitle.wrap(width, 1000)[1]
        self.hours_height = self.hours.wrap(width, 1000)[1]
        self.strip_height = self.hours_height + self.pad * 0.7
        self.height = (self.pad + max(self.badge_height, self.institute_height + self.kicker_height)
                       + self.pad * 0.9 + self.title_height + self.subtitle_height * 1.1
                       + self.pad * 0.8 + self.strip_height)

    def draw(self, canvas: Canvas) -> None:
        g, pal = self.geometry, self.palette
        bottom = g.height - self.height
        canvas.setFillColor(pal.primary)
        canvas.rect(0, bottom, g.width, self.height, stroke=0, fill=1)
        canvas.setFillColor(pal.primary_dark)
        canvas.rect(0, bottom, g.width, self.strip_height, stroke=0, fill=1)
        canvas.setFillColor(pal.accent)
        canvas.rect(0, bottom - 3, g.width, 3, stroke=0, fill=1)
        x = g.margin_side
        top = g.height - self.pad
        self._draw_badge(canvas, x, top - self.badge_height)
        text_x = x + self.badge_width + self.pad * 0.6
        block = self.institute_height + self.kicker_height
        text_top = top - (self.badge_height - block) / 2 if block < self.badge_height else top
        self.institute.drawOn(canvas, text_x, text_top - self.institute_height)
        self.kicker.drawOn(canvas, text_x, text_top - block)
        y = top - max(self.badge_height, block) - self.pad * 0.9 - self.title_height
        self.title.drawOn(canvas, x, y)
        self.subtitle.drawOn(canvas, x, y - self.subtitle_height * 1.1)
        self.hours.drawOn(canvas, x, bottom + (self.strip_height - self.hours_height) / 2)

    def _draw_badge(self, canvas: Canvas, x: float, y: float) -> None:
        canvas.setFillColor(white)
        canvas.roundRect(x, y, self.badge_width, self.badge_height, self.badge_height * 0.18,
                         stroke=0, fill=1)
        canvas.setFillColor(self.palette.accent)
        canvas.rect(x, y, self.badge_width, self.badge_height * 0.09, stroke=0, fill=1)
        font = self.title.style.fontName
        size = self.badge_height * 0.5
        canvas.setFillColor(self.palette.primary)
        canvas.setFont(font, size)
        canvas.drawCentredString(x + self.badge_width / 2, y + self.badge_height * 0.32, self.texts.wordmark)


class PageFurniture:
    """Draws the header band or running header, and the footer, on each page."""

    def __init__(self, texts: PageTexts, geometry: PageGeometry, styles: Styles, palette: Palette,
                 page_label: Callable[[int], str]):
        self.texts = texts
        self.geometry = geometry
        self.styles = styles
        self.palette = palette
        self.page_label = page_label
        self.band = HeaderBand(texts, geometry, styles, palette)

    def first_page(self, canvas: Canvas, _doc) -> None:
        self.band.draw(canvas)
        self._footer(canvas)

    def later_page(self, canvas: Canvas, _doc) -> None:
        g = self.geometry
        baseline = g.height - g.margin_top - self.styles.small.fontSize
        canvas.setFont(self.styles.small_label.fontName, self.styles.small.fontSize)
        canvas.setFillColor(self.palette.primary)
        canvas.drawString(g.margin_side, baseline, self.texts.running_title)
        canvas.drawRightString(g.width - g.margin_side, baseline, self.texts.wordmark)
        canvas.setStrokeColor(self.palette.accent)
        canvas.setLineWidth(0.8)
        rule = baseline - self.styles.small.fontSize * 0.7
        canvas.line(g.margin_side, rule, g.width - g.margin_side, rule)
        self._footer(canvas)

    def _footer(self, canvas: Canvas) -> None:
        g = self.geometry
        baseline = g.margin_bottom
        size = self.styles.small.fontSize
        canvas.setStrokeColor(self.palette.tint)
        canvas.setLineWidth(0.8)
        canvas.line(g.margin_side, baseline + size * 1.6, g.width - g.margin_side, baseline + size * 1.6)
        canvas.setFillColor(self.palette.muted)
        canvas.setFont(self.styles.small.fontName, size)
        canvas.drawString(g.margin_side, baseline, self.texts.footer_left)
        canvas.setFont(self.styles.small_label.fontName, size)
        canvas.drawRightString(g.width - g.margin_side, baseline, self.page_label(canvas.getPageNumber()))
