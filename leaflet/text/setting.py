"""The text engine's API: set a paragraph to a width, measure it, split it, draw it.

Every piece of text on a page goes through here, in every language: bidi, fonts,
HarfBuzz shaping, line breaking, ink-aware line spacing, and PDF text whose words
carry ActualText so that copying gives the words as written, in logical order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from functools import cached_property, lru_cache
from itertools import pairwise

import icu
from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from leaflet.text.bidi import is_right_to_left, latin_islands
from leaflet.text.extraction import PDFIUM_ORDER_TAG, pdfium_order, pdfium_order_of_parts
from leaflet.text.fonts import SILENT
from leaflet.text.layer import page_primer, span_anchor, text_layer
from leaflet.text.lines import INK_STEP, Grid, Line, PlacedGlyph, break_lines
from leaflet.text.locale import text_direction
from leaflet.text.markup import Run, parse_inline
from leaflet.text.shaping import shape_text

ALIGNMENTS = ("start", "end", "center")


@dataclass(frozen=True)
class TextStyle:
    language: str
    size: float  # points
    colour: Color
    bold: bool = False  # every run bold, as in headings
    leading: float = 1.4  # least baseline-to-baseline distance, in em
    align: str = "start"  # start is the right edge in right-to-left languages
    ascent: float = 1.0  # least room above the first baseline, in em
    descent: float = 0.3  # least room below the last baseline, in em
    ink_gap: float = 0.05  # least clear space between the ink of two lines, in em
    block_pitch: float = 1.3  # least baseline distance from one block of text to the next, in em

    def with_(self, **changes) -> TextStyle:
        return replace(self, **changes)


class Layer(Enum):
    """Whether a right-to-left line carries its text layer (layer.py)."""

    OWN = "own"  # the line's own text
    NONE = "none"  # its text is in another line's layer: a list number's, in its item's first line


@dataclass(frozen=True)
class Label:
    """Text shown at the right end of a right-to-left line, read with it: a list item's number."""

    text: str
    right: float  # where its ink ends on the right (PDF coordinates)


@dataclass(frozen=True)
class SetText:
    """A paragraph broken into lines for one width; heights in points."""

    text: str
    rtl: bool
    lines: tuple[Line, ...]
    style: TextStyle
    width: float
    # em the whole block stands in from its start edge, so that no line's ink (a Nastaliq kāf's
    # stroke, an italic's tail) overhangs the column while its lines stay flush with each other
    inset: float = 0.0

    @cached_property
    def baselines(self) -> list[float]:
        """Distance of each baseline below the top of the text (worked out once: a frozen setting)."""
        size, style = self.style.size, self.style
        if not self.lines:
            return []
        positions = [max(style.ascent, self.lines[0].top + style.ink_gap) * size]
        for above, below in zip(self.lines, self.lines[1:], strict=False):
            offset = (self.line_x(below) - self.line_x(above)) / size / INK_STEP
            step = max(style.leading, above.clearance_at(below, offset) + style.ink_gap)
            positions.append(positions[-1] + step * size)
        return positions

    def gap_to(self, below: SetText, space: float, shift: float = 0.0) -> float:
        """Baseline distance (points) from this block's last line to the first line of `below`, a
        block of the same size `space` points under it whose left edge stands `shift` points to
        the right: `below`'s block pitch and the space, unless their ink would come closer than
        its ink gap (ink may reach into the space between blocks, as long as it meets none)."""
        size, above, first = self.style.size, self.lines[-1], below.lines[0]
        offset = (shift + below.line_x(first) - self.line_x(above)) / size / INK_STEP
        return max(below.style.block_pitch * size + space,
                   (above.clearance_at(first, offset) + below.style.ink_gap) * size)

    @property
    def height(self) -> float:
        if not self.lines:
            return 0.0
        return self.baselines[-1] + max(self.style.descent, -self.lines[-1].bottom) * self.style.size

    @property
    def natural_width(self) -> float:
        """Width of the longest line, in points."""
        return max((line.width for line in self.lines), default=0.0) * self.style.size

    @property
    def fitting_width(self) -> float:
        """The narrowest column that keeps these lines as they are: the longest line and the inset."""
        return self.natural_width + self.inset * self.style.size

    def split(self, line_count: int) -> tuple[SetText, SetText]:
        return (replace(self, lines=self.lines[:line_count]), replace(self, lines=self.lines[line_count:]))

    def line_x(self, line: Line) -> float:
        """Left edge of a line within the width, by alignment and direction; its ink stays inside."""
        size = self.style.size
        slack = self.width - line.width * size
        align = self.style.align
        if align == "center":
            x = slack / 2
        elif (align == "start") == self.rtl:
            x = slack - (self.inset * size if align == "start" else 0.0)
        else:
            x = self.inset * size if align == "start" else 0.0
        return max(-line.ink_left * size, min(x, self.width - line.ink_right * size))

    def draw(self, canvas: Canvas, x: float, top: float, lines: slice = slice(None),
             layer: Layer = Layer.OWN, label: Label | None = None) -> None:
        """Draw `lines` (all by default) with the top of the text at `top` (PDF coordinates, y up).

        `layer` says whether right-to-left lines carry their text layer (layer.py); `label` (a list
        item's number, drawn by the caller beside the first line drawn) leads that line's layer.
        A canvas marked `measure_only` (a layout pass that only counts pages) gets nothing.
        """
        if getattr(canvas, "measure_only", False):
            return
        fill_text = getattr(canvas, "fill_text", None)  # a canvas for press chooses the inks of text
        if fill_text is not None:
            fill_text(self.style.colour, self.style.size)
        else:
            canvas.setFillColor(self.style.colour)
        for line, baseline in zip(self.lines[lines], self.baselines[lines], strict=True):
            left = x + self.line_x(line)
            lead = None if label is None else (label.text, label.right - left)
            _draw_line(canvas, self.text, line, left, top - baseline, self.style.size, self.rtl, layer, lead)
            label = None


