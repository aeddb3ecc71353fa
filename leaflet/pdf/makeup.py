"""How well a finished leaflet's pages are made up, measured on the PDF as a reader sees it.

Four measures, for any language and size (issue 12 sets targets for them):
- the pitch of body text: the baselines of consecutive lines of one paragraph should be one
  even distance apart (its spread, and the share of gaps within 1 pt of the usual one); the gap
  above a list item's first line (a bullet dot beside it, or a number before it) is between items;
- the running head: no text or box of the page may reach above the rule under it;
- holes: how much of the text area is left empty at the foot of each page but the last;
- the number of pages.

Baselines and font sizes are pdfium's (as Chrome and Edge read the text); glyph ink is read
from the embedded fonts (placement.py); rules and boxes are pdfium's path objects.
"""

from __future__ import annotations

import ctypes
import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from io import BytesIO

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pypdf import PdfReader

from leaflet.pdf.placement import text_lines

RULE_SPAN = 0.6  # of the page's width: a path at least this wide and thin is a rule
RULE_THICKNESS = 2.0  # points
MARGIN_SHARE = 0.15  # of the page's height: where the running head's and the footer's rules are
PARAGRAPH_STEP = 1.3  # a gap this many times the usual pitch or more is between paragraphs or items
BULLET_SIZE = 8.0  # points: a path narrower than this, as tall as it is wide, may be a bullet
BULLET_REACH = 20.0  # points from the text column's edge within which a bullet hangs
ITEM_NUMBER = re.compile(r"^\(?\d+[.)۔]|[.)۔]\d+\(?$")  # a numbered item's line, read either way round


@dataclass(frozen=True)
class Makeup:
    pages: int
    pitch: float  # the usual distance between baselines of body text, points
    pitch_spread: float  # standard deviation of the in-paragraph gaps, points
    pitch_even: float  # share of in-paragraph gaps within 1 pt of `pitch`
    gaps: int  # in-paragraph gaps measured
    head_crossings: tuple[int, ...]  # pages where text or a box reaches above the running head's rule
    emptiest: tuple[int, float]  # (page, empty share of its text area) of the pages before the last;
    # the text area runs from the running head's rule (on the first page, the header band) to the footer's
    item_pitch: float = 0.0  # the usual distance from one list item's last baseline to the next's first
    item_even: float = 0.0  # share of those gaps within 1 pt of `item_pitch`
    item_gaps: int = 0  # gaps between list items measured


def measure_makeup(pdf: bytes) -> Makeup:
    document = pdfium.PdfDocument(pdf)
    reader = PdfReader(BytesIO(pdf))
    fonts: dict = {}
    lines: list[_TextLine] = []
    crossings, empty = [], []
    try:
        for number, page in enumerate(document, start=1):
            lines += _baselines(page, number)
            head, foot = _rules(page)
            band = _band_bottom(page) if head is None else None
            if foot is None or (head is None and band is None):
                continue
            top_of_text = head if head is not None else band
            inks = [line.box for line in text_lines(reader.pages[number - 1], number, fonts)]
            boxes = _filled_boxes(page, top_of_text)
            if head is not None and any(bottom < head < top for _, bottom, _, top in (*inks, *boxes)):
                crossings.append(number)
            head = top_of_text
            lowest = min((bottom for _, bottom, _, top in (*inks, *boxes) if foot < bottom and top < head),
                         default=head)
            empty.append((number, (lowest - foot) / (head - foot)))
    finally:
        document.close()
    pitch, spread, even, gaps = _pitch(lines)
    before_last = [entry for entry in empty if entry[0] != len(reader.pages)]
    emptiest = max(before_last, key=lambda entry: entry[1], default=(0, 0.0))
    item_pitch, item_even, item_gaps = _item_pitch(lines, pitch)
    return Makeup(len(reader.pages), pitch, spread, even, gaps, tuple(crossings), emptiest,
                  item_pitch, item_even, item_gaps)


@dataclass(frozen=True)
class _TextLine:
    page: int
    size: float  # the line's largest font size
    baseline: float  # its median baseline
    starts_item: bool  # the first line of a list item


