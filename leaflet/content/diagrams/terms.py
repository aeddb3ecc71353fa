"""`terms`: short words shown as rounded chips that wrap like text, after an optional lead-in.

    - terms: things         # a label that is a list of short texts
      lead: bring           # optional: a label shown before them
"""

from __future__ import annotations

from dataclasses import dataclass

from yaml.nodes import Node

from leaflet.content.diagrams.common import Context, label_key
from leaflet.content.model import LabelShape
from leaflet.content.reader import NodeReader, join

KIND = "terms"
OPTIONS = ("lead",)


@dataclass(frozen=True)
class TermsPanel:
    terms: str
    lead: str | None

    def labels(self) -> dict[str, LabelShape]:
        return {**({self.lead: "text"} if self.lead else {}), self.terms: "list"}


def read(reader: NodeReader, keys: dict[str, Node], field: str, context: Context) -> TermsPanel | None:
    terms = label_key(reader, keys[KIND], join(field, KIND))
    lead = label_key(reader, keys["lead"], join(field, "lead")) if "lead" in keys else None
    if terms is None or ("lead" in keys and lead is None):
        return None
    return TermsPanel(terms, lead)
