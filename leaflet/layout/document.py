"""Lay out one language of a leaflet on one page size and return the PDF bytes."""

from __future__ import annotations

import io
from collections.abc import Callable

from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from leaflet.content.model import (
    BulletList,
    Callout,
    ContactPanel,
    LanguageContent,
    Leaflet,
    Section,
    Subheading,
)
from leaflet.content.model import (
    Paragraph as ParagraphBlock,
)
from leaflet.layout.flowables import CalloutBox, ContactCard, ContactEntry, KeepWithNext, SectionHeading
from leaflet.layout.geometry import PageGeometry, geometry_for
from leaflet.layout.pages import PageFurniture, PageTexts
from leaflet.layout.styles import Palette, Styles, palette_for, styles_for
from leaflet.text import family_for_script, register_family, to_paragraph_markup
from leaflet.text import locale as wording


def document_title(content: LanguageContent) -> str:
    return f"{content.title} ({content.subtitle})"


def render_leaflet(leaflet: Leaflet, language: str, size: str) -> bytes:
    """The finished PDF of one language and size. Same input, same bytes."""
    # "Page N of M" needs M: lay out once to count pages, then again with the count.
    draft = _LeafletRenderer(leaflet, language, size)
    pages = draft.render(total_pages=None)[1]
    data, final_pages = _LeafletRenderer(leaflet, language, size).render(total_pages=pages)
    assert final_pages == pages, "page count changed between passes"
    return data


class _Document(BaseDocTemplate):
    pages_drawn = 0

    def afterPage(self) -> None:  # noqa: N802 (ReportLab's API)
        self.pages_drawn = self.page


