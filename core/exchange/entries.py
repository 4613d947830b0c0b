"""An exchange file's changes are input: each is checked like a typed write.

Without a shared key anyone can build an .ecox by hand, so nothing in one is trusted:
first every change's shape and every value's type against the table here (`shape`), then
the row each change leaves behind is run through the same core validation a clerk's typed
write goes through (`check_rows`: vocabularies, dates, money, lengths, references,
workflow). A file with one invalid change is refused whole, naming the change.
"""
from __future__ import annotations

import re
import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Iterable, TYPE_CHECKING

from .. import attachments, campaigns, enterprises, inspections, messages, penalties, problems
from .. import deadlines, workflow
from ..errors import Issue, LedgerError, ValidationError
from ..validation import MAX_NAME, MAX_TEXT, Form, strip_invisible
from . import history

if TYPE_CHECKING:
    from ..ledger import Ledger

_DOT = re.compile(r"^[0-9A-Za-z-]{1,64}:[0-9]{1,18}$")
MAX_KEY = 200
_INT64 = 2**63


class InvalidEntry(LedgerError):
    def __init__(self, path: Path | str, number: int, entry: Any, reason: str):
        table = entry.get("table") if isinstance(entry, dict) else "?"
        row = entry.get("row") if isinstance(entry, dict) else "?"
        super().__init__("error.exchange_entry", path=path, number=number,
                         table=_short(table), row=_short(row), reason=reason)


def _short(value: Any) -> str:
    text = strip_invisible(value)
    return text if len(text) <= 40 else text[:39] + "…"


# -- the shape of a change and the types of its values

def shape(conn: sqlite3.Connection, entries: list[Any], path: Path | str) -> None:
    """Refuse the first change that is not a well-formed change of a known table, or
    carries a value of the wrong type, an over-long text or an invisible character."""
    types = {t: {r[1]: (r[2] or "").upper() for r in conn.execute(f"PRAGMA table_info({t})")}
             for t in history.exchanged_tables(conn)}
    for number, entry in enumerate(entries, start=1):
        reason = _shape_reason(entry, types)
        if reason:
            raise InvalidEntry(path, number, entry, reason)


def _shape_reason(entry: Any, types: dict[str, dict[str, str]]) -> str | None:
    malformed = messages.text("error.exchange_entry_shape")
    if not isinstance(entry, dict):
        return malformed
    if not isinstance(entry.get("dot"), str) or not _DOT.match(entry["dot"]):
        return malformed
    if entry.get("action") not in history.ROW_ACTIONS or not isinstance(entry.get("table"), str):
        return malformed
    row = entry.get("row")
    if not isinstance(row, str) or not row or len(row) > MAX_KEY or strip_invisible(row) != row:
        return malformed
    for part in ("old", "new"):
        if entry.get(part) is not None and not isinstance(entry[part], dict):
            return malformed
    if entry["action"] != "delete" and not isinstance(entry.get("new"), dict):
        return malformed
    if not isinstance(entry.get("base", {}), dict) or not isinstance(entry.get("at", ""), str):
        return malformed
    operator = entry.get("operator")
    if operator is not None and (not isinstance(operator, str) or len(operator) > MAX_NAME
                                 or strip_invisible(operator) != operator):
        return messages.text("error.exchange_field_type", field="operator",
                             value=_short(operator))
    columns = types.get(entry["table"])
    if columns is None:  # a table this version does not have: the merge skips it
        return None
    long_text = LONG_TEXT.get(entry["table"], ())
    for part in ("old", "new"):
        for field, value in (entry.get(part) or {}).items():
            limit = MAX_LONG_TEXT if field in long_text else MAX_TEXT
            if field not in columns or not _fits(columns[field], value, limit):
                return messages.text("error.exchange_field_type", field=field,
                                     value=_short(value))
    return None


# Columns the program writes, not a person: a 双随机 draw's recorded inputs (the whole
# directory snapshot, as JSON) and a submitted return's figures (every cell, as JSON) are
# far longer than any typed text, and bounded instead by the archive's member caps.
LONG_TEXT = {"random_draw": ("inputs",), "return_submission": ("figures",)}
MAX_LONG_TEXT = 64 * 1024 * 1024