def draw_page_primer(canvas: Canvas) -> None:
    """An invisible mark as the first text of a page that has right-to-left lines.

    MuPDF 1.26 (PyMuPDF; SumatraPDF and viewers for phones build on it) crashes extracting the text
    of a page whose first text object opens two nested ActualText spans, as a right-to-left
    line's does (the large-print Urdu's first page, its band's institute line first); a text
    object before it, this one, keeps it from that.
    """
    canvas._code.extend(["BT", *page_primer(canvas._doc), "ET"])


@dataclass(frozen=True)
class FittedLine:
    setting: SetText
    shortened: bool  # neither choice fitted whole: the last was cut, with an ellipsis


ELLIPSIS = "…"


def fit_line(choices: Sequence[str], style: TextStyle, width: float) -> FittedLine:
    """One line, never wrapped: the first of `choices` that fits `width`; else the last, cut
    after its last word that leaves room for an ellipsis (or after a character, for one long word).
    """
    for choice in choices:
        setting = set_text(parse_inline(choice), style, width)
        if len(setting.lines) <= 1:
            return FittedLine(setting, shortened=False)
    last = " ".join(choices[-1].replace("**", "").split())
    words = last.split(" ")
    cuts = [" ".join(words[:count]) for count in range(len(words) - 1, 0, -1)]
    cuts += [words[0][:count] for count in range(len(words[0]) - 1, 0, -1)]
    for cut in cuts:
        setting = set_text([Run(cut.rstrip(" ,.;:،۔") + ELLIPSIS, style.bold)], style, width)
        if len(setting.lines) <= 1:
            return FittedLine(setting, shortened=True)
    return FittedLine(set_text([Run(ELLIPSIS, style.bold)], style, width), shortened=True)


def fit_size(text: str, style: TextStyle, width: float) -> TextStyle:
    """The style, set smaller if need be, so that `text` fits `width` on one line (a figure, a wordmark)."""
    setting = set_text(parse_inline(text), style, 100_000)
    if not setting.lines:
        return style
    line = setting.lines[0]
    needed = (setting.inset + line.width + max(line.overhang)) * style.size  # with the ink past either end
    if needed <= width:
        return style
    return style.with_(size=style.size * width / needed * 0.995)


def set_text(runs: list[Run], style: TextStyle, width: float) -> SetText:
    """Shape and break `runs` for a column `width` points wide."""
    return _set_text(tuple(runs), style, round(width, 3))


