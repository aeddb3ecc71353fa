"""Font files, their registration with ReportLab, and the script-to-font mapping."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import uharfbuzz
import yaml
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

from leaflet.text.ink import ink_columns

FONT_DIR = Path(__file__).resolve().parents[2] / "fonts"
# What a drawn glyph of a right-to-left line says it is: nothing but a left-to-right mark, which
# pdf.js skips and pdfium reads as left to right (a space instead makes pdfium join short labels
# on one baseline); the line's text is in its ActualText and its text layer (layer.py).
SILENT = "\u200e"
# Codes for (glyph, text) pairs: plane 15's private use area, which no font of ours maps.
PAIR_CODES = 0xF0000
_STYLES = ("regular", "bold", "italic", "bold_italic")


@dataclass(frozen=True)
class FontFamily:
    """ReportLab font names of one family; a style the family lacks falls back to a sibling."""

    regular: str
    bold: str
    italic: str
    bold_italic: str


@dataclass(frozen=True)
class FamilyMetrics:
    """How a family is set, in em of the text style's size (see fonts.yaml)."""

    size: float
    leading: float
    ascent: float
    descent: float
    word_space: float | None = None  # em of the font: the width of a space, where the font's own is too narrow
    # least baseline distance (em) from the last line of one paragraph or list item to the first
    # of the next, before the space between them; further only where their ink would meet.
    # Else `ascent + descent`.
    block_pitch: float | None = None

    @property
    def block_step(self) -> float:
        """Least baseline distance between two blocks of text, in em."""
        return self.ascent + self.descent if self.block_pitch is None else self.block_pitch


@dataclass(frozen=True)
class FontConfig:
    families: dict[str, dict[str, Path]]
    scripts: dict[str, dict[str, str]]
    fallback: tuple[str, ...]
    metrics: dict[str, FamilyMetrics]


@cache
def font_config() -> FontConfig:
    raw = yaml.safe_load((FONT_DIR / "fonts.yaml").read_text(encoding="utf-8"))
    families = {
        name: {style: FONT_DIR / file for style, file in styles.items()}
        for name, styles in raw["families"].items()
    }
    metrics = {name: FamilyMetrics(**values) for name, values in raw["metrics"].items()}
    return FontConfig(families=families, scripts=raw["scripts"], fallback=tuple(raw["fallback"]),
                      metrics=metrics)


def family_metrics(family: str) -> FamilyMetrics:
    return font_config().metrics[family]


def font_name(family: str, style: str) -> str:
    return family if style == "regular" else f"{family}-{style.replace('_', '')}"


class TextMappedFont(TTFont):
    """ReportLab's TrueType font whose ToUnicode gives, for each code, the text its glyph stands for.

    One glyph can draw several letters (a ligature), and one Nastaliq glyph different letters
    (letters share a skeleton and differ in their dots): so a code is made for each (glyph, text)
    pair drawn, and ToUnicode maps it to that text, which may be empty (the other glyphs of a
    cluster whose text sits on its first glyph) or SILENT.
    """

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        self.texts: dict[int, str] = {}
        self._pairs: dict[tuple[int, str], int] = {}

    def code_for(self, glyph: int, text: str, advance: float) -> str:
        """The character ReportLab will encode to draw `glyph` standing for `text`."""
        code = self._pairs.get((glyph, text))
        if code is None:
            code = self._pairs[glyph, text] = PAIR_CODES + len(self._pairs)
            self.face.charToGlyph[code] = glyph
            self.face.charWidths[code] = advance
            self.texts[code] = text
        return chr(code)

    def addObjects(self, doc) -> None:  # noqa: N802 (ReportLab's name)
        state = self.state.get(doc)
        subsets = [list(subset) for subset in state.subsets] if state is not None else []
        super().addObjects(doc)
        for number, subset in enumerate(subsets):
            base = (SUBSETN(number) + b"+" + self.face.name + self.face.subfontNameX).decode("pdfdoc")
            stream = doc.idToObject["toUnicodeCMap:" + base]
            stream.content = _to_unicode_cmap(base, [self.texts.get(code, chr(code)) for code in subset])


