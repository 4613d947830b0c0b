"""The dashboard's plots, drawn with pyqtgraph from a `core.dashboard.Dashboard`.

Imported only when the dashboard is first built: pyqtgraph and numpy stay out of the
start-up. Each chart keeps the rectangles of what it drew ("hits") in plot coordinates,
so hovering shows the exact figure and clicking asks for the rows behind it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QCursor, QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from core import dashboard
from core.money import fen_to_wan
from core.statistics import Filter, ProblemFigures

from ..i18n import tr

COLOURS = {"assigned": "#1f77b4", "closed": "#2e7d32", "pace": "#ef6c00",
           "laggard": "#c62828", "on_pace": "#43a047", "overdue": "#c62828",
           "due_10": "#ef6c00", "due_20": "#f9a825", "due_later": "#90a4ae",
           "open": "#ef9a9a", "cases": "#1565c0", "daily_fine": "#6a1b9a",
           "seizure": "#ad1457", "restriction": "#ef6c00", "detention": "#5d4037",
           "crime_transfer": "#c62828", "closure": "#546e7a", "fine_fen": "#1565c0",
           "daily_fine_fen": "#6a1b9a"}
BAR = 0.62  # thickness of a bar, in category units


@dataclass(frozen=True)
class Drill:
    """The rows behind one bar or point: problems (by figure, on a date) or penalty
    cases (by figure, decided in a date range)."""

    caption: str
    count: int  # the figure on the plot; the rows shown must number the same
    flt: Filter
    as_of: str
    figure: str
    kind: str = "problems"  # or "penalties"
    first: str = ""  # penalties: decided from ... to as_of


@dataclass(frozen=True)
class Hit:
    """A drawn rectangle (plot coordinates) with its tooltip and drill-down."""

    plot: object
    x0: float
    x1: float
    y0: float
    y1: float
    text: str
    drill: Drill | None
    value: float

    def contains(self, x: float, y: float) -> bool:
        return self.x0 <= x <= self.x1 and self.y0 <= y <= self.y1

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2


def number(value: int | float) -> str:
    return f"{value:,}"


def day_label(day: dt.date) -> str:
    return tr("{month}/{day}").format(month=day.month, day=day.day)


def month_label(month: str, with_year: bool) -> str:
    year, number_ = month.split("-")
    text = tr("{year}/{month}") if with_year else tr("Month {month}")
    return text.format(year=year, month=int(number_))


def plot_font(size: float = 9.0) -> QFont:
    font = QFont(QApplication.font())
    font.setPointSizeF(size)
    return font


class DayAxis(pg.AxisItem):
    """An x axis of day numbers counted from `start`, labelled 8月5日."""

    STEPS = (1, 2, 7, 14, 28, 56, 91, 182, 364)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.start = dt.date.today()

    def tickValues(self, low, high, size):
        span = max(1.0, high - low)
        step = next((s for s in self.STEPS if span / s <= max(2, size / 90)), self.STEPS[-1])
        first = np.ceil(low / step) * step
        return [(step, list(np.arange(first, high + 0.001, step)))]

    def tickStrings(self, values, scale, spacing):
        days = [self.start + dt.timedelta(days=int(round(v))) for v in values]
        if spacing >= 91:  # a series over years: name the year
            return [tr("{year}/{month}/{day}").format(year=d.year, month=d.month, day=d.day)
                    for d in days]
        return [day_label(d) for d in days]


class WholeAxis(pg.AxisItem):
    """A count axis: ticks on whole numbers only (an empty ledger shows no 0.2 problems)."""

    def tickValues(self, low, high, size):
        levels = [(spacing, [v for v in values if abs(v - round(v)) < 1e-9])
                  for spacing, values in super().tickValues(low, high, size) if spacing >= 1]
        levels = [(spacing, values) for spacing, values in levels if values]
        if not levels:
            first, last = int(np.ceil(low)), int(np.floor(high))
            levels = [(1.0, [float(v) for v in range(first, max(first, last) + 1)])]
        return levels


class Chart(pg.GraphicsLayoutWidget):
    """A plot widget whose drawn shapes answer hovering and clicking."""

    drilled = Signal(object)  # Drill

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setBackground("w")
        self.setMinimumHeight(300)
        self.hits: list[Hit] = []
        self.plots: list[pg.PlotItem] = []
        self.legends: dict[int, pg.LegendItem] = {}
        self._series: dict[tuple[int, str], pg.BarGraphItem] = {}
        self.scene().sigMouseMoved.connect(self._hover)
        self.scene().sigMouseClicked.connect(self._click)

    def title(self) -> str:
        raise NotImplementedError

    def inputs(self, board: dashboard.Dashboard) -> tuple:
        """What the drawing depends on: an equal tuple draws the same plot again."""
        return (board.as_of, board.flt, board.campaign)

    def update_board(self, board: dashboard.Dashboard, scope: str) -> bool:
        """Draw `board` unless it would draw the same; True when it drew."""
        inputs = (scope, self.inputs(board))
        if inputs == getattr(self, "_drawn_inputs", None):
            return False
        self.show_board(board, scope)
        self._drawn_inputs = inputs
        return True

    def forget_drawn(self) -> None:
        """Draw the next board even if it equals the one shown."""
        self._drawn_inputs = None

    def add_plot(self, title: str, left: str, bottom: str, column: int = 0,
                 axis_items: dict | None = None, counts: str | None = None) -> pg.PlotItem:
        """A plot; `counts` names the axis ("left" or "bottom") that counts, in whole numbers."""
        axis_items = dict(axis_items or {})
        if counts and counts not in axis_items:
            axis_items[counts] = WholeAxis(orientation=counts)
        plot = self.addPlot(row=0, col=column, axisItems=axis_items)
        plot.setTitle(title, size="11pt", bold=True, color="#222")
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        for name, text in (("left", left), ("bottom", bottom)):
            axis = plot.getAxis(name)
            axis.setStyle(tickFont=plot_font(8.5))
            axis.setTextPen("#333")
            axis.enableAutoSIPrefix(False)
            axis.setLabel(text, color="#333", **{"font-size": "9pt"})
        plot.showGrid(x=True, y=True, alpha=0.15)
        self.plots.append(plot)
        return plot

    def legend(self, plot: pg.PlotItem, columns: int = 1) -> pg.LegendItem:
        """The legend under `plot` (in the layout, so it never hides a bar)."""
        legend = self.legends.get(id(plot))
        if legend is None:
            legend = pg.LegendItem(colCount=columns, labelTextSize="9pt",
                                   labelTextColor="#333", frame=False)
            self.ci.addItem(legend, row=1, col=self.plots.index(plot))
            self.legends[id(plot)] = legend
        return legend

    # -- hovering and clicking
    def view_point(self, scene_pos: QPointF) -> tuple[object, float, float] | None:
        for plot in self.plots:
            if plot.vb.sceneBoundingRect().contains(scene_pos):
                point = plot.vb.mapSceneToView(scene_pos)
                return plot, point.x(), point.y()
        return None

    def hit_at(self, scene_pos: QPointF) -> Hit | None:
        found = self.view_point(scene_pos)
        if found is None:
            return None
        plot, x, y = found
        return next((h for h in self.hits if h.plot is plot and h.contains(x, y)), None)

    def scene_point(self, hit: Hit) -> QPointF:
        """Where `hit` is drawn, in scene coordinates (for tests and keyboard use)."""
        x, y = hit.centre
        return hit.plot.vb.mapViewToScene(QPointF(x, y))

    def _hover(self, scene_pos: QPointF) -> None:
        hit = self.hit_at(scene_pos)
        if hit is None:
            QToolTip.hideText()
            return
        QToolTip.showText(QCursor.pos(), hit.text, self)

    def _click(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        hit = self.hit_at(event.scenePos())
        if hit is not None and hit.drill is not None:
            event.accept()
            self.drilled.emit(hit.drill)

    # -- drawing helpers: series are made once and given new data on each refresh
    def series(self, plot: pg.PlotItem, key: str, colour: str, label: str | None = None,
               horizontal: bool = True, width: float = BAR) -> pg.BarGraphItem:
        """The bar series `key` of `plot`, made (and put in the legend) on first use."""
        found = self._series.get((id(plot), key))
        if found is None:
            empty = np.zeros(0)
            shape = (dict(x0=empty, y=empty, height=BAR, width=empty) if horizontal
                     else dict(x=empty, height=empty, width=width))
            found = pg.BarGraphItem(brush=pg.mkBrush(colour), pen=pg.mkPen(None), **shape)
            plot.addItem(found)
            if label:
                self.legend(plot).addItem(found, label)
            self._series[(id(plot), key)] = found
        return found

    def hbars(self, plot: pg.PlotItem, key: str, left: list[float], widths: list[float]) -> None:
        """Give the horizontal series `key` its bars, the first at the top."""
        n = len(widths)
        self._series[(id(plot), key)].setOpts(
            x0=np.array(left, dtype=float), y=np.arange(n - 1, -1, -1, dtype=float),
            height=BAR, width=np.array(widths, dtype=float))

    def vbars(self, plot: pg.PlotItem, key: str, x, heights: list[float]) -> None:
        self._series[(id(plot), key)].setOpts(x=np.asarray(x, dtype=float),
                                               height=np.array(heights, dtype=float))

    def name_ticks(self, plot: pg.PlotItem, names: list[str], room: int = 110) -> None:
        """Names on the left axis, each cut to `room` pixels (its bar's tooltip has it all)."""
        n = len(names)
        axis = plot.getAxis("left")
        metrics = QFontMetrics(plot_font(8.5))
        shown = [metrics.elidedText(name, Qt.TextElideMode.ElideRight, room) for name in names]
        axis.setTicks([[(n - 1 - i, name) for i, name in enumerate(shown)]])
        # pyqtgraph drops a tick label wider than its axis: make room for the longest name.
        widest = max((metrics.horizontalAdvance(name) for name in shown), default=0)
        axis.setWidth(widest + 16 + (22 if axis.label.isVisible() else 0))
        plot.setYRange(-0.7, max(n, 1) - 0.3, padding=0)

    def reset(self) -> None:
        """Forget the hits of the last drawing (the series stay and get new data)."""
        self.hits = []


def drill_caption(flt_caption: str, what: str, count: int) -> str:
    return tr("{scope}{what}: {count} problem(s)").format(scope=flt_caption, what=what,
                                                          count=number(count))


class ProgressChart(Chart):
    """Cumulative assigned and closed per day, with the campaign's pace line."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.axis = DayAxis(orientation="bottom")
        self.plot = self.add_plot(tr("Rectification progress (cumulative)"),
                                  tr("Problems (count)"), tr("Date"), axis_items={"bottom": self.axis},
                                  counts="left")
        self.plot.setMouseEnabled(x=True, y=False)
        legend = self.legend(self.plot, columns=3)
        self.curves = {}
        for key, text, style in (("assigned", tr("Assigned (cumulative)"), Qt.PenStyle.SolidLine),
                                 ("closed", tr("Closed (cumulative)"), Qt.PenStyle.SolidLine),
                                 ("pace", tr("Pace to zero by the end"),
                                  Qt.PenStyle.DashLine)):
            curve = self.plot.plot([], [], name=text,
                                   pen=pg.mkPen(COLOURS[key], width=2.2, style=style))
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
            legend.addItem(curve, text)
            self.curves[key] = curve
        self.board: dashboard.Dashboard | None = None
        self.scope = ""

    def title(self) -> str:
        return tr("Rectification progress (cumulative)")

    def inputs(self, board: dashboard.Dashboard) -> tuple:
        return super().inputs(board) + (board.series, board.pace)

    def show_board(self, board: dashboard.Dashboard, scope: str) -> None:
        self.board, self.scope = board, scope
        series = board.series
        if not series:
            for curve in self.curves.values():
                curve.setData([], [])
            return
        self.axis.start = dt.date.fromisoformat(series[0][0])
        x = np.arange(len(series), dtype=float)
        self.curves["assigned"].setData(x, np.array([s[1] for s in series], dtype=float))
        self.curves["closed"].setData(x, np.array([s[2] for s in series], dtype=float))
        pace = board.pace
        self.curves["pace"].setData(np.arange(len(pace), dtype=float),
                                    np.array([p[1] for p in pace], dtype=float))
        self.plot.setXRange(0, max(len(series), len(pace)) - 1 or 1, padding=0.02)
        top = max([s[1] for s in series] + [p[1] for p in pace] + [1])
        self.plot.setYRange(0, top * 1.22, padding=0)

    def point(self, day_index: int, figure: str) -> tuple[float, float]:
        """The plotted point of `figure` (assigned, closed) on the day `day_index`."""
        return float(day_index), float(self.board.series[day_index][
            1 if figure == "assigned" else 2])

    def hit_at(self, scene_pos: QPointF) -> Hit | None:
        found = self.view_point(scene_pos)
        if found is None or self.board is None or not self.board.series:
            return None
        _, x, y = found
        series = self.board.series
        index = int(round(x))
        if not 0 <= index < len(series):
            return None
        day, assigned, closed = series[index]
        pace = dict(self.board.pace).get(day)
        date = dt.date.fromisoformat(day)
        lines = [day_label(date),
                 tr("Assigned (cumulative): {n}").format(n=number(assigned)),
                 tr("Closed (cumulative): {n}").format(n=number(closed))]
        if pace is not None:
            lines.append(tr("Pace needs: {n}").format(n=number(round(pace))))
        figure, count = (("assigned", assigned) if abs(y - assigned) < abs(y - closed)
                          else ("closed", closed))
        what = tr("assigned by {day}") if figure == "assigned" else tr("closed by {day}")
        drill = Drill(drill_caption(self.scope, what.format(day=day_label(date)), count),
                      count, self.board.flt, day, figure)
        return Hit(self.plot, index - 0.5, index + 0.5, -1e18, 1e18, "\n".join(lines),
                   drill, count)


class RateChart(Chart):
    """Zero-clearance rate by county, sorted, with the target rate and laggards in red."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plot = self.add_plot(self.title(), "", tr("Zero-clearance rate (%)"))
        self.plot.setXRange(0, 108, padding=0)
        self.legend(self.plot, columns=3)
        self.series(self.plot, "on_pace", COLOURS["on_pace"], tr("At or above target"))
        self.series(self.plot, "laggard", COLOURS["laggard"], tr("Below target"))
        pen = pg.mkPen(COLOURS["pace"], width=2, style=Qt.PenStyle.DashLine)
        self.target = pg.InfiniteLine(angle=90, movable=False, pen=pen)
        self.plot.addItem(self.target)
        self.target_sample = pg.PlotDataItem(pen=pen)
        self.legend(self.plot).addItem(self.target_sample, tr("Target"))
        self.labels: list[pg.TextItem] = []

    def title(self) -> str:
        return tr("Zero-clearance rate by county")

    def inputs(self, board: dashboard.Dashboard) -> tuple:
        return super().inputs(board) + (board.regions, board.target_rate)

    def show_board(self, board: dashboard.Dashboard, scope: str) -> None:
        self.reset()
        rated = sorted((p for p in board.regions if p.assigned),
                       key=lambda p: (-p.clearance_rate, p.key or ""))
        lagging = {p.key for p in board.laggards()}
        rates = [float(p.clearance_rate) for p in rated]
        for key, wanted in (("on_pace", False), ("laggard", True)):
            self.hbars(self.plot, key, [0.0] * len(rated),
                       [r if (p.key in lagging) == wanted else 0.0 for p, r in zip(rated, rates)])
        self.name_ticks(self.plot, [p.name for p in rated])
        self._rate_labels(rated)
        for i, p in enumerate(rated):
            y = len(rated) - 1 - i
            text = tr("{county}: rate {rate}% ({closed} closed of {assigned} assigned)").format(
                county=p.name, rate=p.clearance_rate, closed=number(p.closed),
                assigned=number(p.assigned))
            drill = Drill(drill_caption(f"{scope}{p.name} ", tr("assigned"), p.assigned),
                          p.assigned, _narrow(board.flt, region_code=p.key), board.as_of,
                          "assigned")
            self.hits.append(Hit(self.plot, 0, rates[i], y - BAR / 2, y + BAR / 2, text, drill,
                                 rates[i]))
        target = board.target_rate
        self.target.setVisible(target is not None)
        if target is not None:
            self.target.setPos(float(target))
            caption = (tr("Target to date {rate}%") if board.target_kind == "pace"
                       else tr("Average {rate}%")).format(rate=target)
            self.legend(self.plot).getLabel(self.target_sample).setText(caption)

    def _rate_labels(self, rated: list[ProblemFigures]) -> None:
        while len(self.labels) < len(rated):
            label = pg.TextItem("", color="#333", anchor=(0, 0.5))
            label.setFont(plot_font(8))
            self.plot.addItem(label)
            self.labels.append(label)
        for i, label in enumerate(self.labels):
            label.setVisible(i < len(rated))
            if i < len(rated):
                label.setText(f"{rated[i].clearance_rate}%")
                label.setPos(float(rated[i].clearance_rate) + 0.5, len(rated) - 1 - i)


def _narrow(flt: Filter, **changes) -> Filter:
    from dataclasses import replace
    return replace(flt, **changes)


def bucket_labels() -> tuple[tuple[str, str], ...]:
    """(figure, label) of the deadline buckets, in stacking order."""
    return (("overdue", tr("Overdue")), ("due_10", tr("Due in 10 days or less")),
            ("due_20", tr("Due in 11–20 days")), ("due_later", tr("Due in more than 20 days")))


class DeadlineChart(Chart):
    """Open problems by county, stacked by days left to the deadline."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plot = self.add_plot(self.title(), "", tr("Open problems (count)"),
                                  counts="bottom")
        self.legend(self.plot, columns=2)  # four English labels do not fit beside each other
        for figure, label in bucket_labels():
            self.series(self.plot, figure, COLOURS[figure], label)

    def title(self) -> str:
        return tr("Deadline pressure by county")

    def inputs(self, board: dashboard.Dashboard) -> tuple:
        return super().inputs(board) + (board.regions,)

    def show_board(self, board: dashboard.Dashboard, scope: str) -> None:
        self.reset()
        regions = sorted((p for p in board.regions if p.open),
                         key=lambda p: (-p.overdue, -p.due_10, p.key or ""))
        left = [0.0] * len(regions)
        for figure, label in bucket_labels():
            values = [float(getattr(p, figure)) for p in regions]
            self.hbars(self.plot, figure, left, values)
            for i, p in enumerate(regions):
                count = getattr(p, figure)
                if count:
                    y = len(regions) - 1 - i
                    text = tr("{county}: {what} {n}").format(county=p.name, what=label,
                                                             n=number(count))
                    drill = Drill(drill_caption(f"{scope}{p.name} ", label, count), count,
                                  _narrow(board.flt, region_code=p.key), board.as_of, figure)
                    self.hits.append(Hit(self.plot, left[i], left[i] + count, y - BAR / 2,
                                         y + BAR / 2, text, drill, count))
            left = [a + b for a, b in zip(left, values)]
        self.name_ticks(self.plot, [p.name for p in regions])
        self.plot.setXRange(0, max(left + [1]) * 1.05, padding=0)


class GroupsChart(Chart):
    """Problems by category and by source: closed and still open."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.by_category = self.add_plot(tr("Problems by category"), "", tr("Problems (count)"), 0,
                                        counts="bottom")
        self.by_source = self.add_plot(tr("Problems by source"), "", tr("Problems (count)"), 1,
                                      counts="bottom")
        for plot in (self.by_category, self.by_source):
            self.legend(plot, columns=2)
            self.series(plot, "closed", COLOURS["closed"], tr("Closed"))
            self.series(plot, "open", COLOURS["open"], tr("Not closed"))

    def title(self) -> str:
        return tr("Problems by category and by source")

    def inputs(self, board: dashboard.Dashboard) -> tuple:
        return super().inputs(board) + (board.categories, board.sources)

    def show_board(self, board: dashboard.Dashboard, scope: str) -> None:
        self.reset()
        for plot, rows, group in ((self.by_category, board.categories, "category"),
                                  (self.by_source, board.sources, "source")):
            self._draw(plot, board, scope, sorted(rows, key=lambda p: -p.assigned), group)

    def _draw(self, plot, board, scope: str, rows: list[ProblemFigures], group: str) -> None:
        names = [p.name or p.key or "" for p in rows]  # the ledger's own labels
        left = [0.0] * len(rows)
        for figure, text in (("closed", tr("Closed")), ("open", tr("Not closed"))):
            values = [float(getattr(p, figure)) for p in rows]
            self.hbars(plot, figure, left, values)
            for i, p in enumerate(rows):
                count = getattr(p, figure)
                y = len(rows) - 1 - i
                tip = tr("{name}: {what} {n} of {assigned} assigned").format(
                    name=names[i], what=text, n=number(count), assigned=number(p.assigned))
                drill = Drill(drill_caption(f"{scope}{names[i]} ", text, count), count,
                              _narrow(board.flt, **{group: p.key}), board.as_of, figure)
                if count:
                    self.hits.append(Hit(plot, left[i], left[i] + count, y - BAR / 2,
                                         y + BAR / 2, tip, drill, count))
            left = [a + b for a, b in zip(left, values)]
        self.name_ticks(plot, names, room=84)  # two plots share the half-page
        plot.setXRange(0, max(left + [1]) * 1.12, padding=0)


