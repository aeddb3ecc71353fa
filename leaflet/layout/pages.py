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

from leaflet.layout.geometry import RULE_CLEARANCE, PageGeometry, from_start
from leaflet.layout.styles import Palette, Styles
from leaflet.layout.tagging import artifact
from leaflet.layout.textblock import BlockStyle, TextBlock
from leaflet.text import SetText, draw_page_primer, fit_line, fit_size, parse_inline, set_text

DRAFT_INK, DRAFT_FILL = HexColor("#8A3B00"), HexColor("#FFE2BF")
DRAFT_MARK_TOP = 5 * mm  # from the top edge: text stays 5 mm inside the trim, for print
DRAFT_BAND = 9 * mm  # how far below the top margin the draft mark may reach


def text_areas(geometry: PageGeometry) -> tuple[tuple[float, float, float, float], ...]:
    """Where text may be drawn on a page, (left, bottom, right, top) from the trim's lower left:
    inside the margins, and in the top margin's band that holds the draft mark."""
    g = geometry
    inside_margins = (g.margin_side, g.margin_bottom, g.width - g.margin_side, g.height - g.margin_top)
    draft_band = (g.margin_side, g.height - g.margin_top - DRAFT_BAND, g.width - g.margin_side,
                  g.height - DRAFT_MARK_TOP)
    return inside_margins, draft_band


@dataclass(frozen=True)
class PageTexts:
    """Already-worded strings the page furniture shows."""

    wordmark: str
    institute: str
    patient_information: str
    title: str
    subtitle: str
    opening_hours: str | None  # None: the band has no strip of opening hours
    running_title: tuple[str, ...]  # one line: the first that fits, else the last cut with an ellipsis
    footer_start: tuple[str, ...]  # the same for the footer's leaflet code, version and date
    draft_mark: str | None  # shown on every page while the translation is a draft


def _place(canvas: Canvas, block: TextBlock, start: float, y: float, width: float, rtl: bool,
           page_width: float) -> None:
    """Draw a block measured from the reading-start edge of the page."""
    block.wrapOn(canvas, width, 10_000)
    block.drawOn(canvas, from_start(start, width, page_width, rtl), y)


MAX_BAND_SHARE = 0.45  # of the page height: a long title is set smaller rather than push text off page 1


class HeaderBand:
    """The brand band across the top of page 1, sized to its (possibly wrapped) title.

    A title so long that the band would take more than MAX_BAND_SHARE of the page is set
    smaller, step by step, down to the subtitle's size.
    """

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
        self.hours = TextBlock(texts.opening_hours, styles.band) if texts.opening_hours else None
        self.institute_height = self.institute.wrap(self.beside_badge, 1000)[1]
        self.kicker_height = self.kicker.wrap(self.beside_badge, 1000)[1]
        self.hours_height = self.hours.wrap(width, 1000)[1] if self.hours else 0.0
        self.strip_height = self.hours_height + self.pad * 0.7 if self.hours else 0.0
        self.top_row = max(self.badge_height, self.institute_height + self.kicker_height)
        scale = 1.0
        while True:
            self.title = TextBlock(texts.title, _scaled(styles.title, scale), role="H1")
            self.subtitle = TextBlock(texts.subtitle, _scaled(styles.subtitle, min(1.0, scale * 1.2)))
            self.title_height = self.title.wrap(width, 1000)[1]
            self.subtitle_height = self.subtitle.wrap(width, 1000)[1]
            self.height = (self.pad + self.top_row + self.pad * 0.7 + self.title_height + self.subtitle_height
                           + self.pad * 0.7 + self.strip_height)
            smallest = styles.subtitle.text.size / styles.title.text.size
            if self.height <= geometry.height * MAX_BAND_SHARE or scale <= smallest:
                break
            scale = max(scale * 0.9, smallest)

    def draw(self, canvas: Canvas) -> None:
        g, pal = self.geometry, self.palette
        bottom = g.height - self.height
        left, across = -self.bleed, g.width + 2 * self.bleed
        margin, width, rtl = g.margin_side, g.text_width, self.rtl
        top = g.height - self.pad
        with artifact(canvas):  # the band's colours and badge; its words are the leaflet's own
            canvas.setFillColor(pal.primary)
            canvas.rect(left, bottom, across, self.height + self.bleed, stroke=0, fill=1)
            if self.hours:
                canvas.setFillColor(pal.primary_dark)
                canvas.rect(left, bottom, across, self.strip_height, stroke=0, fill=1)
            canvas.setFillColor(pal.accent)
            canvas.rect(left, bottom - 3, across, 3, stroke=0, fill=1)
        # The badge and the institute share a row: drawn left to right, as pdfium reads a row
        # (a wordmark drawn first at the right would come between the institute's text objects)
        badge_x = from_start(margin, self.badge_width, g.width, rtl)
        if not rtl:
            self._draw_badge(canvas, badge_x, top - self.badge_height)
        text_start = margin + self.badge_width + self.pad * 0.6
        block = self.institute_height + self.kicker_height
        text_top = top - (self.top_row - block) / 2
        _place(canvas, self.institute, text_start, text_top - self.institute_height, self.beside_badge,
               rtl, g.width)
        _place(canvas, self.kicker, text_start, text_top - block, self.beside_badge, rtl, g.width)
        if rtl:
            self._draw_badge(canvas, badge_x, top - self.badge_height)
        y = top - self.top_row - self.pad * 0.7 - self.title_height
        _place(canvas, self.title, margin, y, width, rtl, g.width)
        _place(canvas, self.subtitle, margin, y - self.subtitle_height, width, rtl, g.width)
        if self.hours:
            _place(canvas, self.hours, margin, bottom + (self.strip_height - self.hours_height) / 2, width,
                   rtl, g.width)

    def _draw_badge(self, canvas: Canvas, x: float, y: float) -> None:
        with artifact(canvas):  # the wordmark stands for the institute, whose name the band gives
            canvas.setFillColor(white)
            canvas.roundRect(x, y, self.badge_width, self.badge_height, self.badge_height * 0.18,
                             stroke=0, fill=1)
            canvas.setFillColor(self.palette.accent)
            canvas.rect(x, y, self.badge_width, self.badge_height * 0.09, stroke=0, fill=1)
            style = self.styles.title.text.with_(size=self.badge_height * 0.5, colour=self.palette.primary,
                                                 align="center", language="en")
            style = fit_size(self.texts.wordmark, style, self.badge_width * 0.88)  # smaller, never wrapped
            mark = TextBlock(self.texts.wordmark, BlockStyle(style))
            _, height = mark.wrap(self.badge_width, 1000)
            mark.drawOn(canvas, x, y + (self.badge_height - height) / 2 + self.badge_height * 0.04)


