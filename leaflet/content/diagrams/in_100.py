"""`in-100`: a grid of 100 icons with some filled, beside a sentence: "up to 70 in 100 people".

    - in-100: on_time_in_100    # how many of 100: a number or a figure's name
      text: on_time               # the label beside it, with {percent} in its text
      icon: person                # optional: dot (the default) or person
      colour: primary             # optional: the filled icons' colour
"""

from __future__ import annotations

from dataclasses import dataclass

from yaml.nodes import Node

from leaflet.content.diagrams.common import Context, colour, label_key, percent
from leaflet.content.model import LabelShape
from leaflet.content.reader import NodeReader, join

KIND = "in-100"
OPTIONS = ("text", "icon", "colour")
ICONS = ("dot", "person")


@dataclass(frozen=True)
class In100Panel:
    count: int
    text: str
    icon: str
    colour: str

    def labels(self) -> dict[str, LabelShape]:
        return {self.text: "percent-text"}


def read(reader: NodeReader, keys: dict[str, Node], field: str, context: Context) -> In100Panel | None:
    count = percent(reader, keys[KIND], join(field, KIND), context, ranges=False)
    if "text" not in keys:
        reader.error(keys[KIND], join(field, "text"), "missing", "expected `text:` naming the label beside the grid")
        return None
    text = label_key(reader, keys["text"], join(field, "text"))
    icon = reader.choice(keys["icon"], join(field, "icon"), ICONS) if "icon" in keys else "dot"
    shade = colour(reader, keys["colour"], join(field, "colour")) if "colour" in keys else "primary"
    if not isinstance(count, int) or None in (text, icon, shade):
        return None
    return In100Panel(count, str(text), str(icon), str(shade))
