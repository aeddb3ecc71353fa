"""Issue 24's care of a catalogue: `list` going on past a leaflet that does not load."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

FIXTURE = ROOT / "tests" / "fixtures" / "catalogue"


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    """A copy of the fixture catalogue at `content/` in tmp_path, where the commands run (so that
    messages name `content/...`)."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURE, target)
    return target


def cli(catalogue: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, "--content", "content", cwd=catalogue.parent)


def block_of(listing: str, leaflet_id: str) -> list[str]:
    """`list`'s lines for one leaflet: its id and the indented lines under it."""
    lines = listing.splitlines()
    start = lines.index(leaflet_id)
    end = next((n for n in range(start + 1, len(lines)) if not lines[n].startswith(" ")), len(lines))
    return lines[start:end]


# --- list goes on past a leaflet that does not load ---------------------------------


def test_list_names_a_broken_leaflet_with_its_problems_and_goes_on(catalogue: Path) -> None:
    own = catalogue / "quiet-room" / "en.yaml"
    own.write_text(own.read_text(encoding="utf-8").replace("title: The Quiet Room", "title:"), encoding="utf-8")
    result = cli(catalogue, "list")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert block_of(result.stdout, "quiet-room") == [
        "quiet-room", "  does not load: 1 problem; expected each fixed, then check"]
    assert result.stderr.splitlines() == ["content/quiet-room/en.yaml:1:7: title: found nothing; expected text"]
    visit = block_of(result.stdout, "visit-day")
    assert visit[1].split()[0] == "en" and "Your Visit" in visit[1]


def test_list_gives_a_shared_files_problem_once(catalogue: Path) -> None:
    shared = catalogue / "en.yaml"
    shared.write_text(shared.read_text(encoding="utf-8").replace("  notes: Notes\n", ""), encoding="utf-8")
    result = cli(catalogue, "list")
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1 and "labels.notes: missing" in result.stderr, result.stderr
    assert block_of(result.stdout, "quiet-room")[1] == "  does not load: 1 problem; expected each fixed, then check"
    assert block_of(result.stdout, "visit-day")[1] == (
        "  does not load: 1 problem, 1 of them listed above; expected each fixed, then check")


def test_two_leaflets_whose_facts_cannot_be_read_are_both_reported(catalogue: Path) -> None:
    """Each is named by its folder, so neither hides the other (they once both had the id '')."""
    for leaflet_id in ("quiet-room", "visit-day"):
        with (catalogue / leaflet_id / "leaflet.yaml").open("a", encoding="utf-8") as file:
            file.write("sources: [\n")
    for command in ("check", "list"):
        result = cli(catalogue, command)
        assert result.returncode == 2
        assert [re.match(r"content/([a-z-]+)/leaflet\.yaml:\d+:\d+: \(yaml\)", line)[1]
                for line in result.stderr.splitlines()] == ["quiet-room", "visit-day"], (command, result.stderr)
