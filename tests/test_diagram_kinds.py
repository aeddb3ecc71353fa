"""Every diagram kind, declared in YAML by a test leaflet (tests/fixtures/catalogue/visit-day), in both
directions: its words in the PDF, its arrangement in reading order, and exact errors for bad data."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from leaflet.content import load_leaflet
from leaflet.content.diagrams import KINDS
from leaflet.content.model import NamedItem
from leaflet.errors import ContentError
from tests.conftest import ROOT, run_cli

FIXTURE = ROOT / "tests" / "fixtures" / "catalogue"
LEAFLET = FIXTURE / "visit-day"
FORBIDDEN = re.compile(r"liver|hepatic|portal|bile|chemo|gallbladder|tumour|blood-supply|cancer-spread|"
                       r"treatment-options", re.IGNORECASE)


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("visit-day")
    result = run_cli("build", "visit-day", "--content", str(FIXTURE), "--size", "A4", "--out", str(out))
    assert result.returncode == 0, result.stderr
    return {language: out / f"visit-day_{language}_A4.pdf" for language in ("en", "ur")}


def words_on_pages(path: Path) -> list[tuple[str, pdfium.PdfTextPage]]:
    document = pdfium.PdfDocument(path.read_bytes())
    pages = []
    for page in document:
        textpage = page.get_textpage()
        pages.append((textpage.get_text_range(), textpage))
    return pages


def x_of(path: Path, title: str, word: str) -> float:
    """The left edge of `word`, first met after a diagram's `title` on the same page."""
    for text, textpage in words_on_pages(path):
        if title in text and word in text[text.index(title):]:
            return textpage.get_charbox(text.index(word, text.index(title)))[0]
    raise AssertionError(f"{word!r} after {title!r} not found")


def test_the_fixture_declares_every_diagram_kind() -> None:
    leaflet = load_leaflet(LEAFLET)
    used = {type(panel).__name__ for spec in leaflet.facts.diagrams.values() for panel in spec.panels}
    assert len(used) == len(KINDS) == 6


@pytest.mark.parametrize("language", ["en", "ur"])
def test_every_label_of_every_diagram_is_in_the_pdf(pdfs, language) -> None:
    leaflet = load_leaflet(LEAFLET)
    text = " ".join(" ".join(page.split()) for page, _ in words_on_pages(pdfs[language]))
    for diagram_id, labels in leaflet.languages[language].diagrams.items():
        for key, label in labels.items():
            texts = [label.name, label.description] if isinstance(label, NamedItem) else \
                list(label) if isinstance(label, tuple) else [label.replace("{percent}", "80")]
            for words in texts:
                assert " ".join(words.split()) in text, f"{diagram_id}.{key}: {words!r}"
    assert ("55-65%" in text and "30-40%" in text) or language == "ur"


@pytest.mark.parametrize(("language", "rtl"), [("en", False), ("ur", True)])
def test_steps_options_and_a_mirrored_figure_run_in_reading_order(pdfs, language, rtl) -> None:
    labels = load_leaflet(LEAFLET).languages[language].diagrams
    path = pdfs[language]
    day = str(labels["the-day"]["title"])
    steps = [x_of(path, day, str(labels["the-day"][key]).split()[0]) for key in ("arrive", "check_in", "wait")]
    assert steps == sorted(steps, reverse=rtl)
    pay = str(labels["ways-to-pay"]["title"])
    cards = [x_of(path, pay, str(labels["ways-to-pay"][key].name)) for key in ("cash", "card", "online")]
    assert cards == sorted(cards, reverse=rtl)
    desk = str(labels["the-desk"]["title"])
    queue, way_out = (x_of(path, desk, str(labels["the-desk"][key]).split()[0]) for key in ("queue", "way_out"))
    assert (queue > way_out) == rtl  # `mirror: true`: the queue starts where reading starts


def test_anatomy_keeps_its_sides_in_every_language(built, built_urdu) -> None:
    """The first leaflet's anatomy figure has no `mirror`: its right lobe stays on the viewer's left."""
    for path, language in ((built["A4"], "en"), (built_urdu["A4"], "ur")):
        labels = load_leaflet(ROOT / "content" / "liver-metastases").languages[language].diagrams["liver-anatomy"]
        title = str(labels["title"])
        right, left = (x_of(path, title, str(labels[key]).split()[0]) for key in ("right_lobe", "left_lobe"))
        assert right < left, language


def test_the_program_knows_no_particular_leaflet() -> None:
    """Words of the first leaflet live in content/, never in the code that lays out every leaflet."""
    found = [f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
             for path in sorted((ROOT / "leaflet").rglob("*")) if path.suffix in (".py", ".yaml", ".template", ".svg")
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
             if FORBIDDEN.search(line)]
    assert found == []


