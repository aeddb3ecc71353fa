"""A print order: one dated folder (and a zip of it) that answers every question a print shop asks.

    output/orders/<YYYY-MM-DD>/
      order.csv  order.pdf             what to print: leaflet, language, product, pages, copies, paper, sheets
      <id>_<lang>_A4_print.pdf (.txt)  each print file with its job ticket (quantity, paper, binding, colour)
      <id>_<lang>_A4_print_proof.pdf   every page small, to compare the print against
    output/orders/<YYYY-MM-DD>.zip

The print files are built as `build --print` builds them (checked, written into output/ as
well); a translation still marked draft never goes into an order, nor a file that failed a check:
the order says which were left out and why. Copies come from the desk's print log where it has
printed a leaflet (its average month over the last N months, times N, rounded up to whole packs),
else from hospital.yaml's defaults. An order identical to the newest one is not written again.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader

from leaflet.build import PRODUCTS, build_all, default_copies, job_facts
from leaflet.content import ContentError, Leaflet
from leaflet.content.model import PRINT_PRODUCTS, PrintSettings
from leaflet.files import write_all_atomically
from leaflet.loading import load_checked
from leaflet.outputs import HOSPITAL_FILE, LARGE_PRINT, fresh_outputs, output_name, ticket_name
from leaflet.pdf.order_summary import LeftOut, OrderLine, order_summary
from leaflet.pdf.proof import proof_sheet
from leaflet.pdf.ticket import PrintOrder, job_ticket, sheets_per_copy
from leaflet.records import PrintLog, PrintLogError, print_log_path
from leaflet.text.locale import language_name, locale_for, long_date

ORDERS = "orders"
PRODUCT_NAMES = {"A4": "A4 leaflet", "A5-booklet": "A5 booklet", "large-print": "Large print A4"}
# The file each product is printed from: the A4 print file, the booklet's imposed sheets, large print.
_FILES = {"A4": ("A4", "print"), "A5-booklet": ("A5", "booklet-print"), "large-print": (LARGE_PRINT, "")}


@dataclass
class OrderResult:
    folder: Path  # the order: written now, or the newest one if nothing changed
    written: bool  # False: identical to the newest order, nothing written
    lines: list[OrderLine] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # e.g. a print log that cannot be read: defaults used


def make_order(folders: list[Path], out_dir: Path, months: int, today: dt.date) -> OrderResult:
    """The order of the leaflets in `folders`; ContentError for content that does not check, or a
    catalogue without print settings."""
    leaflets = [load_checked(folder) for folder in folders]
    for folder, leaflet in zip(folders, leaflets, strict=True):
        if leaflet.facts.printing is None:
            raise ContentError([f"{folder.parent / HOSPITAL_FILE}:1:1: print: missing; expected the print "
                                "settings agreed with the shop (paper, colour, binding, pack, quantities), "
                                "see the README's print-shop section"])
    left_out: list[LeftOut] = []
    failed = _build(folders, leaflets, out_dir, left_out)
    warnings: list[str] = []
    try:
        counts = _log_counts(out_dir, months, today)
    except PrintLogError as error:
        counts = None
        warnings.append(f"{error}; the copies are hospital.yaml's defaults")
    lines, files = [], {}
    for leaflet in leaflets:
        if leaflet.facts.id in failed:
            continue
        for code in _reviewed(leaflet, left_out):
            for product in PRINT_PRODUCTS:
                found = _line(leaflet, code, product, out_dir, counts, months)
                if found is not None:
                    line, data = found
                    lines.append(line)
                    files |= _files_of(leaflet, code, product, line, data)
    printing = leaflets[0].facts.printing
    assert printing is not None  # checked above
    files["order.csv"] = _csv(lines, left_out)
    english = locale_for("en", leaflets[0].facts.region)  # the shop's copy is in English, dated as the hospital dates
    institute = leaflets[0].languages["en"].institute if "en" in leaflets[0].languages else ""
    files["order.pdf"] = order_summary(lines, left_out, hospital=str(institute), date=long_date(today, english),
                                       colour=printing.colour, binding=printing.binding)
    result = _write(out_dir / ORDERS, today, files, lines, left_out)
    result.warnings = warnings
    return result


def _build(folders: list[Path], leaflets: list[Leaflet], out_dir: Path, left_out: list[LeftOut]) -> set[str]:
    """The print files of the reviewed languages (and large print where it is ordered), as `build
    --print` writes them; the ids of leaflets whose files failed a check, each said in `left_out`."""
    failed: set[str] = set()
    for sizes, for_print in ((["A4", "A5"], True), ([LARGE_PRINT], False)):
        pending = []
        for folder, leaflet in zip(folders, leaflets, strict=True):
            codes = [code for code, content in leaflet.languages.items() if not content.is_draft]
            wanted = codes if for_print or leaflet.facts.quantity("large-print") else []
            if wanted and not fresh_outputs(folder, wanted, sizes, out_dir, for_print):
                pending.append((folder, wanted))
        ids = {folder: str(leaflet.facts.id) for folder, leaflet in zip(folders, leaflets, strict=True)}
        for (folder, wanted), result in zip(pending, build_all(pending, sizes, out_dir, for_print) if pending else [],
                                            strict=True):
            if result.findings:
                failed.add(ids[folder])
                left_out.extend(LeftOut(ids[folder], language_name(code, "en"), f"failed a check: {result.findings[0]}")
                                for code in wanted)
    return failed


def _reviewed(leaflet: Leaflet, left_out: list[LeftOut]) -> list[str]:
    """The languages to order; each draft said in `left_out`."""
    for code, content in leaflet.languages.items():
        if content.is_draft:
            left_out.append(LeftOut(str(leaflet.facts.id), language_name(code, "en"),
                                    f"draft translation: not yet medically reviewed ({content.source} "
                                    "says translation: status: draft)"))
    return [code for code, content in leaflet.languages.items() if not content.is_draft]


def _log_counts(out_dir: Path, months: int, today: dt.date) -> tuple[dict[tuple[str, str, str], int], int] | None:
    """Copies the desk printed of each (leaflet, language, product) over the last `months` months, and
    how many months of that the log covers (at least one); None without a print log."""
    since = _months_before(today, months)
    rows, first = PrintLog(print_log_path(out_dir)).copies(since)
    if first is None:
        return None
    counts: dict[tuple[str, str, str], int] = {}
    for row in rows:
        product = "large-print" if row.large else PRODUCTS.get(row.size[:2], "")
        counts[row.leaflet, row.language, product] = counts.get((row.leaflet, row.language, product), 0) + row.copies
    covered = max(1, min(months, _months_between(max(first, since), today)))
    return counts, covered


def _months_before(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return dt.date(year, month + 1, min(day.day, 28))


def _months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from `start` to `end`, a part month counted as one."""
    return (end.year - start.year) * 12 + end.month - start.month + (1 if end.day >= start.day else 0)


