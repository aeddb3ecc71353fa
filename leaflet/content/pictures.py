"""Checks on the picture files a leaflet's `image` blocks name: inside the folder, readable, safe.

What passes here the layout can draw: SVG that is well-formed XML with an <svg> root and no
<text> (its font could not be embedded; words go in the caption or a diagram's labels), or
PNG that Pillow opens.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path, PurePosixPath

from lxml import etree
from PIL import Image, UnidentifiedImageError

MAX_PICTURE_BYTES = 4 * 1024 * 1024
PICTURE_TYPES = (".svg", ".png")
_SVG = "{http://www.w3.org/2000/svg}"


def picture_problem(folder: Path, name: str) -> tuple[str, str] | None:
    """(what is wrong, what is expected) of `name` (relative to `folder`), or None if it can be drawn."""
    relative = PurePosixPath(name)
    if relative.is_absolute() or ".." in relative.parts or "\\" in name or not relative.parts:
        return (f"`{name}` leaves the content folder", "expected a file name inside it, e.g. position.svg")
    if relative.suffix.lower() not in PICTURE_TYPES:
        return (f"`{name}` is not a picture this tool draws", "expected an .svg or .png file")
    path = folder / relative
    if not path.resolve().is_relative_to(folder.resolve()):
        return (f"`{name}` leads outside the content folder", "expected a file inside it")
    if not path.is_file():
        return (f"no file `{name}` in {folder}", "expected the picture beside the language files")
    if path.stat().st_size > MAX_PICTURE_BYTES:
        return (f"`{name}` is {path.stat().st_size // 1024:,} KB", f"expected at most {MAX_PICTURE_BYTES // 1024:,} KB")
    return _svg_problem(path) if relative.suffix.lower() == ".svg" else _png_problem(path)


def drawing_problem(folder: Path, name: str) -> tuple[str, str] | None:
    """As picture_problem, for a diagram's drawing, which must be SVG (vectors, points named by id)."""
    if not name.lower().endswith(".svg"):
        return (f"`{name}` is not an SVG drawing", "expected an .svg file in the leaflet's folder")
    return picture_problem(folder, name)


def anchor_points(path: Path, ids: set[str]) -> dict[str, tuple[float, float]]:
    """The centre of each element with one of `ids`, as fractions of the drawing's width and height
    from its top left; a drawing checked by drawing_problem. Transforms on the way are applied."""
    stat = path.stat()
    found = _anchor_points(str(path), stat.st_mtime_ns, stat.st_size, frozenset(ids))
    return dict(found)


@lru_cache(maxsize=64)  # every worker of a build loads the content again; the file is parsed once
def _anchor_points(path: str, _mtime: int, _size: int, ids: frozenset[str]) -> tuple[tuple[str, tuple], ...]:
    from svgelements import SVG, Shape  # only leaflets with a figure pay for this import

    drawing = SVG.parse(path)
    width, height = float(drawing.width), float(drawing.height)
    points: dict[str, tuple[float, float]] = {}
    for element in drawing.elements():
        if isinstance(element, Shape) and element.id in ids and element.id not in points:
            box = element.bbox()
            if box is not None and width > 0 and height > 0:
                points[element.id] = ((box[0] + box[2]) / 2 / width, (box[1] + box[3]) / 2 / height)
    return tuple(points.items())


def _svg_problem(path: Path) -> tuple[str, str] | None:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        root = etree.parse(str(path), parser).getroot()
    except etree.XMLSyntaxError as error:
        line, column = error.position
        return f"`{path.name}` is not well-formed SVG (line {line}, column {column}: {error.msg})", "expected valid SVG"
    if root.tag not in ("svg", f"{_SVG}svg"):
        return (f"`{path.name}` has a <{etree.QName(root).localname}> root", "expected an <svg> drawing")
    if any(etree.QName(element).localname == "text" for element in root.iter() if isinstance(element.tag, str)):
        return (f"`{path.name}` has <text>, whose font cannot be embedded",
                "expected text converted to paths, with the words in the caption")
    return None


def _png_problem(path: Path) -> tuple[str, str] | None:
    try:
        with Image.open(path) as image:
            image.verify()
            if image.format != "PNG":
                return (f"`{path.name}` is {image.format}, not PNG", "expected a PNG file")
    except (UnidentifiedImageError, OSError, SyntaxError) as error:
        return (f"`{path.name}` cannot be read as PNG ({error})", "expected a PNG file")
    return None