def _fits(declared: str, value: Any, limit: int = MAX_TEXT) -> bool:
    """Whether `value` (from JSON) may be stored in a column declared `declared`."""
    if value is None:
        return True
    if isinstance(value, bool) or isinstance(value, (dict, list)):
        return False
    if isinstance(value, int):
        return ("INT" in declared or "REAL" in declared) and -_INT64 <= value < _INT64
    if isinstance(value, float):
        return "REAL" in declared and value == value and abs(value) != float("inf")
    if isinstance(value, str):
        if "INT" in declared or "REAL" in declared:
            return False
        kept = strip_invisible(value)
        # leading and trailing spaces are trimmed by validation; what else it removes is
        # not text (controls, direction overrides) and no typed write could store it
        return len(value) <= limit and kept == value.strip()
    return False


# -- the rows the changes leave, through the core validation of each kind of record

def planned_rows(conn: sqlite3.Connection, entries: Iterable[tuple[int, dict[str, Any]]],
                 keys: dict[str, list[str]]) -> list[tuple[int, dict, dict, dict | None]]:
    """(number, entry, the row after it, the row before it) for every insert and update
    of (number in the file, change), the rows read as they are here before the merge and
    followed through the file."""
    rows: dict[tuple[str, str], dict | None] = {}
    planned = []
    for number, entry in entries:
        table = entry["table"]
        if table not in keys:
            continue
        where = (table, entry["row"])
        if where not in rows:
            rows[where] = _current(conn, table, entry["row"], keys[table])
        before = rows[where]
        if entry["action"] == "delete":
            rows[where] = None
            continue
        after = dict(entry["new"]) if entry["action"] == "insert" else \
            {**(before or entry.get("old") or {}), **entry["new"]}
        # a change of a row not here gives only part of a row: not a base for the next
        rows[where] = after if entry["action"] == "insert" or before is not None else None
        planned.append((number, entry, after, before))
    return planned


def _current(conn: sqlite3.Connection, table: str, row_id: str, key: list[str]) -> dict | None:
    parts = row_id.split("/", len(key) - 1)
    if len(parts) != len(key):
        return None
    found = conn.execute(f"SELECT * FROM {table} WHERE " + " AND ".join(f"{k} = ?" for k in key),
                         parts).fetchone()
    return dict(found) if found else None


def check_rows(ledger: Ledger, planned: Iterable[tuple[int, dict, dict, dict | None]],
               path: Path | str) -> None:
    """Run every planned row through its kind's core validation (after the merge wrote
    the file's rows, inside its transaction, so that a row may refer to one the same file
    brings); the first blocking finding refuses the file."""
    for number, entry, row, before in planned:
        check = CHECKS.get(entry["table"])
        if check is None:
            continue
        found = [i for i in check(ledger, row, entry) if not i.warning]
        if before is None and entry["action"] == "update":
            # a row not here (deleted here, kept as a conflict): only what the change
            # brings can be judged
            found = [i for i in found if i.field in entry["new"]]
        # a reference to a row deleted since (here or later in the file) was valid when
        # made: the merge keeps such a change as a conflict or passes it on
        found = [i for i in found if not (i.code == "error.reference_unknown"
                                          and _deleted(ledger, str(i.params.get("value"))))]
        if found:
            raise InvalidEntry(path, number, entry, str(ValidationError(found)))


def _deleted(ledger: Ledger, row_id: str) -> bool:
    from .. import audit

    return ledger.conn.execute(
        f"SELECT 1 FROM {audit.LOG} WHERE substr(row_id, 1, 8) = substr(?, 1, 8) AND row_id = ? "
        "AND action = 'delete' LIMIT 1", (row_id, row_id)).fetchone() is not None


