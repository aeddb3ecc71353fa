"""Lay out one language of a leaflet on one page size and return the PDF bytes."""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType

from reportlab import rl_config
from reportlab.lib.colors import CMYKColor, black
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from leaflet.content.model import (
    Block,
    BulletList,
    Callout,
    ContactPanel,
    DiagramBlock,
    LanguageContent,
    Leaflet,
    NumberedList,
    Paragraph,
    Picture,
    Section,
    Subheading,
    Table,
)
from leaflet.layout.balance import MOST_EMPTY, SPACINGS, PageFill, feathering_plan, worst_hole
from leaflet.layout.diagrams import DiagramCard, make_diagram
from leaflet.layout.flowables import (
    CalloutBox,
    ContactCard,
    ContactEntry,
    FooterBlock,
    KeepWithNext,
    KeyValueGrid,
    RuledLines,
    SectionHeading,
    inner_gaps,
    leading_part,
    open_gaps,
    trailing_part,
)
from leaflet.layout.geometry import PageGeometry, geometry_for
from leaflet.layout.listblock import BULLET, ListBlock, ListItem, numbered_list
from leaflet.layout.pages import PageFurniture, PageTexts
from leaflet.layout.picture import PictureBlock
from leaflet.layout.styles import Palette, Styles, one_ink, palette_for, styles_for, to_cmyk
from leaflet.layout.table import TableBlock
from leaflet.layout.tagging import Structure
from leaflet.layout.textblock import BlockStyle, TextBlock, TextFlowable
from leaflet.outputs import output_name, web_page
from leaflet.pdf.structure import add_structure
from leaflet.text import TextStyle, family_for_script, parse_inline, register_family, set_text
from leaflet.text import locale as wording


def document_title(content: LanguageContent) -> str:
    return f"{content.title} ({content.subtitle})"


def render_back_cover(leaflet: Leaflet, language: str, size: str, for_print: bool = False) -> bytes | None:
    """A booklet's back cover: the contact card whole under the running head, no page number;
    None where the card does not fit on one page (the booklet then keeps it in its text)."""
    cover = _LeafletRenderer(leaflet, language, size, for_print).back_cover()
    return cover.data if cover.pages == 1 else None


def render_notes_page(leaflet: Leaflet, language: str, size: str, for_print: bool = False) -> bytes:
    """A lined "Notes" page in the leaflet's design, to fill out a printed booklet."""
    return _LeafletRenderer(leaflet, language, size, for_print).notes_page()


def render_print_marks(leaflet: Leaflet, language: str, size: str, count: int, file_name: str,
                       across: int = 1) -> bytes:
    """What a print file's paper carries besides its pages, `count` times: crop marks at the
    corners of the trim (`across` pages side by side: 2 for a booklet's sheet side, with a fold
    mark at the spine above and below) and a slug line under the bleed naming the file and the
    page or side. Print pages are laid out without them; pdf.merge puts the two together."""
    return _LeafletRenderer(leaflet, language, size, True, file_name=file_name).print_marks(count, across)


def layout_notes(leaflet: Leaflet, language: str, size: str) -> list[str]:
    """Texts the layout had to shorten to fit their single line, one message each."""
    renderer = _LeafletRenderer(leaflet, language, size)
    furniture = renderer.furniture(renderer.page_label(None))
    where = leaflet.languages[language].title.location
    return [f"{where}: {language} {size}: the {name} is too long for one line; shortened to “{text}”"
            for name, text in furniture.shortened]


BLEED = 3 * mm
_MARK_GAP, _MARK_LENGTH = 2.0, 14.0  # crop marks start this far beyond the bleed, and run this long
PRINT_MARGIN = BLEED + _MARK_GAP + _MARK_LENGTH + 2.0  # paper beyond the trim on each side of a print page
SLUG_SIZE = 6.0  # points: the slug line under the bleed of a print page
_SLUG_INSET = 12.0  # points the slug line stands in from the trim's sides, clear of the crop marks


def slug_area(geometry: PageGeometry) -> tuple[float, float, float, float]:
    """Where the slug line of a print page lies, from the trim's lower left: under the bleed."""
    return (_SLUG_INSET, -PRINT_MARGIN, geometry.width - _SLUG_INSET, -BLEED)


