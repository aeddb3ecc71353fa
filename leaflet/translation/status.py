"""The translation status report: missing, orphan, untranslated, stale, slipped and uncovered items.

Items are the reader-visible texts of a language file, keyed by a path that names sections
by id (`sections.on-the-day.blocks[2].text`), so inserting a block in one section does not
shift the items of every other section.

A translated item is stale when the English it was made from has changed since a reviewer
last marked the language reviewed (`check --mark-reviewed LANG`). The fingerprints of the
English at that moment live beside the language file, in `<lang>.reviewed.yaml`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from leaflet.content.model import LanguageContent, Leaflet, Location, Text
from leaflet.text import uncovered_characters

SOURCE_LANGUAGE = "en"
# Keyboard slips in Urdu: Arabic letters where Urdu ones belong, and pasted presentation forms.
_URDU_LOOKALIKES = {"ي": "ی", "ك": "ک", "ه": "ہ", "ة": "ۃ"}
_PRESENTATION_FORM = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
_SPACE_BEFORE_PUNCTUATION = re.compile(" [۔،؟]")
_LATIN_STOP_AFTER_URDU = re.compile("[\u0600-\u06ff]\\.(?!\\d)")
_ENGLISH_WORD = re.compile(r"[a-z]{3,}")


def items(content: LanguageContent) -> dict[str, Text]:
    """Every reader-visible text of a language, by a path that names sections by id."""
    found: dict[str, Text] = {}
    for path, text in content.texts():
        match = re.match(r"sections\[(\d+)\](.*)", path)
        if match:
            path = f"sections.{content.sections[int(match[1])].id}{match[2]}"
        found[path] = text
    return found


def fingerprint(text: str) -> str:
    """A short fingerprint of an English text, to notice later changes to it."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:10]


def reviewed_file(content: LanguageContent) -> Path:
    return Path(content.source).with_suffix(".reviewed.yaml")


def mark_reviewed(leaflet: Leaflet, language: str) -> Path:
    """Record the English each translated item now stands for; returns the file written."""
    source = items(leaflet.languages[SOURCE_LANGUAGE])
    translated = items(leaflet.languages[language])
    prints = {key: fingerprint(source[key]) for key in sorted(translated) if key in source}
    path = reviewed_file(leaflet.languages[language])
    header = (f"# Fingerprints of the English each {language} item was translated from, written by\n"
              f"# `make_leaflet.py check --mark-reviewed {language}`. Do not edit by hand.\n")
    path.write_text(header + yaml.safe_dump(prints, allow_unicode=True, sort_keys=True), encoding="utf-8")
    return path


@dataclass
class LanguageStatus:
    language: str
    items: int = 0
    findings: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        ("missing", "stale", "orphan", "untranslated", "slips", "uncovered"), 0))

    def add(self, kind: str, where: Location | str, path: str, problem: str, expected: str) -> None:
        self.counts[kind] += 1
        self.findings.append(f"{where}: {path}: {problem}; {expected}")

    @property
    def clean(self) -> bool:
        return not self.findings

    def summary(self) -> str:
        counts = self.counts
        return (f"{self.language}: {self.items} items, {counts['missing']} missing, {counts['stale']} stale, "
                f"{counts['orphan']} orphan, {counts['untranslated']} untranslated, {counts['slips']} slips, "
                f"{counts['uncovered']} uncovered")


def translation_status(leaflet: Leaflet, language: str) -> LanguageStatus:
    content = leaflet.languages[language]
    compared = language != SOURCE_LANGUAGE and SOURCE_LANGUAGE in leaflet.languages
    source = items(leaflet.languages[SOURCE_LANGUAGE]) if compared else {}
    translated = items(content)
    status = LanguageStatus(language, items=len(translated))
    if compared:
        _compare(status, content, source, translated, _read_fingerprints(content))
    for path, text in translated.items():
        _check_text(status, language, path, text)
    return status


def _read_fingerprints(content: LanguageContent) -> dict[str, str]:
    path = reviewed_file(content)
    if not path.exists():
        return {}
    loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(key): str(value) for key, value in loaded.items()} if isinstance(loaded, dict) else {}


def _compare(status: LanguageStatus, content: LanguageContent, source: dict[str, Text],
             translated: dict[str, Text], prints: dict[str, str]) -> None:
    for path, english in source.items():
        if path not in translated:
            status.add("missing", _nearest_place(content, path), path, "missing",
                       f"expected a translation of “{english[:60]}” ({english.location})")
        elif path in prints and prints[path] != fingerprint(english):
            status.add("stale", translated[path].location, path, "the English changed after this was translated",
                       f"expected it checked against the English at {english.location}, then "
                       f"`check --mark-reviewed {content.language}`")
        elif translated[path] == english and _looks_english(path, english):
            status.add("untranslated", translated[path].location, path, "same as the English",
                       "expected a translation (names, numbers and abbreviations may stay)")
    for path, text in translated.items():
        if path not in source and not path.startswith("translation."):
            status.add("orphan", text.location, path, "not in the English", "expected only items the English has")


def _looks_english(path: str, text: str) -> bool:
    return not path.endswith(".name") and bool(_ENGLISH_WORD.search(text))


def _nearest_place(content: LanguageContent, path: str) -> Location | str:
    """Where in the translation a missing item belongs: its section (heading or first text), else the file."""
    match = re.match(r"sections\.([\w-]+)", path)
    if match:
        for found, text in items(content).items():
            if found.startswith(f"sections.{match[1]}.") or found.startswith(f"sections.{match[1]}["):
                return text.location
    return f"{content.source}:1:1"


def _check_text(status: LanguageStatus, language: str, path: str, text: Text) -> None:
    if language == "ur":
        for wrong, right in _URDU_LOOKALIKES.items():
            if wrong in text:
                status.add("slips", text.location, path, f"Arabic `{wrong}` (U+{ord(wrong):04X})",
                           f"expected the Urdu `{right}` (U+{ord(right):04X})")
        if _PRESENTATION_FORM.search(text):
            char = _PRESENTATION_FORM.search(text).group()
            status.add("slips", text.location, path, f"presentation form U+{ord(char):04X} pasted in",
                       "expected plain Urdu letters")
        if _SPACE_BEFORE_PUNCTUATION.search(text):
            status.add("slips", text.location, path, "a space before ۔ ، or ؟",
                       "expected the mark right after the word")
        if _LATIN_STOP_AFTER_URDU.search(text):
            status.add("slips", text.location, path, "a Latin full stop after Urdu", "expected ۔")
    for _index, char in uncovered_characters(text, language):
        status.add("uncovered", text.location, path, f"no configured font has `{char}` (U+{ord(char):04X})",
                   f"expected characters the fonts for `{language}` cover (fonts/fonts.yaml)")
