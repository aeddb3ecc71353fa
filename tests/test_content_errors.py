"""Every mistake a translator can make gives one line: file:line:col: field: problem; expectation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from leaflet.content import ContentError, load_leaflet
from tests.conftest import LEAFLET_ID, content_file

MESSAGE = re.compile(
    r"(?P<file>\S+\.yaml):(?P<line>\d+):(?P<col>\d+): (?P<field>\S+): (?P<problem>[^;]+); (?P<expected>.+)"
)


def plant(path: Path, old: str, new: str) -> int:
    """Replace the first `old` in a file and return the 1-based line where it stood."""
    path = content_file(path, old)
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def messages(content: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_leaflet(content / LEAFLET_ID)
    return caught.value.messages


def only_message(content: Path) -> re.Match[str]:
    found = messages(content)
    assert len(found) == 1, found
    match = MESSAGE.fullmatch(found[0])
    assert match, f"not in file:line:col: field: problem; expected form: {found[0]}"
    return match


def test_real_content_loads(leaflet) -> None:
    english = leaflet.languages["en"]
    assert english.title == "Liver Metastases"
    assert len(english.sections) >= 10
    assert {c.id for c in leaflet.facts.contacts} == set(english.contacts)


@pytest.mark.parametrize(
    ("old", "new", "field", "problem", "column"),
    [
        ("title: Liver Metastases", "title: Liver: Metastases", "(yaml)",
         "a colon followed by a space inside text", 13),
        ("subtitle: Secondary Liver Cancer", "subtitle: [Secondary, Liver]", "subtitle", "found a list", 11),
        ("title: Liver Metastases", 'title: ""', "title", "empty text", 8),
        ("title: Liver Metastases", "title: Liver Metastases\ncolour: red", "colour", "unknown key", 1),
        ("title: Liver Metastases", "title: Liver Metastases\ntitle: Again", "title", "key given twice", 1),
        ("title: Liver Metastases", "title: 2024", "title", "found a number", 8),
        ("title: Liver Metastases", "title: !!python/object/apply:os.system [echo]", "title",
         "found a value tagged `tag:yaml.org,2002:python/object/apply:os.system`", 8),
        ("title: Liver Metastases", "title: [Liver, Metastases]", "title", "found a list", 8),
        ("title: Liver Metastases", "title: Liver **Metastases", "title", "unpaired `**`", 14),  # at the `**`
        ('page_of: "Page {page} of {pages}"', 'page_of: "Page {page}"', "labels.page_of",
         "placeholders changed", 12),
    ],
)
def test_planted_mistake_gives_one_line_at_its_place(content_copy, old, new, field, problem, column) -> None:
    line = plant(content_copy / "en.yaml", old, new)
    match = only_message(content_copy)
    assert match["file"].endswith("en.yaml")
    assert match["field"] == field
    assert match["problem"].startswith(problem)
    if field == "(yaml)":
        assert int(match["line"]) == line
    elif match["problem"] in ("unknown key", "key given twice"):
        assert int(match["line"]) == line + 1
    else:
        assert (int(match["line"]), int(match["col"])) == (line, column)


def test_a_date_pattern_that_is_not_one(content_copy) -> None:
    """labels.date_format is a babel pattern of day, month and year, words quoted: a time is not one."""
    line = plant(content_copy / "en.yaml", 'page_of: "Page {page} of {pages}"',
                 'page_of: "Page {page} of {pages}"\n  date_format: "d MMMM y HH:mm"') + 1
    match = only_message(content_copy)
    assert (match["field"], int(match["line"]), int(match["col"])) == ("labels.date_format", line, 16)
    assert match["problem"] == "`d MMMM y HH:mm` is not a date pattern"
    assert "e.g. \"d MMMM y\"" in match["expected"]


def test_missing_field_names_the_field(content_copy) -> None:
    plant(content_copy / "en.yaml", "subtitle: Secondary Liver Cancer\n", "")
    match = only_message(content_copy)
    assert match["field"] == "subtitle"
    assert match["problem"] == "missing"
    assert "subtitle:" in match["expected"]


def test_block_in_a_section_is_located_by_path(content_copy) -> None:
    line = plant(content_copy / "en.yaml", "      - paragraph: >-", "      - paragraf: >-")
    match = only_message(content_copy)
    assert re.fullmatch(r"sections\[\d+\]\.blocks\[\d+\]\.paragraf", match["field"])
    assert int(match["line"]) == line
    assert "paragraph, heading, bullets, numbered, table, image, callout, contacts, diagram" in match["expected"]


def test_text_where_a_list_belongs(content_copy) -> None:
    line = plant(content_copy / "leaflet.yaml", "  sources:\n    - ", "  sources: ")
    match = only_message(content_copy)
    assert match["field"] == "document_control.sources"
    assert match["problem"] == "found text"
    assert "list" in match["expected"]
    assert int(match["line"]) == line


def test_several_mistakes_give_one_line_each(content_copy) -> None:
    plant(content_copy / "en.yaml", "title: Liver Metastases", 'title: ""')
    plant(content_copy / "en.yaml", "subtitle: Secondary Liver Cancer", "subtitle: [a]")
    plant(content_copy / "leaflet.yaml", "published: 2026-11-25", "published: 2026-13-45")
    found = messages(content_copy)
    assert len(found) == 3, found
    assert all(MESSAGE.fullmatch(m) for m in found)
    assert any("leaflet.yaml" in m and "document_control.published" in m for m in found)


def test_contact_ids_must_match_the_facts(content_copy) -> None:
    plant(content_copy / "en.yaml", "  opd:\n", "  opd-desk:\n")
    found = messages(content_copy)
    fields = sorted(MESSAGE.fullmatch(m)["field"] for m in found)
    assert fields == ["contacts.opd", "contacts.opd-desk"], found


def test_language_must_match_file_name(content_copy) -> None:
    plant(content_copy / "en.yaml", "language: en", "language: ur")
    match = only_message(content_copy)
    assert match["field"] == "language"
    assert "en.yaml" in match["expected"]


def test_bad_facts_are_reported_in_hospital_yaml(content_copy) -> None:
    line = plant(content_copy / "leaflet.yaml", 'phone: "042 36093000"', 'phone: "call the desk"')
    match = only_message(content_copy)
    assert match["file"].endswith("content/hospital.yaml")  # the phone numbers every leaflet shares
    assert re.fullmatch(r"contacts\[\d\]\.phone", match["field"])
    assert int(match["line"]) == line


def test_file_that_is_not_utf8(content_copy) -> None:
    path = content_file(content_copy / "en.yaml", "Liver Metastases")
    latin1 = "Liver M\u00e9tastases".encode("latin-1")
    path.write_bytes(path.read_bytes().replace(b"Liver Metastases", latin1, 1))
    match = only_message(content_copy)
    assert match["problem"] == "not UTF-8 text"


def test_a_department_the_hospital_does_not_list(content_copy) -> None:
    line = plant(content_copy / "leaflet.yaml", "department: hpb", "department: cardiology")
    match = only_message(content_copy)
    assert match["file"].endswith(f"{LEAFLET_ID}/leaflet.yaml") and int(match["line"]) == line
    assert (match["field"], match["problem"], match["expected"]) == (
        "department", "`cardiology` is not a department", "expected one of: hpb")


def test_each_language_names_every_department(content_copy) -> None:
    plant(content_copy / "leaflet.yaml", "departments: [hpb]", "departments: [hpb, renal]")
    found = messages(content_copy)
    assert len(found) == 2, found  # the name of `renal` is missing in en.yaml and in ur.yaml
    assert all(MESSAGE.fullmatch(m)["field"] == "departments.renal" for m in found)
    assert {Path(MESSAGE.fullmatch(m)["file"]).name for m in found} == {"en.yaml", "ur.yaml"}


def test_keywords_are_a_list_of_words(content_copy) -> None:
    plant(content_copy / "en.yaml", "keywords: [liver cancer,", "keywords: {liver: cancer}\nunused: [")
    found = messages(content_copy)
    assert {MESSAGE.fullmatch(m)["field"] for m in found} == {"keywords", "unused"}, found
