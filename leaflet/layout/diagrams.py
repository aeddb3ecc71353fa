"""The leaflet's diagrams, drawn as vector graphics with every label set by the text engine.

Each diagram is a flowable on a tinted card with its title. Labels come from the
language file, figures from leaflet.yaml. Where direction carries meaning (a flow,
a sequence, a reading order) the arrangement mirrors for right-to-left languages;
the anatomy of the liver does not, as medical drawings keep the body's own sides.
"""

from __future__ import annotations

from typing import ClassVar

from reportlab.lib.colors import Color, HexColor, white
from reportlab.platypus import Flowable

from leaflet.content.model import DiagramLabel, NamedItem
from leaflet.layout.geometry import from_start
from leaflet.layout.styles import Palette, Styles
from leaflet.layout.textblock import BlockStyle, TextBlock
from leaflet.text import fit_size
from leaflet.text.locale import number, percent_range

LIVER, LIVER_EDGE = HexColor("#C8675C"), HexColor("#8E3B33")
BILE, VEIN, ARTERY = HexColor("#3E8E41"), HexColor("#2F5DA8"), HexColor("#C62828")


LIVER_OUTLINE = (  # a unit-box liver, facing the patient: the large right lobe on the viewer's left
    ((0.02, 0.92), (0.45, 1.0), (0.70, 0.93)),
    ((0.85, 0.90), (0.97, 0.82), (0.99, 0.72)),
    ((0.90, 0.62), (0.72, 0.50), (0.55, 0.33)),
    ((0.40, 0.20), (0.20, 0.12), (0.10, 0.20)),
    ((0.03, 0.28), (0.02, 0.42), (0.02, 0.56)),
)


def draw_liver(canvas, x: float, y: float, width: float, height: float) -> None:
    """The liver silhouette in the box (x, y, width, height)."""
    def point(px: float, py: float) -> tuple[float, float]:
        return x + px * width, y + py * height

    path = canvas.beginPath()
    path.moveTo(*point(0.02, 0.56))
    for curve in LIVER_OUTLINE:
        path.curveTo(*point(*curve[0]), *point(*curve[1]), *point(*curve[2]))
    path.close()
    canvas.setFillColor(LIVER)
    canvas.setStrokeColor(LIVER_EDGE)
    canvas.setLineWidth(1.2)
    canvas.drawPath(path, stroke=1, fill=1)


def _align(side: str, rtl: bool) -> str:
    """The text alignment that puts text on the given visual side ('left' or 'right')."""
    return "start" if (side == "left") != rtl else "end"


class Diagram(Flowable):
    """A titled card; subclasses lay out and draw the picture inside it."""

    def __init__(self, labels: dict[str, DiagramLabel], styles: Styles, palette: Palette, locale: str) -> None:
        super().__init__()
        self.labels = labels
        self.styles = styles
        self.palette = palette
        self.locale = locale
        self.rtl = TextBlock("", styles.body).rtl
        self.pad = styles.body.text.size * 0.9
        self.spaceBefore = styles.body.space_after * 0.6
        self.spaceAfter = styles.body.space_after * 1.2
        self.title = TextBlock(str(labels["title"]), styles.subheading)
        self.label_style = BlockStyle(styles.small_label.text.with_(size=styles.body.text.size * 0.85))

    def text(self, key_or_text: str, style: BlockStyle | None = None, side: str | None = None,
             colour: Color | None = None) -> TextBlock:
        text = str(self.labels.get(key_or_text, key_or_text))
        style = style or self.label_style
        changes = {}
        if side:
            changes["align"] = "center" if side == "center" else _align(side, self.rtl)
        if colour is not None:
            changes["colour"] = colour
        return TextBlock(text, BlockStyle(style.text.with_(**changes)) if changes else style)

    def place(self, block: TextBlock, x: float, top: float, width: float) -> float:
        """Draw a block with its top-left at (x, top); returns its height."""
        _, height = block.wrapOn(self.canv, width, 10_000)
        block.drawOn(self.canv, x, top - height)
        return height

    def mirror(self, x: float, width: float = 0.0) -> float:
        """x of a box measured from the reading-start edge of the inner area."""
        return self.pad + from_start(x, width, self.width - 2 * self.pad, self.rtl)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.title_height = self.title.wrapOn(self.canv, avail_width - 2 * self.pad, avail_height)[1]
        self.body_height = self.measure(avail_width - 2 * self.pad)
        self.height = self.pad * 2.2 + self.title_height + self.body_height
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFillColor(self.palette.tint)
        canvas.roundRect(0, 0, self.width, self.height, self.pad * 0.6, stroke=0, fill=1)
        self.title.drawOn(canvas, self.pad, self.height - self.pad - self.title_height)
        self.draw_body(self.height - self.pad * 1.6 - self.title_height)

    def measure(self, inner_width: float) -> float:
        raise NotImplementedError

    def draw_body(self, top: float) -> None:
        raise NotImplementedError


