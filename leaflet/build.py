"""The pipeline: content -> layout -> checked PDFs written into the output folder.

Per language and size a leaflet; then one bilingual file per size, and for A5 a booklet
per language, imposed for saddle-stitch printing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from leaflet.content import ContentError, Leaflet, load_leaflet
from leaflet.layout import (
    BLEED,
    document_title,
    geometry_for,
    layout_notes,
    render_back_cover,
    render_leaflet,
    render_notes_page,
    text_areas,
)
from leaflet.pdf import (
    Expectations,
    Finding,
    LanguagePart,
    check_pdf,
    impose_booklet,
    merge_languages,
    write_all_atomically,
)
from leaflet.text import uncovered_characters
from leaflet.text.locale import language_name, text_direction
from leaflet.translation import translation_status

_OUTPUT_NAME = re.compile(
    r"(?P<id>[a-z0-9-]+)_(?P<lang>[A-Za-z_]+?)_(?P<size>A4|A5)(?P<kind>-booklet|_print)?\.pdf")
BILINGUAL = "bilingual"


def load_checked(content_dir: Path, languages: list[str] | None = None) -> Leaflet:
    """The content, with every rule the build relies on checked (ContentError otherwise).

    `check` and `build` both start here, so whatever `check` accepts, `build` builds.
    """
    leaflet = load_leaflet(content_dir, languages)
    check_fonts_cover(leaflet)
    return leaflet


def check_output_folder(content_dir: Path, out_dir: Path) -> None:
    """Built files never go into the content folder, where they could overwrite or mix with sources."""
    content, out = content_dir.resolve(), out_dir.resolve()
    if out == content or out.is_relative_to(content):
        raise ContentError([f"{out_dir}: inside the content folder {content_dir}; "
                            "expected an output folder outside it (default: output)"])


def check_fonts_cover(leaflet: Leaflet) -> None:
    """Raise ContentError naming every character of the content that no configured font has."""
    problems = []
    for language, content in leaflet.languages.items():
        for path, text in content.texts():
            for index, char in uncovered_characters(text, language):
                word = text[max(0, index - 10):index + 10].strip()
                problems.append(f"{text.location}: {path}: no configured font has `{char}` "
                                f"(U+{ord(char):04X}) in “{word}”; expected characters the fonts "
                                f"for `{language}` cover (fonts/fonts.yaml)")
    if problems:
        raise ContentError(problems)


def output_name(leaflet_id: str, language: str, size: str, kind: str = "") -> str:
    """File name of a leaflet; `kind` is '', 'booklet' or 'print'."""
    suffix = {"": "", "booklet": "-booklet", "print": "_print"}[kind]
    return f"{leaflet_id}_{language}_{size}{suffix}.pdf"


def parse_output_name(name: str) -> tuple[str, str, str, str] | None:
    """(leaflet id, language or 'bilingual', size, kind) from an output file name."""
    match = _OUTPUT_NAME.fullmatch(name)
    if not match:
        return None
    kind = {None: "", "-booklet": "booklet", "_print": "print"}[match["kind"]]
    return match["id"], match["lang"], match["size"], kind


def expectations_for(leaflet: Leaflet, language: str, size: str, kind: str = "",
                     parts_checked: bool = False) -> Expectations:
    """What a built file must show; `language` may be 'bilingual', `kind` 'booklet' or 'print'.

    `parts_checked`: a bilingual file whose language files were just checked; its pages are
    theirs, unchanged, so the glyph placement is not read again.
    """
    booklet = kind == "booklet"
    languages = list(leaflet.languages) if language == BILINGUAL else [language]
    content = leaflet.languages[languages[0]]
    geometry = geometry_for(size)
    helplines = tuple(c.phone for c in leaflet.facts.contacts if c.emphasis == "helpline")
    page_size = (geometry.width * 2, geometry.height) if booklet else (geometry.width, geometry.height)
    headed = sum(section.heading is not None for section in content.sections)  # one bookmark each
    sections = None if booklet else (len(languages) if language == BILINGUAL else headed)
    return Expectations(
        page_size=page_size,
        title=document_title(content),
        author=str(content.institute),
        language=languages[0],
        sections=sections,
        extractable=(*(str(leaflet.languages[code].title) for code in languages), *helplines),
        page_multiple=2 if booklet else 1,
        bleed=BLEED if kind == "print" else None,
        cmyk_only=kind == "print",
        # Imposed sheets are checked for overprinting only; their pages were checked one by one.
        text_areas=None if parts_checked else () if booklet else text_areas(geometry),
    )


@dataclass(frozen=True)
class BuiltFile:
    path: Path
    size_bytes: int


@dataclass
class BuildResult:
    written: list[BuiltFile] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  # a failed check: nothing was written
    warnings: list[str] = field(default_factory=list)  # built all the same: translation slips, shortened text


def build(content_dir: Path, languages: list[str] | None, sizes: list[str], out_dir: Path,
          for_print: bool = False) -> BuildResult:
    """Build and check every requested PDF, then write them all, or none if any check failed.

    For print, only the print variant of each leaflet. Raises ContentError before anything
    is written if the content is wrong.
    """
    check_output_folder(content_dir, out_dir)
    leaflet = load_checked(content_dir, languages)
    result = BuildResult(warnings=_translation_warnings(leaflet))
    files: dict[Path, bytes] = {}
    for path, data, expected in _render_all(leaflet, sizes, out_dir, for_print):
        findings = check_pdf(data, str(path), expected)
        result.findings.extend(findings)
        files[path] = data
    for language in leaflet.languages:
        for size in sizes:
            result.warnings.extend(layout_notes(leaflet, language, size))
    if result.findings:
        return result
    write_all_atomically(files)
    result.written = [BuiltFile(path, len(data)) for path, data in files.items()]
    return result


def _render_all(leaflet: Leaflet, sizes: list[str], out_dir: Path,
                for_print: bool) -> Iterator[tuple[Path, bytes, Expectations]]:
    """(path, PDF, what it must show) of every file of the build, in the order they are written."""
    leaflet_id = leaflet.facts.id
    if for_print:
        for size in sizes:
            for language in leaflet.languages:
                yield (out_dir / output_name(leaflet_id, language, size, "print"),
                       render_leaflet(leaflet, language, size, for_print=True),
                       expectations_for(leaflet, language, size, "print"))
        return
    for size in sizes:
        pdfs = {language: render_leaflet(leaflet, language, size) for language in leaflet.languages}
        for language, data in pdfs.items():
            yield out_dir / output_name(leaflet_id, language, size), data, expectations_for(leaflet, language, size)
        if len(pdfs) > 1:
            parts = [LanguagePart(language, language_name(language), data) for language, data in pdfs.items()]
            yield (out_dir / output_name(leaflet_id, BILINGUAL, size), merge_languages(parts),
                   expectations_for(leaflet, BILINGUAL, size, parts_checked=True))
        if size == "A5":
            for language, data in pdfs.items():
                rtl = text_direction(language) == "rtl"
                booklet = impose_booklet(data, render_notes_page(leaflet, language, size),
                                         render_back_cover(leaflet, language, size), rtl)
                yield (out_dir / output_name(leaflet_id, language, size, "booklet"), booklet,
                       expectations_for(leaflet, language, size, "booklet"))


def _translation_warnings(leaflet: Leaflet) -> list[str]:
    """What `check` reports about each translation: built anyway, but said in the summary."""
    return [finding for language in leaflet.languages
            for finding in translation_status(leaflet, language).findings]
