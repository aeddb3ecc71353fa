"""Where the ink of every glyph lands on a finished PDF's pages: the "text placement" check.

A small interpreter for the content streams this project writes, and plain ones like them:
q Q cm, form XObjects (Do, with their /Matrix and resources), BT ET, Tf Tm Td TD T* TL Tc Tw
Tz Ts, TJ Tj ' ", and marked content with /ActualText. Each BT..ET block is one line of text
(leaflet/text/setting.py draws a line per block); its text is its outermost ActualText.

A glyph's ink box is its outline's extent, read with HarfBuzz from the embedded TrueType
program (/FontFile2), scaled by the font size and placed by the text matrix, text rise and
CTM. The code drawn is not the glyph id of the embedded program: a ReportLab subset maps
codes to glyphs through its own (1,0) cmap -- in a second Nastaliq subset code c draws
glyph c + 1; in a Noto Sans subset code 0x41 draws glyph 35, and codes 0 to 31 glyph 1 --
so that cmap is read, as a viewer reads it. A font without an embedded TrueType program
gets a rough box: its advance across, its descent to ascent up.

Coordinates are points on the trimmed page: origin at the lower-left corner of the page's
TrimBox if it has one, else of its MediaBox.
"""

from __future__ import annotations

import math
import re
import struct
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import uharfbuzz as hb

from leaflet.layout.geometry import RULE_CLEARANCE
from leaflet.text.ink import COLUMN, ink_columns

Box = tuple[float, float, float, float]  # left, bottom, right, top
Matrix = tuple[float, float, float, float, float, float]
# (left, bottom, right, top, font, code): a glyph's ink box, and what drew it; a seventh item
# marks a glyph drawn turned, whose box is around its turned ink box
Glyph = tuple

AREA_TOLERANCE = 0.5  # points a glyph's ink may reach beyond every text area
# Points two lines' glyphs may overlap, both across and up, before the lines overprint.
# In the real leaflets the most ink of two lines that meets is well below this: see
# tests/test_text_placement.py, which measures it.
OVERPRINT_TOLERANCE = 0.3
MAX_FINDINGS = 3
OUTLINE_STEP = 0.1  # points: the width of the page columns in which two glyphs' outlines are compared

_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_MAX_FORM_DEPTH = 8
_SHOW = (b"TJ", b"Tj", b"'", b'"')
_PAINT = frozenset((b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"n"))

_LITERAL = rb"\((?>[^\\()]++|\\.|\((?>[^\\()]++|\\.)*+\))*+\)"  # with one level of nested brackets
_HEX = rb"<[^<>]*+>"
_DICT = rb"<<(?>[^<>()]++|" + _LITERAL + rb"|" + _HEX + rb"|<<(?>[^<>()]++|" + _LITERAL + rb"|" + _HEX + rb")*+>>)*+>>"
_ARRAY = rb"\[(?>[^\[\]()]++|" + _LITERAL + rb")*+\]"
_NUM = rb"([-+]?(?:\d+\.?\d*|\.\d+))"
# One step of the interpreter. Either a glyph run exactly as leaflet/text/setting.py writes
# one, matched whole -- "/F2+0 11.76 Tf", "1.646 Ts", "1 0 0 1 81.457 6.139 Tm", each on a
# line if there, then "[-787.0 <0c> <b2>] TJ" with one-byte codes and at most a leading
# adjustment -- or else any one operator with the operands before it (which reads anything
# else, only slower). This runs over every byte of every page, and a Nastaliq line has a
# glyph run per glyph: one match per run, and atomic groups (no backtracking) keep it fast.
_STEP = re.compile(
    rb"(?>\s*+)(?=[/\[\d.-])(?:/([^\s/\[\]()<>{}%]++) ([\d.]++) Tf\n)?+(?:([-\d.]++) Ts\n)?+"
    rb"(?:((?:[-\d.]++ ){6})Tm\n)?+\[(?:([-\d.]++) )?+((?:<[0-9a-f]{2}> )*+<[0-9a-f]{2}>)\] TJ(?=\s)"
    rb"|((?>[^A-Za-z'\"\[\]()<>/%]++|/[^\s/\[\]()<>{}%]*+|" + _ARRAY + rb"|" + _DICT + rb"|" + _HEX + rb"|"
    + _LITERAL + rb"|%[^\r\n]*+)*+)([A-Za-z'\"][A-Za-z0-9*'\"]*+)", re.S)
_NUMBER = re.compile(rb"[-+]?(?:\d+\.?\d*|\.\d+)")
_NAME = re.compile(rb"/[^\s/\[\]()<>{}%]*")
_SHOWN = re.compile(rb"<([^<>]*)>|\(((?:[^\\()]+|\\.|\((?:[^\\()]+|\\.)*\))*)\)|" + _NUM, re.S)
_ACTUAL_TEXT = re.compile(rb"/ActualText\s*(?:<([^<>]*)>|\(((?:[^\\()]+|\\.|\((?:[^\\()]+|\\.)*\))*)\))", re.S)
_INLINE_IMAGE = re.compile(rb"(?<![^\s])BI\s.*?\sID\s.*?\sEI(?![^\s])", re.S)
_HEX_CODES = {f"<{code:02{case}}>".encode(): bytes([code]) for code in range(256) for case in "xX"}
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
_ESCAPE = re.compile(rb"\\([0-7]{1,3}|\r\n|.)", re.S)