def _problem(ledger: Ledger, row: dict, entry: dict) -> list[Issue]:
    form = problems.check(ledger, row)
    statuses = {s.value for s in workflow.Status}
    if row.get("status") not in statuses:
        form.fail("status", "error.status_unknown", status=row.get("status"))
    # a change of status is a step the workflow allows, from the status the change left
    # at its own site (the row here may differ: that is a conflict, not an error)
    old, new = (entry.get("old") or {}).get("status"), (entry.get("new") or {}).get("status")
    if entry["action"] == "update" and old in statuses and new in statuses and old != new:
        try:
            workflow.check(old, new)
        except LedgerError as refused:
            form.fail("status", refused.code, **refused.params)
    # the stored row: the deadline and its kind as core.deadlines wrote them (the wording
    # a clerk typed is in deadline_text)
    _dates(form, row, ("deadline",), required=False)
    if row.get("deadline_kind") not in (None, *(kind.value for kind in deadlines.Kind)):
        form.fail("deadline_kind", "error.deadline_kind_unknown", value=row.get("deadline_kind"))
    _dates(form, row, ("status_since", "deadline_since"), required=True)
    _dates(form, row, ("deadline_in_force",), required=False)  # 长期坚持 has none
    _dates(form, row, ("done_on", "closed_on", "withdrawn_on"), required=False)
    form.text("withdrawn_reason")
    return form.issues


def _dates(form: Form, row: dict, fields: tuple[str, ...], required: bool) -> None:
    reading = Form(row, form.today)
    for field in fields:
        reading.date(field, required=required)
    form.issues += reading.issues


def _problem_log(ledger: Ledger, row: dict, entry: dict) -> list[Issue]:
    form = Form(row)
    form.reference(ledger, "problem_id", "problem", required=True)
    form.date("happened_on", not_future=True)
    form.text("note")
    statuses = {s.value for s in workflow.Status}
    for field in ("status_from", "status_to"):
        if row.get(field) is not None and row[field] not in statuses:
            form.fail(field, "error.status_unknown", status=row[field])
    if row.get("status_from") in statuses and row.get("status_to") in statuses:
        try:
            workflow.check(row["status_from"], row["status_to"])
        except LedgerError as refused:
            form.fail("status_to", refused.code, **refused.params)
    return form.issues


def _measure(ledger: Ledger, row: dict, entry: dict) -> list[Issue]:
    form = problems.check_measure(row)
    form.reference(ledger, "problem_id", "problem", required=True)
    return form.issues


def _extension(ledger: Ledger, row: dict, entry: dict) -> list[Issue]:
    form = Form(row)
    form.reference(ledger, "problem_id", "problem", required=True)
    if form.has_error("problem_id"):
        return form.issues
    typed = problems.check_extension(ledger, row["problem_id"], row)
    # "later than the deadline in force" held when it was asked for; once approved, the
    # deadline in force is this one
    issues = [i for i in typed.issues if i.code != "error.extension_not_later"]
    _dates(form, row, ("approved_on", "refused_on"), required=False)
    return form.issues + issues


def _enterprise(ledger: Ledger, row: dict, entry: dict) -> list[Issue]:
    return enterprises.check(ledger, row, row.get("id")).issues


def _penalty(ledger: Ledger, row: dict, entry: dict) -> list[Issue]:
    typed = {**row, "fine": _yuan(row.get("fine_fen")),
             "daily_fine_amount": _yuan(row.get("daily_fine_fen"))}
    if penalties.daily_fine_counted(ledger, row.get("id")):
        # counted from the orders and rechecks (the file brings them): what its site
        # counted at that change, not a typed amount; `check` counts it here again
        typed["daily_fine_amount"] = None
    return penalties.check(ledger, typed, row.get("id")).issues


def _penalty_part(ledger: Ledger, row: dict, form: Form | None = None) -> Form:
    """A row of a case's procedure: it belongs to a case here (or in the same file)."""
    form = form or Form(row)
    form.reference(ledger, "case_id", "penalty_case", required=True)
    form.text("note")
    return form


def _penalty_stage(ledger: Ledger, row: dict, entry: dict) -> list[Issue]:
    from ..penalties import stages

    form = _penalty_part(ledger, row)
    form.choice("stage", stages.STAGES)
    form.date("happened_on", not_future=True)
    form.text("done_by", max_length=MAX_NAME)
    return form.issues


