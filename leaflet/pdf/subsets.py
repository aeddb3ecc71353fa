"""Subset tags that name one font program each.

ReportLab tags its subsets by their number (AAAAAA+, AAAAAB+), so one file holds
AAAAAA+NotoSans-Bold and AAAAAA+NotoNastaliqUrdu-Bold, and a bilingual file or a booklet,
put together from several, holds two different programs both called AAAAAA+NotoSans-Bold:
some RIPs then take one for the other. Here each tag is drawn from a hash of the program it
names, so a tag names exactly one program in any file made of these parts.
"""

from __future__ import annotations

import hashlib
import io
import re

from pypdf import PdfReader

from leaflet.pdf.checks import fonts_used

_TAGGED = re.compile(r"[A-Z]{6}\+(.+)")


def retag_subsets(pdf: bytes) -> bytes:
    """The same PDF with each subset's tag drawn from its font program; same bytes otherwise.

    The new names are as long as the old, so the file's cross-reference offsets still hold.
    """
    renames: dict[str, str] = {}
    for font in fonts_used(PdfReader(io.BytesIO(pdf)).pages):
        base = str(font.get("/BaseFont", ""))[1:]
        tagged = _TAGGED.fullmatch(base)
        program = _program(font)
        if tagged is None or program is None:
            continue
        new = f"{_tag(program, tagged[1])}+{tagged[1]}"
        if renames.setdefault(base, new) != new:
            raise ValueError(f"two font programs are both named {base}")
    for old, new in renames.items():
        pdf = re.sub(rb"/" + re.escape(old.encode("latin-1")) + rb"(?=[\s/<>\[\]()])",
                     b"/" + new.encode("latin-1"), pdf)
    return pdf


def _tag(program: bytes, name: str) -> str:
    digest = hashlib.sha256(program + name.encode("latin-1")).digest()
    return "".join(chr(ord("A") + byte % 26) for byte in digest[:6])


def _program(font) -> bytes | None:
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return None
    descriptor = descriptor.get_object()
    for key in ("/FontFile2", "/FontFile", "/FontFile3"):
        if key in descriptor:
            return descriptor[key].get_object().get_data()
    return None