class PageFurniture:
    """Draws the header band or running header, and the footer, on each page.

    The running header, the footer and the draft mark are single lines: they are measured
    and shortened to fit (`shortened` names what had to be cut), never wrapped.
    """

    def __init__(self, texts: PageTexts, geometry: PageGeometry, styles: Styles, palette: Palette,
                 page_label: Callable[[int], str], rtl: bool, bleed: float = 0.0):
        self.texts, self.geometry, self.styles, self.palette = texts, geometry, styles, palette
        self.page_label = page_label
        self.rtl = rtl
        self.band = HeaderBand(texts, geometry, styles, palette, rtl, bleed)
        running, gap = styles.running.text, styles.running.text.size
        self.wordmark = set_text(parse_inline(texts.wordmark), running.with_(align="end"), geometry.text_width)
        self.running_title = fit_line(texts.running_title, running,
                                      geometry.text_width - self.wordmark.natural_width - gap)
        label_style = styles.small_label.text.with_(align="end")
        widest_label = set_text(parse_inline(page_label(88)), label_style, geometry.text_width).natural_width
        self.label_style = label_style
        self.footer_start = fit_line(tuple(_row_text(text) for text in texts.footer_start), styles.small.text,
                                     geometry.text_width - widest_label - gap)
        # even pages swap the two ends (see _footer): the same words, at the end side
        self.footer_start_at_end = set_text(parse_inline(self.footer_start.setting.text),
                                            styles.small.text.with_(align="end"), geometry.text_width)
        self.draft = (fit_line((texts.draft_mark,), styles.small_label.text.with_(colour=DRAFT_INK, align="center"),
                               geometry.text_width * 0.8) if texts.draft_mark else None)
        # The band for the running header holds its tallest ink and the rule under it; body text
        # starts below, however far a Nastaliq title reaches down.
        self.rule_gap = running.size * 0.3
        self.header_height = max(geometry.running_header_height,
                                 _row_height([self.running_title.setting, self.wordmark]) + self.rule_gap * 2.5)
        # The text above stops RULE_CLEARANCE clear of the footer's rule, whatever the footer's own
        # script needs under it (its tallest page number sets where the rule stands), and half a
        # point more: the layout measures a line's ink in slices, the check from the outlines.
        tallest = _row_height([self.footer_start.setting,
                               set_text(parse_inline(_row_text(page_label(88))), label_style, geometry.text_width)])
        self.footer_height = max(geometry.footer_height, tallest + styles.small.text.size * 0.4
                                 + FOOTER_RULE_WIDTH / 2 + RULE_CLEARANCE + 0.5)
        self.shortened = tuple((name, fitted.setting.text) for name, fitted in (
            ("running header", self.running_title), ("footer", self.footer_start), ("draft mark", self.draft))
            if fitted is not None and fitted.shortened)  # (what, the text shown instead)

    def first_page(self, canvas: Canvas, _doc) -> None:
        self._primer(canvas)
        self.band.draw(canvas)
        with artifact(canvas):
            self._footer(canvas)
            self._draft_mark(canvas)

    def _primer(self, canvas: Canvas) -> None:
        if self.rtl and not getattr(canvas, "measure_only", False):
            with artifact(canvas):
                draw_page_primer(canvas)

    def _draft_mark(self, canvas: Canvas) -> None:
        """A small amber pill centred in the top margin: this translation is not yet reviewed."""
        if self.draft is None:
            return
        g, mark = self.geometry, self.draft.setting
        width, height = mark.natural_width, mark.height
        pad = mark.style.size * 0.6
        bottom = g.height - DRAFT_MARK_TOP - height
        canvas.setFillColor(DRAFT_FILL)
        canvas.roundRect((g.width - width) / 2 - pad, bottom - pad * 0.3, width + 2 * pad, height + pad * 0.6,
                         (height + pad * 0.6) / 2, stroke=0, fill=1)
        mark.draw(canvas, g.margin_side + (g.text_width - mark.width) / 2, bottom + height)

    def later_page(self, canvas: Canvas, _doc) -> None:
        self._primer(canvas)
        with artifact(canvas):
            self._running_head(canvas)
            self._footer(canvas)
            self._draft_mark(canvas)

    def _running_head(self, canvas: Canvas) -> None:
        g = self.geometry
        title = self.running_title.setting
        height = _row_height([title, self.wordmark])
        top = g.height - g.margin_top
        _draw_row(canvas, [title, self.wordmark], g.margin_side, top, self.rtl, g.width)
        canvas.setStrokeColor(self.palette.accent)
        canvas.setLineWidth(0.8)
        rule = top - height - self.rule_gap
        canvas.line(g.margin_side, rule, g.width - g.margin_side, rule)

    def _footer(self, canvas: Canvas) -> None:
        """The leaflet's code, version and date, and the page number on the page's outer edge: a
        booklet's even pages face the other way (left-hand in a left-to-right booklet, right-hand
        in a right-to-left one), so their number stands at the reading start, not in the fold."""
        g = self.geometry
        number = canvas.getPageNumber()
        outer_at_start = number % 2 == 0
        code = self.footer_start_at_end if outer_at_start else self.footer_start.setting
        label_style = self.label_style.with_(align="start") if outer_at_start else self.label_style
        page = set_text(parse_inline(_row_text(self.page_label(number))), label_style, g.text_width)
        height = _row_height([code, page])
        rule = g.margin_bottom + height + self.styles.small.text.size * 0.4
        canvas.setStrokeColor(self.palette.tint)
        canvas.setLineWidth(FOOTER_RULE_WIDTH)
        canvas.line(g.margin_side, rule, g.width - g.margin_side, rule)
        _draw_row(canvas, [code, page], g.margin_side, g.margin_bottom + height, self.rtl, g.width)


