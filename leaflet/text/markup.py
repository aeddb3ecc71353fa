"""Inline markup of content text: `**bold**` is the only mark translators use."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool


def parse_inline(text: str) -> list[Run]:
    """Split text at `**` marks into alternating plain and bold runs (empty runs dropped)."""
    return [Run(part, index % 2 == 1) for index, part in enumerate(text.split("**")) if part]