def _baselines(page, number: int) -> list[_TextLine]:
    """Each line pdfium reads on the page."""
    textpage = page.get_textpage()
    dots = _bullets(page)
    found: list[_TextLine] = []
    text, sizes, origins = "", [], []
    x, y = ctypes.c_double(), ctypes.c_double()

    def end_line() -> None:
        if origins:
            size, baseline = max(sizes), sorted(origins)[len(origins) // 2]
            dotted = any(baseline <= centre <= baseline + size * 0.6 for centre in dots)
            found.append(_TextLine(number, size, baseline, dotted or bool(ITEM_NUMBER.search(text.strip()))))

    for index in range(textpage.count_chars()):
        char = textpage.get_text_range(index, 1)
        if char in "\r\n":
            end_line()
            text, sizes, origins = "", [], []
            continue
        text += char
        if not char.isspace() and pdfium_c.FPDFText_GetCharOrigin(textpage.raw, index, x, y):
            sizes.append(round(pdfium_c.FPDFText_GetFontSize(textpage.raw, index), 1))
            origins.append(y.value)
    end_line()
    textpage.close()
    return found


def _bullets(page) -> list[float]:
    """Heights of the centres of list items' bullets: small round paths at an edge of the text
    column (the footer's rule spans it; pdfium's character boxes of shaped text are no guide)."""
    width, height = page.get_size()
    feet = [bounds for bounds in _path_bounds(page) if _is_rule(bounds, width) and bounds[3] < height * MARGIN_SHARE]
    if not feet:
        return []
    start, end = feet[0][0], feet[0][2]
    return [(bottom + top) / 2 for left, bottom, right, top in _path_bounds(page)
            if 0 < right - left < BULLET_SIZE and abs((right - left) - (top - bottom)) < 0.5
            and (left - start < BULLET_REACH or end - right < BULLET_REACH)]


def _pitch(lines: list[_TextLine]) -> tuple[float, float, float, int]:
    """The usual in-paragraph gap of body text (the most common size), its spread and evenness."""
    if not lines:
        return 0.0, 0.0, 0.0, 0
    body = Counter(line.size for line in lines).most_common(1)[0][0]
    gaps = [above.baseline - below.baseline for above, below in itertools.pairwise(lines)
            if above.page == below.page and above.size == below.size == body
            and above.baseline > below.baseline and not below.starts_item]
    if not gaps:
        return 0.0, 0.0, 0.0, 0
    usual = Counter(round(gap * 2) / 2 for gap in gaps).most_common(1)[0][0]
    inside = [gap for gap in gaps if gap < usual * PARAGRAPH_STEP]
    spread = statistics.pstdev(inside) if len(inside) > 1 else 0.0
    even = sum(abs(gap - usual) <= 1.0 for gap in inside) / len(inside)
    return usual, spread, even, len(inside)


def _item_pitch(lines: list[_TextLine], pitch: float) -> tuple[float, float, int]:
    """The usual gap above a list item's first line where the line above ends the item before
    (closer than a paragraph's gap), and the share of such gaps within 1 pt of it."""
    body = Counter(line.size for line in lines).most_common(1)[0][0] if lines else 0.0
    gaps = [above.baseline - below.baseline for above, below in itertools.pairwise(lines)
            if above.page == below.page and above.size == below.size == body and below.starts_item
            and 0 < above.baseline - below.baseline < pitch * PARAGRAPH_STEP]
    if not gaps:
        return 0.0, 0.0, 0
    usual = Counter(round(gap * 2) / 2 for gap in gaps).most_common(1)[0][0]
    return usual, sum(abs(gap - usual) <= 1.0 for gap in gaps) / len(gaps), len(gaps)


def _path_bounds(page, max_depth: int | None = None) -> list[tuple[float, float, float, float]]:
    """(left, bottom, right, top) of every path object on the page, down to `max_depth` forms
    (pdfium's own default where None)."""
    objects = page.get_objects() if max_depth is None else page.get_objects(max_depth=max_depth)
    return [item.get_bounds() for item in objects if item.type == pdfium_c.FPDF_PAGEOBJ_PATH]


def _is_rule(bounds: tuple[float, float, float, float], width: float) -> bool:
    left, bottom, right, top = bounds
    return right - left >= width * RULE_SPAN and top - bottom <= RULE_THICKNESS


def _rules(page) -> tuple[float | None, float | None]:
    """The heights of the rule under the running head and the rule over the footer."""
    width, height = page.get_size()
    rules = [(bottom + top) / 2 for _, bottom, _, top in
             (bounds for bounds in _path_bounds(page) if _is_rule(bounds, width))]
    heads = [rule for rule in rules if rule > height * (1 - MARGIN_SHARE)]
    feet = [rule for rule in rules if rule < height * MARGIN_SHARE]  # not a card's dividers
    return (max(heads) if heads else None), (min(feet) if feet else None)


def _band_bottom(page) -> float | None:
    """The first page's header band: where the paths as wide as the page at its top end."""
    width, height = page.get_size()
    bottoms = [bottom for left, bottom, right, top in _path_bounds(page)
               if right - left >= width * 0.9 and top >= height * 0.9]
    return min(bottoms) if bottoms else None


def _filled_boxes(page, head: float) -> list[tuple[float, float, float, float]]:
    """Path objects that are more than rules: cards, tinted boxes, diagrams' shapes."""
    width, _ = page.get_size()
    return [(left, bottom, right, top) for left, bottom, right, top in _path_bounds(page, max_depth=4)
            if not _is_rule((left, bottom, right, top), width) and top - bottom > RULE_THICKNESS
            and bottom < head + RULE_THICKNESS]
