"""Plans (抽查计划): the period, the share or count drawn of each class, the items, the rules."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, Mapping, TYPE_CHECKING

from .. import dates, rows
from ..changes import Changes
from ..errors import Issue, LedgerError, NotFound
from ..validation import Form
from . import classes, directory, permissions

if TYPE_CHECKING:
    from ..ledger import Ledger

TABLE = "random_plan"
PUBLISH_WITHIN = 20  # working days, the common rule for publishing a list or its results


@dataclass(frozen=True)
class Plan:
    id: str
    name: str
    starts_on: str
    ends_on: str
    shares: dict[str, dict[str, str | int]] = field(default_factory=dict)
    items: tuple[str, ...] = ()
    cross_county: bool = False
    publish_within: int = PUBLISH_WITHIN
    approved_on: str | None = None
    approved_by: str | None = None

    @property
    def year(self) -> int:
        return int(self.starts_on[:4])

    @property
    def approved(self) -> bool:
        return self.approved_on is not None


def parse_share(text: str, count: bool = False) -> tuple[str, dict[str, str | int]]:
    """`key=25` (per cent; `25%` too) or, with `count`, `special=3` (enterprises)."""
    code, sep, value = text.partition("=")
    if not sep or not code.strip() or not value.strip():
        raise LedgerError("random.error.share_format", value=text)
    value = value.strip().rstrip("%")
    if count:
        if not value.isdigit() or int(value) < 1:
            raise LedgerError("random.error.share_count", value=text)
        return code.strip(), {"count": int(value)}
    try:
        percent = Decimal(value)
    except InvalidOperation:
        raise LedgerError("random.error.share_format", value=text) from None
    if not Decimal(0) < percent <= Decimal(100):
        raise LedgerError("random.error.share_percent", value=text)
    return code.strip(), {"percent": format(percent.normalize(), "f")}


COUNT_WORDS = ("家", "户", "个")


def typed(ledger: Ledger, fields: Mapping[str, Any]) -> tuple[dict[str, Any], list[Issue]]:
    """A plan as a form types it: `share.<class>` texts ("25", "25%", or "3家" for a count)
    and `item.<code>` ticks, besides the plan's own fields; with the share texts' findings."""
    shares, issues = {}, []
    for key, value in fields.items():
        if not key.startswith("share.") or not str(value or "").strip():
            continue
        text = str(value).strip()
        code = key[len("share."):]
        counted = text.endswith(COUNT_WORDS)
        try:
            shares.update([parse_share(f"{code}={text.rstrip(''.join(COUNT_WORDS))}", counted)])
        except LedgerError as error:
            issues.append(Issue(key, error.code, error.params))
    raw = {k: fields.get(k) for k in ("name", "starts_on", "ends_on", "cross_county")}
    raw["shares"] = shares
    raw["items"] = [k[len("item."):] for k, v in fields.items() if k.startswith("item.") and v]
    return raw, issues


def check(ledger: Ledger, raw: Mapping[str, Any]) -> Form:
    form = Form(raw)
    form.text("name", required=True, max_length=200)
    form.date("starts_on")
    form.date("ends_on")
    form.ordered("starts_on", "ends_on", "error.ends_before_start")
    start, end = form.values.get("starts_on"), form.values.get("ends_on")
    if start and end and start[:4] != end[:4]:
        form.fail("ends_on", "random.error.plan_two_years")
    shares = {}
    for code, share in (raw.get("shares") or {}).items():
        known = classes.resolve(ledger, code)
        if known not in classes.codes(ledger):
            form.fail("shares", "random.error.class_unknown", value=code,
                      known="、".join(classes.codes(ledger)))
        shares[known] = share
    if not shares:
        form.fail("shares", "random.error.no_share")
    form.values["shares"] = json.dumps(shares, ensure_ascii=False, sort_keys=True)
    try:
        form.values["items"] = json.dumps(directory.resolve_items(ledger, raw.get("items") or ()),
                                          ensure_ascii=False)
    except LedgerError as error:
        form.fail("items", error.code, **error.params)
    form.flag("cross_county")
    form.integer("publish_within", 1, 60, default=PUBLISH_WITHIN)
    return form


def add(ledger: Ledger, raw: Mapping[str, Any], approve: bool | None = None) -> Changes:
    """A plan; approved at once when `approve` (default: when the operator may approve)."""
    if approve is None:
        approve = permissions.may(ledger, permissions.APPROVE_PLAN)
    if approve:
        permissions.require_act(ledger, permissions.APPROVE_PLAN)
    with ledger.transaction():  # items new to the list are added with the plan, or not at all
        added = directory.ensure_items(ledger, raw.get("items") or ())
        form = check(ledger, raw)
        form.raise_if_blocked()
        if approve:
            form.values.update(approved_on=dates.today().isoformat(), approved_by=ledger.operator)
        row_id = rows.insert(ledger, TABLE, form.values)
    return Changes.of(TABLE, directory.ITEM, ids=(row_id,), warnings=added + form.warnings)


def approve(ledger: Ledger, plan_id: str) -> Changes:
    """A manager approves a plan; only an approved plan is drawn."""
    permissions.require_act(ledger, permissions.APPROVE_PLAN)
    plan = get(ledger, plan_id)
    if plan.approved:
        return Changes.of()
    with ledger.transaction():
        rows.update(ledger, TABLE, plan_id, {"approved_on": dates.today().isoformat(),
                                             "approved_by": ledger.operator})
    return Changes.of(TABLE, ids=(plan_id,))


_COLUMNS = ("id", "name", "starts_on", "ends_on", "shares", "items", "cross_county",
            "publish_within", "approved_on", "approved_by")


def _plan(row) -> Plan:
    values = dict(zip(_COLUMNS, row))
    values["shares"] = json.loads(values["shares"])
    values["items"] = tuple(json.loads(values["items"]))
    values["cross_county"] = bool(values["cross_county"])
    return Plan(**values)


def get(ledger: Ledger, plan_id: str) -> Plan:
    row = ledger.conn.execute(f"SELECT {', '.join(_COLUMNS)} FROM {TABLE} WHERE id = ?",
                              (plan_id,)).fetchone()
    if row is None:
        raise NotFound("random_plan", plan_id)
    return _plan(row)


def find(ledger: Ledger, key: str) -> str:
    """A plan by id or exact name."""
    key = key.strip()
    found = [r[0] for r in ledger.conn.execute(
        f"SELECT id FROM {TABLE} WHERE id = ? OR name = ?", (key, key))]
    if not found:
        raise NotFound("random_plan", key)
    if len(found) > 1:
        from .. import messages
        raise LedgerError("error.key_ambiguous", kind=messages.label("kind.random_plan"),
                          key=key, count=len(found))
    return found[0]


def all_plans(ledger: Ledger) -> list[Plan]:
    return [_plan(r) for r in ledger.conn.execute(
        f"SELECT {', '.join(_COLUMNS)} FROM {TABLE} ORDER BY starts_on DESC, name")]
