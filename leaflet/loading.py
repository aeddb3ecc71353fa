"""The first step of both renderers (the PDF build, the web edition): the content loaded, and
checked against every rule a build relies on. Light on purpose: no layout engine is imported, so
the web edition alone starts quickly."""

from __future__ import annotations

from pathlib import Path

from leaflet.content import ContentError, Leaflet, load_leaflet
from leaflet.text import uncovered_characters


def load_checked(content_dir: Path, languages: list[str] | None = None) -> Leaflet:
    """The content, with every rule the build relies on checked (ContentError otherwise).

    `check` and `build` both start here, so whatever `check` accepts, `build` builds.
    """
    leaflet = load_leaflet(content_dir, languages)
    check_fonts_cover(leaflet)
    return leaflet


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
