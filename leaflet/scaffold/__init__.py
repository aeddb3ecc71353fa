"""`new`: a leaflet's folder in a catalogue, with one example of each block kind, that checks and builds at once.

Every text there to be replaced is in [square brackets] (`leaflet.content.unfinished.PLACEHOLDER`):
`check` lists each one left, and `build` warns of it.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

from leaflet.errors import ContentError
from leaflet.outputs import is_catalogue

_TEMPLATES = Path(__file__).parent
_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def new_leaflet(catalogue: Path, leaflet_id: str, title: str, today: dt.date) -> Path:
    """Write catalogue/<id>/ (leaflet.yaml, en.yaml, example.svg); returns the folder."""
    if not is_catalogue(catalogue):
        raise ContentError([f"{catalogue}: no hospital.yaml; expected a catalogue folder (see README: "
                            "A catalogue of leaflets)"])
    if not _ID.fullmatch(leaflet_id):
        raise ContentError([f"{leaflet_id}: not a leaflet id; expected lowercase words joined by hyphens, "
                            "e.g. clinic-visit"])
    title = " ".join(title.split())
    if not title or len(title) > 100:
        raise ContentError([f"{title!r}: not a title for a new leaflet; expected 1 to 100 characters"])
    folder = catalogue / leaflet_id
    if folder.exists():
        raise ContentError([f"{folder}: already exists; expected a new leaflet id"])
    values = {
        "id": leaflet_id, "title": title.replace("'", "''"), "today": today.isoformat(),
        "review": today.replace(year=today.year + 3).isoformat(),
    }
    files = {name: _filled((_TEMPLATES / f"{name}.template").read_text(encoding="utf-8"), values)
             for name in ("leaflet.yaml", "en.yaml")}
    files["example.svg"] = (_TEMPLATES / "example.svg").read_text(encoding="utf-8")
    folder.mkdir(parents=True)
    try:
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
    except OSError:
        shutil.rmtree(folder)  # a folder without all its files would not check: none rather than half of one
        raise
    return folder


def _filled(template: str, values: dict[str, str]) -> str:
    """The template with each {{key}} replaced by its value."""
    for key, value in values.items():
        template = template.replace(f"{{{{{key}}}}}", value)
    return template
