"""Inline markup of content text: `**bold**` is the only mark translators use."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool


def parse_inline(text: str) -> list[Run]:
    """Split text at `**` marks into alternating plain and bold runs (empty runs dropped)."""
    return [Run(part, index % 2 == 1) for index, part in enumerate(text.split("**")) if part]


def to_paragraph_markup(text: str) -> str:
    """ReportLab Paragraph markup for content text: XML-escaped, bold runs in <b>."""
    return "".join(
        f"<b>{escape(run.text)}</b>" if run.bold else escape(run.text) for run in parse_inline(text)
    )
