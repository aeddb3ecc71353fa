"""A bulleted or numbered list as one flowable: its items stand at an even pitch, as lines do."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from leaflet.layout.tagging import Tag, in_reading_order, marked
from leaflet.layout.textblock import BlockStyle, TextFlowable, left_edge
from leaflet.text import Label, Layer, Run, SetText, parse_inline, set_text


@dataclass(frozen=True)
class ListItem:
    """One item's text and marker; `lines`, an item's rest already broken, goes on without one."""

    runs: tuple[Run, ...]
    style: BlockStyle
    marker: str | None
    lines: SetText | None = None
    tags: tuple[Tag, Tag] | None = None  # its Lbl and LBody, children of its LI (tagging.py)

    def labelled(self, tag: Tag) -> ListItem:
        """This item as an LI of `tag`, an L."""
        item = tag.child("LI")
        return replace(self, tags=(item.child("Lbl"), item.child("LBody")))

    def setting(self, width: float) -> SetText:
        if self.lines is not None:
            return self.lines
        return set_text(list(self.runs), self.style.text, width - self.style.indent)

    def parts(self, setting: SetText, lines: int) -> tuple[ListItem, ListItem]:
        """The item's first `lines` lines, with its marker, and the rest."""
        first, rest = setting.split(lines)
        return replace(self, lines=first), replace(self, marker=None, lines=rest)

    def draw(self, canvas: Canvas, setting: SetText, width: float, top: float) -> None:
        label, body = self.tags or (None, None)
        x = left_edge(setting, self.style)
        if not (self.marker and setting.lines):
            with marked(canvas, body):
                setting.draw(canvas, x, top)
            return
        marker, marker_x, marker_top = _marker(setting, self.style, self.marker, width, top)
        if self.marker != BULLET and setting.rtl:
            _draw_right_to_left(canvas, setting, x, top, (marker, marker_x, marker_top), label, body)
            return
        with marked(canvas, label):
            if self.marker == BULLET:
                _draw_dot(canvas, marker, marker_x, marker_top - marker.baselines[0])
            else:
                marker.draw(canvas, marker_x, marker_top)
        with marked(canvas, body):
            setting.draw(canvas, x, top)


def _draw_right_to_left(canvas: Canvas, setting: SetText, x: float, top: float,
                        placed: tuple[SetText, float, float], label: Tag | None, body: Tag | None) -> None:
    """An item whose number stands at the right end of its first line, read with that line.

    pdfium (Chrome, Edge) reads the text objects of a line sorted left to right and gives a span's
    ActualText once for each unbroken run of its objects: a number drawn before the line, at its
    right end, would come between the line's objects and have pdfium read the line twice. So the
    first line is drawn, then the number, then the rest; the first line's text layer (for pdf.js)
    is led by the number, and the number has no layer of its own.
    """
    marker, marker_x, marker_top = placed
    number = marker.lines[0]
    right = marker_x + marker.line_x(number) + number.width * marker.style.size
    in_reading_order(canvas, [label, body])
    with marked(canvas, body):
        setting.draw(canvas, x, top, lines=slice(0, 1), label=Label(marker.text.strip(), right))
    with marked(canvas, label):
        marker.draw(canvas, marker_x, marker_top, layer=Layer.NONE)
    if len(setting.lines) > 1:
        with marked(canvas, body):
            setting.draw(canvas, x, top, lines=slice(1, None))


def _marker(setting: SetText, style: BlockStyle, marker: str, width: float,
            top: float) -> tuple[SetText, float, float]:
    """An item's bullet or number set in its own style, and where it stands (left, top): hanging
    at the start of the item's first line, on its baseline."""
    marker_style = style.text.with_(colour=style.bullet_colour or style.text.colour, bold=True, align="start")
    # a number reads with the space after it, as copied text must: «1۔ پہلا قدم», «1. First step»
    marker_setting = set_text([Run(marker if marker == BULLET else marker + " ", False)], marker_style, style.indent)
    nudge = style.text.size * 0.135  # the marker sits a little in from the text's start edge
    x = width - style.indent - nudge if setting.rtl else nudge
    return marker_setting, x, top - (setting.baselines[0] - marker_setting.baselines[0])


BULLET = "•"


