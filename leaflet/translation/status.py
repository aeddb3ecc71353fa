"""The translation status report: missing, orphan, untranslated, stale, repeated, slipped and uncovered items.

Items are the reader-visible texts of a language file, keyed by a path that names sections
by id (`sections.on-the-day.blocks[2].text`), so inserting a block in one section does not
shift the items of every other section.

A translated item is stale when the English it was made from has changed since a reviewer
last marked the language reviewed (`check --mark-reviewed LANG`). The English at that moment
(its text and a fingerprint of it) lives beside the language file, in `<lang>.reviewed.yaml`;
a translation imported from a PO file as fuzzy is recorded there as not yet checked.
"""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from babel import Locale

from leaflet.content.model import LanguageContent, Leaflet, Location, Text
from leaflet.text import uncovered_characters
from leaflet.text.locale import locale_for

SOURCE_LANGUAGE = "en"
# Keyboard slips in Urdu: Arabic letters where Urdu ones belong, and pasted presentation forms.
_URDU_LOOKALIKES = {"ي": "ی", "ك": "ک", "ه": "ہ", "ة": "ۃ"}
_PRESENTATION_FORM = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
_SPACE_BEFORE_PUNCTUATION = re.compile(" [۔،؟]")
_LATIN_STOP_AFTER_URDU = re.compile("[\u0600-\u06ff]\\.(?!\\d)")
_ENGLISH_WORD = re.compile(r"[a-z]{3,}")
# A number written in Eastern digits (Urdu ۰–۹, Arabic ٠–٩), with the separators between them.
_EASTERN_NUMBER = re.compile("[\u0660-\u0669\u06f0-\u06f9]+(?:[\u066b\u066c/:.-][\u0660-\u0669\u06f0-\u06f9]+)*")
_WESTERN = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹\u066b\u066c", "01234567890123456789.,")


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


FUZZY = "fuzzy"  # in place of a fingerprint: imported from a PO file as fuzzy, not yet checked


@dataclass(frozen=True)
class Review:
    """The English an item was last reviewed against."""

    fingerprint: str  # of that English, or FUZZY
    english: str | None  # the English itself (None in files written before it was kept)
    translation: str | None = None  # a fingerprint of the translation as it was reviewed


def reviewed_file(content: LanguageContent) -> Path:
    return Path(content.source).with_suffix(".reviewed.yaml")


def mark_reviewed(leaflet: Leaflet, language: str) -> Path:
    """Record the English each translated item now stands for; returns the file written."""
    source = items(leaflet.languages[SOURCE_LANGUAGE])
    translated = items(leaflet.languages[language])
    reviews = {key: Review(fingerprint(source[key]), str(source[key]), fingerprint(translated[key]))
               for key in translated if key in source}
    path = reviewed_file(leaflet.languages[language])
    write_reviews(path, language, reviews)
    return path


def write_reviews(path: Path, language: str, reviews: dict[str, Review]) -> None:
    header = (f"# The English each {language} item was translated from, with a fingerprint of it, written by\n"
              f"# `make_leaflet.py check --mark-reviewed {language}`. Do not edit by hand.\n")
    entries = {key: {"fingerprint": review.fingerprint,
                     **({"english": review.english} if review.english else {}),
                     **({"translation": review.translation} if review.translation else {})}
               for key, review in sorted(reviews.items())}
    path.write_text(header + yaml.safe_dump(entries, allow_unicode=True, sort_keys=True, width=1000),
                    encoding="utf-8")


def read_reviews(path: Path) -> dict[str, Review]:
    """The reviews recorded in a `<lang>.reviewed.yaml` (older files hold fingerprints alone)."""
    if not path.exists():
        return {}
    loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(loaded, dict):
        return {}
    reviews = {}
    for key, value in loaded.items():
        if isinstance(value, dict):
            english, translation = value.get("english"), value.get("translation")
            reviews[str(key)] = Review(str(value.get("fingerprint", "")), str(english) if english else None,
                                       str(translation) if translation else None)
        else:
            reviews[str(key)] = Review(str(value), None)
    return reviews


@dataclass
class LanguageStatus:
    language: str
    items: int = 0
    findings: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        ("missing", "stale", "orphan", "untranslated", "repeated", "slips", "uncovered"), 0))

    def add(self, kind: str, where: Location | str, path: str, problem: str, expected: str) -> None:
        self.counts[kind] += 1
        self.findings.append(f"{where}: {path}: {problem}; {expected}")

    @property
    def clean(self) -> bool:
        return not self.findings

    def summary(self) -> str:
        counts = self.counts
        return (f"{self.language}: {self.items} items, {counts['missing']} missing, {counts['stale']} stale, "
                f"{counts['orphan']} orphan, {counts['untranslated']} untranslated, {counts['repeated']} repeated, "
                f"{counts['slips']} slips, {counts['uncovered']} uncovered")


