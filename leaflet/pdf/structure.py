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
    preferences = catalog.get("/ViewerPreferences")
    preferences = DictionaryObject() if preferences is None else preferences.get_object()
    preferences[NameObject("/DisplayDocTitle")] = BooleanObject(True)
    catalog[NameObject("/ViewerPreferences")] = preferences
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


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