def render_leaflet(leaflet: Leaflet, language: str, size: str, for_print: bool = False,
                   contacts_on_cover: bool = False) -> bytes:
    """The finished PDF of one language and size. Same input, same bytes.

    `for_print`: 3 mm bleed all round with the artwork running into it, TrimBox and BleedBox
    on every page, all colour written as CMYK, no links (the crop marks and slug line outside
    the bleed come from render_print_marks).
    `contacts_on_cover`: the text of a booklet whose back cover holds the contact card: the card
    is left out (and its section, if nothing else is in it).
    """
    # "Page N of M" needs M: lay out once to count pages (drawing no text), then for real.
    def renderer(spacing: float) -> _LeafletRenderer:
        return _LeafletRenderer(leaflet, language, size, for_print, spacing, contacts_on_cover=contacts_on_cover)

    spacing, plan, pages = _balanced(renderer)
    structure = Structure()
    final = renderer(spacing).render(total_pages=pages, feathering=plan, structure=structure)
    assert final.pages == pages, "page count changed between passes"
    return add_structure(final.data, structure.root)


def _balanced(renderer_for: Callable[[float], _LeafletRenderer]) -> tuple[float, dict[int, float], int]:
    """The spacing and feathering to lay the leaflet out with (balance.py), and its page count:
    the design's own spacing unless a page is left too empty; else the first spacing whose holes
    feathering closes; else the spacing with the fewest pages."""
    plain: list[tuple[float, _Pass]] = []
    for spacing in SPACINGS:
        renderer = renderer_for(spacing)
        counted = renderer.render(total_pages=None)
        if worst_hole(counted.fills) <= MOST_EMPTY:
            return spacing, {}, counted.pages
        plain.append((spacing, counted))
        plan = feathering_plan(counted.fills, renderer.styles.body.space_after)
        if plan is not None:
            feathered = renderer.render(total_pages=None, feathering=plan)
            if feathered.pages == counted.pages and worst_hole(feathered.fills) <= MOST_EMPTY:
                return spacing, plan, counted.pages
    spacing, fewest = min(plain, key=lambda entry: (entry[1].pages, worst_hole(entry[1].fills)))
    return spacing, {}, fewest.pages


# Streams stay binary (compressed) rather than ASCII85: smaller files, and ReportLab's
# pure-Python ASCII85 encoder was the slowest step of a build.
rl_config.useA85 = 0


class _MeasuringCanvas(Canvas):
    """For the pass that only counts pages: the text engine draws nothing on it."""

    measure_only = True


SMALL_TEXT = 12  # points: text smaller than this prints in one ink
DARK_AS_BLACK = 0.75  # black ink alone at least this dark is black text, printed at 100%


class _PrintCanvas(Canvas):
    """For press: every colour written as CMYK, and no links (paper has none).

    Text in black prints in black ink alone at 100% and overprints (no screen breaks up its
    strokes, no white shows round it if the plates move); text under SMALL_TEXT points prints
    in black ink alone (solid black where it is coloured), since three inks never register
    exactly on thin strokes.
    """

    _overprinting = False

    def fill_text(self, colour, size: float) -> None:
        ink = to_cmyk(colour)
        if size < SMALL_TEXT:
            ink = one_ink(ink)
        solid_black = ink.cyan == ink.magenta == ink.yellow == 0 and ink.black >= DARK_AS_BLACK
        if solid_black:
            ink = CMYKColor(0, 0, 0, 1)
        self._overprint(solid_black)
        Canvas.setFillColor(self, ink)

    def setFillColor(self, colour, alpha=None) -> None:  # noqa: N802 (ReportLab's API)
        self._overprint(False)
        super().setFillColor(to_cmyk(colour), alpha)

    def _overprint(self, on: bool) -> None:
        if self._overprinting != on:
            self.setFillOverprint(on)
            self.setOverprintMask(on)
            self._overprinting = on

    def saveState(self) -> None:  # noqa: N802
        super().saveState()
        self._saved = [*getattr(self, "_saved", []), self._overprinting]

    def restoreState(self) -> None:  # noqa: N802
        super().restoreState()
        self._overprinting = self._saved.pop()

    def showPage(self) -> None:  # noqa: N802
        super().showPage()  # a new page starts from the default graphics state
        self._overprinting, self._saved = False, []

    def setStrokeColor(self, colour, alpha=None) -> None:  # noqa: N802
        super().setStrokeColor(to_cmyk(colour), alpha)

    def linkURL(self, *args, **kwargs) -> None:  # noqa: N802
        return None


