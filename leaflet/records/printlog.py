"""The desk's print log: one row per PDF served, in SQLite beside the output.

It answers one question, for stock and reordering at the print shop: how many prints and pages
of each leaflet, in each language, per month. So it holds what was printed and when, and nothing
about who it was for: no patient data of any kind.

Recording never fails a request. A locked, corrupt or unwritable file is said once per request on
the `leaflet.desk` logger, and the prints are kept in memory (a bounded backlog) and written first
by the next request that can write. Each call opens its own connection, so the desk's threads
never share one, and a file replaced or repaired between requests is simply opened again.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import sqlite3
import threading
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

PRINT_LOG_NAME = "print-log.sqlite"
BACKLOG_LIMIT = 10_000  # prints kept in memory while the file cannot be written: weeks of a busy desk
BUSY_TIMEOUT = 2.0  # seconds to wait for another writer before keeping the prints for later

log = logging.getLogger("leaflet.desk")

SCHEMA = """CREATE TABLE IF NOT EXISTS prints (
    time TEXT NOT NULL,          -- when it was served, UTC, e.g. 2024-05-01T09:30:00Z
    leaflet TEXT NOT NULL,       -- the leaflet's id
    version TEXT NOT NULL,       -- document_control.version of the edition served
    language TEXT NOT NULL,      -- a language code, or bilingual
    size TEXT NOT NULL,          -- A4, A5 or A5-booklet
    large INTEGER NOT NULL,      -- 1 for the large-print variant
    copies INTEGER NOT NULL,
    pages INTEGER NOT NULL       -- pages of the file served, all copies together
)"""
INSERT = ("INSERT INTO prints (time, leaflet, version, language, size, large, copies, pages) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
# Months and days in the desk PC's own time, as the staff reading the report count them.
MONTHS = """SELECT strftime('%Y-%m', time, 'localtime') AS month, leaflet, language, SUM(copies), SUM(pages)
    FROM prints WHERE date(time, 'localtime') >= ?
    GROUP BY month, leaflet, language ORDER BY month, leaflet, language"""
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# For orders: copies of each leaflet, language and size since a day, and the first print ever logged.
COPIES = """SELECT leaflet, language, size, large, SUM(copies) FROM prints WHERE time >= ?
    GROUP BY leaflet, language, size, large ORDER BY leaflet, language, size, large"""
FIRST = "SELECT MIN(time) FROM prints"


@dataclass(frozen=True)
class Print:
    time: dt.datetime  # timezone-aware; stored as UTC
    leaflet: str  # leaflet id
    version: str  # document_control.version of the edition served, e.g. "1.0"
    language: str  # a language code, or "bilingual"
    size: str  # "A4", "A5" or "A5-booklet"
    large: bool  # the large-print variant (A4)
    copies: int
    pages: int  # pages of the file served, all copies together


@dataclass(frozen=True)
class MonthRow:
    month: str  # "YYYY-MM", in the desk's local time
    leaflet: str
    language: str
    prints: int  # sum of copies
    pages: int  # sum of pages


@dataclass(frozen=True)
class Copies:
    leaflet: str
    language: str
    size: str  # A4, A5 or A5-booklet
    large: bool
    copies: int


class PrintLogError(Exception):
    """The print log exists but cannot be read; the message says which file and why, in one line."""


def print_log_path(out_dir: Path) -> Path:
    return out_dir / PRINT_LOG_NAME


def parse_day(text: str) -> dt.date:
    """A date written YYYY-MM-DD (ValueError for anything else: other ISO forms too, to keep one way)."""
    if not DAY.fullmatch(text):
        raise ValueError(text)
    return dt.date.fromisoformat(text)


class PrintLog:
    def __init__(self, path: Path) -> None:
        self.path = path  # nothing touches the disk until the first record or read
        self._lock = threading.Lock()  # guards the backlog only; each write has its own connection
        self._backlog: list[Print] = []

    def record(self, entry: Print) -> bool:
        """Write this print and any kept from earlier requests; whether all were written. Never raises."""
        with self._lock:
            self._backlog.append(entry)
            batch, self._backlog = self._backlog, []
        try:
            self._insert(batch)
        except (sqlite3.Error, OSError) as error:
            kept, dropped = self._keep(batch)
            lost = f" ({dropped} oldest dropped: at most {BACKLOG_LIMIT} are kept)" if dropped else ""
            log.warning("print log %s: %s; kept %s to record on the next request%s",
                        self.path, _reason(error), _prints(kept), lost)
            return False
        if len(batch) > 1:
            log.info("print log %s: written again, with %s kept from earlier requests", self.path,
                     _prints(len(batch) - 1))
        return True

    def months(self, since: dt.date | None = None) -> list[MonthRow]:
        """Prints and pages per month, leaflet and language, oldest month first; [] with no log yet
        (the file is not created). PrintLogError for a file that is not a readable print log."""
        if not self.path.exists():
            return []
        try:
            # mode=rw never creates a file; and a reader that may write tidies WAL's side files as it closes.
            with closing(sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=rw", uri=True,
                                         timeout=BUSY_TIMEOUT)) as connection:
                if not _has_table(connection):
                    return []
                rows = connection.execute(MONTHS, ((since or dt.date.min).isoformat(),)).fetchall()
        except (sqlite3.Error, OSError) as error:
            raise PrintLogError(f"print log {self.path}: cannot be read: {_reason(error)}") from error
        return [MonthRow(month, leaflet, language, int(prints), int(pages))
                for month, leaflet, language, prints, pages in rows]

    def copies(self, since: dt.date) -> tuple[list[Copies], dt.date | None]:
        """Copies printed of each leaflet, language, size and variant from `since` (UTC days), and the
        day of the first print the log holds (None: none yet); PrintLogError as `months`."""
        if not self.path.exists():
            return [], None
        try:
            with closing(sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=rw", uri=True,
                                         timeout=BUSY_TIMEOUT)) as connection:
                if not _has_table(connection):
                    return [], None
                rows = connection.execute(COPIES, (since.isoformat(),)).fetchall()
                first = connection.execute(FIRST).fetchone()[0]
        except (sqlite3.Error, OSError) as error:
            raise PrintLogError(f"print log {self.path}: cannot be read: {_reason(error)}") from error
        return ([Copies(leaflet, language, size, bool(large), int(copies)) for leaflet, language, size, large, copies
                 in rows], dt.date.fromisoformat(first[:10]) if first else None)

    def _insert(self, batch: list[Print]) -> None:
        """All of the batch in one transaction, creating the file and its table on first use."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None)) as connection:
            # WAL: the report reads while the desk writes, and a crash mid-write leaves the file whole.
            if connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                connection.execute("PRAGMA journal_mode=WAL")
            # The write lock first, waiting up to the busy timeout; closing without COMMIT rolls back.
            connection.execute("BEGIN IMMEDIATE")
            connection.execute(SCHEMA)
            connection.executemany(INSERT, [_row(entry) for entry in batch])
            connection.execute("COMMIT")

    def _keep(self, batch: list[Print]) -> tuple[int, int]:
        """Put a batch that could not be written back before anything recorded since; (kept, dropped)."""
        with self._lock:
            self._backlog[:0] = batch
            dropped = max(0, len(self._backlog) - BACKLOG_LIMIT)
            del self._backlog[:dropped]
            return len(self._backlog), dropped


def _row(entry: Print) -> tuple[str, str, str, str, str, int, int, int]:
    time = entry.time.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return (time, entry.leaflet, entry.version, entry.language, entry.size, int(entry.large), entry.copies,
            entry.pages)


def _has_table(connection: sqlite3.Connection) -> bool:
    return connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'prints'").fetchone() \
        is not None


def _reason(error: sqlite3.Error | OSError) -> str:
    """What went wrong in plain words: SQLite's own message, or the system's without the file name twice."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower() + (f" ({error.filename})" if error.filename else "")
    return str(error)


def _prints(count: int) -> str:
    return f"{count} print{'' if count == 1 else 's'}"