class _LeafletRenderer:
    def __init__(self, leaflet: Leaflet, language: str, size: str) -> None:
        self.facts = leaflet.facts
        self.content = leaflet.languages[language]
        self.locale = wording.locale_for(language, self.facts.region)
        self.geometry: PageGeometry = geometry_for(size)
        self.font = register_family(family_for_script(language, "Latn"))
        self.palette: Palette = palette_for(self.facts.brand.colours)
        self.styles: Styles = styles_for(self.geometry, self.font, self.palette)

    def render(self, total_pages: int | None) -> tuple[bytes, int]:
        buffer = io.BytesIO()
        content, facts, g = self.content, self.facts, self.geometry
        doc = _Document(
            buffer, pagesize=(g.width, g.height),
            leftMargin=g.margin_side, rightMargin=g.margin_side,
            topMargin=g.margin_top, bottomMargin=g.margin_bottom,
            title=document_title(content), author=content.institute,
            subject=content.labels.patient_information,
            creator="leaflet", producer="leaflet (ReportLab)", keywords=facts.document_control.code,
            lang=self.locale.replace("_", "-"), invariant=1, initialFontName=self.font.regular,
        )
        furniture = PageFurniture(self._page_texts(), g, self.styles, self.palette,
                                  self._page_label(total_pages))
        footer_space = g.footer_height
        first_top = g.height - furniture.band.height - 6 * mm
        first = Frame(g.margin_side, g.margin_bottom + footer_space, g.text_width,
                      first_top - g.margin_bottom - footer_space, id="first", leftPadding=0,
                      rightPadding=0, topPadding=0, bottomPadding=0)
        later_top = g.height - g.margin_top - g.running_header_height
        later = Frame(g.margin_side, g.margin_bottom + footer_space, g.text_width,
                      later_top - g.margin_bottom - footer_space, id="later", leftPadding=0,
                      rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([
            PageTemplate("first", [first], onPage=self._on_first_page(furniture),
                         autoNextPageTemplate="later"),
            PageTemplate("later", [later], onPage=furniture.later_page),
        ])
        doc.build(self._story())
        return buffer.getvalue(), doc.pages_drawn

    def _on_first_page(self, furniture: PageFurniture) -> Callable:
        published = self.facts.document_control.published

        def draw(canvas, doc) -> None:
            # The creation date is the publication date from the content, not the clock.
            canvas.setDateFormatter(
                lambda *_: f"D:{published:%Y%m%d}000000+00'00'"
            )
            canvas.showOutline()
            furniture.first_page(canvas, doc)

        return draw

    def _page_label(self, total_pages: int | None) -> Callable[[int], str]:
        template, locale = self.content.labels.page_of, self.locale

        def label(page: int) -> str:
            return wording.page_of(template, page, total_pages or 99, locale)

        return label

    def _page_texts(self) -> PageTexts:
        content, facts = self.content, self.facts
        control = facts.document_control
        return PageTexts(
            wordmark=facts.brand.wordmark,
            institute=to_paragraph_markup(content.institute),
            patient_information=to_paragraph_markup(content.labels.patient_information),
            title=to_paragraph_markup(content.title),
            subtitle=to_paragraph_markup(content.subtitle),
            opening_hours=to_paragraph_markup(
                wording.opening_hours(content.labels.opening_hours, facts.opening_hours, self.locale)),
            running_title=document_title(content),
            footer_left=(f"{control.code}  ·  {content.document_control.version} {control.version}"
                         f"  ·  {wording.long_date(control.published, self.locale)}"),
        )

    # --- the story --------------------------------------------------------

    def _story(self) -> list[Flowable]:
        story: list[Flowable] = []
        for section in self.content.sections:
            flowables = self._section(section)
            if any(isinstance(block, ContactPanel) for block in section.blocks):
                # The contact section stays whole, so the panel is never cut in two.
                flowables = [KeepTogether(flowables)]
            story.extend(flowables)
        story.append(self._document_control())
        return story

    def _section(self, section: Section) -> list[Flowable]:
        heading = SectionHeading(to_paragraph_markup(section.heading), self.styles.section,
                                 outline_key=section.id, outline_title=str(section.heading))
        heading.keep_with_next = True
        flowables: list[Flowable] = [heading]
        for block in section.blocks:
            flowables.extend(self._block(block))
        return _keep_headings_with_next(flowables)

    def _block(self, block) -> list[Flowable]:
        styles = self.styles
        if isinstance(block, ParagraphBlock):
            paragraph = Paragraph(to_paragraph_markup(block.text), styles.body)
            # A lead-in such as "Its jobs include:" belongs with the list it introduces.
            paragraph.keep_with_next = block.text.rstrip().endswith(":")
            return [paragraph]
        if isinstance(block, Subheading):
            subheading = Paragraph(to_paragraph_markup(block.text), styles.subheading)
            subheading.keep_with_next = True
            return [subheading]
        if isinstance(block, BulletList):
            return _bullet_list(block, styles)
        if isinstance(block, Callout):
            paragraph = Paragraph(to_paragraph_markup(block.text), styles.callout)
            return [CalloutBox(paragraph, self.palette, styles.body.fontSize, styles.body.leading * 0.4)]
        if isinstance(block, ContactPanel):
            return [self._contact_card(block)]
        raise TypeError(f"unknown block {block!r}")

    def _contact_card(self, block: ContactPanel) -> ContactCard:
        entries = []
        for contact in self.facts.contacts:
            text = self.content.contacts[contact.id]
            entries.append(ContactEntry(
                role=to_paragraph_markup(text.role) if text.role else None,
                name=to_paragraph_markup(text.name) if text.name else None,
                note=to_paragraph_markup(text.note) if text.note else None,
                phone=contact.phone, emphasis=contact.emphasis,
            ))
        scale = self.geometry.scale
        return ContactCard(to_paragraph_markup(block.heading), entries, self.facts.brand.website,
                           self.styles, self.palette, (scale.helpline_number, scale.contact_number),
                           columns=2)

    def _document_control(self) -> Flowable:
        labels, control, styles = self.content.document_control, self.facts.document_control, self.styles

        def label(text: str) -> Paragraph:
            return Paragraph(to_paragraph_markup(text), styles.small_label)

        def value(text: str) -> Paragraph:
            return Paragraph(to_paragraph_markup(text), styles.small)

        def date(day) -> Paragraph:
            return value(wording.long_date(day, self.locale))

        sources = Paragraph("<br/>".join(to_paragraph_markup(s) for s in control.sources), styles.small)
        # Short facts two to a row keep the block small enough to share the back page.
        cells = [
            [label(labels.published_by), value(self.content.institute), "", ""],
            [label(labels.code), value(control.code), label(labels.version), value(control.version)],
            [label(labels.published), date(control.published),
             label(labels.last_reviewed), date(control.last_reviewed)],
            [label(labels.next_review), date(control.next_review), "", ""],
            [label(labels.sources), sources, "", ""],
        ]
        width = self.geometry.text_width
        table = Table(cells, colWidths=[width * 0.23, width * 0.27, width * 0.23, width * 0.27])
        table.setStyle(TableStyle([
            ("SPAN", (1, 0), (3, 0)),
            ("SPAN", (1, 4), (3, 4)),
            ("FONTNAME", (0, 0), (-1, -1), self.font.regular),  # else Table sets unembedded Helvetica
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ]))
        heading_style = styles.subheading.clone("control_heading", fontSize=styles.body.fontSize,
                                                leading=styles.body.leading)
        feedback = Paragraph(to_paragraph_markup(labels.feedback), styles.small.clone(
            "feedback", spaceBefore=styles.small.leading * 0.6))
        return _ControlBlock([Paragraph(to_paragraph_markup(labels.heading), heading_style), table, feedback],
                             self.palette)


def _bullet_list(block: BulletList, styles: Styles) -> list[Flowable]:
    """List items, with the first two and the last two kept together: no item alone on a page."""
    items: list[Flowable] = [Paragraph(to_paragraph_markup(item), styles.bullet, bulletText="•")
                             for item in block.items]
    items[-1].style = styles.bullet.clone("last_bullet", spaceAfter=styles.body.spaceAfter)
    if len(items) <= 3:
        return [KeepTogether(items)]
    return [KeepTogether(items[:2]), *items[2:-2], KeepTogether(items[-2:])]


def _keep_headings_with_next(flowables: list[Flowable]) -> list[Flowable]:
    """Bind headings and lead-ins to the flowable after them, from the end so chains nest."""
    result: list[Flowable] = []
    for flowable in reversed(flowables):
        if getattr(flowable, "keep_with_next", False) and result:
            result[0] = KeepWithNext(flowable, result[0])
        else:
            result.insert(0, flowable)
    return result


class _ControlBlock(Flowable):
    """Document-control details, kept together at the foot of the last page under a thin rule."""

    def __init__(self, parts: list[Flowable], palette: Palette) -> None:
        super().__init__()
        self.parts = parts
        self.palette = palette
        self.spaceBefore = 3 * mm

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.heights = [part.wrap(avail_width, avail_height)[1] + part.getSpaceBefore()
                        for part in self.parts]
        self.content_height = sum(self.heights) + 3 * mm
        # Taking all the room left pushes the block to the foot of the page.
        self.height = max(self.content_height, avail_height)
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setStrokeColor(self.palette.accent)
        self.canv.setLineWidth(1)
        self.canv.line(0, self.content_height, self.width, self.content_height)
        y = self.content_height - 3 * mm
        for part, height in zip(self.parts, self.heights, strict=True):
            y -= height
            part.drawOn(self.canv, 0, y)
