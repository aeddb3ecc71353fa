"""Balancing pages: what a compositor does where a block that cannot break leaves a hole.

A card, a diagram, a heading with its first lines or the document-control block that does not fit
under the text moves to the next page and leaves the rest of this one empty. Two remedies, in
turn, each measured on a quick layout pass before the real one:
- the space between blocks of the whole leaflet a little tighter or looser (SPACINGS), so that
  such blocks land elsewhere;
- on a page still left more than MOST_EMPTY empty, its gaps between blocks opened a little
  (feathering, as vertical justification does), at most MOST_FEATHER of a paragraph gap each.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

MOST_EMPTY = 0.2  # share of a page's text area that may be left empty (but on the last page)
FEATHER_TO = 0.18  # a feathered page is left at most this share empty
MOST_FEATHER = 1.0  # of the paragraph gap: the most space feathering adds to one gap
SPACINGS = (1.0, 1.05, 0.95, 1.1, 0.9, 1.15, 0.85, 1.2)  # the space between blocks, scaled: the design's own first


@dataclass(frozen=True)
class PageFill:
    """How full one page's text frame is, in points."""

    room: float  # the frame's height
    empty: float  # left empty under the last block placed
    gaps: int  # blocks placed under another (where feathering can add space)

    @property
    def share(self) -> float:
        return self.empty / self.room


def worst_hole(pages: Sequence[PageFill]) -> float:
    """The emptiest page's share, the last page aside (a leaflet ends where its text does)."""
    return max((page.share for page in pages[:-1]), default=0.0)


def feathering_plan(pages: Sequence[PageFill], paragraph_gap: float) -> dict[int, float] | None:
    """Space (points) to add to each gap of each page (numbered from 1) but the last that is left
    more than MOST_EMPTY empty, to bring it to FEATHER_TO; None if a page cannot be brought there."""
    plan: dict[int, float] = {}
    for number, page in enumerate(pages[:-1], start=1):
        if page.share <= MOST_EMPTY:
            continue
        need = page.empty - FEATHER_TO * page.room
        if not page.gaps or need / page.gaps > paragraph_gap * MOST_FEATHER:
            return None
        plan[number] = need / page.gaps
    return plan
