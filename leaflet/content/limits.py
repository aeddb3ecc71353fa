"""Sizes no real leaflet reaches, checked before text is shaped, so bad input fails fast and small.

A leaflet's language file is about 40 KB; its longest paragraph under 1,000 characters.
"""

from __future__ import annotations

MAX_FILE_BYTES = 512 * 1024
MAX_SECTIONS = 60
MAX_BLOCKS = 120  # in one section
MAX_ITEMS = 60  # in one list, and contacts in leaflet.yaml

# Characters in one text, by what it is. A call-out or a label is never split across pages,
# so it must fit on one page even in Urdu on A5; paragraphs and list items split between lines.
MAX_CHARACTERS = {
    "paragraph": 6000,
    "bullet": 3000,
    "callout": 700,
    "line": 160,  # headings, labels, contact names: one or two lines
    "title": 100,  # the leaflet's title and subtitle, set large on the first page
    "marker": 16,  # how a numbered list's number is written, e.g. "Step {number}:"
}
DEFAULT_KIND = "line"