@lru_cache(maxsize=4096)
def _set_text(runs: tuple[Run, ...], style: TextStyle, width: float) -> SetText:
    # Cached: a document is laid out twice ("Page N of M"), and often several sizes and
    # languages in one process; shaping the same text for the same width gives the same lines.
    if style.bold:
        runs = tuple(Run(run.text, True) for run in runs)
    rtl = text_direction(style.language) == "rtl"
    shaped = shape_text(list(runs), style.language, rtl)
    if not shaped.text:
        return SetText(shaped.text, rtl, (), style, width)
    column = width / style.size
    side = "center" if style.align == "center" else "right" if (style.align == "start") == rtl else "left"

    def grid(width: float) -> Grid:
        return Grid(style.leading, style.ink_gap, side, width)

    lines = break_lines(shaped, column, style.language, grid(column))
    start_side = 1 if rtl else 0  # which overhang lies on the start edge
    usual = letter_overhang(style.language, style.bold) if style.align == "start" and rtl else 0.0

    def insets() -> tuple[float, float]:
        start = max(usual, *(line.overhang[start_side] for line in lines)) if style.align == "start" else 0.0
        return start, max(line.overhang[1 - start_side] for line in lines)

    for _ in range(2):  # break again, narrower, where the ink overhangs
        inset, end = insets()
        if max(line.width for line in lines) + inset + end <= column + 1e-9:
            break
        narrower = max(column - inset - end, column / 2)
        lines = break_lines(shaped, narrower, style.language, grid(narrower))
    return SetText(shaped.text, rtl, tuple(lines), style, width, insets()[0])


@lru_cache(maxsize=64)
def letter_overhang(language: str, bold: bool) -> float:
    """How far (em) the ink of a word-initial letter of the language reaches past the line's start.

    Every right-to-left paragraph of a style stands in by this much, so that lines starting
    with, say, a Nastaliq kāf stay inside the column and flush with all the others. The letters
    are the language's own (ICU's exemplar set).
    """
    rtl = text_direction(language) == "rtl"
    letters = [char for char in icu.LocaleData(language.split("_")[0]).getExemplarSet(
        0, icu.ULocaleDataExemplarSetType.ES_STANDARD) if len(char) == 1 and char.isalpha()]
    most = 0.0
    for letter in letters:
        # Alone, and before a few others: a letter's initial form can reach further than its own.
        for word in (letter, *(letter + other for other in letters[:4])):
            shaped = shape_text([Run(word, bold)], language, rtl)
            for line in break_lines(shaped, 1000.0, language):
                most = max(most, line.overhang[1 if rtl else 0])
    return most


# Latin letters inside right-to-left text are terms kept in English (CT, MRI, PKLI): their spans
# say so, for screen readers and the PDF's language checks.
LATIN_TERMS_LANGUAGE = "en"
ANCHOR_OFFSET = 0.01  # points: a span's anchor stands this much left of its glyphs, so pdfium reads it first


def _draw_line(canvas: Canvas, text: str, line: Line, x: float, baseline: float, size: float,
               rtl_document: bool, layer: Layer, lead: tuple[str, float] | None) -> None:
    """Emit a line's glyphs inside the ActualText spans that give its text (see extraction.py).

    A line with right-to-left text also gets its text layer (layer.py), led by `lead` (a label's
    text and where it ends, in points from `x`) if given, and its glyphs say nothing; its Latin
    terms are spans of their own, in their language (`_draw_parts`).
    """
    code = canvas._code  # ReportLab's page content stream; there is no public way to draw glyph ids
    written = text[line.start:line.end]
    # Glyphs whose display order is not the text's (right-to-left text, or figures and brackets
    # shown right to left among it: «(4)») say nothing: the spans and the layer say the text.
    silent = any(map(is_right_to_left, written)) or any(
        before.cluster > after.cluster for before, after in pairwise(line.glyphs))

    def layered(left: float) -> list[str]:
        if layer is Layer.NONE:
            return []
        shown = f"{lead[0]} {written}".rstrip() if lead else written.rstrip()
        right = lead[1] if lead else line.width * size
        return text_layer(shown, x + left, baseline, size, right - left, canvas._doc)

    code.append("BT")
    if not (silent and _draw_parts(canvas, written, line, x, baseline, size, rtl_document, layered)):
        for_pdfium = pdfium_order(written, rtl_document)
        # a line of right-to-left text may hold only a Latin term (a term broken onto its own line)
        code.extend(_spans_begin(written, for_pdfium, _term_language(written) if rtl_document else None))
        if silent:
            left = min(0.0, *(glyph.x for glyph in line.glyphs)) * size
            code.extend(span_anchor(x + left - ANCHOR_OFFSET, x + line.width * size, baseline, size, canvas._doc))
        code.extend(_show_glyphs(list(line.glyphs), {} if silent else _cluster_texts(text, line), x, baseline,
                                 size, canvas._doc, _glyph_codes(canvas), silent=silent))
        if silent:
            code.extend(layered(0.0))
        code.extend(["EMC"] * (2 if for_pdfium != written else 1))
    code.append("ET")


