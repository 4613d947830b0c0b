"""The figures a return form may name in its cells, one entry each.

A figure placeholder is `{{NAME}}` or `{{NAME:PERIOD}}`. NAME is an entry below; PERIOD
(penalty and inspection figures only) is one of PERIODS. `NAME:month_change` and
`NAME:year_change` are the change against the same period a year before, in %.

Adding a figure is one entry (the 阶段性办结 ones below are: `stage_concluded`,
`concluded`, `conclusion_rate`) once `figures.PROBLEM_STATS` knows its statistic; what a
figure counts as done is fixed by its entry (已销号 only, ＋已完成待验收, or with 阶段性办结
too as a province publishes its 办结率). Penalty figures count the cases decided in the
period (处罚决定书 dated in it); the `*_opened` ones the cases filed in it (立案日期, the
case's 立案 stage), so a form can give both.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import LedgerError
from .templates import Column

PERIODS = {
    "to_date": "截至统计日累计",
    "month": "本月",
    "year": "本年累计（1月1日至统计日）",
    "last_month": "去年同月（至去年同日）",
    "last_year": "去年同期（去年1月1日至去年同日）",
}
CHANGES = {"month_change": ("month", "last_month"), "year_change": ("year", "last_year")}
DIMENSIONS = ("region", "category", "source")


@dataclass(frozen=True)
class Figure:
    """One figure: the core statistic behind it and how it is shown."""

    stat: str
    label: str
    format: str = "integer"  # integer | wan (万元 from fen) | rate | change | average | yes_no
    filter: tuple[tuple[str, str], ...] = ()
    periodic: bool = False  # counted over a period (penalties, inspections), not as of a day
    of: tuple[str, ...] = ()  # derived figures: the figures they are made of
    parts: tuple[str, ...] = ()  # must equal the sum of these figures
    at_most: str = ""  # must not exceed this figure
    dimensions: tuple[str, ...] = DIMENSIONS  # row kinds it can be broken down by


_PROGRESS = DIMENSIONS
_BY_REGION = ("region",)
FIVE = ("daily_fine", "seizure", "restriction", "detention", "crime_transfer")

FIGURES: dict[str, Figure] = {
    # rectification, as of the statistics day (DOMAIN.md definitions)
    "assigned": Figure("problems.assigned", "交办问题数（个）：截至统计日已交办、未撤回的问题"),
    "found": Figure("problems.assigned", "检查发现问题数（个）：来源为现场检查的交办问题",
                    filter=(("source", "inspection"),)),
    "closed": Figure("problems.closed", "已销号数（个）：截至统计日验收销号的问题",
                     at_most="assigned"),
    "reported_done": Figure("problems.reported_done", "已完成待验收数（个）"),
    # 已销号, unless the form's template names other statuses (Template.rectified_statuses)
    "rectified": Figure("problems.rectified", "整改完成数（个）：已销号", at_most="assigned"),
    "rectified_or_done": Figure("problems.rectified_or_done",
                                "整改完成数（个）：已销号＋已完成待验收", at_most="assigned"),
    "stage_concluded": Figure("problems.stage_concluded",
                              "阶段性办结数（个）：阶段性办结、未销号的问题", at_most="assigned"),
    # 办结 as a province publishes it: 已销号 + 已办结 (已完成待验收) + 阶段性办结
    "concluded": Figure("problems.settled",
                        "办结数（个）：已销号＋已办结（已完成待验收）＋阶段性办结",
                        at_most="assigned"),
    "open": Figure("problems.open", "未销号数（个）"),
    "ongoing": Figure("problems.ongoing", "长期坚持数（个）：未销号、整改时限为长期坚持"),
    "undated": Figure("problems.undated", "时限待定数（个）：未销号、整改时限尚无日期"),
    "overdue": Figure("problems.overdue", "逾期未整改数（个）：未销号且已过整改时限"),
    "due_10": Figure("problems.due_10", "10日内到期数（个）"),
    "clearance_rate": Figure("rate", "清零率（%）＝已销号÷交办×100", format="rate",
                             of=("rectified", "assigned")),
    "clearance_rate_or_done": Figure("rate", "完成率（%）＝（已销号＋待验收）÷交办×100",
                                     format="rate", of=("rectified_or_done", "assigned")),
    "conclusion_rate": Figure("rate", "办结率（%）＝（已销号＋已办结＋阶段性办结）÷交办×100",
                              format="rate", of=("concluded", "assigned")),
    # 序时进度: the campaign's target rate (100 without one) × the share of its period gone
    # by on the day, the same for every row; — for all campaigns or a campaign with no dates
    "pace": Figure("pace", "序时进度（%）：专项行动目标清零率×已过时间占比", format="rate"),
    "on_pace": Figure("on_pace", "达序时进度：清零率不低于序时进度（是/否）", format="yes_no",
                      of=("clearance_rate", "pace")),
    # penalty cases decided in the period (处罚决定书 dated in it)
    "cases": Figure("penalties.cases", "处罚决定书（份）", periodic=True, dimensions=_BY_REGION),
    "fines": Figure("penalties.fine", "罚款金额（万元）", format="wan", periodic=True,
                    dimensions=_BY_REGION),
    "average_fine": Figure("average", "平均每案罚款（万元）", format="average", periodic=True,
                           of=("fines", "cases"), dimensions=_BY_REGION),
    "five_kinds": Figure("penalties.five_kinds", "五类案件合计（件）", periodic=True,
                         parts=FIVE, dimensions=_BY_REGION),
    "daily_fine": Figure("penalties.daily_fine", "按日连续处罚（件）", periodic=True,
                         dimensions=_BY_REGION),
    "daily_fine_amount": Figure("penalties.daily_fine_fen", "按日连续处罚罚款（万元）",
                                format="wan", periodic=True, dimensions=_BY_REGION),
    "seizure": Figure("penalties.seizure", "查封扣押（件）", periodic=True, dimensions=_BY_REGION),
    "restriction": Figure("penalties.restriction", "限产停产（件）", periodic=True,
                          dimensions=_BY_REGION),
    "detention": Figure("penalties.detention", "移送行政拘留（起）", periodic=True,
                        dimensions=_BY_REGION),
    "crime_transfer": Figure("penalties.crime_transfer", "移送涉嫌环境污染犯罪（件）",
                             periodic=True, dimensions=_BY_REGION),
    "closure": Figure("penalties.closure_enterprises",
                      "关停取缔散乱污企业（家）：不同企业计一家", periodic=True,
                      dimensions=_BY_REGION),
    # penalty cases filed (立案) in the period: a case with no 立案日期 is not counted
    "opened": Figure("penalties.opened.cases", "立案数（件）：立案日期在统计期内的案件",
                     periodic=True, dimensions=_BY_REGION),
    "five_kinds_opened": Figure("penalties.opened.five_kinds", "五类案件立案（件）",
                                periodic=True, parts=tuple(f"{k}_opened" for k in FIVE),
                                dimensions=_BY_REGION),
    **{f"{kind}_opened": Figure(f"penalties.opened.{kind}", f"{label}立案（{unit}）",
                                periodic=True, dimensions=_BY_REGION)
       for kind, label, unit in (("daily_fine", "按日连续处罚", "件"), ("seizure", "查封扣押", "件"),
                                 ("restriction", "限产停产", "件"),
                                 ("detention", "移送行政拘留", "起"),
                                 ("crime_transfer", "移送涉嫌环境污染犯罪", "件"))},
    # inspections
    "sources": Figure("inspections.sources", "排查污染源数（家）：检查过的不同企业",
                      periodic=True, dimensions=_BY_REGION),
}


@dataclass(frozen=True)
class Spec:
    """A figure placeholder as parsed: NAME, PERIOD (or a change)."""

    name: str
    period: str = "to_date"

    @property
    def key(self) -> str:
        return self.name if self.period == "to_date" else f"{self.name}:{self.period}"


def parse(text: str, cell: str) -> Spec:
    """The figure `text` names; LedgerError naming `cell` when it is not one."""
    name, _, period = text.partition(":")
    figure = FIGURES.get(name)
    if figure is None:
        raise LedgerError("error.form_placeholder_unknown", cell=cell, name=text)
    if period and (not figure.periodic or period not in (*PERIODS, *CHANGES)):
        raise LedgerError("error.form_period_unknown", cell=cell, name=text,
                          periods="、".join((*PERIODS, *CHANGES)))
    return Spec(name, period or "to_date")


def columns(specs: list[Spec]) -> list[Column]:
    """Template columns computing `specs`, with the hidden ones they are derived from."""
    out: dict[str, Column] = {}
    for spec in specs:
        _add(out, spec)
    return list(out.values())


def _add(out: dict[str, Column], spec: Spec) -> str:
    if spec.key in out:
        return spec.key
    figure = FIGURES[spec.name]
    if spec.period in CHANGES:
        now, before = CHANGES[spec.period]
        of = (_add(out, Spec(spec.name, now)), _add(out, Spec(spec.name, before)))
        out[spec.key] = Column(spec.key, (spec.key,), "change", format="change", of=of)
        return spec.key
    of = tuple(_add(out, Spec(n, spec.period)) for n in figure.of)
    parts = tuple(_add(out, Spec(n, spec.period)) for n in figure.parts)
    at_most = _add(out, Spec(figure.at_most, spec.period)) if figure.at_most else ""
    out[spec.key] = Column(spec.key, (figure.label,), figure.stat, filter=figure.filter,
                           period=spec.period, format=figure.format, of=of, parts=parts,
                           at_most=at_most)
    return spec.key
