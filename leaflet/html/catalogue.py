"""The web edition's catalogue: every leaflet under its department, each language a link to its page.

What a page of the catalogue shows of a leaflet is kept as plain data (`Listing`), so that a
rebuild with one leaflet changed lists the others without loading them again.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from html import escape

from leaflet.content.model import BrandColours, Leaflet
from leaflet.html.inline import inline, plain
from leaflet.html.page import page_name
from leaflet.html.style import is_tall, stylesheet
from leaflet.html.words import WORDS, index_name, words_for
from leaflet.text.locale import language_name, locale_for, text_direction


@dataclass(frozen=True)
class Title:
    language: str
    title: str
    subtitle: str
    draft: bool


@dataclass(frozen=True)
class Listing:
    """One leaflet as the catalogue lists it."""

    id: str
    department: str | None
    department_order: int  # its place in the hospital's list of departments
    department_names: dict[str, str]  # by language
    titles: tuple[Title, ...]  # the languages published, English first
    institute: dict[str, str]  # the hospital's name, by language

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> Listing:
        return cls(data["id"], data["department"], data["department_order"], data["department_names"],
                   tuple(Title(**title) for title in data["titles"]), data["institute"])


def listing(leaflet: Leaflet, languages: list[str]) -> Listing:
    facts = leaflet.facts
    department = facts.department
    order = facts.departments.index(department) if department in facts.departments else len(facts.departments)
    names = {code: str(content.departments[department]) for code, content in leaflet.languages.items()
             if department and department in content.departments}
    titles = tuple(Title(code, plain(leaflet.languages[code].title), plain(leaflet.languages[code].subtitle),
                         leaflet.languages[code].is_draft) for code in languages)
    institute = {code: plain(content.institute) for code, content in leaflet.languages.items()}
    return Listing(str(facts.id), str(department) if department else None, order, names, titles, institute)


def index_languages(listings: list[Listing]) -> list[str]:
    """The languages the catalogue is written in: those of its words that some leaflet has, English always."""
    present = {title.language for entry in listings for title in entry.titles}
    return [code for code in WORDS if code == "en" or code in present]


def render_catalogue(listings: list[Listing], language: str, colours: BrandColours, wordmark: str) -> str:
    words = words_for(language)
    rtl = text_direction(language) == "rtl"
    others = [code for code in index_languages(listings) if code != language]
    switch = "".join(f'<a href="{index_name(code)}" lang="{code}" hreflang="{code}">{escape(language_name(code))}</a>'
                     for code in others)
    groups = "\n".join(_group(name, members, language) for name, members in _by_department(listings, language))
    return f"""<!DOCTYPE html>
<html lang="{language}" dir="{"rtl" if rtl else "ltr"}"{' class="tall"' if is_tall(language) else ""}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>{escape(words["catalogue"])}</title>
<style>
{stylesheet("fonts/", colours, language, sorted({t.language for entry in listings for t in entry.titles}))}
</style>
</head>
<body>
<header class="banner">
<p class="brand"><span class="wordmark" lang="en" dir="ltr">{escape(wordmark)}</span>
<span class="institute">{inline(_institute(listings, language), rtl)}</span></p>
<nav class="other">{switch}</nav>
</header>
<main class="catalogue">
<h1>{inline(words["catalogue"], rtl)}</h1>
<p>{inline(words["intro"], rtl)}</p>
{groups}
</main>
</body>
</html>
"""


def _institute(listings: list[Listing], language: str) -> str:
    """The hospital's name in the page's language, as its leaflets write it (in English where none is in it)."""
    names = [entry.institute for entry in listings]
    return next((found[language] for found in names if language in found),
                next((found["en"] for found in names if "en" in found), ""))


def _by_department(listings: list[Listing], language: str) -> list[tuple[str, list[Listing]]]:
    """Leaflets under their department's name in the page's language, in the hospital's order;
    those without one last. A catalogue without departments is one list under no heading."""
    if not any(entry.department for entry in listings):
        return [("", sorted(listings, key=lambda entry: entry.id))]
    groups: dict[tuple[bool, int, str], list[Listing]] = {}
    for entry in sorted(listings, key=lambda entry: entry.id):
        key = (entry.department is None, entry.department_order, entry.department or "")
        groups.setdefault(key, []).append(entry)
    return [(_department_name(members, language), members) for _, members in sorted(groups.items())]


def _department_name(members: list[Listing], language: str) -> str:
    named = [entry.department_names for entry in members if entry.department]
    if not named:
        return words_for(language)["other"]
    return next((names[language] for names in named if language in names),
                next((name for names in named for name in names.values()), members[0].department or ""))


def _group(name: str, members: list[Listing], language: str) -> str:
    heading = f"<h2>{inline(name, text_direction(language) == 'rtl')}</h2>\n" if name else ""
    items = "\n".join(_entry(entry, language) for entry in members)
    return f'<section class="department">\n{heading}<ul class="leaflets">\n{items}\n</ul>\n</section>'


def _entry(entry: Listing, language: str) -> str:
    """A leaflet: its title in each language (the page's first), each a link to its page."""
    words = words_for(language)
    titles = sorted(entry.titles, key=lambda title: title.language != language)
    links = []
    for title in titles:
        rtl = text_direction(locale_for(title.language, "")) == "rtl"
        draft = f' <span class="draft-tag" lang="{language}">{escape(words["draft"])}</span>' if title.draft else ""
        subtitle = f'<span class="listed-subtitle">{inline(title.subtitle, rtl)}</span>' if title.subtitle else ""
        links.append(f'<li lang="{title.language}" dir="{"rtl" if rtl else "ltr"}">'
                     f'<a href="{escape(entry.id)}/{page_name(title.language)}">{inline(title.title, rtl)}</a>'
                     f"{draft}{subtitle}</li>")
    return f'<li class="listed"><ul class="titles">{"".join(links)}</ul></li>'
