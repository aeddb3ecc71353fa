"""What a leaflet still lacks though it builds: texts left from `new`'s template, and diagrams
that leaflet.yaml declares but no section shows.

A new leaflet builds at once so that its editor sees a PDF; these findings are the list of what
is left to fill in. `check` reports each one (exit 1) and `build` lists them as warnings.
"""

from __future__ import annotations

import re

from leaflet.content.model import DiagramBlock, Leaflet, LeafletFacts, Text
from leaflet.errors import one_line
from leaflet.outputs import FACTS_FILE

# The form the template (leaflet/scaffold/) gives every text that is there to be replaced: words in
# square brackets, e.g. `[A point in a list]`. A number alone in brackets (`[1]`) is not one.
PLACEHOLDER = re.compile(r"\[[^\[\]]*[^\W\d_][^\[\]]*\]")


def placeholders(leaflet: Leaflet) -> list[str]:
    """Each text in [square brackets], at its line and column, in leaflet.yaml and each language file."""
    texts = [*_facts_texts(leaflet.facts),
             *(pair for content in leaflet.languages.values() for pair in content.texts())]
    return [one_line(f"{text.at(match.start())}: {path}: placeholder `{match.group()}` left in; "
                     "expected the leaflet's own words in its place")
            for path, text in texts for match in PLACEHOLDER.finditer(text)]


def unused_diagrams(leaflet: Leaflet) -> list[str]:
    """Each diagram leaflet.yaml declares that no `- diagram:` block of a language file shows."""
    shown = {block.kind for content in leaflet.languages.values() for section in content.sections
             for block in section.blocks if isinstance(block, DiagramBlock)}
    return [f"{spec.id.location}: diagrams.{diagram_id}: declared, but no section shows it; expected "
            f"`- diagram: {diagram_id}` in a section, or the diagram taken out of {FACTS_FILE}"
            for diagram_id, spec in leaflet.facts.diagrams.items() if diagram_id not in shown]


def _facts_texts(facts: LeafletFacts) -> list[tuple[str, Text]]:
    """The texts of leaflet.yaml that its pages show, with their field paths."""
    control = facts.document_control
    return [("document_control.code", control.code),
            *((f"document_control.sources[{index}]", source) for index, source in enumerate(control.sources))]