class LiverAnatomy(Diagram):
    """The liver's two lobes and eight segments, gallbladder, bile ducts and the two vessels."""

    # Points of the drawing in a unit box (x right, y up), as seen facing the patient.
    SEGMENTS: ClassVar[dict[int, tuple[float, float]]] = {
        1: (0.50, 0.55), 2: (0.83, 0.74), 3: (0.74, 0.60), 4: (0.62, 0.76), 5: (0.38, 0.47),
        6: (0.17, 0.37), 7: (0.16, 0.66), 8: (0.36, 0.80)}
    TARGETS: ClassVar[dict[str, tuple[float, float]]] = {
        "right_lobe": (0.12, 0.74), "gallbladder": (0.35, 0.10), "bile_ducts": (0.49, -0.04),
        "left_lobe": (0.88, 0.68), "hepatic_artery": (0.64, 0.22), "portal_vein": (0.575, -0.08)}

    def measure(self, inner_width: float) -> float:
        self.art_width = inner_width * 0.5
        self.art_height = self.art_width * 0.7
        self.note = self.text("segments", side="center")
        note_height = self.note.wrapOn(self.canv, inner_width, 1000)[1]
        return self.art_height * 1.25 + note_height + self.pad * 0.5

    def point(self, x: float, y: float) -> tuple[float, float]:
        return self.art_x + x * self.art_width, self.art_y + y * self.art_height

    def draw_body(self, top: float) -> None:
        canvas, inner = self.canv, self.width - 2 * self.pad
        self.art_x = self.pad + (inner - self.art_width) / 2
        self.art_y = top - self.art_height * 1.02
        self._draw_liver()
        self._draw_vessels()
        self._draw_gallbladder_and_ducts()
        self._draw_segments()
        column = (inner - self.art_width) / 2 - self.pad * 0.6
        for key, (tx, ty) in self.TARGETS.items():
            on_left = tx < 0.5
            block = self.text(key, side="right" if on_left else "left")
            height = block.wrapOn(canvas, column, 1000)[1]
            px, py = self.point(tx, ty)
            x = self.pad if on_left else self.width - self.pad - column
            label_y = py + height / 2
            block.drawOn(canvas, x, label_y - height)
            canvas.setStrokeColor(self.palette.muted)
            canvas.setLineWidth(0.6)
            edge = x + column + 2 if on_left else x - 2
            canvas.line(edge, py, px, py)
            canvas.setFillColor(self.palette.muted)
            canvas.circle(px, py, 1.4, stroke=0, fill=1)
        self.place(self.note, self.pad, self.art_y - self.art_height * 0.2, inner)

    def _draw_liver(self) -> None:
        canvas = self.canv
        draw_liver(canvas, self.art_x, self.art_y, self.art_width, self.art_height)
        canvas.setStrokeColor(white)
        canvas.setDash(3, 2)
        canvas.line(*self.point(0.57, 0.95), *self.point(0.52, 0.36))  # between the two lobes
        canvas.setDash()

    def _draw_gallbladder_and_ducts(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(BILE)
        canvas.setLineWidth(2)
        for start in ((0.40, 0.52), (0.60, 0.55)):
            canvas.line(*self.point(*start), *self.point(0.50, 0.34))
        canvas.line(*self.point(0.50, 0.34), *self.point(0.49, -0.08))
        canvas.line(*self.point(0.49, 0.16), *self.point(0.40, 0.20))
        canvas.setFillColor(BILE)
        canvas.ellipse(*self.point(0.30, 0.04), *self.point(0.40, 0.24), stroke=0, fill=1)

    def _draw_vessels(self) -> None:
        canvas = self.canv
        for colour, width, (x0, x1) in ((VEIN, 4.5, (0.58, 0.55)), (ARTERY, 2.2, (0.67, 0.60))):
            canvas.setStrokeColor(colour)
            canvas.setLineWidth(width)
            canvas.line(*self.point(x0, -0.12), *self.point(x1, 0.45))
            canvas.line(*self.point(x1, 0.45), *self.point(x1 - 0.25, 0.62))
            canvas.line(*self.point(x1, 0.45), *self.point(x1 + 0.2, 0.70))

    def _draw_segments(self) -> None:
        radius = self.label_style.text.size * 0.75
        style = BlockStyle(self.label_style.text.with_(align="center", colour=LIVER_EDGE, language="en"))
        for segment, (x, y) in self.SEGMENTS.items():
            cx, cy = self.point(x, y)
            self.canv.setFillColor(white)
            self.canv.circle(cx, cy, radius, stroke=0, fill=1)
            digit = TextBlock(number(segment, self.locale), style)
            _, height = digit.wrapOn(self.canv, radius * 2, 100)
            digit.drawOn(self.canv, cx - radius, cy - height / 2 + radius * 0.05)


class BloodSupply(Diagram):
    """Two vessels into the liver, their widths in proportion to the blood each brings."""

    def __init__(self, labels, styles, palette, locale, portal: tuple[int, int], artery: tuple[int, int]):
        super().__init__(labels, styles, palette, locale)
        self.portal, self.artery = portal, artery

    def share(self, low_high: tuple[int, int]) -> str:
        return percent_range(*low_high, self.locale)

    def measure(self, inner_width: float) -> float:
        middle = [sum(self.portal) / 2, sum(self.artery) / 2]
        whole = inner_width * 0.2  # thickness of all the blood the liver gets
        self.thickness = [whole * share / sum(middle) for share in middle]
        self.gap = whole * 0.35
        self.note = self.text("tumours", style=self.styles.small, side="left" if not self.rtl else "right")
        note_height = self.note.wrapOn(self.canv, inner_width * 0.9, 1000)[1]
        self.flow_height = sum(self.thickness) + self.gap
        return self.flow_height + self.pad * 1.2 + note_height

    def draw_body(self, top: float) -> None:
        canvas, inner = self.canv, self.width - 2 * self.pad
        liver_width = inner * 0.26
        flow = inner - liver_width * 0.8
        draw_liver(canvas, self.mirror(inner - liver_width, liver_width), top - self.flow_height * 1.08,
                   liver_width, self.flow_height * 1.12)
        y = top
        rows = ((self.portal, VEIN, "portal_vein"), (self.artery, ARTERY, "hepatic_artery"))
        for (share, colour, key), thickness in zip(rows, self.thickness, strict=True):
            self._band(y, thickness, flow, colour)
            figure_width = flow * 0.24
            figure_style = self.styles.small_label.text.with_(
                colour=white, size=min(thickness * 0.5, self.styles.subheading.text.size),
                align=_align("left", self.rtl), language="en")
            figure = TextBlock(self.share(share), BlockStyle(fit_size(self.share(share), figure_style, figure_width)))
            label = self.text(key, colour=white, side="left" if not self.rtl else "right")
            figure_height = figure.wrapOn(canvas, figure_width, 100)[1]
            label_height = label.wrapOn(canvas, flow * 0.62, 100)[1]
            self.place(figure, self.mirror(self.pad * 0.5, figure_width), y - (thickness - figure_height) / 2,
                       figure_width)
            self.place(label, self.mirror(figure_width + self.pad * 0.5, flow * 0.62),
                       y - (thickness - label_height) / 2, flow * 0.62)
            y -= thickness + self.gap
        note_top = top - self.flow_height - self.pad * 0.9
        canvas.setFillColor(ARTERY)
        canvas.circle(self.mirror(3), note_top - self.note.height / 2, 3, stroke=0, fill=1)
        self.place(self.note, self.mirror(self.pad, inner * 0.9), note_top, inner * 0.9)

    def _band(self, top: float, thickness: float, length: float, colour: Color) -> None:
        """A vessel as a broad arrow pointing into the liver (to the right, or left in Urdu)."""
        canvas = self.canv
        head = min(thickness * 0.6, length * 0.1)
        start, tip = self.mirror(0), self.mirror(length)
        direction = 1 if tip > start else -1
        path = canvas.beginPath()
        path.moveTo(start, top)
        path.lineTo(tip - head * direction, top)
        path.lineTo(tip, top - thickness / 2)
        path.lineTo(tip - head * direction, top - thickness)
        path.lineTo(start, top - thickness)
        path.close()
        canvas.setFillColor(colour)
        canvas.drawPath(path, stroke=0, fill=1)


class CancerSpread(Diagram):
    """Bowel → portal vein → liver, the chance in 100, and the other places cancer starts."""

    def __init__(self, labels, styles, palette, locale, percent: int):
        super().__init__(labels, styles, palette, locale)
        self.percent = percent

    def measure(self, inner_width: float) -> float:
        self.node_width = inner_width * 0.27
        self.nodes = [self.text(key, style=self.styles.small_label, side="center", colour=white)
                      for key in ("bowel", "portal_vein", "liver")]
        self.node_height = max(n.wrapOn(self.canv, self.node_width - 8, 1000)[1] for n in self.nodes) + self.pad
        self.dot = inner_width * 0.02
        statistic = str(self.labels["statistic"]).replace("{percent}", number(self.percent, self.locale))
        self.statistic = self.text(statistic, style=self.styles.body, side="left" if not self.rtl else "right")
        self.grid = self.dot * 10 * 1.6
        stat_height = self.statistic.wrapOn(self.canv, inner_width - self.grid - self.pad, 1000)[1]
        self.other = self.text("other_sites", style=self.styles.small_label)
        self.chips = [self.text(site, style=self.styles.small) for site in self.labels["sites"]]
        self.chip_rows = self._flow_chips(inner_width)
        chip_height = max(chip.height for chip in self.chips) + 6
        other_height = self.other.wrapOn(self.canv, inner_width, 100)[1]
        return (self.node_height + self.pad + max(self.grid, stat_height) + self.pad + other_height
                + len(self.chip_rows) * (chip_height + 4))

    def _flow_chips(self, inner_width: float) -> list[list[tuple[TextBlock, float]]]:
        rows: list[list[tuple[TextBlock, float]]] = [[]]
        used = 0.0
        for chip in self.chips:
            chip.wrapOn(self.canv, inner_width, 100)
            width = chip.setting(inner_width).natural_width + 14
            chip.wrapOn(self.canv, width - 12, 100)  # the text inside, 6 pt from each end
            if rows[-1] and used + width > inner_width:
                rows.append([])
                used = 0.0
            rows[-1].append((chip, width))
            used += width + 5
        return rows

    def draw_body(self, top: float) -> None:
        canvas, inner = self.canv, self.width - 2 * self.pad
        gap = (inner - 3 * self.node_width) / 2
        colours = (self.palette.primary_dark, VEIN, LIVER)
        for index, (node, colour) in enumerate(zip(self.nodes, colours, strict=True)):
            x = self.mirror(index * (self.node_width + gap), self.node_width)
            canvas.setFillColor(colour)
            canvas.roundRect(x, top - self.node_height, self.node_width, self.node_height, 5, stroke=0, fill=1)
            height = node.wrapOn(canvas, self.node_width - 8, 1000)[1]
            node.drawOn(canvas, x + 4, top - (self.node_height + height) / 2)
            if index < 2:
                self._arrow(index * (self.node_width + gap) + self.node_width, gap, top - self.node_height / 2)
        y = top - self.node_height - self.pad
        for index in range(100):
            row, column = divmod(index, 10)
            cx = self.mirror(column * self.dot * 1.6 + self.dot * 0.8)
            canvas.setFillColor(self.palette.primary if index < self.percent else white)
            canvas.circle(cx, y - row * self.dot * 1.6 - self.dot * 0.8, self.dot * 0.62, stroke=0, fill=1)
        self.place(self.statistic, self.mirror(self.grid + self.pad, inner - self.grid - self.pad), y,
                   inner - self.grid - self.pad)
        y -= max(self.grid, self.statistic.height) + self.pad
        y -= self.place(self.other, self.pad, y, inner) + 4
        for row in self.chip_rows:
            offset = 0.0
            for chip, width in row:
                x = self.mirror(offset, width)
                chip.wrapOn(canvas, width - 12, 100)
                canvas.setFillColor(white)
                canvas.roundRect(x, y - chip.height - 4, width, chip.height + 4, (chip.height + 4) / 2, stroke=0,
                                 fill=1)
                chip.drawOn(canvas, x + 6, y - chip.height - 2)
                offset += width + 5
            y -= chip.height + 8

    def _arrow(self, start: float, length: float, y: float) -> None:
        canvas = self.canv
        x0, x1 = self.mirror(start + 4), self.mirror(start + length - 4)
        canvas.setStrokeColor(self.palette.primary)
        canvas.setLineWidth(2)
        canvas.line(x0, y, x1, y)
        direction = 1 if x1 > x0 else -1
        canvas.setFillColor(self.palette.primary)
        path = canvas.beginPath()
        path.moveTo(x1 + 2 * direction, y)
        path.lineTo(x1 - 5 * direction, y + 4)
        path.lineTo(x1 - 5 * direction, y - 4)
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)


