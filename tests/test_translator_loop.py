"""The translator's loop, tried as a translator would: exact places, every slip, the right missing
item, plain words for a broken quote, PO files gettext's own tools accept, fuzzy entries kept
apart, lossless imports, and a preview that pairs sections."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from translate.storage import po as toolkit_po

from leaflet.content import load_leaflet
from leaflet.layout import render_leaflet
from leaflet.preview import SHEET_DPI, section_slices
from leaflet.translation.status import items
from tests.conftest import CONTENT, LEAFLET_ID, run_cli, translate_po
from tests.pdftext import page_texts

URDU = Path(LEAFLET_ID) / "ur.yaml"
ENGLISH = Path(LEAFLET_ID) / "en.yaml"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(CONTENT, folder)
    return folder


def rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def place(path: Path, line_text: str, char: str) -> tuple[int, int]:
    """(line, column) of `char` in the line of the file that holds `line_text`, counted as editors do."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line_text in line:
            return number, line.index(char) + 1
    raise AssertionError(line_text)


def test_every_slip_in_a_folded_paragraph_is_reported_at_its_own_line_and_column(content: Path) -> None:
    """Two Arabic letters on the second and third line of one `>-` paragraph: two findings."""
    urdu = content / URDU
    rewrite(urdu, "          معمولی بات محسوس نہیں ہوتی۔", "          معمولي بات محسوس نہیں ہوتی۔")
    rewrite(urdu, "          زیادہ نشانیاں یا علامات ہوتی ہیں:", "          زیادہ نشانیاں یا علامات ہوتی ہیں: ك")
    result = run_cli("check", "--content", str(content / LEAFLET_ID))
    assert result.returncode == 1
    first, second = place(urdu, "معمولي بات", "ي"), place(urdu, "ہوتی ہیں: ك", "ك")
    assert first[0] != second[0]
    slips = [line for line in result.stdout.splitlines() if ": Arabic `" in line]
    assert any(f"ur.yaml:{first[0]}:{first[1]}: sections.symptoms.blocks[0].text: Arabic `ي`" in line
               for line in slips), slips
    assert any(f"ur.yaml:{second[0]}:{second[1]}: sections.symptoms.blocks[1].text: Arabic `ك`" in line
               for line in slips), slips
    assert "2 slips" in result.stdout


def test_an_unclosed_quote_is_reported_where_it_opens_in_plain_words(content: Path) -> None:
    urdu = content / URDU
    rewrite(urdu, "\ntitle: جگر کا ثانوی کینسر\n", '\ntitle: "جگر کا ثانوی کینسر\n')
    line, column = place(urdu, 'title: "جگر', '"')
    result = run_cli("check", "--content", str(content / LEAFLET_ID))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"ur.yaml:{line}:{column}: (yaml): this quote is never closed; add the closing \" at the end of the text" \
        in result.stderr
    assert "while scanning" not in result.stderr


def test_a_bullet_deleted_in_the_middle_is_the_one_reported_missing(content: Path) -> None:
    """The symptoms list loses «تھکاوٹ» (tiredness), its fifth item: the report names that item,
    quoting its English, and finds nothing wrong with the four after it."""
    rewrite(content / URDU, "          - تھکاوٹ\n", "")
    result = run_cli("check", "--content", str(content / LEAFLET_ID))
    findings = [line for line in result.stdout.splitlines() if "sections.symptoms" in line]
    assert len(findings) == 1, findings
    assert "sections.symptoms.blocks[2].items[4]: missing; expected a translation of “tiredness (fatigue)”" \
        in findings[0]
    assert "1 missing, 0 stale, 0 orphan" in result.stdout


def test_exported_po_passes_msgfmt_and_translate_toolkit(tmp_path: Path) -> None:
    po = tmp_path / "ur.po"
    assert run_cli("export-po", "ur", "--out", str(po)).returncode == 0
    checked = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    assert "python-format" not in po.read_text(encoding="utf-8")  # "70-80% of" is text
    pocount = Path(sys.executable).parent / "pocount"  # translate-toolkit's, installed with the tests
    counted = subprocess.run([str(pocount), str(po)], capture_output=True, text=True)
    assert counted.returncode == 0 and "Translated:" in counted.stdout, counted.stderr
    store = toolkit_po.pofile(po.read_bytes())
    assert len([unit for unit in store.units if not unit.isheader()]) == 225


