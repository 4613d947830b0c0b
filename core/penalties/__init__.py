"""Penalty cases (行政处罚案件): their special measures (五类案件), stages and legal clocks.

A case is recorded at 立案 (`opened_on`) or, for older habits, at its decision
(`decided_on`); it then moves through the stages of `stages.py`, may carry orders to
correct and rechecks (`daily_fines.py`), seizures (`seizures.py`) and extensions of its
decision period; `clocks.py` tells every period still running. See docs/penalties.md.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Mapping, TYPE_CHECKING

from .. import enterprises, numbering, rows
from ..changes import Changes
from ..validation import Form
from ..vocabulary import PENALTY_FLAGS
from . import daily_fines, stages
from .cases import get  # noqa: F401 (penalties.get)
from .daily_fines import refresh_daily_fine  # noqa: F401 (penalties.refresh_daily_fine)

if TYPE_CHECKING:
    from ..ledger import Ledger

TABLES = ("penalty_case", "penalty_stage", "penalty_order", "penalty_recheck",
          "penalty_seizure", "penalty_extension", "penalty_problem")
TRANSFER_DATES = ("detention_transferred_on", "detention_accepted_on",
                  "crime_transferred_on", "crime_accepted_on")


def check(ledger: Ledger, raw: Mapping[str, Any], row_id: str | None = None) -> Form:
    raw = enterprises.with_region(ledger, raw)
    form = Form(raw)
    number = form.text("case_number", required=True, max_length=80)
    number = form.values["case_number"] = numbering.year_brackets(number)
    form.reference(ledger, "enterprise_id", "enterprise")
    form.region(ledger)
    form.reference(ledger, "campaign_id", "campaign")
    raw = _linked(ledger, form, raw)
    form.raw = raw
    form.reference(ledger, "problem_id", "problem")
    form.reference(ledger, "inspection_id", "inspection")
    form.text("violation", required=True)
    opened = form.date("opened_on", required=False, not_future=True)
    decided = form.date("decided_on", required=False, not_future=True)
    if not opened and not decided and not form.has_error("opened_on") \
            and not form.has_error("decided_on"):
        form.fail("opened_on", "error.penalty_opened_or_decided")
    form.ordered("opened_on", "decided_on", "error.penalty_decided_before_opened")
    form.money("fine", "fine_fen")
    form.money("daily_fine_amount", "daily_fine_fen")
    for flag in PENALTY_FLAGS:
        form.flag(flag)
    _transfers(form)
    _daily_fine_typed_or_counted(ledger, form, row_id)
    if number:
        taken = ledger.conn.execute(
            "SELECT 1 FROM penalty_case WHERE case_number = ? AND id IS NOT ?", (number, row_id)
        ).fetchone()
        if taken:
            form.fail("case_number", "error.case_number_taken", number=number)
    if row_id:
        stages.check_case_dates(ledger, form, row_id)
    return form


def _transfers(form: Form) -> None:
    """移送行政拘留 and 移送涉嫌环境污染犯罪: the transfer's date, then the police's
    acceptance; a transfer date makes the case count as that special measure."""
    for field in TRANSFER_DATES:
        form.date(field, required=False, not_future=True)
    for kind, flag in (("detention", "detention"), ("crime", "crime_transfer")):
        form.ordered(f"{kind}_transferred_on", f"{kind}_accepted_on",
                     "error.penalty_accepted_before_transfer")
        if form.values[f"{kind}_transferred_on"]:
            form.values[flag] = 1


def _linked(ledger: Ledger, form: Form, raw: Mapping[str, Any]) -> dict[str, Any]:
    """The problem by its number (`problem`) and the inspection that found it by its date
    for the case's enterprise (`inspection`), as the form types them; a problem found in
    an inspection brings that inspection along."""
    from .. import dates

    raw = dict(raw)
    found = linked_problems(ledger, form, raw)
    if found is not None:
        form.problem_ids = found
        raw["problem_id"] = found[0] if found else ""
    typed = raw.get("inspection")
    if isinstance(typed, str) and "inspection" in raw:
        raw["inspection_id"] = ""
        if typed.strip():
            try:
                day = dates.iso(typed)
            except dates.DateError:
                day = None
            found = ledger.conn.execute(
                "SELECT id FROM inspection WHERE (inspected_on = ? AND enterprise_id IS ?) "
                "OR id = ? ORDER BY id LIMIT 1",
                (day, raw.get("enterprise_id") or None, typed.strip())).fetchone()
            if found:
                raw["inspection_id"] = found[0]
            else:
                form.fail("inspection", "error.penalty_inspection_unknown", value=typed)
    if raw.get("problem_id") and not raw.get("inspection_id"):
        found = ledger.conn.execute("SELECT inspection_id FROM problem WHERE id = ?",
                                    (raw["problem_id"],)).fetchone()
        raw["inspection_id"] = found[0] if found and found[0] else raw.get("inspection_id")
    return raw


_SEPARATORS = re.compile(r"[、，,；;\s]+")


def linked_problems(ledger: Ledger, form: Form, raw: Mapping[str, Any]) -> list[str] | None:
    """The problems a case punishes, as given: `problem_ids` (ids or numbers, the CLI's
    repeated --problem), `problem` (numbers typed in the form, 、 or , between them) or the
    single `problem_id`; None when none is given (an update keeps the links)."""
    from .. import lookup
    from ..errors import LedgerError

    if raw.get("problem_ids") is not None:
        keys, field = list(raw["problem_ids"]), "problem"
    elif isinstance(raw.get("problem"), str):
        keys, field = [k for k in _SEPARATORS.split(raw["problem"]) if k], "problem"
    elif "problem_id" in raw:
        keys, field = ([raw["problem_id"]] if raw["problem_id"] else []), "problem_id"
    else:
        return None
    found: list[str] = []
    for key in keys:
        try:
            row_id = lookup.problem_id(ledger, str(key))
        except LedgerError as error:
            form.fail(field, error.code, **error.params)
            continue
        if row_id not in found:
            found.append(row_id)
    return found


def problems_of(ledger: Ledger, case_id: str) -> list[dict[str, Any]]:
    """The problems a case punishes, in the order they were linked."""
    return [dict(r) for r in ledger.conn.execute(
        "SELECT p.id, p.number, p.description, p.status FROM penalty_problem l "
        "JOIN problem p ON p.id = l.problem_id WHERE l.case_id = ? ORDER BY l.rowid",
        (case_id,))]


def problem_choices(ledger: Ledger, enterprise_id: str | None = None,
                    region_code: str | None = None, limit: int = 500) -> list[dict[str, Any]]:
    """The problems a case may punish, as its form offers them: the enterprise's (or, with
    none, the county's or the ledger's), newest first; linked with `problem_ids`."""
    where, params = [], []
    if enterprise_id:
        where.append("p.enterprise_id = ?")
        params.append(enterprise_id)
    elif region_code:
        where.append("p.region_code = ?")
        params.append(region_code)
    sql = ("SELECT p.id, p.number, p.description, p.status, p.assigned_on, e.name AS enterprise "
           "FROM problem p LEFT JOIN enterprise e ON e.id = p.enterprise_id"
           + (" WHERE " + " AND ".join(where) if where else "")
           + f" ORDER BY p.assigned_on DESC, p.rowid DESC LIMIT {int(limit)}")
    return [dict(r) for r in ledger.conn.execute(sql, params)]


def _link_problems(ledger: Ledger, case_id: str, wanted: list[str] | None) -> None:
    if wanted is None:
        return
    have = [r[0] for r in ledger.conn.execute(
        "SELECT problem_id FROM penalty_problem WHERE case_id = ? ORDER BY rowid", (case_id,))]
    for problem_id in have:
        if problem_id not in wanted:
            ledger.conn.execute("DELETE FROM penalty_problem WHERE case_id = ? AND problem_id = ?",
                                (case_id, problem_id))
    for problem_id in wanted:
        if problem_id not in have:
            rows.insert(ledger, "penalty_problem", {"id": f"{case_id}/{problem_id}",
                                                    "case_id": case_id, "problem_id": problem_id})


def _daily_fine_typed_or_counted(ledger: Ledger, form: Form, row_id: str | None) -> None:
    """A case with rechecks has its daily fine counted from them (按日连续处罚办法
    第十七至十九条), never typed: the typed amount of an older case is kept as it was.
    Without them, a case marked 按日连续处罚 needs the amount typed."""
    counted = daily_fines.count(ledger, row_id, form.values["fine_fen"]) if row_id else None
    if counted is not None and (counted.periods or daily_fines.has_orders_or_rechecks(ledger, row_id)):
        typed = form.raw.get("daily_fine_amount")
        if typed not in (None, "") and form.values["daily_fine_fen"] != counted.total_fen:
            form.fail("daily_fine_amount", "error.penalty_daily_fine_counted",
                      days=counted.days)
        form.values["daily_fine_fen"] = counted.total_fen
        form.values["daily_fine"] = 1
    elif form.values["daily_fine_fen"] and not form.values["daily_fine"]:
        form.values["daily_fine"] = 1
    elif form.values["daily_fine"] and not form.values["daily_fine_fen"] \
            and not form.has_error("daily_fine_amount"):
        # 按日连续处罚 ticked with no amount would count as a special measure of 0.00 yuan
        form.fail("daily_fine_amount", "error.penalty_daily_fine_missing")


def add(ledger: Ledger, raw: Mapping[str, Any]) -> Changes:
    """Record a penalty case. Fines are given in yuan and stored as fen."""
    form = check(ledger, raw)
    form.raise_if_blocked()
    with ledger.transaction():
        row_id = rows.insert(ledger, "penalty_case", form.values)
        stages.follow_case_dates(ledger, row_id, form.values)
        _link_problems(ledger, row_id, getattr(form, "problem_ids", None))
    return Changes.of(*TABLES[:2], "penalty_problem", ids=(row_id,), warnings=form.warnings)


def update(ledger: Ledger, row_id: str, raw: Mapping[str, Any],
           based_on: int | None = None) -> Changes:
    current = get(ledger, row_id)
    merged = {**current, "fine": Decimal(current["fine_fen"]) / 100,
              "daily_fine_amount": Decimal(current["daily_fine_fen"]) / 100, **raw}
    if "daily_fine_amount" not in raw:
        merged["daily_fine_amount"] = None if daily_fines.has_orders_or_rechecks(ledger, row_id) \
            else merged["daily_fine_amount"]
    if not {"problem", "problem_ids", "problem_id"} & raw.keys():
        merged.pop("problem_id", None)  # the links stay as they are
    form = check(ledger, merged, row_id)
    form.raise_if_blocked()
    values = {k: v for k, v in form.values.items() if k != "stage"}
    if "problem_id" not in merged:
        values.pop("problem_id", None)
    with ledger.transaction():
        rows.update(ledger, "penalty_case", row_id, values, based_on)
        stages.follow_case_dates(ledger, row_id, values)
        _link_problems(ledger, row_id, getattr(form, "problem_ids", None))
    return Changes.of(*TABLES[:2], "penalty_problem", ids=(row_id,), warnings=form.warnings)


def delete(ledger: Ledger, row_id: str) -> Changes:
    """Delete a case entered twice or by mistake (a manager's action); its stages, orders,
    rechecks, seizures, extensions and problem links go with it."""
    rows.delete(ledger, "penalty_case", row_id)
    return Changes.of(*TABLES, ids=(row_id,))


def daily_fine_counted(ledger: Ledger, row_id: str | None) -> bool:
    """Whether the case's daily-fine amount is counted from its orders and rechecks (an
    exchanged row then carries the count its site made, not a typed amount)."""
    return bool(row_id) and daily_fines.has_orders_or_rechecks(ledger, row_id)


def cases_of_problem(ledger: Ledger, problem_id: str) -> list[dict[str, Any]]:
    """The penalty cases that punish a problem (its detail lists them)."""
    return [dict(r) for r in ledger.conn.execute(
        "SELECT c.id, c.case_number, c.stage, c.decided_on, c.fine_fen FROM penalty_problem l "
        "JOIN penalty_case c ON c.id = l.case_id WHERE l.problem_id = ? "
        "ORDER BY coalesce(c.decided_on, c.opened_on)", (problem_id,))]
