"""Short words as rounded chips that wrap like text in reading order, after an optional lead-in."""

from __future__ import annotations

from leaflet.content.diagrams import TermsPanel
from leaflet.html.diagrams import DiagramContext
from leaflet.html.inline import inline


def render(panel: TermsPanel, context: DiagramContext) -> str:
    lead = f'<p class="d-terms-lead">{context.text(panel.lead)}</p>' if panel.lead else ""
    chips = "".join(f'<li class="d-chip">{inline(term, context.rtl)}</li>' for term in context.labels[panel.terms])
    return f'<div class="d-terms">{lead}<ul class="d-chips">{chips}</ul></div>'