@dataclass
class TextLine:
    """One BT..ET block: its text, and the ink box of each of its glyphs that has ink."""

    page: int  # 1-based
    text: str  # the outermost ActualText, else what the fonts' ToUnicode make of the codes
    glyphs: list[Glyph] = field(default_factory=list)  # in drawing order
    box: Box = (0.0, 0.0, 0.0, 0.0)  # around all its glyphs

    def finish(self) -> None:
        lefts, bottoms, rights, tops, *_ = zip(*self.glyphs, strict=True)
        self.box = (min(lefts), min(bottoms), max(rights), max(tops))

    def char(self, glyph: Glyph) -> str:
        """What the glyph's font's ToUnicode says it is; '' where it says nothing readable."""
        return glyph[4].char(glyph[5])


@dataclass(frozen=True)
class Rule:
    """A horizontal line stroked as decoration (an artifact): a footer's or a running head's
    rule, a table's or a card's lines."""

    left: float
    right: float
    bottom: float  # of its stroke
    top: float


def text_lines(page, number: int = 1, fonts: dict | None = None) -> list[TextLine]:
    """The lines of text a pypdf page draws with ink, in drawing order; boxes in trimmed-page points.

    `fonts` keeps what was read of each font object: pass one dict for all pages of a document.
    """
    return _read(page, number, fonts).lines


def _read(page, number: int, fonts: dict | None) -> _Reader:
    box = page.trimbox if "/TrimBox" in page else page.mediabox
    reader = _Reader(number, {} if fonts is None else fonts)
    contents = page.get_contents()
    if contents is not None:
        resources = page.get("/Resources")
        reader.run(contents.get_data(), resources.get_object() if resources is not None else None,
                   (1.0, 0.0, 0.0, 1.0, -float(box.left), -float(box.bottom)), 0)
    return reader


def text_placement_problems(pages: Iterable, areas: Sequence[Box], limit: int = MAX_FINDINGS) -> list[str]:
    """The first `limit` problems, one line each: glyphs outside every area, ink that comes
    within RULE_CLEARANCE of a rule, lines that overprint.

    `areas` are (left, bottom, right, top) in trimmed-page points; none means: only look
    for overprinting and rules.
    """
    problems: list[str] = []
    fonts: dict = {}
    for number, page in enumerate(pages, 1):
        reader = _read(page, number, fonts)
        lines = reader.lines
        if areas:
            problems.extend(_outside(lines, areas, limit - len(problems)))
        problems.extend(_near_rules(lines, reader.rules, limit - len(problems)))
        if len(problems) < limit:
            for first, second, x, y, _, _ in overprints(lines, limit=limit - len(problems)):
                problems.append(f"page {number}: two lines overprint near x={x:.1f}, y={y:.1f}: "
                                f"“{_excerpt(first.text)}” and “{_excerpt(second.text)}”")
        if len(problems) >= limit:
            break
    return problems[:limit]


def overprints(lines: Sequence[TextLine], tolerance: float = OVERPRINT_TOLERANCE,
               limit: int | None = None) -> Iterator[tuple[TextLine, TextLine, float, float, float, float]]:
    """(line, other line, x, y, across, up) for each two lines with glyphs whose ink boxes overlap
    by more than `tolerance` both across and up; x, y the middle of the pair's largest overlap.

    The lines' boxes are swept bottom to top, and only the glyphs of two lines whose boxes
    meet are compared, and of those only the glyphs reaching into where the boxes meet.
    """
    by_bottom = sorted(range(len(lines)), key=lambda index: lines[index].box[1])
    active: list[int] = []
    pairs = []
    for index in by_bottom:
        box = lines[index].box
        active = [other for other in active if lines[other].box[3] - box[1] > tolerance]
        for other in active:
            other_box = lines[other].box
            if min(box[2], other_box[2]) - max(box[0], other_box[0]) > tolerance:
                pairs.append((min(index, other), max(index, other)))
        active.append(index)
    found = 0
    for index, other in sorted(pairs):
        worst = _worst_overlap(lines[index], lines[other], tolerance)
        if worst is not None:
            yield (lines[index], lines[other], *worst)
            found += 1
            if limit is not None and found >= limit:
                return


