"""A tagged PDF read back: its structure elements, and what its pages paint outside them."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ContentStream

PAINTING = {"TJ", "Tj", "'", '"', "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "Do", "sh"}


def elements(path: Path) -> list[dict]:
    """The structure elements in reading order (depth first): role, /Alt, depth and marked content."""
    reader = PdfReader(path)
    found: list[dict] = []

    def walk(element, depth: int) -> None:
        element = element.get_object()
        found.append({"role": element["/S"][1:], "alt": element.get("/Alt"), "depth": depth,
                      "mcids": [kid["/MCID"] for kid in element["/K"] if "/MCID" in kid]})
        for kid in element["/K"]:
            if "/S" in kid.get_object():
                walk(kid, depth + 1)

    for top in reader.trailer["/Root"]["/StructTreeRoot"]["/K"]:
        walk(top, 0)
    return found


def unmarked_painting(path: Path) -> list[tuple[int, str]]:
    """(page, operator) of everything painted neither as tagged content nor as an artifact."""
    reader = PdfReader(path)
    loose = []
    for number, page in enumerate(reader.pages, start=1):
        depth = 0
        for _, operator in ContentStream(page.get_contents(), reader).operations:
            name = operator.decode("latin-1")
            if name in ("BDC", "BMC"):
                depth += 1
            elif name == "EMC":
                depth -= 1
            elif name in PAINTING and depth == 0:
                loose.append((number, name))
    return loose
