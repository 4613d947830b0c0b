"""The directory of supervised enterprises (监管对象名录库) and the inspection items (抽查事项).

A member is an enterprise of the ledger with the items that apply to it (none listed: every
item of the plan) and an active flag; its class is the enterprise's supervision class.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence, TYPE_CHECKING

from .. import collation, enterprises, rows
from ..changes import Changes
from ..errors import Issue, LedgerError
from ..validation import Form
from . import classes

if TYPE_CHECKING:
    from ..ledger import Ledger

MEMBER = "random_member"
ITEM = "random_item"


@dataclass(frozen=True)
class Member:
    enterprise_id: str
    name: str
    credit_code: str | None
    region_code: str
    supervision_class: str
    items: tuple[str, ...]
    active: bool


@dataclass(frozen=True)
class Item:
    code: str
    name: str
    basis: str | None


# -- items

def items(ledger: Ledger) -> list[Item]:
    return [Item(*r) for r in ledger.conn.execute(
        f"SELECT code, name, basis FROM {ITEM} ORDER BY code")]


def item_codes(ledger: Ledger) -> list[str]:
    return [i.code for i in items(ledger)]


def resolve_items(ledger: Ledger, typed: Iterable[str]) -> list[str]:
    """Item codes from codes or names as typed; an unknown one is refused by name."""
    known = items(ledger)
    found = []
    for text in typed:
        text = str(text).strip()
        if not text:
            continue
        match = next((i.code for i in known if text in (i.code, i.name)), None)
        if match is None:
            raise LedgerError("random.error.item_unknown", value=text)
        if match not in found:
            found.append(match)
    return found


def ensure_items(ledger: Ledger, typed: Iterable[str]) -> list[Issue]:
    """Add the items named that the list does not hold yet (a plan or a directory file
    naming a new 抽查事项), coded SX-01, SX-02…; a warning for each."""
    known = items(ledger)
    added = []
    for text in dict.fromkeys(str(t).strip() for t in typed):
        if not text or any(text in (i.code, i.name) for i in known) or text in added:
            continue
        taken = set(item_codes(ledger))
        number = next(n for n in range(1, 10_000) if f"SX-{n:02d}" not in taken)
        add_item(ledger, {"code": f"SX-{number:02d}", "name": text})
        added.append(text)
    return [Issue("items", "random.warning.item_added", {"name": name}, warning=True)
            for name in added]


def add_item(ledger: Ledger, raw: Mapping[str, Any]) -> Changes:
    form = Form(raw)
    code = form.text("code", required=True, max_length=30)
    form.text("name", required=True, max_length=200)
    form.text("basis", max_length=500)
    if code and code in item_codes(ledger):
        form.fail("code", "random.error.item_taken", code=code)
    form.raise_if_blocked()
    with ledger.transaction():
        row_id = rows.insert(ledger, ITEM, form.values)
    return Changes.of(ITEM, ids=(row_id,))


# -- members

_MEMBERS = f"""
SELECT e.id, e.name, e.credit_code, e.region_code, {classes.effective_sql()}, m.items, m.active
FROM {MEMBER} m JOIN enterprise e ON e.id = m.enterprise_id
"""


def _member(row: Sequence) -> Member:
    return Member(row[0], row[1], row[2], row[3], row[4], tuple(json.loads(row[5])),
                  bool(row[6]))


def members(ledger: Ledger, active_only: bool = False,
            supervision_class: str | None = None) -> list[Member]:
    """The directory, by class order then name."""
    where, params = [], []
    if active_only:
        where.append("m.active = 1")
    if supervision_class:
        where.append(f"{classes.effective_sql()} = ?")
        params.append(supervision_class)
    sql = _MEMBERS + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY e.name"
    found = collation.by_name([_member(r) for r in ledger.conn.execute(sql, params)],
                              lambda m: m.name)
    order = {code: n for n, code in enumerate(classes.codes(ledger))}
    return sorted(found, key=lambda m: order.get(m.supervision_class, len(order)))


def member(ledger: Ledger, enterprise_id: str) -> Member | None:
    row = ledger.conn.execute(_MEMBERS + " WHERE e.id = ?", (enterprise_id,)).fetchone()
    return _member(row) if row else None


def put_member(ledger: Ledger, enterprise_id: str, item_list: Iterable[str] | None = None,
               active: bool | None = None) -> Changes:
    """Add an enterprise to the directory, or change its items or active flag."""
    enterprises.get(ledger, enterprise_id)  # NotFound for a wrong id
    codes = None if item_list is None else resolve_items(ledger, item_list)
    current = ledger.conn.execute(f"SELECT id FROM {MEMBER} WHERE enterprise_id = ?",
                                  (enterprise_id,)).fetchone()
    values: dict[str, Any] = {}
    if codes is not None:
        values["items"] = json.dumps(codes, ensure_ascii=False)
    if active is not None:
        values["active"] = int(active)
    with ledger.transaction():
        if current:
            if values:
                rows.update(ledger, MEMBER, current[0], values)
            row_id = current[0]
        else:
            row_id = rows.insert(ledger, MEMBER, {"enterprise_id": enterprise_id, **values})
    return Changes.of(MEMBER, ids=(row_id,))


def set_class(ledger: Ledger, enterprise_id: str, code: str | None) -> Changes:
    """An enterprise's supervision class (blank: follow its key-monitored flag)."""
    return enterprises.update(ledger, enterprise_id, {"supervision_class": code or None})
