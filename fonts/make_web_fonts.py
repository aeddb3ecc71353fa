"""Make the web fonts (fonts/web/*.woff2) of the desk page and the web edition: the Noto fonts cut
down to what the pages show, for the browser to fetch in a fraction of the time.

The pages show leaflets and the desk's own words in English, Urdu and Arabic (in Naskh): so each
Latin font keeps Latin (Basic, Latin-1, Extended-A) with general punctuation, and each
Arabic-script font the Arabic block (every Urdu and Arabic letter, mark, digit and sign),
the spaces, the joiners and «», every OpenType feature kept so that Nastaliq joins and stacks as
in print. From 2.5 MB of TrueType to about 0.4 MB of WOFF2 (Brotli), the same bytes on every run. Run it
again after changing a font:

    python fonts/make_web_fonts.py      (needs fontTools and brotli: pip install -r requirements-test.txt)

tests/test_desk_printing.py fails while a word of the page, or of the real content, has a character
its font here lacks.
Like the fonts they are made from, they are under the SIL Open Font License (OFL.txt).
"""

from __future__ import annotations

from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parent
WEB = FONTS / "web"
LATIN = [(0x20, 0x7E), (0xA0, 0x17F), (0x2000, 0x206F), (0x20AC, 0x20AC), (0x2122, 0x2122)]
# The page's CSS gives the Nastaliq fonts these characters alone (unicode-range): Latin in Urdu text
# is set in Noto Sans, as in the leaflets.
ARABIC = [(0x20, 0x20), (0xA0, 0xA0), (0xAB, 0xAB), (0xBB, 0xBB), (0x600, 0x6FF), (0x200C, 0x200F),
          (0xFD3E, 0xFD3F)]
MADE = {"NotoSans-Regular": LATIN, "NotoSans-Bold": LATIN,
        "NotoNastaliqUrdu-Regular": ARABIC, "NotoNastaliqUrdu-Bold": ARABIC,
        "NotoNaskhArabic-Regular": ARABIC, "NotoNaskhArabic-Bold": ARABIC}


def web_font(name: str, ranges: list[tuple[int, int]]) -> Path:
    font = TTFont(FONTS / f"{name}.ttf", recalcTimestamp=False)
    options = subset.Options()
    options.layout_features = ["*"]  # Nastaliq's joining, stacking and mark placement all stay
    options.name_IDs = ["*"]  # the licence and the names, as the OFL asks
    options.notdef_outline = True
    options.recalc_timestamp = False  # the same fonts, the same bytes
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[code for first, last in ranges for code in range(first, last + 1)])
    subsetter.subset(font)
    font.flavor = "woff2"  # Brotli: deterministic, so the same subset is the same bytes
    path = WEB / f"{name}.woff2"
    font.save(path)
    return path


if __name__ == "__main__":
    WEB.mkdir(exist_ok=True)
    for font_name, font_ranges in MADE.items():
        made = web_font(font_name, font_ranges)
        print(f"wrote {made.relative_to(FONTS.parent)} ({made.stat().st_size // 1024} KB)")
