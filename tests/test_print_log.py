"""The desk's print log (SQLite beside the output) and the print report: `make_leaflet.py report`
and the staff page /report. The prints are written here with PrintLog.record, as the desk does."""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import re
import shutil
import sqlite3
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from starlette.testclient import TestClient

from leaflet.records import MonthRow, Print, PrintLog, PrintLogError, print_log_path
from leaflet.records import printlog as printlog_module
from leaflet.web.app import create_app
from tests.conftest import ROOT, run_cli
from tests.deskserver import chromium, running_desk

FIXTURE = ROOT / "tests" / "fixtures" / "catalogue"


def a_print(when: dt.datetime, leaflet: str = "visit-day", language: str = "en", copies: int = 1,
            pages: int = 4, size: str = "A4") -> Print:
    return Print(when, leaflet, "1.0", language, size, False, copies, pages * copies)


def mid_month(year: int, month: int) -> dt.datetime:
    """A time that is in the same month whatever the desk's time zone."""
    return dt.datetime(year, month, 15, 12, tzinfo=dt.UTC)


def expected_months(prints: list[Print], since: dt.date | None = None) -> list[MonthRow]:
    """What months() should say, counted here in Python from the desk's local time."""
    prints_per, pages_per = Counter(), Counter()
    for entry in prints:
        local = entry.time.astimezone()
        if since is None or local.date() >= since:
            key = (local.strftime("%Y-%m"), entry.leaflet, entry.language)
            prints_per[key] += entry.copies
            pages_per[key] += entry.pages
    return [MonthRow(*key, prints_per[key], pages_per[key]) for key in sorted(prints_per)]


def desk_lines(caplog: pytest.LogCaptureFixture, level: int = logging.WARNING) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.name == "leaflet.desk"
            and record.levelno >= level]


PRINTS = st.builds(
    Print,
    time=st.datetimes(min_value=dt.datetime(2025, 1, 1), max_value=dt.datetime(2027, 12, 31),
                      timezones=st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=5)),
                                                 dt.timezone(dt.timedelta(hours=-8))])),
    leaflet=st.sampled_from(["visit-day", "quiet-room", "liver-metastases"]),
    version=st.sampled_from(["0.9", "1.0"]),
    language=st.sampled_from(["en", "ur", "bilingual"]),
    size=st.sampled_from(["A4", "A5", "A5-booklet"]),
    large=st.booleans(),
    copies=st.integers(1, 50),
    pages=st.integers(1, 400),
)


