"""The web edition's stylesheet: leaflet.css and the diagrams' own, with the brand's colours and the
fonts fonts/fonts.yaml gives each language filled in, put inside each page (one request fewer on a
slow phone connection).

Each language is set in the family fonts.yaml gives its script (Nastaliq for Urdu, Naskh for
Arabic, Noto Sans for Latin), from the web fonts fonts/make_web_fonts.py cuts down; an
Arabic-script font is asked only for Arabic-script characters (unicode-range), so Latin terms and
numbers inside Urdu fall to Noto Sans, as in the PDF. `swap`: the system's font shows until they
have come. A tall script (whose print pitch is 1.7 em or more) is set larger, its lines further
apart, so that its climbing, hanging letters never meet the next line's.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from leaflet.content.model import BrandColours
from leaflet.text import family_for_script, family_metrics, main_script

HERE = Path(__file__).parent
LATIN_FAMILY = "NotoSans"
# what fonts/make_web_fonts.py keeps of an Arabic-script font
ARABIC_RANGE = "U+0020, U+00A0, U+00AB, U+00BB, U+0600-06FF, U+200C-200F, U+FD3E-FD3F"
TALL_PITCH = 1.7  # em: a print pitch from here on marks a tall script
BODY_REM = 1.125


@cache
def _sheets() -> str:
    return "\n".join((HERE / name).read_text(encoding="utf-8") for name in ("leaflet.css", "diagrams/diagrams.css"))


def family_of(language: str) -> str:
    return family_for_script(language, main_script(language))


def is_tall(language: str) -> bool:
    return family_metrics(family_of(language)).leading >= TALL_PITCH


def css_name(family: str) -> str:
    """A family's CSS name from its fonts.yaml name: NotoNastaliqUrdu -> "Noto Nastaliq Urdu"."""
    return '"' + re.sub(r"(?<=[a-z])(?=[A-Z])", " ", family) + '"'


def web_font_files(languages: list[str]) -> list[str]:
    """The web fonts (in fonts/web) the pages in these languages ask for."""
    families = dict.fromkeys([LATIN_FAMILY, *(family_of(code) for code in languages)])
    return [f"{family}-{style}.woff2" for family in families for style in ("Regular", "Bold")]


def stylesheet(fonts: str, colours: BrandColours, language: str, languages: list[str]) -> str:
    """For a page in `language` that also names `languages` (its links to other languages)."""
    named = colours.named()
    brand = (f":root {{ --primary: {named['primary']}; --primary-dark: {named['primary_dark']}; "
             f"--accent: {named['accent']}; --tint: {named['tint']}; --text: {named['text']}; }}")
    return "\n".join([*_font_faces(fonts, [language, *languages]), brand, _body(language),
                      *_language_fonts([language, *languages]), _sheets()])


def _font_faces(fonts: str, languages: list[str]) -> list[str]:
    faces = []
    for name in web_font_files(languages):
        family, style = name.removesuffix(".woff2").split("-")
        weight = " font-weight: bold;" if style == "Bold" else ""
        limit = f" unicode-range: {ARABIC_RANGE};" if family != LATIN_FAMILY else ""
        faces.append(f'@font-face {{ font-family: {css_name(family)};{weight} src: url("{fonts}{name}") '
                     f'format("woff2"); font-display: swap;{limit} }}')
    return faces


def _body(language: str) -> str:
    metrics = family_metrics(family_of(language))
    tall = is_tall(language)
    size = BODY_REM * (1.15 if tall else 1.0)
    pitch = metrics.leading + 0.3 if tall else 1.6
    return f":root {{ --body-size: {size:.3g}rem; --body-pitch: {pitch:.3g}; }}"


def _language_fonts(languages: list[str]) -> list[str]:
    """Each language's family, wherever text in it stands (the page, a link to another language)."""
    latin = f"{css_name(LATIN_FAMILY)}, Arial, sans-serif"
    rules = [f"html, [lang=en] {{ font-family: {latin}; }}"]
    for code in dict.fromkeys(languages):
        family = family_of(code)
        if family != LATIN_FAMILY:
            rules.append(f"[lang={code}] {{ font-family: {css_name(family)}, {latin}; }}")
        if is_tall(code):  # a name or title in it, within a page in another language: as large as the page's
            rules.append(f"html:not([lang={code}]) [lang={code}] {{ font-size: 1.15em; line-height: 2; }}")
    return rules
