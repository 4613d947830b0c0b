"""The Air page's plots, drawn with pyqtgraph from a `core.air.board.Board`.

They share the dashboard's `Chart` (hits kept in plot coordinates: hovering shows the exact
figure, clicking emits what lies behind it): a `Drill` of the dashboard opens the Problems or
Penalty cases page; a `Rows` asks the page for the daily values behind a month or a day; a
`UnitPick` chooses the unit the other plots show.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt

from core import messages
from core.air import aqi, board as air_board, enforcement
from core.statistics import Filter

from ..dashboard.charts import BAR, Chart, Drill, Hit, number, plot_font
from ..i18n import tr

NOW, BEFORE, TARGET = "#1565c0", "#9e9e9e", "#ef6c00"
BOTTOM, RANKED = "#c62828", "#43a047"
CATEGORY_COLOURS = {"loose_coal": "#5d4037", "dust": "#f9a825", "waste_gas": "#6a1b9a",
                    "scattered_polluting": "#00838f", "monitoring_fraud": "#ad1457",
                    "other": "#90a4ae"}
CASES = "#1565c0"


@dataclass(frozen=True)
class Rows:
    """Daily values behind a figure: a unit's days in a range, or its stations on a day."""

    caption: str
    unit: str
    first: str
    last: str
    stations: bool = False


@dataclass(frozen=True)
class UnitPick:
    unit: str


class AirChart(Chart):
    """A chart drawn from every new board (the board is new after any change)."""

    def inputs(self, board) -> tuple:
        return (id(board),)


def month_name(month: str) -> str:
    year, number_ = month.split("-")
    return tr("{year}/{month}").format(year=year, month=int(number_))


def level_name(level: int | None) -> str:
    return tr("no valid AQI") if level is None else messages.text(aqi.LEVELS[level - 1][2])


