"""`shares`: parts of a whole as broad arrows, each as thick as its share, pointing into a drawing.

    - shares:
        - {label: bus, percent: by_bus_percent, colour: "#2F5DA8"}     # a figure's name
        - {label: car, percent: [30, 40], colour: accent}              # or the number
      into: building.svg       # optional: the drawing the arrows point into
      note: parking            # optional: a label shown under the arrows,
      note_colour: accent      # with a dot of this colour
"""

from __future__ import annotations

from dataclasses import dataclass

from yaml.nodes import Node

from leaflet.content.diagrams.common import Context, colour, drawing, label_key, percent
from leaflet.content.model import Figure, LabelShape
from leaflet.content.reader import NodeReader, join

KIND = "shares"
OPTIONS = ("into", "note", "note_colour")


@dataclass(frozen=True)
class Share:
    label: str
    percent: Figure
    colour: str


@dataclass(frozen=True)
class SharesPanel:
    shares: tuple[Share, ...]
    into: str | None  # path of the SVG drawing the arrows point into
    note: str | None
    note_colour: str | None

    def labels(self) -> dict[str, LabelShape]:
        keys = [share.label for share in self.shares] + ([self.note] if self.note else [])
        return dict.fromkeys(keys, "text")


def _share(reader: NodeReader, node: Node, field: str, context: Context) -> Share | None:
    keys = reader.mapping(node, field, ("label", "percent", "colour"))
    if keys is None or len(keys) < 3:
        return None
    label = label_key(reader, keys["label"], join(field, "label"))
    value = percent(reader, keys["percent"], join(field, "percent"), context, ranges=True)
    shade = colour(reader, keys["colour"], join(field, "colour"))
    return None if None in (label, value, shade) else Share(str(label), value, str(shade))


def read(reader: NodeReader, keys: dict[str, Node], field: str, context: Context) -> SharesPanel | None:
    shares = reader.sequence(keys[KIND], join(field, KIND), lambda n, f: _share(reader, n, f, context), limit=6)
    into = drawing(reader, keys["into"], join(field, "into"), context) if "into" in keys else None
    if "into" in keys and into is None:
        return None
    note = label_key(reader, keys["note"], join(field, "note")) if "note" in keys else None
    note_colour = colour(reader, keys["note_colour"], join(field, "note_colour")) if "note_colour" in keys else None
    if len(shares) != len(keys[KIND].value) or not shares:
        return None
    if not any(share.percent for share in shares):  # a range is never 0: its low is below its high
        reader.error(keys[KIND], join(field, KIND), "every share is 0",
                     "expected at least one above 0 (each arrow is drawn as thick as its part of them all)")
        return None
    return SharesPanel(tuple(shares), into, note, note_colour)