@pytest.fixture
def leaflet_copy(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "content")
    return tmp_path / "content" / "visit-day"


def edit(path: Path, old: str, new: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def only_error(folder: Path) -> str:
    with pytest.raises(ContentError) as caught:
        load_leaflet(folder)
    assert len(caught.value.messages) == 1, caught.value.messages
    return caught.value.messages[0]


@pytest.mark.parametrize(("file", "old", "new", "pattern"), [
    ("leaflet.yaml", "labels: [queue, desk, way_out]", "labels: [queue, desk, exit]",
     r"leaflet\.yaml:{line}:\d+: diagrams\.the-desk\[0\]\.labels\[2\]: no element id=\"exit\" in queue\.svg; "
     r"expected the id of a shape"),
    ("leaflet.yaml", "    - terms: things", "    - word-cloud: things",
     r"leaflet\.yaml:{line}:\d+: diagrams\.the-day\[1\]: no diagram kind; expected exactly one of: shares, in-100, "
     r"steps, options, terms, figure"),
    ("leaflet.yaml", "into: building.svg", "into: ../../building.svg",
     r"leaflet\.yaml:{line}:\d+: diagrams\.getting-here\[0\]\.into: `\.\./\.\./building\.svg` leaves the content "
     r"folder"),
    ("leaflet.yaml", "into: building.svg", "into: desk.png",
     r"leaflet\.yaml:{line}:\d+: diagrams\.getting-here\[0\]\.into: `desk\.png` is not an SVG drawing"),
    ("leaflet.yaml", "colour: accent", "colour: sky-blue",
     r"leaflet\.yaml:{line}:\d+: diagrams\.getting-here\[0\]\.shares\[1\]\.colour: `sky-blue` is not a colour"),
    ("leaflet.yaml", "on_time_in_100: 80", "on_time_in_100: 180",
     r"leaflet\.yaml:\d+:\d+: diagrams\.getting-here\[1\]\.in-100: figures\.on_time_in_100 is 180; "
     r"expected a percentage, 0 to 100"),
    ("en.yaml", "    wait: Wait to be called\n", "",
     r"en\.yaml:\d+:\d+: diagrams\.the-day\.wait: missing; expected a `wait:` entry here"),
    ("ur.yaml", "{percent} آنے والے", "آنے والے",
     r"ur\.yaml:{line}:\d+: diagrams\.getting-here\.on_time: placeholders changed; expected exactly \{{percent\}}"),
    ("en.yaml", "      - diagram: the-desk", "      - diagram: the-door",
     r"en\.yaml:{line}:\d+: diagram: no diagram called `the-door`; expected one of: the-desk, getting-here, "
     r"the-day, ways-to-pay"),
])
def test_bad_diagram_data_is_one_exact_error(leaflet_copy: Path, file: str, old: str, new: str,
                                             pattern: str) -> None:
    line = edit(leaflet_copy / file, old, new)
    message = only_error(leaflet_copy)
    assert re.search(pattern.format(line=line), message), message


def test_shares_that_are_all_0_are_a_check_error_not_a_failed_build(leaflet_copy: Path, tmp_path: Path) -> None:
    """The arrows are drawn in proportion to their shares: with nothing to share, there is nothing to draw."""
    edit(leaflet_copy / "leaflet.yaml", "by_bus_percent: [55, 65]\n  by_car_percent: [30, 40]",
         "by_bus_percent: 0\n  by_car_percent: 0")
    lines = (leaflet_copy / "leaflet.yaml").read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, start=1) if "{label: bus," in text)
    expected = (f"\\S*visit-day[/\\\\]leaflet\\.yaml:{line}:9: diagrams\\.getting-here\\[0\\]\\.shares: "
                r"every share is 0; expected at least one above 0 "
                r"\(each arrow is drawn as thick as its part of them all\)")
    for command in (["check"], ["build", "--out", str(tmp_path / "out")]):
        result = run_cli(*command, "--content", str(leaflet_copy))
        assert result.returncode == 2, result.stdout + result.stderr
        assert re.fullmatch(expected, result.stderr.strip()), result.stderr
    assert not (tmp_path / "out").exists()


def test_a_copy_of_the_first_leaflet_under_another_name_builds_with_no_other_change(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    shutil.copytree(content / "liver-metastases", content / "a-copy")
    result = run_cli("build", "a-copy", "--content", str(content), "--lang", "ur", "--size", "A5",
                     "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "a-copy_ur_A5.pdf").is_file()

