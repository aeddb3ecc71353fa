"""`steps`: boxes in reading order joined by arrows, a flow of steps or stages.

    - steps: [arrive, check_in, go_home]     # label names, in order
      colours: [primary_dark, "#2F5DA8"]     # optional, one per box (repeated if fewer)
      numbered: true                         # optional: a number on each box
"""

from __future__ import annotations

from dataclasses import dataclass

from yaml.nodes import Node

from leaflet.content.diagrams.common import Context, colours, label_keys
from leaflet.content.model import LabelShape
from leaflet.content.reader import NodeReader, join

KIND = "steps"
OPTIONS = ("colours", "numbered")
MAX_STEPS = 8


@dataclass(frozen=True)
class StepsPanel:
    steps: tuple[str, ...]
    colours: tuple[str, ...]
    numbered: bool

    def labels(self) -> dict[str, LabelShape]:
        return dict.fromkeys(self.steps, "text")


def read(reader: NodeReader, keys: dict[str, Node], field: str, context: Context) -> StepsPanel | None:
    steps = label_keys(reader, keys[KIND], join(field, KIND))
    if len(steps) > MAX_STEPS:
        reader.error(keys[KIND], join(field, KIND), f"{len(steps)} steps", f"expected at most {MAX_STEPS}")
        return None
    shades = colours(reader, keys["colours"], join(field, "colours")) if "colours" in keys else ()
    numbered = reader.choice(keys["numbered"], join(field, "numbered"), ("true", "false")) if "numbered" in keys \
        else "false"
    if not steps or len(steps) != len(keys[KIND].value) or numbered is None:
        return None
    return StepsPanel(steps, shades or ("primary_dark", "primary", "accent"), numbered == "true")