def _spans_begin(written: str, for_pdfium: str, language: str | None) -> list[str]:
    """The ActualText spans of a line or a part of one: the text as written (in `language` if
    given), and inside it, where pdfium needs them in another order, the same for pdfium."""
    tag = f"/Lang ({language}) " if language else ""
    spans = [f"/Span <<{tag}/ActualText {_utf16_hex(written)}>> BDC"]
    if for_pdfium != written:
        spans.append(f"{PDFIUM_ORDER_TAG} <</ActualText {_utf16_hex(for_pdfium)}>> BDC")
    return spans


def _draw_parts(canvas: Canvas, written: str, line: Line, x: float, baseline: float, size: float,
                rtl_document: bool, layered: Callable[[float], list[str]]) -> bool:
    """A right-to-left line with Latin terms, drawn part by part in display order, each term in a
    span of its own language, the line's text layer (`layered`, from a left edge) in the first;
    False (nothing drawn) for a line without terms, or one whose parts the glyphs or pdfium's runs
    do not keep apart."""
    terms = latin_islands(written)
    if not terms:
        return False
    for around in (terms, [_to_letters(written, start, end) for start, end in terms]):
        parts = _parts(written, around)
        groups = _glyphs_by_part(line, parts)
        if groups is not None:
            parts = _shown_together(parts, [index for index, _ in groups])
            groups = _glyphs_by_part(line, parts)
        if groups is not None:
            for_pdfium = pdfium_order_of_parts(written, rtl_document, [start for start, _ in parts] + [len(written)],
                                               [index for index, _ in groups])
            if for_pdfium is not None:
                break
    else:
        return False
    code = canvas._code
    drawn = [glyphs for _, glyphs in groups]
    lefts = [min(glyph.x for glyph in glyphs) * size for glyphs in drawn]
    line_left = lefts[0]
    for number, ((index, _), glyphs) in enumerate(zip(groups, drawn, strict=True)):
        start, end = parts[index]
        part = written[start:end]
        left = lefts[number]
        right = lefts[number + 1] if number + 1 < len(lefts) else line.width * size
        placed = [glyph._replace(x=glyph.x - left / size) for glyph in glyphs]
        code.extend(_spans_begin(part, for_pdfium[index], _term_language(part)))
        code.extend(span_anchor(x + left - ANCHOR_OFFSET, x + right - ANCHOR_OFFSET, baseline, size, canvas._doc,
                                joins=number > 0))
        code.extend(_show_glyphs(placed, {}, x + left, baseline, size, canvas._doc, _glyph_codes(canvas),
                                 silent=True))
        if number == 0:  # once, whole: pdf.js puts a line in reading order only within one run
            code.extend(layered(line_left))
        code.extend(["EMC"] * (2 if for_pdfium[index] != part else 1))
    return True


def _term_language(part: str) -> str | None:
    """The language of a part of right-to-left text that is a Latin term (letters, no
    right-to-left character); None for any other part."""
    if latin_islands(part) and not any(map(is_right_to_left, part)):
        return LATIN_TERMS_LANGUAGE
    return None


