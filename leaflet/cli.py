"""Command line: `build` (the default), `check`, `validate`, `report` and the others `--help` lists."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from leaflet.errors import ContentError, LockedFileError
from leaflet.outputs import (
    LARGE_PRINT,
    SIZES,
    available_languages,
    check_output_folder,
    drafts_refused_for_print,
    fresh_outputs,
    is_catalogue,
    leaflet_folders,
    leaflet_id,
    parse_output_name,
)

if TYPE_CHECKING:
    from leaflet.content import Leaflet
    from leaflet.content.reviews import ReviewDue
    from leaflet.pdf import Expectations, Finding
    from leaflet.records import MonthRow

# Each command imports the stages it uses when it runs: a rebuild with nothing changed, or
# `--help`, never loads the layout engine.

EXIT_OK, EXIT_CHECK_FAILED, EXIT_BAD_INPUT = 0, 1, 2
DEFAULT_CONTENT = Path("content")
DEFAULT_OUTPUT = Path("output")


# The translator's states: `check --help` ends with them, and the README's Translating section says the same.
STATES = """\
A translation's items are in one of these states, and each command changes only what it says:
  missing   the English has an item the translation lacks. Write it in <lang>.yaml, or in a PO
            tool (export-po, then import-po).
  stale     the English item changed after the translation was last marked reviewed, or it came
            from a PO file as fuzzy (import-po --include-fuzzy). Check it against the English,
            fix it if need be, then record it: check --mark-reviewed <lang>.
  reviewed  check --mark-reviewed <lang> records, in <id>/<lang>.reviewed.yaml, the English each
            item now translates: "this translation follows this English". It clears stale items;
            it says nothing about the medical content.
  draft     translation.status: draft in <lang>.yaml says the language has not had its medical
            review: every page carries the draft mark and build --print refuses it (--allow-draft
            makes a marked proof). The medical reviewer sets status: reviewed by hand, in
            <id>/<lang>.yaml; check --mark-reviewed does not change it.
