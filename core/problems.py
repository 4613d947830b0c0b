"""Problems (环境问题) and their rectification: status log, notes, deadline extensions."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Mapping, TYPE_CHECKING

from . import codes, deadlines, dates, enterprises, numbering, permissions, rows, versions, workflow
from .changes import Changes
from .errors import LedgerError
from .validation import Form, clean_text, text_value
from .workflow import Status

if TYPE_CHECKING:
    from .ledger import Ledger

FIELDS = ("number", "source", "campaign_id", "batch_id", "inspection_id", "enterprise_id",
          "region_code", "category", "extra_categories", "description", "assigned_on",
          "deadline", "responsible_unit", "responsible_person", "complaint_number")
# What `check` stores besides FIELDS: the deadline's wording and kind (see core.deadlines).
DEADLINE_FIELDS = ("deadline_text", "deadline_kind")


def check(ledger: Ledger, raw: Mapping[str, Any],
          current: Mapping[str, Any] | None = None) -> Form:
    """Validate a problem as typed; the form holds clean values and findings. A category
    or source retired since is kept on a `current` record that holds it."""
    raw = enterprises.with_region(ledger, _with_categories(raw))
    current = current or {}
    form = Form(raw)
    form.values["number"] = numbering.year_brackets(form.text("number", max_length=60))
    codes.check_value(ledger, form, "source", keep=current.get("source"))
    form.reference(ledger, "campaign_id", "campaign")
    form.reference(ledger, "batch_id", "batch")
    form.reference(ledger, "inspection_id", "inspection")
    form.reference(ledger, "enterprise_id", "enterprise")
    form.region(ledger)
    codes.check_value(ledger, form, "category", keep=current.get("category"))
    codes.check_extra(ledger, form, keep=current.get("extra_categories"))
    form.text("description", required=True)
    form.date("assigned_on", not_future=True)
    form.deadline("deadline", "assigned_on")
    form.ordered("assigned_on", "deadline", "error.deadline_before_assigned")
    form.text("responsible_unit", max_length=200)
    form.text("responsible_person", max_length=60)
    _complaint_number(ledger, form, raw.get("id"))
    _campaign_from_batch(ledger, form)
    return form


def number_preview(ledger: Ledger, raw: Mapping[str, Any]) -> str | None:
    """The number a new problem typed as `raw` would get if saved now (its own number if
    typed; None while its county or assigned date is missing or wrong)."""
    form = check(ledger, raw)
    values = form.values
    if values.get("number"):
        return values["number"]
    if not values.get("region_code") or not values.get("assigned_on") \
            or form.has_error("region_code") or form.has_error("assigned_on"):
        return None
    return numbering.next_number(ledger.conn, values)


def _with_categories(raw: Mapping[str, Any]) -> Mapping[str, Any]:
    """A category given as several ("大气、噪声", or a list): the first is the main one, the
    others are the further categories (in place of any recorded before)."""
    given = raw.get("category")
    if isinstance(given, str):
        parts = codes.split(given)
    elif isinstance(given, (list, tuple)):
        parts = [str(p) for p in given]
    else:
        return raw
    if len(parts) <= 1 and isinstance(given, str):
        return raw
    return {**raw, "category": parts[0] if parts else None, "extra_categories": parts[1:]}


def _complaint_number(ledger: Ledger, form: Form, row_id: str | None) -> None:
    """A complaint number (受理编号) is kept as one word in capitals and names one problem."""
    number = numbering.normalise_complaint_number(form.text("complaint_number", max_length=40))
    form.values["complaint_number"] = number
    if number:
        other = numbering.find_by_complaint_number(ledger.conn, number)
        if other and other != row_id:
            form.fail("complaint_number", "error.complaint_number_taken", number=number)


def typed(problem: Mapping[str, Any]) -> dict[str, Any]:
    """A stored problem's fields as a form shows them (the deadline as it was written)."""
    values = {k: problem.get(k) for k in FIELDS}
    values["deadline"] = deadlines.typed(problem.get("deadline_kind"), problem.get("deadline"),
                                         problem.get("deadline_text"))
    return values