def case_labels() -> tuple[tuple[str, str], ...]:
    """(measure, label) of the penalty bars: all cases, then each special measure."""
    return (("cases", tr("All cases")), ("daily_fine", tr("Daily continuous fines")),
            ("seizure", tr("Seizure and detention")),
            ("restriction", tr("Production restricted or stopped")),
            ("detention", tr("Transferred for detention")),
            ("crime_transfer", tr("Transferred as crimes")), ("closure", tr("Closed and banned")))


class PenaltyChart(Chart):
    """Penalty cases per month, with each special measure beside them."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plot = self.add_plot(self.title(), tr("Cases (count)"), tr("Month decided"),
                                  counts="left")
        self.legend(self.plot, columns=3)  # four English labels do not fit beside each other
        self.width = 0.8 / len(case_labels())
        for figure, label in case_labels():
            self.series(self.plot, figure, COLOURS[figure], label, horizontal=False,
                        width=self.width * 0.92)

    def title(self) -> str:
        return tr("Penalty cases and special measures per month")

    def inputs(self, board: dashboard.Dashboard) -> tuple:
        return super().inputs(board) + (board.months, tuple(board.penalty_clocks.items()))

    def show_board(self, board: dashboard.Dashboard, scope: str) -> None:
        self.reset()
        clocks = board.penalty_clocks
        self.plot.setTitle(
            f"{self.title()}<br><span style='color:#c62828'>"
            f"{tr('Clocks overdue: {n}').format(n=clocks.get('overdue', 0))}</span>　"
            f"<span style='color:#e65100'>"
            f"{tr('due this week: {n}').format(n=clocks.get('this_week', 0))}</span>",
            size="11pt", bold=True, color="#222")
        months, width = board.months, self.width
        top = 1
        for k, (figure, label) in enumerate(case_labels()):
            x = np.arange(len(months), dtype=float) - 0.4 + width * (k + 0.5)
            heights = [getattr(m.figures, figure) for m in months]
            top = max([top] + heights)
            self.vbars(self.plot, figure, x, heights)
            for i, month in enumerate(months):
                count = heights[i]
                if not count:
                    continue
                when = month_label(month.month, True)
                text = tr("{month}: {what} {n}").format(month=when, what=label, n=number(count))
                drill = Drill(tr("{scope}{month} {what}: {count} case(s)").format(
                    scope=scope, month=when, what=label, count=number(count)), count,
                    board.flt, month.last, figure, "penalties", month.first)
                self.hits.append(Hit(self.plot, x[i] - width / 2, x[i] + width / 2, 0, count,
                                     text, drill, count))
        _month_ticks(self.plot, months)
        self.plot.setYRange(0, top * 1.1, padding=0)


def _month_ticks(plot, months: list[dashboard.Month]) -> None:
    years = {m.month[:4] for m in months}
    plot.getAxis("bottom").setTicks([[(i, month_label(m.month, len(years) > 1))
                                      for i, m in enumerate(months)]])
    plot.setXRange(-0.6, max(len(months), 1) - 0.4, padding=0)


class FinesChart(Chart):
    """Fines and daily continuous fines per month, in 万元."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plot = self.add_plot(self.title(), tr("Amount (10,000 yuan)"), tr("Month decided"))
        self.legend(self.plot, columns=2)
        for key, label in self._kinds():
            self.series(self.plot, key, COLOURS[key], label, horizontal=False, width=0.36)

    @staticmethod
    def _kinds() -> tuple[tuple[str, str], ...]:
        return (("fine_fen", tr("Fines")), ("daily_fine_fen", tr("Daily continuous fines")))

    def title(self) -> str:
        return tr("Fines per month (10,000 yuan)")

    def inputs(self, board: dashboard.Dashboard) -> tuple:
        return super().inputs(board) + (board.months,)

    def show_board(self, board: dashboard.Dashboard, scope: str) -> None:
        self.reset()
        months = board.months
        top = 1.0
        for k, (key, label) in enumerate(self._kinds()):
            x = np.arange(len(months), dtype=float) - 0.2 + 0.4 * k
            amounts = [fen_to_wan(getattr(m.figures, key)) for m in months]
            top = max([top] + [float(a) for a in amounts])
            self.vbars(self.plot, key, x, [float(a) for a in amounts])
            figure = "cases" if k == 0 else "daily_fine"
            for i, month in enumerate(months):
                cases = getattr(month.figures, figure)
                if not amounts[i]:
                    continue
                when = month_label(month.month, True)
                text = tr("{month}: {what} {amount} (10,000 yuan), {n} case(s)").format(
                    month=when, what=label, amount=amounts[i], n=number(cases))
                drill = Drill(tr("{scope}{month} {what}: {count} case(s)").format(
                    scope=scope, month=when, what=label, count=number(cases)), cases,
                    board.flt, month.last, figure, "penalties", month.first)
                self.hits.append(Hit(self.plot, x[i] - 0.18, x[i] + 0.18, 0, float(amounts[i]),
                                     text, drill, float(amounts[i])))
        _month_ticks(self.plot, months)
        self.plot.setYRange(0, top * 1.1, padding=0)


CHARTS = (ProgressChart, RateChart, DeadlineChart, GroupsChart, PenaltyChart, FinesChart)
