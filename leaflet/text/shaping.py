"""From logical text to shaped glyphs: scripts, fonts (with fallback), bidi runs, HarfBuzz."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import uharfbuzz as hb

from leaflet.text.bidi import ltr_islands, resolve_levels
from leaflet.text.fonts import FontFace, fallback_families, family_for_script, font_face
from leaflet.text.markup import Run

_SCRIPT_NAMES = {"LATIN": "Latn", "ARABIC": "Arab", "GREEK": "Grek", "DEVANAGARI": "Deva",
                 "GURMUKHI": "Guru", "CYRILLIC": "Cyrl"}
_LANGUAGE_SCRIPT = {"ur": "Arab", "ar": "Arab", "fa": "Arab", "pa_Arab": "Arab", "ps": "Arab", "sd": "Arab"}


class MissingGlyphError(Exception):
    """A character that no configured font can draw."""

    def __init__(self, char: str, index: int) -> None:
        super().__init__(f"no configured font has `{char}` (U+{ord(char):04X})")
        self.char = char
        self.index = index


@dataclass(frozen=True)
class Glyph:
    font: FontFace
    glyph: int
    cluster: int  # index of the first character this glyph draws
    advance: float  # in em
    x_offset: float
    y_offset: float


@dataclass(frozen=True)
class ShapedRun:
    """Glyphs of one font, one bidi level and one weight, in visual order."""

    start: int
    end: int
    level: int
    glyphs: tuple[Glyph, ...]


@dataclass(frozen=True)
class ShapedText:
    text: str
    rtl: bool
    runs: tuple[ShapedRun, ...]
    islands: tuple[tuple[int, int], ...]


def main_script(language: str) -> str:
    """The script a language is written in here (Arab for ur, Latn otherwise)."""
    return _LANGUAGE_SCRIPT.get(language, "Latn")


def script_of(char: str) -> str:
    """ISO 15924 code of a character; 'Zyyy' for digits, spaces and punctuation."""
    if "\u0600" <= char <= "\u06ff" or "\ufb50" <= char <= "\ufeff" or "\u0750" <= char <= "\u077f":
        return "Arab"
    if not unicodedata.category(char).startswith("L"):
        return "Zyyy"
    return _SCRIPT_NAMES.get(unicodedata.name(char, "").split(" ")[0], "Zzzz")


def shape_text(runs: list[Run], language: str, rtl: bool) -> ShapedText:
    """Shape a paragraph: bidi levels, a font for every character, HarfBuzz per run."""
    text = "".join(run.text for run in runs)
    bold = [run.bold for run in runs for _ in run.text]
    islands = ltr_islands(text) if rtl else []
    levels = resolve_levels(text, rtl, islands)
    scripts = _character_scripts(text, language, islands)
    faces = [_face_for(char, script, language, is_bold, index)
             for index, (char, script, is_bold) in enumerate(zip(text, scripts, bold, strict=True))]
    shaped = []
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or (faces[index], levels[index]) != (faces[start], levels[start]):
            shaped.append(_shape_run(text, start, index, faces[start], levels[start], scripts, language))
            start = index
    return ShapedText(text, rtl, tuple(shaped), tuple(islands))


def _character_scripts(text: str, language: str, islands: list[tuple[int, int]]) -> list[str]:
    """Scripts, with shared characters taking the script around them (UAX #24 style).

    Inside a left-to-right island shared characters are Latin; elsewhere they follow
    the nearest letter outside any island, so a bracket after "(LFTs" stays in Urdu.
    """
    in_island = [False] * len(text)
    for start, end in islands:
        in_island[start:end] = [True] * (end - start)
    own = [script_of(char) for char in text]
    default = main_script(language)
    scripts = []
    for index, script in enumerate(own):
        beside_island = any(0 <= i < len(text) and in_island[i] for i in (index - 1, index + 1))
        if script != "Zyyy":
            scripts.append(script)
        elif in_island[index] or (text[index] == " " and beside_island):
            scripts.append("Latn")  # a Latin space beside Latin text: Nastaliq's is narrower
        else:
            scripts.append(_nearest_script(own, in_island, index) or default)
    return scripts


def _nearest_script(own: list[str], in_island: list[bool], index: int) -> str | None:
    for step in (-1, 1):
        position = index + step
        while 0 <= position < len(own):
            if own[position] != "Zyyy" and not in_island[position]:
                return own[position]
            position += step
    return None


def _face_for(char: str, script: str, language: str, bold: bool, index: int) -> FontFace:
    face = _covering_face(char, script, language, bold)
    if face is None:
        raise MissingGlyphError(char, index)
    return face


@lru_cache(maxsize=8192)
def _covering_face(char: str, script: str, language: str, bold: bool) -> FontFace | None:
    try:
        families = [family_for_script(language, script), *fallback_families()]
    except KeyError:
        families = list(fallback_families())
    for family in dict.fromkeys(families):
        face = font_face(family, bold)
        if face.covers(char) or unicodedata.category(char) == "Cf":
            return face
    return None


def uncovered_characters(text: str, language: str) -> tuple[tuple[int, str], ...]:
    """(index, character) of every character no configured font can draw, in regular or bold."""
    return _uncovered(str(text), language)  # the build's check and the translation report ask alike


@lru_cache(maxsize=4096)
def _uncovered(text: str, language: str) -> tuple[tuple[int, str], ...]:
    scripts = _character_scripts(text, language, ltr_islands(text))
    return tuple((index, char) for index, (char, script) in enumerate(zip(text, scripts, strict=True))
                 if not char.isspace() and (_covering_face(char, script, language, False) is None
                                            or _covering_face(char, script, language, True) is None))


def _shape_run(text: str, start: int, end: int, face: FontFace, level: int, scripts: list[str],
               language: str) -> ShapedRun:
    buffer = hb.Buffer()
    buffer.add_str(text, start, end - start)  # the whole text gives HarfBuzz joining context
    buffer.direction = "rtl" if level % 2 else "ltr"
    buffer.script = scripts[start]
    buffer.language = language.split("_")[0]
    buffer.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
    hb.shape(face.hb_font, buffer, {"kern": True, "liga": True})
    for info in buffer.glyph_infos:
        if info.codepoint == 0:  # .notdef: the font had no glyph after all
            raise MissingGlyphError(text[info.cluster], info.cluster)
    unit = face.size / face.upem  # glyph units to em of the style's size
    space = face.word_space * face.size if face.word_space is not None else None
    glyphs = tuple(
        Glyph(face, info.codepoint, info.cluster,
              space if space is not None and text[info.cluster] == " " else position.x_advance * unit,
              position.x_offset * unit, position.y_offset * unit)
        for info, position in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True)
    )
    return ShapedRun(start, end, level, glyphs)