export-po changes nothing (stale items go out #, fuzzy with the English they were made from);
import-po writes translations only (fuzzy entries are left out unless --include-fuzzy)."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="make_leaflet.py",
        description="Build patient-information leaflets (PDF) from the YAML files in content/. "
                    "With no command, builds every leaflet in every language it has, A4 and A5, into "
                    "output/ (options without a command are build options, e.g. --content DIR).",
        epilog="Exit codes: 0 ok, 1 a check failed, 2 bad input or usage.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    build_parser = commands.add_parser("build", help="build, check and write leaflet PDFs",
                                       description="Build, check and write leaflet PDFs: every leaflet of "
                                                   "the content folder, or the leaflets named.")
    build_parser.add_argument("ids", nargs="*", metavar="ID",
                              help="leaflets to build, by id (default: every leaflet)")
    _content_option(build_parser)
    build_parser.add_argument("--lang", action="append", metavar="CODE",
                              help="language to build, e.g. en; repeat for more (default: all)")
    build_parser.add_argument("--size", action="append", choices=SIZES,
                              help="page size; repeat for both (default: A4 and A5)")
    build_parser.add_argument("--out", type=Path, default=DEFAULT_OUTPUT, metavar="DIR",
                              help="output folder (default: output)")
    build_parser.add_argument("--print", dest="for_print", action="store_true",
                              help="build the print variant: 3 mm bleed, crop marks, CMYK, no links "
                                   "(<id>_<lang>_<size>_print.pdf)")
    build_parser.add_argument("--allow-draft", action="store_true",
                              help="with --print: build a draft translation too, as a proof (the draft mark stays)")
    build_parser.add_argument("--large-print", action="store_true",
                              help="build the large-print variant instead: A4, body text 16 to 18 pt "
                                   "(<id>_<lang>_A4-large.pdf)")
    build_parser.add_argument("--web-only", action="store_true",
                              help="build only the web edition (DIR/web: a page per leaflet and language, and "
                                   "the catalogue), which a plain build writes beside the PDFs")

    serve_parser = commands.add_parser(
        "serve", help="the desk page: pick a leaflet in a browser and print it",
        description="Serve the desk page: every leaflet of the catalogue, opened as a PDF ready to print. "
                    "Each language's last good edition is served while its files have a problem, which the log "
                    "(stderr) says. It changes nothing in content/ or the leaflets in output/; it keeps each PDF "
                    "it serves in output/archive/ (see `archive`) and records each print in "
                    "output/print-log.sqlite (no patient data; see `report`).")
    _content_option(serve_parser)
    serve_parser.add_argument("--host", default="127.0.0.1",
                              help="address to listen on (default: 127.0.0.1, this PC only; "
                                   "0.0.0.0 for the desk network)")
    serve_parser.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve_parser.add_argument("--out", type=Path, default=DEFAULT_OUTPUT, metavar="DIR",
                              help="where built leaflets are read from when up to date, and the archive and "
                                   "print log are kept (default: output)")

    archive_parser = commands.add_parser(
        "archive", help="list the editions kept: every PDF build wrote or the desk handed out",
        description="List every edition kept in the archive (<out>/archive/<id>/<version>/), by leaflet and "
                    "version: when it was first kept, its file, fingerprint, pages and size, and its languages "
                    "with their translation status.")
    archive_parser.add_argument("ids", nargs="*", metavar="ID", help="leaflets to list, by id (default: every one)")
    archive_parser.add_argument("--out", type=Path, default=DEFAULT_OUTPUT, metavar="DIR",
                                help="output folder whose archive to list (default: output)")

    check_parser = commands.add_parser(
        "check", help="validate the content and report on each translation",
        description="Validate the content files (one line per problem, exit 2), then report on each "
                    "translation against English: missing, stale, orphan, untranslated and repeated items, "
                    "keyboard slips and characters no font has (exit 1 if any), with a summary line.",
        epilog=STATES, formatter_class=argparse.RawDescriptionHelpFormatter)
    _content_option(check_parser)
    check_parser.add_argument("--mark-reviewed", metavar="LANG",
                              help="record that LANG now matches the current English (clears stale items)")

    preview_parser = commands.add_parser(
        "preview", help="PNG images of every page, and side-by-side sheets against English",
        description="Write a PNG of every page into output/preview/, and for each translation a "
                    "sheet per page with the English page beside it.")
    _content_option(preview_parser)
    preview_parser.add_argument("--lang", action="append", metavar="CODE", help="language (default: all)")
    preview_parser.add_argument("--size", action="append", choices=SIZES, help="page size (default: A4 and A5)")
    preview_parser.add_argument("--out", type=Path, default=DEFAULT_OUTPUT / "preview", metavar="DIR",
                                help="folder for the images (default: output/preview)")

    export_parser = commands.add_parser(
        "export-po", help="write a gettext .po file of a translation",
        description="Write LANG's translation as a .po file: msgctxt the item's path, msgid the English, "
                    "msgstr the translation (empty where missing).")
    export_parser.add_argument("language", metavar="LANG")
    _content_option(export_parser)
    export_parser.add_argument("--out", type=Path, metavar="FILE",
                               help="where to write it (default: output/<leaflet-id>_<LANG>.po)")
    import_parser = commands.add_parser(
        "import-po", help="write a .po file's translations back into the content, then check",
        description="Write the translations of a .po file into content/<lang>.yaml, keeping its order, "
                    "comments and layout, then run check.")
    import_parser.add_argument("po_file", type=Path, metavar="FILE.po")
    import_parser.add_argument("--include-fuzzy", action="store_true",
                               help="also write fuzzy entries (each stays reported stale until reviewed)")
    _content_option(import_parser)

    new_parser = commands.add_parser(
        "new", help="start a new leaflet in a catalogue, with an example of each block kind, and build it",
        description="Write <content>/<ID>/ with leaflet.yaml, en.yaml (one example of each block kind, "
                    "commented) and a placeholder picture, then check it and build its PDFs. Check lists "
                    "each text in [square brackets] left from the template: what to replace.")
    new_parser.add_argument("leaflet_id", metavar="ID", help="the new leaflet's id, e.g. clinic-visit")
    new_parser.add_argument("--title", required=True, help="its title in English")
    _content_option(new_parser)
    new_parser.add_argument("--out", type=Path, default=DEFAULT_OUTPUT, metavar="DIR",
                            help="output folder (default: output)")

    list_parser = commands.add_parser(
        "list", help="the catalogue: each leaflet, its titles, translations and whether its PDFs are up to date",
        description="Print each leaflet: its id, its title in each language, where each translation stands "
                    "(draft or reviewed, with missing and stale items), its sizes, and whether the PDFs in "
                    "the output folder are up to date with the content.")
    _content_option(list_parser)
    list_parser.add_argument("--out", type=Path, default=DEFAULT_OUTPUT, metavar="DIR",
                             help="output folder to compare with (default: output)")

    report_parser = commands.add_parser(
        "report", help="prints and pages per leaflet and language per month, from the desk's print log",
        description="Read the desk's print log (<out>/print-log.sqlite) and print, per month, leaflet and "
                    "language, how many prints (copies) and pages the desk served: for stock and reordering "
                    "at the print shop. Months are in this PC's local time.")
    report_parser.add_argument("--since", metavar="YYYY-MM-DD", help="count prints from this day on (default: all)")
    report_parser.add_argument("--csv", type=Path, metavar="FILE", help="also write the rows to FILE as CSV (UTF-8)")
    report_parser.add_argument("--out", type=Path, default=DEFAULT_OUTPUT, metavar="DIR",
                               help="output folder the desk serves from, where the log is (default: output)")

    order_parser = commands.add_parser(
        "order", help="a dated order for the print shop: print files, job tickets, proof sheets and an order sheet",
        description="Build the print files of the leaflets (the reviewed languages: a draft translation is left "
                    "out, and the order says so) and write one dated order folder, and a zip of it, into "
                    "<out>/orders/: each print file with its job ticket (copies, paper, binding, colour condition, "
                    "sheets) and a proof sheet, and the order sheet (order.csv, order.pdf). Copies come from the "
                    "desk's print log where it has printed a leaflet, else from hospital.yaml's print: settings.")
    order_parser.add_argument("ids", nargs="*", metavar="ID", help="leaflets to order, by id (default: every one)")
    _content_option(order_parser)
    order_parser.add_argument("--months", type=int, default=6, metavar="N",
                              help="order what the desk printed over the last N months, for the next N (default: 6)")
    order_parser.add_argument("--out", type=Path, default=DEFAULT_OUTPUT, metavar="DIR",
                              help="output folder (default: output), where the desk's print log is")

    validate_parser = commands.add_parser(
        "validate", help="run the PDF checks on built files",
        description="Run the PDF checks on built files (named as the build names them: "
                    "<leaflet-id>_<lang>_<size>.pdf, ..._bilingual_<size>.pdf, ..._<lang>_A5-booklet.pdf) "
                    "against the content they were built from, and print a table of the results.")
    validate_parser.add_argument("files", nargs="+", type=Path, metavar="FILE.pdf")
    _content_option(validate_parser)
    validate_parser.add_argument("--json", action="store_true", help="print the report as JSON")
    return parser


