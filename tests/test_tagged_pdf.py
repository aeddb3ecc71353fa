"""The leaflets are tagged PDFs: a structure tree in reading order, figures described in words,
page furniture kept out of it (issue 16)."""

from __future__ import annotations

import subprocess

import pytest
from pypdf import PdfReader

from leaflet.content.model import BulletList, DiagramBlock, NumberedList, Subheading
from leaflet.pdf import LanguagePart, merge_languages
from tests.pdfstructure import elements as structure_elements
from tests.pdfstructure import unmarked_painting

SIZES = ("A4", "A5")


def _expected_roles(leaflet, language: str) -> list[str]:
    """Headings, list items and figures of the content, in its order."""
    roles: list[str] = []
    for section in leaflet.languages[language].sections:
        if section.heading is not None:
            roles.append("H2")
        for block in section.blocks:
            if isinstance(block, Subheading):
                roles.append("H3")
            elif isinstance(block, BulletList):
                roles += ["LI"] * len(block.items)
            elif isinstance(block, NumberedList):
                roles += ["LI"] * len(block.numbered)
            elif isinstance(block, DiagramBlock):
                roles.append("Figure")
    return roles


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", ["en", "ur"])
def test_the_structure_lists_every_heading_list_item_and_figure_in_order(built, built_urdu, leaflet, language,
                                                                          size) -> None:
    path = (built if language == "en" else built_urdu)[size]
    assert "Tagged:          yes" in subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    elements = structure_elements(path)
    assert elements[0]["role"] == "Document"
    assert [e["role"] for e in elements if e["role"] == "H1"] == ["H1"], "the title, once"
    # the contact card's QR code is a figure of its own, described by the address it holds
    shown = [e["role"] for e in elements if e["role"] in ("H2", "H3", "LI", "Figure")
             and not str(e["alt"]).startswith("QR code: https://")]
    expected = _expected_roles(leaflet, language)
    # Figures float to the next page when they do not fit; they stay in the order of the content.
    assert [r for r in shown if r != "Figure"] == [r for r in expected if r != "Figure"]
    assert shown.count("Figure") == expected.count("Figure")
    for element in elements:
        if element["role"] == "LI":
            continue  # its Lbl and LBody hold its content
        if element["role"] == "Figure":
            assert element["alt"] and len(element["alt"]) > 10, "every figure is described in words"


def test_english_headings_read_as_written(built, leaflet) -> None:
    text = subprocess.run(["pdfinfo", "-struct-text", str(built["A4"])], capture_output=True, text=True).stdout
    headings = [str(section.heading) for section in leaflet.languages["en"].sections if section.heading is not None]
    found: list[str] = []
    reading = False
    for line in text.splitlines():
        if line.strip() == "H2 (block)":
            found.append("")
            reading = True
        elif reading and line.strip().startswith('"'):
            found[-1] = " ".join(f"{found[-1]} {line.strip().strip(chr(34))}".split())
        else:
            reading = False
    # poppler prints an element's first line of text
    assert len(found) == len(headings)
    assert all(heading.startswith(first) and len(first.split()) >= min(3, len(heading.split()))
               for first, heading in zip(found, headings, strict=True)), (found, headings)


@pytest.mark.parametrize("size", SIZES)
def test_every_page_points_into_the_tree_and_furniture_is_an_artifact(built_urdu, size) -> None:
    reader = PdfReader(built_urdu[size])
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "ur-PK"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    numbers = root["/StructTreeRoot"]["/ParentTree"]["/Nums"]
    owners = dict(zip(numbers[::2], numbers[1::2], strict=True))
    for index, page in enumerate(reader.pages):
        assert page["/StructParents"] == index and page["/Tabs"] == "/S"
        content = page.get_contents().get_data()
        assert content.count(b"/MCID ") == len(owners[index]), "each MCID on the page has its element"
        assert b"/Artifact BMC" in content, "running head, footer and page number are artifacts"


@pytest.mark.parametrize("size", SIZES)
def test_everything_painted_is_content_or_artifact(built, built_urdu, size) -> None:
    """PDF/UA: no ink outside the structure but page furniture and decoration marked as such."""
    for path in (built[size], built_urdu[size]):
        assert unmarked_painting(path) == []


@pytest.mark.parametrize("language", ["en", "ur"])
def test_every_link_is_a_link_element_with_its_annotation(built, built_urdu, language) -> None:
    """Tap-to-call numbers and the website: each annotation is an OBJR of a Link element, which
    the parent tree names as its owner, and says in words where it goes."""
    path = (built if language == "en" else built_urdu)["A4"]
    reader = PdfReader(path)
    numbers = reader.trailer["/Root"]["/StructTreeRoot"]["/ParentTree"]["/Nums"]
    owners = dict(zip(numbers[::2], numbers[1::2], strict=True))
    annotations = [annotation.get_object() for page in reader.pages for annotation in page.get("/Annots", [])
                   if annotation.get_object()["/Subtype"] == "/Link"]
    assert len(annotations) >= 2, "the helpline and the website at least"
    for annotation in annotations:
        owner = owners[annotation["/StructParent"]].get_object()
        assert owner["/S"] == "/Link"
        assert any(kid.get("/Type") == "/OBJR" and kid["/Obj"].get_object() == annotation for kid in owner["/K"])
        assert annotation["/Contents"]
    assert sum(element["role"] == "Link" for element in structure_elements(path)) == len(annotations)


def test_the_bilingual_file_holds_each_language_as_a_part_in_its_language(built, built_urdu, leaflet,
                                                                          tmp_path) -> None:
    parts = [LanguagePart("en", "English", built["A5"].read_bytes()),
             LanguagePart("ur", "اردو", built_urdu["A5"].read_bytes())]
    path = tmp_path / "bilingual.pdf"
    path.write_bytes(merge_languages(parts))
    assert "Tagged:          yes" in subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert unmarked_painting(path) == []
    reader = PdfReader(path)
    document = reader.trailer["/Root"]["/StructTreeRoot"]["/K"][0].get_object()
    languages = [(part.get_object()["/S"], part.get_object()["/Lang"]) for part in document["/K"]]
    assert languages == [("/Part", "en-PK"), ("/Part", "ur-PK")]
    found = structure_elements(path)
    halves = [index for index, element in enumerate(found) if element["role"] == "Part"]
    for (start, end), language in zip(((halves[0], halves[1]), (halves[1], len(found))), ("en", "ur"), strict=True):
        shown = [e["role"] for e in found[start:end] if e["role"] in ("H2", "H3", "LI")]
        assert shown == [role for role in _expected_roles(leaflet, language) if role != "Figure"]
    numbers = reader.trailer["/Root"]["/StructTreeRoot"]["/ParentTree"]["/Nums"]
    owners = dict(zip(numbers[::2], numbers[1::2], strict=True))
    for index, page in enumerate(reader.pages):
        assert page["/StructParents"] == index
        assert page.get_contents().get_data().count(b"/MCID ") == len(owners[index])
