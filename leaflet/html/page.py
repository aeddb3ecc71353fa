"""One leaflet in one language as a web page: semantic HTML from the content model.

The page says what the PDF says, in the order it says it: the title and subtitle, the opening
hours, the draft notice, the sections with their blocks, the contact card, and the document
control block as the footer. Every text is escaped (leaflet.html.inline); the page loads nothing
but its own fonts, from `fonts` (a relative address in the static edition, the desk's own there).
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path

from leaflet.content.model import (
    Block,
    BulletList,
    Callout,
    ContactPanel,
    DiagramBlock,
    Leaflet,
    NumberedList,
    Paragraph,
    Picture,
    Section,
    Subheading,
    Table,
)
from leaflet.html.diagrams import DiagramContext, render_diagram
from leaflet.html.inline import inline
from leaflet.html.style import is_tall, stylesheet
from leaflet.html.words import WORDS, index_name, words_for
from leaflet.text import locale as wording


@dataclass(frozen=True)
class Links:
    """Where a page's links and fonts are: relative in the static edition, the desk's own at the desk."""

    fonts: str  # the folder of the web fonts, ending in /
    catalogue: Callable[[str], str]  # the address of the list of every leaflet, in a language it speaks


STATIC_LINKS = Links(fonts="../fonts/", catalogue=lambda language: f"../{index_name(language)}")


def page_name(language: str) -> str:
    return f"{language}.html"


def render_leaflet_page(leaflet: Leaflet, language: str, links: Links = STATIC_LINKS) -> str:
    page = _Page(leaflet, language, links)
    return page.html()


class _Page:
    def __init__(self, leaflet: Leaflet, language: str, links: Links) -> None:
        self.leaflet, self.facts, self.content = leaflet, leaflet.facts, leaflet.languages[language]
        self.language, self.links = language, links
        self.locale = wording.locale_for(language, self.facts.region)
        self.rtl = wording.text_direction(self.locale) == "rtl"
        self.diagrams = 0

    def text(self, text: str) -> str:
        return inline(text, self.rtl)

    def html(self) -> str:
        content = self.content
        direction = "rtl" if self.rtl else "ltr"
        title = f"{content.title} ({content.subtitle})" if content.subtitle else str(content.title)
        return f"""<!DOCTYPE html>
<html lang="{escape(self.language)}" dir="{direction}"{' class="tall"' if is_tall(self.language) else ""}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>{escape(title)}</title>
<meta name="description" content="{escape(content.subtitle)}">
<style>
{stylesheet(self.links.fonts, self.facts.brand.colours, self.language, list(self.leaflet.languages))}
</style>
</head>
<body>
{self._banner()}
<main id="leaflet">
{self._heading()}
{"".join(self._section(section) for section in content.sections)}
</main>
{self._footer()}
</body>
</html>
"""

    def _banner(self) -> str:
        content = self.content
        languages = [code for code in self.leaflet.languages if code != self.language]
        switch = "".join(f'<a href="{page_name(code)}" lang="{code}" hreflang="{code}">'
                         f"{escape(wording.language_name(code))}</a>" for code in languages)
        words = words_for(self.language)
        spoken = self.language if self.language in WORDS else "en"  # the catalogue's words are in English else
        catalogue = self.links.catalogue(spoken)
        marked = "" if spoken == self.language else f' lang="{spoken}" dir="ltr"'
        institute = (f'<span class="institute">{self.text(content.institute)}<br>'
                     f'<span class="kind">{self.text(content.labels.patient_information)}</span></span>')
        return f"""<header class="banner">