def _content_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", type=Path, default=DEFAULT_CONTENT, metavar="DIR",
                        help="content folder (default: content)")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        argv = ["build", *argv]  # `make_leaflet.py --content DIR` builds that catalogue, as plain `build` does
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            return _check(args.content, args.mark_reviewed)
        if args.command == "export-po":
            return _export_po(args.language, args.content, args.out)
        if args.command == "import-po":
            return _import_po(args.po_file, args.content, args.include_fuzzy)
        if args.command == "preview":
            return _preview(args.content, args.lang, args.size or list(SIZES), args.out)
        if args.command == "new":
            return _new(args.content, args.leaflet_id, args.title, args.out)
        if args.command == "list":
            return _list(args.content, args.out)
        if args.command == "validate":
            return _validate(args.files, args.content, args.json)
        if args.command == "archive":
            return _archive(args.out, args.ids)
        if args.command == "order":
            return _order(args.content, args.ids, args.months, args.out)
        if args.command == "report":
            return _report(args.out, args.since, args.csv)
        if args.command == "serve":
            return _serve(args.content, args.out, args.host, args.port)
        if args.command == "build":
            if args.large_print and (args.size or args.for_print):
                raise ContentError(["--large-print: it is A4 for reading, not for press; "
                                    "expected it without --size and --print"])
            if args.allow_draft and not args.for_print:
                raise ContentError(["--allow-draft: it lets a draft go to press; expected it with --print"])
            if args.web_only and (args.lang or args.size or args.for_print or args.large_print):
                raise ContentError(["--web-only: the web edition has every language of a leaflet, for screens; "
                                    "expected it without --lang, --size, --print and --large-print"])
            if args.web_only:
                return _build_web(args.content, args.ids, args.out)
            sizes = [LARGE_PRINT] if args.large_print else args.size
            plain = not (args.lang or args.size or args.for_print or args.large_print)
            return _build_catalogue(args.content, args.ids, args.lang, sizes, args.out, args.for_print,
                                    args.allow_draft, web=plain)
        return _build_catalogue(DEFAULT_CONTENT, [], None, None, DEFAULT_OUTPUT, web=True)
    except (ContentError, OSError) as error:
        return _failed(error)


def _failed(error: ContentError | OSError) -> int:
    """What stopped a command, one line each on stderr; the command's exit code."""
    if isinstance(error, BrokenPipeError):
        # Whoever read our output went away (`... | head`): stop quietly, without a traceback at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    if isinstance(error, ContentError):
        for message in error.messages:
            print(message, file=sys.stderr)
    elif isinstance(error, LockedFileError):  # Windows: a PDF open in a viewer; nothing was written
        print(f"{error.filename}: cannot be replaced, it is open in another program; close it in your PDF viewer, "
              "then build again", file=sys.stderr)
    else:
        print(f"{error.filename or ''}: cannot write: {error.strerror}; expected a writable output folder",
              file=sys.stderr)
    return EXIT_BAD_INPUT


def _new(content: Path, new_id: str, title: str, out: Path) -> int:
    """Start a leaflet, then check it and build it, so that its editor sees at once its PDFs and
    what check finds.

    The folder is written whole or not at all, and kept once written: where it does not check or
    build, the last line says so and what to run once the problems above are fixed."""
    import datetime as dt

    from leaflet.scaffold import new_leaflet

    check_output_folder(content, out)  # refused before anything is written
    folder = new_leaflet(content, new_id, title, dt.date.today())
    print(f"wrote {folder}: {', '.join(sorted(path.name for path in folder.iterdir()))}")
    code = _check_folders([(folder, None)])
    if code != EXIT_BAD_INPUT:
        try:
            code = _build_catalogue(content, [new_id], None, None, out, warnings_listed=True)
        except (ContentError, OSError) as error:
            code = _failed(error)
    if code != EXIT_OK:
        print(f"{folder}: written, but no PDF built; expected the problems above fixed, then "
              f"`make_leaflet.py build {new_id} --content {content} --out {out}`", file=sys.stderr)
    return code


