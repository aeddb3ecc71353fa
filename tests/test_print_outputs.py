"""Files for the print shop: the bilingual leaflet and the saddle-stitched A5 booklets."""

from __future__ import annotations

import hashlib
import re
import subprocess
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from leaflet.build import expectations_for
from leaflet.pdf import booklet_order, check_pdf_file
from leaflet.pdf.placement import text_lines
from tests.conftest import ROOT, run_cli
from tests.pdfstructure import unmarked_painting
from tests.pdftext import page_texts


@pytest.fixture(scope="module")
def default_build(tmp_path_factory) -> Path:
    """The default command, run as OPD staff would, in a fresh folder."""
    folder = tmp_path_factory.mktemp("default")
    (folder / "content").symlink_to(ROOT / "content")
    result = run_cli(cwd=folder)
    assert result.returncode == 0, result.stderr
    return folder / "output"


def test_booklet_order_is_saddle_stitch_and_mirrors_for_right_to_left() -> None:
    assert booklet_order(8, rtl=False) == [(7, 0), (1, 6), (5, 2), (3, 4)]
    assert booklet_order(8, rtl=True) == [(0, 7), (6, 1), (2, 5), (4, 3)]
    with pytest.raises(ValueError, match="multiple of 4"):
        booklet_order(6, rtl=False)


NOTES = {"en": "Notes", "ur": "یادداشت"}
CARD = {"en": "Who to call", "ur": "کسے فون کریں"}
A5_WIDTH = 148 * mm


def half_pages(path: Path, language: str) -> list[tuple[str, str]]:
    """What stands on the left and the right half of every sheet side, read from the lines of
    text each half draws (the PDF check's own reading, into the pages' forms): a page of the text
    (its number, from its label), 'notes' (a lined notes page), 'cover' (the back cover with the
    contact card) or 'other'."""
    label = re.compile(r"Page (\d+) of \d+|صفحہ (\d+) از \d+")
    sides = []
    for number, side in enumerate(PdfReader(path).pages, 1):
        box = side.trimbox if "/TrimBox" in side else side.mediabox
        spine = (float(box.left) + float(box.right)) / 2 - float(box.left)  # text_lines reads from the trim
        halves: tuple[list[str], list[str]] = ([], [])
        for line in text_lines(side, number):
            halves[(line.box[0] + line.box[2]) / 2 > spine].append(line.text)
        found = []
        for texts in halves:
            text = " ".join(" ".join(texts).split())
            page = label.search(text)
            found.append(next(g for g in page.groups() if g) if page else "notes" if NOTES[language] in text
                         else "cover" if CARD[language] in text else "other")
        sides.append(tuple(found))
    return sides


BOOKLETS = [(language, kind) for language in ("en", "ur") for kind in ("A5-booklet", "A5-booklet_print")]


@pytest.mark.parametrize(("language", "kind"), BOOKLETS)
def test_booklet_pages_fall_in_saddle_stitch_order(default_build, print_build, leaflet, language, kind) -> None:
    """Screen and print booklets: the text's pages, then lined notes pages, then the back cover
    with the contact card, in saddle-stitch order (mirrored for a right-to-left booklet); no
    blank page, and no more notes pages than it takes to fill the last sheet."""
    folder = print_build if kind.endswith("print") else default_build
    sides = half_pages(folder / f"liver-metastases_{language}_{kind}.pdf", language)
    count = 2 * len(sides)
    reading = [""] * count
    for (left, right), (at_left, at_right) in zip(sides, booklet_order(count, language == "ur"), strict=True):
        reading[at_left], reading[at_right] = left, right
    text_pages = sum(half.isdigit() for half in reading)
    assert reading == [*map(str, range(1, text_pages + 1)), *["notes"] * (count - text_pages - 1), "cover"]
    assert count - text_pages - 1 < 4
    assert text_pages >= 15


