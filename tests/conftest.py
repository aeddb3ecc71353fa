"""Shared fixtures: the real content, and the real PDFs built from it once per test run."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from hypothesis import Phase, settings

from leaflet.content import Leaflet, load_leaflet

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"  # a catalogue
LEAFLET_ID = "liver-metastases"
LEAFLET = CONTENT / LEAFLET_ID  # the first leaflet's own folder


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run make_leaflet.py as a user would, in a separate process."""
    return subprocess.run([sys.executable, str(ROOT / "make_leaflet.py"), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="session")
def leaflet() -> Leaflet:
    return load_leaflet(LEAFLET)


def _build(tmp_path_factory: pytest.TempPathFactory, language: str) -> dict[str, Path]:
    out = tmp_path_factory.mktemp(f"output-{language}")
    result = run_cli("build", "--lang", language, "--out", str(out))
    assert result.returncode == 0, result.stderr
    return {size: out / f"liver-metastases_{language}_{size}.pdf" for size in ("A4", "A5")}


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The English A4 and A5 PDFs, built by the command line into a fresh folder."""
    return _build(tmp_path_factory, "en")


@pytest.fixture(scope="session")
def built_urdu(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The Urdu A4 and A5 PDFs, built by the command line into a fresh folder."""
    return _build(tmp_path_factory, "ur")


def translation_findings(content: Path) -> list[str]:
    """The findings `check` reports about the translations of a content folder, one line each."""
    result = run_cli("check", "--content", str(content))
    assert result.returncode in (0, 1), result.stderr
    return [line for line in result.stdout.splitlines() if re.match(r"\S+:\d+:\d+: ", line)]


def content_file(path: Path, containing: str) -> Path:
    """Where in a copy of the catalogue `containing` is written: for `<copy>/en.yaml` the shared
    en.yaml or the first leaflet's; for `<copy>/leaflet.yaml` hospital.yaml or the leaflet's own.
    Paths outside a catalogue are returned as they are."""
    if not (path.parent / "hospital.yaml").is_file():
        return path
    shared = path.parent / ("hospital.yaml" if path.name == "leaflet.yaml" else path.name)
    for candidate in (path.parent / LEAFLET_ID / path.name, shared):
        if candidate.is_file() and containing in candidate.read_text(encoding="utf-8"):
            return candidate
    raise AssertionError(f"{containing!r} is in no file for {path}")


def translate_po(po: Path, translations: dict[tuple[str, str], str]) -> None:
    """Edit a PO file as a translator would: (English, context) -> the new translation."""
    catalog = read_po(io.BytesIO(po.read_bytes()))
    for (english, context), text in translations.items():
        catalog.get(english, context=context).string = text
    buffer = io.BytesIO()
    write_po(buffer, catalog)
    po.write_bytes(buffer.getvalue())


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A private copy of the content folder that a test may break."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target



# Property-based tests: a fixed seed and a bounded number of examples in CI; more on demand.
_PHASES = (Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink)  # no slow "explain"
settings.register_profile("ci", max_examples=60, derandomize=True, deadline=None, print_blob=True, phases=_PHASES)
settings.register_profile("long", max_examples=400, deadline=None, print_blob=True, phases=_PHASES)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