def _chosen_folders(content: Path, ids: list[str]) -> list[Path]:
    """The leaflets' folders, all of them or those whose ids are given (ContentError for an unknown id)."""
    folders = {leaflet_id(folder): folder for folder in leaflet_folders(content)}
    unknown = [wanted for wanted in ids if wanted not in folders]
    if unknown:
        raise ContentError([f"{content}: no leaflet `{wanted}`; expected one of: {', '.join(folders)}"
                            for wanted in unknown])
    return [folders[wanted] for wanted in ids] if ids else list(folders.values())


def _build_catalogue(content: Path, ids: list[str], languages: list[str] | None, sizes: list[str] | None,
                     out: Path, for_print: bool = False, allow_draft: bool = False,
                     warnings_listed: bool = False, web: bool = False) -> int:
    """Each chosen leaflet in the languages it has of those asked for; one summary line at the end.
    `web`: the web edition too, once every PDF has passed its checks (its lines before the summary).

    For print, a draft translation is refused (unless `allow_draft`) before anything is built.
    `warnings_listed`: `check` has just listed the translation and content findings, which the
    summary line then counts without listing them again."""
    sizes = sizes or list(SIZES)
    written = fresh = translation_warnings = content_warnings = layout_warnings = failed = 0
    folders = [(folder, available_languages(folder)) for folder in _chosen_folders(content, ids)]
    if not is_catalogue(content):  # one leaflet: a language it lacks is reported as its missing file
        folders = [(folder, languages or own) for folder, own in folders]
    if languages and not any(code in own for _, own in folders for code in languages):
        raise ContentError([f"{content}: no leaflet has {', '.join(languages)}; expected one of: "
                            f"{', '.join(sorted({code for _, own in folders for code in own}))}"])
    if for_print and not allow_draft:
        drafts = [error for folder, own in folders
                  for error in drafts_refused_for_print(folder, [code for code in languages or own if code in own])]
        if drafts:
            raise ContentError(drafts)
    pending: list[tuple[Path, list[str] | None]] = []
    for folder, own in folders:
        wanted = [code for code in languages if code in own] if languages else None
        if languages and not wanted:
            continue
        up_to_date = fresh_outputs(folder, wanted, sizes, out, for_print)
        if up_to_date:
            fresh += len(up_to_date)
            continue
        pending.append((folder, wanted))
    results = []
    if pending:
        from leaflet.build import build_all

        # one pool of processes for every leaflet; each leaflet's files are written on their own
        results = build_all(pending, sizes, out, for_print)
    for result in results:
        for built in result.written:
            print(f"wrote {built.path} ({_size(built.size_bytes)})")
        listed = [] if warnings_listed else [*result.warnings, *result.content_warnings]
        for warning in [*listed, *result.layout_warnings, *result.archive_problems]:
            print(f"warning: {warning}", file=sys.stderr)
        for finding in result.findings:
            print(f"check failed: {finding}", file=sys.stderr)
        written += len(result.written)
        translation_warnings += len(result.warnings)
        content_warnings += len(result.content_warnings)
        layout_warnings += len(result.layout_warnings)
        failed += len(result.findings)
    if web and not failed:
        _build_web(content, ids, out)
    if failed:
        print(f"{_count(failed, 'check')} failed; the files of those leaflets were not written, "
              f"{out} keeps what it had")
        return EXIT_CHECK_FAILED
    if not written:
        verb = "is" if fresh == 1 else "are"
        print(f"{_count(fresh, 'file')} in {out} {verb} up to date (built from these very files); nothing rebuilt")
        return EXIT_OK
    up_to_date_note = f"; {fresh} more {'was' if fresh == 1 else 'were'} up to date" if fresh else ""
    kinds = [f"{_count(count, f'{kind} warning')}" for kind, count in
             (("translation", translation_warnings), ("content", content_warnings), ("layout", layout_warnings))
             if count]
    warned = f"with {' and '.join(kinds)} (listed above)" if kinds else "all checks passed"
    print(f"built {_count(written, 'file')}, {warned}{up_to_date_note}")
    return EXIT_OK


