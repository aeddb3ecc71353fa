"""Content text as HTML: escaped, `**bold**` as <strong>, and inside right-to-left text each
left-to-right island in an element of its own direction.

A browser's bidi algorithm (UAX #9) would show «042 111 117 554» inside Urdu as four numbers
in right-to-left order, and «2–3» as «3–2»: the islands the PDF keeps together
(leaflet.text.bidi.ltr_islands) are isolated here too, as `dir="ltr"` spans (HTML gives an
element with `dir` `unicode-bidi: isolate`). An island with letters is a term in another
language, marked `lang="en"` so that a screen reader says it in English, as the PDF's /Lang does.
"""

from __future__ import annotations

from html import escape

from leaflet.text.bidi import latin_islands, ltr_islands
from leaflet.text.markup import parse_inline

LATIN_TERMS_LANGUAGE = "en"  # the language of Latin terms in right-to-left text (CT, MRI, PKLI)


def inline(text: str, rtl: bool) -> str:
    """`text` (with its `**bold**` marks) as HTML for a page whose direction `rtl` says."""
    parts = []
    for run in parse_inline(text):
        shown = islands_marked(run.text) if rtl else escape(run.text, quote=False)
        parts.append(f"<strong>{shown}</strong>" if run.bold else shown)
    return "".join(parts)


def plain(text: str) -> str:
    """`text` as readers see it: the `**` marks taken out."""
    return "".join(run.text for run in parse_inline(text))


def islands_marked(text: str) -> str:
    """Right-to-left text escaped, each left-to-right island in a `dir="ltr"` span of its own."""
    terms = set(latin_islands(text))
    parts, done = [], 0
    for start, end in ltr_islands(text):
        parts.append(escape(text[done:start], quote=False))
        language = f' lang="{LATIN_TERMS_LANGUAGE}"' if (start, end) in terms else ""
        parts.append(f'<span dir="ltr"{language}>{escape(text[start:end], quote=False)}</span>')
        done = end
    parts.append(escape(text[done:], quote=False))
    return "".join(parts)