<p class="brand"><span class="wordmark" lang="en" dir="ltr">{escape(self.facts.brand.wordmark)}</span>
{institute}</p>
<nav class="other">{switch}<a href="{escape(catalogue)}" class="all"{marked}>{escape(words["all"])}</a></nav>
</header>"""

    def _heading(self) -> str:
        content, facts = self.content, self.facts
        parts = [f'<h1>{self.text(content.title)}</h1>']
        if content.subtitle:
            parts.append(f'<p class="subtitle">{self.text(content.subtitle)}</p>')
        if facts.opening_hours and content.labels.opening_hours:
            hours = wording.opening_hours(content.labels.opening_hours, facts.opening_hours, self.locale,
                                          content.labels.time_format)
            parts.append(f'<p class="hours">{self.text(hours)}</p>')
        if content.translation and content.is_draft:
            parts.append(f'<p class="draft" role="note">{self.text(content.translation.mark)}</p>')
        return "\n".join(parts)

    def _section(self, section: Section) -> str:
        heading = f'<h2 id="{escape(section.id)}">{self.text(section.heading)}</h2>\n' if section.heading else ""
        labelled = f' aria-labelledby="{escape(section.id)}"' if section.heading else ""
        blocks = "\n".join(self._block(block) for block in section.blocks)
        return f"<section{labelled}>\n{heading}{blocks}\n</section>\n"

    def _block(self, block: Block) -> str:
        if isinstance(block, Paragraph):
            return f"<p>{self.text(block.text)}</p>"
        if isinstance(block, Subheading):
            return f"<h3>{self.text(block.text)}</h3>"
        if isinstance(block, BulletList):
            return "<ul>" + "".join(f"<li>{self.text(item)}</li>" for item in block.items) + "</ul>"
        if isinstance(block, NumberedList):
            return self._numbered(block)
        if isinstance(block, Table):
            return self._table(block)
        if isinstance(block, Picture):
            return self._picture(block)
        if isinstance(block, Callout):
            return f'<aside class="callout"><p>{self.text(block.text)}</p></aside>'
        if isinstance(block, ContactPanel):
            return self._contacts(block)
        if isinstance(block, DiagramBlock):
            return self._diagram(block)
        raise TypeError(f"unknown block {block!r}")

    def _numbered(self, block: NumberedList) -> str:
        """An ordered list whose numbers are written as the PDF writes them (labels.list_number, in the
        language's digits): visible text, hidden from screen readers, which say each item's place."""
        pattern = self.content.labels.list_number or "{number}."
        items = "".join(f'<li><span class="number" aria-hidden="true">'
                        f'{self.text(pattern.replace("{number}", wording.number(index, self.locale)))}</span> '
                        f"{self.text(item)}</li>" for index, item in enumerate(block.numbered, start=1))
        return f'<ol class="numbered">{items}</ol>'

    def _table(self, block: Table) -> str:
        header = "".join(f'<th scope="col">{self.text(cell)}</th>' for cell in block.header)
        rows = "".join("<tr>" + f'<th scope="row">{self.text(row[0])}</th>'
                       + "".join(f"<td>{self.text(cell)}</td>" for cell in row[1:]) + "</tr>" for row in block.rows)
        return f'<div class="table"><table><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table></div>'

    def _picture(self, block: Picture) -> str:
        path = Path(block.path)
        media = "image/svg+xml" if path.suffix.lower() == ".svg" else "image/png"
        data = base64.b64encode(path.read_bytes()).decode("ascii")  # inside the page: nothing else to copy
        caption = f"<figcaption>{self.text(block.caption)}</figcaption>" if block.caption else ""
        return (f'<figure class="picture"><img src="data:{media};base64,{data}" alt="{escape(block.alt)}">'
                f"{caption}</figure>")

    def _contacts(self, block: ContactPanel) -> str:
        entries = []
        for contact in self.facts.shown_contacts():
            text = self.content.contacts[contact.id]
            lines = [f'<span class="{kind}">{self.text(value)}</span>'
                     for kind, value in (("role", text.role), ("name", text.name), ("note", text.note)) if value]
            phone = escape(contact.phone)
            lines.append(f'<a class="phone" href="{escape(self.facts.tel(contact))}" dir="ltr">{phone}</a>')
            entries.append(f'<li class="contact {contact.emphasis}">{"".join(lines)}</li>')
        website = self.facts.brand.website
        shown = website.removeprefix("https://").rstrip("/")
        return (f'<section class="contacts" aria-label="{escape(block.heading)}">\n'
                f'<h3>{self.text(block.heading)}</h3>\n<ul>{"".join(entries)}</ul>\n'
                f'<p class="website"><a href="{escape(website)}" dir="ltr">{escape(shown)}</a></p>\n</section>')

    def _diagram(self, block: DiagramBlock) -> str:
        self.diagrams += 1
        context = DiagramContext(f"d{self.diagrams}", self.content.diagrams[block.kind], self.locale, self.rtl,
                                 self.facts.brand.colours.named())
        return render_diagram(self.facts.diagrams[block.kind], context)

    def _footer(self) -> str:
        labels, control, content = self.content.document_control, self.facts.document_control, self.content

        def date(day) -> str:
            return self.text(wording.long_date(day, self.locale, content.labels.date_format))

        pairs = [(labels.published_by, self.text(content.institute)),
                 (labels.code, f'<span dir="ltr">{escape(control.code)}</span>'),
                 (labels.version, self.text(control.version)),
                 (labels.published, date(control.published)),
                 (labels.last_reviewed, date(control.last_reviewed)),
                 (labels.next_review, date(control.next_review)),
                 (labels.sources, "<br>".join(self.text(source) for source in control.sources))]
        if content.translation:
            pairs.append((content.translation.label, self.text(content.translation.mark)))
        rows = "".join(f'<div><dt>{self.text(label)}</dt><dd>{value}</dd></div>' for label, value in pairs)
        return f"""<footer class="control">
<h2>{self.text(labels.heading)}</h2>
<dl>{rows}</dl>
<p>{self.text(labels.feedback)}</p>
</footer>"""
