"""Page sizes, margins and the type scale of each leaflet size."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm


def from_start(start: float, width: float, across: float, rtl: bool) -> float:
    """Left edge of a box `width` wide set `start` from the reading-start side of a span `across` wide.

    Right-to-left layouts are the mirror image: what starts a line sits at the right.
    """
    return across - start - width if rtl else start


# points of clear space between any ink of text and a rule drawn as decoration (the PDF check
# "text placement" holds the built pages to it)
RULE_CLEARANCE = 1.0


@dataclass(frozen=True)
class TypeScale:
    """Font sizes and leadings in points. Body text stays at 12 pt or more (clear print)."""

    body: float
    body_leading: float
    section: float
    subheading: float
    title: float
    subtitle: float
    small: float
    helpline_number: float
    contact_number: float


@dataclass(frozen=True)
class PageGeometry:
    name: str
    width: float
    height: float
    margin_side: float
    margin_top: float
    margin_bottom: float
    footer_height: float
    running_header_height: float
    scale: TypeScale

    @property
    def text_width(self) -> float:
        return self.width - 2 * self.margin_side

    @property
    def text_height(self) -> float:
        """The body text's frame on a page after the first: under the running head, over the footer."""
        return self.height - self.margin_top - self.margin_bottom - self.footer_height - self.running_header_height


# Text widths give about 70 characters a line on A4 and 58 on A5 in Noto Sans.
_GEOMETRIES = {
    "A4": PageGeometry(
        name="A4", width=A4[0], height=A4[1],
        margin_side=24 * mm, margin_top=16 * mm, margin_bottom=14 * mm,
        footer_height=8 * mm, running_header_height=11 * mm,
        scale=TypeScale(body=13, body_leading=19, section=20, subheading=15, title=34, subtitle=19,
                        small=10, helpline_number=30, contact_number=15),
    ),
    # Large print for readers with low vision: clear-print guidance asks 16 to 18 pt. Body text
    # is 16 pt in every script; nothing under 14 pt, headings in proportion; about 58
    # characters a line.
    "A4-large": PageGeometry(
        name="A4-large", width=A4[0], height=A4[1],
        margin_side=22 * mm, margin_top=16 * mm, margin_bottom=14 * mm,
        footer_height=10 * mm, running_header_height=13 * mm,
        scale=TypeScale(body=16, body_leading=24, section=24, subheading=19, title=38, subtitle=23,
                        small=14, helpline_number=32, contact_number=18),
    ),
    "A5": PageGeometry(
        name="A5", width=A5[0], height=A5[1],
        margin_side=13 * mm, margin_top=11 * mm, margin_bottom=10 * mm,
        footer_height=7 * mm, running_header_height=8.5 * mm,
        scale=TypeScale(body=12, body_leading=17, section=16.5, subheading=13.5, title=25,
                        subtitle=15, small=9, helpline_number=24, contact_number=13.5),
    ),
}


def geometry_for(size: str) -> PageGeometry:
    return _GEOMETRIES[size]
