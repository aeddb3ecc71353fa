"""`check` reports what a translation lacks or got wrong, each finding at its file:line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli
from tests.test_content_errors import plant

CATALOGUE = ROOT / "tests" / "fixtures" / "catalogue"
FINDING = re.compile(r"(?P<file>\S+\.yaml):(?P<line>\d+):(?P<col>\d+): (?P<path>\S+): (?P<problem>[^;]+); .+")


def check(content: Path) -> tuple[int, list[re.Match], str]:
    result = run_cli("check", "--content", str(content))
    assert "Traceback" not in result.stderr
    findings = [m for m in map(FINDING.fullmatch, result.stdout.splitlines()) if m]
    summary = next(line for line in result.stdout.splitlines() if line.startswith("ur: "))
    return result.returncode, findings, summary


def test_the_real_urdu_is_clean() -> None:
    """The real Urdu reports nothing: two headings once shared «جگر کا ثانوی کینسر کیا ہے؟»
    (issue 23), and a paragraph its diagram's sentence though the English says "blood supply"."""
    result = run_cli("check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ur: 227 items, 0 missing, 0 stale, 0 orphan, 0 untranslated, 0 repeated, 0 slips, 0 uncovered" \
        in result.stdout


@pytest.fixture
def visit_day(tmp_path: Path) -> Path:
    """A copy of the made-up catalogue; its leaflet visit-day has an Urdu translation."""
    shutil.copytree(CATALOGUE, tmp_path / "content")
    return tmp_path / "content" / "visit-day"


def test_two_different_english_items_given_one_translation_are_reported_with_both_places(visit_day: Path) -> None:
    """A sub-heading given its section heading's Urdu is reported at its own line, naming the
    heading's; two single words sharing a translation are not (Card and Cash as نقد), nor two
    items whose English differs only in case (the subtitle and the first heading, On the Day)."""
    urdu = visit_day / "ur.yaml"
    plant(urdu, "      - heading: بس یا گاڑی سے\n", "      - heading: یہاں کیسے پہنچیں\n")
    plant(urdu, "      name: کارڈ\n", "      name: نقد\n")
    code, findings, summary = check(visit_day)
    assert code == 1
    assert "0 missing, 0 stale, 0 orphan, 0 untranslated, 1 repeated, 0 slips" in summary
    heading, subheading = place(urdu, "یہاں کیسے پہنچیں"), place(urdu, "یہاں کیسے پہنچیں\n      - bullets:")
    assert [finding.string for finding in findings] == [
        f"{urdu}:{subheading}: sections.getting-here.blocks[0].text: the same translation as "
        f"sections.getting-here.heading ({urdu}:{heading}), though the English differs (“By bus or by car” here, "
        "“Getting here” there); expected a translation of this item's own English"]


def test_a_missing_item_is_reported_where_it_belongs(content_copy) -> None:
    urdu = content_copy / "liver-metastases" / "ur.yaml"
    text = urdu.read_text(encoding="utf-8")
    item = next(row for row in text.splitlines() if row.strip() == "- بخار")
    plant(urdu, item + "\n", "")
    code, findings, summary = check(content_copy)
    assert code == 1
    assert "1 missing" in summary  # items after it move up a place: the list's last one is missing
    missing = next(f for f in findings if f["problem"] == "missing")
    assert missing["file"].endswith("ur.yaml") and missing["path"].startswith("sections.symptoms.blocks[")


def test_an_orphan_item_is_reported_at_its_line(content_copy) -> None:
    line = plant(content_copy / "ur.yaml", "  - id: symptoms\n", "  - id: extra-advice\n    heading: اضافی مشورہ\n"
                 "    blocks:\n      - paragraph: یہ صرف اردو میں ہے۔\n  - id: symptoms\n")
    code, findings, _summary = check(content_copy)
    assert code == 1
    orphans = [f for f in findings if f["problem"] == "not in the English"]
    assert {f["path"] for f in orphans} == {"sections.extra-advice.heading", "sections.extra-advice.blocks[0].text"}
    assert int(orphans[0]["line"]) == line + 1


def test_a_stale_item_is_reported_after_the_english_changes(content_copy) -> None:
    line = plant(content_copy / "en.yaml", "These tumours can appear soon after", "These tumours may appear soon after")
    code, findings, summary = check(content_copy)
    assert code == 1
    assert "1 stale" in summary
    stale = next(f for f in findings if f["problem"] == "the English changed after this was translated")
    assert stale["file"].endswith("ur.yaml")
    assert stale["path"] == "sections.what-are-liver-metastases.blocks[1].text"
    assert f"en.yaml:{line - 1}" in stale.string or f"en.yaml:{line}" in stale.string
    marked = run_cli("check", "--content", str(content_copy), "--mark-reviewed", "ur")
    assert marked.returncode != 2 and "0 stale" in marked.stdout, marked.stdout + marked.stderr


def test_an_untranslated_item_is_reported(content_copy) -> None:
    # the line break before it tells the title from the subtitle; the title is on the next line
    line = plant(content_copy / "ur.yaml", "\ntitle: جگر کا ثانوی کینسر", "\ntitle: Liver Metastases") + 1
    code, findings, _summary = check(content_copy)
    assert code == 1
    untranslated = next(f for f in findings if f["problem"] == "same as the English")
    assert untranslated["path"] == "title" and int(untranslated["line"]) == line


def test_keyboard_slips_and_uncovered_characters_are_reported(content_copy) -> None:
    line = plant(content_copy / "ur.yaml", "subtitle: لیور میٹاسٹیسس", "subtitle: لیور میٹاسٹیسس كا ✆ .")
    code, findings, summary = check(content_copy)
    assert code == 2  # build cannot draw ✆: an error, after the report
    problems = {f["problem"] for f in findings if int(f["line"]) == line}
    assert "Arabic `ك` (U+0643)" in problems
    assert "no configured font has `✆` (U+2706)" in problems
    assert "1 uncovered" in summary


def test_preview_writes_every_page_and_a_sheet_per_section(tmp_path) -> None:
    from PIL import Image
    from pypdf import PdfReader

    from tests.conftest import CONTENT

    out = tmp_path / "preview"
    result = run_cli("preview", "--lang", "ur", "--size", "A5", "--out", str(out), "--content", str(CONTENT))
    assert result.returncode == 0, result.stderr
    build = tmp_path / "pdf"
    assert run_cli("build", "--size", "A5", "--out", str(build)).returncode == 0
    urdu = len(PdfReader(build / "liver-metastases_ur_A5.pdf").pages)
    english = len(PdfReader(build / "liver-metastases_en_A5.pdf").pages)
    pages = sorted(out.glob("liver-metastases_ur_A5-[0-9][0-9].png"))
    sheets = sorted(out.glob("liver-metastases_ur_A5-section-*.png"))
    assert len(pages) == urdu and len(sheets) == len(PdfReader(build / "liver-metastases_en_A5.pdf").outline)
    assert english < urdu
    page, sheet = Image.open(pages[0]), Image.open(sheets[0])
    assert page.size == (round(419.5 * 100 / 72), round(595.3 * 100 / 72))
    assert sheet.width > 2 * page.width * 150 / 100  # the sections at 150 dpi, the pages at 100
    assert sheet.getpixel((sheet.width * 3 // 4, sheet.height // 2)) != sheet.getpixel((5, 5))


def test_eastern_digits_are_slips_given_in_western_digits_where_the_locale_writes_those(visit_day: Path) -> None:
    """Urdu in Pakistan writes Western digits, as the leaflet's own figures and dates are: Eastern
    ones typed in (Urdu ۰–۹, Arabic ٠–٩) are slips, each with its Western form. In India Urdu
    writes Eastern digits, and they are not."""
    urdu = visit_day / "ur.yaml"
    plant(urdu, "on_time: ہر 100 میں سے", "on_time: ہر ۱۰۰ میں سے")
    plant(urdu, "- [اسی دن, ", "- [اسی دن ٢٥/١١, ")
    code, findings, summary = check(visit_day)
    assert code == 1 and "0 repeated, 2 slips, 0 uncovered" in summary
    assert [finding.string for finding in findings] == [
        f"{urdu}:{place(urdu, '٢٥/١١')}: sections.steps.blocks[3].rows[1][0]: Eastern digits «٢٥/١١»; "
        "expected Western digits, like the leaflet's own numbers: «٢٥/١١» → «25/11»",
        f"{urdu}:{place(urdu, '۱۰۰')}: diagrams.getting-here.on_time: Eastern digits «۱۰۰»; "
        "expected Western digits, like the leaflet's own numbers: «۱۰۰» → «100»"]
    plant(visit_day.parent / "hospital.yaml", "region: PK", "region: IN")
    code, findings, summary = check(visit_day)
    assert (code, findings) == (0, []) and "0 slips" in summary


def place(path: Path, written: str) -> str:
    """`line:column` of the first place `written` is in a file, counted as editors do."""
    text = path.read_text(encoding="utf-8")
    before = text[:text.index(written)]
    line, column = before.count("\n") + 1, len(before) - before.rfind("\n")
    return f"{line}:{column}"
