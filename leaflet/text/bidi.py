"""Unicode bidi (UAX #9) levels, left-to-right islands and line reordering.

python-bidi's Rust-backed API resolves isolates correctly but only returns the
reordered string; its debug form carries the resolved levels, per UTF-8 byte.
We read the levels from there (pinned to python-bidi 0.6.12, covered by tests)
and reorder each line ourselves, because lines are broken after levels are
resolved (UAX #9 rule L2 works per line).
"""

from __future__ import annotations

import re

from bidi import get_display

LRI, PDI = "\u2066", "\u2069"
_ISOLATES = {LRI, PDI, "\u2067", "\u2068"}

# Runs of Latin letters, digits and their joiners that read left to right inside
# right-to-left text as one unit: phone numbers, 70-80%, Ca19.9, "CT scan".
_LTR_ISLAND = re.compile(
    r"[A-Za-z0-9][A-Za-z0-9%.,:/+\-]*(?:[ \u00a0][A-Za-z0-9][A-Za-z0-9%.,:/+\-]*)*(?<![.,:])"
)
_LEVELS = re.compile(r"levels: \[(.*?)\],\s*paragraphs", re.S)
_LEVEL = re.compile(r"Level\(\s*(\d+)")


def ltr_islands(text: str) -> list[tuple[int, int]]:
    """(start, end) of each left-to-right island in right-to-left text."""
    return [match.span() for match in _LTR_ISLAND.finditer(text)]


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
