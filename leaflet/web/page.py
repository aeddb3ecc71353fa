"""The desk page as HTML: every leaflet as a card with its choices; words escaped, nothing from other hosts."""

from __future__ import annotations

import json
from html import escape

from leaflet.outputs import BILINGUAL
from leaflet.text.locale import language_name, locale_for, long_date
from leaflet.web.frame import framed
from leaflet.web.search import search_text
from leaflet.web.service import MAX_COPIES, SIZES, Entry, Offer
from leaflet.web.words import DIRECTION, PRINT_WORDS, WORDS


def render_page(entries: list[Entry], interface: str) -> str:
    words = WORDS[interface]
    other = "en" if interface == "ur" else "ur"
    headed = any(entry.department for entry in entries)  # a catalogue without departments: one list, no heading
    groups = "\n".join(_group(name if headed else "", members, words, interface)
                       for name, members in _by_department(entries, interface))
    main = f"""  <label class="search">{escape(words["search"])}
    <input id="search" type="search" autocomplete="off" autofocus>
  </label>
  <p class="hint">{escape(words["hint"])}</p>
  <p id="none" hidden>{escape(words["none"])}</p>
  <div id="leaflets">
{groups}
  </div>"""
    return framed(interface, words["title"], (f"/report?lang={interface}", words["report"]), f"/?lang={other}",
                  main + "\n" + _script_words(words), scripts=("/static/desk.js", "/static/print.js"))


def _script_words(words: dict[str, str]) -> str:
    """The words print.js says, in the page's language: data for the script, never run as one."""
    said = json.dumps({key: words[key] for key in PRINT_WORDS}, ensure_ascii=False).replace("</", "<\\/")
    return f'  <script type="application/json" id="print-words">{said}</script>'



def _by_department(entries: list[Entry], interface: str) -> list[tuple[str, list[Entry]]]:
    """The leaflets under their department's name, departments in the hospital's order; those
    without one (or whose files have a problem) last, under "Other leaflets"."""
    groups: dict[tuple[bool, int, str], list[Entry]] = {}
    for entry in entries:
        department = entry.department
        key = (False, department.order, department.id) if department else (True, 0, "")
        groups.setdefault(key, []).append(entry)
    return [(_department_name(members, interface), members) for _, members in sorted(groups.items())]


def _department_name(members: list[Entry], interface: str) -> str:
    """In the page's language; where no leaflet of it has that language, as one of them names it."""
    names = [entry.department.names for entry in members if entry.department]
    if not names:
        return WORDS[interface]["other"]
    return next((found[interface] for found in names if interface in found), next(iter(names[0].values())))


def _group(name: str, entries: list[Entry], words: dict[str, str], interface: str) -> str:
    cards = "\n".join(_card(entry, words, interface) for entry in entries)
    heading = f"\n    <h2>{escape(name)}</h2>" if name else ""
    return f"""  <section class="department">{heading}
    <ul class="cards">
{cards}
    </ul>
  </section>"""


def _card(entry: Entry, words: dict[str, str], interface: str) -> str:
    if not entry.offers:
        return (f'    <li class="leaflet problem" data-id="{escape(entry.id)}" '
                f'data-search="{escape(search_text([entry.id]))}">'
                f'<div><p class="titles">{escape(entry.id)}</p><p>{escape(words["problem"])}</p></div></li>')
    languages = [offer for offer in entry.offers if offer.language != BILINGUAL]
    first = sorted(languages, key=lambda offer: offer.language != interface)  # the reader's language first
    titles = "".join(_title(offer, words) for offer in first)
    search = escape(search_text([entry.id, *(text for offer in languages for text in
                                             (offer.title, offer.subtitle, *offer.headings, *offer.keywords))]))
    names = [(offer.language, words["bilingual"] if offer.language == BILINGUAL else language_name(offer.language))
             for offer in entry.offers]
    language_options = "".join(f'<option value="{code}"{" selected" if code == interface else ""}>'
                               f'{escape(name)}</option>' for code, name in names)
    cover_language = interface if interface in entry.languages else entry.languages[0]
    size_options = "".join(f'<option value="{size}">{escape(words[size])}</option>' for size in SIZES)
    return f"""    <li class="leaflet" data-id="{escape(entry.id)}" data-search="{search}">
      <img src="/covers/{escape(entry.id)}.png?lang={cover_language}" alt="" width="120" height="170" loading="lazy">
      <div>
        <ul class="titles">{titles}</ul>{_read_on_screen(entry, words)}{_notes(entry, words, interface)}
        <form class="choose" action="/leaflets/{escape(entry.id)}" method="get" target="_blank"
          data-leaflet="{escape(entry.id)}" data-confirm-above="{entry.confirm_above_pages}">
          <label>{escape(words["language"])} <select name="lang">{language_options}</select></label>
          <label>{escape(words["size"])} <select name="size">{size_options}</select></label>
          <label class="large"><input name="large" type="checkbox" value="1"> {escape(words["large"])}</label>
          <label>{escape(words["copies"])} <input name="copies" type="number" min="1" max="{MAX_COPIES}"
            value="1" required></label>
          <button type="button" class="print" hidden>{escape(words["print"])}</button>
          <button type="submit">{escape(words["open"])}</button>
          <p class="count" aria-live="polite"></p>
          <p class="how booklet-how" hidden>{escape(words["booklet how"])}</p>
        </form>
      </div>
    </li>"""


def _title(offer: Offer, words: dict[str, str]) -> str:
    """A language's title, with its draft mark and its subtitle under it, in that language."""
    draft = f' <span class="draft">{escape(words["draft"])}</span>' if offer.draft else ""
    subtitle = f'<span class="subtitle">{escape(offer.subtitle)}</span>' if offer.subtitle else ""
    return (f'<li lang="{offer.language}" dir="{DIRECTION.get(offer.language, "ltr")}">'
            f'<span class="title">{escape(offer.title)}</span>{draft}{subtitle}</li>')


def _read_on_screen(entry: Entry, words: dict[str, str]) -> str:
    """Links to the leaflet's web page in each language, to read it on screen or show a patient; each
    named for a screen reader by the title it opens, in its language (the line says what they do),
    so that none shares its name with the page's language switch."""
    links = " ".join(f'<a href="/leaflets/{escape(entry.id)}/{offer.language}.html" target="_blank" '
                     f'lang="{offer.language}" dir="{DIRECTION.get(offer.language, "ltr")}" '
                     f'aria-label="{escape(offer.title)}">'
                     f'{escape(language_name(offer.language))}</a>'
                     for offer in entry.offers if offer.language != BILINGUAL)
    return f'\n        <p class="read">{escape(words["read"])}: {links}</p>'


def _notes(entry: Entry, words: dict[str, str], interface: str) -> str:
    """For staff, quietly: a language served from an earlier edition while its files are edited; a review due."""
    notes = []
    dates = locale_for(interface, entry.region) if entry.region else interface  # as the hospital's country writes them
    held = [offer for offer in entry.offers if offer.held and offer.language != BILINGUAL]
    for offer in held:
        said = words["held"].format(version=offer.version, date=long_date(offer.published, dates))
        if len(held) < len(entry.languages):  # some languages are current: say which one is not
            said = f"{language_name(offer.language, interface)}: {said}"
        notes.append(f'<p class="note held">{escape(said)}</p>')
    if entry.review_due is not None:
        said = words["review"].format(date=long_date(entry.review_due, dates))
        notes.append(f'<p class="note review">{escape(said)}</p>')
    return "".join(f"\n        {note}" for note in notes)


