"""What the desk page needs from the catalogue: each leaflet's last good edition, and any PDF of it, fast.

Whenever a leaflet's files change, the desk copies them (a snapshot: it builds from exactly what
it checked, whatever an editor saves meanwhile) and checks each language on its own. A language
that loads and checks is that language's newest good edition. One that does not is reported in
the log, once, and the desk goes on serving that language's last good edition: built from an
earlier snapshot, or, after a restart, the newest one the archive holds. English is never held
back by an Urdu typo, and a content problem never answers 5xx.

Every PDF the desk hands out is kept once in the archive (`leaflet.records.archive`). PDFs are
cached in memory by their snapshot's fingerprint; a PDF the last build wrote to output/ from the
same inputs is served from there; any other is built in a worker process, once, however many
desks ask for it at the same time.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import multiprocessing
import multiprocessing.connection
import os
import shutil
import tempfile
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from leaflet.build import BuildCheckError, build_in_memory, edition_record
from leaflet.content import Leaflet
from leaflet.content.loader import display_path
from leaflet.content.model import DeskSettings, LanguageContent, Subheading
from leaflet.content.reviews import review_due
from leaflet.errors import ContentError
from leaflet.html import Links, render_leaflet_page
from leaflet.loading import load_checked
from leaflet.outputs import (
    BILINGUAL,
    FACTS_FILE,
    LARGE_PRINT,
    available_languages,
    input_fingerprint,
    is_fresh,
    leaflet_files,
    leaflet_folders,
    leaflet_id,
    output_name,
)
from leaflet.pdf.merge import repeat_copies
from leaflet.records import Print, PrintLog, print_log_path
from leaflet.records.archive import Archive, sha256, sources_fingerprint

SIZES = ("A4", "A5", "A5-booklet")
MAX_COPIES = 50
CACHE_SIZE = 48  # PDFs kept in memory: every size and language of several leaflets
RESTORE_TRIED = 5  # archived sources tried, newest first, for a language whose files have a problem at start
GOOD_KEPT = 3  # good snapshots kept per language: the newest, and two to fall back on should it fail a PDF check

log = logging.getLogger("leaflet.desk")


@dataclass(frozen=True)
class Snapshot:
    """A checked copy of one leaflet's files."""

    folder: Path  # the leaflet's folder in the copy
    fingerprint: str  # of the copy, as the build computes it (so output/ files built from the same are found)
    leaflet: Leaflet | None  # the languages that load and check (None: not one does)
    problems: tuple[str, ...]  # what is wrong with the others, as `check` says it
    files: dict[str, bytes]  # what was copied, by name relative to the copy's root


# A leaflet's web page as the desk serves it: the fonts the desk page uses, the desk as the catalogue.
DESK_LINKS = Links(fonts="/fonts/web/", catalogue=lambda language: f"/?lang={language}")


@dataclass(frozen=True)
class Offer:
    """One language of a leaflet (or 'bilingual') as the desk serves it now."""

    language: str
    title: str
    draft: bool
    version: str
    published: dt.date
    held: bool  # an earlier edition, while the current files have a problem
    snapshots: tuple[Snapshot, ...]  # good ones to build from, newest first; none: the archive only
    # What the card shows and search finds besides the title; empty for an edition restored from
    # the archive, which keeps only titles.
    subtitle: str = ""
    headings: tuple[str, ...] = ()  # of its sections, and the headings within them
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Department:
    """The hospital department a leaflet is listed under on the desk page."""

    id: str
    order: int  # its place in hospital.yaml's list
    names: dict[str, str]  # by language, as the leaflet's language files name it


@dataclass(frozen=True)
class Entry:
    id: str
    offers: tuple[Offer, ...]  # the languages offered, then 'bilingual' when there are several; none:
    # its files have a problem and no good edition of it was kept (the log says what the problem is)
    review_due: dt.date | None = None  # the date its review came due, once it has
    region: str | None = None  # whose conventions dates follow (hospital.yaml), when a good edition says
    confirm_above_pages: int = DeskSettings().confirm_above_pages  # hospital.yaml's desk setting
    department: Department | None = None  # when a good edition names one

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(offer.language for offer in self.offers if offer.language != BILINGUAL)

    def offer(self, language: str) -> Offer | None:
        return next((offer for offer in self.offers if offer.language == language), None)