def find_by_complaint_number(ledger: Ledger, number: str) -> dict[str, Any] | None:
    """The problem carrying complaint number `number` (受理编号), if any: the identity of a
    complaint across batch lists, for re-import."""
    row_id = numbering.find_by_complaint_number(ledger.conn, number)
    return get(ledger, row_id) if row_id else None


def _campaign_from_batch(ledger: Ledger, form: Form) -> None:
    batch_id = form.values.get("batch_id")
    if batch_id and not form.values.get("campaign_id") and not form.has_error("batch_id"):
        row = ledger.conn.execute("SELECT campaign_id FROM batch WHERE id = ?", (batch_id,))
        form.values["campaign_id"] = row.fetchone()[0]


def add(ledger: Ledger, raw: Mapping[str, Any]) -> Changes:
    """Record a newly assigned problem; its log starts with 'assigned' on its assigned date."""
    form = check(ledger, raw)
    form.raise_if_blocked()
    with ledger.transaction():
        row_id = insert_checked(ledger, form.values)
    return Changes.of("problem", ids=(row_id,), warnings=form.warnings)


def insert_checked(ledger: Ledger, values: Mapping[str, Any]) -> str:
    """Insert validated problem values with their first log entry (inside a transaction)."""
    assigned_on = values["assigned_on"]
    if not values.get("number"):
        values = {**values, "number": numbering.next_number(ledger.conn, values)}
    row_id = rows.insert(ledger, "problem", {
        **values, "status": Status.ASSIGNED.value, "status_since": assigned_on,
        "deadline_in_force": values["deadline"], "deadline_since": assigned_on,
    })
    _log(ledger, row_id, assigned_on, None, Status.ASSIGNED.value, None)
    return row_id


def update(ledger: Ledger, row_id: str, raw: Mapping[str, Any],
           based_on: int | None = None) -> Changes:
    """Correct a problem's recorded fields (status changes go through `transition`);
    `based_on` is the version the values were typed over."""
    current = get(ledger, row_id)
    form = check(ledger, {**typed(current), **raw, "id": row_id}, current)
    first_change = _first_change_after_assignment(ledger, row_id)
    if form.values.get("assigned_on") and first_change and form.values["assigned_on"] > first_change:
        form.fail("assigned_on", "error.assigned_after_change", date=first_change)
    form.raise_if_blocked()
    values = {k: form.values[k] for k in (*FIELDS, *DEADLINE_FIELDS)}
    if not values["number"]:
        values["number"] = current["number"]  # a number once given stays
    if not _has_extension(ledger, row_id):
        values["deadline_in_force"] = values["deadline"]
        values["deadline_since"] = values["assigned_on"]
    if current["status"] == Status.ASSIGNED.value:
        values["status_since"] = values["assigned_on"]
    with ledger.transaction():
        versions.check(ledger, "problem", row_id, based_on, FIELDS)
        rows.update(ledger, "problem", row_id, values)
        ledger.conn.execute(
            "UPDATE problem_log SET happened_on = ? WHERE problem_id = ? AND seq = 1",
            (values["assigned_on"], row_id),
        )
    return Changes.of("problem", ids=(row_id,), warnings=form.warnings)


def delete(ledger: Ledger, row_id: str) -> Changes:
    """Delete a problem entered by mistake (a manager's action), with its log, measures,
    extensions and attachments; refused while a penalty case still names it."""
    permissions.require(ledger, permissions.Action.DELETE_PROBLEM)
    problem = get(ledger, row_id)
    cases = [r[0] for r in ledger.conn.execute(
        "SELECT case_number FROM penalty_case WHERE problem_id = ? ORDER BY case_number",
        (row_id,))]
    if cases:
        raise LedgerError("error.delete_problem_has_penalty", key=problem["number"] or row_id,
                          cases="、".join(cases))
    rows.delete(ledger, "problem", row_id)
    return Changes.of("problem", "attachment", ids=(row_id,))


def _first_change_after_assignment(ledger: Ledger, row_id: str) -> str | None:
    row = ledger.conn.execute(
        "SELECT min(happened_on) FROM problem_log WHERE problem_id = ? AND seq > 1", (row_id,)
    ).fetchone()
    return row[0]


