"""A paragraph of the text engine as a ReportLab flowable: wraps, splits between lines, draws."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable

from leaflet.text import Run, SetText, TextStyle, parse_inline, set_text
from leaflet.text.locale import text_direction


@dataclass(frozen=True)
class BlockStyle:
    """A text style plus the room a block takes around it."""

    text: TextStyle
    space_before: float = 0.0
    space_after: float = 0.0
    indent: float = 0.0  # on the reading-start side, where a bullet hangs
    bullet_colour: Color | None = None


class TextBlock(Flowable):
    """Content text (with **bold**) set by the text engine.

    It splits only between lines, never leaving a single line of a paragraph alone
    at the foot or head of a page.
    """

    def __init__(self, text: str | list[Run], style: BlockStyle, bullet: str | None = None) -> None:
        super().__init__()
        self.runs = parse_inline(text) if isinstance(text, str) else text
        self.style = style
        self.bullet = bullet
        self.spaceBefore = style.space_before
        self.spaceAfter = style.space_after
        self.keep_with_next = False
        self.lead_in = False  # introduces what follows (a list); may yet end a page without it
        self.continues = False  # goes on from the block before (a list's later item): no float between
        self._set: SetText | None = None
        self._bullet_set: SetText | None = None

    @property
    def rtl(self) -> bool:
        return text_direction(self.style.text.language) == "rtl"

    def setting(self, width: float) -> SetText:
        if self._set is None or self._set.width != width - self.style.indent:
            self._set = set_text(self.runs, self.style.text, width - self.style.indent)
        return self._set

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.setting(avail_width).height
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        setting = self.setting(avail_width)
        lines = len(setting.lines)
        fitting = 0
        while fitting < lines and setting.split(fitting + 1)[0].height <= avail_height:
            fitting += 1
        fitting = min(fitting, lines - 2)  # at least two lines go on
        if fitting < 2:
            return []
        first, rest = setting.split(fitting)
        head = _Prepared(first, self.style, self.bullet, space_before=self.spaceBefore, space_after=0)
        tail = _Prepared(rest, self.style, None, space_before=0, space_after=self.spaceAfter)
        tail.continues = True
        return [head, tail]

    def draw(self) -> None:
        _draw_block(self.canv, self.setting(self.width), self.style, self.bullet, self.width, self.height)


class _Prepared(Flowable):
    """One part of a split TextBlock: its lines are already broken."""

    def __init__(self, setting: SetText, style: BlockStyle, bullet: str | None, space_before: float,
                 space_after: float) -> None:
        super().__init__()
        self.set_text = setting
        self.style = style
        self.bullet = bullet
        self.spaceBefore = space_before
        self.spaceAfter = space_after

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, self.set_text.height
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        _draw_block(self.canv, self.set_text, self.style, self.bullet, self.width, self.height)


def _draw_block(canvas, setting: SetText, style: BlockStyle, bullet: str | None, width: float,
                height: float) -> None:
    indent = style.indent
    setting.draw(canvas, 0 if setting.rtl else indent, height)
    if bullet and setting.lines:
        marker_style = style.text.with_(colour=style.bullet_colour or style.text.colour, bold=True,
                                        align="start")
        marker = set_text([Run(bullet, False)], marker_style, indent)
        first_baseline = setting.baselines[0]
        offset = first_baseline - marker.baselines[0]
        nudge = style.text.size * 0.135  # the marker sits a little in from the text's start edge
        x = width - indent - nudge if setting.rtl else nudge
        if bullet == BULLET:
            _draw_dot(canvas, marker, x, height - first_baseline)
        else:
            marker.draw(canvas, x, height - offset)


BULLET = "•"


def _draw_dot(canvas, marker: SetText, x: float, baseline: float) -> None:
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