def _build_web(content: Path, ids: list[str], out: Path) -> int:
    """The web edition of the chosen leaflets, and the catalogue of them all, into `out`/web."""
    from leaflet.build_web import WEB_FOLDER, build_web_edition

    check_output_folder(content, out)
    result = build_web_edition(_chosen_folders(content, ids), leaflet_folders(content), out)
    for path in result.written:
        print(f"wrote {path} ({_size(path.stat().st_size)})")
    for path in result.removed:
        print(f"removed {path} (no longer published)")
    for warning in result.left_out:
        print(f"warning: {warning}", file=sys.stderr)
    if result.written:
        print(f"web edition: {_count(len(result.written), 'file')} written in {out / WEB_FOLDER}, "
              f"{result.unchanged} unchanged")
    else:
        print(f"web edition: {_count(result.unchanged, 'file')} in {out / WEB_FOLDER} up to date; nothing rewritten")
    return EXIT_OK


def _order(content: Path, ids: list[str], months: int, out: Path) -> int:
    """One dated order folder for the print shop; nothing new where the newest order is the same."""
    import datetime as dt

    from leaflet.order import make_order

    if not 1 <= months <= 36:
        raise ContentError([f"--months {months}: expected 1 to 36 months"])
    check_output_folder(content, out)
    result = make_order(_chosen_folders(content, ids), out, months, dt.date.today())
    for line in result.lines:
        print(f"{line.file}: {line.quantity:,} copies ({line.quantity_from}), "
              f"{line.sheets_per_copy * line.quantity:,} sheets of {line.paper}")
    for missing in result.left_out:
        print(f"left out: {missing.leaflet} {missing.language}: {missing.reason}")
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if result.written:
        print(f"wrote the order {result.folder} and {result.folder}.zip: {_count(len(result.lines), 'print file')}, "
              f"{_count(len(result.left_out), 'left out', 'left out')}")
    else:
        print(f"the order {result.folder} is current (the same files and copies); nothing written")
    return EXIT_OK


def _size(count: int) -> str:
    """A file's size in the unit that reads best: 812 bytes, 37.4 KB, 1.2 MB."""
    if count < 1024:
        return f"{count} bytes"
    return f"{count / 1024:.1f} KB" if count < 1024 * 1024 else f"{count / 1024 / 1024:.1f} MB"


def _having(content: Path, folder: Path, languages: list[str] | None) -> list[str] | None:
    """Of the languages asked for (None: all), those a leaflet has: in a catalogue each leaflet is in
    the languages its folder has; a leaflet's own folder is asked for them all (a missing file is
    reported)."""
    if languages is None or not is_catalogue(content):
        return languages
    return [code for code in languages if code in available_languages(folder)]


def _preview(content: Path, languages: list[str] | None, sizes: list[str], out: Path) -> int:
    from leaflet.preview import write_previews

    chosen = [(folder, _having(content, folder, languages)) for folder in _chosen_folders(content, [])]
    # own is None for every language; [] for a leaflet of the catalogue that has none of those asked for
    written = [image for folder, own in chosen if own != [] for image in write_previews(folder, own, sizes, out)]
    print(f"wrote {len(written)} images into {out}")
    return EXIT_OK


def _check(content: Path, mark_reviewed_language: str | None) -> int:
    """Every leaflet of the content folder checked; the worst exit code of them. A translation is
    marked reviewed in the leaflets that have it (where none has, each says so)."""
    folders = _chosen_folders(content, [])
    marked = [folder for folder in folders
              if mark_reviewed_language and _having(content, folder, [mark_reviewed_language])] or folders
    return _check_folders([(folder, mark_reviewed_language if folder in marked else None) for folder in folders])


def _check_folders(folders: list[tuple[Path, str | None]]) -> int:
    """Each leaflet's folder checked, with the translation to mark reviewed in it; the worst exit code."""
    worst, reported = EXIT_OK, set()
    for folder, mark_reviewed_language in folders:
        try:
            worst = max(worst, _check_leaflet(folder, mark_reviewed_language))
        except ContentError as error:
            for message in error.messages:
                if message not in reported:  # a shared file's problem, once for all its leaflets
                    print(message, file=sys.stderr)
                    reported.add(message)
            worst = EXIT_BAD_INPUT
    return worst


def _check_leaflet(content: Path, mark_reviewed_language: str | None) -> int:
    """Content valid (else exit 2), then each translation's status against English and what is left to
    fill in (exit 1 if any finding).

    Characters no font has are reported in the translation report and then, because `build`
    cannot draw them, as errors (exit 2).
    """
    from leaflet.content import load_leaflet
    from leaflet.loading import check_fonts_cover
    from leaflet.translation import mark_reviewed, translation_status
    from leaflet.translation.status import SOURCE_LANGUAGE

    leaflet = load_leaflet(content)
    if mark_reviewed_language:
        if mark_reviewed_language not in leaflet.languages or mark_reviewed_language == SOURCE_LANGUAGE:
            print(f"{content}: no translation `{mark_reviewed_language}` to mark reviewed; "
                  f"expected one of: {', '.join(c for c in leaflet.languages if c != SOURCE_LANGUAGE)}",
                  file=sys.stderr)
            return EXIT_BAD_INPUT
        print(f"wrote {mark_reviewed(leaflet, mark_reviewed_language)}")
    clean = True
    for language, text in leaflet.languages.items():
        blocks = sum(len(section.blocks) for section in text.sections)
        print(f"{text.source}: ok ({len(text.sections)} sections, {blocks} blocks)")
        status = translation_status(leaflet, language)
        for finding in status.findings:
            print(finding)
        if language != SOURCE_LANGUAGE or not status.clean:
            print(status.summary())
        clean = clean and status.clean
    unfinished = _print_left_to_fill_in(leaflet)
    _print_review_overdue(leaflet)
    check_fonts_cover(leaflet)  # the one rule `build` adds to loading (raises ContentError: exit 2)
    return EXIT_OK if clean and not unfinished else EXIT_CHECK_FAILED


