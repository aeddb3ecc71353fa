"""A catalogue: leaflets in sub-folders sharing hospital.yaml and <lang>.yaml (tests/fixtures/catalogue)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from leaflet.pdf import extract_text
from tests.conftest import ROOT, run_cli, translate_po

FIXTURE = ROOT / "tests" / "fixtures" / "catalogue"


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(FIXTURE, target)
    return target


def pdfs(folder: Path) -> set[str]:
    return {path.name for path in folder.glob("*.pdf")}


def test_the_default_build_makes_every_leaflet_in_the_languages_it_has(catalogue: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("build", "--content", str(catalogue), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert pdfs(out) == {
        "quiet-room_en_A4.pdf", "quiet-room_en_A5.pdf", "quiet-room_en_A5-booklet.pdf",
        *(f"visit-day_{lang}_{size}.pdf" for lang in ("en", "ur", "bilingual") for size in ("A4", "A5")),
        "visit-day_en_A5-booklet.pdf", "visit-day_ur_A5-booklet.pdf"}
    assert result.stdout.splitlines()[-1] == "built 11 files, all checks passed"
    again = run_cli("build", "--content", str(catalogue), "--out", str(out))
    assert again.stdout.splitlines() == [
        f"web edition: 9 files in {out / 'web'} up to date; nothing rewritten",
        f"11 files in {out} are up to date (built from these very files); nothing rebuilt"]


def test_build_names_the_leaflets_to_build(catalogue: Path, tmp_path: Path) -> None:
    result = run_cli("build", "quiet-room", "--content", str(catalogue), "--size", "A4", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert pdfs(tmp_path) == {"quiet-room_en_A4.pdf"}
    unknown = run_cli("build", "no-such", "--content", str(catalogue), "--out", str(tmp_path))
    assert unknown.returncode == 2
    assert "no leaflet `no-such`; expected one of: quiet-room, visit-day" in unknown.stderr


def test_a_shared_text_changes_every_leaflet(catalogue: Path, tmp_path: Path) -> None:
    shared = catalogue / "en.yaml"
    shared.write_text(shared.read_text(encoding="utf-8").replace("Example Hospital", "Sample Clinic"),
                      encoding="utf-8")
    assert run_cli("build", "--content", str(catalogue), "--lang", "en", "--size", "A4",
                   "--out", str(tmp_path)).returncode == 0
    for name in ("quiet-room_en_A4.pdf", "visit-day_en_A4.pdf"):
        assert "Sample Clinic" in extract_text((tmp_path / name).read_bytes())[0]
    listing = run_cli("list", "--content", str(catalogue), "--out", str(tmp_path))
    assert [line for line in listing.stdout.splitlines() if not line.startswith(" ")] == ["quiet-room", "visit-day"]


def test_errors_name_the_file_they_are_in_shared_or_the_leaflets(catalogue: Path) -> None:
    shared = catalogue / "ur.yaml"
    shared.write_text(shared.read_text(encoding="utf-8").replace('page_of: "صفحہ {page} از {pages}"',
                                                                 'page_of: "صفحہ {page}"'), encoding="utf-8")
    own = catalogue / "visit-day" / "en.yaml"
    own.write_text(own.read_text(encoding="utf-8").replace("title: Your Visit", "title:"), encoding="utf-8")
    result = run_cli("check", "--content", str(catalogue))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert sum("labels.page_of: placeholders changed" in line for line in lines) == 1, lines
    assert re.search(r"content/ur\.yaml:7:\d+: labels\.page_of: placeholders changed", result.stderr)
    assert re.search(r"content/visit-day/en\.yaml:1:7: title: found nothing", result.stderr)


def test_a_key_in_both_the_shared_and_the_leaflets_file_is_an_error(catalogue: Path) -> None:
    own = catalogue / "quiet-room" / "en.yaml"
    own.write_text(own.read_text(encoding="utf-8") + "institute: Another Name\n", encoding="utf-8")
    result = run_cli("check", "--content", str(catalogue))
    assert result.returncode == 2
    assert re.search(r"content/quiet-room/en\.yaml:\d+:1: institute: key given twice", result.stderr)


def test_one_leaflets_folder_works_with_every_command(catalogue: Path, tmp_path: Path) -> None:
    leaflet = catalogue / "visit-day"
    out = tmp_path / "out"
    assert run_cli("build", "--content", str(leaflet), "--size", "A5", "--out", str(out)).returncode == 0
    result = run_cli("validate", "--content", str(catalogue), *map(str, sorted(out.glob("*.pdf"))))
    assert result.returncode == 0, result.stdout + result.stderr
    po = tmp_path / "ur.po"
    assert run_cli("export-po", "ur", "--content", str(leaflet), "--out", str(po)).returncode == 0
    translate_po(po, {("Office", "contacts.office.role"): "دفتر خانہ",
                      ("On the day", "sections.steps.heading"): "آمد کا دن"})
    result = run_cli("import-po", str(po), "--content", str(leaflet))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 items changed" in result.stdout
    assert "role: دفتر خانہ" in (catalogue / "ur.yaml").read_text(encoding="utf-8")
    assert "heading: آمد کا دن" in (leaflet / "ur.yaml").read_text(encoding="utf-8")


PLACEHOLDER_WARNING = re.compile(r"^(\S+):(\d+):\d+: \S+: placeholder `\[.*` left in; "
                                 r"expected the leaflet's own words in its place$", re.MULTILINE)


def test_new_starts_a_leaflet_and_builds_it_at_once(catalogue: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("new", "liver-biopsy", "--title", "Liver: a 'biopsy'", "--content", str(catalogue),
                     "--out", str(out))
    assert result.returncode == 0, result.stderr
    folder = catalogue / "liver-biopsy"
    assert {path.name for path in folder.iterdir()} == {"leaflet.yaml", "en.yaml", "example.svg"}
    text = (folder / "en.yaml").read_text(encoding="utf-8")
    for kind in ("paragraph", "heading", "bullets", "numbered", "table", "image", "callout", "contacts", "diagram"):
        assert f"- {kind}:" in text
    names = {"liver-biopsy_en_A4.pdf", "liver-biopsy_en_A5.pdf", "liver-biopsy_en_A5-booklet.pdf"}
    assert pdfs(out) == names
    for name in names:
        assert f"wrote {out / name} (" in result.stdout
    assert "Liver: a 'biopsy'" in extract_text((out / "liver-biopsy_en_A4.pdf").read_bytes())[0]
    warnings = PLACEHOLDER_WARNING.findall(result.stdout)
    assert result.stdout.splitlines()[-1] == f"built 3 files, with {len(warnings)} content warnings (listed above)"


def test_new_lists_every_text_to_replace_and_nothing_else(catalogue: Path, tmp_path: Path) -> None:
    """The warnings are exactly the template's bracketed texts: replaced, check is clean."""
    result = run_cli("new", "clinic-visit", "--title", "Clinic Visit", "--content", str(catalogue),
                     "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    warned = {(Path(file).name, int(line)) for file, line in PLACEHOLDER_WARNING.findall(result.stdout)}
    replaced = set()
    for path in (catalogue / "clinic-visit").glob("*.yaml"):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        edited = [re.sub(r'"\[[^"\]]*\]"', '"Made-up words"', line) for line in lines]
        replaced |= {(path.name, number) for number, (old, new) in enumerate(zip(lines, edited, strict=True), start=1)
                     if old != new}
        path.write_text("".join(edited), encoding="utf-8")
    assert warned == replaced and len(replaced) > 10
    checked = run_cli("check", "--content", str(catalogue))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "placeholder" not in checked.stdout


def test_new_that_does_not_check_keeps_its_folder_and_says_what_to_do(catalogue: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("new", "phone-card", "--title", "Call \u2706 us", "--content", str(catalogue), "--out", str(out))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert re.search(r"phone-card[/\\]en\.yaml:\d+:\d+: title: no configured font has `\u2706`", result.stderr)
    folder = catalogue / "phone-card"
    assert result.stderr.splitlines()[-1] == (
        f"{folder}: written, but no PDF built; expected the problems above fixed, then "
        f"`make_leaflet.py build phone-card --content {catalogue} --out {out}`")
    assert {path.name for path in folder.iterdir()} == {"leaflet.yaml", "en.yaml", "example.svg"}
    assert not out.exists()


def test_new_refuses_an_output_folder_inside_the_content_before_writing(catalogue: Path) -> None:
    result = run_cli("new", "clinic-visit", "--title", "Clinic Visit", "--content", str(catalogue),
                     "--out", str(catalogue / "visit-day" / "out"))
    assert result.returncode == 2
    assert result.stderr.strip() == (f"{catalogue / 'visit-day' / 'out'}: inside the content folder {catalogue}; "
                                     "expected an output folder outside it (default: output)")
    assert not (catalogue / "clinic-visit").exists()


@pytest.mark.parametrize(("leaflet_id", "where", "message"), [
    ("visit-day", "catalogue", "already exists; expected a new leaflet id"),
    ("Liver Biopsy", "catalogue", "not a leaflet id; expected lowercase words joined by hyphens"),
    ("liver-biopsy", "single", "no hospital.yaml; expected a catalogue folder"),
])
def test_new_refuses_what_it_cannot_make(catalogue: Path, leaflet_id: str, where: str, message: str) -> None:
    content = catalogue if where == "catalogue" else ROOT / "tests" / "fixtures" / "schedule"
    result = run_cli("new", leaflet_id, "--title", "A Title", "--content", str(content))
    assert result.returncode == 2
    assert message in result.stderr


def test_a_leaflet_shows_the_contacts_it_names(catalogue: Path, tmp_path: Path) -> None:
    assert run_cli("build", "--content", str(catalogue), "--lang", "en", "--size", "A4",
                   "--out", str(tmp_path)).returncode == 0
    quiet = " ".join(extract_text((tmp_path / "quiet-room_en_A4.pdf").read_bytes()))
    visit = " ".join(extract_text((tmp_path / "visit-day_en_A4.pdf").read_bytes()))
    assert "042 111 222 333" in quiet and "042 3000000" not in quiet and "Office" not in quiet
    assert "042 111 222 333" in visit and "042 3000000" in visit


def test_showing_a_contact_the_hospital_does_not_have_is_a_check_error(catalogue: Path) -> None:
    facts = catalogue / "quiet-room" / "leaflet.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("[desk]", "[desk, lift-man]"), encoding="utf-8")
    result = run_cli("check", "--content", str(catalogue))
    assert result.returncode == 2
    assert re.search(r"quiet-room/leaflet\.yaml:\d+:24: shows_contacts\[1\]: no contact `lift-man`; "
                     r"expected one of the ids in contacts: desk, office", result.stderr), result.stderr


def test_what_is_left_to_fill_in_is_a_check_finding_and_a_build_warning(catalogue: Path, tmp_path: Path) -> None:
    """Words in square brackets inside a written paragraph (not a number there: `[1]`), and a diagram
    that leaflet.yaml declares and no section shows."""
    own = catalogue / "quiet-room" / "en.yaml"
    paragraph = "Anyone may use it [opening times to follow], see note [1]."
    own.write_text(own.read_text(encoding="utf-8").replace("Anyone may use it.", paragraph), encoding="utf-8")
    facts = catalogue / "quiet-room" / "leaflet.yaml"
    declared = len(facts.read_text(encoding="utf-8").splitlines()) + 2
    with facts.open("a", encoding="utf-8") as file:
        file.write("diagrams:\n  spare-steps:\n    - steps: [one, two]\n")
    line = next(text for text in own.read_text(encoding="utf-8").splitlines() if paragraph in text)
    placeholder = (f"\\S*quiet-room[/\\\\]en\\.yaml:6:{line.index('[') + 1}: sections\\[0\\]\\.blocks\\[0\\]\\.text: "
                   r"placeholder `\[opening times to follow\]` left in; expected the leaflet's own words in its place")
    unused = (f"\\S*quiet-room[/\\\\]leaflet\\.yaml:{declared}:3: diagrams\\.spare-steps: "
              r"declared, but no section shows it; expected `- diagram: spare-steps` in a section, "
              r"or the diagram taken out of leaflet\.yaml")
    checked = run_cli("check", "--content", str(catalogue))
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert re.search(f"^{placeholder}$", checked.stdout, re.MULTILINE), checked.stdout
    assert re.search(f"^{unused}$", checked.stdout, re.MULTILINE), checked.stdout
    assert "quiet-room: 1 placeholder left to replace, 1 unused diagram" in checked.stdout.splitlines()
    built = run_cli("build", "quiet-room", "--content", str(catalogue), "--size", "A4", "--out", str(tmp_path))
    assert built.returncode == 0, built.stderr
    assert re.search(f"^warning: {placeholder}$", built.stderr, re.MULTILINE), built.stderr
    assert re.search(f"^warning: {unused}$", built.stderr, re.MULTILINE), built.stderr
    assert built.stdout.splitlines()[-1] == "built 1 file, with 2 content warnings (listed above)"


def test_a_language_some_leaflets_lack_is_previewed_and_marked_reviewed_where_they_have_it(
        catalogue: Path, tmp_path: Path) -> None:
    """quiet-room has no Urdu yet: preview and check --mark-reviewed ur do visit-day's and leave it be."""
    preview = run_cli("preview", "--lang", "ur", "--size", "A5", "--content", str(catalogue), "--out", str(tmp_path))
    assert preview.returncode == 0, preview.stderr
    images = {path.name for path in tmp_path.glob("*.png")}
    assert images and all(name.startswith("visit-day_ur_A5-") for name in images), images
    marked = run_cli("check", "--mark-reviewed", "ur", "--content", str(catalogue))
    assert marked.returncode == 0, marked.stdout + marked.stderr
    assert (catalogue / "visit-day" / "ur.reviewed.yaml").is_file()
    assert not (catalogue / "quiet-room" / "ur.reviewed.yaml").exists()
    nowhere = run_cli("check", "--mark-reviewed", "ar", "--content", str(catalogue))
    assert nowhere.returncode == 2
    assert re.search(r"visit-day: no translation `ar` to mark reviewed; expected one of: ur$", nowhere.stderr,
                     re.MULTILINE), nowhere.stderr
