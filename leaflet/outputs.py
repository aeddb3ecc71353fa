"""The files a build writes: their names, which ones a build makes, and whether they are up to date.

Light on purpose (standard library and PyYAML only): a rebuild with nothing changed is answered
from here, without loading the layout engine. Each output has a sidecar `.<name>.sha256` beside
it holding the fingerprint of everything the build read (content files, pictures, fonts, this
program's code and pinned libraries) and the SHA-256 of the PDF as written.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

import yaml

from leaflet.errors import ContentError

BILINGUAL = "bilingual"
FACTS_FILE = "leaflet.yaml"  # a leaflet's own facts
HOSPITAL_FILE = "hospital.yaml"  # in a catalogue: the facts every leaflet shares
SIZES = ("A4", "A5")
LARGE_PRINT = "A4-large"  # an A4 variant in large print, built on request (build --large-print)
_LANGUAGE_FILE = re.compile(r"[a-z]{2,3}(_[A-Z][a-z]{3})?(_[A-Z]{2})?\.yaml")
_OUTPUT_NAME = re.compile(
    r"(?P<id>[a-z0-9-]+)_(?P<lang>[A-Za-z_]+?)_(?P<size>A4-large|A4|A5)(?P<kind>-booklet_print|-booklet|_print)?\.pdf")
_PROGRAM = Path(__file__).resolve().parents[1]  # the checkout: leaflet/, fonts/, requirements.txt


def is_catalogue(folder: Path) -> bool:
    """A folder of leaflets (each in a sub-folder) sharing hospital.yaml and <lang>.yaml files."""
    return (folder / HOSPITAL_FILE).is_file()


def check_output_folder(content_dir: Path, out_dir: Path) -> None:
    """Built files never go into the content folder, where they could overwrite or mix with sources."""
    root = content_dir.parent if is_catalogue(content_dir.parent) else content_dir  # the whole catalogue
    content, out = root.resolve(), out_dir.resolve()
    if out == content or out.is_relative_to(content):
        raise ContentError([f"{out_dir}: inside the content folder {root}; "
                            "expected an output folder outside it (default: output)"])


def leaflet_folders(content_dir: Path) -> list[Path]:
    """The leaflets a content folder holds: its sub-folders with a leaflet.yaml, or itself."""
    if not is_catalogue(content_dir):
        return [content_dir]
    return sorted(folder for folder in content_dir.iterdir() if (folder / FACTS_FILE).is_file())


def leaflet_id(folder: Path) -> str:
    """A leaflet's id, read lightly: its folder's name in a catalogue (also when leaflet.yaml cannot be
    read, so that two broken leaflets keep two ids), else leaflet.yaml's `id` ('' if unreadable)."""
    try:
        facts = yaml.safe_load((folder / FACTS_FILE).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        facts = None
    if is_catalogue(folder.parent) and not (isinstance(facts, dict) and "id" in facts):
        return folder.name
    identity = facts.get("id") if isinstance(facts, dict) else None
    return identity if isinstance(identity, str) else ""


def available_languages(content_dir: Path) -> list[str]:
    """Language codes with a content file, in the languages' order."""
    return in_language_order(p.stem for p in content_dir.glob("*.yaml") if _LANGUAGE_FILE.fullmatch(p.name))


def in_language_order(codes: Iterable[str]) -> list[str]:
    """Language codes in one stable order, however they were given: English first (the source,
    and first in every bilingual file), then the others alphabetically."""
    return sorted(set(codes), key=lambda code: (code != "en", code))


def output_name(leaflet_id: str, language: str, size: str, kind: str = "") -> str:
    """File name of a leaflet; `kind` is '', 'booklet', 'print' or 'booklet-print'."""
    suffix = {"": "", "booklet": "-booklet", "print": "_print", "booklet-print": "-booklet_print"}[kind]
    return f"{leaflet_id}_{language}_{size}{suffix}.pdf"


def web_page(leaflet_id: str, language: str) -> str:
    """A leaflet's page in the web edition, relative to the edition's folder (or its web address)."""
    return f"{leaflet_id}/{language}.html"


def ticket_name(print_name: str) -> str:
    """The job ticket beside a print file: its name with .txt for .pdf."""
    return print_name.removesuffix(".pdf") + ".txt"


def parse_output_name(name: str) -> tuple[str, str, str, str] | None:
    """(leaflet id, language or 'bilingual', size, kind) from an output file name."""
    match = _OUTPUT_NAME.fullmatch(name)
    if not match:
        return None
    kind = {None: "", "-booklet": "booklet", "_print": "print", "-booklet_print": "booklet-print"}[match["kind"]]
    return match["id"], match["lang"], match["size"], kind


def planned_outputs(leaflet_id: str, languages: list[str], sizes: list[str], for_print: bool) -> list[str]:
    """Every file a build of these languages and sizes writes, in the order it writes them."""
    if for_print:
        kinds = {size: ("print", "booklet-print") if size == "A5" else ("print",) for size in sizes}
        return [name for size in sizes for language in languages for kind in kinds[size]
                for name in (output_name(leaflet_id, language, size, kind),
                             ticket_name(output_name(leaflet_id, language, size, kind)))]
    names = []
    for size in sizes:
        names += [output_name(leaflet_id, language, size) for language in languages]
        if len(languages) > 1:
            names.append(output_name(leaflet_id, BILINGUAL, size))
        if size == "A5":
            names += [output_name(leaflet_id, language, size, "booklet") for language in languages]
    return names


def leaflet_files(folder: Path) -> dict[str, Path]:
    """Every content file a leaflet is built from, by its name relative to the folder's parent: its
    own (`<leaflet>/en.yaml`, its pictures) and, in a catalogue, the shared ones (`hospital.yaml`)."""
    files = {path.relative_to(folder.parent).as_posix(): path for path in sorted(folder.rglob("*")) if path.is_file()}
    if is_catalogue(folder.parent):
        files |= {path.name: path for path in sorted(folder.parent.iterdir()) if path.is_file()}
    return files


def input_fingerprint(content_dir: Path, languages: list[str]) -> str:
    """SHA-256 over every file a build reads: the content folder, fonts, code and pinned libraries."""
    digest = hashlib.sha256(" ".join(languages).encode())
    sources = [(content_dir, path) for path in sorted(content_dir.rglob("*")) if path.is_file()]
    if is_catalogue(content_dir.parent):  # the shared files a leaflet of a catalogue reads too
        sources += [(content_dir.parent, path) for path in sorted(content_dir.parent.iterdir()) if path.is_file()]
    sources += [(_PROGRAM, path) for folder in ("leaflet", "fonts") for path in sorted((_PROGRAM / folder).rglob("*"))
                if path.is_file() and "__pycache__" not in path.parts]
    sources.append((_PROGRAM, _PROGRAM / "requirements.txt"))
    for root, path in sources:
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def sidecar(path: Path) -> Path:
    return path.with_name(f".{path.name}.sha256")


def sidecar_text(data: bytes, fingerprint: str) -> bytes:
    return f"{fingerprint} {hashlib.sha256(data).hexdigest()}\n".encode()


def is_fresh(path: Path, fingerprint: str) -> bool:
    """The file exists, is the one the last build wrote, and was built from the same inputs."""
    try:
        return sidecar(path).read_bytes() == sidecar_text(path.read_bytes(), fingerprint)
    except OSError:
        return False


def fresh_outputs(content_dir: Path, languages: list[str] | None, sizes: list[str], out_dir: Path,
                  for_print: bool) -> list[Path] | None:
    """The build's outputs if every one of them is up to date, else None (build again)."""
    identity = leaflet_id(content_dir)
    if not identity:
        return None  # the full build says what is wrong
    wanted = languages or available_languages(content_dir)
    fingerprint = input_fingerprint(content_dir, wanted)
    paths = [out_dir / name for name in planned_outputs(identity, wanted, sizes, for_print)]
    return paths if paths and all(is_fresh(path, fingerprint) for path in paths) else None


def drafts_refused_for_print(folder: Path, languages: list[str] | None) -> list[str]:
    """One error line per language file of the leaflet whose translation is still a draft: a draft
    does not go to press. It says the three ways on: the medical reviewer marks the file reviewed
    (by hand: `check --mark-reviewed` records which English a translation follows, not a medical
    review), `build --print --allow-draft` makes a proof with the draft mark, or the languages
    already reviewed go to press alone.

    Read lightly, like the rest of this module: the line and column are those of `status:`.
    """
    statuses = _translation_statuses(folder)
    drafts = {code: status for code, status in statuses.items()
              if isinstance(status, yaml.ScalarNode) and status.value == "draft"}
    reviewed = [code for code in statuses if code not in drafts]
    alone = f", or the reviewed languages alone: build --print {' '.join(f'--lang {code}' for code in reviewed)}"
    errors = []
    for code in [code for code in languages or available_languages(folder) if code in drafts]:
        path, mark = folder / f"{code}.yaml", drafts[code].start_mark
        errors.append(f"{path}:{mark.line + 1}:{mark.column + 1}: translation.status: `draft` does not go to press; "
                      f"expected `status: reviewed` under `translation:` in {path}, set there by the medical reviewer "
                      "after the medical review (check --mark-reviewed does not change it), or build --print "
                      f"--allow-draft for a proof that keeps the draft mark{alone if reviewed else ''}")
    return errors


def _translation_statuses(folder: Path) -> dict[str, yaml.Node | None]:
    """`translation: status:` of each language file that can be read (None where it has none, as
    English); the build reports what is wrong with the others."""
    statuses = {}
    for code in available_languages(folder):
        try:
            root = yaml.compose((folder / f"{code}.yaml").read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
        except (OSError, yaml.YAMLError, UnicodeDecodeError):
            continue
        statuses[code] = _mapping_value(_mapping_value(root, "translation"), "status")
    return statuses


def _mapping_value(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((value for name, value in node.value if isinstance(name, yaml.ScalarNode) and name.value == key),
                None)

