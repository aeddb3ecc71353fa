"""The document model: what a leaflet says, independent of how it is laid out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Union

if TYPE_CHECKING:
    from leaflet.content.diagrams import DiagramSpec


@dataclass(frozen=True)
class Location:
    """Where a value was written, so later stages can point translators at it."""

    path: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


class Text(str):
    """A string from a content file that remembers where it was written, character by character."""

    location: Location
    written: str  # the scalar as written, from its first character (a quote, or `>-` / `|` and its lines)

    def __new__(cls, value: str, location: Location, written: str = "") -> Text:
        text = super().__new__(cls, value)
        text.location = location
        text.written = written
        return text

    def at(self, offset: int) -> Location:
        """Where the character at `offset` was written: its own line and column, also inside a
        quoted or block scalar whose lines were folded into one text."""
        source = self.written
        index = 0
        if source[:1] in ("|", ">"):  # a block scalar's text starts on the line after its indicator
            index = source.find("\n") + 1 or len(source)
        elif source[:1] in ("'", '"'):
            index = 1
        for position, char in enumerate(self):
            if char == " ":  # folded white space: a run of spaces and line breaks in the file
                start = index
                while index < len(source) and source[index].isspace():
                    index += 1
                if position == offset:
                    return self._location_of(start)
                continue
            while index < len(source) and source[index] != char:  # indentation, quotes, escapes
                index += 1
            if position == offset:
                return self._location_of(index) if index < len(source) else self.location
            index += 1
        return self.location

    def _location_of(self, index: int) -> Location:
        before = self.written[:index]
        lines = before.count("\n")
        column = index - before.rfind("\n") if lines else self.location.column + index
        return Location(self.location.path, self.location.line + lines, column)


@dataclass(frozen=True)
class Paragraph:
    text: Text


@dataclass(frozen=True)
class Subheading:
    text: Text


@dataclass(frozen=True)
class BulletList:
    items: tuple[Text, ...]


@dataclass(frozen=True)
class NumberedList:
    """Steps in order; numbered in the language's own style (labels.list_number)."""

    numbered: tuple[Text, ...]


@dataclass(frozen=True)
class Table:
    """A small table (a schedule): a header row and rows of the same number of cells."""

    header: tuple[Text, ...]
    rows: tuple[tuple[Text, ...], ...]


@dataclass(frozen=True)
class Picture:
    """An SVG or PNG from the content folder, scaled to the column, described in words."""

    file: str  # the file name as written, relative to the content folder (not shown to readers)
    path: str  # where it was found
    alt: Text  # the picture in words, for screen readers and when it cannot be seen
    caption: Text | None = None


@dataclass(frozen=True)
class Callout:
    text: Text


@dataclass(frozen=True)
class ContactPanel:
    heading: Text


@dataclass(frozen=True)
class DiagramBlock:
    """Where a diagram goes: its id names its drawing in leaflet.yaml and its labels in the language file."""

    kind: Text


Block = (Paragraph | Subheading | BulletList | NumberedList | Table | Picture | Callout | ContactPanel
         | DiagramBlock)


@dataclass(frozen=True)
class NamedItem:
    name: Text
    description: Text


DiagramLabel = Union[Text, tuple[Text, ...], NamedItem]  # noqa: UP007 (a runtime alias)

# How a diagram label is written in the language file: one text, a list of texts, a name with a
# one-line description, or one text with a {percent} the diagram fills in.
LabelShape = Literal["text", "list", "item", "percent-text"]


@dataclass(frozen=True)
class Section:
    id: str
    heading: Text | None  # a section may run on without a heading of its own
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class ContactText:
    role: Text | None
    name: Text | None
    note: Text | None


@dataclass(frozen=True)
class Labels:
    patient_information: Text
    opening_hours: Text | None  # needed where leaflet.yaml gives opening hours
    page_of: Text
    notes: Text  # heading of the lined notes pages that fill out a printed booklet
    time_format: str | None = None  # a babel time pattern, e.g. "h:mm", where the short form will not do
    date_format: str | None = None  # a babel date pattern, e.g. "d MMMM y'ء'", where the long form will not do
    list_number: Text | None = None  # how a numbered list's number is written, e.g. "{number}."


