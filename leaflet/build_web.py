"""The pipeline's second renderer: content -> the web edition, written into <out>/web.

    web/index.html, web/index.<lang>.html    the catalogue, in each language it speaks
    web/<id>/<lang>.html                      each leaflet in each language published
    web/fonts/*.woff2                         the fonts the pages ask for

The folder can be copied to any web server as it is: every link in it is relative, and nothing
is loaded from another host. A leaflet is rendered again only when a file it is built from (its
content, the shared files, the fonts, this program) has changed; a page whose bytes are the same
is not written again. What each leaflet's pages were built from is kept in <out>/.web-edition.json,
outside the folder that is published.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from leaflet.content import ContentError, Leaflet
from leaflet.content.model import BrandColours
from leaflet.files import write_all_atomically
from leaflet.html import (
    Listing,
    index_languages,
    index_name,
    listing,
    page_name,
    render_catalogue,
    render_leaflet_page,
    web_font_files,
)
from leaflet.loading import load_checked
from leaflet.outputs import available_languages, input_fingerprint, leaflet_id

WEB_FOLDER = "web"
STATE_FILE = ".web-edition.json"
FONTS = Path(__file__).resolve().parents[1] / "fonts" / "web"


@dataclass
class WebResult:
    written: list[Path] = field(default_factory=list)
    unchanged: int = 0  # pages of leaflets not rendered again, or rendered to the same bytes
    removed: list[Path] = field(default_factory=list)  # pages no longer published
    left_out: list[str] = field(default_factory=list)  # leaflets not rebuilt for a problem in their files


def published_languages(leaflet: Leaflet) -> list[str]:
    """The languages whose pages go on the web: all, but a draft translation where the hospital
    hides drafts (hospital.yaml `desk: drafts: hide`)."""
    hide = leaflet.facts.desk.drafts == "hide"
    return [code for code, content in leaflet.languages.items() if not (hide and content.is_draft)]


def build_web_edition(folders: list[Path], every_folder: list[Path], out_dir: Path) -> WebResult:
    """The pages of the leaflets in `folders` and the catalogue of `every_folder`, written where changed.

    Each leaflet is loaded and checked as `build` does: ContentError (file:line:column) for one of
    `folders`; a leaflet of the catalogue not asked for that cannot be loaded keeps the pages it had
    (or has none), and is named in `left_out`. Pages no longer published (a language removed or
    hidden, a leaflet removed) are deleted."""
    web, result = out_dir / WEB_FOLDER, WebResult()
    state = _read_state(out_dir)
    before = dict(state)
    files: dict[Path, bytes] = {}
    asked = {leaflet_id(folder) for folder in folders}
    for folder in every_folder:
        identity = leaflet_id(folder)
        fingerprint = input_fingerprint(folder, available_languages(folder))
        kept = state.get(identity)
        if kept and kept["fingerprint"] == fingerprint and _pages_intact(web, kept["pages"]):
            result.unchanged += len(kept["pages"])
            continue
        try:
            leaflet = load_checked(folder)
        except ContentError as error:
            if identity in asked:
                raise
            kept_note = "its last pages are kept" if kept else "it has no web page"
            result.left_out.append(f"{folder}: not rebuilt for the web edition, {kept_note}: {error.messages[0]}")
            continue
        languages = published_languages(leaflet)
        pages = {f"{identity}/{page_name(code)}": render_leaflet_page(leaflet, code).encode() for code in languages}
        files |= {web / name: data for name, data in pages.items()}
        brand = leaflet.facts.brand
        state[identity] = {"fingerprint": fingerprint, "listing": listing(leaflet, languages).to_json(),
                           "brand": {"wordmark": str(brand.wordmark),
                                     "colours": {name: str(value) for name, value in vars(brand.colours).items()}},
                           "pages": {name: hashlib.sha256(data).hexdigest() for name, data in pages.items()}}
    present = {leaflet_id(folder) for folder in every_folder}
    published = {name for identity, kept in state.items() if identity in present for name in kept["pages"]}
    stale = {name for kept in before.values() for name in kept["pages"]} - published
    state = {identity: kept for identity, kept in state.items() if identity in present}
    catalogue = _catalogue(web, state)
    files |= catalogue
    stale |= {path.name for path in web.glob("index*.html")} - {path.name for path in catalogue}
    languages = sorted({title["language"] for kept in state.values() for title in kept["listing"]["titles"]})
    files |= {web / "fonts" / name: (FONTS / name).read_bytes() for name in web_font_files(languages)}
    changed = {path: data for path, data in files.items() if not _same(path, data)}
    result.unchanged += len(files) - len(changed)
    state_bytes = json.dumps(state, indent=1, sort_keys=True, ensure_ascii=False).encode()
    if changed or not _same(out_dir / STATE_FILE, state_bytes):
        write_all_atomically({**changed, out_dir / STATE_FILE: state_bytes})
    for name in sorted(stale):
        (web / name).unlink(missing_ok=True)
        result.removed.append(web / name)
    result.written = sorted(changed)
    return result


def _catalogue(web: Path, state: dict[str, dict]) -> dict[Path, bytes]:
    """The catalogue's pages, from what the state keeps of each leaflet (none loaded again)."""
    if not state:
        return {}
    listings = []
    for kept in state.values():
        try:
            listings.append(Listing.from_json(kept["listing"]))
        except (KeyError, TypeError):  # kept by an older version of this program, and not built since
            continue
    brand = state[min(state)]["brand"]  # the hospital's: every leaflet of a catalogue shares it
    colours = BrandColours(**brand["colours"])
    return {web / index_name(code): render_catalogue(listings, code, colours, brand["wordmark"]).encode()
            for code in index_languages(listings)}


def _pages_intact(web: Path, pages: dict[str, str]) -> bool:
    """Every page as the last build wrote it (none deleted or edited by hand since)."""
    try:
        return all(hashlib.sha256((web / name).read_bytes()).hexdigest() == digest for name, digest in pages.items())
    except OSError:
        return False


def _same(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def _read_state(out_dir: Path) -> dict[str, dict]:
    try:
        state = json.loads((out_dir / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}
