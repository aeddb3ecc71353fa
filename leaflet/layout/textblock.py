"""A paragraph of the text engine as a ReportLab flowable: wraps, splits between lines, draws."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable

from leaflet.layout.tagging import Tag, marked
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


class TextFlowable(Flowable):
    """Lines of text that stand on the line grid of the text right above them.

    `above` is the text flowable placed right above this one (None at the top of a frame or
    under anything else). Where the two are the same size, this one's first baseline stands
    its block pitch under the other's last (further only where their ink would meet): its box
    reaches `lift` points up into the room the other keeps below its last line.
    """

    above: TextFlowable | None = None
    lift = 0.0
    tag: Tag | None = None  # its structure element (tagging.py); the parts of a split one share it

    def __init__(self) -> None:
        super().__init__()
        # lifts worked out, by what stood above (a flowable is wrapped many times over); each
        # entry keeps its two settings alive, so their ids in the key stay theirs
        self._lifts: dict[tuple[int, int, float, float], tuple[float, SetText, SetText]] = {}

    def first_lines(self, width: float) -> tuple[SetText, float]:
        """The setting the flowable starts with, and where its left edge stands (points)."""
        raise NotImplementedError

    def last_lines(self) -> tuple[SetText, float]:
        """The setting the flowable ends with, once wrapped, and where its left edge stands."""
        raise NotImplementedError

    def _lift(self, width: float) -> float:
        if self.above is None:
            return 0.0
        below, below_x = self.first_lines(width)
        above, above_x = self.above.last_lines()
        if not above.lines or not below.lines or above.style.size != below.style.size:
            return 0.0
        space = max(self.above.getSpaceAfter(), self.getSpaceBefore())  # as ReportLab's frames collapse them
        key = (id(above), id(below), space, below_x - above_x)
        if key not in self._lifts:
            room_under_above, own_room = above.height - above.baselines[-1], below.baselines[0]
            distance = above.gap_to(below, space, below_x - above_x)
            self._lifts[key] = (min(own_room, max(0.0, room_under_above + space + own_room - distance)), above, below)
        return self._lifts[key][0]


def left_edge(setting: SetText, style: BlockStyle) -> float:
    """Where a block's lines start: a list item's indent is on the reading-start side."""
    return 0.0 if setting.rtl else style.indent


class TextBlock(TextFlowable):
    """Content text (with **bold**) set by the text engine.

    It splits only between lines, never leaving a single line of a paragraph alone
    at the foot or head of a page.
    """

    def __init__(self, text: str | list[Run], style: BlockStyle, role: str = "P") -> None:
        super().__init__()
        self.tag = Tag(role)
        self.runs = parse_inline(text) if isinstance(text, str) else text
        self.style = style
        self.spaceBefore = style.space_before
        self.spaceAfter = style.space_after
        self.keep_with_next = False
        self.lead_in = False  # introduces what follows (a list); may yet end a page without it
        self.continues = False  # goes on from the page before: a floating diagram waits for its end
        self._set: SetText | None = None

    @property
    def rtl(self) -> bool:
        return text_direction(self.style.text.language) == "rtl"

    def setting(self, width: float) -> SetText:
        if self._set is None or self._set.width != width - self.style.indent:
            self._set = set_text(self.runs, self.style.text, width - self.style.indent)
        return self._set

    def first_lines(self, width: float) -> tuple[SetText, float]:
        setting = self.setting(width)
        return setting, left_edge(setting, self.style)

    def last_lines(self) -> tuple[SetText, float]:
        return self.first_lines(self.width)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.lift = self._lift(avail_width)
        self.height = self.setting(avail_width).height - self.lift
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        setting = self.setting(avail_width)
        lift = self._lift(avail_width)
        lines = len(setting.lines)
        fitting = 0
        while fitting < lines and setting.split(fitting + 1)[0].height - lift <= avail_height:
            fitting += 1
        fitting = min(fitting, lines - 2)  # at least two lines go on
        if fitting < 2:
            return []
        first, rest = setting.split(fitting)
        head = _Prepared(first, self.style, space_before=self.spaceBefore, space_after=0)
        head.above = self.above
        tail = _Prepared(rest, self.style, space_before=0, space_after=self.spaceAfter)
        tail.continues = True
        head.tag = tail.tag = self.tag
        return [head, tail]

    def draw(self) -> None:
        setting = self.setting(self.width)
        with marked(self.canv, self.tag, setting.text):
            setting.draw(self.canv, left_edge(setting, self.style), self.height + self.lift)


class _Prepared(TextFlowable):
    """One part of a split TextBlock: its lines are already broken."""

    def __init__(self, setting: SetText, style: BlockStyle, space_before: float, space_after: float) -> None:
        super().__init__()
        self.set_text = setting
        self.style = style
        self.spaceBefore = space_before
        self.spaceAfter = space_after

    def first_lines(self, width: float) -> tuple[SetText, float]:
        return self.set_text, left_edge(self.set_text, self.style)

    def last_lines(self) -> tuple[SetText, float]:
        return self.first_lines(self.width)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.lift = self._lift(avail_width)
        self.width, self.height = avail_width, self.set_text.height - self.lift
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        with marked(self.canv, self.tag, self.set_text.text):
            self.set_text.draw(self.canv, left_edge(self.set_text, self.style), self.height + self.lift)
