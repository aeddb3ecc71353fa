"""A bulleted or numbered list as one flowable: its items stand at an even pitch, as lines do."""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from leaflet.layout.tagging import Tag, marked
from leaflet.layout.textblock import BlockStyle, TextFlowable, draw_marker, left_edge
from leaflet.text import Run, SetText, set_text


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
        if self.marker and setting.lines:
            with marked(canvas, label):
                draw_marker(canvas, setting, self.style, self.marker, width, top)
        with marked(canvas, body):
            setting.draw(canvas, 0 if setting.rtl else self.style.indent, top)


class ListBlock(TextFlowable):
    """List items one under another, as paragraphs stand: their block pitch from one item's last
    baseline to the next one's first plus the items' gap, further only where their ink would meet.

    It breaks between items, never leaving one item alone at the foot or head of a page: the
    first goes on with the second and the one before the last with the last. With
    `breaks_inside` (bullets, drawn as dots, not text) a long item may also break inside, two
    lines on each side; a numbered item stays whole, its number is text that copies out after it.
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
