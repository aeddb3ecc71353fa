"""Paragraphs and list items stand on one line grid, as lines in a paragraph do: the first
baseline of a block is the block pitch under the last baseline of the block above (plus the
space between them), further only where their ink would meet. Lists break between items,
never leaving one alone, or inside a long bulleted item, two lines on each side."""

from __future__ import annotations

import io
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from leaflet.content.model import BulletList, Location, Paragraph, Section, Text
from leaflet.layout import geometry_for, render_leaflet
from leaflet.layout.listblock import BULLET, ListBlock, ListItem
from leaflet.layout.styles import palette_for, styles_for
from leaflet.pdf import extract_text
from leaflet.pdf.placement import overprints, text_lines
from leaflet.text import parse_inline, set_text
from tests.test_line_spacing import WORDS

HERE = Location("tests/test_blocks_on_grid.py", 1, 1)


def words(language: str, least: int, most: int) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(WORDS[language]), min_size=least, max_size=most).map(" ".join)


def blocks(language: str) -> st.SearchStrategy:
    paragraph = words(language, 3, 45).map(lambda text: Paragraph(Text(text, HERE)))
    bullets = st.lists(words(language, 1, 30), min_size=1, max_size=7).map(
        lambda items: BulletList(tuple(Text(item, HERE) for item in items)))
    return st.one_of(paragraph, bullets)


@settings(deadline=None, max_examples=12)
@given(language=st.sampled_from(["ur", "en"]), size=st.sampled_from(["A4", "A5"]), data=st.data())
def test_paragraphs_and_list_items_never_overprint_and_lose_no_word(leaflet, language, size, data) -> None:
    """Any run of paragraphs and bulleted lists, laid out over pages, the blocks closer together
    than their boxes would stand: no glyph's ink meets another line's, and every word is there."""
    section = Section("body", None, tuple(data.draw(st.lists(blocks(language), min_size=2, max_size=9))))
    content = replace(leaflet.languages[language], sections=(section,))
    pdf = render_leaflet(replace(leaflet, languages={language: content}), language, size)
    fonts: dict = {}
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, 1):
        meeting = [(one.text, other.text) for one, other, *_ in
                   overprints(text_lines(page, number, fonts), tolerance=0.0)]
        assert meeting == [], f"page {number}"
    text = " ".join(" ".join(extract_text(pdf)).split())
    for block in section.blocks:
        for piece in [block.text] if isinstance(block, Paragraph) else block.items:
            for word in piece.split():
                assert word.replace("**", "") in text


@settings(deadline=None)
@given(language=st.sampled_from(["ur", "en"]), data=st.data(), breaks_inside=st.booleans(),
       room=st.floats(20, 600))
def test_a_list_breaks_with_two_items_or_two_lines_on_each_side(leaflet, language, data, breaks_inside,
                                                                room) -> None:
    items = data.draw(st.lists(words(language, 1, 60), min_size=1, max_size=8))
    geometry = geometry_for("A5")
    styles = styles_for(geometry, language, palette_for(leaflet.facts.brand.colours))
    width = geometry.text_width
    whole = ListBlock([ListItem(tuple(parse_inline(item)), styles.bullet, BULLET) for item in items],
                      breaks_inside=breaks_inside, space_after=styles.body.space_after)
    whole.wrap(width, 10_000)
    parts = whole.split(width, room)
    if not parts:
        return
    head, tail = parts
    assert head.wrap(width, room)[1] <= room
    tail.wrap(width, 10_000)
    cut_inside = tail.items[0].marker is None  # the item's rest goes on without its bullet
    if cut_inside:
        assert breaks_inside
        assert len(head.settings[-1].lines) >= 2 and len(tail.settings[0].lines) >= 2
        assert len(head.items) + len(tail.items) == len(items) + 1
    else:
        assert len(head.items) >= 2 and len(tail.items) >= 2
        assert len(head.items) + len(tail.items) == len(items)
    assert tail.continues  # a floating diagram waits for the list's end


SHORT = 0.15  # of the column: a last line of one word shorter than this is a runt


def test_paragraphs_rarely_end_in_a_runt(leaflet) -> None:
    """A last line of one short word takes a word from the line above: of the leaflet's texts
    that take more than one line, as paragraphs and as list items, in both languages and sizes,
    at most one in a hundred still ends in one (where the line above would be left too short,
    or the moved word would make the lines' ink meet)."""
    multi_line = runts = 0
    for language in ("en", "ur"):
        for size in ("A4", "A5"):
            geometry = geometry_for(size)
            styles = styles_for(geometry, language, palette_for(leaflet.facts.brand.colours))
            for style in (styles.body, styles.bullet):
                column = geometry.text_width - style.indent
                for _, text in leaflet.languages[language].texts():
                    setting = set_text(parse_inline(str(text)), style.text, column)
                    if len(setting.lines) < 2:
                        continue
                    multi_line += 1
                    last = setting.lines[-1]
                    one_word = " " not in setting.text[last.start:last.end].strip()
                    runts += one_word and last.width * style.text.size < SHORT * column
    assert multi_line > 500
    assert runts <= multi_line / 100, (runts, multi_line)