class TreatmentOptions(Diagram):
    """A card per treatment, in reading order, each with a one-line plain description."""

    KEYS = ("surgery", "ablation", "sirt", "chemotherapy", "radiation", "palliative")
    COLOURS = ("#00677F", "#C05621", "#6A4C93", "#2F5DA8", "#7AB648", "#8E3B33")

    def measure(self, inner_width: float) -> float:
        self.columns = 3 if inner_width > 420 else 2
        self.card_width = (inner_width - (self.columns - 1) * self.pad * 0.6) / self.columns
        self.cards = []
        for key in self.KEYS:
            item = self.labels[key]
            assert isinstance(item, NamedItem)
            self.cards.append((TextBlock(item.name, self.styles.small_label),
                               TextBlock(item.description, self.styles.small)))
        rows = [self.cards[i:i + self.columns] for i in range(0, len(self.cards), self.columns)]
        self.row_heights = [max(name.wrapOn(self.canv, self.card_width - 12, 1000)[1]
                                + text.wrapOn(self.canv, self.card_width - 12, 1000)[1] for name, text in row) + 16
                            for row in rows]
        return sum(self.row_heights) + self.pad * 0.6 * (len(rows) - 1)

    def draw_body(self, top: float) -> None:
        canvas = self.canv
        y = top
        for index, (name, text) in enumerate(self.cards):
            row, column = divmod(index, self.columns)
            if column == 0 and row:
                y -= self.row_heights[row - 1] + self.pad * 0.6
            height = self.row_heights[row]
            x = self.mirror(column * (self.card_width + self.pad * 0.6), self.card_width)
            canvas.setFillColor(white)
            canvas.roundRect(x, y - height, self.card_width, height, 4, stroke=0, fill=1)
            canvas.setFillColor(HexColor(self.COLOURS[index]))
            canvas.rect(x, y - 4, self.card_width, 4, stroke=0, fill=1)
            name_height = self.place(name, x + 6, y - 8, self.card_width - 12)
            self.place(text, x + 6, y - 10 - name_height, self.card_width - 12)


def make_diagram(kind: str, labels: dict[str, DiagramLabel], figures: dict, styles: Styles, palette: Palette,
                 locale: str) -> Diagram:
    """The diagram a content block names, with its figures from leaflet.yaml."""
    if kind == "blood-supply":
        return BloodSupply(labels, styles, palette, locale, portal=figures["portal_vein_blood_percent"],
                           artery=figures["hepatic_artery_blood_percent"])
    if kind == "cancer-spread":
        return CancerSpread(labels, styles, palette, locale, percent=figures["colorectal_to_liver_up_to_percent"])
    return DIAGRAMS[kind](labels, styles, palette, locale)


DIAGRAMS: dict[str, type[Diagram]] = {
    "liver-anatomy": LiverAnatomy,
    "blood-supply": BloodSupply,
    "cancer-spread": CancerSpread,
    "treatment-options": TreatmentOptions,
}