def _has_extension(ledger: Ledger, row_id: str) -> bool:
    return ledger.conn.execute(
        "SELECT 1 FROM deadline_extension WHERE problem_id = ? AND approved_on IS NOT NULL",
        (row_id,),
    ).fetchone() is not None


def get(ledger: Ledger, row_id: str) -> dict[str, Any]:
    return rows.get(ledger, "problem", row_id)


def allowed_transitions(ledger: Ledger, row_id: str) -> tuple[Status, ...]:
    problem = get(ledger, row_id)
    if problem["withdrawn_on"]:
        return ()
    return workflow.allowed(problem["status"])


def transition(ledger: Ledger, row_id: str, target: str, on: object | None = None,
               note: str | None = None, acceptance: Mapping[str, Any] | None = None,
               photos: Iterable[str | Path] = ()) -> Changes:
    """Move a problem to `target` on date `on` (default today), if the workflow allows it.
    Closing (销号) records its acceptance (see `check_acceptance`) and takes the after-photos."""
    problem = get(ledger, row_id)
    if problem["withdrawn_on"]:
        raise LedgerError("error.problem_withdrawn")
    to = workflow.check(problem["status"], target)
    note = text_value("note", note) if note is not None and clean_text(note) else None
    permissions.require_move_to(ledger, to.value)
    day = _event_date(on, problem["status_since"])
    accepted = None
    if to is Status.CLOSED:
        form = check_acceptance({**(acceptance or {}), "accepted_on": day})
        form.raise_if_blocked()
        accepted = form.values
    values: dict[str, Any] = {"status": to.value, "status_since": day}
    if to is Status.REPORTED_DONE:
        values["done_on"] = day
    elif to is Status.CLOSED:
        values["closed_on"] = day
    elif to is Status.REOPENED:
        values["closed_on"] = None
    with ledger.transaction():
        rows.update(ledger, "problem", row_id, values)
        _log(ledger, row_id, day, problem["status"], to.value, note)
        if accepted:
            rows.insert(ledger, "acceptance", {"problem_id": row_id, **accepted})
            if photos:
                from . import attachments

                attachments.attach(ledger, row_id, photos, phase="after")
                return Changes.of("problem", "attachment", ids=(row_id,))
    return Changes.of("problem", ids=(row_id,))


def check_acceptance(raw: Mapping[str, Any]) -> Form:
    """Validate an acceptance (验收) as typed: accepted_on, accepted_by (the verifier),
    accepted_unit (the verifier's unit) and opinion (验收意见)."""
    raw = {**raw, "accepted_on": raw.get("accepted_on") or dates.today().isoformat()}
    form = Form(raw)
    form.date("accepted_on", not_future=True)
    form.text("accepted_by", required=True, max_length=60)
    form.text("accepted_unit", max_length=200)
    form.text("opinion", required=True)
    return form


def check_close(ledger: Ledger, row_id: str, raw: Mapping[str, Any]) -> Form:
    """Validate the acceptance of closing problem `row_id` as typed (the form's check)."""
    problem = get(ledger, row_id)
    form = check_acceptance({"accepted_on": dates.today().isoformat(), **raw})
    day = form.values.get("accepted_on")
    if day and day < problem["status_since"]:
        form.fail("accepted_on", "error.event_before_last", value=day, last=problem["status_since"])
    return form


def acceptances(ledger: Ledger, row_id: str) -> list[dict[str, Any]]:
    """The problem's acceptances, oldest first (a reopened problem closed again has two)."""
    return [dict(r) for r in ledger.conn.execute(
        "SELECT * FROM acceptance WHERE problem_id = ? ORDER BY accepted_on, created_at",
        (row_id,))]


def add_note(ledger: Ledger, row_id: str, note: str, on: object | None = None) -> Changes:
    """A dated progress note in the problem's log."""
    problem = get(ledger, row_id)
    note = text_value("note", note or "", empty_code="error.note_empty")
    day = _event_date(on, problem["assigned_on"])
    with ledger.transaction():
        _log(ledger, row_id, day, None, None, note)
        rows.update(ledger, "problem", row_id, {})
    return Changes.of("problem", ids=(row_id,))


