"""Supervision classes (监管类别): key / special / general by default, or the bureau's own."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, TYPE_CHECKING

from .. import rows
from ..changes import Changes
from ..errors import LedgerError
from ..validation import Form

if TYPE_CHECKING:
    from ..ledger import Ledger

TABLE = "random_class"
DEFAULT_CODES = ("key", "special", "general")


@dataclass(frozen=True)
class SupervisionClass:
    code: str
    name: str
    seq: int
    for_key_monitored: bool  # where a key-monitored enterprise falls unless its class is set
    fallback: bool           # where every other enterprise falls unless its class is set


def all_classes(ledger: Ledger) -> list[SupervisionClass]:
    """The bureau's classes, in its order."""
    return [SupervisionClass(r[0], r[1], r[2], bool(r[3]), bool(r[4])) for r in ledger.conn.execute(
        f"SELECT code, name, seq, for_key_monitored, fallback FROM {TABLE} ORDER BY seq, code")]


def codes(ledger: Ledger) -> list[str]:
    return [c.code for c in all_classes(ledger)]


def effective_sql(alias: str = "e") -> str:
    """SQL for an enterprise's class: its own, else by its key-monitored flag."""
    return (f"coalesce({alias}.supervision_class, CASE WHEN {alias}.key_monitored = 1 THEN "
            f"(SELECT code FROM {TABLE} WHERE for_key_monitored = 1 ORDER BY seq LIMIT 1) END, "
            f"(SELECT code FROM {TABLE} WHERE fallback = 1 ORDER BY seq LIMIT 1))")


def resolve(ledger: Ledger, typed: str | None) -> str | None:
    """A class typed as its code or its name (重点排污单位, A类); None when blank."""
    if typed is None or not str(typed).strip():
        return None
    text = str(typed).strip()
    for c in all_classes(ledger):
        if text.lower() == c.code.lower() or text == c.name:
            return c.code
    return text


def check_enterprise(ledger: Ledger, form: Form) -> None:
    """The enterprise form's supervision class: blank, or one of the bureau's classes."""
    value = resolve(ledger, form.raw.get("supervision_class"))
    form.values["supervision_class"] = value
    if value is not None and value not in codes(ledger):
        form.fail("supervision_class", "random.error.class_unknown", value=value,
                  known="、".join(codes(ledger)))


def add(ledger: Ledger, raw: Mapping[str, Any]) -> Changes:
    """A class the bureau defines (e.g. its province's A/B/C)."""
    form = Form(raw)
    code = form.text("code", required=True, max_length=20)
    form.text("name", required=True, max_length=40)
    form.flag("for_key_monitored")
    form.flag("fallback")
    if code and code in codes(ledger):
        form.fail("code", "random.error.class_taken", code=code)
    form.raise_if_blocked()
    seq = ledger.conn.execute(f"SELECT coalesce(max(seq), 0) + 1 FROM {TABLE}").fetchone()[0]
    with ledger.transaction():
        for flag in ("for_key_monitored", "fallback"):
            if form.values[flag]:  # one class of each kind
                for (other,) in ledger.conn.execute(
                        f"SELECT id FROM {TABLE} WHERE {flag} = 1").fetchall():
                    rows.update(ledger, TABLE, other, {flag: 0})
        row_id = rows.insert(ledger, TABLE, {**form.values, "seq": seq})
    return Changes.of(TABLE, "enterprise", ids=(row_id,))


def remove(ledger: Ledger, code: str) -> Changes:
    """Drop a class nobody is in (a bureau replacing the defaults by A/B/C)."""
    row = ledger.conn.execute(f"SELECT id, for_key_monitored, fallback FROM {TABLE} "
                              "WHERE code = ?", (code,)).fetchone()
    if row is None:
        raise LedgerError("random.error.class_unknown", value=code, known="、".join(codes(ledger)))
    if row[2] or (row[1] and len(codes(ledger)) > 1):
        raise LedgerError("random.error.class_default", code=code)
    used = ledger.conn.execute(
        f"SELECT count(*) FROM enterprise e JOIN random_member m ON m.enterprise_id = e.id "
        f"WHERE {effective_sql()} = ?", (code,)).fetchone()[0]
    if used:
        raise LedgerError("random.error.class_in_use", code=code, count=used)
    with ledger.transaction():
        ledger.conn.execute(f"DELETE FROM {TABLE} WHERE id = ?", (row[0],))
    return Changes.of(TABLE)