@pytest.mark.parametrize(("language", "kind"), BOOKLETS)
def test_a_booklet_shows_each_contact_once_and_its_card_whole_on_the_back(default_build, print_build, leaflet,
                                                                          language, kind) -> None:
    """The back cover holds the whole contact card, so the text leaves it out: no contact page
    twice, and the Urdu card, too tall to share an A5 page with its heading, is not split."""
    folder = print_build if kind.endswith("print") else default_build
    texts = [" ".join(page.get_textpage().get_text_range().split())
             for page in pdfium.PdfDocument((folder / f"liver-metastases_{language}_{kind}.pdf").read_bytes())]
    for contact in leaflet.facts.shown_contacts():
        assert sum(text.count(contact.phone) for text in texts) == 1, contact.phone
    pages = page_texts(folder / f"liver-metastases_{language}_A5_print.pdf") if kind.endswith("print") else None
    if pages is not None:  # the print file for shops that impose: the same pages in reading order
        phones = [contact.phone for contact in leaflet.facts.shown_contacts()]
        assert len(pages) % 4 == 0
        assert [number for number, text in enumerate(pages) if any(phone in text for phone in phones)] == [
            len(pages) - 1]
        assert all(phone in pages[-1] for phone in phones)


def test_bilingual_outline_groups_languages_then_sections(default_build, leaflet) -> None:
    for size in ("A4", "A5"):
        reader = PdfReader(default_build / f"liver-metastases_bilingual_{size}.pdf")
        outline = reader.outline
        titles = [item.title for item in outline if not isinstance(item, list)]
        assert titles == ["English", "اردو"]
        children = [item for item in outline if isinstance(item, list)]
        assert [[c.title for c in group] for group in children] == [
            [str(s.heading) for s in leaflet.languages[code].sections] for code in ("en", "ur")]
        english_pages = len(PdfReader(default_build / f"liver-metastases_en_{size}.pdf").pages)
        assert reader.page_labels[0] == "English 1"
        assert reader.page_labels[english_pages] == "اردو 1"
        assert reader.metadata.title == "Liver Metastases (Secondary Liver Cancer)"


def test_every_default_output_passes_the_checks_and_qpdf(default_build, leaflet) -> None:
    files = sorted(default_build.glob("*.pdf"))
    assert len(files) == 8
    for path in files:
        with pikepdf.open(path) as pdf:
            assert pdf.check_pdf_syntax() == [], path.name
    result = run_cli("validate", *map(str, files))
    assert result.returncode == 0, result.stderr
    booklet = default_build / "liver-metastases_ur_A5-booklet.pdf"
    assert check_pdf_file(booklet, expectations_for(leaflet, "ur", "A5", "booklet")) == []