@dataclass(frozen=True)
class _Pass:
    data: bytes
    pages: int
    fills: tuple[PageFill, ...]


class _Document(BaseDocTemplate):
    pages_drawn = 0
    floating: Flowable | None = None  # a diagram waiting for the top of the next page
    placed: Flowable | None = None  # the last flowable placed
    feathering: Mapping[int, float] = MappingProxyType({})  # points added to each gap, by page
    fills: tuple[PageFill, ...] = ()
    structure: Structure | None = None  # the logical structure being recorded, on the final pass
    _lowest: float | None = None  # where the last flowable placed on this page ends
    _gaps = 0  # flowables placed on this page under another
    _below_another = False  # the flowable being placed is not the first on its page

    def beforeDocument(self) -> None:  # noqa: N802 (ReportLab's API)
        self.canv.structure = self.structure

    def afterPage(self) -> None:  # noqa: N802 (ReportLab's API)
        self.pages_drawn = self.page
        frame = self.frame
        lowest = frame._y2 if self._lowest is None else self._lowest
        self.fills = (*self.fills, PageFill(frame._y2 - frame._y1p, lowest - frame._y1p, self._gaps))
        self._lowest, self._gaps = None, 0

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802
        self.placed = flowable
        self._lowest = self.frame._y + flowable.getSpaceAfter()
        self._gaps += self._below_another + inner_gaps(flowable)

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        """Float a diagram that does not fit to the top of the next page, as figures do.

        The text goes on filling this page instead of leaving a hole, into the next section if
        need be (a diagram carries its own title). Diagrams keep their order, and all come
        before the document-control block at the end.
        """
        frame = getattr(self, "frame", None)
        if self.floating is not None and frame is not None and self._may_land(flowables[0], frame):
            # what was put off to this page for want of room may go on to the next: the diagram
            # takes the room it was put off for (ReportLab stops at a second putting off)
            flowables[0].__dict__.pop("_postponed", None)
            flowables.insert(0, self.floating)
            self.floating = None
        first = flowables[0]
        self._below_another = frame is not None and not frame._atTop
        self._stand_under_placed(first, frame)
        self._feather(first)
        if (isinstance(first, DiagramCard) and self.floating is None and frame is not None and not frame._atTop
                and len(flowables) > 1 and not _holds_floats(flowables[1]) and not self._fits(first, frame)):
            self.floating = flowables.pop(0)
        super().handle_flowable(flowables)

    def _feather(self, flowable: Flowable) -> None:
        """Open the gaps above and inside a flowable on a page that balancing feathers (balance.py)."""
        extra, first = self.feathering.get(self.page, 0.0), leading_part(flowable)
        if not extra or getattr(flowable, "feathered", False):
            return
        flowable.feathered = True
        open_gaps(flowable, extra)
        if self._below_another:
            above = self.placed.getSpaceAfter() if self.placed is not None else 0.0
            first.spaceBefore = max(first.getSpaceBefore(), above) + extra

    def _stand_under_placed(self, flowable: Flowable, frame) -> None:
        """Text stands on the line grid of text placed right above it in the same frame."""
        first = leading_part(flowable)
        if isinstance(first, TextFlowable):
            above = trailing_part(self.placed) if self.placed is not None else None
            first.above = above if isinstance(above, TextFlowable) and frame is not None and not frame._atTop else None

    def _may_land(self, following: Flowable, frame) -> bool:
        """Whether the floating diagram goes here, before `following`: at the top of a page or
        where it fits, but not inside a list or a paragraph (they go on first); always before a
        diagram or the document-control block."""
        if _holds_floats(following):
            return True
        if _continues(following):
            return False
        return frame._atTop or self._fits(self.floating, frame)

    def _fits(self, flowable: Flowable, frame) -> bool:
        room = frame._y - frame._y1p - flowable.getSpaceBefore()
        return flowable.wrapOn(self.canv, frame._width, room)[1] <= room


