"""Property-based: content files varied at random never crash `check` or `build`.

What `check` accepts, `build` builds; what it rejects gets one `file:line:column` line per
problem and exit 2. Runs with a fixed seed and few examples by default; set
HYPOTHESIS_PROFILE=long for many more.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from leaflet.cli import main
from leaflet.content.limits import MAX_CHARACTERS
from tests.conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "fuzz"
FILES = ("leaflet.yaml", "en.yaml", "ur.yaml")
WHERE = re.compile(r"^\S+:\d+:\d+: \S")

LONG_WORDS = st.sampled_from([
    "x" * 400, "https://example.org/" + "a-very-long-path/" * 12, "info@" + "sub." * 30 + "example.org",
    "ابتدائیانتہائیطویلترینلفظ" * 12, "0" * 300, "../leaflet.yaml", "/etc/passwd", "picture.svg/../../x.svg",
])
MIXED = st.sampled_from([
    "بخار 39 °C ہو تو 2–3 دن آرام کریں", "Wilson's disease اور pkli.org.pk/patient_guide",
    "مثال (CT scan) اور 25/11/2026 کو 9:30 بجے", "Text with عربی words and 70-80% of it",
    "A & E میں +92 42 111 222 333 پر", "**bold** and ** half bold", "tab\tand\nnew line",
])
UNUSUAL = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=40)
# Mostly characters the fonts have: Latin with its accents and symbols, Arabic-script letters.
COMMON = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x24F, exclude_categories=("Cc",))
                 | st.characters(min_codepoint=0x600, max_codepoint=0x6FF), min_size=1, max_size=60)
TEXTS = st.one_of(LONG_WORDS, MIXED, COMMON, UNUSUAL)
ANYTHING = st.one_of(
    TEXTS, st.integers(-10**6, 10**6), st.floats(allow_nan=False), st.none(),
    st.booleans(), st.just([]), st.just({}), st.lists(st.sampled_from(["one", "دو", "3"]), max_size=3),
    st.sampled_from(["", " ", "{percent}", "{page} {pages}", "{unknown}", "2026-02-30", "#GGGGGG"]),
)


def _places(node: object, path: tuple = ()) -> list[tuple]:
    """Paths to every value in a loaded YAML tree."""
    found = [path] if path else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _places(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _places(value, (*path, index))
    return found


def _at(tree: object, path: tuple) -> object:
    for step in path:
        tree = tree[step]
    return tree


def _mutate(tree: object, data: st.DataObject) -> None:
    """Most often a text is rewritten (so that many variants pass `check` and get built);
    otherwise a key is removed, a list or mapping emptied or repeated, or a value replaced by anything."""
    places = _places(tree)
    texts = [path for path in places if isinstance(_at(tree, path), str) and path[-1] not in ("id", "language")]
    action = data.draw(st.sampled_from(["text"] * 6 + ["remove", "empty", "repeat", "anything"]), label="action")
    path = data.draw(st.sampled_from(texts if action == "text" and texts else places), label="where")
    parent, last = _at(tree, path[:-1]), path[-1]
    value = parent[last]
    if action == "text":
        parent[last] = data.draw(st.one_of(TEXTS, st.sampled_from([f"{value} {value} {value}", f"{value} ."]),
                                           MIXED.map(lambda mixed: f"{value} {mixed}")), label="text")
    elif action == "remove":
        del parent[last]
    elif action == "empty" and isinstance(value, list | dict):
        value.clear()
    elif action == "repeat" and isinstance(value, list) and value:
        value.extend(value * data.draw(st.integers(1, 8), label="times"))
    else:
        parent[last] = data.draw(ANYTHING, label="value")


def _run(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().err


@settings(max_examples=settings().max_examples, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_what_check_accepts_build_builds(data: st.DataObject, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    content = tmp_path / "content"
    shutil.rmtree(content, ignore_errors=True)
    shutil.copytree(FIXTURE, content)
    trees = {name: yaml.safe_load((FIXTURE / name).read_text(encoding="utf-8")) for name in FILES}
    for _ in range(data.draw(st.integers(1, 3), label="changes")):
        name = data.draw(st.sampled_from(["en.yaml", "ur.yaml"] * 2 + ["leaflet.yaml"]), label="file")
        _mutate(trees[name], data)
    for name, tree in trees.items():
        (content / name).write_text(yaml.safe_dump(tree, allow_unicode=True, sort_keys=False, width=4096),
                                    encoding="utf-8")
    code, errors = _run("check", "--content", str(content), capsys=capsys)
    assert code in (0, 1, 2)
    event(f"check exit {code}")
    if code == 2:
        lines = errors.strip().splitlines()
        assert lines and all(WHERE.match(line) for line in lines), errors
        return
    out = tmp_path / "out"
    code, errors = _run("build", "--content", str(content), "--size", "A5", "--out", str(out), capsys=capsys)
    assert code == 0, errors


# Neutral words (tests/ only), to fill texts up to their length limits in each language
FILLER = {language: words.split(" ") for language, words in (
    ("en", "the visit desk room chair door letter time morning bring your card ask staff wait list"),
    ("ur", "آپ کا خط کمرہ کرسی دروازہ وقت صبح لائیں اپنا کارڈ پوچھیں عملہ انتظار فہرست CT 2–3"))}
LONGEST = {"title": MAX_CHARACTERS["title"], "line": MAX_CHARACTERS["line"], "item": MAX_CHARACTERS["bullet"]}


def filled(language: str, kind: str) -> st.SearchStrategy[str]:
    """A text of the language's words, from half its length limit up to the limit itself."""
    limit = LONGEST[kind]
    return st.tuples(st.integers(limit // 2, limit),
                     st.lists(st.sampled_from(FILLER[language]), min_size=1, max_size=9)).map(
        lambda drawn: _cut(" ".join(drawn[1] * (drawn[0] // 2 + 1)), drawn[0]))


def _cut(text: str, length: int) -> str:
    return text[:length].rsplit(" ", 1)[0] if len(text) > length else text


@settings(max_examples=max(3, settings().max_examples // 8), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_texts_at_their_length_limits_build_in_every_choice_of_languages_and_sizes(
        data: st.DataObject, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Titles and subtitles of up to 100 characters, headings of up to 160, list items (bulleted
    and numbered) of up to 3,000, in English and Urdu: `check` accepts them and `build` builds
    every file of any choice of languages and sizes, the bilingual files and booklets included."""
    content = tmp_path / "content"
    shutil.rmtree(content, ignore_errors=True)
    shutil.copytree(FIXTURE, content)
    for language in ("en", "ur"):
        tree = yaml.safe_load((FIXTURE / f"{language}.yaml").read_text(encoding="utf-8"))
        first, second = tree["sections"][0], tree["sections"][1]
        places = {"title": (tree, "title"), "subtitle": (tree, "subtitle"), "heading": (first, "heading"),
                  "subheading": (second["blocks"][0], "heading"), "bullet": (first["blocks"][1]["bullets"], 0),
                  "numbered": (second["blocks"][1]["numbered"], 1)}
        for name in data.draw(st.sets(st.sampled_from(sorted(places)), min_size=1), label=f"{language} texts"):
            kind = {"title": "title", "subtitle": "title", "bullet": "item", "numbered": "item"}.get(name, "line")
            parent, key = places[name]
            parent[key] = data.draw(filled(language, kind), label=f"{language} {name}")
        (content / f"{language}.yaml").write_text(
            yaml.safe_dump(tree, allow_unicode=True, sort_keys=False, width=4096), encoding="utf-8")
    code, errors = _run("check", "--content", str(content), capsys=capsys)
    assert code in (0, 1), errors
    languages = data.draw(st.sets(st.sampled_from(["en", "ur"]), min_size=1), label="languages")
    sizes = data.draw(st.sets(st.sampled_from(["A4", "A5"]), min_size=1), label="sizes")
    options = [option for code in sorted(languages) for option in ("--lang", code)]
    options += [option for size in sorted(sizes) for option in ("--size", size)]
    code, errors = _run("build", "--content", str(content), *options, "--out", str(tmp_path / "out"), capsys=capsys)
    assert code == 0, errors