def _worst_overlap(line: TextLine, other: TextLine, tolerance: float) -> tuple[float, float, float, float] | None:
    """(x, y, across, up) of the two lines' largest glyph overlap beyond `tolerance`, if any."""
    a, b = line.box, other.box
    where = (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))
    mine, theirs = _reaching(line.glyphs, where, tolerance), _reaching(other.glyphs, where, tolerance)
    worst, most = None, tolerance
    for g in mine:
        for h in theirs:
            if h[0] >= g[2] - tolerance:
                break  # by left edge: no later glyph reaches back over g
            across = min(g[2], h[2]) - max(g[0], h[0])
            up = min(g[3], h[3]) - max(g[1], h[1])
            if across > tolerance and up > tolerance and min(across, up) > most:
                meeting = _outlines_meet(g, h, tolerance)
                if meeting is not None and min(meeting[2], meeting[3]) > most:
                    most = min(meeting[2], meeting[3])
                    worst = meeting
    return worst


def _outlines_meet(g: Glyph, h: Glyph, tolerance: float) -> tuple[float, float, float, float] | None:
    """(x, y, across, up) where two glyphs' ink (their outlines, not their boxes) overlaps by more
    than `tolerance` both ways; None if it does not. A Nastaliq line's tall letters may stand in
    the box of a letter of the line above without touching its ink. Glyphs drawn turned, or in a
    font without a TrueType program, are taken as their boxes."""
    left, right = max(g[0], h[0]), min(g[2], h[2])
    boxes = ((left + right) / 2, (max(g[1], h[1]) + min(g[3], h[3])) / 2, right - left,
             min(g[3], h[3]) - max(g[1], h[1]))
    if len(g) > 6 or len(h) > 6:
        return boxes
    first, second = g[4].ink_columns(g, left, right), h[4].ink_columns(h, left, right)
    if first is None or second is None:
        return boxes
    overlapping = []
    for column, (top, bottom) in first.items():
        other = second.get(column)
        if other is not None:
            up = min(top, other[0]) - max(bottom, other[1])
            if up > tolerance:
                overlapping.append((column, up, (max(bottom, other[1]) + min(top, other[0])) / 2))
    if not overlapping:
        return None
    across = (max(c for c, _, _ in overlapping) - min(c for c, _, _ in overlapping) + 1) * OUTLINE_STEP
    if across <= tolerance:
        return None
    column, up, y = max(overlapping, key=lambda item: item[1])
    return ((column + 0.5) * OUTLINE_STEP, y, across, up)


def _reaching(glyphs: list[Glyph], box: Box, tolerance: float) -> list[Glyph]:
    """The glyphs that may reach into `box` by more than `tolerance` both ways, by left edge."""
    left, bottom, right, top = box[0] + tolerance, box[1] + tolerance, box[2] - tolerance, box[3] - tolerance
    return sorted((g for g in glyphs if g[2] > left and g[0] < right and g[3] > bottom and g[1] < top),
                  key=lambda g: g[0])


def _near_rules(lines: list[TextLine], rules: list[Rule], limit: int) -> list[str]:
    """For each rule some line's ink comes within RULE_CLEARANCE of (above or below, where the
    two overlap across), up to `limit`, a message on the nearest glyph."""
    problems = []
    for rule in rules:
        if len(problems) >= limit:
            break
        near = [(max(glyph[1] - rule.top, rule.bottom - glyph[3]), glyph, line)
                for line in lines
                if line.box[0] < rule.right and line.box[2] > rule.left
                and line.box[1] < rule.top + RULE_CLEARANCE and line.box[3] > rule.bottom - RULE_CLEARANCE
                for glyph in line.glyphs
                if glyph[0] < rule.right and glyph[2] > rule.left and glyph[2] > glyph[0]]
        gap, glyph, line = min(near, key=lambda found: found[0], default=(RULE_CLEARANCE, None, None))
        if glyph is not None and line is not None and gap < RULE_CLEARANCE:
            problems.append(f"page {line.page}: ink of “{_excerpt(line.text)}” at x={glyph[0]:.1f} comes "
                            f"{max(gap, 0.0):.1f} pt from the rule at y={(rule.bottom + rule.top) / 2:.1f}; "
                            f"expected {RULE_CLEARANCE:.0f} pt clear")
    return problems


def _outside(lines: list[TextLine], areas: Sequence[Box], limit: int) -> list[str]:
    """For each line with a glyph outside every area, up to `limit`, a message on its first such glyph."""
    grown = [(left - AREA_TOLERANCE, bottom - AREA_TOLERANCE, right + AREA_TOLERANCE, top + AREA_TOLERANCE)
             for left, bottom, right, top in areas]

    def inside(box) -> bool:
        return any(box[0] >= a[0] and box[1] >= a[1] and box[2] <= a[2] and box[3] <= a[3] for a in grown)

    problems = []
    for line in lines:
        if len(problems) >= limit:
            break
        if inside(line.box):
            continue
        glyph = next((g for g in line.glyphs if not inside(g)), None)
        if glyph is None:
            continue  # each glyph in one area, the line across two (never in a leaflet)
        where = f"at x={glyph[0]:.1f}, y={glyph[1]:.1f} lies outside the text area"
        char = line.char(glyph)
        if char:
            problems.append(f"page {line.page}: glyph of “{char}” {where}, in “{_excerpt(line.text)}”")
        else:  # a glyph with no text of its own (a Nastaliq form): the line's text says where
            problems.append(f"page {line.page}: glyph of “{_excerpt(line.text)}” {where}")
    return problems


