"""Every edition handed out, kept once: the archive beside the output folder.

`output/archive/<leaflet>/<version>/<file stem>_<fingerprint>.pdf`, each with a manifest of the
same name ending `.json`: the leaflet, its version and publication date, the languages in the
file with their titles and translation status, when it was first kept, the fingerprint of what
it was built from and the PDF's own SHA-256. The name's fingerprint is the start of that SHA-256,
so the same PDF is never stored twice and a different one never overwrites an older. Beside
them, `sources_<fingerprint>.zip`: the content files the editions were built from.

Light on purpose (standard library only): `build`, the desk and `archive` all read and write it.
A file is written to `.incoming/` first and moved into place whole, the PDF before its manifest,
so a kill or a full disk leaves no half-written file among the editions; an edition counts only
once its manifest is there.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import re
import tempfile
import time
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath

ARCHIVE_FOLDER = "archive"
_INCOMING = ".incoming"
_NAME_DIGITS = 16  # of the SHA-256 in an archived file's name
_MAX_SOURCES_BYTES = 64 * 1024 * 1024  # a leaflet's files with its pictures are well under a megabyte
_STALE_SECONDS = 60  # an incoming file this old was left by a process that was stopped while writing it


@dataclass(frozen=True)
class LanguageRecord:
    code: str
    title: str
    translation: str  # "source" (English), "reviewed" or "draft"


@dataclass(frozen=True)
class Edition:
    """What the manifest of one archived PDF says."""

    leaflet: str
    version: str
    published: str  # ISO date, from document_control
    next_review: str  # ISO date, from document_control
    file: str  # the name the build gives it in output/, e.g. <id>_ur_A5.pdf
    languages: tuple[LanguageRecord, ...]
    built: str  # when it was first kept, ISO time in UTC
    fingerprint: str  # of everything it was built from (outputs.input_fingerprint)
    sha256: str  # of the PDF
    pages: int
    bytes: int


class Archive:
    """The archive of one output folder."""

    def __init__(self, out_dir: Path) -> None:
        self.root = out_dir / ARCHIVE_FOLDER

    def path_of(self, edition: Edition) -> Path:
        stem = edition.file.removesuffix(".pdf")
        return self.root / edition.leaflet / _safe(edition.version) / f"{stem}_{edition.sha256[:_NAME_DIGITS]}.pdf"

    def has(self, leaflet: str, version: str, file: str, sha256: str) -> bool:
        stem = file.removesuffix(".pdf")
        return (self.root / leaflet / _safe(version) / f"{stem}_{sha256[:_NAME_DIGITS]}.json").is_file()

    def keep(self, data: bytes, edition: Edition) -> bool:
        """Store the PDF and its manifest unless they are there already; whether it was new.

        Raises OSError (a full disk, a read-only folder) with nothing half-written left behind."""
        pdf = self.path_of(edition)
        manifest = pdf.with_suffix(".json")
        if manifest.is_file():
            return False
        if not pdf.is_file():  # a PDF without its manifest was cut short after the PDF: only the manifest is due
            self._put(pdf, data)
        self._put(manifest, (json.dumps(asdict(edition), ensure_ascii=False, indent=1) + "\n").encode())
        return True

    def editions(self, leaflet: str | None = None) -> list[Edition]:
        """Every archived edition (of one leaflet), oldest first."""
        if not self.root.is_dir():
            return []
        manifests = self.root.glob(f"{leaflet}/*/*.json" if leaflet else "*/*/*.json")
        kept = [edition for path in manifests if (edition := _read_manifest(path)) is not None]
        return sorted(kept, key=lambda e: (e.built, e.leaflet, e.file))

    def newest(self, leaflet: str, file: str) -> Edition | None:
        """The last edition kept of one file of a leaflet (e.g. its Urdu A5), if any."""
        return next((e for e in reversed(self.editions(leaflet)) if e.file == file), None)

    def keep_sources(self, leaflet: str, version: str, files: dict[str, bytes]) -> bool:
        """The content files an edition was built from (by name relative to the catalogue:
        `hospital.yaml`, `<leaflet>/ur.yaml`), as one zip, unless kept already; whether it was new.
        The desk builds a language's last good edition from them after a restart."""
        path = self.root / leaflet / _safe(version) / f"sources_{sources_fingerprint(files)[:_NAME_DIGITS]}.zip"
        manifest = path.with_suffix(".json")
        if manifest.is_file():
            return False
        if not path.is_file():
            self._put(path, _zipped(files))
        record = {"leaflet": leaflet, "version": version, "kept": now(), "files": sorted(files)}
        self._put(manifest, (json.dumps(record, ensure_ascii=False, indent=1) + "\n").encode())
        return True

    def sources(self, leaflet: str) -> list[dict[str, bytes]]:
        """The content files of each edition of a leaflet kept, the newest first."""
        if not self.root.is_dir():
            return []
        kept = []
        for manifest in self.root.glob(f"{leaflet}/*/sources_*.json"):
            try:
                when = json.loads(manifest.read_text(encoding="utf-8"))["kept"]
                kept.append((str(when), _unzipped(manifest.with_suffix(".zip"))))
            except (OSError, ValueError, KeyError, zipfile.BadZipFile):
                continue  # unreadable: the others still serve
        return [files for _, files in sorted(kept, key=lambda pair: pair[0], reverse=True)]

    def read(self, edition: Edition) -> bytes:
        return self.path_of(edition).read_bytes()

    def sweep(self) -> None:
        """Remove what a process stopped mid-write left in `.incoming/` (not what one is writing now)."""
        incoming = self.root / _INCOMING
        if not incoming.is_dir():
            return
        for path in incoming.iterdir():
            try:
                if time.time() - path.stat().st_mtime > _STALE_SECONDS:
                    path.unlink()
            except OSError:
                pass  # another process's file, or gone already: the next sweep tries again

    def _put(self, path: Path, data: bytes) -> None:
        incoming = self.root / _INCOMING
        incoming.mkdir(parents=True, exist_ok=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=incoming, prefix=f"{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


def now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sources_fingerprint(files: dict[str, bytes]) -> str:
    """SHA-256 over content files, their names and bytes, in name order."""
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name] + b"\0")
    return digest.hexdigest()


