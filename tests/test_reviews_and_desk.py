"""Issue 24's care of a catalogue: when each leaflet's review is due (`list`, `check`, and the
function the desk asks), `list` going on past a leaflet that does not load, and hospital.yaml's
`desk: drafts:` setting."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leaflet.content import Location, Text, load_leaflet
from leaflet.content.model import DocumentControl
from leaflet.content.reviews import REVIEW_SOON_DAYS, review_due
from tests.conftest import ROOT, run_cli

FIXTURE = ROOT / "tests" / "fixtures" / "catalogue"
TODAY = dt.date.today()


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    """A copy of the fixture catalogue at `content/` in tmp_path, where the commands run (so that
    messages name `content/...`)."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURE, target)
    return target


def cli(catalogue: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, "--content", "content", cwd=catalogue.parent)


def review_on(catalogue: Path, leaflet_id: str, due: dt.date) -> tuple[int, int]:
    """Set a leaflet's next_review (and its last review a year before, which must come first); the
    line and column where the date is written."""
    path = catalogue / leaflet_id / "leaflet.yaml"
    text = re.sub(r"last_reviewed: \S+", f"last_reviewed: {due - dt.timedelta(days=365)}",
                  path.read_text(encoding="utf-8"))
    text = re.sub(r"next_review: \S+", f"next_review: {due}", text)
    path.write_text(text, encoding="utf-8")
    number, line = next((n, line) for n, line in enumerate(text.splitlines(), 1) if "next_review:" in line)
    return number, line.index(str(due)) + 1


def block_of(listing: str, leaflet_id: str) -> list[str]:
    """`list`'s lines for one leaflet: its id and the indented lines under it."""
    lines = listing.splitlines()
    start = lines.index(leaflet_id)
    end = next((n for n in range(start + 1, len(lines)) if not lines[n].startswith(" ")), len(lines))
    return lines[start:end]


def control(next_review: dt.date) -> DocumentControl:
    where = Location("leaflet.yaml", 1, 1)
    return DocumentControl(Text("X-1", where), "1.0", next_review - dt.timedelta(days=400),
                           next_review - dt.timedelta(days=365), next_review, (), where)


# --- when a review is due -----------------------------------------------------


@given(days=st.integers(-3000, 3000), today=st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1)))
def test_a_review_is_announced_30_days_ahead_and_due_from_its_own_day(days: int, today: dt.date) -> None:
    due = review_due(control(today + dt.timedelta(days=days)), today)
    if days > REVIEW_SOON_DAYS:
        assert due is None
        return
    assert due is not None
    assert (due.date, due.days_left, due.overdue) == (today + dt.timedelta(days=days), days, days <= 0)
    assert due.days_since == -days


def test_the_boundaries_of_a_review() -> None:
    today = dt.date(2026, 12, 7)
    assert REVIEW_SOON_DAYS == 30
    assert review_due(control(dt.date(2027, 1, 7)), today) is None  # 31 days ahead
    assert review_due(control(dt.date(2027, 1, 6)), today).days_left == 30
    assert not review_due(control(dt.date(2026, 12, 8)), today).overdue
    assert review_due(control(dt.date(2026, 12, 7)), today).overdue
    assert review_due(control(dt.date(2025, 12, 7)), today).days_since == 365


@pytest.mark.parametrize(("days", "expected"), [
    (-12, "  review due: {date} (12 days ago)"),
    (-1, "  review due: {date} (1 day ago)"),
    (0, "  review due: {date} (today)"),
    (1, "  review due in 1 day ({date})"),
    (12, "  review due in 12 days ({date})"),
    (30, "  review due in 30 days ({date})"),
    (31, None),
])
def test_list_says_when_a_review_is_due(catalogue: Path, days: int, expected: str | None) -> None:
    due = TODAY + dt.timedelta(days=days)
    review_on(catalogue, "visit-day", due)
    result = cli(catalogue, "list")
    assert result.returncode == 0, result.stderr
    visit = block_of(result.stdout, "visit-day")
    said = [line for line in visit if line.startswith("  review due")]
    assert said == ([expected.format(date=due.strftime("%d/%m/%Y"))] if expected else []), visit
    assert visit[-1].startswith("  sizes ")  # under the languages, before the PDFs' state
    assert not any(line.startswith("  review due") for line in block_of(result.stdout, "quiet-room"))  # 2027


