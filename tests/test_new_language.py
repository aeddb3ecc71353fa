"""A new language is only a new file: Arabic, set in Naskh, builds and passes validation."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from leaflet.pdf import extract_text
from tests.conftest import ROOT, run_cli

FIXTURE = ROOT / "tests" / "fixtures" / "arabic"


@pytest.fixture(scope="module")
def arabic(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("arabic")
    result = run_cli("build", "--content", str(FIXTURE), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_the_third_language_builds_passes_validation_and_mirrors(arabic) -> None:
    files = sorted(arabic.glob("*.pdf"))
    assert "liver-metastases_ar_A5-booklet.pdf" in {f.name for f in files}
    result = run_cli("validate", "--content", str(FIXTURE), *map(str, files))
    assert result.returncode == 0, result.stdout + result.stderr
    path = arabic / "liver-metastases_ar_A4.pdf"
    reader = PdfReader(path)
    assert str(reader.trailer["/Root"]["/Lang"]).startswith("ar")
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/Direction"] == "/R2L"
    with pikepdf.open(path) as pdf:
        fonts = {str(f.BaseFont).split("+")[-1] for page in pdf.pages for f in page.Resources.Font.values()}
    assert "NotoNaskhArabic-Regular" in fonts and not any("Nastaliq" in name for name in fonts)
    text = " ".join(extract_text(path.read_bytes()))
    for written in ("النقائل الكبدية أورام سرطانية انتشرت إلى الكبد من جزء آخر من الجسم.",
                    "يحصل الكبد على 70-80% من دمه من الوريد البابي.", "042 111 117 554"):
        assert written in text


def test_the_third_language_is_a_clean_translation() -> None:
    result = run_cli("check", "--content", str(FIXTURE))
    assert result.returncode == 0, result.stdout
    assert "ar: 25 items, 0 missing" in result.stdout
