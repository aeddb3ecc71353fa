"""The pipeline: content -> layout -> checked PDFs written into the output folder."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from leaflet.content import ContentError, Leaflet, load_leaflet
from leaflet.layout import document_title, geometry_for, render_leaflet
from leaflet.pdf import Expectations, Finding, check_pdf, write_atomically
from leaflet.text import uncovered_characters

_OUTPUT_NAME = re.compile(r"(?P<id>[a-z0-9-]+)_(?P<lang>[A-Za-z_]+)_(?P<size>A4|A5)\.pdf")


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


def output_name(leaflet_id: str, language: str, size: str) -> str:
    return f"{leaflet_id}_{language}_{size}.pdf"


def parse_output_name(name: str) -> tuple[str, str, str] | None:
    """(leaflet id, language, size) from a file name such as liver-metastases_en_A5.pdf."""
    match = _OUTPUT_NAME.fullmatch(name)
    return (match["id"], match["lang"], match["size"]) if match else None


def expectations_for(leaflet: Leaflet, language: str, size: str) -> Expectations:
    content = leaflet.languages[language]
    geometry = geometry_for(size)
    helpline = next(c.phone for c in leaflet.facts.contacts if c.emphasis == "helpline")
    return Expectations(
        page_size=(geometry.width, geometry.height),
        title=document_title(content),
        author=str(content.institute),
        language=language,
        sections=len(content.sections),
        extractable=(str(content.title), helpline),
    )


@dataclass(frozen=True)
class BuiltFile:
    path: Path
    size_bytes: int


@dataclass
class BuildResult:
    written: list[BuiltFile] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def build(content_dir: Path, languages: list[str] | None, sizes: list[str], out_dir: Path) -> BuildResult:
    """Build, check and write every requested PDF; a PDF that fails a check is not written.

    Raises ContentError before anything is written if the content is wrong.
    """
    leaflet = load_leaflet(content_dir, languages)
    check_fonts_cover(leaflet)
    result = BuildResult()
    for language in leaflet.languages:
        for size in sizes:
            path = out_dir / output_name(leaflet.facts.id, language, size)
            data = render_leaflet(leaflet, language, size)
            findings = check_pdf(data, str(path), expectations_for(leaflet, language, size))
            if findings:
                result.findings.extend(findings)
                continue
            write_atomically(path, data)
            result.written.append(BuiltFile(path, len(data)))
    return result