class CumulativeChart(AirChart):
    """The period's PM2.5 mean from its first day to the end of each month, against the same
    period a year before and the path the target sets."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plot = self.add_plot(self.title(), tr("PM2.5 (µg/m³)"), tr("Month"))
        legend = self.legend(self.plot, columns=3)
        self.curves = {}
        for key, text, colour, style in (
                ("now", tr("This period (cumulative mean)"), NOW, Qt.PenStyle.SolidLine),
                ("before", tr("Same period a year before"), BEFORE, Qt.PenStyle.SolidLine),
                ("target", tr("Target path"), TARGET, Qt.PenStyle.DashLine)):
            curve = self.plot.plot([], [], pen=pg.mkPen(colour, width=2.4, style=style),
                                   symbol="o", symbolSize=7, symbolBrush=colour,
                                   symbolPen=None)
            legend.addItem(curve, text)
            self.curves[key] = curve
        self.board: air_board.Board | None = None

    def title(self) -> str:
        return tr("Cumulative PM2.5 against the target path")

    def show_board(self, board: air_board.Board, scope: str) -> None:
        self.board = board
        months = board.months
        x = np.arange(len(months), dtype=float)
        for key in ("now", "before", "target"):
            values = [getattr(m, key) for m in months]
            keep = [i for i, v in enumerate(values) if v is not None]
            self.curves[key].setData(x[keep], np.array([values[i] for i in keep], dtype=float))
        self.plot.getAxis("bottom").setTicks([[(i, month_name(m.month))
                                               for i, m in enumerate(months)]])
        self.plot.setXRange(-0.4, max(len(months), 1) - 0.6, padding=0)
        top = max([v for m in months for v in (m.now, m.before, m.target) if v] + [10])
        self.plot.setYRange(0, top * 1.15, padding=0)
        self.plot.setTitle(f"{board.unit_name} · {self.title()}", size="11pt", bold=True,
                           color="#222")

    def hit_at(self, scene_pos: QPointF) -> Hit | None:
        found = self.view_point(scene_pos)
        if found is None or self.board is None or not self.board.months:
            return None
        index = int(round(found[1]))
        if not 0 <= index < len(self.board.months):
            return None
        month = self.board.months[index]
        lines = [month_name(month.month)]
        for key, text in (("now", tr("Cumulative mean: {v} µg/m³")),
                          ("before", tr("A year before: {v} µg/m³")),
                          ("target", tr("Target path: {v} µg/m³"))):
            value = getattr(month, key)
            if value is not None:
                lines.append(text.format(v=f"{value:g}"))
        rows = Rows(tr("{unit}: daily values {first} to {last}").format(
            unit=self.board.unit_name, first=month.first, last=month.last),
            self.board.unit, month.first, month.last)
        return Hit(self.plot, index - 0.5, index + 0.5, -1e18, 1e18, "\n".join(lines), rows,
                   month.now or 0)


class CalendarChart(AirChart):
    """A calendar of daily AQI levels (after openair's calendarPlot): a block per month,
    a column per weekday, a row per week, each day coloured by its level."""

    PER_ROW = 6

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plot = self.add_plot(self.title(), "", "")
        self.plot.hideAxis("left")
        self.plot.getViewBox().invertY(True)
        self.plot.showGrid(x=False, y=False)
        legend = self.legend(self.plot, columns=7)
        self.levels = {}
        for level in (1, 2, 3, 4, 5, 6, None):
            item = pg.BarGraphItem(x0=np.zeros(0), y0=np.zeros(0), width=np.zeros(0),
                                   height=np.zeros(0), brush=pg.mkBrush(aqi.colour_of(level)),
                                   pen=pg.mkPen("#ffffff", width=1))
            self.plot.addItem(item)
            legend.addItem(item, level_name(level))
            self.levels[level] = item
        self.labels: list[pg.TextItem] = []
        self.titles: list[pg.TextItem] = []
        self.cells: dict[tuple[int, int], air_board.Day] = {}
        self.board: air_board.Board | None = None

    def title(self) -> str:
        return tr("Daily AQI levels")

    def _place(self, day: dt.date, months: list[tuple[int, int]]) -> tuple[float, float]:
        block = months.index((day.year, day.month))
        first = day.replace(day=1)
        week = (day.day + first.weekday() - 1) // 7
        x = (block % self.PER_ROW) * 8 + day.weekday()
        y = (block // self.PER_ROW) * 8 + week + 1
        return float(x), float(y)

    def show_board(self, board: air_board.Board, scope: str) -> None:
        self.board = board
        self.reset()
        period_months = sorted({(int(d.day[:4]), int(d.day[5:7])) for d in board.days}
                               | {(int(m.month[:4]), int(m.month[5:7])) for m in board.months})
        placed: dict[int | None, list[tuple[float, float]]] = {k: [] for k in self.levels}
        self.cells = {}
        texts = []
        for item in board.days:
            day = dt.date.fromisoformat(item.day)
            x, y = self._place(day, period_months)
            placed[item.level].append((x, y))
            self.cells[(int(x), int(y))] = item
            texts.append((x, y, str(day.day), item.level))
        for level, spots in placed.items():
            xs = np.array([s[0] for s in spots], dtype=float)
            ys = np.array([s[1] for s in spots], dtype=float)
            self.levels[level].setOpts(x0=xs - 0.5, y0=ys - 0.5, width=np.full(len(xs), 1.0),
                                       height=np.full(len(xs), 1.0))
        self._texts(texts)
        self._month_titles(period_months)
        rows = (len(period_months) - 1) // self.PER_ROW + 1
        columns = min(len(period_months), self.PER_ROW)
        self.plot.setXRange(-0.7, columns * 8 - 1.3, padding=0)
        self.plot.setYRange(-0.6, rows * 8 - 0.8, padding=0)
        self.plot.getAxis("bottom").setTicks([[
            (b * 8 + k, "一二三四五六日"[k] if messages.language().startswith("zh")
             else "MTWTFSS"[k]) for b in range(columns) for k in range(7)]])
        self.plot.setTitle(f"{board.unit_name} · {self.title()}", size="11pt", bold=True,
                           color="#222")

    def _texts(self, texts: list[tuple[float, float, str, int | None]]) -> None:
        while len(self.labels) < len(texts):
            label = pg.TextItem("", anchor=(0.5, 0.5))
            label.setFont(plot_font(7))
            self.plot.addItem(label)
            self.labels.append(label)
        for i, label in enumerate(self.labels):
            label.setVisible(i < len(texts))
            if i < len(texts):
                x, y, text, level = texts[i]
                label.setText(text)
                label.setColor("#ffffff" if level and level >= 4 else "#333333")
                label.setPos(x, y)

    def _month_titles(self, months: list[tuple[int, int]]) -> None:
        while len(self.titles) < len(months):
            title = pg.TextItem("", color="#222", anchor=(0.5, 0.5))
            title.setFont(plot_font(8.5))
            self.plot.addItem(title)
            self.titles.append(title)
        for i, title in enumerate(self.titles):
            title.setVisible(i < len(months))
            if i < len(months):
                year, month = months[i]
                title.setText(month_name(f"{year}-{month:02d}"))
                title.setPos((i % self.PER_ROW) * 8 + 3, (i // self.PER_ROW) * 8)

    def hits_for_days(self) -> list[Hit]:
        """The hit of every drawn day (for tests and pictures)."""
        return [self._hit(cell, item) for cell, item in self.cells.items()]

    def hit_at(self, scene_pos: QPointF) -> Hit | None:
        found = self.view_point(scene_pos)
        if found is None or self.board is None:
            return None
        _, x, y = found
        cell = (int(round(x)), int(round(y)))
        item = self.cells.get(cell)
        return None if item is None else self._hit(cell, item)

    def _hit(self, cell: tuple[int, int], item: air_board.Day) -> Hit:
        text = tr("{day}: AQI {aqi}, {level}").format(
            day=item.day, aqi="—" if item.aqi is None else item.aqi, level=level_name(item.level))
        if item.primary:
            text += "\n" + tr("Primary pollutant: {p}").format(p="、".join(
                messages.label("air.pollutant." + p) for p in item.primary.split(",")))
        rows = Rows(tr("{unit}: stations on {day}").format(unit=self.board.unit_name,
                                                            day=item.day),
                    self.board.unit, item.day, item.day, stations=True)
        return Hit(self.plot, cell[0] - 0.5, cell[0] + 0.5, cell[1] - 0.5, cell[1] + 0.5, text,
                   rows, item.aqi or 0)


def category_groups() -> tuple[tuple[str, tuple[str, ...] | None, str], ...]:
    """(key, categories, label) of the stacked problem bars: air's own, then the rest."""
    groups = tuple((c, (c,), messages.label("category." + c)) for c in enforcement.AIR_CATEGORIES)
    return groups + (("other", None, tr("Other categories")),)


class RankingChart(AirChart):
    """Units by composite index (best at the top, the bottom ones red), with their targets,
    and beside each its problems by category and its penalty cases in the same period."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.index_plot = self.add_plot(tr("Composite index (rank)"), "", tr("Composite index"), 0)
        self.work_plot = self.add_plot(tr("Problems in the period"), "", tr("Problems (count)"), 1)
        self.case_plot = self.add_plot(tr("Penalty cases"), "", tr("Cases (count)"), 2)
        self.ci.layout.setColumnStretchFactor(0, 5)
        self.ci.layout.setColumnStretchFactor(1, 4)
        self.ci.layout.setColumnStretchFactor(2, 2)
        self.legend(self.index_plot, columns=2)
        self.series(self.index_plot, "ranked", RANKED, tr("Ranked"))
        self.series(self.index_plot, "bottom", BOTTOM, tr("Bottom of the ranking"))
        self.legend(self.work_plot, columns=3)
        for key, _, label in category_groups():
            self.series(self.work_plot, key, CATEGORY_COLOURS[key], label)
        self.series(self.case_plot, "cases", CASES)
        for plot in (self.work_plot, self.case_plot):
            plot.getAxis("left").setStyle(showValues=False)
        self.labels: list[pg.TextItem] = []
        self.board: air_board.Board | None = None

    def title(self) -> str:
        return tr("Ranking with targets and enforcement")

    def show_board(self, board: air_board.Board, scope: str) -> None:
        self.board = board
        self.reset()
        ranked = [r for r in board.results if r.rank is not None]
        n = len(ranked)
        values = [r.now.composite_index for r in ranked]
        for key, bottom in (("ranked", False), ("bottom", True)):
            self.hbars(self.index_plot, key, [0.0] * n,
                       [v if r.bottom == bottom else 0.0 for r, v in zip(ranked, values)])
        names = [r.name for r in ranked]
        self.name_ticks(self.index_plot, [f"{r.rank}. {r.name}" for r in ranked])
        for plot in (self.work_plot, self.case_plot):
            plot.setYRange(-0.7, max(n, 1) - 0.3, padding=0)
        self.index_plot.setXRange(0, max(values + [1]) * 1.75, padding=0)
        self._index_hits(board, ranked)
        self._labels(board, ranked)
        self._work(board, ranked, names)

    def _index_hits(self, board, ranked) -> None:
        n = len(ranked)
        for i, r in enumerate(ranked):
            y = n - 1 - i
            text = tr("{unit}: composite index {index}, rank {rank}; PM2.5 {pm25} µg/m³ "
                      "({change}% against a year before)").format(
                unit=r.name, index=r.now.composite_index, rank=r.rank,
                pm25=_shown(r.now.pm25), change=_shown(r.changes.get("pm25")))
            if r.rank_improvement is not None:
                text += "\n" + tr("Improvement of the index: {change}%, rank {rank}").format(
                    change=_shown(r.changes.get("composite")), rank=r.rank_improvement)
            self.hits.append(Hit(self.index_plot, 0, r.now.composite_index, y - BAR / 2,
                                 y + BAR / 2, text, UnitPick(r.region_code),
                                 r.now.composite_index))

    def _labels(self, board, ranked) -> None:
        while len(self.labels) < len(ranked):
            label = pg.TextItem("", color="#333", anchor=(0, 0.5))
            label.setFont(plot_font(8))
            self.index_plot.addItem(label)
            self.labels.append(label)
        n = len(ranked)
        restricted = {code for code, found in board.interviews.items()
                      if any(i.restricted_on(board.last) for i in found)}
        for i, label in enumerate(self.labels):
            label.setVisible(i < n)
            if i >= n:
                continue
            r = ranked[i]
            parts = [f"{r.now.composite_index:.2f}"]
            main = r.main_target
            if main is not None and main.target_pct is not None:
                parts.append(tr("target {target}%, done {done}%").format(
                    target=f"{main.target_pct:g}", done=_shown(main.completion_pct)))
            if r.region_code in restricted:
                parts.append(tr("approvals suspended"))
            label.setText("  ".join(parts))
            label.setColor(BOTTOM if r.bottom or r.region_code in restricted else "#333")
            label.setPos(r.now.composite_index + 0.05, n - 1 - i)

    def _work(self, board, ranked, names: list[str]) -> None:
        n = len(ranked)
        left = [0.0] * n
        for key, categories, label in category_groups():
            counts = []
            for r in ranked:
                work = board.work.get(r.region_code)
                problems = work.problems if work else {}
                if categories is None:
                    counts.append(sum(v for c, v in problems.items()
                                      if c not in enforcement.AIR_CATEGORIES))
                else:
                    counts.append(sum(problems.get(c, 0) for c in categories))
            self.hbars(self.work_plot, key, left, [float(c) for c in counts])
            for i, (r, count) in enumerate(zip(ranked, counts)):
                if not count:
                    continue
                y = n - 1 - i
                picked = categories or tuple(
                    c for c in board.work[r.region_code].problems
                    if c not in enforcement.AIR_CATEGORIES)
                caption = tr("{unit} {first} to {last}, {what}: {count} problem(s)").format(
                    unit=names[i], first=board.first, last=board.last, what=label,
                    count=number(count))
                drill = Drill(caption, count, Filter(region_code=r.region_code), board.last,
                              "air:" + ",".join(picked), "problems", board.first)
                self.hits.append(Hit(self.work_plot, left[i], left[i] + count, y - BAR / 2,
                                     y + BAR / 2, f"{names[i]}: {label} {number(count)}", drill,
                                     count))
            left = [a + b for a, b in zip(left, counts)]
        self.work_plot.setXRange(0, max(left + [1]) * 1.1, padding=0)
        cases = [float(board.work[r.region_code].cases) if r.region_code in board.work else 0.0
                 for r in ranked]
        self.hbars(self.case_plot, "cases", [0.0] * n, cases)
        for i, (r, count) in enumerate(zip(ranked, cases)):
            if not count:
                continue
            y = n - 1 - i
            work = board.work[r.region_code]
            caption = tr("{unit} {first} to {last}: {count} penalty case(s)").format(
                unit=names[i], first=board.first, last=board.last, count=number(int(count)))
            drill = Drill(caption, int(count), Filter(region_code=r.region_code), board.last,
                          "air:cases", "penalties", board.first)
            self.hits.append(Hit(self.case_plot, 0, count, y - BAR / 2, y + BAR / 2,
                                 tr("{unit}: {n} case(s), {special} with special measures")
                                 .format(unit=names[i], n=number(int(count)),
                                         special=work.special), drill, count))
        self.case_plot.setXRange(0, max(cases + [1]) * 1.15, padding=0)


def _shown(value) -> str:
    return "—" if value is None else f"{value:g}"
