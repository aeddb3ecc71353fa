"""How pdf.js (Firefox's viewer) puts a row of text in reading order, modelled to write the text
layer (layer.py) in the order pdf.js must find.

pdf.js reads a row's characters in the order they are drawn and runs its own bidi over them
(pdf.js 3.11, src/core/bidi.js): a simplified UAX #9 with no isolates and no explicit embeddings,
in which every character outside Latin-1, Hebrew and Arabic counts as left to right, and whose
rule N1 looks at the character after the first one past a neutral run. A row drawn in display
order with islands such as «39 °C» or «042 111 117» comes out of it broken («C° 39»), so the
layer is drawn in an order whose pdf.js reading is the line as written (`order_for_pdfjs`);
tests/test_copy_out_blocks.py holds this model to pdf.js itself.
"""

from __future__ import annotations

import unicodedata

_STRONG_RIGHT = frozenset({"R", "AL", "AN"})
_NEUTRALISED = frozenset({"WS", "ES", "ET", "CS"})
_DROPPED = frozenset("<>")  # pdf.js removes these from every row it reorders


def _bidi_type(char: str) -> str:
    code = ord(char)
    if code <= 0xFF or 0x600 <= code <= 0x6FF:
        return unicodedata.bidirectional(char)
    if 0x590 <= code <= 0x5F4:
        return "R"
    if 0x700 <= code <= 0x8AC or 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
        return "AL"
    return "L"


def _weak_types(types: list[str], embedding: str) -> list[str]:
    """pdf.js's rules W1-W7, in its order."""
    last = embedding
    for index, kind in enumerate(types):  # W1: a mark takes the type before it
        if kind == "NSM":
            types[index] = last
        else:
            last = kind
    last = embedding
    for index, kind in enumerate(types):  # W2: European digits after Arabic letters are Arabic
        if kind == "EN":
            types[index] = "AN" if last == "AL" else "EN"
        elif kind in ("R", "L", "AL"):
            last = kind
    types = ["R" if kind == "AL" else kind for kind in types]  # W3
    for index in range(1, len(types) - 1):  # W4: a separator between two numbers is one of them
        before, after = types[index - 1], types[index + 1]
        if types[index] == "ES" and before == after == "EN":
            types[index] = "EN"
        if types[index] == "CS" and before in ("EN", "AN") and after == before:
            types[index] = before
    for index, kind in enumerate(types):  # W5: terminators beside a number are the number
        if kind == "EN":
            for step in (-1, 1):
                near = index + step
                while 0 <= near < len(types) and types[near] == "ET":
                    types[near] = "EN"
                    near += step
    types = ["ON" if kind in _NEUTRALISED else kind for kind in types]  # W6
    last = embedding
    for index, kind in enumerate(types):  # W7: numbers after Latin letters are Latin
        if kind == "EN":
            types[index] = "L" if last == "L" else "EN"
        elif kind in ("R", "L"):
            last = kind
    return types


def _neutral_types(types: list[str], embedding: str) -> list[str]:
    """pdf.js's rules N1 and N2 (N1 reads the type one past the run's first follower)."""
    index = 0
    while index < len(types):
        if types[index] != "ON":
            index += 1
            continue
        end = index + 1
        while end < len(types) and types[end] == "ON":
            end += 1
        before = types[index - 1] if index else embedding
        after = types[end + 1] if end + 1 < len(types) else embedding
        sides = {"L" if side == "L" else "R" for side in (before, after)}
        if len(sides) == 1:
            types[index:end] = [sides.pop()] * (end - index)
        index = end
    return [embedding if kind == "ON" else kind for kind in types]


def reading_order(row: str) -> list[int]:
    """The positions of `row`'s characters in the order pdf.js reads them out."""
    types = [_bidi_type(char) for char in row]
    right = sum(kind in _STRONG_RIGHT for kind in types)
    if not right:
        return list(range(len(row)))
    start = 0 if right / len(row) < 0.3 and len(row) > 4 else 1
    embedding = "R" if start % 2 else "L"
    types = _neutral_types(_weak_types(types, embedding), embedding)
    levels = []
    for kind in types:
        if start % 2 == 0:
            levels.append(start + (1 if kind == "R" else 2 if kind in ("AN", "EN") else 0))
        else:
            levels.append(start + (1 if kind in ("L", "AN", "EN") else 0))
    order = list(range(len(row)))
    lowest_odd = min((level for level in levels if level % 2), default=max(levels) + 1)
    for level in range(max(levels), lowest_odd - 1, -1):
        run = None
        for index in range(len(row) + 1):
            if index < len(row) and levels[index] >= level:
                run = index if run is None else run
            elif run is not None:
                order[run:index] = order[run:index][::-1]
                run = None
    return [index for index in order if row[index] not in _DROPPED]


def order_for_pdfjs(written: str, shown: list[int]) -> str:
    """`written` in an order that pdf.js reads back as `written`: starting from `shown` (the
    positions of the characters in the order the line shows them), each round puts every
    character where pdf.js read the one it should have, until pdf.js reads what was written.
    Where no order is found in a few rounds (or pdf.js would drop a character), the order shown."""
    order = shown
    if not _DROPPED.intersection(written):
        for _ in range(6):
            row = "".join(written[index] for index in order)
            read = reading_order(row)
            if [order[position] for position in read] == list(range(len(written))):
                return row
            placed = [0] * len(order)
            for wanted, position in enumerate(read):
                placed[position] = wanted
            order = placed
    return "".join(written[index] for index in shown)