def withdraw(ledger: Ledger, row_id: str, reason: str, on: object | None = None) -> Changes:
    """Withdraw a problem assigned in error: from `on` it no longer counts as assigned."""
    problem = get(ledger, row_id)
    reason = text_value("withdrawn_reason", reason or "", empty_code="error.withdraw_reason")
    if problem["withdrawn_on"]:
        raise LedgerError("error.problem_withdrawn")
    day = _event_date(on, problem["status_since"])
    with ledger.transaction():
        rows.update(ledger, "problem", row_id, {"withdrawn_on": day, "withdrawn_reason": reason})
        _log(ledger, row_id, day, None, None, reason)
    return Changes.of("problem", ids=(row_id,))


def _event_date(on: object | None, not_before: str) -> str:
    """The ISO date of an event: valid, not in the future, not before the last one."""
    try:
        day = dates.iso(on) if on not in (None, "") else dates.today().isoformat()
    except dates.DateError:
        raise LedgerError("error.date_invalid", value=on) from None
    if day > dates.today().isoformat():
        raise LedgerError("error.date_in_future", value=day)
    if day < not_before:
        raise LedgerError("error.event_before_last", value=day, last=not_before)
    return day


def _log(ledger: Ledger, problem_id: str, day: str, status_from: str | None,
         status_to: str | None, note: str | None) -> None:
    seq = ledger.conn.execute(
        "SELECT coalesce(max(seq), 0) + 1 FROM problem_log WHERE problem_id = ?", (problem_id,)
    ).fetchone()[0]
    rows.insert(ledger, "problem_log", {
        "problem_id": problem_id, "happened_on": day, "seq": seq,
        "status_from": status_from, "status_to": status_to, "note": note,
    })


def timeline(ledger: Ledger, row_id: str) -> list[dict[str, Any]]:
    """Status changes and notes, oldest first."""
    return [dict(r) for r in ledger.conn.execute(
        "SELECT * FROM problem_log WHERE problem_id = ? ORDER BY happened_on, seq", (row_id,))]


# -- deadline extensions (延期)

def request_extension(ledger: Ledger, row_id: str, new_deadline: object, reason: str,
                      on: object | None = None) -> Changes:
    """Ask for a later deadline; it counts only once a manager approves it."""
    form = check_extension(ledger, row_id, {"new_deadline": new_deadline, "reason": reason,
                                            "requested_on": on or dates.today()})
    form.raise_if_blocked()
    with ledger.transaction():
        ext_id = rows.insert(ledger, "deadline_extension", {"problem_id": row_id, **form.values})
    # the problem's id too, so that a view showing the problem sees its new request
    return Changes.of("problem", ids=(ext_id, row_id))


def check_extension(ledger: Ledger, row_id: str, raw: Mapping[str, Any]) -> Form:
    """Validate a request for a later deadline (new_deadline, reason, requested_on) as typed."""
    problem = get(ledger, row_id)
    form = Form(raw)
    form.date("new_deadline")
    form.text("reason", required=True)
    form.date("requested_on", not_future=True)
    if problem["deadline_in_force"] is None:
        form.fail("new_deadline", "error.extension_no_date",
                  deadline=deadlines.describe(problem["deadline_kind"], None,
                                              problem["deadline_text"]))
    elif form.values.get("new_deadline") and \
            form.values["new_deadline"] <= problem["deadline_in_force"]:
        form.fail("new_deadline", "error.extension_not_later", deadline=problem["deadline_in_force"])
    return form


def approve_extension(ledger: Ledger, extension_id: str, on: object | None = None) -> Changes:
    """Approve an extension: from `on`, its deadline is the one in force."""
    ext = _undecided_extension(ledger, extension_id, permissions.Action.APPROVE_EXTENSION)
    problem = get(ledger, ext["problem_id"])
    day = _event_date(on, max(problem["deadline_since"], ext["requested_on"]))
    with ledger.transaction():
        rows.update(ledger, "deadline_extension", extension_id,
                    {"approved_on": day, "approved_by": ledger.operator})
        rows.update(ledger, "problem", problem["id"],
                    {"deadline_in_force": ext["new_deadline"], "deadline_since": day})
    return Changes.of("problem", ids=(problem["id"],))