@dataclass(frozen=True)
class Served:
    data: bytes
    etag: str
    version: str
    pages: int  # of one copy


class UnknownLeafletError(Exception):
    """A leaflet, language or size the catalogue does not have."""


class NotAvailableError(Exception):
    """A file of a leaflet whose current content has a problem, of which no earlier edition was kept."""


@dataclass
class _Leaflet:
    """What the desk knows about one leaflet's folder."""

    seen: str = ""  # content_fingerprint of the folder as last read
    current: Snapshot | None = None
    good: dict[str, list[Snapshot]] = field(default_factory=dict)  # by language (and 'bilingual'), newest first
    troubled: bool = False  # its files had a problem when last read


class DeskService:
    def __init__(self, content_dir: Path, out_dir: Path, workers: int = 2) -> None:
        self.content_dir = content_dir
        self.out_dir = out_dir
        self.archive = Archive(out_dir)
        self.archive.sweep()
        self.print_log = PrintLog(print_log_path(out_dir))
        self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"),
                                        initializer=_end_with_parent)
        self.scratch = Path(tempfile.mkdtemp(prefix="leaflet-desk-"))  # the snapshots
        self.pdfs: dict[tuple[str, ...], bytes] = {}
        self.pending: dict[tuple[str, ...], asyncio.Future[bytes]] = {}
        self.failed: set[tuple[str, ...]] = set()  # built, but failed a PDF check: not tried again
        self.kept: set[str] = set()  # SHA-256 of PDFs known to be in the archive
        self.leaflets: dict[str, _Leaflet] = {}
        self.snapshot_count = 0
        self.ids: dict[Path, tuple[tuple[int, int], str]] = {}  # leaflet ids by folder, with leaflet.yaml's stat
        for _ in range(workers):  # start the workers now, with the layout imported, not at the first click
            self.pool.submit(_ready)

    def folders(self) -> dict[str, Path]:
        return {self._id(folder): folder for folder in leaflet_folders(self.content_dir)}

    def _id(self, folder: Path) -> str:
        """The leaflet's id, read again only when its leaflet.yaml changed: reading parses YAML, and
        each page asks for every leaflet's (with sixty leaflets, most of a page's time)."""
        try:
            stat = (folder / FACTS_FILE).stat()
        except OSError:
            return leaflet_id(folder) or folder.name
        seen = (stat.st_mtime_ns, stat.st_size)
        if self.ids.get(folder, ((), ""))[0] != seen:
            self.ids[folder] = (seen, leaflet_id(folder) or folder.name)
        return self.ids[folder][1]

    def catalogue(self) -> list[Entry]:
        return [self._entry(identity, folder) for identity, folder in self.folders().items()]

    def entry(self, identity: str) -> Entry | None:
        folder = self.folders().get(identity)
        return None if folder is None else self._entry(identity, folder)

    async def pdf(self, identity: str, language: str, size: str, copies: int = 1, large: bool = False) -> Served:
        """The PDF as the desk serves it now; UnknownLeafletError for a leaflet, language or size the
        catalogue does not offer, NotAvailableError where nothing good can be served. `large`: the
        large-print variant, which is A4."""
        entry = self.entry(identity)
        offer = entry.offer(language) if entry and size in SIZES else None
        if offer is None:
            raise UnknownLeafletError(f"{identity} {language} {size}")
        size = LARGE_PRINT if large else size
        base, kind = (size[:2], "booklet") if size == "A5-booklet" else (size, "")
        name = output_name(identity, language, base, kind)
        served = await self._from_snapshots(offer, name, base, kind) or self._from_archive(identity, name)
        if served is None:
            raise NotAvailableError(name)
        data, version = served
        etag = sha256(data)[:32]
        pages = _page_count(data)
        if copies > 1:
            data = repeat_copies(data, copies)
        return Served(data, etag, version, pages)

    async def web_page(self, identity: str, language: str) -> str:
        """The leaflet's web page, from its newest good edition; UnknownLeafletError for a leaflet or
        language the desk does not offer, NotAvailableError while only archived PDFs are left of it.
        Laid out off the event loop, as PDFs are built in workers: other requests are not kept waiting."""
        entry = self.entry(identity)
        offer = entry.offer(language) if entry and language != BILINGUAL else None
        if offer is None:
            raise UnknownLeafletError(f"{identity} {language}")
        leaflet = next((snapshot.leaflet for snapshot in offer.snapshots if snapshot.leaflet is not None), None)
        if leaflet is None:
            raise NotAvailableError(f"{identity}/{language}.html")
        return await asyncio.to_thread(render_leaflet_page, leaflet, language, DESK_LINKS)

    async def record(self, entry: Print) -> None:
        """One print in the log; a log that cannot be written is said in the desk's log, never to the desk."""
        await asyncio.to_thread(self.print_log.record, entry)

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)
        shutil.rmtree(self.scratch, ignore_errors=True)

    # --- editions -----------------------------------------------------------------------------

    def _entry(self, identity: str, folder: Path) -> Entry:
        state = self._refresh(identity, folder)
        offers = [offer for code in available_languages(folder)
                  if (offer := self._offer(identity, state, code)) is not None]
        if len(offers) > 1 and (bilingual := self._offer(identity, state, BILINGUAL)) is not None:
            offers.append(bilingual)
        newest = next((snapshot.leaflet for snapshots in state.good.values() for snapshot in snapshots[:1]
                       if snapshot.leaflet is not None), None)
        if newest is not None and newest.facts.desk.drafts == "hide":  # the hospital's choice (hospital.yaml)
            offers = [offer for offer in offers if not offer.draft]
        review = review_due(newest.facts.document_control, dt.date.today()) if newest else None
        settings = newest.facts.desk if newest else DeskSettings()
        return Entry(identity, tuple(offers), review.date if review and review.overdue else None,
                     newest.facts.region if newest else None, settings.confirm_above_pages,
                     _department(newest) if newest else None)

    def _offer(self, identity: str, state: _Leaflet, language: str) -> Offer | None:
        good = state.good.get(language, [])
        current = state.current
        if good and good[0].leaflet is not None:
            leaflet = good[0].leaflet
            codes = list(leaflet.languages) if language == BILINGUAL else [language]
            content = leaflet.languages[codes[0]]
            control = leaflet.facts.document_control
            draft = any(leaflet.languages[code].is_draft for code in codes)
            return Offer(language, str(content.title), draft, control.version, control.published,
                         held=good[0] is not current, snapshots=tuple(good), subtitle=str(content.subtitle),
                         headings=_headings(content), keywords=tuple(str(word) for word in content.keywords))
        return self._archived_offer(identity, language)

    def _archived_offer(self, identity: str, language: str) -> Offer | None:
        """After a restart with a problem in a language's files: its newest archived edition."""
        kept = [edition for edition in self.archive.editions(identity)
                if [record.code for record in edition.languages] == [language]
                or (language == BILINGUAL and len(edition.languages) > 1)]
        if not kept:
            return None
        newest = kept[-1]
        draft = any(record.translation == "draft" for record in newest.languages)
        return Offer(language, newest.languages[0].title, draft, newest.version,
                     dt.date.fromisoformat(newest.published), held=True, snapshots=())

    def _refresh(self, identity: str, folder: Path) -> _Leaflet:
        """The leaflet as its files are now: a new snapshot, checked, when they changed."""
        state = self.leaflets.setdefault(identity, _Leaflet())
        try:  # the content files alone: the program's own files cannot change what this process runs
            seen = content_fingerprint(folder)
        except OSError as error:  # a file another program holds (Windows), or one removed as it was read
            log.warning("%s: cannot be read (%s); serving what was read before", error.filename, error.strerror)
            return state
        if seen == state.seen:
            return state
        snapshot = self._snapshot(folder)
        state.seen, state.current = seen, snapshot
        good = [code for code in available_languages(snapshot.folder)
                if snapshot.leaflet is not None and code in snapshot.leaflet.languages]
        if good and len(good) == len(available_languages(snapshot.folder)) and len(good) > 1:
            good.append(BILINGUAL)
        for code in good:
            kept = state.good.setdefault(code, [])
            kept.insert(0, snapshot)
            del kept[GOOD_KEPT:]
        if snapshot.leaflet is not None:
            self._keep_sources(snapshot)
        if snapshot.problems:
            self._restore(identity, folder, state)
        self._report(identity, folder, state, snapshot)
        self._prune()
        return state

    def _keep_sources(self, snapshot: Snapshot) -> None:
        assert snapshot.leaflet is not None
        facts = snapshot.leaflet.facts
        try:
            self.archive.keep_sources(facts.id, str(facts.document_control.version), snapshot.files)
        except OSError as error:
            log.error("archive: could not keep the sources of %s (%s)", facts.id, error.strerror or error)

    def _restore(self, identity: str, folder: Path, state: _Leaflet) -> None:
        """After a restart, languages whose files have a problem get their last good edition back
        from the sources the archive kept, the newest in which they check."""
        wanted = [code for code in available_languages(folder) if not state.good.get(code)]
        if len(available_languages(folder)) > 1 and not state.good.get(BILINGUAL):
            wanted.append(BILINGUAL)
        for files in self.archive.sources(identity)[:RESTORE_TRIED]:
            if not wanted:
                return
            snapshot = self._checked(files, folder.name, folder.parent)
            if snapshot.leaflet is None:
                continue
            codes = list(snapshot.leaflet.languages)
            complete = not snapshot.problems and len(codes) > 1
            for code in [code for code in wanted if code in codes or (code == BILINGUAL and complete)]:
                state.good[code] = [snapshot]
                wanted.remove(code)

    def _snapshot(self, folder: Path) -> Snapshot:
        """Copy the leaflet's files (and its catalogue's shared files), then check each language in the copy."""
        files = {}
        for name, path in leaflet_files(folder).items():
            try:
                files[name] = path.read_bytes()
            except OSError:
                continue  # removed or held by another program as it was read: the next change is read again
        return self._checked(files, folder.name, folder.parent)

    def _checked(self, files: dict[str, bytes], name: str, original: Path) -> Snapshot:
        """The files written into a folder of their own and checked there, each language on its own;
        problems are said with the paths of `original`, the folder the files stand for."""
        self.snapshot_count += 1
        root = self.scratch / str(self.snapshot_count)
        for relative, data in files.items():
            (root / relative).parent.mkdir(parents=True, exist_ok=True)
            (root / relative).write_bytes(data)
        copy = root / name
        languages = available_languages(copy)

        def said(error: ContentError) -> list[str]:  # the copy's paths as the editor's files
            return [message.replace(str(root.absolute()), display_path(original)) for message in error.messages]

        try:
            leaflet, problems = load_checked(copy), []
        except ContentError as error:
            problems = said(error)
            good = []
            for code in languages:
                try:
                    load_checked(copy, [code])
                    good.append(code)
                except ContentError as one:
                    problems += [message for message in said(one) if message not in problems]
            leaflet = load_checked(copy, good) if good else None
        return Snapshot(copy, input_fingerprint(copy, languages), leaflet, tuple(problems), files)

    def _report(self, identity: str, folder: Path, state: _Leaflet, snapshot: Snapshot) -> None:
        """The server log: each problem of a leaflet's files, once, and what is served instead."""
        for problem in snapshot.problems:
            log.warning("%s", problem)
        if not snapshot.problems:
            if state.troubled:
                log.warning("%s: its files check again; serving the new edition", identity)
            state.troubled = False
            return
        state.troubled = True
        for code in [*available_languages(folder), BILINGUAL]:
            offer = self._offer(identity, state, code)
            if offer is not None and offer.held:
                whence = "" if offer.snapshots else " (from the archive)"
                log.warning("%s: serving the last good edition of %s%s, version %s of %s, until its files check",
                            identity, code, whence, offer.version, offer.published.isoformat())
            elif offer is None and code != BILINGUAL:
                log.warning("%s: %s is not offered: no good edition of it was kept", identity, code)

    def _prune(self) -> None:
        """Remove snapshots no language refers to any more."""
        used = {snapshot.folder.parent for state in self.leaflets.values()
                for snapshot in (*(s for kept in state.good.values() for s in kept),
                                 *((state.current,) if state.current else ()))}
        for root in self.scratch.iterdir():
            if root not in used:
                shutil.rmtree(root, ignore_errors=True)

    # --- PDFs ---------------------------------------------------------------------------------

    async def _from_snapshots(self, offer: Offer, name: str, size: str, kind: str) -> tuple[bytes, str] | None:
        """The file built from the newest good snapshot whose build passes its checks."""
        for snapshot in offer.snapshots:
            key = (snapshot.fingerprint, name)
            if key in self.failed or snapshot.leaflet is None:
                continue
            try:
                data = self.pdfs.get(key) or await self._built(key, snapshot, offer.language, size, kind)
            except (BuildCheckError, ContentError) as error:
                log.warning("%s: not handed out, %s; trying an earlier edition", name, error)
                self.failed.add(key)
                continue
            await self._keep(data, snapshot.leaflet, name, snapshot.fingerprint)
            return data, snapshot.leaflet.facts.document_control.version
        return None

    def _from_archive(self, identity: str, name: str) -> tuple[bytes, str] | None:
        edition = self.archive.newest(identity, name)
        if edition is None:
            return None
        try:
            return self.archive.read(edition), edition.version
        except OSError as error:
            log.warning("archive: cannot read %s: %s", self.archive.path_of(edition), error.strerror)
            return None

    async def _built(self, key: tuple[str, str], snapshot: Snapshot, language: str, size: str, kind: str) -> bytes:
        written = self.out_dir / key[1]
        if is_fresh(written, snapshot.fingerprint):
            data = written.read_bytes()
        else:
            if key not in self.pending:
                future = asyncio.get_running_loop().run_in_executor(self.pool, build_in_memory, snapshot.folder,
                                                                    language, size, kind)
                self.pending[key] = asyncio.ensure_future(future)
            try:
                data = await asyncio.shield(self.pending[key])
            finally:
                self.pending.pop(key, None)
        self.pdfs[key] = data
        while len(self.pdfs) > CACHE_SIZE:  # the oldest first
            self.pdfs.pop(next(iter(self.pdfs)))
        return data

    async def _keep(self, data: bytes, leaflet: Leaflet, name: str, fingerprint: str) -> None:
        """The PDF in the archive, once; one that cannot be written (a full disk) is served all the same."""
        digest = sha256(data)
        if digest in self.kept:
            return
        edition = edition_record(leaflet, name, data, fingerprint)
        try:
            await asyncio.to_thread(self.archive.keep, data, edition)
        except OSError as error:
            log.error("archive: could not keep %s (%s); served all the same, kept at the next request",
                      self.archive.path_of(edition), error.strerror or error)
            return
        self.kept.add(digest)


