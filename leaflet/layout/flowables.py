"""Flowables of the leaflet's own design: headings that keep with their text, call-outs, contacts.

Each mirrors itself for right-to-left languages: what sits at the reading start
(call-out bar, first column, label) moves to the right.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Rect
from reportlab.lib.colors import Color, white
from reportlab.platypus import Flowable
from reportlab.platypus.doctemplate import ActionFlowable

from leaflet.layout.geometry import from_start
from leaflet.layout.styles import Palette, Styles
from leaflet.layout.tagging import Tag, artifact, figure, in_reading_order, linked
from leaflet.layout.textblock import BlockStyle, TextBlock, TextFlowable


class SectionHeading(TextBlock):
    """A section heading that also marks its place in the PDF outline."""

    def __init__(self, text: str, style: BlockStyle, outline_key: str, outline_title: str) -> None:
        super().__init__(text, style, role="H2")
        self.outline_key = outline_key
        self.outline_title = outline_title
        self.keep_with_next = True

    def draw(self) -> None:
        super().draw()
        self.canv.bookmarkHorizontal(self.outline_key, 0, self.height + self.style.text.size)
        self.canv.addOutlineEntry(self.outline_title, self.outline_key, level=0, closed=False)


class KeepWithNext(Flowable):
    """A heading that moves to the next page unless what follows can start below it.

    ReportLab's own keepWithNext wraps both in KeepTogether, which pushes a whole
    long paragraph to the next page; here the follower may split, as long as the
    part left on this page is one it accepts (its widow/orphan rules decide).
    """

    def __init__(self, heading: Flowable, following: Flowable, alone_above: float | None = None) -> None:
        super().__init__()
        self.heading = heading
        self.following = following
        # room (points) from which the heading, a lead-in, may end a page alone rather than
        # move on with what follows and leave that much of the page empty; None: never alone
        self.alone_above = alone_above
        self.opened = 0.0  # points feathering adds to the gap under the heading

    def _gap(self) -> float:
        return max(self.heading.getSpaceAfter(), self.following.getSpaceBefore()) + self.opened

    def inner_gaps(self) -> int:
        """Gaps inside that feathering may open: under the heading, and inside what follows."""
        return 1 + inner_gaps(self.following)

    def open_gaps(self, extra: float) -> None:
        self.opened = extra
        open_gaps(self.following, extra)

    def getSpaceBefore(self) -> float:  # noqa: N802 (ReportLab's API)
        return self.heading.getSpaceBefore()

    def getSpaceAfter(self) -> float:  # noqa: N802
        return self.following.getSpaceAfter()

    def _stand_under_heading(self) -> None:
        """What follows stands on the heading's line grid (a lead-in's, where the two are text)."""
        first = leading_part(self.following)
        if isinstance(first, TextFlowable) and isinstance(self.heading, TextFlowable):
            first.above = self.heading

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _, heading_height = self.heading.wrapOn(self.canv, avail_width, avail_height)
        self._stand_under_heading()
        _, following_height = self.following.wrapOn(self.canv, avail_width, avail_height)
        self.heading_height = heading_height
        self.width = avail_width
        self.height = heading_height + self._gap() + following_height
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return self._split(avail_width, avail_height, avail_height)

    def _split(self, avail_width: float, avail_height: float, page_room: float) -> list[Flowable]:
        """`page_room`: the room left on the page for the whole chain this heading ends, which a
        hole would be if the chain moved on."""
        _, heading_height = self.heading.wrapOn(self.canv, avail_width, avail_height)
        self._stand_under_heading()
        room = avail_height - heading_height - self._gap()
        parts = []
        if room > 0 and isinstance(self.following, KeepWithNext):
            self.following.canv = self.canv
            parts = self.following._split(avail_width, room, page_room)
        elif room > 0:
            parts = self.following.splitOn(self.canv, avail_width, room)
        at_top = getattr(getattr(self, "_frame", None), "_atTop", False)
        # An action first (KeepTogether asking for a new frame) means the follower cannot start
        # here; at the top of a frame, moving on would not help, so let it split as it can.
        if not parts or (isinstance(parts[0], ActionFlowable) and not at_top):
            return self._split_lead_in(avail_width, avail_height) or self._part(avail_height, page_room,
                                                                                heading_height)
        return [self.heading, *parts]

    def _part(self, avail_height: float, page_room: float, heading_height: float) -> list[Flowable]:
        """The lead-in here and what follows on the next page, where moving on together would
        leave `alone_above` or more of the page empty."""
        if self.alone_above is None or page_room < self.alone_above or heading_height > avail_height:
            return []
        return [self.heading, self.following]

    def _split_lead_in(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """A lead-in paragraph long enough to split starts here, and its last lines go on with what
        follows: a page is not left empty for the sake of a paragraph that can break."""
        if not isinstance(self.heading, TextBlock) or isinstance(self.heading, SectionHeading):
            return []
        parts = self.heading.splitOn(self.canv, avail_width, avail_height)
        if len(parts) != 2:
            return []
        return [parts[0], KeepWithNext(parts[1], self.following, self.alone_above)]

    def draw(self) -> None:
        # Heading first: content-stream order is the order text is copied out in.
        self.heading.drawOn(self.canv, 0, self.height - self.heading_height)
        self.following.drawOn(self.canv, 0, 0)


def inner_gaps(flowable: Flowable) -> int:
    """How many gaps inside a flowable feathering may open (layout/balance.py)."""
    count = getattr(flowable, "inner_gaps", None)
    return count() if count is not None else 0


def open_gaps(flowable: Flowable, extra: float) -> None:
    """Add `extra` points to each gap inside a flowable that has them."""
    if inner_gaps(flowable):
        flowable.open_gaps(extra)


def leading_part(flowable: Flowable) -> Flowable:
    """What a flowable that keeps others together starts with."""
    while isinstance(flowable, KeepWithNext):
        flowable = flowable.heading
    return flowable


def trailing_part(flowable: Flowable) -> Flowable:
    """What a flowable that keeps others together ends with."""
    while isinstance(flowable, KeepWithNext):
        flowable = flowable.following
    return flowable


class CalloutBox(Flowable):
    """A key message on a tinted panel with an accent bar on the reading-start side."""

    def __init__(self, text: TextBlock, palette: Palette, padding: float, space: float) -> None:
        super().__init__()
        self.text = text
        self.palette = palette
        self.padding = padding
        self.bar = padding * 0.45
        self.spaceBefore = space
        self.spaceAfter = space

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        inner = avail_width - self.bar - 2 * self.padding
        _, text_height = self.text.wrapOn(self.canv, inner, avail_height)
        self.width, self.height = avail_width, text_height + 2 * self.padding
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        rtl, text_width = self.text.rtl, self.width - self.bar - 2 * self.padding
        with artifact(canvas):
            canvas.setFillColor(self.palette.tint)
            canvas.roundRect(0, 0, self.width, self.height, self.padding * 0.4, stroke=0, fill=1)
            canvas.setFillColor(self.palette.accent)
            canvas.rect(from_start(0, self.bar, self.width, rtl), 0, self.bar, self.height, stroke=0, fill=1)
        self.text.drawOn(canvas, from_start(self.bar + self.padding, text_width, self.width, rtl), self.padding)


@dataclass(frozen=True)
class ContactEntry:
    role: str | None
    name: str | None
    note: str | None
    phone: str
    emphasis: str
    tel: str  # the tap-to-call address, e.g. tel:+9242111117554


MIN_ROWS_APART = 2  # rows of a contact card on each side of a page break


class ContactCard(Flowable):
    """The contact panel: the helpline in a band, OPD next, then everyone else in a grid."""

    def __init__(self, title: str, entries: list[ContactEntry], website: str, styles: Styles,
                 palette: Palette, columns: int, continued: bool = False, qr_target: str | None = None) -> None:
        super().__init__()
        self.entries = entries
        self.styles = styles
        self.palette = palette
        self.columns = columns
        self.pad = styles.body.text.size * 0.9
        self.spaceBefore = styles.body.space_after * 0.4
        self.spaceAfter = styles.body.space_after * 0.5
        self.title_text, self.website_text = title, website
        self.qr_target = qr_target or website  # the leaflet's own web page, where the hospital publishes one
        # a part that goes on from the page before repeats the title in a slimmer bar
        self.title = TextBlock(title, styles.band_strong if continued else styles.card_title)
        self.title_pad = self.pad * (0.6 if continued else 1.0)
        self.links: dict[int, str] = {}  # id of a number's TextBlock -> its tel: address
        self.rows = self._rows()
        self.opened = 0.0  # points feathering adds under each row but the last

    def inner_gaps(self) -> int:
        return len(self.rows) - 1

    def open_gaps(self, extra: float) -> None:
        self.opened = extra

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """Between rows, each part with the title bar and at least MIN_ROWS_APART rows (a title
        bar over the website alone is no card); else the card moves whole."""
        self.wrap(avail_width, avail_height)
        used, count = self.title_height, 0
        while count < len(self.rows) and used + self.row_heights[count] <= avail_height:
            used += self.row_heights[count]
            count += 1
        count = min(count, len(self.rows) - MIN_ROWS_APART)
        if count < MIN_ROWS_APART:
            return []
        head, tail = (ContactCard(self.title_text, [], self.website_text, self.styles, self.palette,
                                  self.columns, continued, self.qr_target)
                      for continued in (self.title_pad < self.pad, True))
        head.rows, tail.rows = self.rows[:count], self.rows[count:]
        head.links = tail.links = self.links
        return [head, tail]

    def _number(self, entry: ContactEntry, style: BlockStyle) -> TextBlock:
        block = TextBlock(entry.phone, style, role="Link")
        self.links[id(block)] = entry.tel
        return block

    def _cell(self, entry: ContactEntry, number_style: BlockStyle) -> list[TextBlock]:
        styles = self.styles
        parts = [TextBlock(text, style) for text, style in (
            (entry.role, styles.contact_role), (entry.note, styles.contact_note),
            (entry.name, styles.contact_name)) if text]
        return [*parts, self._number(entry, number_style)]

    def _rows(self) -> list[tuple[str, list[list[TextBlock]]]]:
        styles = self.styles
        on_band = BlockStyle(styles.contact_name.text.with_(colour=white))
        rows = [("helpline", [[*(TextBlock(text, style) for text, style in (
                    (e.role, styles.helpline_role), (e.name, on_band), (e.note, on_band)) if text),
                                self._number(e, styles.helpline_number)]])
                for e in self.entries if e.emphasis == "helpline"]
        rows += [("high", [self._cell(e, styles.high_number)]) for e in self.entries if e.emphasis == "high"]
        others = [e for e in self.entries if e.emphasis == "normal"]
        for start in range(0, len(others), self.columns):
            rows.append(("normal", [self._cell(e, styles.contact_number)
                                    for e in others[start:start + self.columns]]))
        if self.entries:
            rows.append(("website", [[TextBlock(self.website_text.removeprefix("https://"), styles.contact_role)]]))
        return rows

    def _qr_size(self) -> float:
        return self.styles.body.text.size * 4

    def _column_width(self, kind: str) -> float:
        inner = self.width - 2 * self.pad
        if kind == "website":
            return inner - self._qr_size() - self.pad
        return inner if kind != "normal" else (inner - (self.columns - 1) * self.pad) / self.columns

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        inner = avail_width - 2 * self.pad
        self.title_height = self.title.wrapOn(self.canv, inner, avail_height)[1] + self.title_pad
        self.row_heights = [max(self._measure(cells, self._column_width(kind)),
                                self._qr_size() if kind == "website" else 0) + 1.1 * self.pad
                            + (self.opened if index < len(self.rows) - 1 else 0.0)
                            for index, (kind, cells) in enumerate(self.rows)]
        self.height = self.title_height + sum(self.row_heights)
        return self.width, self.height

    def _measure(self, cells: list[list[TextBlock]], width: float) -> float:
        gap = self.pad * 0.2
        return max(sum(block.wrapOn(self.canv, width, 10_000)[1] for block in cell) + gap * (len(cell) - 1)
                   for cell in cells)

    def draw(self) -> None:
        canvas, pad, width = self.canv, self.pad, self.width
        rtl = self.title.rtl
        radius = pad * 0.6
        top = self.height
        with artifact(canvas):
            canvas.setFillColor(self.palette.primary)
            canvas.roundRect(0, top - self.title_height, width, self.title_height, radius, stroke=0, fill=1)
            canvas.rect(0, top - self.title_height, width, radius, stroke=0, fill=1)
        self.title.drawOn(canvas, pad, top - self.title_height + self.title_pad / 2)
        y = top - self.title_height
        for (kind, cells), row_height in zip(self.rows, self.row_heights, strict=True):
            with artifact(canvas):
                self._draw_row_background(kind, y, row_height)
            in_reading_order(canvas, [block.tag for cell in cells for block in cell])
            if kind == "website":
                self._draw_website(cells[0], y - 0.55 * pad, rtl)
                y -= row_height
                continue
            column_width = self._column_width(kind)
            columns = [(from_start(pad + i * (column_width + pad), column_width, width, rtl), cell)
                       for i, cell in enumerate(cells)]
            for x, cell in sorted(columns, key=lambda item: item[0]):  # left to right, as pdfium reads
                self._draw_cell(cell, x, y - 0.55 * pad, column_width)
            y -= row_height
        # The border last, so the row fills do not paint over it.
        with artifact(canvas):
            canvas.setStrokeColor(self.palette.primary)
            canvas.setLineWidth(1.2)
            canvas.roundRect(0, 0, width, self.height, radius, stroke=1, fill=0)

    def _draw_website(self, cell: list[TextBlock], top: float, rtl: bool) -> None:
        """A QR code for the website, the address printed beside it (reading start first)."""
        size, pad = self._qr_size(), self.pad
        qr_x = from_start(pad, size, self.width, rtl)
        text_width = self._column_width("website")
        text_x = from_start(pad + size + pad, text_width, self.width, rtl)
        link = Tag("Link")
        with figure(self.canv, link.child("Figure", alt=f"QR code: {self.qr_target}")):
            self._draw_qr(qr_x, top - size, size)
        linked(self.canv, link, self.qr_target, (qr_x, top - size, qr_x + size, top), self.qr_target)
        self._draw_cell(cell, text_x, top - (size - cell[0].height) / 2, text_width)

    def _draw_qr(self, x: float, y: float, size: float) -> None:
        """ReportLab's QR widget, its modules drawn as plain rectangles.

        (Rendering the widget as a Drawing would name the unembedded Helvetica.)
        """
        widget = QrCodeWidget(self.qr_target, barLevel="M")
        x0, y0, x1, y1 = widget.getBounds()
        scale = size / max(x1 - x0, y1 - y0)
        self.canv.setFillColor(white)
        self.canv.rect(x, y, size, size, stroke=0, fill=1)
        self.canv.setFillColor(self.palette.text)
        for shape in widget.draw().contents:
            if isinstance(shape, Rect) and shape.fillColor is not None and shape.fillColor != white:
                self.canv.rect(x + (shape.x - x0) * scale, y + (shape.y - y0) * scale,
                               shape.width * scale, shape.height * scale, stroke=0, fill=1)

    def _draw_row_background(self, kind: str, y: float, row_height: float) -> None:
        canvas = self.canv
        if kind in ("normal", "website"):
            canvas.setStrokeColor(self.palette.tint)
            canvas.setLineWidth(0.8)
            canvas.line(self.pad, y, self.width - self.pad, y)
            return
        canvas.setFillColor(self.palette.primary_dark if kind == "helpline" else self.palette.tint)
        canvas.rect(0, y - row_height, self.width, row_height, stroke=0, fill=1)

    def _draw_cell(self, cell: list[TextBlock], x: float, top: float, width: float) -> None:
        gap = self.pad * 0.2
        for block in cell:
            _, height = block.wrapOn(self.canv, width, 10_000)
            block.drawOn(self.canv, x, top - height)
            link = self.links.get(id(block))
            if link:  # tap to call, over the number's own width
                setting = block.setting(width)
                left = x + setting.line_x(setting.lines[0])
                right = left + setting.natural_width
                linked(self.canv, block.tag, link, (left, top - height, right, top), f"{setting.text} ({link})")
            top -= height + gap


class KeyValueGrid(Flowable):
    """Label and value pairs, a given number of pairs to a row; labels at the reading start."""

    def __init__(self, rows: list[list[tuple[TextBlock, TextBlock]]], label_share: float, gap: float) -> None:
        super().__init__()
        self.rows = rows
        self.label_share = label_share
        self.gap = gap

    def _cells(self, row: list[tuple[TextBlock, TextBlock]]) -> list[tuple[TextBlock, float, float]]:
        """(block, x from the start edge, width) of every label and value in a row."""
        pair_width = self.width / max(len(r) for r in self.rows)
        label_width = pair_width * self.label_share
        cells = []
        for index, (label, value) in enumerate(row):
            start = index * pair_width
            last = index == len(row) - 1
            value_width = (self.width - start if last else pair_width) - label_width
            cells.append((label, start, label_width - self.gap))
            cells.append((value, start + label_width, value_width))
        return cells

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.row_heights = [max(block.wrapOn(self.canv, width, avail_height)[1]
                                for block, _, width in self._cells(row)) + self.gap * 0.4
                            for row in self.rows]
        self.height = sum(self.row_heights)
        return self.width, self.height

    def draw(self) -> None:
        y = self.height
        for row, row_height in zip(self.rows, self.row_heights, strict=True):
            y -= row_height
            cells = [(from_start(start, width, self.width, block.rtl), block, width)
                     for block, start, width in self._cells(row)]
            in_reading_order(self.canv, [block.tag for _, block, _ in cells])
            for x, block, width in sorted(cells, key=lambda cell: cell[0]):  # left to right, as pdfium reads
                _, height = block.wrapOn(self.canv, width, row_height)
                block.drawOn(self.canv, x, y + row_height - height)


class RuledLines(Flowable):
    """Lines to write on, `pitch` apart, filling the rest of the frame (a Notes page)."""

    def __init__(self, pitch: float, colour: Color) -> None:
        super().__init__()
        self.pitch = pitch
        self.colour = colour

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, avail_height
        return self.width, self.height

    def draw(self) -> None:
        with artifact(self.canv):
            self.canv.setStrokeColor(self.colour)
            self.canv.setLineWidth(0.8)
            y = self.height - self.pitch
            while y >= 0:
                self.canv.line(0, y, self.width, y)
                y -= self.pitch


class FooterBlock(Flowable):
    """Flowables kept together at the foot of the last page, under a thin rule."""

    def __init__(self, parts: list[Flowable], rule: Color, space: float) -> None:
        super().__init__()
        self.parts = parts
        self.rule = rule
        self.space = space
        self.spaceBefore = space

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.heights = [part.wrapOn(self.canv, avail_width, avail_height)[1] + part.getSpaceBefore()
                        for part in self.parts]
        self.content_height = sum(self.heights) + self.space
        # Taking all the room left pushes the block to the foot of the page.
        self.height = max(self.content_height, avail_height)
        return self.width, self.height

    def draw(self) -> None:
        with artifact(self.canv):
            self.canv.setStrokeColor(self.rule)
            self.canv.setLineWidth(1)
            self.canv.line(0, self.content_height, self.width, self.content_height)
        y = self.content_height - self.space
        for part, height in zip(self.parts, self.heights, strict=True):
            y -= height
            part.drawOn(self.canv, 0, y)