def _print_review_overdue(leaflet: Leaflet) -> None:
    """`check`'s warning for a leaflet whose review date has come, at next_review, and its summary line.

    A warning, not a finding: it leaves the exit code as it was, so that a date passing never fails
    a build pipeline that runs `check` on content nobody changed."""
    from leaflet.content.reviews import review_due

    control = leaflet.facts.document_control
    due = review_due(control, dt.date.today())
    if due is None or not due.overdue:
        return
    when = (f"is due today ({_day(due.date)})" if due.days_since == 0
            else f"was due on {_day(due.date)} ({_count(due.days_since, 'day')} ago)")
    print(f"{control.next_review_at}: document_control.next_review: the review {when}; "
          "expected the leaflet reviewed, then last_reviewed and next_review moved on")
    print(f"{leaflet.facts.id}: 1 warning, review overdue (a warning leaves the exit code as it is)")


def _print_left_to_fill_in(leaflet: Leaflet) -> bool:
    """`check`'s findings of what the leaflet still lacks, and their summary line; whether there were any."""
    from leaflet.content.unfinished import placeholders, unused_diagrams

    texts, diagrams = placeholders(leaflet), unused_diagrams(leaflet)
    for finding in [*texts, *diagrams]:
        print(finding)
    if texts or diagrams:
        print(f"{leaflet.facts.id}: {_count(len(texts), 'placeholder')} left to replace, "
              f"{_count(len(diagrams), 'unused diagram')}")
    return bool(texts or diagrams)


def _list(content: Path, out: Path) -> int:
    """One block per leaflet: titles and translation state per language, review date, sizes, freshness
    of the PDFs. A leaflet whose files do not load is listed with its problems, and the rest still
    are: exit 2 at the end if any was."""
    reported: set[str] = set()
    broken = False
    for folder in leaflet_folders(content):  # every folder, even two whose broken files claim one id
        try:
            _list_leaflet(folder, out)
        except ContentError as error:
            _list_broken(folder, error, reported)
            broken = True
    return EXIT_BAD_INPUT if broken else EXIT_OK


def _list_broken(folder: Path, error: ContentError, reported: set[str]) -> None:
    """A leaflet that does not load: its id and its problems, each one line on stderr as `check` gives
    them; a shared file's problem once, for the first leaflet it breaks."""
    new = [message for message in error.messages if message not in reported]
    earlier = len(error.messages) - len(new)
    print(leaflet_id(folder) or folder.name)
    print(f"  does not load: {_count(len(error.messages), 'problem')}"
          f"{f', {earlier} of them listed above' if earlier else ''}; expected each fixed, then check",
          flush=True)  # before its problems, which go to stderr
    for message in new:
        print(message, file=sys.stderr, flush=True)
    reported.update(new)


def _list_leaflet(folder: Path, out: Path) -> None:
    from leaflet.content import load_leaflet
    from leaflet.content.reviews import review_due
    from leaflet.translation import translation_status
    from leaflet.translation.status import SOURCE_LANGUAGE

    leaflet = load_leaflet(folder)
    print(leaflet.facts.id)
    for language, text in leaflet.languages.items():
        if language == SOURCE_LANGUAGE:
            state = "source"
        else:
            counts = translation_status(leaflet, language).counts
            stage = text.translation.status if text.translation else "reviewed"
            state = f"{stage}, {counts['missing']} missing, {counts['stale']} stale"
        print(f"  {language:<5} {text.title} ({text.subtitle})  [{state}]")
    due = review_due(leaflet.facts.document_control, dt.date.today())
    if due is not None:
        print(f"  {_review_line(due)}")
    fresh = fresh_outputs(folder, None, list(SIZES), out, False)
    print(f"  sizes {', '.join(SIZES)}; {out}: "
          + (f"up to date ({len(fresh)} files)" if fresh else "not built, or older than the content"))


def _review_line(due: ReviewDue) -> str:
    """`list`'s line for a review that is due, or soon will be."""
    if not due.overdue:
        return f"review due in {_count(due.days_left, 'day')} ({_day(due.date)})"
    since = "today" if due.days_since == 0 else f"{_count(due.days_since, 'day')} ago"
    return f"review due: {_day(due.date)} ({since})"


def _day(date: dt.date) -> str:
    """A date as the hospital writes it: 25/11/2026."""
    return date.strftime("%d/%m/%Y")


