"""ActualText for copying text out of the PDF: the words as written, in logical order.

Each line carries two nested spans. The outer one holds the line as written, which
is what the PDF specification asks of ActualText (an enclosing span's text replaces
everything inside it). The inner one is for pdfium (Chrome, Edge), which reads only
the innermost ActualText and then reorders it as if it had been stored left to
right: it splits the text into runs of one direction class, reverses the order of
the runs in a right-to-left line, and mirrors brackets in the runs it reads right
to left. `pdfium_order` stores the runs already reversed, and mirrors exactly the
brackets pdfium will mirror, so that pdfium's reading gives back the line as written
(tests check this against pdfium itself). Its tag is not /Span but PDFIUM_ORDER_TAG:
pdfium reads ActualText under any tag, poppler only under /Span, so poppler reads the
outer span, and a number alone on its line (a phone number) comes out as written there too.

Which lines pdfium treats as right to left is settled per document: all of them
when the PDF's viewer preferences say /Direction /R2L (so right-to-left leaflets
set it), otherwise those with at least as many right-to-left runs as left-to-right.
"""

from __future__ import annotations

import unicodedata
from itertools import pairwise

PDFIUM_ORDER_TAG = "/PdfiumOrder"
_MIRRORED = str.maketrans("()[]{}<>«»", ")(][}{><»«")
_WEAK = {"EN", "AN", "ES", "ET", "CS", "NSM", "BN"}


def _direction_class(char: str) -> str:
    bidi = unicodedata.bidirectional(char)
    if bidi in ("R", "AL"):
        return "right"
    if bidi == "L":
        return "left"
    return "weak" if bidi in _WEAK else "neutral"


def _runs(text: str) -> list[tuple[str, str]]:
    runs: list[tuple[str, str]] = []
    for char in text:
        kind = _direction_class(char)
        if runs and runs[-1][0] == kind:
            runs[-1] = (kind, runs[-1][1] + char)
        else:
            runs.append((kind, char))
    return runs


def _pdfium_runs(text: str, rtl_document: bool) -> tuple[list[tuple[int, str]], bool]:
    """Each direction run's start and the text pdfium must find for it, and whether pdfium reads
    the line right to left (then it takes the runs in reverse order)."""
    runs = _runs(text)
    rights = sum(kind == "right" for kind, _ in runs)
    lefts = sum(kind == "left" for kind, _ in runs)
    right_to_left = rtl_document or (rights > 0 and rights >= lefts)
    current = "right" if right_to_left else "left"
    ordered = []
    start = 0
    for kind, run in runs:
        found = run
        if kind == "right" or (kind == "neutral" and current == "right"):
            current = "right"
            found = run.translate(_MIRRORED)
        elif kind != "weak":
            current = "left"
        ordered.append((start, found))
        start += len(run)
    return ordered, right_to_left


def pdfium_order(text: str, rtl_document: bool) -> str:
    """The text pdfium must find so that its line reordering yields `text`."""
    runs, right_to_left = _pdfium_runs(text, rtl_document)
    found = [run for _, run in runs]
    return "".join(reversed(found) if right_to_left else found)


def pdfium_order_of_parts(text: str, rtl_document: bool, cuts: list[int], shown: list[int]) -> list[str] | None:
    """`pdfium_order` of a line shown in parts (text[cuts[i]:cuts[i + 1]], each in its own span,
    `shown` the parts' numbers in display order): each part's share; None where a cut falls
    inside a run, or the parts are not shown in the order pdfium reads them (right to left in a
    right-to-left line: a Latin island that goes on from the line before may show its parts
    left to right)."""
    runs, right_to_left = _pdfium_runs(text, rtl_document)
    starts = {start for start, _ in runs} | {len(text)}
    order = list(range(len(cuts) - 1))
    if not set(cuts) <= starts or shown != (order[::-1] if right_to_left else order):
        return None
    parts = []
    for start, end in pairwise(cuts):
        found = [run for run_start, run in runs if start <= run_start < end]
        parts.append("".join(reversed(found) if right_to_left else found))
    return parts
