"""Gettext PO files for translators' tools (Poedit, Lokalize, Weblate), written and read with babel.

Each message is one item: msgctxt its path (`sections.on-the-day.blocks[2].text`), msgid the
English, msgstr the translation. A stale item (its English changed since it was reviewed) is
exported `#, fuzzy` with the English it was translated from as `#| msgid`, as gettext's own
tools do. Importing writes changed translations back into the YAML with ruamel.yaml's
round-trip mode, so order, comments and layout stay as the translator left them: an unchanged
file comes back byte for byte, and an edit changes the lines of its own item only. Fuzzy
entries are not imported unless asked, and then stay marked stale.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import normalize, read_po, write_po
from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString

from leaflet.content.model import Leaflet
from leaflet.outputs import is_catalogue, leaflet_folders
from leaflet.text.locale import language_name
from leaflet.translation.status import (
    FUZZY,
    SOURCE_LANGUAGE,
    Review,
    fingerprint,
    items,
    read_reviews,
    reviewed_file,
    write_reviews,
)

_TOKEN = re.compile(r"\.?([\w-]+)|\[(\d+)\]")
_BLOCK_TEXT_KEYS = ("paragraph", "heading", "callout", "contacts")


def export_po(leaflet: Leaflet, language: str) -> bytes:
    source = items(leaflet.languages[SOURCE_LANGUAGE])
    translated = items(leaflet.languages[language])
    reviews = read_reviews(reviewed_file(leaflet.languages[language]))
    catalog = _catalog(leaflet, language)
    previous: dict[str, str] = {}  # path -> the English a stale translation was made from
    for path, english in source.items():
        message = catalog.add(str(english), string=str(translated.get(path, "")), context=path,
                              locations=[(english.location.path, english.location.line)])
        message.flags.discard("python-format")  # "70-80% of" is text, not a format string
        review = reviews.get(path)
        if path in translated and review is not None and review.fingerprint != fingerprint(english):
            message.flags.add("fuzzy")
            if review.english:
                previous[path] = review.english
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=_WIDTH, sort_output=False)
    return _with_previous(buffer.getvalue(), previous)


_WIDTH = 100


def _catalog(leaflet: Leaflet, language: str) -> Catalog:
    """An empty catalogue whose header holds the leaflet's own facts where babel would write its
    template's placeholders (FIRST AUTHOR, EMAIL@ADDRESS, ORGANIZATION, LL@li.org), which
    `msgfmt --check` warns of. The translator is not known: the institute publishing the leaflet
    stands as the last translator until a PO tool writes the translator's own name there."""
    control, website = leaflet.facts.document_control, leaflet.facts.brand.website
    institute = leaflet.languages[SOURCE_LANGUAGE].institute
    published = dt.datetime.combine(control.published, dt.time(), dt.UTC)
    name = language_name(language, SOURCE_LANGUAGE)
    return Catalog(
        locale=language, project=leaflet.facts.id, version=control.version, creation_date=published,
        revision_date=published, fuzzy=False, msgid_bugs_address=website, last_translator=f"{institute} <{website}>",
        language_team=f"{name} <{website}>", copyright_holder=str(institute),
        header_comment=f"# {name} translation of the leaflet {leaflet.facts.id} ({control.code}, version "
                       f"{control.version}).\n# Copyright (C) {published.year} {institute}\n#")


def _with_previous(po: bytes, previous: dict[str, str]) -> bytes:
    """The PO with `#| msgid` lines (the English before it changed) above each stale message, as
    msgmerge writes them. (babel's own writer breaks such lines where it wraps them.)"""
    text = po.decode("utf-8")
    for path, english in previous.items():
        context = f"msgctxt {normalize(path, width=_WIDTH)}\n"
        lines = normalize(english, width=_WIDTH).splitlines()
        old = "".join(f"#| {'msgid ' if index == 0 else ''}{line}\n" for index, line in enumerate(lines))
        text = text.replace(context, old + context, 1)
    return text.encode("utf-8")


@dataclass(frozen=True)
class Imported:
    files: list[Path]  # the language files read: the leaflet's, then the catalogue's shared one
    written: list[Path]  # those an item changed in, rewritten; the others are left as they were
    changed: int  # items written
    skipped: list[str]  # paths with no place in the YAML
    fuzzy_skipped: int  # fuzzy entries left out
    fuzzy_imported: int  # fuzzy entries written, recorded as not yet checked