def _excerpt(text: str, length: int = 48) -> str:
    text = " ".join(text.split()) or "?"  # "?": a line with neither ActualText nor ToUnicode
    return text if len(text) <= length else text[:length - 1] + "…"


# --- fonts ---------------------------------------------------------------------------------

class _Table(dict):
    """A dict that works out a missing entry, and keeps it."""

    def __init__(self, work_out) -> None:
        super().__init__()
        self.work_out = work_out

    def __missing__(self, key):
        value = self[key] = self.work_out(key)
        return value


class _FontInfo:
    """What drawing with one font object needs, per code: its advance and its ink box."""

    def __init__(self, font) -> None:
        self.font = font
        self.two_byte = font.get("/Subtype") == "/Type0"
        descendant = font["/DescendantFonts"][0].get_object() if self.two_byte else font
        descriptor = descendant.get("/FontDescriptor")
        descriptor = descriptor.get_object() if descriptor is not None else {}
        widths = _widths(font, descendant, self.two_byte)
        if self.two_byte:
            default_width = float(descendant.get("/DW", 1000)) / 1000
        else:
            default_width = float(descriptor.get("/MissingWidth", 0)) / 1000 if "/Widths" in font else 0.5
        self.advances = _Table(lambda code: widths.get(code, default_width))  # em
        self._rough = (float(descriptor.get("/Descent", -200)) / 1000, float(descriptor.get("/Ascent", 750)) / 1000)
        self._hb = self._glyph_of = None
        program = descriptor.get("/FontFile2")
        if program is not None:
            data = program.get_object().get_data()
            face = hb.Face(hb.Blob(data))
            self._hb, self._upem = hb.Font(face), face.upem or 1000
            self._glyph_of = _cid_to_gid(descendant) if self.two_byte else _simple_glyph_map(data)
        self.inks = _Table(self._ink)  # em
        self._unicode: dict[int, str] | None = None
        self._placed: dict[tuple[float, ...], tuple[_Table, _Table, float]] = {}
        self._columns: dict[int, dict[int, tuple[float, float]]] = {}

    def _ink(self, code: int) -> Box | None:
        """The glyph's ink in em from its origin (left, bottom, right, top); None if it has none."""
        if self._hb is None:
            advance = self.advances[code]
            return (0.0, self._rough[0], advance, self._rough[1]) if advance > 0 else None
        extents = self._hb.get_glyph_extents(self._glyph_of(code))
        if extents is None or not extents.width or not extents.height:
            return None
        upem = self._upem
        return (extents.x_bearing / upem, (extents.y_bearing + extents.height) / upem,
                (extents.x_bearing + extents.width) / upem, extents.y_bearing / upem)

    def ink_columns(self, glyph: Glyph, left: float, right: float) -> dict[int, tuple[float, float]] | None:
        """The upright glyph's ink between `left` and `right` on the page, by OUTLINE_STEP column of
        the page: (top, bottom) in points. None for a font without a TrueType program."""
        if self._hb is None:
            return None
        code = glyph[5]
        columns = self._columns.get(code)
        if columns is None:
            columns = self._columns[code] = ink_columns(self._hb, self._glyph_of(code), self._upem)
        em_left, em_bottom, em_right, em_top = self.inks[code]
        wide = (glyph[2] - glyph[0]) / (em_right - em_left)  # the box is the em box, scaled and moved
        high = (glyph[3] - glyph[1]) / (em_top - em_bottom)
        x0, y0 = glyph[0] - em_left * wide, glyph[1] - em_bottom * high
        page: dict[int, tuple[float, float]] = {}
        step = COLUMN * wide
        for column, (top, bottom) in columns.items():
            start = max(left, x0 + column * step)
            end = min(right, start + step)
            if start >= end:
                continue
            top, bottom = y0 + top * high, y0 + bottom * high
            for index in range(math.floor(start / OUTLINE_STEP), math.floor(end / OUTLINE_STEP) + 1):
                old = page.get(index)
                page[index] = (top, bottom) if old is None else (max(old[0], top), min(old[1], bottom))
        return page

    def placed(self, size: float, scale: float, char_space: float, word_space: float, across: float,
               up: float) -> tuple[_Table, _Table, float]:
        """For this text state: per code, the ink box scaled `across` and `up` too, and how far the pen
        moves; and the pen's move for an adjustment of 1 (thousandths of an em), all in text space."""
        key = (size, scale, char_space, word_space, across, up)
        if key not in self._placed:
            wide, high = size * scale * across, size * up

            def ink(code: int) -> Box | None:
                box = self.inks[code]
                return None if box is None else (box[0] * wide, box[1] * high, box[2] * wide, box[3] * high)

            def step(code: int) -> float:
                spacing = word_space if code == 32 and not self.two_byte else 0.0
                return (self.advances[code] * size + char_space + spacing) * scale

            self._placed[key] = (_Table(ink), _Table(step), size * scale / 1000)
        return self._placed[key]

    def char(self, code: int) -> str:
        """What the font's ToUnicode says the code is; '' where that says nothing readable on its own
        (the left-to-right marks Nastaliq glyphs stand for, private-use codes, controls, marks such as ◌ٓ)."""
        if self._unicode is None:
            self._unicode = to_unicode(self.font)
        text = self._unicode.get(code, "")
        if any(unicodedata.category(c)[0] in "CM" for c in text):
            return ""
        return text

    def codes(self, data: bytes) -> Iterable[int]:
        if self.two_byte:
            return [data[i] << 8 | data[i + 1] for i in range(0, len(data) - 1, 2)]
        return data


