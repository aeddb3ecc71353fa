"""The logical structure of a leaflet, recorded as its pages are drawn (tagged PDF, PDF/UA-1).

Content drawn inside `marked(canvas, tag)` becomes a marked-content sequence with an MCID of
its page, one leaf of `tag`, a structure element (P, H2, LI, Figure...). Page furniture is drawn
inside `artifact(canvas)`. Sequences do not nest: what a figure or an artifact draws (labels,
a page number) is part of it. Elements join the tree when their first content is drawn, so the
tree's order is the order of drawing, which is the reading order of the flow. A canvas without a
`structure` (a pass that only counts pages, a sheet of print marks) gets no marks at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from reportlab.pdfgen.canvas import Canvas


@dataclass(frozen=True)
class MarkedContent:
    page: int  # from 0
    mcid: int


@dataclass(frozen=True)
class Annotation:
    """A link annotation that belongs to a structure element: the `index`-th link drawn on its page."""

    page: int  # from 0
    index: int
    description: str  # what following the link does, in words (its /Contents)


@dataclass(eq=False)
class Tag:
    """A structure element: its standard role, and its children in reading order."""

    role: str
    parent: Tag | None = None
    alt: str | None = None  # a figure in words
    lang: str | None = None  # where it is in another language than the document's (BCP 47)
    kids: list[Tag | MarkedContent | Annotation] = field(default_factory=list)

    def child(self, role: str, alt: str | None = None) -> Tag:
        """A new element under this one (it joins the tree when something of it is drawn)."""
        return Tag(role, self, alt)


class Structure:
    """The tree of one PDF, and the MCIDs given out on each page."""

    def __init__(self) -> None:
        self.root = Tag("Document")
        self._next_mcid: dict[int, int] = {}
        self._joined: set[int] = {id(self.root)}
        self.depth = 0  # marked-content sequences open: what is drawn inside one belongs to it
        self.words: list[str] | None = None  # the texts drawn inside the figure being drawn
        self._links: dict[int, int] = {}  # links drawn so far, by page

    def mark(self, page: int, tag: Tag) -> int:
        mcid = self._next_mcid.get(page, 0)
        self._next_mcid[page] = mcid + 1
        self.join(tag)
        tag.kids.append(MarkedContent(page, mcid))
        return mcid

    def annotate(self, page: int, tag: Tag, description: str) -> None:
        index = self._links.get(page, 0)
        self._links[page] = index + 1
        self.join(tag)
        tag.kids.append(Annotation(page, index, description))

    def join(self, tag: Tag) -> None:
        """Put `tag` in the tree now (after what is in it already), with its ancestors."""
        if id(tag) in self._joined:
            return
        if tag.parent is None:
            tag.parent = self.root
        self.join(tag.parent)
        tag.parent.kids.append(tag)
        self._joined.add(id(tag))


def _structure(canvas: Canvas) -> Structure | None:
    return getattr(canvas, "structure", None)


@contextmanager
def marked(canvas: Canvas, tag: Tag | None, words: str = "") -> Iterator[None]:
    """What is drawn inside is content of `tag`; `words`, its text, is said by a figure it is part of."""
    structure = _structure(canvas)
    if structure is not None and structure.words is not None and words.strip():
        structure.words.append(" ".join(words.split()))
    if structure is None or tag is None or structure.depth:
        yield
        return
    mcid = structure.mark(canvas.getPageNumber() - 1, tag)
    code = canvas._code  # ReportLab has no public operator for marked content
    code.append(f"/{tag.role} <</MCID {mcid}>> BDC")
    structure.depth += 1
    yield
    structure.depth -= 1
    code.append("EMC")


def in_reading_order(canvas: Canvas, tags: list[Tag | None]) -> None:
    """Put these elements in the tree in this order, whatever order they are drawn in (cells of
    a row are drawn left to right, which in a right-to-left row is against their reading order)."""
    structure = _structure(canvas)
    if structure is not None:
        for tag in tags:
            if tag is not None:
                structure.join(tag)


@contextmanager
def artifact(canvas: Canvas) -> Iterator[None]:
    """What is drawn inside is no part of the text: running heads, footers, rules, marks."""
    structure = _structure(canvas)
    if structure is None or structure.depth:
        yield
        return
    canvas._code.append("/Artifact BMC")
    structure.depth += 1
    yield
    structure.depth -= 1
    canvas._code.append("EMC")


def linked(canvas: Canvas, tag: Tag | None, url: str, rect: tuple[float, float, float, float],
           description: str) -> None:
    """A link over `rect` (in the current coordinates) to `url`, part of `tag` (a Link element)."""
    canvas.linkURL(url, rect, relative=1)
    structure = _structure(canvas)
    if structure is not None and tag is not None:
        structure.annotate(canvas.getPageNumber() - 1, tag, description)


@contextmanager
def figure(canvas: Canvas, tag: Tag) -> Iterator[None]:
    """What is drawn inside is a figure; unless `tag` has one, its /Alt is the texts drawn in it."""
    structure = _structure(canvas)
    if structure is None:
        yield
        return
    structure.words = []
    with marked(canvas, tag):
        yield
    if tag.alt is None:
        tag.alt = "; ".join(structure.words)
    structure.words = None
