"""A diagram's card: a tinted, rounded box with the title, and its panels stacked below it.

Every label is set by the text engine. Where direction carries meaning (a flow, a reading
order) panels mirror their arrangement for right-to-left languages through `mirror`.
"""

from __future__ import annotations

from reportlab.lib.colors import Color, HexColor
from reportlab.platypus import Flowable

from leaflet.content.diagrams import DiagramSpec
from leaflet.content.diagrams import Panel as PanelSpec
from leaflet.content.model import DiagramLabel
from leaflet.layout.geometry import from_start
from leaflet.layout.styles import Palette, Styles
from leaflet.layout.tagging import Tag, figure
from leaflet.layout.textblock import BlockStyle, TextBlock


def align_for(side: str, rtl: bool) -> str:
    """The text alignment that puts text on the given visual side ('left', 'right' or 'center')."""
    if side == "center":
        return "center"
    return "start" if (side == "left") != rtl else "end"


class Panel:
    """One part of a card, drawing its `spec` from leaflet.yaml; `measure` sizes it for a width,
    `draw` draws it below `top`."""

    def __init__(self, spec: PanelSpec, card: DiagramCard) -> None:
        self.spec = spec
        self.card = card

    def measure(self, width: float) -> float:
        raise NotImplementedError

    def draw(self, top: float) -> None:
        raise NotImplementedError


class DiagramCard(Flowable):
    def __init__(self, spec: DiagramSpec, labels: dict[str, DiagramLabel], styles: Styles, palette: Palette,
                 locale: str, font_name: str, panel_types: dict[type, type[Panel]]) -> None:
        super().__init__()
        self.labels = labels
        self.styles = styles
        self.palette = palette
        self.locale = locale
        self.font_name = font_name  # an embedded font for drawings' initial state (they draw no text)
        self.rtl = TextBlock("", styles.body).rtl
        self.pad = styles.body.text.size * 0.9
        self.spaceBefore = styles.body.space_after * 0.6
        self.spaceAfter = styles.body.space_after * 1.2
        self.title = TextBlock(str(labels["title"]), styles.subheading)
        label_size = max(styles.body.text.size * 0.85, styles.small_label.text.size)
        self.label_style = BlockStyle(styles.small_label.text.with_(size=label_size))
        self.panels = [panel_types[type(panel)](panel, self) for panel in spec.panels]

    @property
    def inner_width(self) -> float:
        return self.width - 2 * self.pad

    def colour(self, name: str) -> Color:
        """A colour from leaflet.yaml: #RRGGBB, or the name of a brand colour."""
        return getattr(self.palette, name) if not name.startswith("#") else HexColor(name)

    def text(self, key_or_text: str, style: BlockStyle | None = None, side: str | None = None,
             colour: Color | None = None) -> TextBlock:
        """A label by its key (or a text as given), in `style`, aligned to a visual side."""
        text = str(self.labels.get(key_or_text, key_or_text))
        style = style or self.label_style
        changes: dict[str, object] = {}
        if side:
            changes["align"] = align_for(side, self.rtl)
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
        return self.pad + from_start(x, width, self.inner_width, self.rtl)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.title_height = self.title.wrapOn(self.canv, self.inner_width, avail_height)[1]
        self.panel_heights = [panel.measure(self.inner_width) for panel in self.panels]
        body = sum(self.panel_heights) + self.pad * (len(self.panels) - 1)
        self.height = self.pad * 2.2 + self.title_height + body
        return self.width, self.height

    def draw(self) -> None:
        """The card as one figure, described by its title and labels in reading order."""
        canvas = self.canv
        with figure(canvas, Tag("Figure")):
            canvas.setFillColor(self.palette.tint)
            canvas.roundRect(0, 0, self.width, self.height, self.pad * 0.6, stroke=0, fill=1)
            self.title.drawOn(canvas, self.pad, self.height - self.pad - self.title_height)
            top = self.height - self.pad * 1.6 - self.title_height
            for panel, height in zip(self.panels, self.panel_heights, strict=True):
                panel.draw(top)
                top -= height + self.pad
