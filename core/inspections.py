"""Inspections (检查) with their officers, and the problems each one found."""
from __future__ import annotations

from typing import Any, Mapping, Sequence, TYPE_CHECKING

from . import permissions, problems, rows, versions
from .changes import Changes
from .errors import Issue, LedgerError, ValidationError
from .validation import Form
from .vocabulary import INSPECTION_KINDS, INSPECTION_RESULTS

if TYPE_CHECKING:
    from .ledger import Ledger

MIN_OFFICERS = 2  # enforcement law requires two officers on site
FIELDS = ("enterprise_id", "inspected_on", "kind", "result", "campaign_id", "notes")


def check(ledger: Ledger, raw: Mapping[str, Any], officers: Sequence[str]) -> Form:
    form = Form(raw)
    form.reference(ledger, "enterprise_id", "enterprise", required=True)
    form.date("inspected_on", not_future=True)
    form.choice("kind", INSPECTION_KINDS)
    form.choice("result", INSPECTION_RESULTS)
    form.reference(ledger, "campaign_id", "campaign")
    form.text("notes")
    names = [" ".join(name.split()) for name in officers if name and name.strip()]
    if len(names) < MIN_OFFICERS:
        form.fail("officers", "error.officers_too_few", minimum=MIN_OFFICERS)
    elif len(set(names)) < len(names):
        form.fail("officers", "error.officers_repeated")
    form.values["officers"] = names
    return form


def check_sheet(ledger: Ledger, raw: Mapping[str, Any], officers: Sequence[str],
                found: Sequence[Mapping[str, Any]] = (), row_id: str | None = None
                ) -> tuple[Form, list[Issue], list[dict[str, Any]]]:
    """A whole sheet as typed: the inspection, its officers, the problems found on it (new
    ones; `row_id`'s recorded ones count too). Returns the form, every finding (nested
    `problems[i].field` for the problems) and the problems' clean values."""
    form = check(ledger, raw, officers)
    recorded = len(problems_of(ledger, row_id)) if row_id else 0
    result = form.values.get("result")
    if (found or recorded) and result == "no_problem":
        form.fail("result", "error.result_no_problem_with_problems")
    elif result == "problems_found" and not found and not recorded:
        form.fail("result", "error.result_problems_found_without_problem")
    issues = list(form.issues)
    checked = []
    for index, problem in enumerate(found):
        problem_form = problems.check(ledger, _problem_defaults(form.values, problem))
        issues += [Issue(f"problems[{index}].{i.field}", i.code, i.params, i.warning)
                   for i in problem_form.issues if i.field != "inspection_id"]
        checked.append(problem_form.values)
    return form, issues, checked


def add(ledger: Ledger, raw: Mapping[str, Any], officers: Sequence[str],
        found: Sequence[Mapping[str, Any]] = ()) -> Changes:
    """Record an inspection and the problems it found, all in one transaction."""
    form, issues, checked = check_sheet(ledger, raw, officers, found)
    if any(not issue.warning for issue in issues):
        raise ValidationError(issues)
    values = {k: v for k, v in form.values.items() if k != "officers"}
    with ledger.transaction():
        inspection_id = rows.insert(ledger, "inspection", values)
        ledger.conn.executemany(
            "INSERT INTO inspection_officer (inspection_id, seq, name) VALUES (?, ?, ?)",
            [(inspection_id, seq, name) for seq, name in enumerate(form.values["officers"], 1)],
        )
        problem_ids = [problems.insert_checked(ledger, {**p, "inspection_id": inspection_id})
                       for p in checked]
    tables = ("inspection", "problem") if problem_ids else ("inspection",)
    warnings = [issue for issue in issues if issue.warning]
    return Changes.of(*tables, ids=(inspection_id, *problem_ids), warnings=warnings)


