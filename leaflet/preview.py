"""Page images for translators: every page as PNG, and each page beside the same English page."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

from leaflet.content import load_leaflet
from leaflet.layout import render_leaflet
from leaflet.translation.status import SOURCE_LANGUAGE

SCALE = 100 / 72  # 100 dpi: sharp enough to read Nastaliq, small enough to page through
GUTTER = 24


def page_images(pdf: bytes) -> list[Image.Image]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [page.render(scale=SCALE).to_pil().convert("RGB") for page in document]
    finally:
        document.close()


def side_by_side(left: Image.Image | None, right: Image.Image | None) -> Image.Image:
    """Two pages on a grey sheet; a missing page (one language runs longer) is left as a pale frame."""
    shown = [image for image in (left, right) if image is not None]
    width, height = shown[0].size
    sheet = Image.new("RGB", (2 * width + 3 * GUTTER, height + 2 * GUTTER), (120, 120, 120))
    for index, image in enumerate((left, right)):
        x = GUTTER + index * (width + GUTTER)
        if image is None:
            ImageDraw.Draw(sheet).rectangle((x, GUTTER, x + width, GUTTER + height), outline=(200, 200, 200), width=3)
        else:
            sheet.paste(image, (x, GUTTER))
    return sheet


def write_previews(content_dir: Path, languages: list[str] | None, sizes: list[str], out_dir: Path) -> list[Path]:
    """PNG of every page of each language and size, and side-by-side sheets against English."""
    wanted = list(dict.fromkeys([SOURCE_LANGUAGE, *(languages or [])])) if languages else None
    leaflet = load_leaflet(content_dir, wanted)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for size in sizes:
        images = {language: page_images(render_leaflet(leaflet, language, size)) for language in leaflet.languages}
        for language, pages in images.items():
            if languages and language not in languages:
                continue
            stem = f"{leaflet.facts.id}_{language}_{size}"
            for number, image in enumerate(pages, 1):
                written.append(_save(image, out_dir / f"{stem}-{number:02d}.png"))
            if language == SOURCE_LANGUAGE:
                continue
            english = images[SOURCE_LANGUAGE]
            for index in range(max(len(english), len(pages))):
                pair = side_by_side(english[index] if index < len(english) else None,
                                    pages[index] if index < len(pages) else None)
                written.append(_save(pair, out_dir / f"{stem}-side-by-side-{index + 1:02d}.png"))
    return written


def _save(image: Image.Image, path: Path) -> Path:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    path.write_bytes(buffer.getvalue())
    return path