def translation_status(leaflet: Leaflet, language: str) -> LanguageStatus:
    content = leaflet.languages[language]
    compared = language != SOURCE_LANGUAGE and SOURCE_LANGUAGE in leaflet.languages
    source = items(leaflet.languages[SOURCE_LANGUAGE]) if compared else {}
    translated = items(content)
    status = LanguageStatus(language, items=len(translated))
    if compared:
        _compare(status, content, source, translated, read_reviews(reviewed_file(content)))
    western = Locale.parse(locale_for(language, leaflet.facts.region)).default_numbering_system == "latn"
    for path, text in translated.items():
        _check_text(status, language, path, text, western)
    return status


def _compare(status: LanguageStatus, content: LanguageContent, source: dict[str, Text],
             translated: dict[str, Text], reviews: dict[str, Review]) -> None:
    pairs = _matched(source, translated, reviews)
    for path, found in pairs:
        if found is None:
            english = source[path]
            status.add("missing", _nearest_place(content, path, translated), path, "missing",
                       f"expected a translation of {_quoted(english)} ({english.location})")
        elif path is None:
            if not found.startswith("translation."):
                status.add("orphan", translated[found].location, found, "not in the English",
                           "expected only items the English has")
        elif path in reviews and reviews[path].fingerprint != fingerprint(source[path]):
            problem = ("imported from a PO file as fuzzy" if reviews[path].fingerprint == FUZZY
                       else "the English changed after this was translated")
            status.add("stale", translated[found].location, found, problem,
                       f"expected it checked against the English at {source[path].location}, then "
                       f"`check --mark-reviewed {content.language}`")
        elif translated[found] == source[path] and _looks_english(path, source[path]):
            status.add("untranslated", translated[found].location, found, "same as the English",
                       "expected a translation (names, numbers and abbreviations may stay)")
    _report_repeated(status, source, translated, [(path, found) for path, found in pairs if path and found])


def _report_repeated(status: LanguageStatus, source: dict[str, Text], translated: dict[str, Text],
                     pairs: list[tuple[str, str]]) -> None:
    """Two items whose English differs given one translation: one of them most likely translates
    the other's English (a pasted line). Reported at the later item, naming the earlier one.
    Items with the same English (a list repeated in a diagram) may share their translation, and
    so may a single word, a name or an abbreviation (`surgery` and `operation` can both be سرجری)."""
    earlier: dict[str, list[tuple[str, str]]] = {}  # a translation -> (English path, its path) so far
    for english_path, their_path in pairs:
        english = source[english_path]
        if not _says_something(english_path, english):
            continue
        same = earlier.setdefault(" ".join(translated[their_path].split()), [])
        other = next(((e, t) for e, t in same if _words(source[e]) != _words(english)), None)
        same.append((english_path, their_path))
        if other is not None:
            other_english, other_path = other
            status.add("repeated", translated[their_path].location, their_path,
                       f"the same translation as {other_path} ({translated[other_path].location}), though the "
                       f"English differs ({_quoted(english)} here, {_quoted(source[other_english])} there)",
                       "expected a translation of this item's own English")


def _says_something(path: str, english: Text) -> bool:
    """More than a single word, a name, a number or an abbreviation: a text two items would not share by chance."""
    return len(english.split()) > 1 and _looks_english(path, english)


def _quoted(text: str, longest: int = 80) -> str:
    return f"“{text if len(text) <= longest else text[:longest].rstrip() + '…'}”"


def _words(text: str) -> list[str]:
    """The words of a text, whatever their case, punctuation and bold marks."""
    return re.findall(r"\w+", text.casefold())


_LIST_ITEM = re.compile(r"(.*)\[(\d+)\]$")


def _matched(source: dict[str, Text], translated: dict[str, Text],
             reviews: dict[str, Review]) -> list[tuple[str | None, str | None]]:
    """(English path, translation path) pairs, None where one side has no counterpart. An item
    matches the item of the same path, except in a list that has gained or lost items: there
    its items are matched by the translations last reviewed, else by what they share (numbers,
    abbreviations, length), so the item really left out or added is the one reported."""
    lists: dict[str, tuple[list[str], list[str]]] = {}
    for side, paths in enumerate((source, translated)):
        for path in paths:
            match = _LIST_ITEM.match(path)
            if match:
                lists.setdefault(match[1], ([], []))[side].append(path)
    uneven = {prefix: pair for prefix, pair in lists.items() if len(pair[0]) != len(pair[1])}
    moved = {path for english, theirs in uneven.values() for path in (*english, *theirs)}
    pairs: list[tuple[str | None, str | None]] = [(path, path if path in translated else None)
                                                  for path in source if path not in moved]
    pairs += [(None, path) for path in translated if path not in source and path not in moved]
    ratio = (sum(map(len, translated.values())) + 1) / (sum(map(len, source.values())) + 1)
    for english, theirs in uneven.values():
        pairs += _align(english, theirs, source, translated, reviews, ratio)
    return pairs


# What a translation keeps as written: numbers, abbreviations (CT, KRAS, LFTs), bold terms.
_ANCHOR = re.compile(r"\d+|\b[A-Z][A-Za-z]*[A-Z]\w*|\*\*")
_GAP = 1.5  # cost of leaving an item unmatched; a match costs less than two of them