def test_check_warns_at_next_review_once_the_date_has_passed_and_exits_as_before(catalogue: Path) -> None:
    line, column = review_on(catalogue, "visit-day", TODAY - dt.timedelta(days=12))
    review_on(catalogue, "quiet-room", TODAY + dt.timedelta(days=1))  # not due yet: list's business only
    result = cli(catalogue, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    date = (TODAY - dt.timedelta(days=12)).strftime("%d/%m/%Y")
    warning = (f"content/visit-day/leaflet.yaml:{line}:{column}: document_control.next_review: the review was "
               f"due on {date} (12 days ago); expected the leaflet reviewed, then last_reviewed and next_review "
               "moved on")
    assert [text for text in result.stdout.splitlines() if "overdue" in text or "next_review" in text] == [
        warning, "visit-day: 1 warning, review overdue (a warning leaves the exit code as it is)"]


def test_a_review_overdue_leaves_checks_other_findings_and_exit_code_as_they_are(catalogue: Path) -> None:
    """A placeholder left in is exit 1 with the review overdue as without it."""
    own = catalogue / "quiet-room" / "en.yaml"
    own.write_text(own.read_text(encoding="utf-8").replace("Anyone may use it.", "[Who may use it]"),
                   encoding="utf-8")
    review_on(catalogue, "quiet-room", TODAY)
    result = cli(catalogue, "check")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "the review is due today" in result.stdout
    assert "quiet-room: 1 placeholder left to replace, 0 unused diagrams" in result.stdout.splitlines()


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


# --- hospital.yaml's desk: drafts: ------------------------------------------------


def test_the_desk_shows_drafts_unless_hospital_yaml_says_hide(catalogue: Path) -> None:
    assert load_leaflet(catalogue / "visit-day").facts.desk.drafts == "show"
    with (catalogue / "hospital.yaml").open("a", encoding="utf-8") as file:
        file.write("desk:\n  drafts: hide\n")
    assert cli(catalogue, "check").returncode == 0
    assert {load_leaflet(catalogue / name).facts.desk.drafts for name in ("visit-day", "quiet-room")} == {"hide"}


def test_a_single_leaflet_gives_the_desk_setting_in_its_own_leaflet_yaml(tmp_path: Path) -> None:
    folder = tmp_path / "schedule"
    shutil.copytree(ROOT / "tests" / "fixtures" / "schedule", folder)
    with (folder / "leaflet.yaml").open("a", encoding="utf-8") as file:
        file.write("desk:\n  drafts: hide\n")
    assert load_leaflet(folder).facts.desk.drafts == "hide"


@pytest.mark.parametrize(("written", "message"), [
    ("desk:\n  drafts: maybe\n", "{n}:11: desk.drafts: found `maybe`; expected one of: show, hide"),
    ("desk:\n  drafts: hide\n  colours: no\n",
     "{m}:3: desk.colours: unknown key; expected one of: drafts, confirm_above_pages"),
    ("desk: hide\n", "{n_desk}:7: desk: found text; expected a mapping (key: value pairs)"),
])
def test_a_desk_setting_that_cannot_be_read_is_refused_at_its_line(catalogue: Path, written: str, message: str) -> None:
    hospital = catalogue / "hospital.yaml"
    lines = len(hospital.read_text(encoding="utf-8").splitlines())
    with hospital.open("a", encoding="utf-8") as file:
        file.write(written)
    result = cli(catalogue, "check")
    assert result.returncode == 2
    expected = "content/hospital.yaml:" + message.format(n=lines + 2, m=lines + 3, n_desk=lines + 1)
    assert expected in result.stderr.splitlines(), result.stderr


def test_the_desk_setting_is_given_once_in_a_catalogue(catalogue: Path) -> None:
    """As every key hospital.yaml and leaflet.yaml share: in either file, never in both."""
    for path in (catalogue / "hospital.yaml", catalogue / "visit-day" / "leaflet.yaml"):
        with path.open("a", encoding="utf-8") as file:
            file.write("desk:\n  drafts: show\n")
    result = cli(catalogue, "check")
    assert result.returncode == 2
    assert re.search(r"^content/visit-day/leaflet\.yaml:\d+:1: desk: key given twice", result.stderr, re.MULTILINE)
