"""`figure`: a drawing (SVG in the leaflet's folder) with labels beside it and leader lines to named points.

    - figure: front-desk.svg
      labels: [queue, desk, way_out]     # each is also the id of an element in the SVG,
                                         # whose centre the label's line points at
      numbered: [place-1, place-2]       # optional: ids of elements marked 1, 2, ... in order
      note: places                       # optional: a label under the drawing
      width: 50                          # optional: the drawing's share of the width, 30 to 70 percent
      mirror: false                      # optional: true mirrors the drawing for right-to-left pages;
                                         # keep false for anatomy, which keeps the body's own sides
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import Node

from leaflet.content.diagrams.common import Context, colour, drawing, label_key, label_keys
from leaflet.content.model import LabelShape
from leaflet.content.pictures import anchor_points
from leaflet.content.reader import NodeReader, join

KIND = "figure"
OPTIONS = ("labels", "numbered", "note", "width", "mirror", "number_colour")
WIDTHS = (30, 70)


@dataclass(frozen=True)
class Anchor:
    """A point of the drawing as fractions of its width and height, measured from its top left."""

    id: str
    x: float
    y: float


@dataclass(frozen=True)
class FigurePanel:
    path: str
    labels_at: tuple[Anchor, ...]
    numbered: tuple[Anchor, ...]
    note: str | None
    width: int  # percent of the card's inner width
    mirror: bool
    number_colour: str

    def labels(self) -> dict[str, LabelShape]:
        return dict.fromkeys([anchor.id for anchor in self.labels_at] + ([self.note] if self.note else []), "text")


def read(reader: NodeReader, keys: dict[str, Node], field: str, context: Context) -> FigurePanel | None:
    found = drawing(reader, keys[KIND], join(field, KIND), context)
    if found is None:
        return None
    path = Path(found)
    name = path.relative_to(context.folder)  # as written, for messages
    if "labels" not in keys and "numbered" not in keys:
        reader.error(keys[KIND], join(field, "labels"), "missing", "expected `labels:` naming points of the drawing")
        return None
    labels = label_keys(reader, keys["labels"], join(field, "labels")) if "labels" in keys else ()
    numbered = tuple(map(str, reader.sequence(keys["numbered"], join(field, "numbered"), reader.text))) \
        if "numbered" in keys else ()
    points = anchor_points(path, {*labels, *numbered})
    for part, ids in (("labels", labels), ("numbered", numbered)):
        for index, anchor_id in enumerate(ids):
            if anchor_id not in points:
                reader.error(keys[part].value[index], f"{field}.{part}[{index}]",
                             f'no element id="{anchor_id}" in {name}',
                             "expected the id of a shape in the drawing (a small circle marks a point)")
    note = label_key(reader, keys["note"], join(field, "note")) if "note" in keys else None
    width = reader.integer(keys["width"], join(field, "width")) if "width" in keys else 50
    if width is not None and not WIDTHS[0] <= width <= WIDTHS[1]:
        reader.error(keys["width"], join(field, "width"), f"{width} percent", f"expected {WIDTHS[0]} to {WIDTHS[1]}")
        width = None
    mirror = reader.choice(keys["mirror"], join(field, "mirror"), ("true", "false")) if "mirror" in keys \
        else "false"
    shade = colour(reader, keys["number_colour"], join(field, "number_colour")) if "number_colour" in keys \
        else "primary_dark"
    complete = all(anchor_id in points for anchor_id in (*labels, *numbered))
    if not complete or None in (width, mirror, shade) or ("note" in keys and note is None):
        return None
    return FigurePanel(str(path), tuple(Anchor(i, *points[i]) for i in labels),
                       tuple(Anchor(i, *points[i]) for i in numbered), note, int(width), mirror == "true", str(shade))