def numbered_list(texts: Sequence[str], numbers: Sequence[str], style: BlockStyle, space_after: float) -> ListBlock:
    """Items with their numbers (as the language writes them) hanging in a column of their own,
    as wide as the widest number; a long item breaks as a long bulleted one does."""
    marker = style.text.with_(bold=True)
    widest = max(set_text(parse_inline(number), marker, 10_000).fitting_width for number in numbers)
    style = replace(style, indent=max(style.indent, widest + style.text.size * 0.6))
    items = [ListItem(tuple(parse_inline(text)), style, number) for text, number in zip(texts, numbers, strict=True)]
    return ListBlock(items, breaks_inside=True, space_after=space_after)


def _draw_dot(canvas: Canvas, marker: SetText, x: float, baseline: float) -> None:
    """A bullet drawn as the dot it is, where its glyph would stand: not text, so that copying a
    list item out (and a list item split over two pages) gives its words alone."""
    line = marker.lines[0]
    glyph = line.glyphs[0]
    left, right, top, bottom = glyph.font.ink(glyph.glyph)
    scale, size = glyph.font.size * marker.style.size, marker.style.size
    origin_x, origin_y = x + marker.line_x(line) + glyph.x * size, baseline + glyph.y * size
    canvas.setFillColor(marker.style.colour)
    canvas.ellipse(origin_x + left * scale, origin_y + bottom * scale, origin_x + right * scale,
                   origin_y + top * scale, stroke=0, fill=1)


class ListBlock(TextFlowable):
    """List items one under another, as paragraphs stand: their block pitch from one item's last
    baseline to the next one's first plus the items' gap, further only where their ink would meet.

    It breaks between items, never leaving one item alone at the foot or head of a page: the
    first goes on with the second and the one before the last with the last. With
    `breaks_inside` a long item may also break inside, two lines on each side (its bullet or
    number stays with its first line).
    """

    def __init__(self, items: list[ListItem], breaks_inside: bool, space_after: float,
                 continues: bool = False) -> None:
        super().__init__()
        whole = Tag("L")
        self.items = [item if item.tags is not None else item.labelled(whole) for item in items]
        self.breaks_inside = breaks_inside
        self.spaceBefore = self.items[0].style.space_before
        self.spaceAfter = space_after
        self.continues = continues  # goes on from the page before: a floating diagram waits for its end

    def first_lines(self, width: float) -> tuple[SetText, float]:
        setting = self.items[0].setting(width)
        return setting, left_edge(setting, self.items[0].style)

    def last_lines(self) -> tuple[SetText, float]:
        return self.settings[-1], left_edge(self.settings[-1], self.items[-1].style)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.settings = [item.setting(avail_width) for item in self.items]
        self.lift = self._lift(avail_width)
        self.tops, height = self._stack(self.settings)
        self.height = height - self.lift
        return self.width, self.height

    def _stack(self, settings: list[SetText]) -> tuple[list[float], float]:
        """Top of each item's box below the list's top, and the list's height."""
        tops, baseline = [], settings[0].baselines[0]
        for index, setting in enumerate(settings):
            if index:
                above = settings[index - 1]
                baseline += above.gap_to(setting, self.items[index - 1].style.space_after)
            tops.append(baseline - setting.baselines[0])
            baseline += setting.baselines[-1] - setting.baselines[0]
        return tops, tops[-1] + settings[-1].height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        for item, lines in reversed(self._breaks()):
            head, tail = self._parts(item, lines)
            if head.wrap(avail_width, avail_height)[1] <= avail_height:
                return [head, tail]
        return []

    def _breaks(self) -> list[tuple[int, int]]:
        """Where the list may break, in reading order: (item, lines of it kept on this page)."""
        count, breaks = len(self.items), []
        for index, setting in enumerate(self.settings):
            if index >= 2 and count - index >= 2:
                breaks.append((index, 0))
            if self.breaks_inside:
                breaks += [(index, lines) for lines in range(2, len(setting.lines) - 1)]
        return breaks

    def _parts(self, index: int, lines: int) -> tuple[ListBlock, ListBlock]:
        kept, rest = self.items[:index], self.items[index:]
        if lines:
            first, second = rest[0].parts(self.settings[index], lines)
            kept, rest = [*kept, first], [second, *rest[1:]]
        head = ListBlock(kept, self.breaks_inside, 0.0, self.continues)
        head.above = self.above
        tail = ListBlock(rest, self.breaks_inside, self.spaceAfter, continues=True)
        return head, tail

    def draw(self) -> None:
        for item, setting, top in zip(self.items, self.settings, self.tops, strict=True):
            item.draw(self.canv, setting, self.width, self.height + self.lift - top)
