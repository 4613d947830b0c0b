"""The directory of enforcement officers (执法人员名录库) and their declared conflicts of interest."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping, TYPE_CHECKING

from .. import collation, lookup, rows
from ..changes import Changes
from ..errors import LedgerError, NotFound
from ..validation import Form

if TYPE_CHECKING:
    from ..ledger import Ledger

TABLE = "random_officer"
CONFLICT = "random_conflict"


@dataclass(frozen=True)
class Officer:
    id: str
    name: str
    certificate: str
    field: str | None
    unit: str | None
    region_code: str | None
    active: bool


@dataclass(frozen=True)
class Conflict:
    officer_id: str
    officer: str
    enterprise_id: str
    enterprise: str
    reason: str | None


_SELECT = f"SELECT id, name, certificate, field, unit, region_code, active FROM {TABLE}"


def all_officers(ledger: Ledger, active_only: bool = False) -> list[Officer]:
    where = " WHERE active = 1" if active_only else ""
    found = [Officer(*r[:6], bool(r[6])) for r in ledger.conn.execute(
        f"{_SELECT}{where} ORDER BY certificate")]
    return collation.by_name(found, lambda officer: officer.name)


def get(ledger: Ledger, officer_id: str) -> Officer:
    row = ledger.conn.execute(f"{_SELECT} WHERE id = ?", (officer_id,)).fetchone()
    if row is None:
        raise NotFound("random_officer", officer_id)
    return Officer(*row[:6], bool(row[6]))


def find(ledger: Ledger, key: str) -> str:
    """An officer by id, certificate number, or name when only one has it."""
    key = key.strip()
    found = [r[0] for r in ledger.conn.execute(
        f"SELECT id FROM {TABLE} WHERE id = ? OR certificate = ? UNION "
        f"SELECT id FROM {TABLE} WHERE name = ?", (key, key, key)).fetchall()]
    if not found:
        raise NotFound("random_officer", key)
    if len(found) > 1:
        raise LedgerError("error.key_ambiguous", kind=_kind(), key=key, count=len(found))
    return found[0]


def _kind() -> str:
    from .. import messages
    return messages.label("kind.random_officer")


def check(ledger: Ledger, raw: Mapping[str, Any], row_id: str | None = None) -> Form:
    form = Form(raw)
    form.text("name", required=True, max_length=40)
    certificate = form.text("certificate", required=True, max_length=40)
    form.text("field", max_length=100)
    form.text("unit", max_length=200)
    if raw.get("region_code"):
        form.region(ledger)
    else:
        form.values["region_code"] = None
    form.values["active"] = 0 if raw.get("active") in (0, "0", False) else 1
    if certificate:
        other = ledger.conn.execute(f"SELECT name FROM {TABLE} WHERE certificate = ? "
                                    "AND id IS NOT ?", (certificate, row_id)).fetchone()
        if other:
            form.fail("certificate", "random.error.certificate_taken", name=other[0])
    return form


def add(ledger: Ledger, raw: Mapping[str, Any], conflicts: Iterable[str] = ()) -> Changes:
    """An officer, with the enterprises (ids) they declare a conflict with."""
    form = check(ledger, raw)
    form.raise_if_blocked()
    with ledger.transaction():
        row_id = rows.insert(ledger, TABLE, form.values)
        for enterprise_id in conflicts:
            declare(ledger, row_id, enterprise_id, raw.get("conflict_reason"))
    return Changes.of(TABLE, CONFLICT, ids=(row_id,))


def update(ledger: Ledger, officer_id: str, raw: Mapping[str, Any]) -> Changes:
    current = get(ledger, officer_id)
    merged = {**current.__dict__, "active": int(current.active), **raw}
    form = check(ledger, merged, officer_id)
    form.raise_if_blocked()
    with ledger.transaction():
        rows.update(ledger, TABLE, officer_id, form.values)
    return Changes.of(TABLE, ids=(officer_id,))


def declare(ledger: Ledger, officer_id: str, enterprise_id: str,
            reason: str | None = None) -> Changes:
    """A conflict of interest the officer declares (the enterprise, or a relative's)."""
    get(ledger, officer_id)
    rows.get(ledger, "enterprise", enterprise_id)
    if ledger.conn.execute(f"SELECT 1 FROM {CONFLICT} WHERE officer_id = ? AND enterprise_id = ?",
                           (officer_id, enterprise_id)).fetchone():
        return Changes.of()
    with ledger.transaction():
        row_id = rows.insert(ledger, CONFLICT, {"officer_id": officer_id,
                                                "enterprise_id": enterprise_id,
                                                "reason": (reason or "").strip() or None})
    return Changes.of(CONFLICT, ids=(row_id,))


def withdraw(ledger: Ledger, officer_id: str, enterprise_id: str) -> Changes:
    """An officer's conflict no longer stands (the audit trail keeps that it was declared)."""
    with ledger.transaction():
        ledger.conn.execute(f"DELETE FROM {CONFLICT} WHERE officer_id = ? AND enterprise_id = ?",
                            (officer_id, enterprise_id))
    return Changes.of(CONFLICT)


def conflicts(ledger: Ledger) -> list[Conflict]:
    return [Conflict(*r) for r in ledger.conn.execute(
        f"SELECT c.officer_id, o.name, c.enterprise_id, e.name, c.reason FROM {CONFLICT} c "
        f"JOIN {TABLE} o ON o.id = c.officer_id JOIN enterprise e ON e.id = c.enterprise_id "
        "ORDER BY o.certificate, e.name")]


def enterprise(ledger: Ledger, key: str) -> str:
    return lookup.enterprise_id(ledger, key)
