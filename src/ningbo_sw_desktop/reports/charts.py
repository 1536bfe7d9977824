"""Charts for the statistics report, drawn as vectors by reportlab.graphics in the CJK font.

Vectors print sharp at any size and need no image library on the office PC.
"""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from .fonts import font_name

PALETTE = [colors.HexColor(c) for c in ("#2f6db5", "#e0913a", "#4f9d69", "#b84a4a", "#7a5ca8")]
INK = colors.HexColor("#1f2a44")
GRID = colors.HexColor("#d5dae3")


def _value_axis(axis, values: list[float]) -> None:
    """A zero-based axis with whole-number steps that fit the largest value."""
    top = max([0, *values])
    step = max(1, _nice_step(top / 5 if top else 1))
    axis.valueMin = 0
    axis.valueMax = step * max(1, -(-top // step))
    axis.valueStep = step
    axis.labels.fontName = font_name()
    axis.labels.fontSize = 7.5
    axis.gridStrokeColor = GRID
    axis.gridStrokeWidth = 0.4
    axis.visibleGrid = True
    axis.strokeColor = INK


def _nice_step(raw: float) -> int:
    """1, 2, 5 times a power of ten, at least ``raw``."""
    power = 1
    while True:
        for factor in (1, 2, 5):
            if factor * power >= raw:
                return factor * power
        power *= 10


def _category_axis(axis, names: list[str], *, angle: int = 0) -> None:
    axis.categoryNames = names
    axis.labels.fontName = font_name()
    axis.labels.fontSize = 7.5
    axis.strokeColor = INK
    if angle:
        axis.labels.angle = angle
        axis.labels.boxAnchor = "ne"
        axis.labels.dx, axis.labels.dy = 2, -2


def _title(drawing: Drawing, title: str) -> None:
    drawing.add(String(0, drawing.height - 10, title, fontName=font_name(), fontSize=9, fillColor=INK))


def stacked_hbars(names: list[str], series: list[tuple[str, list[int]]], width: float, height: float,
                  title: str = "") -> Drawing:
    """Horizontal stacked bars: long category names (service domains) stay readable on the left."""
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    label_w = max((stringWidth(n, font_name(), 7.5) for n in names), default=30) + 10
    chart.x, chart.y = min(label_w, width * 0.45), 16
    chart.width, chart.height = width - chart.x - 10, height - chart.y - (34 if title else 18)
    chart.data = [values for _, values in series]
    chart.categoryAxis.style = "stacked"
    _category_axis(chart.categoryAxis, names)
    chart.categoryAxis.reverseDirection = True
    _value_axis(chart.valueAxis, [sum(col) for col in zip(*chart.data, strict=True)] if chart.data else [])
    chart.barSpacing, chart.groupSpacing = 0, 4
    for i in range(len(series)):
        chart.bars[i].fillColor = PALETTE[i % len(PALETTE)]
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    drawing.add(_legend([(name, PALETTE[i]) for i, (name, _) in enumerate(series)], width - 10,
                        height - (16 if title else 0)))
    if title:
        _title(drawing, title)
    return drawing


def bars(names: list[str], values: list[int], width: float, height: float, title: str = "") -> Drawing:
    """Vertical bars with the count printed on each bar."""
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 30, 18
    chart.width, chart.height = width - chart.x - 8, height - chart.y - (20 if title else 8)
    chart.data = [values]
    _category_axis(chart.categoryAxis, names)
    _value_axis(chart.valueAxis, values)
    chart.bars[0].fillColor = PALETTE[0]
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font_name()
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    drawing.add(chart)
    if title:
        _title(drawing, title)
    return drawing


def line(names: list[str], values: list[int], width: float, height: float, title: str = "") -> Drawing:
    """A line with markers, e.g. visits per month; long series show every n-th label."""
    drawing = Drawing(width, height)
    chart = HorizontalLineChart()
    chart.x, chart.y = 30, 30
    chart.width, chart.height = width - chart.x - 8, height - chart.y - (20 if title else 8)
    chart.data = [values or [0]]
    every = max(1, -(-len(names) // 18))
    shown = [n if i % every == 0 else "" for i, n in enumerate(names)] or [""]
    _category_axis(chart.categoryAxis, shown, angle=30 if len(names) > 8 else 0)
    _value_axis(chart.valueAxis, values)
    chart.lines[0].strokeColor = PALETTE[0]
    chart.lines[0].strokeWidth = 1.5
    from reportlab.graphics.widgets.markers import makeMarker

    chart.lines[0].symbol = makeMarker("FilledCircle", size=3, fillColor=PALETTE[0])
    chart.joinedLines = 1
    drawing.add(chart)
    if title:
        _title(drawing, title)
    return drawing


def _legend(items: list[tuple[str, colors.Color]], x: float, y: float) -> Legend:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 70
    legend.fontName = font_name()
    legend.fontSize = 7.5
    legend.boxAnchor = "ne"
    legend.colorNamePairs = [(color, name) for name, color in items]
    legend.dx = legend.dy = 7
    return legend