def _safe(version: str) -> str:
    """A version as a folder name: never a path that leaves the archive (`..`, `/`)."""
    return re.sub(r"[^A-Za-z0-9._-]", "_", version).lstrip(".") or "_"


def _zipped(files: dict[str, bytes]) -> bytes:
    """A zip of the files, the same bytes for the same files (no times, names in order)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), files[name],
                             compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _unzipped(path: Path) -> dict[str, bytes]:
    """A sources zip's files; ValueError for a name that would leave its folder or a zip too large."""
    files = {}
    with zipfile.ZipFile(path) as archive:
        entries = archive.infolist()
        if sum(entry.file_size for entry in entries) > _MAX_SOURCES_BYTES:
            raise ValueError(f"{path}: larger than a leaflet's sources")
        for entry in entries:
            parts = PurePosixPath(entry.filename).parts
            if entry.filename.startswith("/") or ".." in parts or "\\" in entry.filename or ":" in entry.filename:
                raise ValueError(f"{path}: {entry.filename} leaves its folder")
            files[entry.filename] = archive.read(entry)
    return files


def _read_manifest(path: Path) -> Edition | None:
    """An edition's manifest; None for one that cannot be read (the listing goes on without it)."""
    try:
        fields = json.loads(path.read_text(encoding="utf-8"))
        fields["languages"] = tuple(LanguageRecord(**language) for language in fields["languages"])
        return Edition(**fields)
    except (OSError, ValueError, TypeError, KeyError):
        return None
