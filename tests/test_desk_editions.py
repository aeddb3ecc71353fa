"""The desk as a service: the last good edition always served, every edition kept in the archive.

Each test runs `make_leaflet.py serve` as a process of its own and talks to it over HTTP, as the
desks do; the server's log is its stderr.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import io
import json
import logging
import shutil
import signal
import sqlite3
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx2
import pytest
from pypdf import PdfReader
from starlette.testclient import TestClient

from leaflet.records import PrintLog, print_log_path
from leaflet.records.archive import Archive
from leaflet.web.app import create_app
from tests.conftest import ROOT, run_cli
from tests.deskserver import running_desk

FIXTURE = ROOT / "tests" / "fixtures" / "catalogue"
UNCLOSED_QUOTE = ("title: آپ کی آمد", 'title: "آپ کی آمد')  # a translator's save, mid-edit


def catalogue(tmp_path: Path) -> tuple[Path, Path]:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    return content, tmp_path / "output"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def ask(url: str) -> None:
    with contextlib.suppress(httpx2.HTTPError):  # the server is killed while it answers
        httpx2.get(url, timeout=60)


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def children(pid: int) -> list[int]:
    """The processes a process started (Linux; elsewhere none are known)."""
    tasks = Path(f"/proc/{pid}/task")
    if not tasks.is_dir():
        return []
    return [int(child) for task in tasks.iterdir() for child in (task / "children").read_text().split()]


def title_of(pdf: bytes) -> str:
    """The leaflet's title as the PDF's metadata gives it (without its subtitle)."""
    return str(PdfReader(io.BytesIO(pdf)).metadata.title).split(" (")[0]


def test_an_urdu_typo_holds_back_nothing_and_the_fix_is_served_next(tmp_path: Path) -> None:
    content, out = catalogue(tmp_path)
    urdu = content / "visit-day" / "ur.yaml"
    with running_desk(content, out) as running:
        before = {language: running.get(f"/leaflets/visit-day/{language}/A4.pdf") for language in ("en", "ur")}
        assert [response.status_code for response in before.values()] == [200, 200]
        edit(urdu, *UNCLOSED_QUOTE)
        during = {language: running.get(f"/leaflets/visit-day/{language}/A4.pdf") for language in ("en", "ur")}
        for language in ("en", "ur"):  # both languages still served, the very bytes of before
            assert during[language].status_code == 200
            assert during[language].content == before[language].content
        page = running.get("/")
        assert page.status_code == 200
        note = "Urdu: An update is being prepared; you are printing version 1.0 of 1 April 2026."
        assert note in page.text
        urdu_note = "نیا ایڈیشن تیار ہو رہا ہے؛ آپ 1 اپریل، 2026 کا ورژن 1.0 پرنٹ کر رہے ہیں۔"
        assert urdu_note in running.get("/?lang=ur").text
        # a file of the last good edition never asked for before is built from that edition
        booklet = running.get("/leaflets/visit-day/ur/A5-booklet.pdf")
        assert booklet.status_code == 200 and title_of(booklet.content) == "آپ کی آمد"
        log = running.log()
        assert 'visit-day/ur.yaml:1:8: (yaml): this quote is never closed; add the closing " at the end' in log
        assert "visit-day: serving the last good edition of ur, version 1.0 of 2026-04-01, until its files check" in log
        assert "visit-day: serving the last good edition of en" not in log  # English is current

        edit(urdu, 'title: "آپ کی آمد', "title: آپ کی آمد و رفت")
        after = running.get("/leaflets/visit-day/ur/A4.pdf")
        assert after.status_code == 200 and after.content != before["ur"].content
        assert title_of(after.content) == "آپ کی آمد و رفت"
        assert "An update is being prepared" not in running.get("/").text
        assert "visit-day: its files check again; serving the new edition" in running.log()
    # each PDF served is on the print log once: the report counts six, four of them Urdu
    report = run_cli("report", "--out", str(out), "--csv", str(tmp_path / "prints.csv"))
    assert report.returncode == 0, report.stderr
    rows = list(csv.DictReader((tmp_path / "prints.csv").open(encoding="utf-8")))
    month = dt.date.today().strftime("%Y-%m")
    assert {(row["month"], row["leaflet"], row["language"], row["prints"]) for row in rows} == {
        (month, "visit-day", "en", "2"), (month, "visit-day", "ur", "4")}
    kept = {(edition.file, title) for edition in Archive(out).editions("visit-day")
            for title in [edition.languages[0].title]}
    assert kept == {("visit-day_en_A4.pdf", "Your Visit"), ("visit-day_ur_A4.pdf", "آپ کی آمد"),
                    ("visit-day_ur_A5-booklet.pdf", "آپ کی آمد"), ("visit-day_ur_A4.pdf", "آپ کی آمد و رفت")}


def test_after_a_restart_the_archive_gives_back_the_last_good_edition(tmp_path: Path) -> None:
    content, out = catalogue(tmp_path)
    assert run_cli("build", "--content", str(content), "--out", str(out)).returncode == 0
    edit(content / "visit-day" / "ur.yaml", *UNCLOSED_QUOTE)
    edit(content / "quiet-room" / "en.yaml", "title: The Quiet Room", "title:")
    with running_desk(content, out) as running:
        urdu = running.get("/leaflets/visit-day/ur/A5.pdf")
        assert urdu.status_code == 200 and urdu.content == (out / "visit-day_ur_A5.pdf").read_bytes()
        large = running.get("/leaflets/visit-day/ur/A4.pdf?large=1")  # never built: made from the kept sources
        assert large.status_code == 200 and title_of(large.content) == "آپ کی آمد"
        quiet = running.get("/leaflets/quiet-room/en/A4.pdf")  # its only language: held back whole
        assert quiet.status_code == 200 and quiet.content == (out / "quiet-room_en_A4.pdf").read_bytes()
        page = running.get("/").text
        assert page.count("An update is being prepared; you are printing version") == 2
        assert "quiet-room/en.yaml:1:7: title: found nothing; expected text" in running.log()


def test_with_no_good_edition_kept_a_broken_leaflet_is_a_plain_404(tmp_path: Path) -> None:
    content, out = catalogue(tmp_path)
    edit(content / "quiet-room" / "en.yaml", "title: The Quiet Room", "title:")
    with running_desk(content, out) as running:
        response = running.get("/leaflets/quiet-room/en/A4.pdf")
        assert response.status_code == 404 and "Traceback" not in response.text
        page = running.get("/")
        assert page.status_code == 200
        assert "This leaflet is being edited and cannot be printed just now." in page.text
        assert running.get("/leaflets/visit-day/en/A4.pdf").status_code == 200
        assert "quiet-room: en is not offered: no good edition of it was kept" in running.log()


def test_build_keeps_each_distinct_pdf_once_and_never_overwrites(tmp_path: Path) -> None:
    content, out = catalogue(tmp_path)
    assert run_cli("build", "quiet-room", "--content", str(content), "--out", str(out)).returncode == 0
    archive = Archive(out)
    first = {path: path.read_bytes() for path in archive.root.rglob("*") if path.is_file()}
    assert {edition.file for edition in archive.editions()} == {
        "quiet-room_en_A4.pdf", "quiet-room_en_A5.pdf", "quiet-room_en_A5-booklet.pdf"}
    for edition in archive.editions():
        data = archive.read(edition)
        assert Archive(out).path_of(edition).name.endswith(f"_{edition.sha256[:16]}.pdf")
        assert PdfReader(io.BytesIO(data)).pages and len(data) == edition.bytes
        assert edition.version == "0.9" and edition.languages[0].translation == "source"
    (out / "quiet-room_en_A4.pdf").unlink()  # built again: the same bytes, not kept twice
    assert run_cli("build", "quiet-room", "--content", str(content), "--out", str(out)).returncode == 0
    assert {path: path.read_bytes() for path in archive.root.rglob("*") if path.is_file()} == first
    edit(content / "quiet-room" / "en.yaml", "The Quiet Room", "The Calm Room")
    assert run_cli("build", "quiet-room", "--content", str(content), "--out", str(out)).returncode == 0
    now = {path: path.read_bytes() for path in archive.root.rglob("*") if path.is_file()}
    assert all(now[path] == data for path, data in first.items())  # old editions untouched
    assert len([e for e in archive.editions() if e.file == "quiet-room_en_A4.pdf"]) == 2
    listed = run_cli("archive", "quiet-room", "--out", str(out))
    assert listed.returncode == 0
    assert listed.stdout.count("quiet-room_en_A4.pdf") == 2
    assert listed.stdout.splitlines()[-1] == f"6 editions in {out / 'archive'}"


def test_a_kill_loses_no_record_and_leaves_no_partial_file(tmp_path: Path) -> None:
    content, out = catalogue(tmp_path)
    with running_desk(content, out) as running:
        for language in ("en", "ur"):
            assert running.get(f"/leaflets/visit-day/{language}/A4.pdf").status_code == 200
        in_flight = threading.Thread(target=lambda: ask(running.address + "/leaflets/visit-day/ur/A5-booklet.pdf"))
        in_flight.start()
        time.sleep(1.0)  # the booklet is being built
        workers = children(running.process.pid)
        running.process.send_signal(signal.SIGKILL if hasattr(signal, "SIGKILL") else signal.SIGTERM)
        running.process.wait(timeout=30)
        in_flight.join(timeout=30)
    deadline = time.monotonic() + 20  # its workers end with it, not left waiting for work forever
    while [pid for pid in workers if Path(f"/proc/{pid}").exists()] and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()]
    recorded = {(row.language, row.prints) for row in PrintLog(print_log_path(out)).months()}
    assert {("en", 1), ("ur", 1)} <= recorded  # the two prints before the kill
    archive = Archive(out)
    for edition in archive.editions():  # every edition whole: its manifest says the hash of its bytes
        assert sha(archive.read(edition)) == edition.sha256
    manifests = {path.with_suffix(".pdf") for path in archive.root.glob("*/*/*.json")}
    assert {path for path in archive.root.glob("*/*/*.pdf")} <= manifests
    assert not list((archive.root / ".incoming").iterdir())
    with running_desk(content, out) as running:  # started again on the same folder: the earlier prints are there
        assert running.get("/leaflets/visit-day/en/A4.pdf").status_code == 200
    assert {edition.file for edition in archive.editions()} >= {"visit-day_en_A4.pdf", "visit-day_ur_A4.pdf"}


@pytest.mark.skipif(sys.platform == "win32", reason="a full disk is made with RLIMIT_FSIZE, which Windows lacks")
def test_a_full_disk_while_archiving_still_serves_and_leaves_nothing_half_written(tmp_path: Path) -> None:
    import resource

    def small_disk() -> None:  # every file this process writes stops at 64 KB, as on a disk that fills up
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    content, out = catalogue(tmp_path)
    with running_desk(content, out, preexec=small_disk) as running:
        urdu = running.get("/leaflets/visit-day/ur/A4.pdf")  # about 140 KB: it cannot be archived
        assert urdu.status_code == 200 and title_of(urdu.content) == "آپ کی آمد"
        assert "archive: could not keep" in running.log() and "File too large" in running.log()
        again = running.get("/leaflets/visit-day/ur/A4.pdf")
        assert again.status_code == 200 and again.content == urdu.content
    archive = Archive(out)
    assert not [e for e in archive.editions() if e.file == "visit-day_ur_A4.pdf"]
    assert not list(archive.root.glob("*/*/visit-day_ur_A4_*"))
    assert not list((archive.root / ".incoming").iterdir())


def test_an_archive_manifest_says_what_the_file_is(tmp_path: Path) -> None:
    content, out = catalogue(tmp_path)
    assert run_cli("build", "visit-day", "--content", str(content), "--out", str(out), "--size", "A4").returncode == 0
    manifest = next((out / "archive" / "visit-day" / "1.0").glob("visit-day_bilingual_A4_*.json"))
    record = json.loads(manifest.read_text(encoding="utf-8"))
    assert record["leaflet"] == "visit-day" and record["version"] == "1.0" and record["published"] == "2026-04-01"
    assert record["languages"] == [{"code": "en", "title": "Your Visit", "translation": "source"},
                                   {"code": "ur", "title": "آپ کی آمد", "translation": "reviewed"}]
    assert record["sha256"] == sha((out / "visit-day_bilingual_A4.pdf").read_bytes())
    assert record["pages"] == len(PdfReader(out / "visit-day_bilingual_A4.pdf").pages)


def test_twenty_desks_printing_at_once_lose_no_record(tmp_path: Path) -> None:
    content, out = catalogue(tmp_path)
    assert run_cli("build", "visit-day", "--content", str(content), "--out", str(out)).returncode == 0
    choices = [f"/leaflets/visit-day/{language}/{size}.pdf?copies={copies}"
               for language in ("en", "ur", "bilingual") for size in ("A4", "A5") for copies in (1, 3)]
    with running_desk(content, out) as running:
        def desk_prints(number: int) -> list[int]:  # one desk: five prints, one after the other
            with httpx2.Client(base_url=running.address, timeout=120) as client:
                return [client.get(choices[(number + turn) % len(choices)]).status_code for turn in range(5)]

        with ThreadPoolExecutor(max_workers=20) as desks:
            statuses = [status for answered in desks.map(desk_prints, range(20)) for status in answered]
    assert statuses == [200] * 100
    asked = [choices[(number + turn) % len(choices)] for number in range(20) for turn in range(5)]
    rows = PrintLog(print_log_path(out)).months()
    assert sum(row.prints for row in rows) == sum(int(address[-1]) for address in asked)
    for language in ("en", "ur", "bilingual"):
        wanted = sum(int(address[-1]) for address in asked if f"/{language}/" in address)
        assert sum(row.prints for row in rows if row.language == language) == wanted


def test_a_corrupt_print_log_is_said_in_the_log_and_the_prints_come_after(tmp_path: Path) -> None:
    content, out = catalogue(tmp_path)
    log_file = print_log_path(out)
    out.mkdir()
    log_file.write_bytes(b"not a database, whatever an editor saved here" * 100)
    with running_desk(content, out) as running:
        first = running.get("/leaflets/quiet-room/en/A4.pdf")
        assert first.status_code == 200
        assert f"print log {log_file}: file is not a database; kept 1 print" in running.log()
        log_file.rename(tmp_path / "corrupt.sqlite")  # moved aside, as the README says
        assert running.get("/leaflets/quiet-room/en/A5.pdf").status_code == 200
    rows = PrintLog(log_file).months()
    assert sum(row.prints for row in rows) == 2  # the print kept in memory, and the one after


def test_a_locked_print_log_holds_up_no_print_and_is_written_once_free(tmp_path: Path, caplog) -> None:
    content, out = catalogue(tmp_path)
    with TestClient(create_app(content, out)) as client:
        assert client.get("/leaflets/quiet-room/en/A4.pdf").status_code == 200  # the log made
        holder = sqlite3.connect(print_log_path(out), isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")  # another program holds the file (a backup, a viewer)
        try:
            with caplog.at_level(logging.WARNING, logger="leaflet.desk"):
                locked = client.get("/leaflets/quiet-room/en/A5.pdf")
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert locked.status_code == 200
        assert f"print log {print_log_path(out)}: database is locked; kept 1 print" in caplog.text
        assert client.get("/leaflets/quiet-room/en/A4.pdf?copies=2").status_code == 200  # tried again
    rows = PrintLog(print_log_path(out)).months()
    assert sum(row.prints for row in rows) == 4 and sum(row.pages for row in rows) == 4
