"""What the desk page needs from the catalogue: the leaflets, and any one PDF, fast.

PDFs are cached in memory by the content's fingerprint (every file the build reads), so an
edit to content/ is picked up on the next request. A PDF the catalogue's last build wrote to
output/ for the same inputs is served from there; any other is built on demand in a worker
process, once, however many desks ask for it at the same time.
"""

from __future__ import annotations

import asyncio
import hashlib
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from leaflet.build import build_in_memory, load_checked
from leaflet.errors import ContentError
from leaflet.outputs import (
    BILINGUAL,
    LARGE_PRINT,
    available_languages,
    input_fingerprint,
    is_fresh,
    leaflet_folders,
    leaflet_id,
    output_name,
)
from leaflet.pdf.merge import repeat_copies
from leaflet.records import PrintLog, print_log_path

SIZES = ("A4", "A5", "A5-booklet")
MAX_COPIES = 50
CACHE_SIZE = 48  # PDFs kept in memory: every size and language of several leaflets


@dataclass(frozen=True)
class Entry:
    id: str
    titles: dict[str, str]  # by language code
    drafts: tuple[str, ...]  # languages whose translation is still a draft
    languages: tuple[str, ...]
    problem: str | None = None  # the first content error, when the leaflet cannot be built now


class UnknownLeafletError(Exception):
    """A leaflet, language or size the catalogue does not have."""


class DeskService:
    def __init__(self, content_dir: Path, out_dir: Path, workers: int = 2) -> None:
        self.content_dir = content_dir
        self.out_dir = out_dir
        self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"))
        self.pdfs: dict[tuple[str, ...], bytes] = {}
        self.pending: dict[tuple[str, ...], asyncio.Future[bytes]] = {}
        self.entries: dict[str, tuple[str, Entry]] = {}
        self.print_log = PrintLog(print_log_path(out_dir))
        for _ in range(workers):  # start the workers now, with the layout imported, not at the first click
            self.pool.submit(_ready)

    def folders(self) -> dict[str, Path]:
        return {leaflet_id(folder): folder for folder in leaflet_folders(self.content_dir)}

    def catalogue(self) -> list[Entry]:
        entries = []
        for identity, folder in self.folders().items():
            fingerprint = input_fingerprint(folder, available_languages(folder))
            cached = self.entries.get(identity)
            if cached is None or cached[0] != fingerprint:
                self.entries[identity] = cached = (fingerprint, _entry(identity, folder))
            entries.append(cached[1])
        return entries

    async def pdf(self, identity: str, language: str, size: str, copies: int = 1,
                  large: bool = False) -> tuple[bytes, str]:
        """The PDF and its ETag; UnknownLeafletError for a leaflet, language or size the catalogue
        does not have. `large`: the large-print variant, which is A4."""
        folder = self.folders().get(identity)
        if folder is None or size not in SIZES:
            raise UnknownLeafletError(identity)
        if large:
            size = LARGE_PRINT
        languages = available_languages(folder)
        if language not in languages and not (language == BILINGUAL and len(languages) > 1):
            raise UnknownLeafletError(language)
        fingerprint = input_fingerprint(folder, languages)
        key = (identity, language, size, fingerprint)
        data = self.pdfs.get(key) or await self._built(key, folder)
        if copies > 1:
            data = repeat_copies(data, copies)
        return data, hashlib.sha256(data).hexdigest()[:32]

    async def _built(self, key: tuple[str, ...], folder: Path) -> bytes:
        identity, language, size, fingerprint = key
        base, kind = (size[:2], "booklet") if size == "A5-booklet" else (size, "")
        written = self.out_dir / output_name(identity, language, base, kind)
        if is_fresh(written, fingerprint):
            data = written.read_bytes()
        else:
            if key not in self.pending:
                future = asyncio.get_running_loop().run_in_executor(self.pool, build_in_memory, folder, language,
                                                                    base, kind)
                self.pending[key] = asyncio.ensure_future(future)
            try:
                data = await asyncio.shield(self.pending[key])
            finally:
                self.pending.pop(key, None)
        self.pdfs[key] = data
        while len(self.pdfs) > CACHE_SIZE:  # the oldest first
            self.pdfs.pop(next(iter(self.pdfs)))
        return data

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


def _entry(identity: str, folder: Path) -> Entry:
    """A leaflet as the page lists it; one whose content is being edited into shape says so."""
    try:
        leaflet = load_checked(folder)
    except ContentError as error:
        return Entry(identity, {}, (), (), error.messages[0])
    return Entry(identity, {code: str(content.title) for code, content in leaflet.languages.items()},
                 tuple(code for code, content in leaflet.languages.items()
                       if content.translation is not None and content.translation.status == "draft"),
                 tuple(leaflet.languages))


def _ready() -> bool:
    """Nothing: a worker that runs it has imported this module, and with it the whole build."""
    return True
