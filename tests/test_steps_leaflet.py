"""A second leaflet, written as an editor would add one: numbered steps whose Urdu holds Latin
terms, figures and units, and a contact card of five rows (tests/fixtures/steps, neutral
made-up text). Built in every size; its lists copy out once each, in written order."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from leaflet.content import load_leaflet
from leaflet.content.model import BulletList, NumberedList
from tests.conftest import ROOT, run_cli
from tests.readers import folded, pdfium, pdfjs

FIXTURE = ROOT / "tests" / "fixtures" / "steps"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("steps")
    for options in ([], ["--large-print"], ["--print"]):
        result = run_cli("build", "--content", str(FIXTURE), *options, "--out", str(out))
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines()[-1].endswith("all checks passed"), result.stdout
    return out


def test_it_builds_in_every_size(built: Path) -> None:
    names = {path.name for path in built.glob("*.pdf")}
    for language in ("en", "ur"):
        assert {f"clinic-steps_{language}_{kind}.pdf" for kind in
                ("A4", "A5", "A5-booklet", "A4-large", "A4_print", "A5_print", "A5-booklet_print")} <= names
    assert {"clinic-steps_bilingual_A4.pdf", "clinic-steps_bilingual_A5.pdf"} <= names


def items_as_read(language: str) -> list[str]:
    """Each list item as a reader must give it: a numbered one after its number."""
    content = load_leaflet(FIXTURE).languages[language]
    pattern = content.labels.list_number or "{number}."
    items = []
    for section in content.sections:
        for block in section.blocks:
            if isinstance(block, NumberedList):
                items += [f"{pattern.replace('{number}', str(number))} {item}"
                          for number, item in enumerate(block.numbered, 1)]
            elif isinstance(block, BulletList):
                items += [str(item) for item in block.items]
    return items


@pytest.mark.parametrize("reader", ["pdfium", "pdf.js"])
@pytest.mark.parametrize("file", ["ur_A4", "ur_A4-large", "en_A4"])
def test_every_list_item_copies_out_once_in_written_order(built: Path, reader: str, file: str) -> None:
    copied = {"pdfium": pdfium, "pdf.js": pdfjs}[reader](built / f"clinic-steps_{file}.pdf")
    if copied is None:
        pytest.skip(f"{reader} is not installed")
    text = folded(copied)
    items = [folded(item) for item in items_as_read(file[:2])]
    assert [text.count(item) for item in items] == [1] * len(items), [item for item in items if text.count(item) != 1]
    positions = [text.index(item) for item in items]
    assert positions == sorted(positions)


def test_mupdf_reads_every_file_without_crashing(built: Path) -> None:
    """MuPDF 1.26 (PyMuPDF; SumatraPDF and viewers for phones build on it) crashed extracting a page
    whose first text opened two ActualText spans, as a right-to-left line does. It reads every
    file in a process of its own, so that a crash is a failure here, not the end of the run."""
    script = ("import sys; from pathlib import Path; from tests.readers import mupdf\n"
              "for name in sys.argv[1:]:\n"
              "    print(Path(name).name, flush=True); mupdf(Path(name))")
    paths = sorted(str(path) for path in built.glob("*.pdf"))
    result = subprocess.run([sys.executable, "-c", script, *paths], cwd=ROOT, capture_output=True, text=True,
                            timeout=300)
    if "No module named 'pymupdf'" in result.stderr:
        pytest.skip("MuPDF (PyMuPDF) is not installed")
    assert result.returncode == 0, (result.stdout.split()[-1:], result.returncode, result.stderr[-500:])
    assert len(result.stdout.split()) == len(paths) > 15
