"""Demo penalty cases worked through their procedure: every stage, orders and rechecks,
seizures (one extended, one overrun), decision extensions and clocks due now.

Runs on the rows `core.demo` generated (before they are written), after every other table,
so the rest of the demo stays what it was. Totals by decision date keep their meaning: the
daily fines counted here equal the amounts the demo typed before (fine × days).
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from . import rules

EARLY = ("opened", "investigated", "notified", "heard")
# After the early stages, each case's furthest stage, by share of the cases.
_LATER = (("decided", 0.10), ("served", 0.14), ("enforced", 0.02), ("paid", 0.30),
          ("closed", 0.44))
_HEADS = ("局长", "分管副局长")


def add_procedures(m: Any, data: Any) -> None:
    """Give the demo's penalty cases stages, orders, rechecks, seizures and links."""
    columns, rows = data.tables["penalty_case"]
    cases = [dict(zip(columns, row)) for row in rows]
    found = _found_by_enterprise(data)
    made: dict[str, list[tuple]] = {t: [] for t in (
        "penalty_stage", "penalty_order", "penalty_recheck", "penalty_seizure",
        "penalty_extension", "penalty_problem")}
    for index, case in enumerate(cases):
        _procedure(m, case, index, made)
        problem = found.get(case["enterprise_id"])
        if problem and m.rng.random() < 0.4:
            punished, seen = problem
            before = [i for on, i in seen if on <= case["opened_on"]]
            case["inspection_id"] = before[-1] if before else None  # the one that found it
            punished = punished[:1 + (m.rng.random() < 0.25)]  # a quarter punish two
            case["problem_id"] = punished[0]
            for problem_id in punished:
                made["penalty_problem"].append(_row(m, f"{case['id']}/{problem_id}") + (
                    case["id"], problem_id))
    new_columns = tuple(dict.fromkeys((*columns, "opened_on", "stage", "problem_id",
                                       "inspection_id")))
    data.tables["penalty_case"] = (new_columns,
                                   [tuple(c.get(k) for k in new_columns) for c in cases])
    fields = {"penalty_stage": ("case_id", "stage", "happened_on", "done_by", "note"),
              "penalty_order": ("case_id", "served_on", "document_number", "note"),
              "penalty_recheck": ("case_id", "checked_on", "finding", "note"),
              "penalty_seizure": ("case_id", "starts_on", "ends_on", "extended_to",
                                  "extension_approved_on", "extension_approved_by",
                                  "released_on", "note"),
              "penalty_extension": ("case_id", "kind", "approved_on", "approved_by", "due_on",
                                    "reason"),
              "penalty_problem": ("case_id", "problem_id")}
    for table, table_rows in made.items():
        data.tables[table] = (("id", "created_at", "updated_at", "operator") + fields[table],
                              table_rows)


def _found_by_enterprise(data: Any) -> dict[str, tuple[list[str], list[tuple[str, str]]]]:
    """enterprise → (its first two problems, its inspections as (date, id), by date)."""
    def rows_of(table: str) -> tuple[dict[str, int], list[tuple]]:
        columns, rows = data.tables[table]
        return {c: i for i, c in enumerate(columns)}, rows

    at, rows = rows_of("problem")
    problems: dict[str, list[str]] = {}
    for row in rows:
        kept = problems.setdefault(row[at["enterprise_id"]], [])
        if len(kept) < 2:
            kept.append(row[at["id"]])
    at, rows = rows_of("inspection")
    inspections: dict[str, list[tuple[str, str]]] = {}
    for row in rows:
        inspections.setdefault(row[at["enterprise_id"]], []).append(
            (row[at["inspected_on"]], row[at["id"]]))
    return {firm: (found, sorted(inspections.get(firm, [])))
            for firm, found in problems.items() if firm}


def _procedure(m: Any, case: dict[str, Any], index: int, made: dict[str, list[tuple]]) -> None:
    today = m.today
    decided = dt.date.fromisoformat(case["decided_on"])
    stage = _stage(m, index)
    if stage == "served" and (today - decided).days > 20 and m.rng.random() < 0.85:
        stage = "paid"  # most fines are paid; a few stay unpaid, some of them late
    if stage in EARLY:
        # Still before its decision: some opened more than 90 days ago (overdue or extended).
        opened = today - dt.timedelta(days=m.rng.choice((12, 40, 75, 86, 95, 105)))
        case["decided_on"] = None
    else:
        opened = decided - dt.timedelta(days=m.rng.randint(20, 85))
    case["opened_on"] = opened.isoformat()
    dates = _stage_dates(m, opened, decided, stage, today)
    case["stage"] = max(dates, key=lambda s: list(dates).index(s))
    for name, on in dates.items():
        made["penalty_stage"].append(_row(m, f"{case['id']}/{name}") + (
            case["id"], name, on.isoformat(), m.person(), None))
    if stage in EARLY and (today - opened).days > rules.DECISION_DAYS - 10 and index % 2:
        approved = opened + dt.timedelta(days=rules.DECISION_DAYS - 5)
        if approved <= today:
            made["penalty_extension"].append(_row(m) + (
                case["id"], "head", approved.isoformat(), m.rng.choice(_HEADS),
                rules.decision_due(opened, head_extended=True).isoformat(), "案情复杂，需补充监测"))
    if case["daily_fine"]:
        _daily(m, case, opened, made)
    elif index % 37 == 5:
        _running_order(m, case, made)
    if case["seizure"]:
        _seizure(m, case, opened, index, made)