def _quantity(leaflet: Leaflet, code: str, product: str, printing: PrintSettings,
              counts: tuple[dict[tuple[str, str, str], int], int] | None, months: int) -> tuple[int, str]:
    """Copies to order and how they were reached: the log's average month times `months`, rounded up
    to whole packs, where the desk has printed it; else the leaflet's or the hospital's default."""
    printed = counts[0].get((str(leaflet.facts.id), code, product), 0) if counts else 0
    if counts and printed:
        covered = counts[1]
        packs = -(-printed * months // (covered * printing.pack))  # whole packs, in whole numbers
        span = f"{covered} month{'s' if covered > 1 else ''}"
        return packs * printing.pack, (f"print log: {printed:,} printed in {span}, {printed / covered:.1f} a month "
                                       f"x {months}, in packs of {printing.pack}")
    return default_copies(leaflet, product)


def _line(leaflet: Leaflet, code: str, product: str, out_dir: Path,
          counts: tuple[dict[tuple[str, str, str], int], int] | None, months: int) -> tuple[OrderLine, bytes] | None:
    printing = leaflet.facts.printing
    settings = printing.products.get(product) if printing else None
    if printing is None or settings is None:
        return None
    quantity, source = _quantity(leaflet, code, product, printing, counts, months)
    if quantity == 0:
        return None
    size, kind = _FILES[product]
    name = output_name(str(leaflet.facts.id), code, size, kind)
    data = (out_dir / name).read_bytes()
    pages = len(PdfReader(io.BytesIO(data)).pages)
    content = leaflet.languages[code]
    line = OrderLine(leaflet=str(leaflet.facts.id), title=str(leaflet.languages.get("en", content).title),
                     language=language_name(code, "en"), product=PRODUCT_NAMES[product], file=name,
                     pages=pages * 2 if kind == "booklet-print" else pages, sheets_per_copy=sheets_per_copy(pages),
                     quantity=quantity, paper=str(settings.paper), quantity_from=source)
    return line, data


def _files_of(leaflet: Leaflet, code: str, product: str, line: OrderLine, data: bytes) -> dict[str, bytes]:
    """A line's print file, its job ticket (with this order's quantity) and its proof sheet."""
    printing = leaflet.facts.printing
    assert printing is not None
    order = PrintOrder(line.quantity, line.quantity_from, line.paper, printing.colour, printing.binding)
    facts = job_facts(leaflet, code, line.file, imposed=_FILES[product][1] == "booklet-print", order=order)
    control = leaflet.facts.document_control
    published = long_date(control.published, locale_for("en", leaflet.facts.region))
    caption = f"{line.file} · version {control.version} · {published}"
    return {line.file: data, ticket_name(line.file): job_ticket(data, facts).encode(),
            line.file.removesuffix(".pdf") + "_proof.pdf": proof_sheet(data, caption)}


def _csv(lines: list[OrderLine], left_out: list[LeftOut]) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(["leaflet", "title", "language", "product", "file", "pages", "sheets per copy", "copies",
                     "sheets", "paper", "copies from", "left out because"])
    for line in lines:
        writer.writerow([line.leaflet, line.title, line.language, line.product, line.file, line.pages,
                         line.sheets_per_copy, line.quantity, line.sheets_per_copy * line.quantity, line.paper,
                         line.quantity_from, ""])
    for missing in left_out:
        writer.writerow([missing.leaflet, "", missing.language, "", "", "", "", 0, 0, "", "", missing.reason])
    return text.getvalue().encode("utf-8-sig")  # with its BOM, Excel reads it as UTF-8


def _write(orders: Path, today: dt.date, files: dict[str, bytes], lines: list[OrderLine],
           left_out: list[LeftOut]) -> OrderResult:
    """The order's folder and zip, unless the newest order holds exactly these files."""
    newest = max((folder for folder in orders.glob("*-*-*") if folder.is_dir()), default=None,
                 key=lambda folder: folder.stat().st_mtime_ns)
    if newest is not None and _holds(newest, files):
        return OrderResult(newest, False, lines, left_out)
    name, number = today.isoformat(), 1
    while (orders / name).exists():
        number += 1
        name = f"{today.isoformat()}-{number}"
    folder = orders / name
    packed = _zip(name, files, today)
    write_all_atomically({**{folder / file: data for file, data in files.items()}, orders / f"{name}.zip": packed})
    return OrderResult(folder, True, lines, left_out)


def _holds(folder: Path, files: dict[str, bytes]) -> bool:
    present = {path.name for path in folder.iterdir() if path.is_file()}
    return present == set(files) and all((folder / name).read_bytes() == data for name, data in files.items())


def _zip(name: str, files: dict[str, bytes], today: dt.date) -> bytes:
    """The order's files in one zip, dated the order's day: the same order, the same bytes."""
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(files):
            info = zipfile.ZipInfo(f"{name}/{file}", date_time=(today.year, today.month, today.day, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[file])
    return packed.getvalue()
