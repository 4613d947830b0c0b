"""一公开: the public notices of a draw and of its results, their deadlines in working days,
and what a bureau has covered and not yet published."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TYPE_CHECKING

from .. import dates, messages, regions, rows, settings, working_days
from ..changes import Changes
from ..errors import LedgerError
from . import classes, directory, plans, tasks
from .draw import DRAW, TASK, get as get_draw

if TYPE_CHECKING:
    from ..ledger import Ledger

WHICH = ("draw", "results")
_COLUMN = {"draw": "notice_published_on", "results": "results_published_on"}


@dataclass(frozen=True)
class Publication:
    draw_id: str
    plan: str
    which: str               # draw / results
    due: str | None          # None while the calendar of that year is not published
    published_on: str | None
    overdue: bool


def deadline(start: str, within: int) -> str | None:
    """`within` working days after `start` on the official calendar; None for a year the
    calendar does not know yet."""
    try:
        return working_days.add_working_days(dt.date.fromisoformat(start), within).isoformat()
    except LedgerError:
        return None


def publications(ledger: Ledger, today: dt.date | None = None) -> list[Publication]:
    """For each draw in force: its list (due after the draw day) and its results (due after
    the plan's end)."""
    day = (today or dates.today()).isoformat()
    found = []
    for row in ledger.conn.execute(
            f"SELECT d.id, p.name, d.drawn_on, p.ends_on, p.publish_within, "
            f"d.notice_published_on, d.results_published_on FROM {DRAW} d "
            f"JOIN random_plan p ON p.id = d.plan_id WHERE d.superseded_by IS NULL "
            f"ORDER BY d.drawn_on DESC"):
        for which, start, published in (("draw", row[2], row[5]), ("results", row[3], row[6])):
            due = deadline(start, row[4])
            late = published is None and due is not None and day > due
            found.append(Publication(row[0], row[1], which, due, published, late))
    return found


def unpublished(ledger: Ledger, today: dt.date | None = None) -> list[Publication]:
    return [p for p in publications(ledger, today) if p.published_on is None]


def publish(ledger: Ledger, draw_id: str, which: str, on: str | None = None) -> Changes:
    """Record the day a notice was made public (on the bureau's site or board)."""
    if which not in WHICH:
        raise LedgerError("error.choice_unknown", value=which)
    draw = get_draw(ledger, draw_id)
    if draw["superseded_by"]:
        raise LedgerError("random.error.task_superseded")
    day = dates.iso(on) if on else dates.today().isoformat()
    if day < draw["drawn_on"]:
        raise LedgerError("random.error.published_before_draw", day=day, drawn=draw["drawn_on"])
    with ledger.transaction():
        rows.update(ledger, DRAW, draw_id, {_COLUMN[which]: day})
    return Changes.of(DRAW, ids=(draw_id,))


@dataclass(frozen=True)
class Coverage:
    supervision_class: str
    name: str
    members: int
    drawn: int       # distinct enterprises drawn this year
    inspected: int   # of them, inspected for their task

    @property
    def percent(self) -> float:
        return round(100 * self.drawn / self.members, 1) if self.members else 0.0


def coverage(ledger: Ledger, year: int) -> list[Coverage]:
    """Per class: directory size, enterprises drawn in the year's standing draws, inspected."""
    drawn: dict[str, set[str]] = {}
    inspected: dict[str, set[str]] = {}
    for code, enterprise_id, inspection_id in ledger.conn.execute(
            f"SELECT t.class, t.enterprise_id, t.inspection_id FROM {TASK} t "
            f"JOIN {DRAW} d ON d.id = t.draw_id JOIN random_plan p ON p.id = d.plan_id "
            f"WHERE d.superseded_by IS NULL AND substr(p.starts_on, 1, 4) = ?", (str(year),)):
        drawn.setdefault(code, set()).add(enterprise_id)
        if inspection_id:
            inspected.setdefault(code, set()).add(enterprise_id)
    sizes: dict[str, int] = {}
    for member in directory.members(ledger, active_only=True):
        sizes[member.supervision_class] = sizes.get(member.supervision_class, 0) + 1
    return [Coverage(c.code, c.name, sizes.get(c.code, 0), len(drawn.get(c.code, ())),
                     len(inspected.get(c.code, ()))) for c in classes.all_classes(ledger)]


# -- the notice workbook (its words are in messages.random.json: random.notice.*)

# column → its width in characters
_DRAW_COLUMNS = {"seq": 6, "enterprise": 32, "credit_code": 21, "county": 20, "class": 14,
                 "items": 36, "officers_certificates": 34}
_RESULT_COLUMNS = {"seq": 6, "enterprise": 32, "credit_code": 21, "items": 36,
                   "inspected_on": 12, "officers": 16, "result": 14, "handling": 40}


def export(ledger: Ledger, draw_id: str, path: str | Path) -> Path:
    """The notice of the draw and of its results, one sheet each, in the layout bureaus
    publish: a title, the plan and the draw's particulars, the table, the issuing office."""
    from openpyxl import Workbook

    draw = get_draw(ledger, draw_id)
    plan = plans.get(ledger, draw["plan_id"])
    drawn = tasks.of_draw(ledger, draw_id)
    unit = settings.get(ledger, "unit_name") or ""
    names = {i.code: i.name for i in directory.items(ledger)}
    class_names = {c.code: c.name for c in classes.all_classes(ledger)}
    joiner = messages.text("random.notice.joiner")
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = messages.text("random.notice.sheet_draw")
    _head(sheet, messages.text("random.notice.title_draw", unit=unit, plan=plan.name),
          _particulars(draw, plan, draw["drawn_on"]), _DRAW_COLUMNS)
    for task in drawn:
        sheet.append([task.seq, task.enterprise, task.credit_code or "",
                      regions.full_name(ledger, task.region_code),
                      class_names.get(task.supervision_class, task.supervision_class),
                      joiner.join(names.get(i, i) for i in task.items),
                      joiner.join(messages.text("random.notice.officer", name=n, certificate=c)
                                  for n, c in zip(task.officers, task.certificates))])
    _foot(sheet, unit, draw["notice_published_on"], len(_DRAW_COLUMNS))
    results = workbook.create_sheet(messages.text("random.notice.sheet_results"))
    _head(results, messages.text("random.notice.title_results", unit=unit, plan=plan.name),
          _particulars(draw, plan, plan.ends_on), _RESULT_COLUMNS)
    for task in drawn:
        results.append([task.seq, task.enterprise, task.credit_code or "",
                        joiner.join(names.get(i, i) for i in task.items), task.inspected_on or "",
                        joiner.join(task.officers), _result(task), _handling(ledger, task)])
    _foot(results, unit, draw["results_published_on"], len(_RESULT_COLUMNS))
    path = Path(path)
    workbook.save(path)
    return path


def _particulars(draw: dict[str, Any], plan: plans.Plan, due_from: str) -> str:
    """The period, the draw's day, witness, value and seed, and the day it is due."""
    return messages.text("random.notice.particulars", starts=plan.starts_on, ends=plan.ends_on,
                         drawn=draw["drawn_on"], witness=draw["witness"] or "—",
                         value=draw["witness_value"], seed=draw["seed"],
                         due=_due_text(deadline(due_from, plan.publish_within)))


def _due_text(due: str | None) -> str:
    return messages.text("random.notice.due", day=due) if due else \
        messages.text("random.notice.due_unknown")


def _head(sheet, title: str, particulars: str, columns: dict[str, int]) -> None:
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    width = len(columns)
    headers = [messages.text(f"random.notice.column.{key}") for key in columns]
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet["A1"].font = Font(name="宋体", size=16, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append([particulars])
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    sheet["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[2].height = 48
    sheet.append(list(headers))
    thin = Side(style="thin")
    for cell in sheet[3]:
        cell.font = Font(name="黑体", bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for number, chars in enumerate(columns.values(), 1):
        sheet.column_dimensions[get_column_letter(number)].width = chars
    sheet.print_title_rows = "3:3"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0  # one page wide


def _foot(sheet, unit: str, published: str | None, width: int) -> None:
    from openpyxl.styles import Alignment, Border, Side

    thin = Side(style="thin")
    widths = [sheet.column_dimensions[c.column_letter].width for c in sheet[3]]
    for row in sheet.iter_rows(min_row=4, max_row=sheet.max_row):
        lines = 1
        for cell, chars in zip(row, widths):
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            lines = max(lines, -(-_width(str(cell.value or "")) // max(1, int(chars) - 1)))
        sheet.row_dimensions[row[0].row].height = 15 * lines  # Excel does not size wrapped rows
    sheet.append([])
    sheet.append([messages.text("random.notice.issuer", unit=unit)])
    sheet.append([messages.text("random.notice.published", day=published or
                                messages.text("random.notice.blank_day"))])
    for row in (sheet.max_row - 1, sheet.max_row):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)


def _width(text: str) -> int:
    """Columns a text takes: a Chinese character is two."""
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _result(task: tasks.Task) -> str:
    if task.inspection_id is None:
        return messages.text("random.notice.overdue" if task.state == tasks.OVERDUE
                             else "random.notice.not_inspected")
    return messages.text("random.notice.no_problem" if task.result == "no_problem"
                         else "random.notice.problems_found")


def _handling(ledger: Ledger, task: tasks.Task) -> str:
    if task.inspection_id is None:
        return ""
    found = ledger.conn.execute(
        "SELECT description, status FROM problem WHERE inspection_id = ? ORDER BY number",
        (task.inspection_id,)).fetchall()
    return messages.text("random.notice.separator").join(
        messages.text("random.notice.problem", description=d, status=messages.label("status." + s))
        for d, s in found)
