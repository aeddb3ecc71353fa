"""Writing finished files (PDFs, web pages) so that a failed build never leaves half a file behind."""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
from pathlib import Path

from leaflet.errors import LockedFileError


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename it over `path` in one step."""
    write_all_atomically({path: data})


def write_all_atomically(files: dict[Path, bytes]) -> None:
    """Write every file, or none: all are written to temporary files first, then put in place.

    A failure while writing (a full disk, a read-only folder) leaves every earlier file as it was.
    So does a file that cannot be replaced (LockedFileError): on Windows, a PDF open in a viewer.

    Why move the old files aside before putting any new one in place: Windows refuses to rename
    over, or rename away, a file another program holds open without delete sharing (Acrobat, Edge
    and Chrome open PDFs so), and renaming over it is how a file is replaced. Moving a file aside
    asks exactly what replacing it does, so once every old file is aside, every new one can go in;
    a file that cannot be moved is found before any new file is in place, and the ones already
    aside go back. (Opening a file to write to it, as a test for a lock, would not do: Edge lets
    others write to a PDF it shows, but not rename it.) A stop between the two steps leaves an old
    file as `.<name>.<random>.old` beside its place, never lost; the next build writes the file anew.
    """
    staged: list[tuple[Path, Path]] = []  # (temporary, target)
    aside: list[tuple[Path, Path]] = []  # (target, where its old file is)
    placed: list[Path] = []
    try:
        for path, data in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            staged.append((Path(temporary), path))
            with os.fdopen(handle, "wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            # mkstemp makes the file readable by its owner alone; a PDF is for everyone who may read
            # the folder (the desk may run as another user). On Windows this only clears read-only.
            os.chmod(temporary, 0o644)
        for _, path in staged:
            if path.exists():
                old = path.with_name(f".{path.name}.{secrets.token_hex(8)}.old")
                try:
                    os.replace(path, old)
                except PermissionError as error:
                    raise LockedFileError(error.errno, error.strerror, str(path)) from error
                aside.append((path, old))
        for temporary, path in staged:
            os.replace(temporary, path)
            placed.append(path)
    except BaseException:
        for path in placed:
            path.unlink(missing_ok=True)
        for path, old in reversed(aside):
            os.replace(old, path)
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        raise
    for _, old in aside:
        with contextlib.suppress(OSError):  # only a hidden leftover: every new file is in place
            old.unlink()