def _align(english_paths: list[str], their_paths: list[str], source: dict[str, Text], translated: dict[str, Text],
           reviews: dict[str, Review], ratio: float) -> list[tuple[str | None, str | None]]:
    """The least costly matching of two lists in order (Needleman-Wunsch). A translation that is
    the one last reviewed for an English item matches it at no cost; else a match costs how far
    the translation's length is from the expected one, and each anchor one side has alone."""
    english = [source[path] for path in english_paths]
    theirs = [translated[path] for path in their_paths]
    their_prints = [fingerprint(text) for text in theirs]
    reviewed = [reviews[path].translation if path in reviews else None for path in english_paths]

    def cost(i: int, j: int) -> float:
        if reviewed[i] is not None:
            return 0.0 if reviewed[i] == their_prints[j] else 2 * _GAP - 0.1
        length = abs(math.log((len(theirs[j]) + 8) / (ratio * (len(english[i]) + 8))))
        anchors = set(_ANCHOR.findall(english[i])) ^ set(_ANCHOR.findall(theirs[j]))
        return min(length + len(anchors), 2 * _GAP - 0.1)

    rows, columns = len(english), len(theirs)
    best = [[0.0] * (columns + 1) for _ in range(rows + 1)]
    for i in range(1, rows + 1):
        best[i][0] = i * _GAP
    for j in range(1, columns + 1):
        best[0][j] = j * _GAP
    for i in range(1, rows + 1):
        for j in range(1, columns + 1):
            best[i][j] = min(best[i - 1][j - 1] + cost(i - 1, j - 1),
                             best[i - 1][j] + _GAP, best[i][j - 1] + _GAP)
    pairs: list[tuple[str | None, str | None]] = []
    i, j = rows, columns
    while i or j:
        if i and j and best[i][j] == best[i - 1][j - 1] + cost(i - 1, j - 1):
            pairs.append((english_paths[i - 1], their_paths[j - 1]))
            i, j = i - 1, j - 1
        elif i and best[i][j] == best[i - 1][j] + _GAP:
            pairs.append((english_paths[i - 1], None))
            i -= 1
        else:
            pairs.append((None, their_paths[j - 1]))
            j -= 1
    return pairs[::-1]


def _looks_english(path: str, text: str) -> bool:
    return not path.endswith(".name") and bool(_ENGLISH_WORD.search(text))


def _nearest_place(content: LanguageContent, path: str, translated: dict[str, Text]) -> Location | str:
    """Where in the translation a missing item belongs: its list, its section (heading or first
    text), else the file."""
    item = _LIST_ITEM.match(path)
    if item:
        neighbours = [text for found, text in translated.items() if found.startswith(f"{item[1]}[")]
        if neighbours:
            return neighbours[min(int(item[2]), len(neighbours) - 1)].location
    match = re.match(r"sections\.([\w-]+)", path)
    if match:
        for found, text in items(content).items():
            if found.startswith(f"sections.{match[1]}.") or found.startswith(f"sections.{match[1]}["):
                return text.location
    return f"{content.source}:1:1"


def _check_text(status: LanguageStatus, language: str, path: str, text: Text, western_digits: bool) -> None:
    """Every slip and uncovered character, each at the line and column it was written at.

    `western_digits`: the locale writes numbers in Western digits (Urdu in Pakistan), as the
    leaflet's own numbers (figures, page numbers, dates) are; Eastern digits typed in would not match them."""
    if language == "ur":
        for index, char in enumerate(text):
            if char in _URDU_LOOKALIKES:
                right = _URDU_LOOKALIKES[char]
                status.add("slips", text.at(index), path, f"Arabic `{char}` (U+{ord(char):04X})",
                           f"expected the Urdu `{right}` (U+{ord(right):04X})")
        for match in _PRESENTATION_FORM.finditer(text):
            status.add("slips", text.at(match.start()), path,
                       f"presentation form U+{ord(match.group()):04X} pasted in", "expected plain Urdu letters")
        for match in _SPACE_BEFORE_PUNCTUATION.finditer(text):
            status.add("slips", text.at(match.start()), path, "a space before ۔ ، or ؟",
                       "expected the mark right after the word")
        for match in _LATIN_STOP_AFTER_URDU.finditer(text):
            status.add("slips", text.at(match.start() + 1), path, "a Latin full stop after Urdu", "expected ۔")
    for match in _EASTERN_NUMBER.finditer(text if western_digits else ""):
        number = match.group()
        status.add("slips", text.at(match.start()), path, f"Eastern digits «{number}»",
                   f"expected Western digits, like the leaflet's own numbers: «{number}» → "
                   f"«{number.translate(_WESTERN)}»")
    for index, char in uncovered_characters(text, language):
        status.add("uncovered", text.at(index), path, f"no configured font has `{char}` (U+{ord(char):04X})",
                   f"expected characters the fonts for `{language}` cover (fonts/fonts.yaml)")