def _parts(written: str, islands: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The line cut at the edges of its islands; a part of spaces alone (the line's last space,
    which draws no glyph) goes with the part before it."""
    edges = sorted({edge for island in islands for edge in island} - {0, len(written)})
    cuts = [edge for edge, after in zip(edges, [*edges[1:], len(written)], strict=True)
            if written[edge:after].strip() and written[:edge].strip()]
    return list(pairwise([0, *cuts, len(written)]))


def _shown_together(parts: list[tuple[int, int]], shown: list[int]) -> list[tuple[int, int]]:
    """Parts shown left to right one after another (a Latin island going on from the line
    before: «(CT) TACE») joined into one: pdfium reads a right-to-left line's parts right to left."""
    joined: list[list[int]] = []
    for index in shown:
        if joined and index == joined[-1][-1] + 1:
            joined[-1].append(index)
        else:
            joined.append([index])
    return sorted((parts[run[0]][0], parts[run[-1]][1]) for run in joined)


def _to_letters(written: str, start: int, end: int) -> tuple[int, int]:
    """An island widened over the spaces, figures and marks around it, up to the letters and
    right-to-left marks on either side: brackets round a term may be shown on its side of the
    line («(CT) جگر»)."""
    def widens(char: str) -> bool:
        return not (char.isalpha() or is_right_to_left(char))

    while start > 0 and widens(written[start - 1]):
        start -= 1
    while end < len(written) and widens(written[end]):
        end += 1
    return start, end


def _glyphs_by_part(line: Line, parts: list[tuple[int, int]]) -> list[tuple[int, list[PlacedGlyph]]] | None:
    """The line's glyphs in display order, grouped by the part of the text each draws; None if a
    part's glyphs are not side by side or a part draws nothing."""
    groups: list[tuple[int, list[PlacedGlyph]]] = []
    for glyph in line.glyphs:
        offset = glyph.cluster - line.start
        index = next(number for number, (start, end) in enumerate(parts) if start <= offset < end)
        if groups and groups[-1][0] == index:
            groups[-1][1].append(glyph)
        else:
            groups.append((index, [glyph]))
    if len(groups) != len(parts) or len({index for index, _ in groups}) != len(parts):
        return None
    return groups


def _cluster_texts(text: str, line: Line) -> dict[int, str]:
    """Cluster start -> the text it draws: up to the next cluster's start (or the line's end)."""
    starts = sorted({glyph.cluster for glyph in line.glyphs})
    ends = [*starts[1:], line.end]
    return {start: text[start:end] for start, end in zip(starts, ends[:len(starts)], strict=True)}


def _glyph_codes(canvas: Canvas) -> dict[tuple[str, int, str, bool], tuple[int, bytes, str]]:
    """Per document: (font, glyph, cluster text, first of its cluster) -> (subset, code byte, PDF font
    name), once ReportLab assigned it."""
    return canvas.__dict__.setdefault("_leaflet_glyph_codes", {})


def _show_glyphs(glyphs: list[PlacedGlyph], texts: dict[int, str], origin: float, baseline: float, size: float,
                 doc, codes: dict[tuple[str, int, str, bool], tuple[int, bytes, str]],
                 silent: bool = False) -> list[str]:
    """Text operators for glyphs: TJ adjustments move along the line, text rise (Ts) up and down.

    Each cluster's text goes with the first of its glyphs shown (see `FontFace.code`); `silent`
    glyphs all say nothing (SILENT), the text being elsewhere.
    """
    operators: list[str] = []
    font_key = None
    rise = 0.0
    pen = None  # the PDF's text position after the last glyph shown
    pending: list[str] = []
    told: set[int] = set()

    def flush() -> None:
        if pending:
            operators.append(f"[{' '.join(pending)}] TJ")
            pending.clear()

    for glyph in glyphs:
        face = glyph.font
        cluster, first = ((texts.get(glyph.cluster, SILENT), True) if silent
                          else (texts.get(glyph.cluster, ""), glyph.cluster not in told))
        told.add(glyph.cluster)
        known = codes.get((face.name, glyph.glyph, cluster, first))
        if known is None:
            (subset, code_bytes), = face.ttf.splitString(face.code(glyph.glyph, cluster, first), doc)
            known = codes[face.name, glyph.glyph, cluster, first] = (
                subset, code_bytes, face.ttf.getSubsetInternalName(subset, doc))
        subset, code_bytes, pdf_font = known
        gx, gy = glyph.x * size, glyph.y * size
        font_size = size * face.size
        if (face.name, subset) != font_key:
            flush()
            operators.append(f"{pdf_font} {font_size:.2f} Tf")
            font_key, pen = (face.name, subset), None
        if abs(gy - rise) > 1e-3:
            flush()
            operators.append(f"{gy:.3f} Ts")
            rise, pen = gy, None
        if pen is None:
            flush()
            operators.append(f"1 0 0 1 {origin:.3f} {baseline:.3f} Tm")
            pen = 0.0
        if abs(gx - pen) > 1e-3:
            pending.append(f"{-(gx - pen) * 1000 / font_size:.1f}")
        pending.append(f"<{code_bytes.hex()}>")
        pen = gx + face.hb_font.get_glyph_h_advance(glyph.glyph) / face.upem * font_size
    flush()
    if rise:
        operators.append("0 Ts")
    return operators


def _utf16_hex(text: str) -> str:
    return f"<FEFF{text.encode('utf-16-be').hex().upper()}>"