def update(ledger: Ledger, row_id: str, raw: Mapping[str, Any], officers: Sequence[str],
           found: Sequence[Mapping[str, Any]] = (), based_on: int | None = None) -> Changes:
    """Correct a saved sheet: its fields and officers, and more problems found on it
    (those already recorded are corrected on their own); `based_on` is the version the
    values were typed over (the officers are part of it)."""
    current = get(ledger, row_id)
    merged = {**{k: current[k] for k in FIELDS}, **raw}
    form, issues, checked = check_sheet(ledger, merged, officers, found, row_id)
    if any(not issue.warning for issue in issues):
        raise ValidationError(issues)
    values = {k: form.values[k] for k in FIELDS}
    names = form.values["officers"]
    with ledger.transaction():
        versions.check(ledger, "inspection", row_id, based_on, FIELDS)
        if based_on is not None and names != current["officers"]:
            _officers_unchanged_since(ledger, row_id, based_on, current["officers"])
        rows.update(ledger, "inspection", row_id, values)
        if names != current["officers"]:
            ledger.conn.execute("DELETE FROM inspection_officer WHERE inspection_id = ?",
                                (row_id,))
            ledger.conn.executemany(
                "INSERT INTO inspection_officer (inspection_id, seq, name) VALUES (?, ?, ?)",
                [(row_id, seq, name) for seq, name in enumerate(names, 1)])
        problem_ids = [problems.insert_checked(ledger, {**p, "inspection_id": row_id})
                       for p in checked]
    tables = ("inspection", "problem") if problem_ids else ("inspection",)
    warnings = [issue for issue in issues if issue.warning]
    return Changes.of(*tables, ids=(row_id, *problem_ids), warnings=warnings)


def _officers_unchanged_since(ledger: Ledger, row_id: str, based_on: int,
                              now: list[str]) -> None:
    """Refuse replacing the officers when someone replaced them after `based_on`."""
    last = ledger.conn.execute(
        "SELECT l.at, coalesce(s.operator, l.operator, '') FROM audit_log l LEFT JOIN "
        "audit_seal s ON s.seq = l.seq WHERE substr(l.row_id, 1, 8) = substr(?1, 1, 8) "
        "AND l.row_id > ?1 || '/' AND l.row_id < ?1 || '0' "  # its officers' 'id/…' rows
        "AND l.table_name = 'inspection_officer' AND l.row_id LIKE ?1 || '/%' AND l.seq > ?2 "
        "ORDER BY l.seq DESC LIMIT 1", (row_id, based_on)).fetchone()
    if last:
        change = versions.FieldChange("officers", None, "、".join(now), last[1], last[0])
        raise versions.StaleWrite("inspection", row_id,
                                  versions.version(ledger, "inspection", row_id), [change])


def delete(ledger: Ledger, row_id: str) -> Changes:
    """Delete a sheet entered by mistake, with its officers (a manager's action; the audit
    trail keeps it); refused while problems found on it are recorded."""
    permissions.require(ledger, permissions.Action.DELETE_INSPECTION)
    get(ledger, row_id)
    found = problems_of(ledger, row_id)
    if found:
        raise LedgerError("error.delete_inspection_has_problems", count=len(found),
                          numbers="、".join(p["number"] or p["description"][:20]
                                           for p in found[:5]))
    rows.delete(ledger, "inspection", row_id)
    return Changes.of("inspection", ids=(row_id,))


def problems_of(ledger: Ledger, row_id: str) -> list[dict[str, Any]]:
    """The problems recorded as found on inspection `row_id`."""
    return [dict(r) for r in ledger.conn.execute(
        "SELECT id, number, description, status FROM problem WHERE inspection_id = ? "
        "ORDER BY created_at", (row_id,))]


def _problem_defaults(inspection: Mapping[str, Any], problem: Mapping[str, Any]) -> dict:
    """A problem found on site: from this enterprise, assigned on the inspection day."""
    return {
        "source": "inspection",
        "enterprise_id": inspection.get("enterprise_id"),
        "assigned_on": inspection.get("inspected_on"),
        "campaign_id": inspection.get("campaign_id"),
        **{k: v for k, v in problem.items() if v not in (None, "")},
    }


def get(ledger: Ledger, row_id: str) -> dict[str, Any]:
    inspection = rows.get(ledger, "inspection", row_id)
    inspection["officers"] = [r[0] for r in ledger.conn.execute(
        "SELECT name FROM inspection_officer WHERE inspection_id = ? ORDER BY seq", (row_id,))]
    return inspection