def _yaml() -> YAML:
    yaml = YAML(typ="rt")  # round trip: comments, order and quoting survive
    yaml.width = 4096  # never re-fold lines the translator wrote
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def import_po(po: bytes, content_dir: Path, include_fuzzy: bool = False) -> Imported:
    """Write the PO's translations into <lang>.yaml.

    In a catalogue, an item the leaflet's file does not hold goes to the catalogue's shared
    <lang>.yaml, where it was written. Files nothing changed in are not rewritten. Fuzzy entries
    are left out, or with `include_fuzzy` written and recorded in <lang>.reviewed.yaml as not
    yet checked, so `check` reports them stale.
    """
    catalog = read_po(io.BytesIO(po))
    language = str(catalog.locale)
    if is_catalogue(content_dir):  # the leaflet the file was exported from, named in its header
        folders = {folder.name: folder for folder in leaflet_folders(content_dir)}
        if catalog.project not in folders:
            raise ValueError(f"its header names leaflet `{catalog.project}`, which {content_dir} does not have")
        content_dir = folders[catalog.project]
    paths = [content_dir / f"{language}.yaml"]
    if is_catalogue(content_dir.parent):
        paths.append(content_dir.parent / f"{language}.yaml")
    yaml = _yaml()
    documents = [yaml.load(path.read_text(encoding="utf-8")) for path in paths]
    edited: set[int] = set()
    changed, skipped, fuzzy_skipped, fuzzy = 0, [], 0, []
    for message in catalog:
        if not message.id or not message.context or not message.string:
            continue
        if message.fuzzy and not include_fuzzy:
            fuzzy_skipped += 1
            continue
        found = next(((index, place) for index, document in enumerate(documents)
                      if (place := _locate(document, message.context)) is not None), None)
        if found is None:
            skipped.append(message.context)
            continue
        index, (container, key) = found
        old = container[key]
        if " ".join(str(old).split()) == " ".join(message.string.split()):
            continue
        container[key] = _like(old, message.string)
        edited.add(index)
        changed += 1
        if message.fuzzy:
            fuzzy.append(message.context)
    for index in sorted(edited):
        buffer = io.StringIO()
        yaml.dump(documents[index], buffer)
        paths[index].write_text(buffer.getvalue(), encoding="utf-8")
    if fuzzy:
        reviewed = content_dir / f"{language}.reviewed.yaml"
        reviews = read_reviews(reviewed)
        for path in fuzzy:
            reviews[path] = Review(FUZZY, reviews[path].english if path in reviews else None)
        write_reviews(reviewed, language, reviews)
    return Imported(paths, [paths[index] for index in sorted(edited)], changed, skipped, fuzzy_skipped, len(fuzzy))


def _like(old: object, text: str) -> str:
    """The new text in the style the old one was written in: a folded paragraph stays folded,
    at the width its lines had."""
    if isinstance(old, FoldedScalarString):
        folds = [0, *getattr(old, "fold_pos", []), len(old)]
        width = max((end - start for start, end in itertools.pairwise(folds)), default=0)
        new = FoldedScalarString(text)
        new.fold_pos = _folds(text, max(width, 60))
        return new
    if isinstance(old, DoubleQuotedScalarString):
        return DoubleQuotedScalarString(text)
    return text


def _folds(text: str, width: int) -> list[int]:
    """Where to fold a text into lines of at most `width` characters: at spaces, as ruamel counts."""
    folds, line_start, last_space = [], 0, None
    for index, char in enumerate(text):
        if char == " ":
            if index - line_start > width and last_space is not None:
                folds.append(last_space)
                line_start = last_space + 1
            last_space = index
    if len(text) - line_start > width and last_space is not None and last_space > line_start:
        folds.append(last_space)
    return folds


def _locate(document, path: str) -> tuple[object, object] | None:
    """(container, key) in the YAML of the item a path names, or None where it has no place yet."""
    tokens = [name if name else int(index) for name, index in _TOKEN.findall(path)]
    node = document
    try:
        if tokens[0] == "sections":
            node = next(s for s in document["sections"] if s["id"] == tokens[1])
            tokens = tokens[2:]
        for position, token in enumerate(tokens):
            last = position == len(tokens) - 1
            if token == "text" and isinstance(node, dict):  # a block's text under its kind
                token = next(k for k in _BLOCK_TEXT_KEYS if k in node)
            elif token == "heading" and isinstance(node, dict) and "contacts" in node:
                token = "contacts"
            elif token == "items" and isinstance(node, dict):
                token = "bullets"
            elif token in ("header", "rows") and isinstance(node, dict) and "table" in node:
                node = node["table"]
            elif token in ("alt", "caption") and isinstance(node, dict) and "image" in node:
                node = node["image"]
            if last:
                node[token]
                return node, token
            node = node[token]
    except (KeyError, IndexError, StopIteration, TypeError):
        return None
    return None