@dataclass(frozen=True)
class DocumentControlLabels:
    heading: Text
    published_by: Text
    code: Text
    version: Text
    published: Text
    last_reviewed: Text
    next_review: Text
    sources: Text
    feedback: Text


@dataclass(frozen=True)
class Translation:
    """Where a translation stands; a draft is marked as such on every page."""

    status: Literal["draft", "reviewed"]
    label: Text
    mark: Text


# Fields of the language model that readers never see: ids name things; keywords and department
# names serve the desk page (so no font, translation review or placeholder check looks at them).
_NOT_READ = ("id", "kind", "keywords", "departments")


@dataclass(frozen=True)
class LanguageContent:
    """Everything a reader sees in one language."""

    language: str
    source: str
    institute: Text
    title: Text
    subtitle: Text
    labels: Labels
    sections: tuple[Section, ...]
    contacts: dict[str, ContactText]
    document_control: DocumentControlLabels
    diagrams: dict[str, dict[str, DiagramLabel]]
    translation: Translation | None = None  # None for the language the leaflet is written in
    # For the desk page only, never on a page: words staff may search for, and the names of the
    # hospital's departments (by id) that group its leaflets.
    keywords: tuple[Text, ...] = ()
    departments: dict[str, Text] = field(default_factory=dict)

    @property
    def is_draft(self) -> bool:
        """A translation still marked draft: not yet medically reviewed."""
        return self.translation is not None and self.translation.status == "draft"

    def texts(self) -> list[tuple[str, Text]]:
        """Every reader-visible text with its field path, for checks that look at all of them."""
        found: list[tuple[str, Text]] = []

        def collect(path: str, value: object) -> None:
            if isinstance(value, Text):
                found.append((path, value))
            elif isinstance(value, tuple | list):
                for index, item in enumerate(value):
                    collect(f"{path}[{index}]", item)
            elif isinstance(value, dict):
                for key, item in value.items():
                    collect(f"{path}.{key}", item)
            elif hasattr(value, "__dataclass_fields__"):
                for name in value.__dataclass_fields__:
                    if name not in _NOT_READ:
                        collect(f"{path}.{name}" if path else name, getattr(value, name))

        collect("", self)
        return found


# The colours drawn from the brand's: its primary darkened to this share of each channel (white
# text on it, the helpline band), and a grey for notes.
DARKER = 0.72
MUTED = "#5A6470"


@dataclass(frozen=True)
class BrandColours:
    primary: str
    accent: str
    tint: str
    text: str

    def named(self) -> dict[str, str]:
        """Every colour a diagram may name (content/diagrams/common.BRAND_COLOURS), as #RRGGBB."""
        channels = (int(self.primary[index:index + 2], 16) for index in (1, 3, 5))
        dark = "#" + "".join(f"{int(channel * DARKER):02X}" for channel in channels)
        return {"primary": self.primary, "primary_dark": dark, "accent": self.accent, "tint": self.tint,
                "text": self.text, "muted": MUTED}


@dataclass(frozen=True)
class Brand:
    wordmark: str
    website: str
    colours: BrandColours
    print_colours: dict[str, tuple[int, int, int, int]]  # CMYK percentages for press, by colour name


@dataclass(frozen=True)
class OpeningHours:
    first_day: int  # 0 = Monday, as in datetime.date.weekday()
    last_day: int
    opens: dt.time
    closes: dt.time


Emphasis = Literal["helpline", "high", "normal"]


@dataclass(frozen=True)
class Contact:
    id: str
    phone: str
    emphasis: Emphasis


Figure = int | tuple[int, int]


@dataclass(frozen=True)
class DocumentControl:
    code: Text
    version: str
    published: dt.date
    last_reviewed: dt.date
    next_review: dt.date
    sources: tuple[Text, ...]
    next_review_at: Location  # where next_review was written: `check` points there once the date has come


