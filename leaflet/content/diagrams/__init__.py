"""Diagrams declared in leaflet.yaml: each is a titled card of one or more panels of generic kinds.

    diagrams:
      getting-here:          # the id a section names with `- diagram: getting-here`
        - shares: ...        # one panel per list item; its first key says its kind
        - in-100: ...

The words of a diagram (its title and every label a panel names) are in the language files,
under `diagrams: <id>:`; the numbers and drawings are here. Each kind is one module beside this one.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import Union

from yaml.nodes import MappingNode, Node

from leaflet.content.diagrams import figure, in_100, options, shares, steps, terms
from leaflet.content.diagrams.common import Context
from leaflet.content.diagrams.figure import Anchor, FigurePanel
from leaflet.content.diagrams.in_100 import In100Panel
from leaflet.content.diagrams.options import OptionsPanel
from leaflet.content.diagrams.shares import Share, SharesPanel
from leaflet.content.diagrams.steps import StepsPanel
from leaflet.content.diagrams.terms import TermsPanel
from leaflet.content.model import LabelShape, Text
from leaflet.content.reader import NodeReader, join

KINDS: dict[str, ModuleType] = {module.KIND: module for module in (shares, in_100, steps, options, terms, figure)}
MAX_PANELS = 6

Panel = Union[SharesPanel, In100Panel, StepsPanel, OptionsPanel, TermsPanel, FigurePanel]  # noqa: UP007


@dataclass(frozen=True)
class DiagramSpec:
    id: Text  # where it is declared in leaflet.yaml, for a diagram no section shows
    panels: tuple[Panel, ...]

    def label_shapes(self) -> dict[str, LabelShape]:
        """Every label the language files give this diagram, and how each is written."""
        shapes: dict[str, LabelShape] = {"title": "text"}
        for panel in self.panels:
            shapes.update(panel.labels())
        return shapes


def read_diagrams(reader: NodeReader, node: Node, context: Context) -> dict[str, DiagramSpec]:
    if not isinstance(node, MappingNode):
        reader.error(node, "diagrams", "not a mapping", "expected diagram ids, each with a list of panels")
        return {}
    specs: dict[str, DiagramSpec] = {}
    for key_node, value in node.value:
        diagram_id = reader.identifier(key_node, "diagrams")
        if diagram_id is None:
            continue
        field = join("diagrams", diagram_id)
        if diagram_id in specs:
            reader.error(key_node, field, "diagram given twice", "expected each id once")
        panels = reader.sequence(value, field, lambda n, f: _read_panel(reader, n, f, context), limit=MAX_PANELS)
        if panels and len(panels) == len(value.value):
            specs[str(diagram_id)] = DiagramSpec(diagram_id, tuple(panels))
    return specs


def _read_panel(reader: NodeReader, node: Node, field: str, context: Context) -> Panel | None:
    named = [key.value for key, _ in node.value if key.value in KINDS] if isinstance(node, MappingNode) else []
    if len(named) != 1:
        problem = "no diagram kind" if not named else f"{len(named)} kinds ({', '.join(named)})"
        reader.error(node, field, problem, f"expected exactly one of: {', '.join(KINDS)} (start a new `- ` item)")
        return None
    module = KINDS[named[0]]
    keys = reader.mapping(node, field, (module.KIND,), module.OPTIONS)
    if keys is None:
        return None
    return module.read(reader, keys, field, context)


__all__ = ["Anchor", "Context", "DiagramSpec", "FigurePanel", "In100Panel", "OptionsPanel", "Panel", "Share",
           "SharesPanel", "StepsPanel", "TermsPanel", "read_diagrams"]
