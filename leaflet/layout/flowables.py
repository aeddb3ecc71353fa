"""Flowables of the leaflet's own design: headings that keep with their text, call-outs, contacts."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color, white
from reportlab.lib.enums import TA_RIGHT
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.doctemplate import ActionFlowable

from leaflet.layout.styles import Palette, Styles


class SectionHeading(Paragraph):
    """A section heading that also marks its place in the PDF outline."""

    def __init__(self, text: str, style, outline_key: str, outline_title: str) -> None:
        super().__init__(text, style)
        self.outline_key = outline_key
        self.outline_title = outline_title

    def draw(self) -> None:
        super().draw()
        self.canv.bookmarkHorizontal(self.outline_key, 0, self.height + self.style.fontSize)
        self.canv.addOutlineEntry(self.outline_title, self.outline_key, level=0, closed=False)


class KeepWithNext(Flowable):
    """A heading that moves to the next page unless what follows can start below it.

    ReportLab's own keepWithNext wraps both in KeepTogether, which pushes a whole
    long paragraph to the next page; here the follower may split, as long as the
    part left on this page is one it accepts (its widow/orphan rules decide).
    """

    def __init__(self, heading: Flowable, following: Flowable) -> None:
        super().__init__()
        self.heading = heading
        self.following = following

    def _gap(self) -> float:
        return max(self.heading.getSpaceAfter(), self.following.getSpaceBefore())

    def getSpaceBefore(self) -> float:  # noqa: N802 (ReportLab's API)
        return self.heading.getSpaceBefore()

    def getSpaceAfter(self) -> float:  # noqa: N802
        return self.following.getSpaceAfter()

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _, heading_height = self.heading.wrapOn(self.canv, avail_width, avail_height)
        _, following_height = self.following.wrapOn(self.canv, avail_width, avail_height)
        self.heading_height = heading_height
        self.width = avail_width
        self.height = heading_height + self._gap() + following_height
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        _, heading_height = self.heading.wrapOn(self.canv, avail_width, avail_height)
        room = avail_height - heading_height - self._gap()
        if room <= 0:
            return []
        parts = self.following.splitOn(self.canv, avail_width, room)
        at_top = getattr(getattr(self, "_frame", None), "_atTop", False)
        # An action first (KeepTogether asking for a new frame) means the follower cannot start
        # here; at the top of a frame, moving on would not help, so let it split as it can.
        if not parts or (isinstance(parts[0], ActionFlowable) and not at_top):
            return []
        return [self.heading, *parts]

    def draw(self) -> None:
        # Heading first: content-stream order is the order text is copied out in.
        self.heading.drawOn(self.canv, 0, self.height - self.heading_height)
        self.following.drawOn(self.canv, 0, 0)


class CalloutBox(Flowable):
    """A key message on a tinted panel with an accent bar on the reading-start side."""

    def __init__(self, paragraph: Paragraph, palette: Palette, padding: float, space: float) -> None:
        super().__init__()
        self.paragraph = paragraph
        self.palette = palette
        self.padding = padding
        self.bar = padding * 0.45
        self.spaceBefore = space
        self.spaceAfter = space

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        inner = avail_width - self.bar - 2 * self.padding
        _, text_height = self.paragraph.wrap(inner, avail_height)
        self.width, self.height = avail_width, text_height + 2 * self.padding
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFillColor(self.palette.tint)
        canvas.roundRect(0, 0, self.width, self.height, self.padding * 0.4, stroke=0, fill=1)
        canvas.setFillColor(self.palette.accent)
        canvas.rect(0, 0, self.bar, self.height, stroke=0, fill=1)
        self.paragraph.drawOn(canvas, self.bar + self.padding, self.padding)


@dataclass(frozen=True)
class ContactEntry:
    role: str | None
    name: str | None
    note: str | None
    phone: str
    emphasis: str


class ContactCard(Flowable):
    """The contact panel: the helpline in a band, OPD next, then everyone else in a grid."""

    def __init__(
        self, title: str, entries: list[ContactEntry], website: str, styles: Styles,
        palette: Palette, number_sizes: tuple[float, float], columns: int,
    ) -> None:
        super().__init__()
        self.title = title
        self.entries = entries
        self.website = website
        self.styles = styles
        self.palette = palette
        self.helpline_size, self.number_size = number_sizes
        self.columns = columns
        self.pad = styles.body.fontSize * 0.9
        self.spaceBefore = styles.body.leading * 0.4
        self.spaceAfter = styles.body.leading * 0.5

    def _number(self, phone: str, size: float, colour: Color) -> Paragraph:
        style = self.styles.body.clone("number", fontName=self.styles.section.fontName, fontSize=size,
                                       leading=size * 1.18, textColor=colour)
        return Paragraph(phone, style)

    def _label(self, text: str, style) -> Paragraph:
        return Paragraph(text, style)

    def _cell(self, entry: ContactEntry, emphasis_size: float, colour: Color) -> list[Paragraph]:
        parts = []
        if entry.role:
            parts.append(self._label(entry.role, self.styles.contact_role))
        if entry.note:
            parts.append(self._label(entry.note, self.styles.contact_note))
        if entry.name:
            parts.append(self._label(entry.name, self.styles.contact_name))
        parts.append(self._number(entry.phone, emphasis_size, colour))
        return parts

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        inner = avail_width - 2 * self.pad
        self.rows: list[tuple[str, list[list[Paragraph]], float]] = []
        heading_style = self.styles.subheading.clone("card_title", textColor=white, spaceBefore=0,
                                                     spaceAfter=0)
        white_role = self.styles.contact_role.clone("helpline_role", textColor=white,
                                                    fontSize=self.styles.subheading.fontSize,
                                                    leading=self.styles.subheading.leading)
        # The website shares the title bar, right-aligned, to keep the card short.
        self.website_para = Paragraph(self.website.removeprefix("https://"), heading_style.clone(
            "card_website", fontName=self.styles.body.fontName, fontSize=self.styles.contact_role.fontSize,
            alignment=TA_RIGHT, textColor=self.palette.tint))
        self.website_width = self.website_para.minWidth() + self.pad
        self.title_para = Paragraph(self.title, heading_style)
        self.title_height = self.title_para.wrap(inner - self.website_width, avail_height)[1] + self.pad
        self.website_para.wrap(self.website_width, avail_height)
        for entry in (e for e in self.entries if e.emphasis == "helpline"):
            cell = [Paragraph(entry.role or entry.name or "", white_role),
                    self._number(entry.phone, self.helpline_size, white)]
            self.rows.append(("helpline", [cell], self._measure([cell], inner)))
        for entry in (e for e in self.entries if e.emphasis == "high"):
            cell = self._cell(entry, self.number_size * 1.3, self.palette.primary)
            self.rows.append(("high", [cell], self._measure([cell], inner)))
        others = [e for e in self.entries if e.emphasis == "normal"]
        column_width = (inner - (self.columns - 1) * self.pad) / self.columns
        for start in range(0, len(others), self.columns):
            cells = [self._cell(e, self.number_size, self.palette.text)
                     for e in others[start:start + self.columns]]
            self.rows.append(("normal", cells, self._measure(cells, column_width)))
        self.height = self.title_height + sum(h + 1.1 * self.pad for _, _, h in self.rows)
        return self.width, self.height

    def _measure(self, cells: list[list[Paragraph]], width: float) -> float:
        gap = self.pad * 0.2
        return max(sum(p.wrap(width, 10_000)[1] for p in cell) + gap * (len(cell) - 1) for cell in cells)

    def draw(self) -> None:
        canvas = self.canv
        pad, width = self.pad, self.width
        radius = pad * 0.6
        top = self.height
        canvas.setFillColor(self.palette.primary)
        canvas.roundRect(0, top - self.title_height, width, self.title_height, radius, stroke=0, fill=1)
        canvas.rect(0, top - self.title_height, width, radius, stroke=0, fill=1)
        self.title_para.drawOn(canvas, pad, top - self.title_height + pad / 2)
        self.website_para.drawOn(canvas, width - pad - self.website_width,
                                 top - self.title_height + pad / 2)
        y = top - self.title_height
        inner = width - 2 * pad
        column_width = (inner - (self.columns - 1) * pad) / self.columns
        for kind, cells, height in self.rows:
            row_height = height + 1.1 * pad
            if kind == "helpline":
                canvas.setFillColor(self.palette.primary_dark)
                canvas.rect(0, y - row_height, width, row_height, stroke=0, fill=1)
            elif kind == "high":
                canvas.setFillColor(self.palette.tint)
                canvas.rect(0, y - row_height, width, row_height, stroke=0, fill=1)
            else:
                canvas.setStrokeColor(self.palette.tint)
                canvas.setLineWidth(0.8)
                canvas.line(pad, y, width - pad, y)
            cell_width = inner if kind != "normal" else column_width
            for index, cell in enumerate(cells):
                self._draw_cell(cell, pad + index * (column_width + pad), y - 0.55 * pad, cell_width)
            y -= row_height
        # The border last, so the row fills do not paint over it.
        canvas.setStrokeColor(self.palette.primary)
        canvas.setLineWidth(1.2)
        canvas.roundRect(0, 0, width, self.height, radius, stroke=1, fill=0)

    def _draw_cell(self, cell: list[Paragraph], x: float, top: float, width: float) -> None:
        gap = self.pad * 0.2
        for paragraph in cell:
            _, height = paragraph.wrap(width, 10_000)
            paragraph.drawOn(self.canv, x, top - height)
            top -= height + gap
