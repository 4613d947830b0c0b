"""Inspections (检查) with their officers, and the problems each one found."""
from __future__ import annotations

from typing import Any, Mapping, Sequence

from . import problems, rows
from .changes import Changes
from .errors import Issue, ValidationError
from .ledger import Ledger
from .validation import Form
from .vocabulary import INSPECTION_KINDS, INSPECTION_RESULTS

MIN_OFFICERS = 2  # enforcement law requires two officers on site


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


def add(ledger: Ledger, raw: Mapping[str, Any], officers: Sequence[str],
        found: Sequence[Mapping[str, Any]] = ()) -> Changes:
    """Record an inspection and the problems it found, all in one transaction."""
    form = check(ledger, raw, officers)
    if found and form.values.get("result") == "no_problem":
        form.fail("result", "error.result_no_problem_with_problems")
    issues = list(form.issues)
    checked = []
    for index, problem in enumerate(found):
        problem_form = problems.check(ledger, _problem_defaults(form.values, problem))
        issues += [Issue(f"problems[{index}].{i.field}", i.code, i.params, i.warning)
                   for i in problem_form.issues if i.field != "inspection_id"]
        checked.append(problem_form.values)
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