def _to_unicode_cmap(name: str, texts: list[str]) -> str:
    """A ToUnicode CMap for one-byte codes 0..len(texts)-1 (as ReportLab's, with text per code)."""
    entries = [f"<{code:02X}> <{text.encode('utf-16-be').hex().upper()}>" for code, text in enumerate(texts)]
    chunks = [entries[start:start + 100] for start in range(0, len(entries), 100)]  # at most 100 per block
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        f"/CIDSystemInfo << /Registry ({name}) /Ordering ({name}) /Supplement 0 >> def",
        f"/CMapName /{name} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{len(texts) - 1:02X}>", "endcodespacerange",
        *(line for chunk in chunks for line in (f"{len(chunk)} beginbfchar", *chunk, "endbfchar")),
        "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"])


@cache
def register_family(family: str) -> FontFamily:
    """Register a family's files with ReportLab (once) and return its font names."""
    files = font_config().families[family]
    names: dict[str, str] = {}
    for style in _STYLES:
        fallback = "bold" if style == "bold_italic" and "bold" in files else "regular"
        source = style if style in files else fallback
        name = font_name(family, source)
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TextMappedFont(name, str(files[source])))
        names[style] = name
    for bold in (0, 1):
        for italic in (0, 1):
            style = _STYLES[bold + 2 * italic]
            addMapping(family, bold, italic, names[style])
    return FontFamily(**names)


def fallback_families() -> tuple[str, ...]:
    """Families tried, in order, for a character the script's own font lacks (e.g. % in Nastaliq)."""
    return font_config().fallback


def family_for_script(language: str, script: str) -> str:
    """The configured font family for a script in a language (e.g. Arab in ur -> Nastaliq)."""
    scripts = font_config().scripts
    chosen = scripts.get(language, {}).get(script) or scripts["default"].get(script)
    if chosen is None:
        raise KeyError(f"no font configured for script {script} (language {language})")
    return chosen


class FontFace:
    """One registered font as the text engine needs it: HarfBuzz for shaping, ReportLab for the PDF.

    Every glyph drawn gets a code per (glyph, text) pair whose ToUnicode is the text (see
    `code`). The code's value is never written: a subset holds glyphs by the order a document
    first draws them, so builds stay byte-identical whatever was drawn before in the process.
    """

    def __init__(self, name: str, family: str) -> None:
        self.name = name
        self.size = family_metrics(family).size
        self.word_space = family_metrics(family).word_space
        self.ttf: TextMappedFont = pdfmetrics.getFont(name)
        self.hb_font = uharfbuzz.Font(self.ttf.hbFace)
        self._extents: dict[int, tuple[float, float, float, float] | None] = {}
        self._columns: dict[int, dict[int, tuple[float, float]]] = {}

    @property
    def upem(self) -> int:
        return self.hb_font.face.upem

    def covers(self, char: str) -> bool:
        return self.hb_font.get_nominal_glyph(ord(char)) is not None

    def code(self, glyph: int, cluster: str, first: bool) -> str:
        """The character ReportLab will encode to draw `glyph`, one of those drawing `cluster`: a
        code of its own for what it stands for, and ToUnicode says so: the cluster's text on its
        first glyph (a ligature copies out as its letters), nothing on the others. The glyphs of a
        right-to-left line all stand for SILENT (their text is in the line's text layer).
        """
        return self.ttf.code_for(glyph, cluster if first else "",
                                 self.hb_font.get_glyph_h_advance(glyph) * 1000 / self.upem)

    def ink(self, glyph: int) -> tuple[float, float, float, float] | None:
        """(left, right, top, bottom) of the glyph's ink in em from its origin; None if blank."""
        if glyph not in self._extents:
            box = self.hb_font.get_glyph_extents(glyph)
            self._extents[glyph] = None if not box or not box.width or not box.height else (
                box.x_bearing / self.upem, (box.x_bearing + box.width) / self.upem,
                box.y_bearing / self.upem, (box.y_bearing + box.height) / self.upem)
        return self._extents[glyph]

    def ink_columns(self, glyph: int) -> dict[int, tuple[float, float]]:
        """The glyph's ink column by column (see `leaflet.text.ink`), in em of the font."""
        if glyph not in self._columns:
            self._columns[glyph] = ink_columns(self.hb_font, glyph, self.upem)
        return self._columns[glyph]


@cache
def font_face(family: str, bold: bool) -> FontFace:
    names = register_family(family)
    return FontFace(names.bold if bold else names.regular, family)
