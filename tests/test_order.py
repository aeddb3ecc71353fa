"""The print order (`make_leaflet.py order`), read as the print shop reads it: every file the order
sheet names is there, checks, and its ticket's counts are the PDF's; copies follow the desk's
print log; a draft is left out with its reason; an unchanged order is not written again."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
import zipfile
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from leaflet.build import BuildResult
from leaflet.order import _months_before, make_order
from leaflet.pdf import Finding
from leaflet.records import Print, PrintLog, print_log_path
from tests.conftest import ROOT, run_cli

PRINT_SETTINGS = """
print:
  colour: FOGRA51
  binding: corner staple
  pack: 50
  A4: {paper: Silk, weight: 130 gsm, finish: silk, quantity: 100}
  A5-booklet: {paper: Gloss, weight: 150 gsm, finish: gloss, quantity: 250}
"""


def catalogue_with_print_settings(tmp_path: Path, draft: bool = True) -> Path:
    content = tmp_path / "catalogue"
    shutil.copytree(ROOT / "tests" / "fixtures" / "catalogue", content)
    hospital = content / "hospital.yaml"
    hospital.write_text(hospital.read_text(encoding="utf-8") + PRINT_SETTINGS, encoding="utf-8")
    if draft:
        urdu = content / "visit-day" / "ur.yaml"
        urdu.write_text(urdu.read_text(encoding="utf-8").replace("status: reviewed", "status: draft"),
                        encoding="utf-8")
    return content


def seed_log(out: Path, today: dt.date) -> None:
    """The desk's prints: visit-day in English, 130 A4 copies and 12 booklets in the last 3 months,
    and one print long before (so the log covers the whole window)."""
    log = PrintLog(print_log_path(out))
    moment = dt.datetime.combine(today, dt.time(10), dt.UTC)
    for days, size, copies in ((200, "A4", 40), (80, "A4", 50), (30, "A4", 50), (3, "A4", 30), (10, "A5-booklet", 12)):
        assert log.record(Print(moment - dt.timedelta(days=days), "visit-day", "1.0", "en", size, False, copies,
                                copies * 4))


@pytest.fixture(scope="module")
def ordered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    tmp_path = tmp_path_factory.mktemp("order")
    content, out = catalogue_with_print_settings(tmp_path), tmp_path / "out"
    seed_log(out, dt.date.today())
    result = run_cli("order", "--months", "3", "--content", str(content), "--out", str(out))
    assert result.returncode == 0, result.stderr
    [folder] = [path for path in (out / "orders").iterdir() if path.is_dir()]
    return content, folder, result.stdout


def rows(folder: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((folder / "order.csv").read_text(encoding="utf-8-sig"))))


def test_every_file_the_order_names_is_there_checks_and_its_ticket_counts_its_pages(ordered) -> None:
    content, folder, _ = ordered
    lines = [row for row in rows(folder) if row["file"]]
    assert {row["file"] for row in lines} == {"visit-day_en_A4_print.pdf", "visit-day_en_A5-booklet_print.pdf",
                                              "quiet-room_en_A4_print.pdf", "quiet-room_en_A5-booklet_print.pdf"}
    for row in lines:
        pdf = folder / row["file"]
        pages = len(PdfReader(pdf).pages)
        ticket = (folder / row["file"].replace(".pdf", ".txt")).read_text(encoding="utf-8")
        sheets = -(-pages // 2)
        assert f"Sheets: {sheets} a copy, printed on both sides; {sheets * int(row['copies']):,} in all" in ticket
        assert re.search(rf"^Pages: {pages}[ ,]", ticket, re.M), ticket
        assert f"Quantity: {int(row['copies']):,} copies" in ticket and f"Paper: {row['paper']}" in ticket
        assert "Print to FOGRA51" in ticket
        assert int(row["sheets per copy"]) == sheets and int(row["sheets"]) == sheets * int(row["copies"])
        proof = pdfium.PdfDocument(folder / row["file"].replace(".pdf", "_proof.pdf"))
        assert row["file"] in proof[0].get_textpage().get_text_range()
    validated = run_cli("validate", *(str(folder / row["file"]) for row in lines), "--content", str(content))
    assert validated.returncode == 0, validated.stdout + validated.stderr
    a4 = (folder / "visit-day_en_A4_print.txt").read_text(encoding="utf-8")
    assert "Binding: corner staple at the top left" in a4


def test_copies_follow_the_print_log_and_else_the_defaults(ordered) -> None:
    _, folder, _ = ordered
    copies = {row["file"]: int(row["copies"]) for row in rows(folder) if row["file"]}
    # 130 A4 copies in the last 3 months: 43.3 a month x 3 = 130, rounded up to packs of 50
    assert copies["visit-day_en_A4_print.pdf"] == 150
    assert copies["visit-day_en_A5-booklet_print.pdf"] == 50  # 12, rounded up to one pack
    assert copies["quiet-room_en_A4_print.pdf"] == 100  # never printed at the desk: hospital.yaml's default
    assert copies["quiet-room_en_A5-booklet_print.pdf"] == 250


def test_a_draft_is_left_out_with_its_reason(ordered) -> None:
    _, folder, stdout = ordered
    [left] = [row for row in rows(folder) if row["left out because"]]
    assert (left["leaflet"], left["language"]) == ("visit-day", "Urdu")
    assert left["left out because"].startswith("draft translation: not yet medically reviewed")
    assert not list(folder.glob("*_ur_*"))
    summary = pdfium.PdfDocument(folder / "order.pdf")
    assert len(summary) == 1
    text = " ".join(summary[0].get_textpage().get_text_range().split())
    assert "draft translation" in text and "visit-day" in text and "150" in text
    assert "left out: visit-day Urdu: draft translation" in stdout


def test_the_zip_holds_the_folder(ordered) -> None:
    _, folder, _ = ordered
    with zipfile.ZipFile(folder.with_suffix(".zip")) as archive:
        assert {name: archive.read(name) for name in archive.namelist()} == \
            {f"{folder.name}/{path.name}": path.read_bytes() for path in folder.iterdir()}


def test_an_order_with_nothing_changed_writes_nothing(tmp_path: Path) -> None:
    content, out = catalogue_with_print_settings(tmp_path), tmp_path / "out"
    first = run_cli("order", "quiet-room", "--content", str(content), "--out", str(out))
    assert first.returncode == 0, first.stderr
    before = {path: path.stat().st_mtime_ns for path in (out / "orders").rglob("*")}
    again = run_cli("order", "quiet-room", "--content", str(content), "--out", str(out))
    assert again.returncode == 0 and "is current" in again.stdout, again.stdout
    assert {path: path.stat().st_mtime_ns for path in (out / "orders").rglob("*")} == before
    order = content / "quiet-room" / "leaflet.yaml"
    order.write_text(order.read_text(encoding="utf-8") + "order: {A4: 400}\n", encoding="utf-8")
    changed = run_cli("order", "quiet-room", "--content", str(content), "--out", str(out))
    assert changed.returncode == 0 and "wrote the order" in changed.stdout, changed.stdout
    newest = sorted(path for path in (out / "orders").iterdir() if path.is_dir())[-1]
    assert {row["file"]: row["copies"] for row in rows(newest)}["quiet-room_en_A4_print.pdf"] == "400"


def test_a_file_that_failed_a_check_never_goes_into_an_order(tmp_path: Path, monkeypatch) -> None:
    content, out = catalogue_with_print_settings(tmp_path, draft=False), tmp_path / "out"

    def failing(pending, sizes, out_dir, for_print=False):
        return [BuildResult(findings=[Finding("visit-day_en_A4_print.pdf", "text placement", "a glyph overlaps")])
                for _ in pending]

    monkeypatch.setattr("leaflet.order.build_all", failing)
    result = make_order([content / "visit-day"], out, 6, dt.date(2026, 12, 8))
    assert result.lines == [] and {item.language for item in result.left_out} == {"English", "Urdu"}
    assert all(item.reason.startswith("failed a check:") for item in result.left_out)
    assert not list(result.folder.glob("*.pdf")) or [path.name for path in result.folder.glob("*.pdf")] == ["order.pdf"]


def test_months_before_keeps_a_real_day() -> None:
    assert _months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert _months_before(dt.date(2026, 1, 15), 3) == dt.date(2025, 10, 15)


@pytest.mark.parametrize(("setting", "message"), [
    ("weight: 130 gsm", None),
    ("weight: 130", "print.A4.weight: `130` is not a paper weight; expected grams per square metre with the unit"),
    ("finish: silk", None),
    ("finish: shiny", "print.A4.finish: found `shiny`; expected one of: matt, silk, gloss, uncoated"),
    ("quantity: 100", None),
    ("quantity: -5", "print.A4.quantity: `-5`; expected a whole number from 0 to 100,000"),
])
def test_print_settings_are_checked_one_line_each(tmp_path: Path, setting: str, message: str | None) -> None:
    content = catalogue_with_print_settings(tmp_path, draft=False)
    hospital = content / "hospital.yaml"
    key = setting.split(":")[0]
    source = hospital.read_text(encoding="utf-8")
    written = re.sub(rf"(A4: \{{.*?){key}: [^,}}]+", lambda match: match[1] + setting, source, count=1)
    hospital.write_text(written, encoding="utf-8")
    result = run_cli("check", "--content", str(content))
    if message is None:
        assert result.returncode in (0, 1), result.stderr
        return
    assert result.returncode == 2 and "Traceback" not in result.stderr
    [line] = [line for line in result.stderr.splitlines() if "print." in line]
    number = next(index for index, text in enumerate(written.splitlines(), start=1) if text.startswith("  A4:"))
    assert line.startswith(f"{hospital}:{number}:") and message in line, line


def test_the_build_log_gives_each_file_its_size_in_real_units(tmp_path: Path) -> None:
    result = run_cli("build", "--print", "--lang", "en", "--content", str(ROOT / "tests" / "fixtures" / "steps"),
                     "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    written = [line for line in result.stdout.splitlines() if line.startswith("wrote ")]
    assert len(written) == 6  # the A4 and A5 print files and the booklet, each with its job ticket
    for line in written:
        path, size = re.fullmatch(r"wrote (\S+) \((.+)\)", line).groups()
        count = Path(path).stat().st_size
        expected = f"{count} bytes" if count < 1024 else f"{count / 1024:.1f} KB"
        assert size == expected and size != "0 KB", line


def test_an_unreadable_print_log_is_said_and_the_defaults_ordered(tmp_path: Path) -> None:
    content, out = catalogue_with_print_settings(tmp_path), tmp_path / "out"
    out.mkdir()
    print_log_path(out).write_bytes(b"not a database, but a file someone saved over it")
    result = run_cli("order", "quiet-room", "--content", str(content), "--out", str(out))
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith(f"warning: print log {print_log_path(out)}: cannot be read"), result.stderr
    assert "quiet-room_en_A4_print.pdf: 100 copies (default in hospital.yaml)" in result.stdout