FOOTER_RULE_WIDTH = 0.8


def _row_text(text: str) -> str:
    """A text that shares its line with another: a space at its end (not drawn) keeps the two
    apart when a reader copies the line as one, as pdfium does, and keeps it from joining a
    right-to-left word of one to a right-to-left word of the other."""
    return text + " "


def _row_height(settings: list[SetText]) -> float:
    """Height of one-line texts set on one baseline."""
    above = max((setting.baselines[0] for setting in settings if setting.lines), default=0.0)
    below = max((setting.height - setting.baselines[0] for setting in settings if setting.lines), default=0.0)
    return above + below


def _scaled(style: BlockStyle, scale: float) -> BlockStyle:
    return style if scale == 1.0 else BlockStyle(style.text.with_(size=style.text.size * scale))


def _draw_row(canvas: Canvas, settings: list[SetText], start: float, top: float, rtl: bool,
              page_width: float) -> None:
    """One-line texts on one baseline, the tallest touching `top`, each set `start` from the
    reading-start edge and aligned within its own width; drawn left to right.

    pdfium gathers the text objects of one line and reads them sorted left to right;
    drawing them in that order keeps each text's copied words whole and single.
    """
    baseline = top - max(setting.baselines[0] for setting in settings if setting.lines)
    placed = []
    for setting in settings:
        if not setting.lines:
            continue
        left = from_start(start, setting.width, page_width, rtl)
        placed.append((left + setting.line_x(setting.lines[0]), left, setting))
    for _, left, setting in sorted(placed, key=lambda item: item[0]):
        setting.draw(canvas, left, baseline + setting.baselines[0])
