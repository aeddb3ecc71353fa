"""What every diagram kind's reader shares: label keys, colours and figures from leaflet.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import Node, ScalarNode, SequenceNode

from leaflet.content.model import Figure
from leaflet.content.pictures import drawing_problem
from leaflet.content.reader import NodeReader, describe

BRAND_COLOURS = ("primary", "primary_dark", "accent", "muted", "text")
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
_LABEL_KEY = re.compile(r"[a-z][a-z0-9]*([_-][a-z0-9]+)*")


@dataclass(frozen=True)
class Context:
    """What a diagram's data may refer to: the leaflet's folder (drawings) and its figures."""

    folder: Path
    figures: dict[str, Figure]


def label_key(reader: NodeReader, node: Node, field: str) -> str | None:
    """The name of a label in the language files' `diagrams.<id>` mapping."""
    key = reader.text(node, field)
    if key is not None and (not _LABEL_KEY.fullmatch(key) or key == "title"):
        reader.error(node, field, f"`{key}` is not a label name",
                     "expected a lowercase name such as way_out (the diagram's title is always `title`)")
        return None
    return None if key is None else str(key)


def label_keys(reader: NodeReader, node: Node, field: str) -> tuple[str, ...]:
    keys = reader.sequence(node, field, lambda n, f: label_key(reader, n, f))
    reader.check_unique(node, field, keys, "label")
    return tuple(keys)


def drawing(reader: NodeReader, node: Node, field: str, context: Context) -> str | None:
    """The path of an SVG drawing in the leaflet's folder, named at `node`; None after an error."""
    name = reader.text(node, field)
    if name is None:
        return None
    problem = drawing_problem(context.folder, str(name))
    if problem:
        reader.error(node, field, *problem)
        return None
    return str(context.folder / str(name))


def colour(reader: NodeReader, node: Node, field: str) -> str | None:
    """A colour as #RRGGBB, or the name of one of the brand's colours."""
    value = reader.text(node, field)
    if value is not None and not (_COLOUR.fullmatch(value) or value in BRAND_COLOURS):
        reader.error(node, field, f"`{value}` is not a colour",
                     f"expected #RRGGBB in quotes or a brand colour: {', '.join(BRAND_COLOURS)}")
        return None
    return None if value is None else str(value)


def colours(reader: NodeReader, node: Node, field: str) -> tuple[str, ...]:
    return tuple(reader.sequence(node, field, lambda n, f: colour(reader, n, f)))


def percent(reader: NodeReader, node: Node, field: str, context: Context, ranges: bool) -> Figure | None:
    """A percentage (or, where `ranges`, [low, high]): written here or named from `figures:`."""
    wanted = "a percentage, 0 to 100" + (", or [low, high] with low below high" if ranges else "") + \
        ", or the name of one in figures"
    value: Figure | None
    if isinstance(node, ScalarNode) and node.tag.endswith(":str"):
        value = context.figures.get(node.value)
        if value is None:
            names = ", ".join(context.figures) or "none"
            reader.error(node, field, f"no figure `{node.value}` in figures", f"expected one of: {names}")
            return None
        found = f"figures.{node.value} is {list(value) if isinstance(value, tuple) else value}"
    elif isinstance(node, ScalarNode):
        value = reader.integer(node, field)
        found = f"found {value}"
    elif isinstance(node, SequenceNode):
        pair = reader.sequence(node, field, reader.integer)
        value = (pair[0], pair[1]) if len(pair) == 2 else None
        found = f"found {pair}"
    else:
        reader.error(node, field, f"found {describe(node)}", f"expected {wanted}")
        return None
    parts = value if isinstance(value, tuple) else (value,)
    if value is None or (isinstance(value, tuple) and (not ranges or value[0] >= value[1])) \
            or not all(0 <= part <= 100 for part in parts):
        reader.error(node, field, found, f"expected {wanted}")
        return None
    return value
