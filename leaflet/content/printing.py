"""hospital.yaml's `print:` (what the hospital has agreed with its print shop) and a leaflet's own
`order:` (its copies, where they differ from the hospital's default):

    print:
      colour: FOGRA39            # the colour condition agreed with the shop, or "shop's standard"
      binding: corner staple     # an A4 leaflet of more than 2 pages: corner staple, two side staples, none
      pack: 50                   # the shop sells in packs of 50: orders are rounded up to whole packs
      A4:          {paper: Silk, weight: 130 gsm, finish: silk, quantity: 200}
      A5-booklet:  {paper: Silk, weight: 150 gsm, finish: silk, quantity: 200}
      large-print: {paper: Bond, weight: 100 gsm, finish: uncoated, quantity: 20}

    order: {A4: 500, large-print: 0}   # in leaflet.yaml: this leaflet's copies of each language
"""

from __future__ import annotations

import re

from yaml.nodes import Node, ScalarNode

from leaflet.content.model import PRINT_PRODUCTS, Paper, PrintSettings, ProductSettings
from leaflet.content.reader import NodeReader, join

# Named colour conditions a shop may print to (FOGRA's for offset in Europe and Asia, GRACoL and
# SWOP for North America), or whatever the shop calls its own.
COLOUR_CONDITIONS = ("FOGRA39", "FOGRA51", "FOGRA52", "FOGRA47", "FOGRA29", "GRACoL2013", "SWOP2013",
                     "shop's standard")
BINDINGS = ("corner staple", "two side staples", "none")
FINISHES = ("matt", "silk", "gloss", "uncoated")
WEIGHTS = (60, 350)  # gsm: from thin office paper to light card
MAX_QUANTITY = 100_000
_WEIGHT = re.compile(r"(\d+) ?gsm")


def read_print(reader: NodeReader, node: Node) -> PrintSettings | None:
    keys = reader.mapping(node, "print", ("colour", "binding", "pack"), PRINT_PRODUCTS)
    if keys is None or not {"colour", "binding", "pack"} <= set(keys):
        return None
    colour = reader.choice(keys["colour"], "print.colour", COLOUR_CONDITIONS)
    binding = reader.choice(keys["binding"], "print.binding", BINDINGS)
    pack = _count(reader, keys["pack"], "print.pack", least=1)
    products = {product: _product(reader, keys[product], join("print", product))
                for product in PRINT_PRODUCTS if product in keys}
    if colour is None or binding is None or pack is None or None in products.values():
        return None
    return PrintSettings(colour, binding, pack,
                         {product: settings for product, settings in products.items() if settings})


def read_order(reader: NodeReader, node: Node) -> dict[str, int] | None:
    """leaflet.yaml's `order:`: copies of each language of this leaflet, by product."""
    keys = reader.mapping(node, "order", (), PRINT_PRODUCTS)
    if keys is None:
        return None
    quantities = {product: _count(reader, value, join("order", product), least=0) for product, value in keys.items()}
    return {product: count for product, count in quantities.items() if count is not None} \
        if None not in quantities.values() else None


def _product(reader: NodeReader, node: Node, field: str) -> ProductSettings | None:
    keys = reader.mapping(node, field, ("paper", "weight", "finish", "quantity"))
    if keys is None or len(keys) < 4:
        return None
    name = reader.text(keys["paper"], join(field, "paper"))
    weight = _weight(reader, keys["weight"], join(field, "weight"))
    finish = reader.choice(keys["finish"], join(field, "finish"), FINISHES)
    quantity = _count(reader, keys["quantity"], join(field, "quantity"), least=0)
    if name is None or weight is None or finish is None or quantity is None:
        return None
    return ProductSettings(Paper(str(name), weight, str(finish)), quantity)


def _weight(reader: NodeReader, node: Node, field: str) -> int | None:
    """A paper's weight written with its unit, e.g. `130 gsm` (grams per square metre)."""
    value = node.value if isinstance(node, ScalarNode) and node.tag.endswith(":int") else reader.text(node, field)
    found = _WEIGHT.fullmatch(value) if value is not None else None
    if value is not None and (found is None or not WEIGHTS[0] <= int(found[1]) <= WEIGHTS[1]):
        reader.error(node, field, f"`{value}` is not a paper weight",
                     f"expected grams per square metre with the unit, {WEIGHTS[0]} to {WEIGHTS[1]}, e.g. 130 gsm")
        return None
    return int(found[1]) if found else None


def _count(reader: NodeReader, node: Node, field: str, least: int) -> int | None:
    """A whole number of copies, `least` or more (a quantity of 0: not ordered)."""
    value = reader.integer(node, field)
    if value is not None and not least <= value <= MAX_QUANTITY:
        reader.error(node, field, f"`{value}`", f"expected a whole number from {least} to {MAX_QUANTITY:,}")
        return None
    return value
