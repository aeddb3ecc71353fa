"""What `check` accepts, `build` builds; bad input fails fast with file:line; output is all or nothing."""

from __future__ import annotations

import re
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest

import leaflet.build as build_module
from leaflet.build import build
from leaflet.content import ContentError
from leaflet.pdf import Finding
from tests.conftest import ROOT, content_file, run_cli, translation_findings

LOCATION = re.compile(r"^\S+\.yaml:\d+:\d+: ", re.M)


def replace_in(path: Path, old: str, new: str) -> None:
    path = content_file(path, old)
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def page_texts(path: Path) -> list[str]:
    document = pdfium.PdfDocument(path)
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


def test_a_leaflet_without_a_helpline_checks_and_builds(content_copy: Path, tmp_path: Path) -> None:
    replace_in(content_copy / "leaflet.yaml", "    emphasis: helpline\n", "    emphasis: high\n")
    assert run_cli("check", "--content", str(content_copy)).returncode in (0, 1)
    result = run_cli("build", "--content", str(content_copy), "--lang", "en", "--size", "A5",
                     "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_a_diagram_without_its_figures_is_a_check_error(content_copy: Path, tmp_path: Path) -> None:
    replace_in(content_copy / "leaflet.yaml", "  portal_vein_blood_percent: [70, 80]\n", "")
    for command in (["check"], ["build", "--out", str(tmp_path / "out")]):
        result = run_cli(*command, "--content", str(content_copy))
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr
        assert re.search(r"leaflet\.yaml:\d+:\d+: diagrams\.blood-supply\[0\]\.shares\[0\]\.percent: "
                         r"no figure `portal_vein_blood_percent` in figures; expected one of: liver_lobes, ",
                         result.stderr)
    assert not (tmp_path / "out").exists()


def test_a_diagram_figure_that_is_not_a_percentage_is_a_check_error(content_copy: Path) -> None:
    replace_in(content_copy / "leaflet.yaml", "colorectal_to_liver_up_to_percent: 70",
               "colorectal_to_liver_up_to_percent: 700")
    result = run_cli("check", "--content", str(content_copy))
    assert result.returncode == 2
    assert re.search(r"leaflet\.yaml:\d+:\d+: diagrams\.cancer-spread\[1\]\.in-100: figures\."
                     r"colorectal_to_liver_up_to_percent is 700; expected a percentage, 0 to 100", result.stderr)


def test_a_contact_with_a_role_and_a_name_shows_both(content_copy: Path, tmp_path: Path) -> None:
    replace_in(content_copy / "en.yaml", "    role: 24-hour patient emergency helpline\n",
               "    role: 24-hour patient emergency helpline\n    name: Duty nurse in charge\n")
    replace_in(content_copy / "en.yaml", "    role: OPD appointments\n",
               "    role: OPD appointments\n    name: Front desk team\n")
    result = run_cli("build", "--content", str(content_copy), "--lang", "en", "--size", "A4",
                     "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    text = " ".join(" ".join(page.split()) for page in page_texts(tmp_path / "liver-metastases_en_A4.pdf"))
    for words in ("24-hour patient emergency helpline", "Duty nurse in charge", "OPD appointments",
                  "Front desk team"):
        assert words in text


def limited_run(*args: str, memory: int = 1 << 30) -> subprocess.CompletedProcess[str]:
    """The command line with at most `memory` bytes of address space."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    return subprocess.run([sys.executable, str(ROOT / "make_leaflet.py"), *args], capture_output=True,
                          text=True, timeout=120, preexec_fn=limit, cwd=ROOT)


@pytest.mark.parametrize("size", [300_000, 5_000_000])
def test_a_huge_paragraph_is_refused_with_its_place_in_bounded_memory(content_copy: Path, tmp_path: Path,
                                                                     size: int) -> None:
    replace_in(content_copy / "en.yaml", "  - id: what-are-liver-metastases\n",
               "  - id: huge\n    heading: Huge\n    blocks:\n      - paragraph: " + "word " * (size // 5)
               + "\n  - id: what-are-liver-metastases\n")
    for command in ("check", "build"):
        result = limited_run(command, "--content", str(content_copy), *(
            ["--out", str(tmp_path / "out")] if command == "build" else []))
        assert result.returncode == 2, result.stderr[-500:]
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and LOCATION.match(lines[0]), lines
        assert "too long" in lines[0] or "KB; expected at most" in lines[0]
    assert not (tmp_path / "out").exists()


def test_many_blocks_are_refused(content_copy: Path) -> None:
    replace_in(content_copy / "en.yaml", "  - id: what-are-liver-metastases\n",
               "  - id: many\n    heading: Many\n    blocks:\n" + "      - paragraph: Some words.\n" * 500
               + "  - id: what-are-liver-metastases\n")
    result = run_cli("check", "--content", str(content_copy))
    assert result.returncode == 2
    assert re.search(r"en\.yaml:\d+:\d+: sections\[\d+\]\.blocks: 500 items; expected at most \d+", result.stderr)


def test_yaml_aliases_are_refused(content_copy: Path) -> None:
    replace_in(content_copy / "en.yaml", "title: Liver Metastases\n", "title: &t Liver Metastases\n")
    replace_in(content_copy / "en.yaml", "subtitle: Secondary Liver Cancer\n", "subtitle: *t\n")
    result = run_cli("check", "--content", str(content_copy))
    assert result.returncode == 2
    assert re.search(r"liver-metastases/en\.yaml:\d+:11: \(yaml\): an alias \(\*t\)", result.stderr), result.stderr


def test_direction_controls_in_text_are_refused(content_copy: Path) -> None:
    replace_in(content_copy / "ur.yaml", "\ntitle: جگر کا ثانوی کینسر\n", "\ntitle: \"جگر کا \\u202eثانوی کینسر\"\n")
    result = run_cli("check", "--content", str(content_copy))
    assert result.returncode == 2
    assert re.search(r"liver-metastases/ur\.yaml:\d+:8: title: an invisible control character U\+202E",
                     result.stderr), result.stderr


def test_an_output_folder_inside_the_content_is_refused(content_copy: Path) -> None:
    result = run_cli("build", "--content", str(content_copy), "--out", str(content_copy / "built"))
    assert result.returncode == 2
    assert "inside the content folder" in result.stderr
    assert not (content_copy / "built").exists()


def test_a_failed_check_writes_nothing_and_keeps_the_earlier_files(monkeypatch: pytest.MonkeyPatch,
                                                                    tmp_path: Path) -> None:
    earlier = {tmp_path / "liver-metastases_en_A4.pdf": b"%PDF earlier A4",
               tmp_path / "liver-metastases_en_A5.pdf": b"%PDF earlier A5"}
    for path, data in earlier.items():
        path.write_bytes(data)
    real_check = build_module.check_pdf

    def fail_the_a5(data: bytes, name: str, expected) -> list[Finding]:
        return [Finding(name, "opens", "planted")] if "A5" in name else real_check(data, name, expected)

    monkeypatch.setattr(build_module, "check_pdf", fail_the_a5)
    result = build(ROOT / "content" / "liver-metastases", ["en"], ["A4", "A5"], tmp_path)
    assert result.findings and not result.written
    assert {path: path.read_bytes() for path in tmp_path.iterdir()} == earlier


def test_content_errors_write_nothing(content_copy: Path, tmp_path: Path) -> None:
    replace_in(content_copy / "en.yaml", "title: Liver Metastases\n", "title: \n")
    with pytest.raises(ContentError):
        build(content_copy, None, ["A4"], tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_translation_slips_are_warnings_in_the_last_line(content_copy: Path, tmp_path: Path) -> None:
    replace_in(content_copy / "ur.yaml", "\ntitle: جگر کا ثانوی کینسر\n", "\ntitle: جگر کا ثانوي کینسر\n")
    result = run_cli("build", "--content", str(content_copy), "--lang", "en", "--lang", "ur", "--size", "A5",
                     "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert re.search(r"warning: \S*liver-metastases/ur\.yaml:\d+:19: title: Arabic `ي`", result.stderr)  # its column
    findings = translation_findings(content_copy)
    assert len(findings) == 1  # the slip alone
    assert [line for line in result.stderr.splitlines() if line.startswith("warning: ")] == [f"warning: {findings[0]}"]
    last = result.stdout.strip().splitlines()[-1]
    assert last == "built 5 files, with 1 translation warning (listed above)", last
    assert "checks passed" not in result.stdout


@pytest.mark.parametrize(("options", "files"), [
    (["visit-day", "--lang", "ur", "--size", "A5"], "2 files"),  # the A5 file and its booklet
    (["--lang", "ur", "--print", "--allow-draft", "--size", "A4"], "2 files"),  # the print file and its job ticket
    (["--lang", "ur", "--large-print"], "1 file"),
], ids=["one leaflet, A5", "print proof", "large print"])
def test_a_build_of_a_translation_alone_reports_its_findings(tmp_path: Path, options: list[str], files: str) -> None:
    """Building Urdu without English still compares it with English, as `check` does: a deleted
    bullet is listed and counted in the last line, whichever variant is built."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "catalogue", content)
    replace_in(content / "visit-day" / "ur.yaml", "          - بس مرکزی دروازے پر رکتی ہے۔\n", "")
    findings = translation_findings(content)
    assert len(findings) == 1 and ": sections.getting-here.blocks[1].items[0]: missing; " in findings[0]
    result = run_cli("build", *options, "--content", str(content), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert [line for line in result.stderr.splitlines() if line.startswith("warning: ")] == [f"warning: {findings[0]}"]
    assert result.stdout.splitlines()[-1] == f"built {files}, with 1 translation warning (listed above)"


def test_a_long_title_shortens_the_running_head_to_one_line(content_copy: Path, tmp_path: Path) -> None:
    replace_in(content_copy / "ur.yaml", "\ntitle: جگر کا ثانوی کینسر\n",
               "\ntitle: لیور میٹاسٹیسس، یعنی جگر میں پھیلنے والا وہ کینسر جو جسم کے کسی اور حصے سے شروع ہوا\n")
    replace_in(content_copy / "leaflet.yaml", "wordmark: PKLI\n", "wordmark: PKLI-RC Lahore\n")
    result = run_cli("build", "--content", str(content_copy), "--lang", "ur", "--size", "A5",
                     "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "the running header is too long for one line; shortened to “لیور میٹاسٹیسس، یعنی" in result.stderr
    assert re.search(r"with (\d+ translation warnings? and )?\d+ layout warnings? \(listed above\)", result.stdout)
    heads = [page.splitlines()[0] for page in page_texts(tmp_path / "liver-metastases_ur_A5.pdf")[1:]]
    # One line each: the shortened title (pdfium spells the ellipsis "..."), then the wordmark.
    assert all(re.fullmatch(r"لیور میٹاسٹیسس، یعنی .*(…|\.\.\.) PKLI-RC Lahore", head) for head in heads), heads[:2]


def test_a_bilingual_file_reads_right_whatever_order_its_languages_are_asked_for(content_copy: Path,
                                                                                  tmp_path: Path) -> None:
    """A 74-character title and a long subtitle, in both languages: `build --lang ur --lang en
    --size A5` builds as the full build does, English first; its English reads forwards."""
    title = "Living well with secondary liver cancer and its treatment at our institute"
    replace_in(content_copy / "en.yaml", "\ntitle: Liver Metastases\n", f"\ntitle: {title}\n")
    replace_in(content_copy / "en.yaml", "\nsubtitle: Secondary Liver Cancer\n",
               "\nsubtitle: What the tests, the treatments and the follow-up visits mean for you and your family\n")
    replace_in(content_copy / "ur.yaml", "\ntitle: جگر کا ثانوی کینسر\n",
               "\ntitle: ثانوی جگر کے کینسر اور ہمارے ادارے میں اس کے علاج کے ساتھ اچھی زندگی گزارنا\n")
    assert run_cli("check", "--content", str(content_copy)).returncode in (0, 1)
    result = run_cli("build", "--content", str(content_copy), "--lang", "ur", "--lang", "en", "--size", "A5",
                     "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    pages = page_texts(tmp_path / "liver-metastases_bilingual_A5.pdf")
    assert title in " ".join(pages[0].split()), pages[0][:200]
