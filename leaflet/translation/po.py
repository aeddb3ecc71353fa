"""Gettext PO files for translators' tools (Poedit, Weblate), written and read with babel.

Each message is one item: msgctxt its path (`sections.on-the-day.blocks[2].text`), msgid the
English, msgstr the translation. Importing writes changed translations back into the YAML
with ruamel.yaml's round-trip mode, so order, comments and layout stay as the translator
left them; an unchanged file comes back byte for byte.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString

from leaflet.content.model import Leaflet
from leaflet.outputs import is_catalogue, leaflet_folders
from leaflet.translation.status import SOURCE_LANGUAGE, items

_TOKEN = re.compile(r"\.?([\w-]+)|\[(\d+)\]")
_BLOCK_TEXT_KEYS = ("paragraph", "heading", "callout", "contacts")


def export_po(leaflet: Leaflet, language: str) -> bytes:
    source = items(leaflet.languages[SOURCE_LANGUAGE])
    translated = items(leaflet.languages[language])
    published = dt.datetime.combine(leaflet.facts.document_control.published, dt.time(), dt.UTC)
    catalog = Catalog(locale=language, project=leaflet.facts.id, version=leaflet.facts.document_control.version,
                      creation_date=published, revision_date=published, fuzzy=False)
    for path, english in source.items():
        catalog.add(str(english), string=str(translated.get(path, "")), context=path,
                    locations=[(english.location.path, english.location.line)])
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=False)
    return buffer.getvalue()


def _yaml() -> YAML:
    yaml = YAML(typ="rt")  # round trip: comments, order and quoting survive
    yaml.width = 4096  # never re-fold lines the translator wrote
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def import_po(po: bytes, content_dir: Path) -> tuple[Path, int, list[str]]:
    """Write the PO's translations into <lang>.yaml; (file, items changed, paths skipped).

    In a catalogue, an item the leaflet's file does not hold goes to the catalogue's shared
    <lang>.yaml, where it was written. Files nothing changed in are not rewritten.
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
    changed, skipped = 0, []
    for message in catalog:
        if not message.id or not message.context or not message.string:
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
    for index in sorted(edited):
        buffer = io.StringIO()
        yaml.dump(documents[index], buffer)
        paths[index].write_text(buffer.getvalue(), encoding="utf-8")
    return paths[0], changed, skipped


def _like(old: object, text: str) -> str:
    """The new text in the style the old one was written in (folded paragraphs stay folded)."""
    if isinstance(old, FoldedScalarString):
        return FoldedScalarString(text)
    if isinstance(old, DoubleQuotedScalarString):
        return DoubleQuotedScalarString(text)
    return text


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