def _widths(font, descendant, two_byte: bool) -> dict[int, float]:
    """Advances in em by code, from /Widths (simple fonts) or /W (CID fonts)."""
    if not two_byte:
        first = int(font.get("/FirstChar", 0))
        return {first + i: float(w) / 1000 for i, w in enumerate(font.get("/Widths", []))}
    widths: dict[int, float] = {}
    items = [item.get_object() if hasattr(item, "get_object") else item for item in descendant.get("/W", [])]
    i = 0
    while i + 1 < len(items):
        if isinstance(items[i + 1], list):
            widths.update({int(items[i]) + j: float(w) / 1000 for j, w in enumerate(items[i + 1])})
            i += 2
        elif i + 2 < len(items):
            widths.update({code: float(items[i + 2]) / 1000 for code in range(int(items[i]), int(items[i + 1]) + 1)})
            i += 3
        else:
            break
    return widths


def _cid_to_gid(descendant):
    mapping = descendant.get("/CIDToGIDMap")
    mapping = mapping.get_object() if mapping is not None else None
    if mapping is None or not hasattr(mapping, "get_data"):
        return lambda cid: cid
    data = mapping.get_data()
    return lambda cid: int.from_bytes(data[2 * cid:2 * cid + 2], "big")


def _simple_glyph_map(program: bytes):
    """code -> glyph of a simple TrueType font, through its (3,0) or (1,0) cmap as PDF viewers read it."""
    tables = _cmap_subtables(program)
    symbol, mac, unicode = tables.get((3, 0)), tables.get((1, 0)), tables.get((3, 1))
    if symbol is not None:
        return lambda code: symbol.get(code) or symbol.get(0xF000 + code) or 0
    if mac is not None:
        return lambda code: mac.get(code, 0)
    if unicode is not None:
        return lambda code: unicode.get(code, 0)
    return lambda code: code


def _cmap_subtables(program: bytes) -> dict[tuple[int, int], dict[int, int]]:
    """The format 0, 4 and 6 subtables of a TrueType program's cmap, by (platform, encoding)."""
    try:
        count = struct.unpack_from(">H", program, 4)[0]
        directory = {program[12 + 16 * i:16 + 16 * i]: struct.unpack_from(">I", program, 20 + 16 * i)[0]
                     for i in range(count)}
        cmap = directory.get(b"cmap")
        if cmap is None:
            return {}
        tables: dict[tuple[int, int], dict[int, int]] = {}
        for i in range(struct.unpack_from(">H", program, cmap + 2)[0]):
            platform, encoding, offset = struct.unpack_from(">HHI", program, cmap + 4 + 8 * i)
            mapping = _cmap_subtable(program, cmap + offset)
            if mapping is not None:
                tables.setdefault((platform, encoding), mapping)
        return tables
    except struct.error:
        return {}


def _cmap_subtable(data: bytes, at: int) -> dict[int, int] | None:
    kind = struct.unpack_from(">H", data, at)[0]
    if kind == 0:
        return dict(enumerate(data[at + 6:at + 6 + 256]))
    if kind == 6:
        first, count = struct.unpack_from(">HH", data, at + 6)
        return {first + i: glyph for i, glyph in enumerate(struct.unpack_from(f">{count}H", data, at + 10))}
    if kind == 4:
        segments = struct.unpack_from(">H", data, at + 6)[0] // 2
        ends = struct.unpack_from(f">{segments}H", data, at + 14)
        starts = struct.unpack_from(f">{segments}H", data, at + 16 + 2 * segments)
        deltas = struct.unpack_from(f">{segments}H", data, at + 16 + 4 * segments)
        offsets_at = at + 16 + 6 * segments
        offsets = struct.unpack_from(f">{segments}H", data, offsets_at)
        mapping = {}
        for i, (start, end, delta, offset) in enumerate(zip(starts, ends, deltas, offsets, strict=True)):
            for code in range(start, min(end, 0xFFFE) + 1):
                if offset:
                    glyph = struct.unpack_from(">H", data, offsets_at + 2 * i + offset + 2 * (code - start))[0]
                    glyph = (glyph + delta) & 0xFFFF if glyph else 0
                else:
                    glyph = (code + delta) & 0xFFFF
                if glyph:
                    mapping[code] = glyph
        return mapping
    return None


