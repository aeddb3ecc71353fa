"""A picture block: an SVG (as vectors, with svglib) or a PNG, scaled to the column, with its caption.

Never wider than the column nor taller than half the page's text frame, never enlarged past
its own size; centred; the caption under it, set by the text engine.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable
from svglib.svglib import svg2rlg

from leaflet.layout.tagging import Tag, figure
from leaflet.layout.textblock import BlockStyle, TextBlock

MAX_HEIGHT_SHARE = 0.5  # of the room a page's frame offers


@lru_cache(maxsize=32)
def _drawing(path: str) -> Drawing:
    drawing = svg2rlg(path)
    if drawing is None:
        raise ValueError(f"{path}: svglib could not read this SVG")
    return drawing


def svg_size(path: str) -> tuple[float, float]:
    """An SVG's own width and height in points."""
    drawing = _drawing(path)
    return float(drawing.width), float(drawing.height)


def draw_svg(canvas, path: str, x: float, y: float, width: float, height: float, font_name: str,
             mirror: bool = False) -> None:
    """The SVG at `path` as vectors in the box (x, y, width, height); `mirror` flips it left to right."""
    drawing = _drawing(path)
    drawing.initialFontName = font_name  # else ReportLab names the unembedded Helvetica
    canvas.saveState()
    canvas.translate(x + (width if mirror else 0), y)
    canvas.scale((-1 if mirror else 1) * width / drawing.width, height / drawing.height)
    renderPDF.draw(drawing, canvas, 0, 0)
    canvas.restoreState()


def _natural_size(path: str) -> tuple[float, float]:
    if Path(path).suffix.lower() == ".svg":
        return svg_size(path)
    width, height = ImageReader(path).getSize()
    return width * 0.75, height * 0.75  # pixels at 96 per inch


class PictureBlock(Flowable):
    def __init__(self, path: str, alt: str, caption: str | None, caption_style: BlockStyle, gap: float,
                 space: float, frame_height: float, font_name: str) -> None:
        super().__init__()
        self.path = path
        self.alt = alt
        self.font_name = font_name  # an embedded font for the renderer's initial state (it draws no text)
        self.caption = TextBlock(caption, caption_style) if caption else None
        self.gap = gap
        self.spaceBefore = self.spaceAfter = space
        self.frame_height = frame_height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        natural_width, natural_height = _natural_size(self.path)
        scale = min(1.0, avail_width / natural_width, self.frame_height * MAX_HEIGHT_SHARE / natural_height)
        self.picture_width, self.picture_height = natural_width * scale, natural_height * scale
        self.caption_height = self.caption.wrap(avail_width, 10_000)[1] + self.gap if self.caption else 0.0
        self.width, self.height = avail_width, self.picture_height + self.caption_height
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        x, y = (self.width - self.picture_width) / 2, self.caption_height
        with figure(canvas, Tag("Figure", alt=self.alt)):
            if Path(self.path).suffix.lower() == ".svg":
                draw_svg(canvas, self.path, x, y, self.picture_width, self.picture_height, self.font_name)
            else:
                canvas.drawImage(ImageReader(self.path), x, y, self.picture_width, self.picture_height, mask="auto")
        if self.caption:
            self.caption.drawOn(canvas, 0, 0)
