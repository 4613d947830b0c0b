"""What was sent upward (报送记录), what changed since, and periods locked after sending.

Submitting a return writes the file and stores, in `return_submission`: the form, the
period (as-of day and campaign), the unit, every printed figure by cell, the file's SHA-256,
who and when (audited like every business row). Rebuilding the same return from today's
ledger and comparing cell by cell shows what later writes changed (`changes`); the next
submission of that period needs a correction note (更正说明), printed in the file.

A manager locks a submitted period (`lock`): the `period_lock_*` triggers then refuse every
write dated on or before its day (status logs, approved extensions, problems assigned,
moved or withdrawn, penalty cases, inspections) until it is unlocked with a reason.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from .. import db, messages, permissions, rows, settings
from ..changes import Changes
from ..errors import LedgerError, NotFound
from . import build, export_return, forms, marks
from .filling import figure_cells

if TYPE_CHECKING:
    from ..ledger import Ledger


@dataclass(frozen=True)
class Submission:
    """One return as submitted."""

    id: str
    form: str
    as_of: str
    campaign_id: str | None
    unit_name: str
    file_name: str
    file_sha256: str
    submitted_at: str
    submitted_by: str
    correction_note: str
    figures: dict[str, list[str]]  # cell → [row, column, printed value]


CHANGED, ROW_ADDED, ROW_REMOVED = "changed", "row_added", "row_removed"


@dataclass(frozen=True)
class ChangedCell:
    """A figure that differs between a submitted return and today's ledger, or a whole
    row one of them has and the other not (a unit added or retired since: `kind`, with
    `cell` the row's range of figures and `column` saying which)."""

    cell: str
    row: str
    column: str
    submitted: str
    now: str
    kind: str = CHANGED


@dataclass(frozen=True)
class Lock:
    id: str
    through: str
    locked_at: str
    locked_by: str
    unlocked_at: str | None
    unlocked_by: str | None
    unlock_reason: str | None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def previous(ledger: Ledger, form: str, as_of: str, campaign_id: str | None) -> Submission | None:
    """The latest submission of the same form and period."""
    row = ledger.conn.execute(
        f"SELECT {_COLUMNS} FROM return_submission WHERE form = ? AND as_of = ? "
        "AND campaign_id IS ? ORDER BY submitted_at DESC, rowid DESC LIMIT 1",
        (form, as_of, campaign_id)).fetchone()
    return _submission(row) if row else None


def submit(ledger: Ledger, name: str, path: str | Path, as_of: object | None = None,
           campaign_id: str | None = None, reported_on: object | None = None,
           correction_note: str = "", allow_blank: bool = False, progress=None,
           cancelled=None, force: bool = False) -> Submission:
    """Export a return for submission and record it; refuses blank marks unless allowed,
    and a second submission of a period without a correction note."""
    from . import as_of_day

    form = forms.find(ledger, name)
    if form.kind != forms.BY_REGION:
        raise LedgerError("error.submit_list", name=form.name)
    day = as_of_day(as_of)
    blank = marks.blanks(ledger, form)
    if blank and not allow_blank:
        raise LedgerError("error.marks_blank", marks="、".join(blank))
    before = previous(ledger, form.name, day, campaign_id)
    note = correction_note.strip()
    if before is not None and not note:
        raise LedgerError("error.correction_note_needed", when=before.submitted_at,
                          who=before.submitted_by)
    ret = export_return(ledger, form, path, day, campaign_id, reported_on, progress, cancelled,
                        correction_note=note, force=force)
    cells = {c.cell: [c.row, c.column, c.submitted] for c in figure_cells(ret)}
    path = Path(path)
    with ledger.transaction():
        new = rows.insert(ledger, "return_submission", {
            "form": form.name, "as_of": day, "campaign_id": campaign_id,
            "unit_code": settings.jurisdiction(ledger),
            "unit_name": settings.get(ledger, "unit_name") or "",
            "figures": json.dumps(cells, ensure_ascii=False, sort_keys=True),
            "file_name": path.name, "file_sha256": _sha256(path), "submitted_at": db.now(),
            "submitted_by": ledger.operator, "correction_note": note or None})
    return get(ledger, new)


_COLUMNS = ("id, form, as_of, campaign_id, unit_name, file_name, file_sha256, submitted_at, "
            "submitted_by, coalesce(correction_note, ''), figures")


def _submission(row) -> Submission:
    return Submission(*tuple(row)[:10], figures=json.loads(row[10]))


def get(ledger: Ledger, submission_id: str) -> Submission:
    row = ledger.conn.execute(f"SELECT {_COLUMNS} FROM return_submission WHERE id = ?",
                              (submission_id,)).fetchone()
    if row is None:
        raise NotFound("return_submission", submission_id)
    return _submission(row)


def listed(ledger: Ledger) -> list[Submission]:
    """Every submission, newest first."""
    return [_submission(r) for r in ledger.conn.execute(
        f"SELECT {_COLUMNS} FROM return_submission ORDER BY submitted_at DESC, rowid DESC")]


def changes(ledger: Ledger, submission: Submission) -> list[ChangedCell]:
    """The figures that today's ledger gives differently for the submitted period.

    Cells are matched by their row's label and their column's header (group header
    included), not by address: a unit added since moves the rows below it (合计 among
    them) without changing them, and shows as one added row."""
    ret = build(ledger, submission.form, submission.as_of, submission.campaign_id)
    now = figure_cells(ret)
    sent = _keyed([(cell, row, column, value)
                   for cell, (row, column, value) in submission.figures.items()])
    by_header = _keyed([(c.cell, c.row, c.column, c) for c in now])
    by_figure = _keyed([(c.cell, c.row, c.figure, c) for c in now])  # stored before headers
    current = max((by_header, by_figure), key=lambda keyed: len(keyed.keys() & sent.keys()))
    sent_rows = {row for row, _, _ in sent}
    now_rows = {row for row, _, _ in current}
    out: list[ChangedCell] = []
    added: dict[str, list[str]] = {}
    removed: dict[str, list[str]] = {}
    for key, (cell, value) in sent.items():
        row, column, _ = key
        if key in current:
            c = current[key][1]
            if c.submitted != value:
                out.append(ChangedCell(c.cell, row, c.column, value, c.submitted))
        elif row not in now_rows:
            removed.setdefault(row, []).append(cell)
        else:
            out.append(ChangedCell(cell, row, column, value, ""))
    for key, (cell, c) in current.items():
        if key in sent:
            continue
        if c.row not in sent_rows:
            added.setdefault(c.row, []).append(cell)
        else:
            out.append(ChangedCell(cell, c.row, c.column, "", c.submitted))
    for kind, rows_of, what in ((ROW_ADDED, added, messages.text("return.row_added")),
                                (ROW_REMOVED, removed, messages.text("return.row_removed"))):
        for row, cells in rows_of.items():
            span = sorted(cells, key=_address)
            out.append(ChangedCell(f"{span[0]}:{span[-1]}", row, what, "", "", kind))
    return sorted(out, key=lambda c: _address(c.cell.split(":")[0]))


def _address(cell: str) -> tuple[int, int]:
    """(row, column) of an A1 address, to sort cells as the sheet reads."""
    letters, number = coordinate_from_string(cell)
    return number, column_index_from_string(letters)


def _keyed(entries: list[tuple[str, str, str, object]]) -> dict[tuple[str, str, int], tuple]:
    """(row label, column label, n) → (cell, item), in the order of the sheet; n tells
    apart cells of one label (two 合计 rows of two blocks under the same headers)."""
    out: dict[tuple[str, str, int], tuple] = {}
    seen: dict[tuple[str, str], int] = {}
    for cell, row, column, item in sorted(entries, key=lambda e: _address(e[0])):
        n = seen[(row, column)] = seen.get((row, column), -1) + 1
        out[(row, column, n)] = (cell, item)
    return out


# -- locks

def lock(ledger: Ledger, submission_id: str) -> Changes:
    """Lock the period of a submission: writes dated on or before its day are refused."""
    permissions.require(ledger, permissions.Action.LOCK_PERIOD)
    submission = get(ledger, submission_id)
    with ledger.transaction():
        new = rows.insert(ledger, "period_lock", {
            "through": submission.as_of, "submission_id": submission.id,
            "locked_at": db.now(), "locked_by": ledger.operator})
    return Changes.of("period_lock", ids=(new,))


def unlock(ledger: Ledger, reason: str) -> Changes:
    """Lift every standing lock; the reason is required and kept."""
    permissions.require(ledger, permissions.Action.LOCK_PERIOD)
    if not reason.strip():
        raise LedgerError("error.unlock_reason")
    standing = [lk.id for lk in locks(ledger) if lk.unlocked_at is None]
    if not standing:
        raise LedgerError("error.nothing_locked")
    with ledger.transaction():
        for lock_id in standing:
            rows.update(ledger, "period_lock", lock_id, {
                "unlocked_at": db.now(), "unlocked_by": ledger.operator,
                "unlock_reason": reason.strip()})
    return Changes.of("period_lock", ids=tuple(standing))


def locks(ledger: Ledger) -> list[Lock]:
    return [Lock(*r) for r in ledger.conn.execute(
        "SELECT id, through, locked_at, locked_by, unlocked_at, unlocked_by, unlock_reason "
        "FROM period_lock ORDER BY locked_at DESC, rowid DESC")]


def locked_through(ledger: Ledger) -> str | None:
    """The last day no write may touch, or None."""
    return ledger.conn.execute(
        "SELECT max(through) FROM period_lock WHERE unlocked_at IS NULL").fetchone()[0]