def to_unicode(font) -> dict[int, str]:
    """Code -> text, from a font's /ToUnicode CMap (bfchar and bfrange)."""
    stream = font.get("/ToUnicode")
    if stream is None:
        return {}
    data = stream.get_object().get_data().decode("latin-1")
    mapping = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for code, text in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(code, 16)] = bytes.fromhex(text).decode("utf-16-be", "replace")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for low, high, start in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            first = int(start, 16)
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                if first + offset < 0x110000:
                    mapping[code] = chr(first + offset)
    return mapping


# --- content streams -----------------------------------------------------------------------

def _multiply(a: Matrix, b: Matrix) -> Matrix:
    return (a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5])


def _numbers(operands: bytes) -> list[float]:
    return [float(n) for n in _NUMBER.findall(operands)]


def _number(operands: bytes, default: float) -> float:
    found = _NUMBER.search(operands)
    return float(found.group()) if found else default


def _unescape(literal: bytes) -> bytes:
    def replace(match: re.Match) -> bytes:
        escaped = match.group(1)
        if escaped[:1].isdigit():
            return bytes([int(escaped, 8) & 0xFF])
        if escaped in (b"\n", b"\r", b"\r\n"):
            return b""
        return _ESCAPES.get(escaped, escaped)

    return _ESCAPE.sub(replace, literal) if b"\\" in literal else literal


def _hex_bytes(digits: bytes) -> bytes:
    try:
        return bytes.fromhex(digits.decode("latin-1"))
    except ValueError:  # an odd number of digits, or more than white space between them
        pass
    digits = re.sub(rb"[^0-9A-Fa-f]", b"", digits)
    return bytes.fromhex((digits + b"0" if len(digits) % 2 else digits).decode("ascii"))


def _text_string(raw: bytes) -> str:
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", "replace")
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", "replace")
    return raw.decode("latin-1")


def _actual_text(properties: bytes | None) -> str | None:
    match = _ACTUAL_TEXT.search(properties) if properties else None
    if match is None:
        return None
    return _text_string(_hex_bytes(match.group(1)) if match.group(1) is not None else _unescape(match.group(2)))


def _shown(operands: bytes, adjustments: bool) -> list[tuple[float, bytes]]:
    """What a TJ, Tj, ' or " shows: (adjustment, codes) pairs, the adjustment (thousandths of an em,
    TJ only) moving the pen back before the codes are drawn."""
    operands = operands.strip()
    if operands[:1] == b"[":
        operands = operands[1:-1]
    pairs: list[tuple[float, bytes]] = []
    shift = 0.0
    if b"(" not in operands:  # our own arrays: split on white space
        for token in operands.split():
            code = _HEX_CODES.get(token)
            if code is not None:
                pairs.append((shift, code))
                shift = 0.0
            elif token[:1] == b"<" or token[-1:] == b">":
                break  # a longer hex string, or hex strings not apart
            elif adjustments:
                shift += float(token)
        else:
            return [*pairs, (shift, b"")] if shift else pairs
        pairs, shift = [], 0.0
    for hex_digits, literal, number in _SHOWN.findall(operands):
        if number:
            if adjustments:
                shift += float(number)
        else:
            pairs.append((shift, _hex_bytes(hex_digits) if hex_digits or not literal else _unescape(literal)))
            shift = 0.0
    return [*pairs, (shift, b"")] if shift else pairs


def _box(matrix: Matrix, pen: float, rise: float, ink: Box, font: _FontInfo, code: int) -> Glyph:
    """A glyph's box under any text matrix: around its ink box's corners, transformed."""
    a, b, c, d, e, f = matrix
    x0, x1, y0, y1 = pen + ink[0], pen + ink[2], rise + ink[1], rise + ink[3]
    xs = (a * x0 + c * y0, a * x1 + c * y0, a * x0 + c * y1, a * x1 + c * y1)
    ys = (b * x0 + d * y0, b * x1 + d * y0, b * x0 + d * y1, b * x1 + d * y1)
    return (min(xs) + e, min(ys) + f, max(xs) + e, max(ys) + f, font, code, "turned")


def _rules(path: list[tuple[float, float, float, float]], width: float) -> list[Rule]:
    """The horizontal segments of a stroked path, as rules of the stroke's width."""
    return [Rule(min(x0, x1), max(x0, x1), y0 - width / 2, y0 + width / 2)
            for x0, y0, x1, y1 in path if abs(y1 - y0) < 0.01 and abs(x1 - x0) > width]


