"""Latin and numeric runs inside Urdu keep their written order; over-long runs break inside the column."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reportlab.lib.colors import black

from leaflet.text import TextStyle, fit_line, fit_size, parse_inline, set_text
from leaflet.text.bidi import ltr_islands
from leaflet.text.lines import BREAK_AFTER, BREAK_BEFORE

URDU = TextStyle(language="ur", size=12, colour=black, leading=1.7, ascent=1.1, descent=0.5)
ENGLISH = TextStyle(language="en", size=12, colour=black)

# (Urdu text, the run inside it that must read left to right as written)
MIXED = [
    ("اگر بخار 39 °C سے زیادہ ہو", "39 °C"),
    ("آرام 2–3 ہفتے کریں", "2–3"),
    ("یہ Wilson's disease کہلاتا ہے", "Wilson's disease"),
    ("مزید معلومات pkli.org.pk/patient_guide پر دیکھیں", "pkli.org.pk/patient_guide"),
    ("ای میل info@pkli.org.pk پر بھیجیں", "info@pkli.org.pk"),
    ("ملاقات صبح 9:30 بجے ہے", "9:30"),
    ("تاریخ 25/11/2026 ہے", "25/11/2026"),
    ("ٹیسٹ Ca19.9 (CEA) ہے", "Ca19.9 (CEA)"),
    ("نمبر +92 42 111 117 554 ہے", "+92 42 111 117 554"),
    ("خون کا 70-80% حصہ", "70-80%"),
    ("صفحہ https://pkli.org.pk/a-b_c?x=1&y=2 دیکھیں", "https://pkli.org.pk/a-b_c?x=1&y=2"),
]


def glyph_x_by_character(text: str, style: TextStyle = URDU) -> dict[int, float]:
    setting = set_text(parse_inline(text), style, 5000)
    assert len(setting.lines) == 1
    positions: dict[int, float] = {}
    for glyph in setting.lines[0].glyphs:
        positions.setdefault(glyph.cluster, glyph.x)
    return positions


@pytest.mark.parametrize(("text", "run"), MIXED)
def test_a_latin_or_numeric_run_is_one_island(text: str, run: str) -> None:
    start = text.index(run)
    assert (start, start + len(run)) in ltr_islands(text)


BRACKETED = ["(Hb)", "(CT scan)", "(4)", "(اصل)", "(CEA ٹیسٹ)", "[MRI]", "12", "042 111", "Ca19.9", "70-80%",
             "جگر", "کا", "ٹیسٹ", "۔", "،", "(", ")"]


@given(st.lists(st.sampled_from(BRACKETED), min_size=1, max_size=12).map(" ".join))
def test_an_island_never_splits_a_bracket_pair(text: str) -> None:
    """«(Hb) 12»: the island is «Hb», not «Hb) 12», whose «)» would then point the wrong way."""
    pairs, open_at = [], {"(": [], "[": []}
    for index, char in enumerate(text):
        if char in open_at:
            open_at[char].append(index)
        elif char in ")]" and open_at["(" if char == ")" else "["]:
            pairs.append((open_at["(" if char == ")" else "["].pop(), index))
    for start, end in ltr_islands(text):
        for opener, closer in pairs:
            assert (start <= opener < end) == (start <= closer < end), (text, text[start:end])


@pytest.mark.parametrize(("text", "run"), MIXED)
def test_a_run_inside_urdu_is_drawn_in_written_order(text: str, run: str) -> None:
    positions = glyph_x_by_character(text)
    start = text.index(run)
    xs = [positions[index] for index in range(start, start + len(run))
          if index in positions and run[index - start] != " "]
    assert xs == sorted(xs), f"{run!r} is not drawn left to right"
    before = [positions[i] for i in range(start) if i in positions and text[i] != " "]
    after = [positions[i] for i in range(start + len(run), len(text)) if i in positions and text[i] != " "]
    assert min(before) > max(xs), "the Urdu before the run must sit to its right"
    assert max(after) < min(xs), "the Urdu after the run must sit to its left"


def test_urdu_punctuation_between_latin_terms_keeps_them_apart() -> None:
    text = "ٹیسٹ CT، MRI اور"
    assert [text[a:b] for a, b in ltr_islands(text)] == ["CT", "MRI"]
    positions = glyph_x_by_character(text)
    assert positions[text.index("CT")] > positions[text.index("MRI")], "CT comes first, on the right"


LONG_ADDRESS = "https://pkli.org.pk/patients/information/leaflets/liver-metastases_secondary-liver-cancer?lang=ur&size=A5"


@pytest.mark.parametrize(("text", "style"), [
    (f"مزید معلومات کے لیے {LONG_ADDRESS} دیکھیں۔", URDU),
    (f"For more, see {LONG_ADDRESS} online.", ENGLISH),
])
@pytest.mark.parametrize("width", [120, 200, 300])
def test_an_address_wider_than_the_column_breaks_at_its_punctuation(text: str, style: TextStyle,
                                                                     width: float) -> None:
    setting = set_text(parse_inline(text), style, width)
    assert all(line.width * style.size <= width + 0.01 for line in setting.lines)
    pieces = [setting.text[line.start:line.end] for line in setting.lines]
    assert "".join(pieces) == text
    inside = [(piece, following) for piece, following in itertools.pairwise(pieces)
              if not piece.endswith(" ")]
    assert inside, "the address must have been broken"
    for piece, following in inside:
        assert piece[-1] in BREAK_AFTER or following[0] in BREAK_BEFORE, (piece, following)


@pytest.mark.parametrize("style", [URDU, ENGLISH])
def test_an_unbroken_string_breaks_anywhere_rather_than_leave_the_column(style: TextStyle) -> None:
    text = "abcdefghij" * 30
    setting = set_text(parse_inline(f"x {text} y"), style, 150)
    assert len(setting.lines) > 3
    assert all(line.width * style.size <= 150 + 0.01 for line in setting.lines)
    assert "".join(setting.text[line.start:line.end] for line in setting.lines) == f"x {text} y"


def test_a_spaced_separator_between_numbers_reads_from_the_right() -> None:
    text = "ورژن 1.0  ·  25 نومبر"
    assert [text[a:b] for a, b in ltr_islands(text)] == ["1.0", "25"]
    positions = glyph_x_by_character(text)
    assert positions[text.index("1.0")] > positions[text.index("25")], "the version comes first, on the right"


@pytest.mark.parametrize("style", [URDU, ENGLISH])
@pytest.mark.parametrize("width", [40, 90, 200])
def test_single_line_texts_are_measured_then_fitted(style: TextStyle, width: float) -> None:
    title = "لیور میٹاسٹیسس (جگر کا ثانوی کینسر)" if style is URDU else "Liver Metastases (Secondary Liver Cancer)"
    short = title.split(" (")[0]
    fitted = fit_line((title, short), style, width)
    assert len(fitted.setting.lines) == 1
    assert fitted.setting.natural_width <= width + 0.01
    text = fitted.setting.text
    assert text in (title, short) or (fitted.shortened and text.endswith("…")
                                      and short.startswith(text[:-1].rstrip()))
    smaller = fit_size("70-80% and more", style, width)
    setting = set_text(parse_inline("70-80% and more"), smaller, width)
    assert len(setting.lines) == 1 and setting.natural_width <= width + 0.01


@pytest.mark.parametrize("width", [150, 230, 340])
def test_urdu_lines_stay_flush_and_their_ink_inside_the_column(width: float) -> None:
    """A line starting with a kāf (whose stroke reaches past the line's start) stands in no
    further than any other line: the paragraph keeps one right edge, and no ink leaves the column."""
    text = ("کینسر کے خلیے اپنے اردگرد کے خلیوں میں گھس کر انہیں تباہ کر سکتے ہیں۔ کبھی کبھی "
            "کچھ لوگوں کو کمزوری محسوس ہوتی ہے۔ گردے اور جگر کا کام کیا ہے؟ ") * 3
    for style in (URDU, URDU.with_(bold=True)):
        setting = set_text(parse_inline(text), style, width)
        size = style.size
        rights = {round(setting.line_x(line) + line.width * size, 2) for line in setting.lines}
        assert len(rights) == 1, rights
        for line in setting.lines:
            x = setting.line_x(line)
            assert x + line.ink_left * size >= -0.01
            assert x + line.ink_right * size <= width + 0.01
        assert any(line.overhang[1] > 0.2 for line in setting.lines), "the text must test an overhang"
