"""Font files, their registration with ReportLab, and the script-to-font mapping."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parents[2] / "fonts"
_STYLES = ("regular", "bold", "italic", "bold_italic")


@dataclass(frozen=True)
class FontFamily:
    """ReportLab font names of one family; a style the family lacks falls back to a sibling."""

    regular: str
    bold: str
    italic: str
    bold_italic: str


@dataclass(frozen=True)
class FontConfig:
    families: dict[str, dict[str, Path]]
    scripts: dict[str, dict[str, str]]


@cache
def font_config() -> FontConfig:
    raw = yaml.safe_load((FONT_DIR / "fonts.yaml").read_text(encoding="utf-8"))
    families = {
        name: {style: FONT_DIR / file for style, file in styles.items()}
        for name, styles in raw["families"].items()
    }
    return FontConfig(families=families, scripts=raw["scripts"])


def font_name(family: str, style: str) -> str:
    return family if style == "regular" else f"{family}-{style.replace('_', '')}"


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
            pdfmetrics.registerFont(TTFont(name, str(files[source])))
        names[style] = name
    for bold in (0, 1):
        for italic in (0, 1):
            style = _STYLES[bold + 2 * italic]
            addMapping(family, bold, italic, names[style])
    return FontFamily(**names)


def family_for_script(language: str, script: str) -> str:
    """The configured font family for a script in a language (e.g. Arab in ur -> Nastaliq)."""
    scripts = font_config().scripts
    chosen = scripts.get(language, {}).get(script) or scripts["default"].get(script)
    if chosen is None:
        raise KeyError(f"no font configured for script {script} (language {language})")
    return chosen