def refuse_extension(ledger: Ledger, extension_id: str, on: object | None = None) -> Changes:
    """Refuse a request for a later deadline (不予延期): the deadline in force stays."""
    ext = _undecided_extension(ledger, extension_id, permissions.Action.REFUSE_EXTENSION)
    day = _event_date(on, ext["requested_on"])
    with ledger.transaction():
        rows.update(ledger, "deadline_extension", extension_id,
                    {"refused_on": day, "refused_by": ledger.operator})
    return Changes.of("problem", ids=(ext["problem_id"],))


def _undecided_extension(ledger: Ledger, extension_id: str,
                         action: permissions.Action) -> dict[str, Any]:
    """The request, if the operator may decide it and nobody has yet."""
    permissions.require(ledger, action)
    ext = rows.get(ledger, "deadline_extension", extension_id)
    if ext["approved_on"]:
        raise LedgerError("error.extension_approved")
    if ext["refused_on"]:
        raise LedgerError("error.extension_refused", day=ext["refused_on"])
    return ext


def extensions(ledger: Ledger, row_id: str) -> list[dict[str, Any]]:
    return [dict(r) for r in ledger.conn.execute(
        "SELECT * FROM deadline_extension WHERE problem_id = ? ORDER BY requested_on", (row_id,))]


# -- rectification measures (整改措施)

def check_measure(raw: Mapping[str, Any], start: str | None = None) -> Form:
    """A rectification measure (整改措施, a sub-task of its problem): its own deadline of any
    kind (anchored on `start`, the problem's assigned date) and its responsible unit."""
    form = Form(raw)
    form.text("description", required=True)
    form.deadline("deadline", "", required=False, start=start)
    form.text("responsible", max_length=100)
    form.integer("progress", 0, 100)
    form.date("done_on", required=False, not_future=True)
    return form


def add_measure(ledger: Ledger, problem_id: str, raw: Mapping[str, Any]) -> Changes:
    problem = get(ledger, problem_id)
    form = check_measure(raw, problem["assigned_on"])
    form.raise_if_blocked()
    with ledger.transaction():
        seq = ledger.conn.execute(
            "SELECT coalesce(max(seq), 0) + 1 FROM measure WHERE problem_id = ?", (problem_id,)
        ).fetchone()[0]
        rows.insert(ledger, "measure", {"problem_id": problem_id, "seq": seq, **form.values})
    return Changes.of("problem", ids=(problem_id,), warnings=form.warnings)


def update_measure(ledger: Ledger, measure_id: str, raw: Mapping[str, Any],
                   based_on: int | None = None) -> Changes:
    current = rows.get(ledger, "measure", measure_id)
    typed_deadline = deadlines.typed(current["deadline_kind"], current["deadline"],
                                     current["deadline_text"])
    problem = get(ledger, current["problem_id"])
    form = check_measure({**current, "deadline": typed_deadline, **raw}, problem["assigned_on"])
    form.raise_if_blocked()
    with ledger.transaction():
        rows.update(ledger, "measure", measure_id, form.values, based_on)
    return Changes.of("problem", ids=(current["problem_id"],), warnings=form.warnings)


def delete_measure(ledger: Ledger, measure_id: str) -> Changes:
    """Remove a measure entered by mistake (a manager's action; the audit trail keeps it).
    The measures after it move up one number, so the list stays 1, 2, 3 …"""
    current = rows.get(ledger, "measure", measure_id)
    with ledger.transaction():
        rows.delete(ledger, "measure", measure_id)
        later = ledger.conn.execute(
            "SELECT id, seq FROM measure WHERE problem_id = ? AND seq > ? ORDER BY seq",
            (current["problem_id"], current["seq"])).fetchall()
        for row_id, seq in later:
            rows.update(ledger, "measure", row_id, {"seq": seq - 1})
    return Changes.of("problem", ids=(current["problem_id"],))


def measures(ledger: Ledger, problem_id: str) -> list[dict[str, Any]]:
    return [dict(r) for r in ledger.conn.execute(
        "SELECT * FROM measure WHERE problem_id = ? ORDER BY seq", (problem_id,))]