def content_fingerprint(folder: Path) -> str:
    """Whether a leaflet's content files changed since last read (as the archive names their zip)."""
    return sources_fingerprint({name: path.read_bytes() for name, path in leaflet_files(folder).items()})


def _headings(content: LanguageContent) -> tuple[str, ...]:
    """Every heading of a language, its sections' and those within them, for the desk's search."""
    found: list[str] = []
    for section in content.sections:
        found += [str(section.heading)] if section.heading else []
        found += [str(block.text) for block in section.blocks if isinstance(block, Subheading)]
    return tuple(found)


def _department(leaflet: Leaflet) -> Department | None:
    facts = leaflet.facts
    if facts.department is None:
        return None
    names = {code: str(content.departments[facts.department]) for code, content in leaflet.languages.items()}
    return Department(facts.department, facts.departments.index(facts.department), names)


def _page_count(data: bytes) -> int:
    import pypdfium2 as pdfium

    return len(pdfium.PdfDocument(data))


def _end_with_parent() -> None:
    """In a worker: exit when the desk does, however it ends. A killed desk (SIGKILL, Task Manager)
    would else leave its workers waiting for work forever, each holding the console it was started
    from and the memory of the whole layout engine."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_when_ended, args=(parent.sentinel,), daemon=True).start()


def _exit_when_ended(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(0)


def _ready() -> bool:
    """Nothing: a worker that runs it has imported this module, and with it the whole build."""
    return True