# Whether the desk offers a translation still marked draft (with its draft mark) or leaves it out.
DraftsAtDesk = Literal["show", "hide"]


@dataclass(frozen=True)
class DeskSettings:
    """How the desk page offers the catalogue (hospital.yaml's `desk:`)."""

    drafts: DraftsAtDesk = "show"
    # a print request of more pages (all copies together) asks the desk to confirm it first
    confirm_above_pages: int = 100


# What a print shop is asked to make of a leaflet in one language: the A4 leaflet (its print
# file), the A5 booklet (imposed, saddle-stitched) and the large-print A4 (an office print).
PrintProduct = Literal["A4", "A5-booklet", "large-print"]
PRINT_PRODUCTS: tuple[PrintProduct, ...] = ("A4", "A5-booklet", "large-print")


@dataclass(frozen=True)
class Paper:
    name: str  # as the shop sells it, e.g. "Silk"
    weight_gsm: int
    finish: str  # matt, silk, gloss or uncoated

    def __str__(self) -> str:
        return f"{self.name} {self.weight_gsm} gsm, {self.finish} finish"


@dataclass(frozen=True)
class ProductSettings:
    paper: Paper
    quantity: int  # copies of each leaflet and language to order where no print log says otherwise


@dataclass(frozen=True)
class PrintSettings:
    """What the hospital has agreed with its print shop (hospital.yaml's `print:`)."""

    colour: str  # the colour condition, e.g. FOGRA39, or "shop's standard"
    binding: str  # of an A4 leaflet of more than two pages, e.g. corner staple
    pack: int  # copies come in packs of this many: an order is rounded up to whole packs
    products: dict[str, ProductSettings]  # by PrintProduct; a product not given is not ordered


@dataclass(frozen=True)
class LeafletFacts:
    """What must not drift between languages."""

    id: str
    region: str  # ISO 3166 country whose conventions dates and times follow, e.g. PK
    calling_code: str  # e.g. +92, for tel: links
    brand: Brand
    opening_hours: OpeningHours | None  # None: the first page shows no opening hours
    contacts: tuple[Contact, ...]
    figures: dict[str, Figure]
    document_control: DocumentControl
    shows_contacts: tuple[str, ...] | None = None  # ids of the contacts this leaflet shows, in order; None: all
    diagrams: dict[str, DiagramSpec] = field(default_factory=dict)  # by the id sections name them with
    desk: DeskSettings = field(default_factory=DeskSettings)
    departments: tuple[str, ...] = ()  # the hospital's departments (ids), in the order the desk lists them
    department: str | None = None  # the one this leaflet belongs to, if any
    web_base: str | None = None  # where the web edition is published (https, no trailing /); None: not
    printing: PrintSettings | None = None  # hospital.yaml's `print:`; None: not given
    quantities: dict[str, int] = field(default_factory=dict)  # leaflet.yaml's `order:`: its own copies, by product

    def quantity(self, product: str) -> int:
        """The copies of one language of this leaflet to order by default: its own, else the hospital's."""
        if product in self.quantities:
            return self.quantities[product]
        settings = self.printing.products.get(product) if self.printing else None
        return settings.quantity if settings else 0

    def tel(self, contact: Contact) -> str:
        """A contact's number as a tel: address, in international form (a leading 0 becomes the
        calling code), so that a tap calls it from any phone."""
        digits = "".join(char for char in contact.phone if char.isdigit())
        return "tel:" + (self.calling_code + digits[1:] if digits.startswith("0") else "+" + digits)

    def shown_contacts(self) -> tuple[Contact, ...]:
        """The contacts on this leaflet's contact card, in the order it shows them."""
        if self.shows_contacts is None:
            return self.contacts
        by_id = {contact.id: contact for contact in self.contacts}
        return tuple(by_id[contact_id] for contact_id in self.shows_contacts)


@dataclass(frozen=True)
class Leaflet:
    facts: LeafletFacts
    languages: dict[str, LanguageContent]
