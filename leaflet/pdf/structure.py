"""Write a leaflet's logical structure into its PDF: a tagged PDF for assistive technology.

The marked content is already in the pages (leaflet.layout.tagging); this adds what points at
it: the structure tree, its parent tree, each page's /StructParents and structure tab order,
/MarkInfo, and the viewer preference to show the document's title rather than its file name.
"""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from leaflet.layout.tagging import Annotation, MarkedContent, Tag


def read_structure(reader: PdfReader, first_page: int = 0) -> Tag | None:
    """The structure tree of a tagged PDF, as `add_structure` takes it, its pages counted from
    `first_page` (for a file that will follow others); None for an untagged PDF."""
    tree = reader.trailer["/Root"].get("/StructTreeRoot")
    if tree is None:
        return None
    pages = {page.indirect_reference.idnum: index for index, page in enumerate(reader.pages)}
    root = Tag("Document")
    for kid in tree.get_object()["/K"]:
        root.kids.append(_read_element(kid.get_object(), root, reader, pages, first_page))
    return root.kids[0] if len(root.kids) == 1 and root.kids[0].role == "Document" else root


def _read_element(element, parent: Tag, reader: PdfReader, pages: dict[int, int], first_page: int) -> Tag:
    tag = Tag(element["/S"][1:], parent, _text_of(element.get("/Alt")), _text_of(element.get("/Lang")))
    own_page = element.raw_get("/Pg") if "/Pg" in element else None
    for kid in element.get("/K", []):
        kid = kid.get_object() if isinstance(kid, IndirectObject) else kid
        if isinstance(kid, NumberObject | int):
            tag.kids.append(MarkedContent(first_page + pages[own_page.idnum], int(kid)))
        elif kid.get("/Type") == "/MCR":
            tag.kids.append(MarkedContent(first_page + pages[kid.raw_get("/Pg").idnum], int(kid["/MCID"])))
        elif kid.get("/Type") == "/OBJR":
            page = pages[kid.raw_get("/Pg").idnum]
            links = [a.idnum for a in reader.pages[page].get("/Annots", [])
                     if a.get_object().get("/Subtype") == "/Link"]
            tag.kids.append(Annotation(first_page + page, links.index(kid.raw_get("/Obj").idnum),
                                       str(kid["/Obj"].get("/Contents", ""))))
        else:
            tag.kids.append(_read_element(kid, tag, reader, pages, first_page))
    return tag


def _text_of(value) -> str | None:
    return None if value is None else str(value)


def add_structure(pdf: bytes, root: Tag) -> bytes:
    """`pdf` with the structure tree rooted at `root`. Same input, same bytes."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    pages = [page.indirect_reference for page in writer.pages]
    tree_root = DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot")})
    tree_ref = writer._add_object(tree_root)  # pypdf's way to make an indirect object of a new dictionary
    by_page: dict[int, dict[int, IndirectObject]] = {}
    links: list[IndirectObject] = []  # the element of each annotation given a /StructParent, in order
    document = _element(writer, root, tree_ref, pages, by_page, links)
    tree_root[NameObject("/K")] = ArrayObject([document])
    numbers = ArrayObject()
    for index, page in enumerate(writer.pages):
        page[NameObject("/StructParents")] = NumberObject(index)
        page[NameObject("/Tabs")] = NameObject("/S")
        owners = by_page.get(index, {})
        numbers.extend([NumberObject(index), ArrayObject(owners[mcid] for mcid in sorted(owners))])
    for offset, element in enumerate(links):
        numbers.extend([NumberObject(len(writer.pages) + offset), element])
    tree_root[NameObject("/ParentTree")] = writer._add_object(DictionaryObject({NameObject("/Nums"): numbers}))
    tree_root[NameObject("/ParentTreeNextKey")] = NumberObject(len(writer.pages) + len(links))
    catalog = writer._root_object
    catalog[NameObject("/StructTreeRoot")] = tree_ref
    catalog[NameObject("/MarkInfo")] = DictionaryObject({NameObject("/Marked"): BooleanObject(True)})
    print_at_actual_size(catalog)[NameObject("/DisplayDocTitle")] = BooleanObject(True)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def print_at_actual_size(catalog: DictionaryObject, duplex: str | None = None) -> DictionaryObject:
    """The catalog's viewer preferences, made to print each page at its own size (/PrintScaling
    /None: a leaflet scaled to the printer's margins no longer has its A5 fold or its crop marks
    where they belong) and, for a booklet, `duplex` (/DuplexFlipShortEdge: both sides of each
    landscape sheet, turned over on its short edge), as the print dialog's defaults."""
    preferences = catalog.get("/ViewerPreferences")
    preferences = DictionaryObject() if preferences is None else preferences.get_object()
    preferences[NameObject("/PrintScaling")] = NameObject("/None")
    if duplex is not None:
        preferences[NameObject("/Duplex")] = NameObject(duplex)
    catalog[NameObject("/ViewerPreferences")] = preferences
    return preferences


def _element(writer: PdfWriter, tag: Tag, parent: IndirectObject, pages: list[IndirectObject],
             by_page: dict[int, dict[int, IndirectObject]], links: list[IndirectObject]) -> IndirectObject:
    element = DictionaryObject({
        NameObject("/Type"): NameObject("/StructElem"),
        NameObject("/S"): NameObject(f"/{tag.role}"),
        NameObject("/P"): parent,
    })
    reference = writer._add_object(element)
    if tag.alt:
        element[NameObject("/Alt")] = TextStringObject(tag.alt)
    if tag.lang:
        element[NameObject("/Lang")] = TextStringObject(tag.lang)
    kids = ArrayObject()
    for kid in tag.kids:
        if isinstance(kid, MarkedContent):
            kids.append(DictionaryObject({NameObject("/Type"): NameObject("/MCR"), NameObject("/Pg"): pages[kid.page],
                                          NameObject("/MCID"): NumberObject(kid.mcid)}))
            by_page.setdefault(kid.page, {})[kid.mcid] = reference
        elif isinstance(kid, Annotation):
            annotation = _link_annotation(writer, kid)
            if annotation is not None:  # a print file draws no links
                annotation.get_object()[NameObject("/StructParent")] = NumberObject(len(writer.pages) + len(links))
                annotation.get_object()[NameObject("/Contents")] = TextStringObject(kid.description)
                links.append(reference)
                kids.append(DictionaryObject({NameObject("/Type"): NameObject("/OBJR"), NameObject("/Obj"): annotation,
                                              NameObject("/Pg"): pages[kid.page]}))
        else:
            kids.append(_element(writer, kid, reference, pages, by_page, links))
    element[NameObject("/K")] = kids
    return reference


def _link_annotation(writer: PdfWriter, link: Annotation) -> IndirectObject | None:
    """The page's `index`-th link annotation, in the order they were drawn."""
    annotations = writer.pages[link.page].get("/Annots")
    found = [a for a in (annotations.get_object() if annotations is not None else [])
             if a.get_object().get("/Subtype") == "/Link"]
    return found[link.index] if link.index < len(found) else None