class _LeafletRenderer:
    def __init__(self, leaflet: Leaflet, language: str, size: str, for_print: bool = False,
                 spacing: float = 1.0, contacts_on_cover: bool = False, file_name: str | None = None) -> None:
        self.for_print = for_print
        self.contacts_on_cover = contacts_on_cover
        self.offset = PRINT_MARGIN if for_print else 0.0  # where the trimmed page starts on the paper
        self.facts = leaflet.facts
        self.content = leaflet.languages[language]
        self.locale = wording.locale_for(language, self.facts.region)
        self.rtl = wording.text_direction(self.locale) == "rtl"
        self.geometry: PageGeometry = geometry_for(size)
        self.palette: Palette = palette_for(self.facts.brand.colours,
                                            self.facts.brand.print_colours if for_print else None)
        self.styles: Styles = styles_for(self.geometry, language, self.palette, spacing)
        self.file_name = file_name or output_name(self.facts.id, language, size, "print")  # for the slug line

    def back_cover(self) -> _Pass:
        cards = [self._contact_card(block) for section in self.content.sections for block in section.blocks
                 if isinstance(block, ContactPanel)]
        return self.render(total_pages=1, story=cards, numbered=False, band=False)

    def render(self, total_pages: int | None, story: list[Flowable] | None = None,
               numbered: bool = True, band: bool = True, feathering: dict[int, float] | None = None,
               structure: Structure | None = None) -> _Pass:
        """The PDF, its page count and how full each page is; without `total_pages` a quick pass
        that only counts. `feathering`: points added to each gap between blocks, by page;
        `structure`: where the pass records its logical structure (tagging.py)."""
        buffer = io.BytesIO()
        content, facts, g, offset = self.content, self.facts, self.geometry, self.offset
        doc = _Document(
            buffer, pagesize=(g.width + 2 * offset, g.height + 2 * offset),
            leftMargin=g.margin_side, rightMargin=g.margin_side,
            topMargin=g.margin_top, bottomMargin=g.margin_bottom,
            title=document_title(content), author=content.institute,
            subject=content.labels.patient_information,
            creator="leaflet", producer="leaflet (ReportLab)", keywords=facts.document_control.code,
            **self._canvas_settings(),
        )
        furniture = self.furniture(self.page_label(total_pages) if numbered else (lambda _page: ""))
        bottom = g.margin_bottom + furniture.footer_height
        first_top = g.height - furniture.band.height - 6 * mm
        later_top = g.height - g.margin_top - furniture.header_height
        frames = [Frame(offset + g.margin_side, offset + bottom, g.text_width, top - bottom, id=name,
                        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
                  for name, top in (("first", first_top), ("later", later_top))]
        first = PageTemplate("first", [frames[0]], onPage=self._on_page(self._on_first_page(furniture)),
                             autoNextPageTemplate="later")
        later = PageTemplate("later", [frames[1]], onPage=self._on_page(furniture.later_page))
        doc.addPageTemplates([first, later] if band else [later])
        maker = _MeasuringCanvas if total_pages is None else _PrintCanvas if self.for_print else Canvas
        doc.feathering = feathering or {}
        doc.structure = structure
        doc.build(story if story is not None else self._story(), canvasmaker=maker)
        return _Pass(buffer.getvalue(), doc.pages_drawn, doc.fills)

    def _on_page(self, draw_furniture: Callable) -> Callable:
        """Page furniture drawn in trim coordinates; on print pages, the trim and bleed boxes too
        (their crop marks and slug line come from render_print_marks)."""
        if not self.for_print:
            return draw_furniture
        g, offset = self.geometry, self.offset

        def draw(canvas, doc) -> None:
            canvas.setTrimBox((offset, offset, offset + g.width, offset + g.height))
            canvas.setBleedBox((offset - BLEED, offset - BLEED, offset + g.width + BLEED, offset + g.height + BLEED))
            canvas.saveState()
            canvas.translate(offset, offset)
            draw_furniture(canvas, doc)
            canvas.restoreState()

        return draw

    def _slug(self, canvas: Canvas, trim_width: float, where: str) -> None:
        """Under the bleed, outside what is kept: which file, version and date, how it prints, and
        `where` (the page, or the sheet side)."""
        control = self.facts.document_control
        text = (f"{self.file_name}  ·  {control.code}  ·  version {control.version}  ·  "
                f"{control.published.isoformat()}  ·  process CMYK, black text 100% K overprinting  ·  {where}")
        style = TextStyle(language="en", size=SLUG_SIZE, colour=black)
        left, _, right, top = slug_area(replace(self.geometry, width=trim_width))
        set_text(parse_inline(text), style, right - left).draw(canvas, self.offset + left, self.offset + top - 2.0)

    def notes_page(self) -> bytes:
        heading = TextBlock(self.content.labels.notes, self.styles.section)
        lines = RuledLines(self.styles.body.text.size * 2.2, self.palette.tint)
        return self.render(total_pages=1, story=[heading, lines], numbered=False, band=False).data

    def print_marks(self, count: int, across: int) -> bytes:
        g, offset = self.geometry, self.offset
        width, height = across * g.width, g.height
        buffer = io.BytesIO()
        canvas = _PrintCanvas(buffer, pagesize=(width + 2 * offset, height + 2 * offset), **self._canvas_settings())
        for number in range(1, count + 1):
            canvas.setTrimBox((offset, offset, offset + width, offset + height))
            canvas.setBleedBox((offset - BLEED, offset - BLEED, offset + width + BLEED, offset + height + BLEED))
            _crop_marks(canvas, offset, width, height)
            for page in range(1, across):
                _fold_marks(canvas, offset + page * g.width, offset, height)
            where = (f"page {number}" if across == 1 else
                     f"sheet {(number + 1) // 2} of {(count + 1) // 2}, {('back', 'front')[number % 2]}")
            self._slug(canvas, width, where)
            canvas.showPage()
        canvas.save()
        return buffer.getvalue()

    def _canvas_settings(self) -> dict[str, object]:
        """What every canvas of this leaflet is made with: its language, and no clock or random ids."""
        return {
            "lang": self.locale.replace("_", "-"), "invariant": 1,
            # Text is drawn by the text engine; this only keeps ReportLab from naming Helvetica.
            "initialFontName": self._latin_font(),
        }

    def _latin_font(self) -> str:
        """This language's Latin font: ReportLab's default for a canvas, instead of Helvetica."""
        return register_family(family_for_script(self.content.language, "Latn")).regular

    def _date_from_content(self, canvas: Canvas) -> None:
        """The creation date is the publication date from the content, not the clock."""
        published = self.facts.document_control.published
        canvas.setDateFormatter(lambda *_: f"D:{published:%Y%m%d}000000+00'00'")

    def _on_first_page(self, furniture: PageFurniture) -> Callable:
        rtl = self.rtl

        def draw(canvas, doc) -> None:
            self._date_from_content(canvas)
            canvas.showOutline()
            if rtl:  # readers open it right to left; pdfium also reads its lines so
                canvas.setViewerPreference("Direction", "R2L")
            furniture.first_page(canvas, doc)

        return draw

    def furniture(self, page_label: Callable[[int], str]) -> PageFurniture:
        """The running header, footer and first-page band of this leaflet's pages."""
        return PageFurniture(self._page_texts(), self.geometry, self.styles, self.palette, page_label, self.rtl,
                             bleed=BLEED if self.for_print else 0.0)

    def page_label(self, total_pages: int | None) -> Callable[[int], str]:
        template, locale = self.content.labels.page_of, self.locale

        def label(page: int) -> str:
            return wording.page_of(template, page, total_pages or 99, locale)

        return label

    def _page_texts(self) -> PageTexts:
        content, facts = self.content, self.facts
        control = facts.document_control
        return PageTexts(
            wordmark=facts.brand.wordmark,
            institute=content.institute,
            patient_information=content.labels.patient_information,
            title=content.title,
            subtitle=content.subtitle,
            opening_hours=(wording.opening_hours(content.labels.opening_hours, facts.opening_hours, self.locale,
                                                 content.labels.time_format)
                           if facts.opening_hours and content.labels.opening_hours else None),
            running_title=(document_title(content), content.title),
            footer_start=(f"{control.code}  ·  {content.document_control.version} {control.version}"
                          f"  ·  {wording.long_date(control.published, self.locale, content.labels.date_format)}",
                          f"{control.code}  ·  {content.document_control.version} {control.version}"),
            draft_mark=self._draft_mark(),
        )

    def _draft_mark(self) -> str | None:
        translation = self.content.translation
        return translation.mark if translation and self.content.is_draft else None

    # --- the story --------------------------------------------------------

    def _story(self) -> list[Flowable]:
        story: list[Flowable] = []
        for section in self.content.sections:
            if self.contacts_on_cover:
                section = replace(section, blocks=tuple(b for b in section.blocks if not isinstance(b, ContactPanel)))
                if not section.blocks:
                    continue
            # A contact panel taller than the room left splits between its rows of cards.
            story.extend(self._section(section))
        story.append(self._document_control())
        return story

    def _section(self, section: Section) -> list[Flowable]:
        flowables: list[Flowable] = []
        if section.heading is not None:  # a section without a heading has no bookmark either
            flowables.append(SectionHeading(section.heading, self.styles.section, outline_key=section.id,
                                            outline_title=str(section.heading)))
        for block in section.blocks:
            flowables.extend(self._block(block))
        return _keep_headings_with_next(flowables, self.geometry.text_height * MOST_EMPTY)

    def _block(self, block: Block) -> list[Flowable]:
        styles = self.styles
        if isinstance(block, Paragraph):
            paragraph = TextBlock(block.text, styles.body)
            # A lead-in such as "Its jobs include:" belongs with the list it introduces.
            paragraph.keep_with_next = paragraph.lead_in = block.text.rstrip().endswith(":")
            return [paragraph]
        if isinstance(block, Subheading):
            subheading = TextBlock(block.text, styles.subheading, role="H3")
            subheading.keep_with_next = True
            return [subheading]
        if isinstance(block, BulletList):
            items = [ListItem(tuple(parse_inline(item)), styles.bullet, BULLET) for item in block.items]
            return [ListBlock(items, breaks_inside=True, space_after=styles.body.space_after)]
        if isinstance(block, NumberedList):
            return self._numbered_list(block)
        if isinstance(block, Picture):
            frame = self.geometry.text_height
            caption = BlockStyle(styles.small.text.with_(align="center"))
            return [PictureBlock(block.path, str(block.alt), block.caption, caption, styles.small.text.size * 0.5,
                                 styles.body.space_after * 0.6, frame, self._latin_font())]
        if isinstance(block, Table):
            pad = styles.body.text.size * 0.4
            return [TableBlock(list(block.header), [list(row) for row in block.rows], styles.table_header,
                               styles.table_cell, self.palette, pad, styles.body.space_after * 0.6)]
        if isinstance(block, Callout):
            text = TextBlock(block.text, styles.callout)
            return [CalloutBox(text, self.palette, styles.body.text.size, styles.body.space_after * 0.8)]
        if isinstance(block, ContactPanel):
            return [self._contact_card(block)]
        if isinstance(block, DiagramBlock):
            return [make_diagram(self.facts.diagrams[block.kind], self.content.diagrams[block.kind], styles,
                                 self.palette, self.locale, self._latin_font())]
        raise TypeError(f"unknown block {block!r}")

    def _numbered_list(self, block: NumberedList) -> list[Flowable]:
        """Items numbered in the language's digits and style; the numbers hang in a column of their own."""
        styles, pattern = self.styles, self.content.labels.list_number or "{number}."
        numbers = [pattern.replace("{number}", wording.number(index, self.locale))
                   for index in range(1, len(block.numbered) + 1)]
        return [numbered_list(block.numbered, numbers, styles.bullet, styles.body.space_after)]

    def _contact_card(self, block: ContactPanel) -> ContactCard:
        entries = []
        for contact in self.facts.shown_contacts():
            text = self.content.contacts[contact.id]
            entries.append(ContactEntry(role=text.role, name=text.name, note=text.note,
                                        phone=contact.phone, emphasis=contact.emphasis, tel=self.facts.tel(contact)))
        web_base = self.facts.web_base
        page = f"{web_base}/{web_page(self.facts.id, self.content.language)}" if web_base else None
        return ContactCard(block.heading, entries, self.facts.brand.website, self.styles, self.palette,
                           columns=2, qr_target=page)

    def _document_control(self) -> Flowable:
        labels, control, styles = self.content.document_control, self.facts.document_control, self.styles
        translation = self.content.translation

        def pair(label: str, value: str) -> tuple[TextBlock, TextBlock]:
            return TextBlock(label, styles.small_label), TextBlock(value, styles.small)

        def date(day) -> str:
            return wording.long_date(day, self.locale, self.content.labels.date_format)

        # Short facts two to a row keep the block small enough to share the back page.
        grid = KeyValueGrid([
            [pair(labels.published_by, self.content.institute)],
            [pair(labels.code, control.code), pair(labels.version, control.version)],
            [pair(labels.published, date(control.published)),
             pair(labels.last_reviewed, date(control.last_reviewed))],
            [pair(labels.next_review, date(control.next_review))],
            [pair(labels.sources, " · ".join(control.sources))],
            *([[pair(translation.label, translation.mark)]] if translation else []),
        ], label_share=0.46, gap=styles.small.text.size * 0.6)
        feedback = TextBlock(labels.feedback, styles.small)
        feedback.spaceBefore = styles.small.text.size * 0.6
        heading = TextBlock(labels.heading, styles.control_heading)
        return FooterBlock([heading, grid, feedback], self.palette.accent, 3 * mm)


def _crop_marks(canvas: Canvas, offset: float, width: float, height: float) -> None:
    """Hairlines at each corner, outside the bleed, in registration colour (all four inks)."""
    canvas.saveState()
    canvas.setStrokeColor(CMYKColor(1, 1, 1, 1))
    canvas.setLineWidth(0.25)
    start, end = BLEED + _MARK_GAP, BLEED + _MARK_GAP + _MARK_LENGTH
    for x in (offset, offset + width):
        for y in (offset, offset + height):
            outward_x = -1 if x == offset else 1
            outward_y = -1 if y == offset else 1
            canvas.line(x + outward_x * start, y, x + outward_x * end, y)
            canvas.line(x, y + outward_y * start, x, y + outward_y * end)
    canvas.restoreState()


def _fold_marks(canvas: Canvas, x: float, bottom: float, height: float) -> None:
    """Where a sheet folds: a dashed hairline above and below the trim, outside the bleed, in
    registration colour, as long as the crop marks."""
    canvas.saveState()
    canvas.setStrokeColor(CMYKColor(1, 1, 1, 1))
    canvas.setLineWidth(0.25)
    canvas.setDash(2, 1.5)
    start, end = BLEED + _MARK_GAP, BLEED + _MARK_GAP + _MARK_LENGTH
    canvas.line(x, bottom - start, x, bottom - end)
    canvas.line(x, bottom + height + start, x, bottom + height + end)
    canvas.restoreState()


def _holds_floats(flowable: Flowable) -> bool:
    """Whether a floating diagram must be placed before this flowable: another diagram (they keep
    their order) or the document-control block that ends the leaflet."""
    return isinstance(leading_part(flowable), FooterBlock | DiagramCard)


def _continues(flowable: Flowable) -> bool:
    """Whether the flowable goes on from the page before: a list's or a split paragraph's rest."""
    return getattr(leading_part(flowable), "continues", False)


def _keep_headings_with_next(flowables: list[Flowable], hole: float) -> list[Flowable]:
    """Bind headings and lead-ins to the flowable after them, from the end so chains nest.

    A lead-in may yet end a page without its list where keeping them together would leave
    `hole` points or more of the page empty."""
    result: list[Flowable] = []
    for flowable in reversed(flowables):
        if getattr(flowable, "keep_with_next", False) and result:
            alone_above = hole if getattr(flowable, "lead_in", False) else None
            result[0] = KeepWithNext(flowable, result[0], alone_above)
        else:
            result.insert(0, flowable)
    return result

