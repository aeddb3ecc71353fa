"""Unicode bidi (UAX #9) levels, left-to-right islands and line reordering.

python-bidi's Rust-backed API resolves isolates correctly but only returns the
reordered string; its debug form carries the resolved levels, per UTF-8 byte.
We read the levels from there (pinned to python-bidi 0.6.12, covered by tests)
and reorder each line ourselves, because lines are broken after levels are
resolved (UAX #9 rule L2 works per line).
"""

from __future__ import annotations

import re
import unicodedata

from bidi import get_display

LRI, PDI = "\u2066", "\u2069"
_ISOLATES = {LRI, PDI, "\u2067", "\u2068"}

# Inside right-to-left text, a run of Latin letters or digits reads left to right as one unit
# together with the weak and neutral characters between them (UAX #9 classes ES, ET, CS, ON,
# NSM, BN and spaces): "39 °C", "2–3", "Wilson's disease", "pkli.org.pk/patient_guide",
# "info@pkli.org.pk", "9:30", "25/11/2026", "042 111 117 554". Letters of a right-to-left
# script, and that script's own punctuation (، ۔ ؟), end the run.
_STRONG_LTR = frozenset({"L", "EN"})
_JOINING = frozenset({"ES", "ET", "CS", "ON", "NSM", "BN", "WS"})
_LEADING = frozenset({"ES", "ET"})  # a sign before a number: +92, −5, $10, #3
_TRAILING = frozenset({"ET", "NSM"})  # a unit after it: 70%, 39°
_CLOSERS = {")": "(", "]": "[", "}": "{", "”": "“", "’": "‘", "»": "«"}
_LEVELS = re.compile(r"levels: \[(.*?)\],\s*paragraphs", re.S)
_LEVEL = re.compile(r"Level\(\s*(\d+)")


def _bidi_class(char: str) -> str:
    if "\u0590" <= char <= "\u08ff" or "\ufb1d" <= char <= "\ufeff":
        return "R"  # Hebrew and Arabic blocks, their digits and punctuation included
    return unicodedata.bidirectional(char)


def is_right_to_left(char: str) -> bool:
    """A character of a right-to-left script: its letters, digits and marks, and its own
    punctuation (، is a common separator to Unicode, yet ends a Latin island as a letter does)."""
    return _bidi_class(char) in ("R", "AL", "AN")


def ltr_islands(text: str) -> list[tuple[int, int]]:
    """(start, end) of each left-to-right island in right-to-left text.

    A bracket pair is never split: both brackets are in an island or neither is (UAX #9 N0
    gives the two of a pair one direction; split, they would point the same way: «(Hb) 12»).
    """
    classes = [_bidi_class(char) for char in text]
    pairs = _bracket_pairs(text)
    islands = []
    index = 0
    while index < len(text):
        if classes[index] not in _STRONG_LTR:
            index += 1
            continue
        start, end, run_ends = index, index, []
        while True:
            while end < len(text) and classes[end] in _STRONG_LTR:
                end += 1
            run_ends.append(end)
            gap_end = end
            while gap_end < len(text) and classes[gap_end] in _JOINING:
                gap_end += 1
            if gap_end == len(text) or classes[gap_end] not in _STRONG_LTR:
                break
            if not _gap_joins(text[end:gap_end], classes[end - 1], classes[gap_end]) or any(
                    pairs.get(closer, start) < start for closer in range(end, gap_end)):
                break
            end = gap_end
        end = _extend_end(classes, pairs, start, end)
        for opener in range(start, end):  # an opener whose closer the island does not reach: end before it
            if pairs.get(opener, start) >= end:
                end = max(run_end for run_end in run_ends if run_end <= opener)
                break
        while start > 0 and classes[start - 1] in _LEADING and (start == 1 or text[start - 2].isspace()
                                                                 or classes[start - 2] == "R"):
            start -= 1
        islands.append((start, end))
        index = end
    return islands


def _bracket_pairs(text: str) -> dict[int, int]:
    """Each bracket's partner, by index both ways (as UAX #9 BD16 pairs them, one stack)."""
    openers = {opener: closer for closer, opener in _CLOSERS.items()}
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for index, char in enumerate(text):
        if char in openers:
            stack.append(index)
        elif char in _CLOSERS:
            for depth in range(len(stack) - 1, -1, -1):
                if text[stack[depth]] == _CLOSERS[char]:
                    pairs[stack[depth]], pairs[index] = index, stack[depth]
                    del stack[depth:]
                    break
    return pairs


def latin_islands(text: str) -> list[tuple[int, int]]:
    """The left-to-right islands of right-to-left text that hold letters (terms such as
    «CT scan» or «PKLI»), not only figures: the parts of the line in another language."""
    return [(start, end) for start, end in ltr_islands(text)
            if any(char.isalpha() and _bidi_class(char) == "L" for char in text[start:end])]


def _gap_joins(gap: str, before: str, after: str) -> bool:
    """Whether what stands between two left-to-right runs belongs to them.

    Spaces alone join ("CT scan", "042 111 117"), and so does punctuation inside a word
    ("2–3", "9:30", "info@pkli.org.pk") or attached to one side ("39 °C", "Ca19.9 (CEA").
    Punctuation standing free between spaces joins words ("A & E") but separates numbers,
    as a separator in right-to-left text does ("1.0 · 25" reads from the right).
    """
    if not gap.strip() or not (gap[0].isspace() and gap[-1].isspace()):
        return True
    return before == "L" and after == "L"


def _extend_end(classes: list[str], pairs: dict[int, int], start: int, end: int) -> int:
    """Take in a unit sign after the run, and closing brackets whose opener is inside it."""
    while end < len(classes) and (classes[end] in _TRAILING or start <= pairs.get(end, -1) < end):
        end += 1
    return end


def resolve_levels(text: str, rtl: bool, islands: list[tuple[int, int]]) -> list[int]:
    """The embedding level of every character, islands isolated as left-to-right."""
    isolated, owners = [], []
    starts = {start for start, _ in islands}
    ends = {end for _, end in islands}
    for index, char in enumerate(text):
        if index in ends:
            isolated.append(PDI)
            owners.append(None)
        if index in starts:
            isolated.append(LRI)
            owners.append(None)
        isolated.append(char)
        owners.append(index)
    if len(text) in ends:
        isolated.append(PDI)
        owners.append(None)
    marked = "".join(isolated)
    debug = get_display(marked, base_dir="R" if rtl else "L", debug=True)
    found = _LEVELS.search(debug)
    if found is None:
        raise RuntimeError("python-bidi's debug output changed; expected `levels: [...]`")
    byte_levels = [int(level) for level in _LEVEL.findall(found.group(1))]
    levels = [0] * len(text)
    offset = 0
    for char, owner in zip(marked, owners, strict=True):
        if owner is not None:
            levels[owner] = byte_levels[offset]
        offset += len(char.encode("utf-8"))
    return levels


def visual_order(levels: list[int]) -> list[int]:
    """Indices of items (each at one level) in left-to-right display order (UAX #9 L2)."""
    order = list(range(len(levels)))
    if not levels:
        return order
    lowest_odd = min(levels) | 1
    for level in range(max(levels), lowest_odd - 1, -1):
        index = 0
        while index < len(order):
            if levels[order[index]] < level:
                index += 1
                continue
            end = index
            while end < len(order) and levels[order[end]] >= level:
                end += 1
            order[index:end] = reversed(order[index:end])
            index = end
    return order