def test_a_stale_item_goes_out_fuzzy_with_the_english_it_was_translated_from(content: Path, tmp_path: Path) -> None:
    old = "Your body keeps this process under strict control."
    rewrite(content / ENGLISH, old, "Your body keeps this process under very strict control.")
    po = tmp_path / "ur.po"
    assert run_cli("export-po", "ur", "--content", str(content / LEAFLET_ID), "--out", str(po)).returncode == 0
    assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)], capture_output=True).returncode == 0
    store = toolkit_po.pofile(po.read_bytes())
    fuzzy = [unit for unit in store.units if unit.isfuzzy()]
    assert [unit.getcontext() for unit in fuzzy] == ["sections.secondary-liver-cancer.blocks[2].text"]
    assert old in fuzzy[0].prev_source and "very strict" in fuzzy[0].source


def test_fuzzy_entries_are_left_out_unless_asked_and_then_stay_stale(content: Path, tmp_path: Path) -> None:
    rewrite(content / ENGLISH, "Your body keeps this process under strict control.",
            "Your body keeps this process under very strict control.")
    po = tmp_path / "ur.po"
    folder = content / LEAFLET_ID
    assert run_cli("export-po", "ur", "--content", str(folder), "--out", str(po)).returncode == 0
    english = " ".join(str(items(load_leaflet(folder).languages["en"])[
        "sections.secondary-liver-cancer.blocks[2].text"]).split())
    translate_po(po, {(english, "sections.secondary-liver-cancer.blocks[2].text"): "نیا ترجمہ۔"})
    before = (folder / "ur.yaml").read_bytes()
    skipped = run_cli("import-po", str(po), "--content", str(folder))
    assert "1 fuzzy entry not imported" in skipped.stdout
    assert (folder / "ur.yaml").read_bytes() == before
    taken = run_cli("import-po", str(po), "--include-fuzzy", "--content", str(folder))
    assert "1 items changed" in taken.stdout and "1 fuzzy entry imported" in taken.stdout
    assert "sections.secondary-liver-cancer.blocks[2].text: imported from a PO file as fuzzy" in taken.stdout
    assert "1 stale" in taken.stdout


def test_an_edit_changes_only_the_lines_of_its_item_folded_as_before(content: Path, tmp_path: Path) -> None:
    folder = content / LEAFLET_ID
    po = tmp_path / "ur.po"
    assert run_cli("export-po", "ur", "--content", str(folder), "--out", str(po)).returncode == 0
    path = "sections.secondary-liver-cancer.blocks[2].text"
    leaflet = load_leaflet(folder)
    english, urdu = items(leaflet.languages["en"])[path], items(leaflet.languages["ur"])[path]
    translate_po(po, {(str(english), path): str(urdu).replace("سختی سے", "بہت سختی سے")})
    old = (folder / "ur.yaml").read_text(encoding="utf-8").splitlines()
    result = run_cli("import-po", str(po), "--content", str(folder))
    assert "1 items changed" in result.stdout
    new = (folder / "ur.yaml").read_text(encoding="utf-8").splitlines()
    assert len(new) == len(old)
    changed = [(before, after) for before, after in zip(old, new, strict=True) if before != after]
    assert len(changed) == 1 and "بہت سختی سے" in changed[0][1]
    assert len(changed[0][1]) <= max(len(line) for line in old)  # folded at the width its lines had