@pytest.fixture(scope="module")
def print_build(tmp_path_factory) -> Path:
    """The Urdu translation is a draft: built for print only as a proof, with --allow-draft."""
    out = tmp_path_factory.mktemp("print")
    result = run_cli("build", "--print", "--allow-draft", "--size", "A5", "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_a_draft_translation_does_not_go_to_press(tmp_path, print_build) -> None:
    """One line naming the file, the line and column of its status, and what would do; nothing
    is built, not even the reviewed languages, and a folder already holding the files keeps them."""
    result = run_cli("build", "--print", "--out", str(tmp_path / "out"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [draft_refusal("content/liver-metastases/ur.yaml")]
    assert not (tmp_path / "out").exists()
    before = {path: path.read_bytes() for path in print_build.rglob("*") if path.is_file()}  # the archive too
    assert run_cli("build", "--print", "--size", "A5", "--out", str(print_build)).returncode == 2
    assert {path: path.read_bytes() for path in print_build.rglob("*") if path.is_file()} == before
    english = run_cli("build", "--print", "--lang", "en", "--size", "A5", "--out", str(tmp_path / "en"))
    assert english.returncode == 0, english.stderr


def draft_refusal(path: str) -> str:
    return (f"{path}:4:11: translation.status: `draft` does not go to press; expected `status: reviewed` under "
            f"`translation:` in {path}, set there by the medical reviewer after the medical review (check "
            "--mark-reviewed does not change it), or build --print --allow-draft for a proof that keeps the draft "
            "mark, or the reviewed languages alone: build --print --lang en")


def test_the_draft_refusal_says_how_a_translation_becomes_reviewed(content_copy: Path, tmp_path: Path) -> None:
    """Its advice holds: `check --mark-reviewed ur` (which records the English the Urdu follows)
    leaves the refusal as it was; `status: reviewed` in the file it names, set by the medical
    reviewer, ends it."""
    urdu = content_copy / "liver-metastases" / "ur.yaml"
    build = ("build", "--print", "--lang", "ur", "--size", "A4", "--content", str(content_copy),
             "--out", str(tmp_path / "out"))
    refused = run_cli(*build)
    assert refused.returncode == 2 and refused.stderr.splitlines() == [draft_refusal(str(urdu))]
    assert run_cli("check", "--mark-reviewed", "ur", "--content", str(content_copy)).returncode != 2
    again = run_cli(*build)
    assert again.returncode == 2 and again.stderr == refused.stderr
    urdu.write_text(urdu.read_text(encoding="utf-8").replace("  status: draft\n", "  status: reviewed\n", 1),
                    encoding="utf-8")
    built = run_cli(*build)
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "out" / "liver-metastases_ur_A4_print.pdf").is_file()


def test_a_proof_of_a_draft_keeps_its_mark(print_build, leaflet) -> None:
    mark = str(leaflet.languages["ur"].translation.mark)
    assert all(mark in text for text in page_texts(print_build / "liver-metastases_ur_A5_print.pdf"))


@pytest.mark.parametrize("language", ["en", "ur"])
def test_print_variant_has_bleed_marks_cmyk_and_no_links(print_build, leaflet, language) -> None:
    path = print_build / f"liver-metastases_{language}_A5_print.pdf"
    assert check_pdf_file(path, expectations_for(leaflet, language, "A5", "print")) == []
    reader = PdfReader(path)
    for page in reader.pages:
        assert not page.get("/Annots"), "paper has no links"
        trim, bleed = page.trimbox, page.bleedbox
        assert round(float(trim.width)) == 420 and round(float(trim.height)) == 595
        assert round(float(trim.left) - float(bleed.left), 1) == 8.5  # 3 mm
    page = pdfium.PdfDocument(path.read_bytes())[0]
    scale = 2
    image = page.render(scale=scale).to_pil().convert("RGB")
    height = image.height

    def pixel(x: float, y: float) -> tuple[int, int, int]:
        return image.getpixel((round(x * scale), round(height - y * scale)))

    trim, bleed = reader.pages[0].trimbox, reader.pages[0].bleedbox
    band_in_bleed = pixel(float(bleed.left) + 1, float(bleed.top) - 1)
    assert max(band_in_bleed) < 140, "the header band runs into the bleed"
    assert pixel(float(bleed.left) - 4, float(bleed.top) + 4) == (255, 255, 255), "nothing beyond the bleed"
    corner_mark = pixel(float(trim.left), float(bleed.top) + 10)
    assert max(corner_mark) < 200, "a crop mark outside the bleed, in line with the trim"


def test_print_text_stays_5mm_inside_the_trim(print_build) -> None:
    """All but the slug line under the bleed (cut off with it; see the slug test)."""
    inset = 5 * 72 / 25.4
    for language in ("en", "ur"):
        path = print_build / f"liver-metastases_{language}_A5_print.pdf"
        trim = PdfReader(path).pages[0].trimbox
        document = pdfium.PdfDocument(path.read_bytes())
        for page in document:
            textpage = page.get_textpage()
            for index in range(textpage.count_chars()):
                left, bottom, right, top = textpage.get_charbox(index)
                if right <= left or top < float(trim.bottom) - 3 * mm:
                    continue
                assert left >= float(trim.left) + inset - 0.5, (language, textpage.get_text_range(index, 1))
                assert right <= float(trim.right) - inset + 0.5
                assert bottom >= float(trim.bottom) + inset - 0.5
                assert top <= float(trim.top) - inset + 0.5


def test_transparency_in_a_print_file_is_caught(print_build, leaflet) -> None:
    path = print_build / "liver-metastases_en_A5_print.pdf"
    with pikepdf.open(path) as pdf:
        page = pdf.pages[0]
        page.Resources.ExtGState = pikepdf.Dictionary(GS9=pikepdf.Dictionary(Type=pikepdf.Name.ExtGState, ca=0.5))
        planted = print_build / "planted.pdf"
        pdf.save(planted)
    findings = check_pdf_file(planted, expectations_for(leaflet, "en", "A5", "print"))
    expected = [("colours", "page 1 uses transparency, which print files must not")]
    assert [(f.check, f.found) for f in findings] == expected


@pytest.mark.parametrize("language", ["en", "ur"])
def test_each_print_file_has_a_job_ticket_that_agrees_with_it(print_build, language) -> None:
    """The ticket beside the file states what pdfinfo and pdffonts read from the file itself."""
    path = print_build / f"liver-metastases_{language}_A5_print.pdf"
    ticket = (print_build / f"liver-metastases_{language}_A5_print.txt").read_text(encoding="utf-8")
    info = subprocess.run(["pdfinfo", "-box", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    assert f"Pages: {pages}, single pages in reading order" in ticket
    assert pages % 4 == 0 and "the page count is a multiple of 4 for a saddle-stitched booklet" in ticket
    trim = [float(v) for v in re.search(r"^TrimBox:\s+(.+)$", info, re.M).group(1).split()]
    assert f"Trim size: {round((trim[2] - trim[0]) / mm)} x {round((trim[3] - trim[1]) / mm)} mm" in ticket
    assert "Trim size: 148 x 210 mm" in ticket and "Bleed: 3 mm on every side" in ticket
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    names = sorted({line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:]})
    assert f"Fonts: all embedded as subsets: {', '.join(names)}" in ticket
    assert "PDF/X: no claim is made" in ticket
    binding = {"en": "saddle-stitched on the left", "ur": "saddle-stitched on the right"}[language]
    assert binding in ticket
    assert ("PROOF ONLY" in ticket) == (language == "ur")  # the Urdu translation is a draft


@pytest.mark.parametrize("language", ["en", "ur"])
def test_print_booklet_sides_are_two_pages_with_bleed_crop_and_fold_marks(print_build, language) -> None:
    """Each side's trim is two A5 pages side by side, with 3 mm bleed round it; crop marks at its
    corners and a fold mark at the spine lie outside the bleed, nothing else does but the slug
    line; the pages meet at the spine, neither's bleed showing on the other."""
    path = print_build / f"liver-metastases_{language}_A5-booklet_print.pdf"
    with pikepdf.open(path) as pdf:
        assert pdf.check_pdf_syntax() == []
    reader = PdfReader(path)
    assert 2 * len(reader.pages) == len(PdfReader(print_build / f"liver-metastases_{language}_A5_print.pdf").pages)
    for side in reader.pages:
        trim, bleed, media = side.trimbox, side.bleedbox, side.mediabox
        assert round(float(trim.width) / mm) == 296 and round(float(trim.height) / mm) == 210
        assert [round(v, 1) for v in (float(trim.left) - float(bleed.left), float(bleed.right) - float(trim.right),
                                      float(trim.bottom) - float(bleed.bottom), float(bleed.top) - float(trim.top))
                ] == [8.5] * 4
        assert float(media.left) < float(bleed.left) - 14 and float(media.top) > float(bleed.top) + 14
    front = pdfium.PdfDocument(path.read_bytes())[0]
    scale = 3
    image = front.render(scale=scale).to_pil().convert("RGB")

    def ink(x: float, y: float) -> int:
        """The darkest pixel round a point: a hairline is under a pixel wide."""
        column, row = round(x * scale), round(image.height - y * scale)
        return max(255 - min(image.getpixel((column + dx, row + dy))) for dx in (-1, 0, 1) for dy in (-1, 0, 1))

    trim = reader.pages[0].trimbox
    left, bottom, right, top = (float(v) for v in (trim.left, trim.bottom, trim.right, trim.top))
    spine, beyond = left + A5_WIDTH, 3 * mm + 2 + 1  # a point into each mark, past the bleed and the gap
    for x, y in ((left, top + beyond), (right, top + beyond), (left, bottom - beyond), (right, bottom - beyond),
                 (left - beyond, top), (right + beyond, bottom)):
        assert ink(x, y) > 120, ("crop mark", x, y)
    assert ink(spine, top + beyond) > 120 and ink(spine, bottom - beyond) > 120, "fold mark"
    for y in (bottom + 40, (bottom + top) / 2, top - 40):  # the paper beyond the bleed is bare
        assert ink(left - 3 * mm - 1.5, y) < 10 and ink(right + 3 * mm + 1.5, y) < 10
    # the front cover's band bleeds off its three outer edges, not over the spine onto the back cover
    cover_side = 1 if language == "en" else -1  # where page 1 stands from the spine: right, or left
    assert ink(spine + cover_side * 3, top - 20) > 100
    assert ink(spine - cover_side * 3, top - 20) < 60
    ticket = (print_build / f"liver-metastases_{language}_A5-booklet_print.txt").read_text(encoding="utf-8")
    sheets = len(reader.pages) // 2
    assert f"Pages: {len(reader.pages)} sheet sides ({sheets} sheets printed on both sides)" in ticket
    assert "Trim size: 296 x 210 mm" in ticket and "Imposition: done, saddle-stitch order" in ticket
    assert "two staples through the fold" in ticket
    assert {"en": "bound on the left", "ur": "bound on the right"}[language] in ticket
    slugs = [" ".join(line.text.split()) for number, page in enumerate(reader.pages, 1)
             for line in text_lines(page, number) if line.text.startswith(path.name)]
    assert len(slugs) == len(reader.pages)
    assert slugs[0].endswith(f"sheet 1 of {sheets}, front") and slugs[1].endswith(f"sheet 1 of {sheets}, back")


def subset_programs(path: Path) -> dict[str, set[str]]:
    """Each subset tag of the file -> the SHA-256 of every font program named with it."""
    named: dict[str, set[str]] = {}
    with pikepdf.open(path) as pdf:
        for item in pdf.objects:
            if isinstance(item, pikepdf.Dictionary) and item.get("/Type") == "/FontDescriptor":
                tag, _, _ = str(item.FontName)[1:].partition("+")
                program = item.get("/FontFile2") or item.get("/FontFile") or item.get("/FontFile3")
                named.setdefault(tag, set()).add(hashlib.sha256(program.read_raw_bytes()).hexdigest())
    return named


def test_every_subset_tag_names_one_font_program(default_build, print_build) -> None:
    """In the merged files (bilingual, booklets with their notes and cover pages) too, where
    ReportLab's own tags (AAAAAA+ for the first subset of every font) would name several."""
    files = sorted(default_build.glob("*.pdf")) + sorted(print_build.glob("*.pdf"))
    assert len(files) >= 10
    for path in files:
        named = subset_programs(path)
        assert named and all(len(tag) == 6 and tag.isupper() for tag in named), (path.name, named)
        assert all(len(programs) == 1 for programs in named.values()), (path.name, named)
    # Noto Sans and Noto Nastaliq Urdu, regular and bold, a subset of each from each language's part,
    # and the Urdu part's text layer font (leaflet/text/layer.py)
    assert len(subset_programs(default_build / "liver-metastases_bilingual_A5.pdf")) == 9


def text_inks(path: Path) -> list[tuple[float, tuple[float, ...], bool]]:
    """(font size, CMYK fill, overprinting) of every piece of text the pages show with ink, read
    from the content streams as a RIP reads them: q/Q, k/g/rg, gs (its ExtGState's /op and /OPM),
    Tf, Tr (render mode 3 puts down no ink), TJ/Tj."""
    shown = []
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            states = page.Resources.get("/ExtGState", {})
            fill, op, mode, size, invisible = (0.0, 0.0, 0.0, 1.0), False, 0, 0.0, False
            stack = []
            for operands, operator in pikepdf.parse_content_stream(page):
                name = str(operator)
                if name == "q":
                    stack.append((fill, op, mode))
                elif name == "Q":
                    fill, op, mode = stack.pop()
                elif name == "k":
                    fill = tuple(float(v) for v in operands)
                elif name == "g":
                    fill = (0.0, 0.0, 0.0, 1 - float(operands[0]))
                elif name in ("rg", "sc", "scn"):
                    fill = ("not cmyk",)
                elif name == "gs":
                    state = states[str(operands[0])]
                    op = bool(state.get("/op", op))
                    mode = int(state.get("/OPM", mode))
                elif name == "Tf":
                    size = float(operands[1])
                elif name == "Tr":
                    invisible = int(operands[0]) == 3
                elif name in ("Tj", "TJ", "'", '"') and not invisible:
                    shown.append((size, fill, op and mode == 1))
    return shown


@pytest.mark.parametrize("language", ["en", "ur"])
def test_print_text_is_100_k_overprinting_and_small_text_one_ink(print_build, language) -> None:
    """Black text prints in black ink alone at 100% and overprints (/op true, /OPM 1), so no
    screen breaks it up and no white shows round it if the plates move; text under 12 pt puts
    down one ink at most; white text (on the bands) puts down none and knocks out."""
    shown = text_inks(print_build / f"liver-metastases_{language}_A5_print.pdf")
    assert len(shown) > 300
    inks = [sum(value > 0 for value in fill) for _, fill, _ in shown]
    for (size, fill, overprint), count in zip(shown, inks, strict=True):
        assert len(fill) == 4, fill
        cyan, magenta, yellow, black = fill
        if (cyan, magenta, yellow) == (0, 0, 0) and black >= 0.75:
            assert black == 1 and overprint, (size, fill, overprint)
        if count == 0:
            assert not overprint  # white: an overprinting white would vanish
        if size < 12:
            assert count <= 1, (size, fill)
    assert sum(fill == (0, 0, 0, 1) for _, fill, _ in shown) > len(shown) / 2  # body text


@pytest.mark.parametrize("language", ["en", "ur"])
def test_a_slug_line_under_the_bleed_names_the_file(print_build, language) -> None:
    """On every page, outside what is kept after trimming: the file, its version and date, and
    how it prints; the PDF check allows text there and nowhere else outside the margins."""
    name = f"liver-metastases_{language}_A5_print.pdf"
    reader = PdfReader(print_build / name)
    for number, page in enumerate(reader.pages, 1):
        slugs = [line for line in text_lines(page, number) if line.text.startswith(name)]
        assert len(slugs) == 1, number
        assert "version 1.0  ·  2026-11-25  ·  process CMYK" in slugs[0].text
        assert slugs[0].text.endswith(f"page {number}")
        _, bottom, _, top = slugs[0].box
        assert top < -3 * mm and bottom > -float(page.trimbox.left) + float(page.mediabox.left)


@pytest.mark.parametrize("language", ["en", "ur"])
def test_booklet_page_numbers_stand_on_the_outer_edge(default_build, language) -> None:
    """On every half of every sheet, the page number is on the side away from the fold: a
    left-to-right booklet's even pages are left-hand pages, a right-to-left one's right-hand."""
    booklet = default_build / f"liver-metastases_{language}_A5-booklet.pdf"
    label = re.compile(r"Page \d+ of \d+|صفحہ \d+ از \d+")
    found = 0
    for number, side in enumerate(PdfReader(booklet).pages, 1):
        middle = float(side.mediabox.width) / 2
        for line in text_lines(side, number):
            if label.fullmatch(line.text.strip()):
                centre = (line.box[0] + line.box[2]) / 2
                half_start = 0.0 if centre < middle else middle
                from_fold = abs(centre - middle)
                assert from_fold > middle / 2, (number, line.text, centre - half_start)
                found += 1
    assert found >= len(PdfReader(default_build / f"liver-metastases_{language}_A5.pdf").pages) - 1



def test_a4_print_files_stay_tagged_with_their_marks_as_artifacts(tmp_path) -> None:
    """Crop marks and slug line drawn over a tagged page are no part of its content."""
    result = run_cli("build", "--print", "--lang", "en", "--size", "A4", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    path = tmp_path / "liver-metastases_en_A4_print.pdf"
    assert "Tagged:          yes" in subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert unmarked_painting(path) == []