class _Reader:
    """Runs a page's content streams, collecting one TextLine per BT..ET block that has ink."""

    def __init__(self, page: int, fonts: dict) -> None:
        self.page = page
        self.fonts = fonts  # font object number -> _FontInfo, for the whole document
        self.lines: list[TextLine] = []
        self.rules: list[Rule] = []
        self._by_name: dict[tuple[int, bytes], _FontInfo | None] = {}

    def font(self, resources, name: bytes) -> _FontInfo | None:
        key = (id(resources), name)
        if key not in self._by_name:
            reference = ((resources or {}).get("/Font") or {}).get(name.decode("latin-1"))
            info = None
            if reference is not None:
                number = reference.idnum if hasattr(reference, "idnum") else id(reference)
                info = self.fonts.get(number)
                if info is None:
                    info = self.fonts[number] = _FontInfo(reference.get_object())
            self._by_name[key] = info
        return self._by_name[key]

    def run(self, data: bytes, resources, ctm: Matrix, depth: int) -> None:
        """Interpret one content stream. Tuned, as it runs over every glyph of every build."""
        if b"BI" in data:
            data = _INLINE_IMAGE.sub(b" ", data)
        stack: list[Matrix] = []
        spans: list[bytes | None] = []  # properties of the marked-content sequences open, outermost first
        artifacts: list[bool] = []  # of the marked-content sequences open, which are artifacts
        path: list[tuple[float, float, float, float]] = []  # straight segments of the path being built
        point = (0.0, 0.0)
        line_width = 1.0
        invisible = False  # text render mode 3: no ink (the text layer and anchors of right-to-left lines)
        line: TextLine | None = None
        named = False  # whether the line has its text from an ActualText span
        spoken: list[str] = []  # ToUnicode text of a line without ActualText
        tm = tlm = _IDENTITY
        tm_operands = None  # the operands of the last Tm, as our glyph runs repeat their line's Tm
        text_matrix: Matrix | None = None  # tm x ctm; None until a glyph needs it again
        a = d = e = f = 0.0  # text_matrix, where it only scales and moves
        upright = True
        pen = 0.0  # advance along the line since tm was set, in text space
        font: _FontInfo | None = None
        size, char_space, word_space, scale, leading, rise = 0.0, 0.0, 0.0, 1.0, 0.0, 0.0
        placed: tuple[_Table, _Table, float] | None = None  # font.placed() for this text state
        numbers_read: dict[bytes, float] = {}  # float() of bytes is slow, and rises repeat
        fast = False  # whether a glyph run may go the short way: the line named, upright, one-byte codes
        inks = steps = glyphs = None
        em = 0.0
        for font_name, font_size, rise_set, tm_set, adjust, codes, operands, operator in _STEP.findall(data):
            if not operator:  # a glyph run: its Tf, Ts and Tm, then a TJ
                if font_name:
                    font, size, placed = self.font(resources, b"/" + font_name), float(font_size), None
                if rise_set:
                    rise = numbers_read.get(rise_set)
                    if rise is None:
                        rise = numbers_read[rise_set] = float(rise_set)
                if tm_set:
                    if tm_set != tm_operands:
                        numbers = _numbers(tm_set)
                        tm = tlm = tuple(numbers) if len(numbers) == 6 else _IDENTITY
                        tm_operands, text_matrix = tm_set, None
                    pen = 0.0
                raw = _HEX_CODES.get(codes) or bytes.fromhex(codes.translate(None, b"<>").decode("ascii"))
                if fast and not invisible and placed is not None and text_matrix is not None:
                    # the same as showing it below, with all the state at hand: most glyphs go this way
                    if adjust:
                        pen -= float(adjust) * em
                    y = d * rise + f
                    for code in raw:
                        ink = inks[code]
                        if ink is not None:
                            x = a * pen + e
                            glyphs.append((x + ink[0], y + ink[1], x + ink[2], y + ink[3], font, code))
                        pen += steps[code]
                    continue
                items = [(float(adjust) if adjust else 0.0, raw)]
            elif operator in _SHOW:
                if operator != b"Tj" and operator != b"TJ":  # ' and ": the next line first; " sets spacing too
                    if operator == b'"':
                        numbers = _numbers(re.split(rb"[(<]", operands, maxsplit=1)[0])
                        if len(numbers) == 2:
                            word_space, char_space = numbers
                            placed = None
                    tlm = _multiply((1.0, 0.0, 0.0, 1.0, 0.0, -leading), tlm)
                    tm, tm_operands, pen, text_matrix = tlm, None, 0.0, None
                items = _shown(operands, operator == b"TJ")
            else:
                if operator == b"Tm":
                    numbers = _numbers(operands)
                    tm = tlm = tuple(numbers) if len(numbers) == 6 else _IDENTITY
                    tm_operands, pen, text_matrix = None, 0.0, None
                elif operator == b"Ts":
                    rise = _number(operands, rise)
                elif operator == b"Tf":
                    name = _NAME.search(operands)
                    if name is not None:
                        font, size = self.font(resources, name.group()), _number(operands[name.end():], size)
                        placed = None
                elif operator == b"BT":
                    tm = tlm = _IDENTITY
                    tm_operands, pen, text_matrix = None, 0.0, None
                    line, named, spoken, fast = TextLine(self.page, ""), False, [], False
                elif operator == b"ET":
                    fast = False
                    if line is not None and line.glyphs:
                        if not named:
                            line.text = "".join(spoken)
                        line.finish()
                        self.lines.append(line)
                    line = None
                elif operator == b"BDC":
                    spans.append(operands if b"/ActualText" in operands else None)
                    artifacts.append(b"/Artifact" in operands)
                elif operator == b"BMC":
                    spans.append(None)
                    artifacts.append(b"/Artifact" in operands)
                elif operator == b"EMC":
                    if spans:
                        spans.pop()
                        artifacts.pop()
                elif operator == b"Tr":
                    invisible = _number(operands, 0.0) in (3.0, 7.0)
                elif operator == b"w":
                    line_width = _number(operands, line_width)
                elif operator == b"m" or operator == b"l":
                    numbers = _numbers(operands)
                    if len(numbers) == 2:
                        to = (ctm[0] * numbers[0] + ctm[2] * numbers[1] + ctm[4],
                              ctm[1] * numbers[0] + ctm[3] * numbers[1] + ctm[5])
                        if operator == b"l":
                            path.append((*point, *to))
                        point = to
                elif operator in _PAINT:
                    if (operator == b"S" or operator == b"s") and any(artifacts):
                        self.rules.extend(_rules(path, line_width * math.hypot(ctm[2], ctm[3])))
                    path = []
                elif operator == b"q":
                    stack.append(ctm)
                elif operator == b"Q":
                    if stack:
                        ctm = stack.pop()
                    text_matrix = None
                elif operator == b"cm":
                    numbers = _numbers(operands)
                    if len(numbers) == 6:
                        ctm = _multiply(tuple(numbers), ctm)
                        text_matrix = None
                elif operator == b"Td" or operator == b"TD":
                    numbers = _numbers(operands)
                    if len(numbers) == 2:
                        if operator == b"TD":
                            leading = -numbers[1]
                        tlm = _multiply((1.0, 0.0, 0.0, 1.0, numbers[0], numbers[1]), tlm)
                        tm, tm_operands, pen, text_matrix = tlm, None, 0.0, None
                elif operator == b"T*":
                    tlm = _multiply((1.0, 0.0, 0.0, 1.0, 0.0, -leading), tlm)
                    tm, tm_operands, pen, text_matrix = tlm, None, 0.0, None
                elif operator == b"TL":
                    leading = _number(operands, leading)
                elif operator == b"Tc":
                    char_space, placed = _number(operands, char_space), None
                elif operator == b"Tw":
                    word_space, placed = _number(operands, word_space), None
                elif operator == b"Tz":
                    scale, placed = _number(operands, scale * 100) / 100, None
                elif operator == b"Do" and depth < _MAX_FORM_DEPTH:
                    self.draw_form(resources, operands, ctm, depth)
                continue
            # show `items`: (adjustment, codes) pairs
            if line is None or font is None:
                continue
            if not named:
                text = next((text for text in map(_actual_text, spans) if text is not None), None)
                if text is not None:
                    line.text, named = text, True
            if text_matrix is None:
                text_matrix = _multiply(tm, ctm)
                a, _, _, d, e, f = text_matrix
                upright = text_matrix[1] == 0 and text_matrix[2] == 0 and a > 0 and d > 0
                placed = None
            if placed is None:
                placed = font.placed(size, scale, char_space, word_space, a if upright else 1.0,
                                     d if upright else 1.0)
            inks, steps, em = placed
            y = d * rise + f
            glyphs = line.glyphs
            fast = named and upright and not font.two_byte
            for shift, raw in items:
                if shift:
                    pen -= shift * em
                for code in font.codes(raw) if font.two_byte else raw:
                    ink = None if invisible else inks[code]
                    if ink is not None:
                        if upright:
                            x = a * pen + e
                            glyphs.append((x + ink[0], y + ink[1], x + ink[2], y + ink[3], font, code))
                        else:
                            glyphs.append(_box(text_matrix, pen, rise, ink, font, code))
                    if not named:
                        spoken.append(font.char(code))
                    pen += steps[code]

    def draw_form(self, resources, operands: bytes, ctm: Matrix, depth: int) -> None:
        name = _NAME.search(operands)
        reference = ((resources or {}).get("/XObject") or {}).get(name.group().decode("latin-1")) if name else None
        if reference is None:
            return
        form = reference.get_object()
        if form.get("/Subtype") != "/Form":
            return
        matrix = tuple(float(v) for v in form.get("/Matrix", _IDENTITY))
        inner = form.get("/Resources")
        self.run(form.get_data(), inner.get_object() if inner is not None else resources,
                 _multiply(matrix, ctm), depth + 1)