@given(prints=st.lists(PRINTS, max_size=12), since=st.none() | st.dates(dt.date(2025, 1, 1), dt.date(2027, 12, 31)))
def test_prints_are_read_back_per_month_leaflet_and_language(prints: list[Print], since: dt.date | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        log = PrintLog(print_log_path(Path(folder) / "output"))
        assert all(log.record(entry) for entry in prints)
        assert log.months(since) == expected_months(prints, since)


def test_months_are_counted_in_the_desks_own_time_zone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Asia/Karachi")  # UTC+5, no summer time
    time.tzset()
    try:
        log = PrintLog(print_log_path(tmp_path))
        late_in_january = dt.datetime(2026, 1, 31, 20, 30, tzinfo=dt.UTC)  # 1 February, 01:30 in Karachi
        log.record(a_print(late_in_january, copies=2))
        log.record(a_print(dt.datetime(2026, 1, 31, 18, 0, tzinfo=dt.UTC)))  # 23:00 in Karachi: still January
        assert [(row.month, row.prints) for row in log.months()] == [("2026-01", 1), ("2026-02", 2)]
        assert [row.month for row in log.months(dt.date(2026, 2, 1))] == ["2026-02"]
    finally:
        monkeypatch.undo()
        time.tzset()


def test_the_file_holds_only_what_was_printed_in_wal_mode(tmp_path: Path) -> None:
    log = PrintLog(print_log_path(tmp_path / "output"))
    assert log.months() == [] and not (tmp_path / "output").exists()  # reading creates nothing
    log.record(Print(dt.datetime(2026, 3, 2, 9, 5, tzinfo=dt.timezone(dt.timedelta(hours=5))), "visit-day", "1.0",
                     "ur", "A4", True, 3, 36))
    assert log.path == tmp_path / "output" / "print-log.sqlite"
    with sqlite3.connect(log.path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        columns = [row[1] for row in connection.execute("PRAGMA table_info(prints)")]
        rows = connection.execute("SELECT * FROM prints").fetchall()
    assert columns == ["time", "leaflet", "version", "language", "size", "large", "copies", "pages"]
    assert rows == [("2026-03-02T04:05:00Z", "visit-day", "1.0", "ur", "A4", 1, 3, 36)]


def test_twenty_threads_recording_at_once_lose_nothing(tmp_path: Path) -> None:
    log = PrintLog(print_log_path(tmp_path))
    answers: list[bool] = []
    start = threading.Barrier(20)

    def desk(number: int) -> None:
        start.wait()
        for copies in range(1, 11):
            answers.append(log.record(a_print(mid_month(2026, 4), language=f"l{number:02}", copies=copies)))

    threads = [threading.Thread(target=desk, args=(number,)) for number in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [True] * 200
    rows = log.months()
    assert len(rows) == 20 and {row.prints for row in rows} == {55}  # 1 + 2 + ... + 10 copies from each


def test_a_corrupt_file_keeps_the_prints_for_the_next_request(tmp_path: Path, caplog) -> None:
    log = PrintLog(print_log_path(tmp_path / "output"))
    assert log.record(a_print(mid_month(2026, 1)))
    log.path.write_bytes(b"not a database, written over it " * 200)
    with caplog.at_level(logging.INFO, logger="leaflet.desk"):
        assert log.record(a_print(mid_month(2026, 2), copies=2)) is False
    assert desk_lines(caplog) == [f"print log {log.path}: file is not a database; kept 1 print to record on "
                                  "the next request"]
    with pytest.raises(PrintLogError, match="file is not a database"):
        log.months()
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="leaflet.desk"):
        assert log.record(a_print(mid_month(2026, 2), copies=3)) is False
    assert desk_lines(caplog) == [f"print log {log.path}: file is not a database; kept 2 prints to record on "
                                  "the next request"]
    log.path.unlink()  # someone moves the broken file aside: the next request starts a new log
    assert log.record(a_print(mid_month(2026, 3), copies=4))
    assert [(row.month, row.prints) for row in log.months()] == [("2026-02", 5), ("2026-03", 4)]


def test_a_locked_database_is_written_once_released(tmp_path: Path, caplog) -> None:
    log = PrintLog(print_log_path(tmp_path))
    assert log.record(a_print(mid_month(2026, 5)))
    other = sqlite3.connect(log.path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        started = time.monotonic()
        with caplog.at_level(logging.WARNING, logger="leaflet.desk"):
            assert log.record(a_print(mid_month(2026, 5), copies=2)) is False
        waited = time.monotonic() - started
        assert log.months()[0].prints == 1  # the report still reads (WAL) what was committed
    finally:
        other.execute("COMMIT")
        other.close()
    assert 1.5 < waited < 10
    assert desk_lines(caplog) == [f"print log {log.path}: database is locked; kept 1 print to record on the "
                                  "next request"]
    assert log.record(a_print(mid_month(2026, 5), copies=4))
    assert log.months() == [MonthRow("2026-05", "visit-day", "en", 7, 28)]


def test_the_backlog_is_bounded_dropping_the_oldest(tmp_path: Path, caplog, monkeypatch) -> None:
    monkeypatch.setattr(printlog_module, "BACKLOG_LIMIT", 3)
    log = PrintLog(print_log_path(tmp_path))
    log.path.write_bytes(b"\x00garbage" * 100)
    with caplog.at_level(logging.WARNING, logger="leaflet.desk"):
        for month in range(1, 6):
            assert log.record(a_print(mid_month(2026, month))) is False
    assert desk_lines(caplog)[-1].endswith("kept 3 prints to record on the next request "
                                           "(1 oldest dropped: at most 3 are kept)")
    log.path.unlink()
    assert log.record(a_print(mid_month(2026, 6)))
    assert [row.month for row in log.months()] == ["2026-03", "2026-04", "2026-05", "2026-06"]


def test_record_never_raises_where_the_folder_cannot_be_made(tmp_path: Path, caplog) -> None:
    (tmp_path / "output").write_text("a file where the output folder should be")
    log = PrintLog(print_log_path(tmp_path / "output"))
    with caplog.at_level(logging.WARNING, logger="leaflet.desk"):
        assert log.record(a_print(mid_month(2026, 1))) is False
    assert len(desk_lines(caplog)) == 1 and "kept 1 print" in desk_lines(caplog)[0]


# The command line


def filled_log(out: Path) -> list[Print]:
    january, february = mid_month(2026, 1), mid_month(2026, 2)
    prints = [a_print(january, "visit-day", "en", 2), a_print(january, "visit-day", "ur", 1, 6),
              a_print(february, "quiet-room", "en", 10, 2), a_print(february, "quiet-room", "en", 5, 2),
              a_print(february, "visit-day", "bilingual", 3, 10, "A5-booklet")]
    log = PrintLog(print_log_path(out))
    assert all(log.record(entry) for entry in prints)
    return prints


def test_report_prints_a_table_per_month_leaflet_and_language(tmp_path: Path) -> None:
    filled_log(tmp_path / "output")
    result = run_cli("report", "--out", str(tmp_path / "output"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "month    leaflet     language   prints  pages",
        "2026-01  visit-day   en              2      8",
        "2026-01  visit-day   ur              1      6",
        "2026-02  quiet-room  en             15     30",
        "2026-02  visit-day   bilingual       3     30",
        "total                               21     74",
    ]


def test_report_since_a_day_and_as_csv(tmp_path: Path) -> None:
    filled_log(tmp_path / "output")
    table = tmp_path / "sheets" / "prints.csv"
    result = run_cli("report", "--out", str(tmp_path / "output"), "--since", "2026-02-01", "--csv", str(table))
    assert result.returncode == 0, result.stderr
    assert "2026-01" not in result.stdout and result.stdout.splitlines()[-2:] == [
        "total                               18     60", f"wrote {table}"]
    assert list(csv.reader(io.StringIO(table.read_text(encoding="utf-8"), newline=""))) == [
        ["month", "leaflet", "language", "prints", "pages"],
        ["2026-02", "quiet-room", "en", "15", "30"], ["2026-02", "visit-day", "bilingual", "3", "30"]]
    assert [path.name for path in table.parent.iterdir()] == ["prints.csv"]  # no temporary file left


@pytest.mark.parametrize("since", ["xyz", "2026-02-30", "20260201", "2026-2-1"])
def test_report_refuses_a_since_that_is_not_a_date(tmp_path: Path, since: str) -> None:
    result = run_cli("report", "--out", str(tmp_path), "--since", since)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"--since: `{since}` is not a date; expected YYYY-MM-DD\n"


def test_report_without_a_log_says_so_and_creates_nothing(tmp_path: Path) -> None:
    result = run_cli("report", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (
        0, "no prints recorded yet in output/print-log.sqlite\n", "")
    assert list(tmp_path.iterdir()) == []


def test_report_on_a_corrupt_log_says_so_in_one_line(tmp_path: Path) -> None:
    print_log_path(tmp_path).write_bytes(b"garbage" * 1000)
    result = run_cli("report", "--out", str(tmp_path))
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and "file is not a database" in result.stderr
    assert "Traceback" not in result.stderr


# The staff page


@pytest.fixture(scope="module")
def report_desk(tmp_path_factory):
    root = tmp_path_factory.mktemp("report")
    shutil.copytree(FIXTURE, root / "content")
    filled_log(root / "output")
    with TestClient(create_app(root / "content", root / "output"), raise_server_exceptions=False) as client:
        yield client


def table_rows(html: str) -> list[list[str]]:
    body = html[html.index("<tbody>"):html.index("</tbody>")]
    return [[re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)]
            for row in re.findall(r"<tr>(.*?)</tr>", body)]


def bars(html: str) -> list[tuple[float, int]]:
    """Each bar's length (% of the chart's width) and the prints it stands for."""
    return [(float(width), int(prints)) for width, prints in
            re.findall(r'<rect class="bar" [^>]*width="([\d.]+)%"[^>]*data-prints="(\d+)"', html)]


def test_the_report_page_shows_the_table_and_a_chart_drawn_to_scale(report_desk) -> None:
    response = report_desk.get("/report")
    assert response.status_code == 200 and '<html lang="en" dir="ltr">' in response.text
    assert table_rows(response.text) == [
        ["2026-01", "visit-day", "English", "2", "8"], ["2026-01", "visit-day", "اردو", "1", "6"],
        ["2026-02", "quiet-room", "English", "15", "30"], ["2026-02", "visit-day", "Both languages", "3", "30"]]
    assert re.search(r"<tfoot>.*Total.*>21<.*>74<", response.text, re.DOTALL)
    assert '<th scope="col">Month</th>' in response.text and "<caption" in response.text
    svg = response.text[response.text.index("<svg"):response.text.index("</svg>")]
    assert 'role="img"' in svg and 'aria-labelledby="chart-title"' in svg and "<text" in svg
    drawn = bars(svg)
    assert [prints for _, prints in drawn] == [3, 15, 3]  # January's visit-day (both languages), February's two
    longest = max(width for width, _ in drawn)
    for width, prints in drawn:
        assert width == pytest.approx(longest * prints / 15, abs=0.01)
    assert "<script" not in response.text
    assert not re.search(r"https?://", response.text)  # nothing from other hosts, not even a namespace


def test_the_report_page_in_urdu_reads_from_the_right(report_desk) -> None:
    response = report_desk.get("/report?lang=ur")
    assert response.status_code == 200
    assert '<html lang="ur" dir="rtl">' in response.text and "پرنٹ رپورٹ" in response.text
    assert "دونوں زبانیں" in response.text and "<td class=\"number\">21</td>" in response.text
    for x, width in re.findall(r'<rect class="bar" x="([\d.]+)%" y="\d+" width="([\d.]+)%"', response.text):
        assert float(x) + float(width) == pytest.approx(100)  # each bar grows from the right edge


def test_the_report_page_since_a_day(report_desk) -> None:
    response = report_desk.get("/report?since=2026-02-01")
    assert [row[0] for row in table_rows(response.text)] == ["2026-02", "2026-02"]
    assert 'value="2026-02-01"' in response.text and "(from 2026-02-01)" in response.text
    later = report_desk.get("/report?since=2027-01-01&lang=ur")
    assert later.status_code == 200 and "2027-01-01 سے کوئی پرنٹ درج نہیں ہوا۔" in later.text
    assert report_desk.get("/report?since=").status_code == 200  # the date field sent empty: every print


@pytest.mark.parametrize("since", ["yesterday", "2026-13-01", "%3Cscript%3E"])
def test_the_report_page_refuses_a_since_that_is_not_a_date(report_desk, since: str) -> None:
    response = report_desk.get(f"/report?since={since}")
    assert (response.status_code, response.text) == (400, "since must be a date written YYYY-MM-DD.\n")


def test_the_desk_page_links_to_the_report(report_desk) -> None:
    assert 'href="/report?lang=en">Print report</a>' in report_desk.get("/").text
    assert 'href="/report?lang=ur">پرنٹ رپورٹ</a>' in report_desk.get("/?lang=ur").text


def test_the_report_page_without_a_log_or_with_a_broken_one(tmp_path: Path, caplog) -> None:
    out = tmp_path / "output"
    with TestClient(create_app(FIXTURE, out), raise_server_exceptions=False) as client:
        empty = client.get("/report")
        assert empty.status_code == 200 and "No prints recorded yet." in empty.text and "<svg" not in empty.text
        assert not out.exists()  # reading the report creates nothing
        out.mkdir()
        print_log_path(out).write_bytes(b"garbage" * 1000)
        with caplog.at_level(logging.WARNING, logger="leaflet.desk"):
            broken = client.get("/report?lang=ur")
        assert broken.status_code == 200 and "پرنٹ کا ریکارڈ ابھی پڑھا نہیں جا سکتا" in broken.text
        assert desk_lines(caplog) == [f"print log {print_log_path(out)}: cannot be read: file is not a database"]
        assert client.get("/leaflets/quiet-room/en/A4.pdf").status_code == 200  # leaflets still print


# In a real browser: readable on a phone and on a desk screen


@pytest.fixture(scope="module")
def served_report(tmp_path_factory):
    path = chromium()
    out = tmp_path_factory.mktemp("served") / "output"
    filled_log(out)
    from playwright.sync_api import sync_playwright

    with running_desk(FIXTURE, out) as desk, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, headless=True, args=["--no-sandbox"])
        yield browser, desk.address
        browser.close()


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("interface", ["en", "ur"])
def test_the_report_page_fits_and_reads_in_a_browser(served_report, width: int, interface: str) -> None:
    browser, address = served_report
    page = browser.new_page(viewport={"width": width, "height": 800})
    hosts = []
    page.on("request", lambda request: hosts.append(request.url.split("/")[2]))
    page.goto(f"{address}/report?lang={interface}", wait_until="networkidle")
    assert set(hosts) == {address.split("/")[2]}
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # nothing to scroll sideways
    assert page.evaluate("document.querySelector('.table-box').scrollWidth "
                         "<= document.querySelector('.table-box').clientWidth")
    drawn = page.evaluate("""Array.from(document.querySelectorAll('svg.chart rect.bar')).map(bar => {
        const box = bar.getBoundingClientRect();
        return [box.left, box.right, Number(bar.dataset.prints)]; })""")
    chart = page.evaluate("(() => { const box = document.querySelector('svg.chart').getBoundingClientRect();"
                          " return [box.left, box.right]; })()")
    for left, right, prints in drawn:
        assert right - left == pytest.approx((chart[1] - chart[0]) * 0.78 * prints / 15, abs=1.5)
        edge = right if interface == "ur" else left
        assert edge == pytest.approx(chart[1] if interface == "ur" else chart[0], abs=0.5)
    sizes = page.evaluate("Array.from(document.querySelectorAll('svg.chart text'))"
                          ".map(text => parseFloat(getComputedStyle(text).fontSize))")
    assert min(sizes) >= 14
    labels = page.evaluate("Array.from(document.querySelectorAll('svg.chart text')).map(text => {"
                           " const box = text.getBoundingClientRect(); return [box.left, box.right]; })")
    assert all(chart[0] - 0.5 <= left and right <= chart[1] + 0.5 for left, right in labels)  # no text cut off
    page.close()