def test_preview_pairs_each_section_with_the_same_english_section(tmp_path: Path, leaflet) -> None:
    """Whatever page each language is on, sheet N shows section N: its slices start on the
    page where that section's heading is, in each language; the sheets are at 150 dpi."""
    out = tmp_path / "preview"
    result = run_cli("preview", "--lang", "ur", "--size", "A5", "--out", str(out))
    assert result.returncode == 0, result.stderr
    headed = [section for section in leaflet.languages["en"].sections if section.heading is not None]
    sheets = sorted(out.glob("liver-metastases_ur_A5-section-*.png"))
    assert len(sheets) == len(headed)
    pdfs = {code: render_leaflet(leaflet, code, "A5") for code in ("en", "ur")}
    for code, pdf in pdfs.items():
        path = tmp_path / f"{code}.pdf"
        path.write_bytes(pdf)
        texts = [" ".join(text.split()) for text in page_texts(path)]
        sections = [s for s in leaflet.languages[code].sections if s.heading is not None]
        for section, slices in zip(sections, section_slices(pdf), strict=True):
            assert str(section.heading) in texts[slices[0].page], (code, section.id)
    english_pages = len(PdfReader(io.BytesIO(pdfs["en"])).pages)
    urdu_pages = len(PdfReader(io.BytesIO(pdfs["ur"])).pages)
    assert urdu_pages > english_pages + 3  # the page numbers drift apart; the sections do not
    sheet = Image.open(sheets[0])
    assert round(sheet.info["dpi"][0]) == SHEET_DPI
    assert sheet.width > 2 * round(419.5 * SHEET_DPI / 72)


CATALOGUE = Path(__file__).parent / "fixtures" / "catalogue"
_COLON = "a colon followed by a space inside text; put the whole text in quotes (\"…: …\")"
_IN_A_CELL = "a colon inside an item of a [ ] list (a table cell); put the whole item in quotes: [\"…: …\", …]"


_YAML_MISTAKES = ["colon in text", "colon in a bullet", "colon ending a bullet", "colon in a cell",
                  "second colon in a cell", "list never closed", "tab", "out of line", "text after its quote"]


@pytest.mark.parametrize(("old", "new", "message"), [  # ‸ marks the place the message gives
    ("title: Your Visit\n", "title: Your Visit‸: the Day\n", f"(yaml): {_COLON}"),
    ("- The bus stops at the main gate.", "- Note‸: the bus stops at the main gate.",
     f"sections[2].blocks[1].bullets[0]: {_COLON}"),
    ("- The car park is behind the building.", "- The car park is behind‸:",
     "sections[2].blocks[1].bullets[1]: a colon ending the text; put the whole text in quotes (\"…:\")"),
    ("[The day before, Get", "[The day before‸: evening, Get", f"sections[0].blocks[3].table.rows[0][0]: {_IN_A_CELL}"),
    ("[On the day, Arrive", "[On the day: 9‸: 30, Arrive", f"(yaml): {_IN_A_CELL}"),
    ("[On the day, Arrive ten minutes early.]", "‸[On the day, Arrive ten minutes early.",
     "(yaml): this [ ] list is never closed; expected a ] after its last item"),
    ("    heading: Getting here\n", "‸\theading: Getting here\n",
     "(yaml): a tab character; expected spaces to indent (YAML allows no tabs there)"),
    ("          - The car park", "         ‸- The car park",
     "(yaml): this line is not lined up with the lines above it; expected it indented as far as the other "
     "entries at its level, with spaces"),
    ("subtitle: On the Day", "subtitle: \"On the\" ‸Day",
     "(yaml): the text goes on after its closing quote; expected the whole text inside one pair of quotes "
     "(\"…\" around a text that has ' in it, '…' around one that has \")"),
], ids=_YAML_MISTAKES)
def test_yaml_mistakes_are_said_in_plain_words_at_their_place(tmp_path: Path, old: str, new: str,
                                                              message: str) -> None:
    """The slips a translator makes in YAML, each one line at the place to fix, saying what to
    type, not what the YAML parser expected."""
    shutil.copytree(CATALOGUE, tmp_path / "content")
    english = tmp_path / "content" / "visit-day" / "en.yaml"
    rewrite(english, old, new)
    text = english.read_text(encoding="utf-8")
    before = text[:text.index("‸")]
    line, column = before.count("\n") + 1, len(before) - before.rfind("\n")
    english.write_text(text.replace("‸", ""), encoding="utf-8")
    result = run_cli("check", "--content", str(tmp_path / "content"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [f"{english}:{line}:{column}: {message}"]