def _stage(m: Any, index: int) -> str:
    every = EARLY + tuple(s for s, _ in _LATER)
    if index < len(every):  # every stage at least once
        return every[index]
    if m.rng.random() < 0.05:
        return m.rng.choice(EARLY)
    pick, total = m.rng.random(), 0.0
    for stage, share in _LATER:
        total += share
        if pick < total:
            return stage
    return "closed"


def _stage_dates(m: Any, opened: dt.date, decided: dt.date, stage: str,
                 today: dt.date) -> dict[str, dt.date]:
    dates = {"opened": opened}
    order = EARLY + ("decided", "served", "paid", "closed")
    last = opened
    target = "paid" if stage == "enforced" else stage
    for name in order[1:order.index(target) + 1]:
        if name == "heard" and stage != "heard" and m.rng.random() < 0.8:
            continue  # a hearing only when asked for
        if name == "decided":
            on = decided
        else:
            on = min(today, last + dt.timedelta(days=m.rng.randint(
                *((1, 6) if name == "served" else (5, 25) if name == "paid" else (2, 12)))))
        if name in EARLY:
            on = min(today, opened + dt.timedelta(days=(order.index(name)) * 3))
        last = max(last, on)
        dates["enforced" if stage == "enforced" and name == "paid" else name] = last
    return dates


def _daily(m: Any, case: dict[str, Any], opened: dt.date, made: dict) -> None:
    """Orders and rechecks whose count gives the demo's daily fine (fine × days)."""
    days = case["daily_fine_fen"] // case["fine_fen"] if case["fine_fen"] else 0
    served = min(opened + dt.timedelta(days=2), m.today - dt.timedelta(days=days + 1))
    made["penalty_order"].append(_row(m) + (case["id"], served.isoformat(),
                                            f"临环责改〔{served.year}〕{m.rng.randint(1, 300)}号", None))
    made["penalty_recheck"].append(_row(m) + (
        case["id"], (served + dt.timedelta(days=days)).isoformat(), rules.STILL_DISCHARGING, "暗查"))
    case["daily_fine_fen"] = rules.count_days(
        [served], [(served + dt.timedelta(days=days), rules.STILL_DISCHARGING)],
        case["fine_fen"]).total_fen


def _running_order(m: Any, case: dict[str, Any], made: dict) -> None:
    """An order served lately, its recheck still to come (some late)."""
    served = m.today - dt.timedelta(days=m.rng.choice((6, 18, 26, 33)))
    made["penalty_order"].append(_row(m) + (case["id"], served.isoformat(),
                                            f"临环责改〔{served.year}〕{m.rng.randint(1, 300)}号", None))


def _seizure(m: Any, case: dict[str, Any], opened: dt.date, index: int, made: dict) -> None:
    starts = min(m.today, opened + dt.timedelta(days=m.rng.randint(0, 10)))
    ends = rules.after(starts, rules.SEIZURE_DAYS)
    extended = approved = by = released = None
    kind = index % 4
    if kind == 1:  # extended by the head before its end
        extended = ends + dt.timedelta(days=rules.SEIZURE_EXTENSION_DAYS)
        approved, by = ends - dt.timedelta(days=3), m.rng.choice(_HEADS)
    if kind != 3 and (extended or ends) < m.today:  # kind 3: overrun if its end has passed
        released = (extended or ends) - dt.timedelta(days=m.rng.randint(0, 8))
    made["penalty_seizure"].append(_row(m) + (
        case["id"], starts.isoformat(), ends.isoformat(), extended and extended.isoformat(),
        approved and min(approved, m.today).isoformat(), by, released and released.isoformat(),
        None))


def _row(m: Any, row_id: str | None = None) -> tuple[str, str, str, str]:
    base = m.base()
    return (row_id or base[0],) + base[1:]
