"""The command-line contract: commands, file names, exit codes, messages, safe output."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from leaflet.content import available_languages
from tests.conftest import ROOT, run_cli


@pytest.mark.parametrize("command", [[], ["build"], ["check"], ["validate"]])
def test_help_works_on_each_command(command: list[str]) -> None:
    result = run_cli(*command, "--help")
    assert result.returncode == 0
    assert "usage: make_leaflet.py" in result.stdout


def test_default_command_builds_every_language_in_both_sizes(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    result = run_cli(cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    languages = available_languages(tmp_path / "content")
    assert languages == ["en", "ur"]
    expected = {f"liver-metastases_{lang}_{size}.pdf" for lang in languages for size in ("A4", "A5")}
    expected |= {f"liver-metastases_bilingual_{size}.pdf" for size in ("A4", "A5")}
    expected |= {f"liver-metastases_{lang}_A5-booklet.pdf" for lang in languages}
    # and the archive, where each PDF is kept once, and the web edition
    assert {p.name for p in (tmp_path / "output").iterdir() if not p.name.startswith(".")} == \
        {*expected, "archive", "web"}
    assert {p.name for p in (tmp_path / "output").glob(".*.sha256")} == {f".{name}.sha256" for name in expected}
    for name in expected:
        assert f"wrote output/{name}" in result.stdout
    for page in ("index.html", "index.ur.html", "liver-metastases/en.html", "liver-metastases/ur.html"):
        assert f"wrote output/web/{page}" in result.stdout


def test_build_options_choose_language_size_and_folder(tmp_path: Path) -> None:
    result = run_cli("build", "--lang", "en", "--size", "A4", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert {p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")} == {
        "liver-metastases_en_A4.pdf", "archive"}


def test_options_without_a_command_build_that_catalogue(tmp_path: Path) -> None:
    """`make_leaflet.py --content DIR --out DIR` builds every leaflet of DIR, each in the languages it has."""
    fixture = ROOT / "tests" / "fixtures" / "catalogue"
    result = run_cli("--content", str(fixture), "--out", str(tmp_path), "--size", "A4")
    assert result.returncode == 0, result.stderr
    built = {p.name for p in tmp_path.iterdir() if not p.name.startswith(".")}
    assert built == {"quiet-room_en_A4.pdf", "visit-day_en_A4.pdf", "visit-day_ur_A4.pdf",
                     "visit-day_bilingual_A4.pdf", "archive"}


def test_check_accepts_the_real_content() -> None:
    result = run_cli("check")
    assert result.returncode == 0, result.stderr
    assert "content/liver-metastases/en.yaml: ok" in result.stdout


def test_bad_content_exits_2_with_one_line_and_leaves_output_alone(tmp_path: Path, built) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    out = tmp_path / "output"
    out.mkdir()
    good = out / "liver-metastases_en_A4.pdf"
    shutil.copy(built["A4"], good)
    before = good.read_bytes()
    english = content / "liver-metastases" / "en.yaml"
    english.write_text(english.read_text(encoding="utf-8").replace("title: Liver Metastases", "title:", 1),
                       encoding="utf-8")
    line = next(n for n, text in enumerate(english.read_text().splitlines(), 1) if text == "title:")

    result = run_cli("build", "--content", str(content), "--out", str(out))

    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{english}:{line}:")
    assert "title: found nothing; expected text" in lines[0]
    assert good.read_bytes() == before
    assert [p.name for p in out.iterdir() if not p.name.startswith(".")] == [good.name]


def test_check_reports_bad_content_with_exit_2(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "en.yaml").write_text("language: en\ntitle: [\n", encoding="utf-8")
    result = run_cli("check", "--content", str(content))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    assert ":2:8: (yaml): this [ ] list is never closed; expected a ] after its last item" in result.stderr


def test_usage_errors_exit_2() -> None:
    assert run_cli("build", "--size", "A3").returncode == 2
    assert run_cli("publish").returncode == 2
    missing_language = run_cli("build", "--lang", "xx", "--out", "/nonexistent")
    assert missing_language.returncode == 2
    assert missing_language.stderr == "content: no leaflet has xx; expected one of: en, ur\n"


def test_validate_passes_good_pdfs(built) -> None:
    result = run_cli("validate", str(built["A4"]), str(built["A5"]))
    assert result.returncode == 0, result.stderr
    assert "2 files: all checks passed" in result.stdout
    rows = [line.split() for line in result.stdout.splitlines() if line.startswith("liver-metastases")]
    assert [row[0] for row in rows] == [built["A4"].name, built["A5"].name]
    assert all(set(row[1:]) <= {"ok", "-"} for row in rows)


def test_validate_json_report_names_every_check(built) -> None:
    result = run_cli("validate", "--json", str(built["A4"]))
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] is True
    checks = report["files"][0]["checks"]
    assert checks["fonts embedded"] == "ok" and checks["colours"] == "n/a"
    assert checks["text placement"] == "ok"
    assert len(checks) == 14


def test_validate_fails_a_wrong_pdf_naming_file_check_and_finding(tmp_path: Path, built) -> None:
    wrong = tmp_path / "liver-metastases_en_A4.pdf"
    shutil.copy(built["A5"], wrong)  # an A5 file under an A4 name
    result = run_cli("validate", str(wrong))
    assert result.returncode == 1
    assert f"{wrong}: page size: page 1 is 419.5 x 595.3 pt, expected 595.3 x 841.9 pt" in result.stderr


def test_validate_reports_a_file_that_is_not_a_pdf(tmp_path: Path) -> None:
    broken = tmp_path / "liver-metastases_en_A5.pdf"
    broken.write_bytes(b"%PDF-1.4\nthis is not a pdf")
    result = run_cli("validate", str(broken))
    assert result.returncode == 1
    assert f"{broken}: opens: cannot be read" in result.stderr


def test_validate_rejects_a_name_it_cannot_read(tmp_path: Path, built) -> None:
    odd = tmp_path / "leaflet.pdf"
    shutil.copy(built["A4"], odd)
    result = run_cli("validate", str(odd))
    assert result.returncode == 2
    assert "expected <leaflet-id>_<lang>_<size>.pdf" in result.stderr


def test_a_rebuild_with_nothing_changed_rewrites_nothing(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    out = tmp_path / "out"
    assert run_cli("build", "--content", str(content), "--size", "A5", "--out", str(out)).returncode == 0
    before = {path.name: (path.stat().st_ino, path.stat().st_mtime_ns) for path in out.iterdir()}
    again = run_cli("build", "--content", str(content), "--size", "A5", "--out", str(out))
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == f"5 files in {out} are up to date (built from these very files); nothing rebuilt"
    assert {path.name: (path.stat().st_ino, path.stat().st_mtime_ns) for path in out.iterdir()} == before

    tampered = out / "liver-metastases_en_A5.pdf"
    tampered.write_bytes(tampered.read_bytes() + b"\n")
    assert "wrote" in run_cli("build", "--content", str(content), "--size", "A5", "--out", str(out)).stdout

    english = content / "liver-metastases" / "en.yaml"
    english.write_text(english.read_text(encoding="utf-8").replace("Liver Metastases", "Liver Metastasis", 1),
                       encoding="utf-8")
    rebuilt = run_cli("build", "--content", str(content), "--size", "A5", "--out", str(out))
    assert rebuilt.returncode == 0 and "wrote" in rebuilt.stdout, rebuilt.stdout


def test_list_shows_each_language_its_state_and_whether_the_pdfs_are_up_to_date(tmp_path: Path) -> None:
    out = tmp_path / "out"
    before = run_cli("list", "--out", str(out))
    assert before.returncode == 0, before.stderr
    lines = before.stdout.splitlines()
    assert lines[0] == "liver-metastases"
    assert lines[1].split()[0] == "en" and "Liver Metastases (Secondary Liver Cancer)" in lines[1]
    assert lines[2].split()[0] == "ur" and re.search(r"\[(draft|reviewed), \d+ missing, \d+ stale\]", lines[2])
    assert lines[3].endswith("not built, or older than the content")
    assert run_cli("build", "--out", str(out)).returncode == 0
    after = run_cli("list", "--out", str(out))
    assert after.stdout.splitlines()[3].endswith("up to date (8 files)")
