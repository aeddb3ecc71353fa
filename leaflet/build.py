"""The pipeline: content -> layout -> checked PDFs written into the output folder.

Per language and size a leaflet; then one bilingual file per size, and for A5 a booklet
per language, imposed for saddle-stitch printing.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import TypeVar

from pypdf import PdfReader

from leaflet.content import Leaflet
from leaflet.content.model import ContactPanel
from leaflet.content.unfinished import placeholders, unused_diagrams
from leaflet.layout import (
    BLEED,
    document_title,
    geometry_for,
    layout_notes,
    render_back_cover,
    render_leaflet,
    render_notes_page,
    render_print_marks,
    slug_area,
    text_areas,
)
from leaflet.loading import load_checked
from leaflet.outputs import (
    BILINGUAL,
    LARGE_PRINT,
    available_languages,
    check_output_folder,
    input_fingerprint,
    leaflet_files,
    output_name,
    parse_output_name,
    planned_outputs,
    sidecar,
    sidecar_text,
    ticket_name,
)
from leaflet.pdf import (
    Expectations,
    Finding,
    LanguagePart,
    add_marks,
    booklet_pages,
    booklet_sheet,
    check_pdf,
    impose_booklet,
    merge_languages,
    retag_subsets,
    write_all_atomically,
)
from leaflet.pdf.ticket import JobFacts, PrintOrder, job_ticket
from leaflet.records.archive import Archive, Edition, LanguageRecord, now, sha256
from leaflet.text.locale import language_name, text_direction
from leaflet.translation import translation_status
from leaflet.translation.status import SOURCE_LANGUAGE


def expectations_for(leaflet: Leaflet, language: str, size: str, kind: str = "",
                     parts_checked: bool = False, contacts_on_cover: bool | None = None) -> Expectations:
    """What a built file must show; `language` may be 'bilingual', `kind` 'booklet', 'print' or
    'booklet-print'.

    `parts_checked`: a bilingual file whose language files were just checked; its pages are
    theirs, unchanged, so the glyph placement is not read again. `contacts_on_cover`: whether an
    A5 print file (a booklet's pages) carries the contact card on its back cover, not in its
    text; None: find out.
    """
    imposed, for_print = kind in ("booklet", "booklet-print"), kind in ("print", "booklet-print")
    languages = list(leaflet.languages) if language == BILINGUAL else [language]
    content = leaflet.languages[languages[0]]
    geometry = geometry_for(size)
    helplines = tuple(c.phone for c in leaflet.facts.shown_contacts() if c.emphasis == "helpline")
    page_size = ((geometry.width * 2, geometry.height) if kind == "booklet-print"
                 else booklet_sheet(geometry.width * 2, geometry.height) if imposed
                 else (geometry.width, geometry.height))
    headed = [section for section in content.sections if section.heading is not None]  # one bookmark each
    if contacts_on_cover is None and kind == "print" and size == "A5":
        contacts_on_cover = render_back_cover(leaflet, language, size, for_print=True) is not None
    if contacts_on_cover:
        headed = [section for section in headed if not all(isinstance(b, ContactPanel) for b in section.blocks)]
    return Expectations(
        page_size=page_size,
        title=document_title(content),
        author=str(content.institute),
        language=languages[0],
        sections=None if imposed else (len(languages) if language == BILINGUAL else len(headed)),
        extractable=(*(str(leaflet.languages[code].title) for code in languages), *helplines),
        page_multiple=2 if imposed else 4 if kind == "print" and size == "A5" else 1,
        bleed=BLEED if for_print else None,
        cmyk_only=for_print,
        # Imposed sheets are checked for overprinting only; their pages were checked one by one.
        text_areas=(None if parts_checked else () if imposed
                    else (*text_areas(geometry), slug_area(geometry)) if kind == "print" else text_areas(geometry)),
    )


@dataclass(frozen=True)
class BuiltFile:
    path: Path
    size_bytes: int


@dataclass
class BuildResult:
    written: list[BuiltFile] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  # a failed check: nothing was written
    warnings: list[str] = field(default_factory=list)  # built all the same: translation findings (check's report)
    content_warnings: list[str] = field(default_factory=list)  # built all the same: what is left to fill in
    layout_warnings: list[str] = field(default_factory=list)  # built all the same: text shortened to fit
    archive_problems: list[str] = field(default_factory=list)  # written, but not kept in the archive (a full disk)


def build(content_dir: Path, languages: list[str] | None, sizes: list[str], out_dir: Path,
          for_print: bool = False) -> BuildResult:
    """Build and check every requested PDF, then write them all, or none if any check failed.

    Each language and size is laid out and checked in its own process, on every core; the
    bilingual files are merged from those. For print, only the print variant of each leaflet.
    Raises ContentError before anything is written if the content is wrong.
    """
    return build_all([(content_dir, languages)], sizes, out_dir, for_print)[0]


def build_all(leaflets: list[tuple[Path, list[str] | None]], sizes: list[str], out_dir: Path,
              for_print: bool = False) -> list[BuildResult]:
    """`build` for several leaflets (content folder, languages), every language and size of every
    one in one pool of processes, so that no core waits while one leaflet's longest file is made.
    A leaflet that fails a check has none of its files written, and the others are; content
    errors stop all before any layout. The files of every leaflet that passed are written together,
    all or none, so that one that cannot be replaced (LockedFileError: a PDF open in a viewer on
    Windows) leaves the whole output folder as it was, the archive too."""
    loaded = []
    for content_dir, languages in leaflets:
        check_output_folder(content_dir, out_dir)
        leaflet = load_checked(content_dir, languages)
        codes = list(leaflet.languages)
        units = [_Unit(content_dir, out_dir, tuple(codes), language, size, for_print)
                 for size in sizes for language in codes]
        loaded.append((content_dir, leaflet, units, _translation_warnings(content_dir, leaflet)))
        _LOADED[content_dir, tuple(codes)] = leaflet  # forked workers start with it; spawned ones load it
    every_unit = [unit for _, _, units, _ in loaded for unit in units]
    weights = [sum(len(text) for _, text in leaflet.languages[unit.language].texts()) * (2 if unit.size == "A5" else 1)
               for _, leaflet, units, _ in loaded for unit in units]
    try:
        made_units = iter(_in_pool(_make_unit, every_unit, weights))
        finishing = [_Finishing(units, [next(made_units) for _ in units], sizes, for_print, warnings)
                     for _, _, units, warnings in loaded]
        # each leaflet's merging and checking in the pool too: the main process is the bottleneck else
        finished = _in_pool(_finish, finishing, [sum(len(files[0][1]) for files in job.made) for job in finishing])
    finally:
        _LOADED.clear()
    passed = [job for job in finished if not job.result.findings]
    write_all_atomically({path: data for job in passed for path, data in job.files.items()})
    for job in passed:
        job.result.written = [BuiltFile(path, len(job.files[path])) for path in job.written]
        job.result.archive_problems = _archive(out_dir, job)
    return [job.result for job in finished]


@dataclass(frozen=True)
class _Finishing:
    """One leaflet's units and what they made, for `_finish`."""

    units: list[_Unit]
    made: list[list[tuple[str, bytes, list[Finding]]]]
    sizes: list[str]
    for_print: bool
    warnings: list[str]  # the translation findings of the languages built


@dataclass(frozen=True)
class _Finished:
    """One leaflet's outcome, from `_finish`; plain data, as it comes back from a worker process."""

    result: BuildResult
    content_dir: Path
    leaflet: str  # its id
    version: str
    files: dict[Path, bytes]  # to write, with their sidecars; none if a check failed
    written: list[Path]  # what the summary lists: the files planned (PDFs and job tickets), not the sidecars
    editions: dict[Path, Edition]  # each PDF's archive record


def _finish(job: _Finishing) -> _Finished:
    """One leaflet's files from its units: the bilingual files merged, all checked, and what to write
    if all passed (`build_all` writes them)."""
    units, made_units, sizes, for_print = job.units, job.made, job.sizes, job.for_print
    content_dir, out_dir = units[0].content_dir, units[0].out_dir
    leaflet = _LOADED.get((content_dir, units[0].languages)) or load_checked(content_dir, list(units[0].languages))
    codes = list(leaflet.languages)
    result = BuildResult(warnings=job.warnings,
                         content_warnings=[*placeholders(leaflet), *unused_diagrams(leaflet)])
    made: dict[str, tuple[bytes, list[Finding]]] = {}
    leaflet_pdfs: dict[tuple[str, str], bytes] = {}
    for unit, outputs in zip(units, made_units, strict=True):
        for name, data, findings in outputs:
            made[name] = (data, findings)
        leaflet_pdfs[unit.language, unit.size] = outputs[0][1]
    if not for_print and len(codes) > 1:
        for size in sizes:
            name = output_name(leaflet.facts.id, BILINGUAL, size)
            parts = [LanguagePart(code, language_name(code), leaflet_pdfs[code, size]) for code in codes]
            data = merge_languages(parts)
            made[name] = (data, check_pdf(data, str(out_dir / name),
                                          expectations_for(leaflet, BILINGUAL, size, parts_checked=True)))
    for language in codes:
        for size in sizes:
            result.layout_warnings.extend(layout_notes(leaflet, language, size))
    files = {out_dir / name: made[name][0] for name in planned_outputs(leaflet.facts.id, codes, sizes, for_print)}
    result.findings = [finding for name in made for finding in made[name][1]]
    identity, version = str(leaflet.facts.id), str(leaflet.facts.document_control.version)
    if result.findings:
        return _Finished(result, content_dir, identity, version, {}, [], {})
    fingerprint = input_fingerprint(content_dir, codes)
    sidecars = {sidecar(path): sidecar_text(data, fingerprint) for path, data in files.items()}
    editions = {path: edition_record(leaflet, path.name, data, fingerprint) for path, data in files.items()
                if path.suffix == ".pdf"}  # a job ticket is written beside its PDF, but is no edition
    return _Finished(result, content_dir, identity, version, {**files, **sidecars}, list(files), editions)


def _archive(out_dir: Path, job: _Finished) -> list[str]:
    """Each PDF written, and the content files it was built from, kept in the archive unless they are
    there already; what could not be kept."""
    archive, problems = Archive(out_dir), []
    try:
        sources = {name: path.read_bytes() for name, path in leaflet_files(job.content_dir).items()}
        archive.keep_sources(job.leaflet, job.version, sources)
    except OSError as error:
        problems.append(f"{archive.root}: the sources of {job.leaflet} not archived ({error.strerror or error}); "
                        f"expected room in {archive.root}, then build again")
    for path, edition in job.editions.items():
        try:
            archive.keep(job.files[path], edition)
        except OSError as error:
            problems.append(f"{archive.path_of(edition)}: not archived ({error.strerror or error}); "
                            f"{path} was written; expected room in {archive.root}, then build again")
    return problems


def edition_record(leaflet: Leaflet, file_name: str, data: bytes, fingerprint: str) -> Edition:
    """The archive's manifest of one built PDF: `file_name` as the build names it in output/."""
    parsed = parse_output_name(file_name)
    language = parsed[1] if parsed else SOURCE_LANGUAGE
    codes = list(leaflet.languages) if language == BILINGUAL else [language]
    control = leaflet.facts.document_control
    languages = tuple(LanguageRecord(code, str(leaflet.languages[code].title), _translation_state(leaflet, code))
                      for code in codes)
    return Edition(leaflet=str(leaflet.facts.id), version=str(control.version), published=control.published.isoformat(),
                   next_review=control.next_review.isoformat(), file=file_name, languages=languages,
                   built=now(), fingerprint=fingerprint, sha256=sha256(data),
                   pages=len(PdfReader(io.BytesIO(data)).pages), bytes=len(data))


def _translation_state(leaflet: Leaflet, code: str) -> str:
    """"source" for English, else the translation's status: "draft" or "reviewed"."""
    translation = leaflet.languages[code].translation
    return "source" if code == SOURCE_LANGUAGE else translation.status if translation else "reviewed"


class BuildCheckError(Exception):
    """A PDF failed its checks; it is not handed out."""


def build_in_memory(content_dir: Path, language: str, size: str, kind: str = "") -> bytes:
    """One checked PDF of a leaflet, not written anywhere: a language or `bilingual`, a size, and
    kind '' or 'booklet' (A5). The same layout and checks as `build`; for the desk's web page.
    Raises ContentError if the content is wrong, BuildCheckError if a check fails."""
    # only the languages the file holds: the desk serves English while the Urdu file has a problem
    leaflet = load_checked(content_dir, None if language == BILINGUAL else [language])
    codes = tuple(leaflet.languages)
    if language == BILINGUAL:
        parts = [LanguagePart(code, language_name(code),
                              _make_unit(_Unit(content_dir, Path("."), codes, code, size, False))[0][1])
                 for code in codes]
        data = merge_languages(parts)
        findings = check_pdf(data, output_name(leaflet.facts.id, BILINGUAL, size),
                             expectations_for(leaflet, BILINGUAL, size, parts_checked=True))
    else:
        wanted = output_name(leaflet.facts.id, language, size, kind)
        made = _make_unit(_Unit(content_dir, Path("."), codes, language, size, False))
        data, findings = next((data, found) for name, data, found in made if name == wanted)
    if findings:
        raise BuildCheckError("; ".join(str(finding) for finding in findings))
    return data


@dataclass(frozen=True)
class _Unit:
    """One language in one size: what a worker process lays out and checks."""

    content_dir: Path
    out_dir: Path
    languages: tuple[str, ...]
    language: str
    size: str
    for_print: bool


T = TypeVar("T")
R = TypeVar("R")

# The content a build has just loaded and checked, for its units: a worker forked from the
# building process finds it here instead of reading the files again (a spawned one finds it
# empty, and loads the content itself).
_LOADED: dict[tuple[Path, tuple[str, ...]], Leaflet] = {}


def _in_pool(work: Callable[[T], R], jobs: list[T], weights: list[int]) -> list[R]:
    """`work` done on every job, results in order; in a pool of processes when there is more than
    one core to use. The heaviest first (`weights`: for a unit, its text, twice for A5, which
    also makes a booklet), so that no core is left with a long one at the end."""
    workers = min(len(jobs), _usable_cores())
    if workers <= 1:
        return [work(job) for job in jobs]
    order = sorted(range(len(jobs)), key=lambda i: -weights[i])
    with ProcessPoolExecutor(max_workers=workers, mp_context=_pool_context()) as pool:
        done = dict(zip(order, pool.map(work, [jobs[i] for i in order]), strict=True))
    return [done[i] for i in range(len(jobs))]


def _usable_cores() -> int:
    """The cores this process may use: its affinity where the system has one (taskset, containers
    on Linux), else every core the machine has (Windows and macOS have no sched_getaffinity)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _pool_context() -> BaseContext:
    """fork where the system has it: the workers start with this process's imports, fonts and
    loaded content (`_LOADED`), and any test's patches. Elsewhere (Windows) spawn: each worker
    starts a fresh interpreter, finds `_LOADED` empty and loads the content itself, and gets its
    jobs and gives its results as plain pickled data, as it does under fork."""
    return get_context("fork" if hasattr(os, "fork") else "spawn")


def _make_unit(unit: _Unit) -> list[tuple[str, bytes, list[Finding]]]:
    """(file name, PDF, failed checks) of one language and size: the leaflet first, then its
    booklet (A5); for print, each with its job ticket.

    A booklet's pages are the leaflet's text, lined notes pages and a back cover with the contact
    card whole (its text then leaves the card out), a multiple of 4. For print, the A5 file is
    those pages in reading order (for shops that impose), and the booklet has them imposed.
    """
    leaflet = _LOADED.get((unit.content_dir, unit.languages)) or load_checked(unit.content_dir, list(unit.languages))
    language, size, leaflet_id, for_print = unit.language, unit.size, leaflet.facts.id, unit.for_print
    kind = "print" if for_print else ""
    made: list[tuple[str, bytes, list[Finding]]] = []

    def add(name: str, data: bytes, expected: Expectations, ticket: bool, found: tuple[Finding, ...] = ()) -> None:
        """A file to write, with what its checks (and `found`, checks of its parts) found."""
        made.append((name, data, [*found, *check_pdf(data, str(unit.out_dir / name), expected)]))
        if ticket:
            facts = job_facts(leaflet, language, name, imposed=expected.page_multiple == 2)
            made.append((ticket_name(name), job_ticket(data, facts).encode(), []))

    def marked(pages: bytes, name: str, across: int = 1) -> bytes:
        """Print pages with their crop marks and slug line, or two across a booklet's sheet sides."""
        count = len(PdfReader(io.BytesIO(pages)).pages) // across
        marks = retag_subsets(render_print_marks(leaflet, language, size, count, name, across))
        return add_marks(pages, marks) if across == 1 else impose_booklet(pages, rtl, marks)

    name = output_name(leaflet_id, language, size, kind)
    rtl = text_direction(language) == "rtl"
    if size != "A5" or not for_print:
        data = retag_subsets(render_leaflet(leaflet, language, size, for_print))
        add(name, marked(data, name) if for_print else data, expectations_for(leaflet, language, size, kind),
            for_print)
    if size != "A5":
        return made
    # Subset tags are drawn from each part's font programs before the parts are put together.
    cover = render_back_cover(leaflet, language, size, for_print)
    if cover is None and not for_print:
        text = data  # the card stays in the text: the booklet's text is the A5 leaflet itself
    else:
        text = render_leaflet(leaflet, language, size, for_print, contacts_on_cover=cover is not None)
    notes = render_notes_page(leaflet, language, size, for_print)
    pages = booklet_pages(retag_subsets(text), retag_subsets(notes), cover and retag_subsets(cover))
    if for_print:
        add(name, marked(pages, name),
            expectations_for(leaflet, language, size, kind, contacts_on_cover=cover is not None), True)
        booklet_name = output_name(leaflet_id, language, size, "booklet-print")
        add(booklet_name, marked(pages, booklet_name, across=2),
            expectations_for(leaflet, language, size, "booklet-print"), True)
    else:
        # The booklet's pages are not the A5 file's: each is checked (margins, fonts, outline)
        # before the sheets, which are checked for overprinting only.
        name = output_name(leaflet_id, language, size, "booklet")
        own = check_pdf(pages, str(unit.out_dir / name), expectations_for(leaflet, language, size,
                                                                          contacts_on_cover=cover is not None))
        add(name, impose_booklet(pages, rtl), expectations_for(leaflet, language, size, "booklet"), False, tuple(own))
    return made


def job_facts(leaflet: Leaflet, language: str, file_name: str, imposed: bool,
               order: PrintOrder | None = None) -> JobFacts:
    content, control = leaflet.languages[language], leaflet.facts.document_control
    return JobFacts(file_name=file_name, title=document_title(content), language=language_name(language, "en"),
                    code=control.code, version=control.version, published=control.published.isoformat(),
                    right_to_left=text_direction(language) == "rtl", imposed=imposed,
                    draft=content.is_draft,
                    order=order or default_order(leaflet, file_name))


# What a print shop makes of the files of each size: the A4 leaflet, the A5 booklet (its pages in
# reading order, or imposed on sheets), large print.
PRODUCTS = {"A4": "A4", "A5": "A5-booklet", LARGE_PRINT: "large-print"}


def default_order(leaflet: Leaflet, file_name: str) -> PrintOrder | None:
    """A print file's order as the hospital's settings give it (its default quantity), for the job
    ticket `build --print` writes beside it; None without `print:` in hospital.yaml."""
    printing, parsed = leaflet.facts.printing, parse_output_name(file_name)
    product = PRODUCTS.get(parsed[2]) if parsed else None
    settings = printing.products.get(product) if printing and product else None
    if printing is None or settings is None or product is None:
        return None
    return PrintOrder(*default_copies(leaflet, product), str(settings.paper), printing.colour, printing.binding)


def default_copies(leaflet: Leaflet, product: str) -> tuple[int, str]:
    """The copies of one language of a leaflet to order where no print log says otherwise, and whose
    they are: the leaflet's own (`order:`), else the hospital's default."""
    if product in leaflet.facts.quantities:
        return leaflet.facts.quantity(product), "this leaflet's order in leaflet.yaml"
    return leaflet.facts.quantity(product), "default in hospital.yaml"


def _translation_warnings(content_dir: Path, leaflet: Leaflet) -> list[str]:
    """What `check` reports about each language built: built anyway, but said in the summary.
    Each is compared with English as `check` compares it, also where English is not built
    (`build --lang ur`): else what it lacks or repeats would go unsaid."""
    compared = leaflet
    if SOURCE_LANGUAGE not in leaflet.languages and SOURCE_LANGUAGE in available_languages(content_dir):
        compared = load_checked(content_dir, [SOURCE_LANGUAGE, *leaflet.languages])
    return [finding for language in leaflet.languages
            for finding in translation_status(compared, language).findings]
