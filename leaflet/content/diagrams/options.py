"""`options`: a card for each choice, its name over one plain line, in reading order.

    - options: [surgery, ablation, sirt]     # label names; each label has a name and a description
      colours: ["#00677F", "#C05621"]        # optional: the stripe on each card (repeated if fewer)
"""

from __future__ import annotations

from dataclasses import dataclass

from yaml.nodes import Node

from leaflet.content.diagrams.common import Context, colours, label_keys
from leaflet.content.model import LabelShape
from leaflet.content.reader import NodeReader, join

KIND = "options"
OPTIONS = ("colours",)
MAX_OPTIONS = 12
DEFAULT_COLOURS = ("#00677F", "#C05621", "#6A4C93", "#2F5DA8", "#7AB648", "#8E3B33")


@dataclass(frozen=True)
class OptionsPanel:
    options: tuple[str, ...]
    colours: tuple[str, ...]

    def labels(self) -> dict[str, LabelShape]:
        return dict.fromkeys(self.options, "item")


def read(reader: NodeReader, keys: dict[str, Node], field: str, context: Context) -> OptionsPanel | None:
    options = label_keys(reader, keys[KIND], join(field, KIND))
    if len(options) > MAX_OPTIONS:
        reader.error(keys[KIND], join(field, KIND), f"{len(options)} options", f"expected at most {MAX_OPTIONS}")
        return None
    shades = colours(reader, keys["colours"], join(field, "colours")) if "colours" in keys else ()
    if not options or len(options) != len(keys[KIND].value):
        return None
    return OptionsPanel(options, shades or DEFAULT_COLOURS)
