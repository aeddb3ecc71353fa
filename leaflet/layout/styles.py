"""Text styles and colours of the brand, for one page size and one language."""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.lib.colors import CMYKColor, Color, HexColor, white

from leaflet.content.model import DARKER, MUTED, BrandColours
from leaflet.layout.geometry import PageGeometry
from leaflet.layout.textblock import BlockStyle
from leaflet.text import TextStyle, family_for_script, family_metrics, main_script

# Space between paragraphs, in em of the body size whatever the script's line pitch: Nastaliq's
# taller pitch already leaves air between lines, and a gap in proportion to it wastes pages.
PARAGRAPH_GAP = 0.71


@dataclass(frozen=True)
class Palette:
    primary: Color
    primary_dark: Color
    accent: Color
    tint: Color
    text: Color
    muted: Color


def palette_for(colours: BrandColours, print_colours: dict[str, tuple[int, ...]] | None = None) -> Palette:
    """The brand's colours; for print, the CMYK values the brand gives in leaflet.yaml."""
    primary = HexColor(colours.primary)
    palette = Palette(
        primary=primary,
        primary_dark=Color(primary.red * DARKER, primary.green * DARKER, primary.blue * DARKER),
        accent=HexColor(colours.accent),
        tint=HexColor(colours.tint),
        text=HexColor(colours.text),
        muted=HexColor(MUTED),
    )
    if print_colours:
        given = {name: CMYKColor(*(value / 100 for value in cmyk)) for name, cmyk in print_colours.items()}
        palette = replace(palette, **given)
    return palette


def to_cmyk(colour: Color) -> CMYKColor:
    """A colour for press: CMYK as given, or converted from RGB (grey goes to black ink only)."""
    if isinstance(colour, CMYKColor):
        return colour
    red, green, blue = colour.red, colour.green, colour.blue
    black = 1 - max(red, green, blue)
    if black >= 1:
        return CMYKColor(0, 0, 0, 1)
    return CMYKColor(*((1 - value - black) / (1 - black) for value in (red, green, blue)), black)


def one_ink(colour: CMYKColor) -> CMYKColor:
    """The colour in black ink alone: a greyish colour as black of its darkness, a coloured one
    as solid black (a single colour ink alone would be another colour, and yellow unreadable)."""
    inks = (colour.cyan, colour.magenta, colour.yellow)
    if max(inks) - min(inks) >= 0.35:
        return CMYKColor(0, 0, 0, 1)
    red, green, blue = ((1 - ink) * (1 - colour.black) for ink in inks)
    return CMYKColor(0, 0, 0, round(1 - (0.299 * red + 0.587 * green + 0.114 * blue), 3))


@dataclass(frozen=True)
class Styles:
    body: BlockStyle
    bullet: BlockStyle
    section: BlockStyle
    subheading: BlockStyle
    callout: BlockStyle
    title: BlockStyle
    subtitle: BlockStyle
    band: BlockStyle  # small white text on the header band
    band_strong: BlockStyle
    kicker: BlockStyle
    card_title: BlockStyle
    card_website: BlockStyle
    helpline_role: BlockStyle
    helpline_number: BlockStyle
    high_number: BlockStyle
    contact_role: BlockStyle
    contact_name: BlockStyle
    contact_note: BlockStyle
    contact_number: BlockStyle
    small: BlockStyle
    small_label: BlockStyle
    control_heading: BlockStyle
    running: BlockStyle  # running header and footer
    table_header: BlockStyle
    table_cell: BlockStyle


def styles_for(geometry: PageGeometry, language: str, palette: Palette, spacing: float = 1.0) -> Styles:
    """Styles whose line spacing follows the language's own script (Nastaliq needs more).

    `spacing` scales the space between blocks (paragraphs, items, headings) to balance pages."""
    s = geometry.scale
    metrics = family_metrics(family_for_script(language, main_script(language)))

    def text(size: float, colour: Color, bold: bool = False, leading: float | None = None,
             align: str = "start") -> TextStyle:
        return TextStyle(language=language, size=size, colour=colour, bold=bold,
                         leading=metrics.leading * (leading or 1.0), ascent=metrics.ascent,
                         descent=metrics.descent, block_pitch=metrics.block_step, align=align)

    body_gap = s.body * PARAGRAPH_GAP * spacing
    body = BlockStyle(text(s.body, palette.text), space_after=body_gap)
    small = BlockStyle(text(s.small, palette.muted, leading=0.92))
    number = text(s.contact_number, palette.text, bold=True, leading=0.85)
    return Styles(
        body=body,
        bullet=BlockStyle(body.text, space_after=body_gap * 0.35,
                          indent=s.body * 1.35, bullet_colour=palette.primary),
        section=BlockStyle(text(s.section, palette.primary, bold=True, leading=0.86),
                           space_before=body_gap * 2.2, space_after=body_gap * 0.8),
        subheading=BlockStyle(text(s.subheading, palette.primary_dark, bold=True, leading=0.88),
                              space_before=body_gap, space_after=body_gap * 0.45),
        callout=BlockStyle(text(s.body, palette.primary_dark)),
        title=BlockStyle(text(s.title, white, bold=True, leading=0.8)),
        subtitle=BlockStyle(text(s.subtitle, white, leading=0.88)),
        band=BlockStyle(text(s.small + 0.5, white, leading=0.92)),
        band_strong=BlockStyle(text(s.small + 0.5, white, bold=True, leading=0.92)),
        kicker=BlockStyle(text(s.small + 0.5, palette.tint, leading=0.92)),
        card_title=BlockStyle(text(s.subheading, white, bold=True, leading=0.88)),
        card_website=BlockStyle(text(s.small + 1, palette.tint, align="end")),
        helpline_role=BlockStyle(text(s.subheading, white, bold=True, leading=0.88)),
        helpline_number=BlockStyle(text(s.helpline_number, white, bold=True, leading=0.8)),
        high_number=BlockStyle(number.with_(size=s.contact_number * 1.3, colour=palette.primary)),
        contact_role=BlockStyle(text(s.small + 1, palette.primary, bold=True, leading=0.9)),
        contact_name=BlockStyle(text(s.body, palette.text, leading=0.9)),
        contact_note=BlockStyle(text(s.small, palette.muted, leading=0.9)),
        contact_number=BlockStyle(number),
        small=small,
        small_label=BlockStyle(text(s.small, palette.text, bold=True, leading=0.92)),
        control_heading=BlockStyle(text(s.body, palette.primary_dark, bold=True, leading=0.9)),
        running=BlockStyle(text(s.small, palette.primary, bold=True, leading=0.9)),
        table_header=BlockStyle(text(s.body * 0.92, palette.primary_dark, bold=True, leading=0.9)),
        table_cell=BlockStyle(text(s.body * 0.92, palette.text, leading=0.9)),
    )