def _export_po(language: str, content: Path, out: Path | None) -> int:
    from leaflet.translation.status import SOURCE_LANGUAGE

    if language == SOURCE_LANGUAGE:
        print(f"{language}: English is what is translated from; expected a translation's code", file=sys.stderr)
        return EXIT_BAD_INPUT
    from leaflet.content import load_leaflet
    from leaflet.files import write_atomically
    from leaflet.translation.po import export_po

    folders = [folder for folder in _chosen_folders(content, []) if _having(content, folder, [language])]
    if out is not None and len(folders) > 1:
        raise ContentError([f"{out}: one file for {len(folders)} leaflets; expected no --out (each leaflet's "
                            f"file goes to {DEFAULT_OUTPUT}/<id>_{language}.po) or --content naming one leaflet"])
    for folder in folders:
        leaflet = load_leaflet(folder, [SOURCE_LANGUAGE, language])
        path = out or DEFAULT_OUTPUT / f"{leaflet.facts.id}_{language}.po"
        write_atomically(path, export_po(leaflet, language))
        print(f"wrote {path}")
    return EXIT_OK


def _import_po(po_file: Path, content: Path, include_fuzzy: bool = False) -> int:
    try:
        data = po_file.read_bytes()
    except OSError as error:
        print(f"{po_file}: cannot be read ({error.strerror}); expected a .po file", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        from leaflet.translation.po import import_po

        imported = import_po(data, content, include_fuzzy)
    except (ValueError, KeyError, OSError) as error:
        print(f"{po_file}: not a translation of this leaflet ({error}); expected a file from export-po",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    if imported.written:
        print(f"wrote {' and '.join(map(str, imported.written))}: {imported.changed} items changed")
    else:
        print(f"no translation changed; {' and '.join(map(str, imported.files))} left as "
              f"{'it was' if len(imported.files) == 1 else 'they were'}")
    if imported.fuzzy_skipped:
        print(f"{po_file}: {_count(imported.fuzzy_skipped, 'fuzzy entry', 'fuzzy entries')} not imported; "
              "expected them reviewed in the PO tool first (--include-fuzzy imports them, reported stale)")
    if imported.fuzzy_imported:
        print(f"{po_file}: {_count(imported.fuzzy_imported, 'fuzzy entry', 'fuzzy entries')} imported, "
              "reported stale until checked (then check --mark-reviewed)")
    for item in imported.skipped:
        print(f"{po_file}: {item}: no place for it in {imported.files[0]}; expected the block added to the YAML first")
    return _check(content, None)


def _validate(files: list[Path], content: Path, as_json: bool) -> int:
    parsed = {}
    for path in files:
        names = parse_output_name(path.name)
        if names is None:
            print(f"{path}: cannot tell the language and size from the file name; "
                  "expected <leaflet-id>_<lang>_<size>.pdf", file=sys.stderr)
            return EXIT_BAD_INPUT
        parsed[path] = names
    from leaflet.build import expectations_for
    from leaflet.content import load_leaflet
    from leaflet.pdf import check_pdf_file

    loaded = {}
    report = []
    for path, (identity, language, size, kind) in parsed.items():
        folder = _chosen_folders(content, [identity])[0]
        if folder not in loaded:
            loaded[folder] = load_leaflet(folder)
        expected = expectations_for(loaded[folder], language, size, kind)
        report.append((path, expected, check_pdf_file(path, expected)))
    if as_json:
        print(json.dumps(_report_json(report), ensure_ascii=False, indent=2))
    else:
        _print_report(report)
    return EXIT_CHECK_FAILED if any(findings for _, _, findings in report) else EXIT_OK


def _cells(expected: Expectations, findings: list[Finding]) -> dict[str, str]:
    """Each check's result for one file: ok, n/a, or what was found."""
    not_applicable = {"page boxes": expected.bleed is None, "colours": not expected.cmyk_only,
                      "outline": expected.sections is None, "page count": expected.page_multiple == 1}
    found = {finding.check: finding.found for finding in findings}
    opened = "opens" not in found
    return {check: found.get(check) or ("n/a" if not_applicable.get(check) or not opened else "ok")
            for check in _checks()}


def _checks() -> tuple[str, ...]:
    from leaflet.pdf import CHECKS

    return CHECKS


def _report_json(report) -> dict:
    files = [{"file": str(path), "checks": _cells(expected, findings), "ok": not findings}
             for path, expected, findings in report]
    return {"ok": all(entry["ok"] for entry in files), "files": files}


def _print_report(report) -> None:
    """A table, file by check; what failed is spelled out below it (and on stderr)."""
    names = [path.name for path, _, _ in report]
    first = max(len(name) for name in names)
    checks = _checks()
    print(f"{'file':<{first}}  " + "  ".join(checks))
    for name, (_, expected, findings) in zip(names, report, strict=True):
        cells = _cells(expected, findings)
        marks = [("ok" if cells[c] == "ok" else "-" if cells[c] == "n/a" else "FAIL").ljust(len(c)) for c in checks]
        print(f"{name:<{first}}  " + "  ".join(marks).rstrip())
    failures = [finding for _, _, findings in report for finding in findings]
    for finding in failures:
        print(f"check failed: {finding}", file=sys.stderr)
    checked = len(report) * len(checks)
    print(f"{_count(len(report), 'file')}, {len(failures)} of {checked} checks failed" if failures
          else f"{_count(len(report), 'file')}: all checks passed")


def _count(number: int, noun: str, plural: str | None = None) -> str:
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def _report(out: Path, since_text: str | None, csv_file: Path | None) -> int:
    """The print log as a table (and a CSV file): prints and pages per month, leaflet and language."""
    from leaflet.records import PrintLog, PrintLogError, parse_day, print_log_path

    try:
        since = parse_day(since_text) if since_text is not None else None
    except ValueError:
        print(f"--since: `{since_text}` is not a date; expected YYYY-MM-DD", file=sys.stderr)
        return EXIT_BAD_INPUT
    path = print_log_path(out)
    try:
        rows = PrintLog(path).months(since)
    except PrintLogError as error:
        print(f"{error}; expected the file the desk writes (move it aside and the desk starts a new one)",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    if rows:
        _print_months(rows)
    else:
        print(f"no prints recorded {f'since {since}' if since else 'yet'} in {path}")
    if csv_file is not None:
        _write_months_csv(csv_file, rows)
        print(f"wrote {csv_file}")
    return EXIT_OK


REPORT_COLUMNS = ("month", "leaflet", "language", "prints", "pages")


def _print_months(rows: list[MonthRow]) -> None:
    """An aligned table, numbers to the right, and a total line under it."""
    cells = [(row.month, row.leaflet, row.language, str(row.prints), str(row.pages)) for row in rows]
    total = ("total", "", "", str(sum(row.prints for row in rows)), str(sum(row.pages for row in rows)))
    widths = [max(len(line[column]) for line in [REPORT_COLUMNS, *cells, total]) for column in range(5)]
    for line in [REPORT_COLUMNS, *cells, total]:
        words = [line[0].ljust(widths[0]), line[1].ljust(widths[1]), line[2].ljust(widths[2]),
                 line[3].rjust(widths[3]), line[4].rjust(widths[4])]
        print("  ".join(words))


def _write_months_csv(path: Path, rows: list[MonthRow]) -> None:
    import csv
    import io

    from leaflet.files import write_atomically

    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(REPORT_COLUMNS)
    writer.writerows((row.month, row.leaflet, row.language, row.prints, row.pages) for row in rows)
    write_atomically(path, text.getvalue().encode("utf-8"))


def _serve(content: Path, out: Path, host: str, port: int) -> int:
    """The desk: it starts, and goes on, whatever the content's problems, which its log says (stderr)."""
    import logging

    import uvicorn

    from leaflet.web.app import create_app

    if not content.is_dir():
        raise ContentError([f"{content}: not a folder; expected the content folder (--content DIR)"])
    if host not in ("127.0.0.1", "localhost", "::1"):
        print(f"warning: listening on {host}: anyone on this network can open the leaflets", file=sys.stderr)
    logging.basicConfig(format="%(asctime)s %(message)s", datefmt="%Y-%m-%d %H:%M:%S", level=logging.INFO)
    app = create_app(content, out)
    app.state.service.catalogue()  # each leaflet read and checked now: its problems in the log before the first desk
    print(f"Open http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/ in a browser "
          "(Ctrl+C to stop)", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
    return EXIT_OK


def _archive(out: Path, ids: list[str]) -> int:
    """Every edition kept in the archive, by leaflet and version, oldest first."""
    from leaflet.records.archive import Archive

    archive = Archive(out)
    editions = [edition for identity in ids or [None] for edition in archive.editions(identity)]
    if not editions:
        print(f"{archive.root}: no editions kept{' of ' + ', '.join(ids) if ids else ''} yet; "
              "build or the desk keeps each PDF it writes or hands out")
        return EXIT_OK
    by_leaflet: dict[str, dict[str, list]] = {}
    for edition in editions:
        by_leaflet.setdefault(edition.leaflet, {}).setdefault(edition.version, []).append(edition)
    for identity, versions in sorted(by_leaflet.items()):
        print(identity)
        for version, kept in versions.items():
            print(f"  version {version} (published {kept[0].published}, next review {kept[0].next_review})")
            width = max(len(edition.file) for edition in kept)
            for edition in kept:
                languages = ", ".join(f"{record.code} {record.translation}" for record in edition.languages)
                print(f"    {edition.built.replace('T', ' ').removesuffix('Z')} UTC  {edition.file:<{width}}  "
                      f"{edition.sha256[:16]}  {_count(edition.pages, 'page')}, {edition.bytes // 1024} KB  "
                      f"[{languages}]")
    print(f"{_count(len(editions), 'edition')} in {archive.root}")
    return EXIT_OK
