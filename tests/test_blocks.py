"""Numbered lists, tables, sections without a heading, a first page without opening hours.

Built from tests/fixtures/schedule (neutral made-up text), in English and Urdu.
"""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from babel.messages.pofile import read_po
from pypdf import PdfReader

from leaflet.pdf.placement import text_lines
from tests.conftest import ROOT, run_cli, translate_po
from tests.pdfstructure import elements, unmarked_painting

FIXTURE = ROOT / "tests" / "fixtures" / "schedule"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("schedule")
    result = run_cli("build", "--content", str(FIXTURE), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def page_texts(path: Path) -> list[str]:
    document = pdfium.PdfDocument(path)
    try:
        return [" ".join(page.get_textpage().get_text_range().split()) for page in document]
    finally:
        document.close()


def check_edited(tmp_path: Path, name: str, old: str, new: str) -> str:
    """Run `check` on a copy of the fixture with `old` replaced by `new` in file `name`; its errors (exit 2)."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    text = (content / name).read_text(encoding="utf-8")
    assert old in text
    (content / name).write_text(text.replace(old, new), encoding="utf-8")
    result = run_cli("check", "--content", str(content))
    assert result.returncode == 2, result.stdout
    return result.stderr


def lines_of(path: Path) -> list:
    return [line for number, page in enumerate(PdfReader(path).pages, 1) for line in text_lines(page, number)]


def test_numbered_items_read_in_order_with_their_numbers(built: Path) -> None:
    text = " ".join(page_texts(built / "visit-schedule_en_A5.pdf"))
    positions = [text.index(f"{n}. ") for n in range(1, 11)]
    assert positions == sorted(positions)
    assert "1. Come to the front desk" in text and "10. Have a good day." in text


def test_urdu_numbers_hang_at_the_right_of_their_items(built: Path) -> None:
    lines = lines_of(built / "visit-schedule_ur_A5.pdf")
    first = next(line for line in lines if line.text.strip() == "1۔")
    item = next(line for line in lines if line.text.startswith("اپنے خط"))
    assert first.box[0] > item.box[2], "the number stands at the start (right) of its item"
    stop, digit = sorted(first.glyphs, key=lambda glyph: glyph[0])
    assert digit[0] > stop[0], "the digit reads first, at the right; the Urdu full stop after it"


@pytest.mark.parametrize(("language", "first", "second"), [("en", "When", "What to do"), ("ur", "کب", "کیا کرنا ہے")])
def test_table_columns_run_in_reading_order(built: Path, language: str, first: str, second: str) -> None:
    lines = lines_of(built / f"visit-schedule_{language}_A5.pdf")
    left = {line.text: line.box[0] for line in lines}
    if language == "en":
        assert left[first] < left[second]
    else:
        assert left[first] > left[second], "in Urdu the first column is on the right"
    rows = [line for line in lines if line.text in ("Seven days before", "The day before", "On the day",
                                                     "سات دن پہلے", "ایک دن پہلے", "اسی دن")]
    assert len(rows) == 3
    assert [row.page for row in rows] == sorted(row.page for row in rows)


def test_a_tall_table_splits_between_rows_repeating_its_header(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    english = (content / "en.yaml").read_text(encoding="utf-8")
    rows = "".join(f"            - [Step {n} of the day, Do the thing numbered {n} and then wait a while.]\n"
                   for n in range(1, 41))
    english = english.replace("            - [On the day, Arrive ten minutes early.]\n",
                              "            - [On the day, Arrive ten minutes early.]\n" + rows)
    (content / "en.yaml").write_text(english, encoding="utf-8")
    result = run_cli("build", "--content", str(content), "--lang", "en", "--size", "A5", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    lines = lines_of(tmp_path / "visit-schedule_en_A5.pdf")
    headers = {line.page for line in lines if line.text == "What to do"}
    assert len(headers) >= 2, "the header repeats on every page the table reaches"
    for n in range(1, 41):
        cells = [line.page for line in lines if line.text in (f"Step {n} of the day",)
                 or line.text.startswith(f"Do the thing numbered {n} ")]
        assert len(set(cells)) == 1, f"row {n} is split across pages"


def test_a_section_without_a_heading_has_text_but_no_bookmark(built: Path) -> None:
    reader = PdfReader(built / "visit-schedule_en_A5.pdf")
    assert [item.title for item in reader.outline if not isinstance(item, list)] == ["On the day", "Contact us"]
    assert "This first section has no heading of its own" in page_texts(built / "visit-schedule_en_A5.pdf")[0]


def test_no_opening_hours_means_no_hours_strip(built: Path) -> None:
    first = page_texts(built / "visit-schedule_en_A4.pdf")[0]
    assert "Your Visit" in first and not re.search(r"\b(Open|Monday|9:00)\b", first)


def test_opening_hours_without_their_wording_is_a_check_error(tmp_path: Path) -> None:
    hours = "opening_hours:\n  first_day: monday\n  last_day: friday\n  opens: \"09:00\"\n  closes: \"17:00\"\n"
    errors = check_edited(tmp_path, "leaflet.yaml", "figures: {}\n", "figures: {}\n" + hours)
    assert re.search(r"en\.yaml:\d+:\d+: labels\.opening_hours: missing; expected how to word", errors)


def test_a_table_row_with_the_wrong_number_of_cells_is_a_check_error(tmp_path: Path) -> None:
    errors = check_edited(tmp_path, "en.yaml", "- [The day before, Get your papers ready.]", "- [The day before]")
    assert re.search(r"en\.yaml:\d+:\d+: sections\[1\]\.blocks\[1\]\.table\.rows\[1\]: 1 cells; expected 2", errors)


def test_table_cells_and_numbered_items_go_through_po_files(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    po = tmp_path / "ur.po"
    assert run_cli("export-po", "ur", "--content", str(content), "--out", str(po)).returncode == 0
    catalog = read_po(io.BytesIO(po.read_bytes()))
    cell = catalog.get("The day before", context="sections.steps.blocks[1].rows[1][0]")
    step = catalog.get("Have a good day.", context="sections.steps.blocks[0].numbered[9]")
    assert cell is not None and cell.string == "ایک دن پہلے"
    assert step is not None and step.string == "آپ کا دن اچھا گزرے۔"
    translate_po(po, {("The day before", "sections.steps.blocks[1].rows[1][0]"): "ایک روز پہلے"})
    result = run_cli("import-po", str(po), "--content", str(content))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 items changed" in result.stdout
    assert "- [ایک روز پہلے, اپنے کاغذات تیار رکھیں۔]" in (content / "ur.yaml").read_text(encoding="utf-8")


def test_pictures_are_drawn_at_their_size_centred_with_their_caption(built: Path) -> None:
    document = pdfium.PdfDocument(built / "visit-schedule_en_A5.pdf")
    try:
        pages = list(document)
        images = [(number, obj.get_bounds()) for number, page in enumerate(pages)
                  for obj in page.get_objects(filter=(pdfium.raw.FPDF_PAGEOBJ_IMAGE,), max_depth=3)]
        paths = [obj.get_bounds() for obj in pages[0].get_objects(filter=(pdfium.raw.FPDF_PAGEOBJ_PATH,), max_depth=3)]
        width = pages[0].get_width()
    finally:
        document.close()
    assert len(images) == 1, "the PNG, once"
    left, bottom, right, top = images[0][1]
    assert abs((right - left) - 240 * 0.75) < 0.5 and abs((top - bottom) - 120 * 0.75) < 0.5, "never enlarged"
    assert abs((left + right) / 2 - width / 2) < 0.5, "centred in the column"
    chairs = [box for box in paths if abs((box[2] - box[0]) - 30) < 0.5]  # the seats, 40 px wide
    assert len(chairs) >= 3, "the SVG is drawn as vector shapes"
    assert "The waiting area." in page_texts(built / "visit-schedule_en_A5.pdf")[0]


@pytest.mark.parametrize(("file_line", "message"), [
    ("../leaflet.yaml", "`../leaflet.yaml` leaves the content folder"),
    ("/etc/passwd.svg", "`/etc/passwd.svg` leaves the content folder"),
    ("nowhere.svg", "no file `nowhere.svg`"),
    ("photo.jpg", "`photo.jpg` is not a picture this tool draws; expected an .svg or .png file"),
    ("broken.svg", "`broken.svg` is not well-formed SVG (line 1"),
    ("words.svg", "`words.svg` has <text>, whose font cannot be embedded"),
    ("fake.png", "`fake.png` cannot be read as PNG"),
])
def test_a_picture_that_cannot_be_drawn_is_a_check_error(tmp_path: Path, file_line: str, message: str) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    (content / "broken.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'><rect", encoding="utf-8")
    (content / "words.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'><text>Hi</text></svg>",
                                       encoding="utf-8")
    (content / "fake.png").write_bytes(b"not a png at all")
    english = (content / "en.yaml").read_text(encoding="utf-8").replace("file: waiting-area.svg", f"file: {file_line}")
    (content / "en.yaml").write_text(english, encoding="utf-8")
    line = english.splitlines().index(f"          file: {file_line}") + 1
    result = run_cli("check", "--content", str(content))
    assert result.returncode == 2
    assert f"en.yaml:{line}:17: sections[0].blocks[1].image.file: {message}" in result.stderr, result.stderr


def test_a_picture_without_words_is_a_check_error(tmp_path: Path) -> None:
    alt = "          alt: Three chairs in a row, and a green door on the right.\n"
    errors = check_edited(tmp_path, "en.yaml", alt, "")
    assert re.search(r"en\.yaml:\d+:\d+: sections\[0\]\.blocks\[1\]\.image\.alt: missing", errors)


@pytest.mark.parametrize(("language", "pattern"), [("en", "Step {number}:"), ("ur", "مرحلہ {number}:")])
def test_a_long_number_style_hangs_clear_of_its_items(tmp_path: Path, language: str, pattern: str) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    path = content / f"{language}.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r'list_number: "[^"]*"', f'list_number: "{pattern}"', text), encoding="utf-8")
    result = run_cli("build", "--content", str(content), "--lang", language, "--size", "A5", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr  # the placement check finds no overprint
    assert pattern.replace("{number}", "10").split()[0] in " ".join(page_texts(
        tmp_path / f"visit-schedule_{language}_A5.pdf"))


@pytest.mark.parametrize("language", ["en", "ur"])
def test_tables_and_pictures_are_tagged_in_reading_order(built, language) -> None:
    for size in ("A4", "A5"):
        path = built / f"visit-schedule_{language}_{size}.pdf"
        assert unmarked_painting(path) == []
        found = elements(path)
        tables = [index for index, element in enumerate(found) if element["role"] == "Table"]
        assert tables, "the table is one Table element, however many pages it runs over"
        for index in tables:
            rows = [element for element in found[index + 1:] if element["depth"] == found[index]["depth"] + 1]
            rows = rows[:next((n for n, row in enumerate(rows) if row["role"] != "TR"), len(rows))]
            assert len(rows) >= 2
        cells = [element["role"] for element in found if element["role"] in ("TH", "TD")]
        assert cells[0] == "TH" and "TD" in cells and cells.index("TD") > cells.count("TH") - 1
        figures = [element for element in found if element["role"] == "Figure"]
        assert figures and all(element["alt"] for element in figures)
