"""Paragraph styles and colours of the brand, for one page size and one language."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from leaflet.content.model import BrandColours
from leaflet.layout.geometry import PageGeometry
from leaflet.text import FontFamily


@dataclass(frozen=True)
class Palette:
    primary: Color
    primary_dark: Color
    accent: Color
    tint: Color
    text: Color
    muted: Color


def palette_for(colours: BrandColours) -> Palette:
    primary = HexColor(colours.primary)
    return Palette(
        primary=primary,
        primary_dark=Color(primary.red * 0.72, primary.green * 0.72, primary.blue * 0.72),
        accent=HexColor(colours.accent),
        tint=HexColor(colours.tint),
        text=HexColor(colours.text),
        muted=HexColor("#5A6470"),
    )


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    bullet: ParagraphStyle
    section: ParagraphStyle
    subheading: ParagraphStyle
    callout: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    band_small: ParagraphStyle
    contact_role: ParagraphStyle
    contact_name: ParagraphStyle
    contact_note: ParagraphStyle
    small: ParagraphStyle
    small_label: ParagraphStyle


def styles_for(geometry: PageGeometry, font: FontFamily, palette: Palette) -> Styles:
    s = geometry.scale
    body = ParagraphStyle(
        "body", fontName=font.regular, fontSize=s.body, leading=s.body_leading,
        textColor=palette.text, alignment=TA_LEFT, spaceAfter=s.body_leading * 0.5,
        allowWidows=0, allowOrphans=0, hyphenationLang="", embeddedHyphenation=0,
    )
    bullet_indent = s.body * 1.35
    small = body.clone("small", fontSize=s.small, leading=s.small * 1.35, spaceAfter=0,
                       textColor=palette.muted)
    return Styles(
        body=body,
        bullet=body.clone("bullet", leftIndent=bullet_indent, bulletIndent=s.body * 0.25,
                          bulletFontName=font.bold, bulletFontSize=s.body * 1.15,
                          bulletColor=palette.primary,
                          spaceAfter=s.body_leading * 0.2),
        section=body.clone("section", fontName=font.bold, fontSize=s.section,
                           leading=s.section * 1.22, textColor=palette.primary,
                           spaceBefore=s.body_leading * 1.1, spaceAfter=s.body_leading * 0.45),
        subheading=body.clone("subheading", fontName=font.bold, fontSize=s.subheading,
                              leading=s.subheading * 1.25, textColor=palette.primary_dark,
                              spaceBefore=s.body_leading * 0.5, spaceAfter=s.body_leading * 0.25),
        callout=body.clone("callout", textColor=palette.primary_dark, spaceAfter=0),
        title=body.clone("title", fontName=font.bold, fontSize=s.title, leading=s.title * 1.12,
                         textColor=white, spaceAfter=0),
        subtitle=body.clone("subtitle", fontSize=s.subtitle, leading=s.subtitle * 1.25,
                            textColor=white, spaceAfter=0),
        band_small=small.clone("band_small", textColor=white, fontSize=s.small + 0.5,
                               leading=(s.small + 0.5) * 1.3),
        contact_role=body.clone("contact_role", fontName=font.bold, fontSize=s.small + 1,
                                leading=(s.small + 1) * 1.3, textColor=palette.primary, spaceAfter=0),
        contact_name=body.clone("contact_name", spaceAfter=0, leading=s.body * 1.3),
        contact_note=small.clone("contact_note", fontName=font.italic),
        small=small,
        small_label=small.clone("small_label", fontName=font.bold, textColor=palette.text),
    )