def _penalty_order(ledger: Ledger, row: dict, entry: dict) -> list[Issue]:
    form = _penalty_part(ledger, row)
    form.date("served_on", not_future=True)
    form.text("document_number", max_length=80)
    return form.issues


def _penalty_recheck(ledger: Ledger, row: dict, entry: dict) -> list[Issue]:
    from ..penalties import rules

    form = _penalty_part(ledger, row)
    form.date("checked_on", not_future=True)
    form.choice("finding", rules.RECHECK_RESULTS)
    return form.issues


def _penalty_seizure(ledger: Ledger, row: dict, entry: dict) -> list[Issue]:
    from ..penalties import seizures

    return _penalty_part(ledger, row, seizures.check(row)).issues


def _penalty_extension(ledger: Ledger, row: dict, entry: dict) -> list[Issue]:
    form = _penalty_part(ledger, row)
    form.choice("kind", ("head", "collective"))
    form.date("approved_on", not_future=True)
    form.date("due_on")
    form.text("approved_by", required=True, max_length=60)
    form.text("reason")
    return form.issues


def _penalty_problem(ledger: Ledger, row: dict, entry: dict) -> list[Issue]:
    form = Form(row)
    form.reference(ledger, "case_id", "penalty_case", required=True)
    form.reference(ledger, "problem_id", "problem", required=True)
    return form.issues


def _yuan(fen: Any) -> Any:
    return Decimal(fen) / 100 if isinstance(fen, int) else fen


def _campaign(ledger: Ledger, row: dict, entry: dict) -> list[Issue]:
    return campaigns.check_campaign(row).issues


def _batch(ledger: Ledger, row: dict, entry: dict) -> list[Issue]:
    return campaigns.check_batch(ledger, row).issues


def _inspection(ledger: Ledger, row: dict, entry: dict) -> list[Issue]:
    officers = [r[0] for r in ledger.conn.execute(
        "SELECT name FROM inspection_officer WHERE inspection_id = ? ORDER BY seq",
        (row.get("id"),))]
    return inspections.check(ledger, row, officers).issues


def _officer(ledger: Ledger, row: dict, entry: dict) -> list[Issue]:
    form = Form(row)
    form.reference(ledger, "inspection_id", "inspection", required=True)
    form.text("name", required=True, max_length=MAX_NAME)
    form.text("badge_number", max_length=40)
    form.integer("seq", 1, 99)
    return form.issues


def _attachment(ledger: Ledger, row: dict, entry: dict) -> list[Issue]:
    form = Form(row)
    form.reference(ledger, "problem_id", "problem", required=True)
    form.choice("phase", attachments.PHASES)
    form.text("name", required=True, max_length=255)
    form.date("attached_on", not_future=True)
    if not re.fullmatch(r"[0-9a-f]{64}", str(row.get("sha256") or "")):
        form.fail("sha256", "error.exchange_field_type", field="sha256",
                  value=_short(row.get("sha256")))
    if not re.fullmatch(r"(\.[0-9A-Za-z]{1,10})?", str(row.get("suffix") or "")):
        form.fail("suffix", "error.exchange_field_type", field="suffix",
                  value=_short(row.get("suffix")))
    form.integer("size", 0, 2**40)
    return form.issues


CHECKS: dict[str, Callable[[Ledger, dict, dict], list[Issue]]] = {
    "problem": _problem, "problem_log": _problem_log, "measure": _measure,
    "deadline_extension": _extension, "enterprise": _enterprise, "penalty_case": _penalty,
    "campaign": _campaign, "batch": _batch, "inspection": _inspection,
    "inspection_officer": _officer, "attachment": _attachment,
    "penalty_stage": _penalty_stage, "penalty_order": _penalty_order,
    "penalty_recheck": _penalty_recheck, "penalty_seizure": _penalty_seizure,
    "penalty_extension": _penalty_extension, "penalty_problem": _penalty_problem,
}
