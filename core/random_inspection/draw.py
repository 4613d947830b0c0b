"""The draw: a seed from the plan, the directories and a witness's public value, and the
tasks derived from it by a ranking anyone can re-compute (docs/random_inspection.md).

`derive` is a pure function of the recorded inputs; `make` records its inputs, seed and
result in one sealed transaction; `verify` derives again from what was recorded and compares.
"""
from __future__ import annotations

import hashlib
import json
from decimal import ROUND_CEILING, Decimal
from typing import Any, TYPE_CHECKING

from .. import audit, dates, rows
from ..changes import Changes
from ..errors import LedgerError, NotFound
from . import classes, directory, officers, permissions, plans

if TYPE_CHECKING:
    from ..ledger import Ledger

ALGORITHM = "ecoledger-random-1"
DRAW = "random_draw"
TASK = "random_task"
OFFICERS_PER_TASK = 2


# -- the algorithm (pure: inputs in, tasks out)

def canonical(value: Any) -> bytes:
    """JSON with sorted keys, no spaces, UTF-8: the bytes every hash is taken of."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")


def seed_of(inputs: dict[str, Any]) -> str:
    """SHA-256 (hex) of the canonical inputs, the witness's value among them."""
    return hashlib.sha256(canonical(inputs)).hexdigest()


def rank(seed: str, *parts: str) -> str:
    """The sort key of one candidate: SHA-256 (hex) of `seed|part|part…`."""
    return hashlib.sha256("|".join((seed, *parts)).encode("utf-8")).hexdigest()


def quota(size: int, share: dict[str, Any]) -> int:
    """How many of `size` members a share draws: a count (at most all), or ⌈size × p / 100⌉."""
    if "count" in share:
        return min(int(share["count"]), size)
    exact = Decimal(size) * Decimal(str(share["percent"])) / 100
    return int(exact.to_integral_value(rounding=ROUND_CEILING))


def derive(inputs: dict[str, Any]) -> list[dict[str, Any]]:
    """The tasks the recorded inputs give, in order."""
    seed = seed_of(inputs)
    plan, history = inputs["plan"], inputs["history"]
    tasks: list[dict[str, Any]] = []
    for code in inputs["classes"]:
        share = plan["shares"].get(code)
        if share is None:
            continue
        members = sorted((m for m in inputs["directory"] if m["class"] == code),
                         key=lambda m: rank(seed, "enterprise", m["id"]))
        seen = set(history["drawn_in_cycle"].get(code, ()))
        fresh = [m for m in members if m["id"] not in seen]
        again = [m for m in members if m["id"] in seen]
        wanted = quota(len(members), share)
        chosen = [(m, False) for m in fresh[:wanted]]
        chosen += [(m, True) for m in again[:wanted - len(chosen)]]
        for member, new_cycle in chosen:
            tasks.append({"seq": len(tasks) + 1, "enterprise_id": member["id"], "class": code,
                          "new_cycle": new_cycle, "items": _items(plan, member),
                          "officers": _officers(inputs, seed, member)})
    return tasks


def _items(plan: dict[str, Any], member: dict[str, Any]) -> list[str]:
    if not plan["items"]:
        return list(member["items"])
    if not member["items"]:
        return list(plan["items"])
    return [i for i in plan["items"] if i in member["items"]]


def _officers(inputs: dict[str, Any], seed: str, member: dict[str, Any]) -> list[str]:
    """The first two officers, in this enterprise's ranking, whom no rule keeps away."""
    barred = {o for o, e in inputs["conflicts"] if e == member["id"]}
    barred |= set(inputs["history"]["last_officers"].get(member["id"], ()))
    cross = inputs["plan"]["cross_county"]
    ranked = sorted(inputs["officers"], key=lambda o: rank(seed, "officer", member["id"], o["id"]))
    chosen = [o["id"] for o in ranked if o["id"] not in barred
              and not (cross and (o["county"] is None or o["county"] == member["county"]))]
    if len(chosen) < OFFICERS_PER_TASK:
        raise LedgerError("random.error.officers_short", enterprise=member["name"],
                          found=len(chosen))
    return chosen[:OFFICERS_PER_TASK]


# -- the inputs, read from the ledger

def snapshot(ledger: Ledger, plan: plans.Plan, witness_value: str,
             witness: str | None = None) -> dict[str, Any]:
    """Everything the draw depends on, canonical and sorted."""
    members = [m for m in directory.members(ledger, active_only=True)]
    member_ids = {m.enterprise_id for m in members}
    active = officers.all_officers(ledger, active_only=True)
    officer_ids = {o.id for o in active}
    return {
        "algorithm": ALGORITHM,
        "plan": {"id": plan.id, "name": plan.name, "from": plan.starts_on, "to": plan.ends_on,
                 "shares": plan.shares, "items": list(plan.items),
                 "cross_county": plan.cross_county},
        "classes": classes.codes(ledger),
        "directory": sorted(({"id": m.enterprise_id, "name": m.name,
                              "credit_code": m.credit_code, "county": m.region_code,
                              "class": m.supervision_class, "items": list(m.items)}
                             for m in members), key=lambda m: m["id"]),
        "officers": sorted(({"id": o.id, "name": o.name, "certificate": o.certificate,
                             "county": o.region_code, "unit": o.unit} for o in active),
                           key=lambda o: o["id"]),
        "conflicts": sorted([c.officer_id, c.enterprise_id] for c in officers.conflicts(ledger)
                            if c.officer_id in officer_ids and c.enterprise_id in member_ids),
        "history": _history(ledger, plan, member_ids),
        "witness": {"name": (witness or "").strip(), "value": witness_value.strip()},
    }


def _history(ledger: Ledger, plan: plans.Plan, member_ids: set[str]) -> dict[str, Any]:
    """Who was drawn this year in each class's current round, and each enterprise's last
    two officers, from the standing draws of other plans."""
    earlier = ledger.conn.execute(
        f"SELECT t.draw_id, t.enterprise_id, t.class, t.new_cycle, t.officer_1, t.officer_2, "
        f"p.starts_on FROM {TASK} t JOIN {DRAW} d ON d.id = t.draw_id "
        f"JOIN random_plan p ON p.id = d.plan_id "
        f"WHERE d.superseded_by IS NULL AND d.plan_id != ? "
        f"ORDER BY d.drawn_on, d.created_at, d.id, t.seq", (plan.id,)).fetchall()
    rounds: dict[str, set[str]] = {}
    last: dict[str, list[str]] = {}
    by_draw: dict[str, list] = {}
    for row in earlier:
        by_draw.setdefault(row[0], []).append(row)
        if row[1] in member_ids:
            last[row[1]] = sorted((row[4], row[5]))
    for tasks in by_draw.values():
        if int(tasks[0][6][:4]) != plan.year:
            continue
        for code in {t[2] for t in tasks}:
            of_class = [t for t in tasks if t[2] == code]
            restarted = {t[1] for t in of_class if t[3]}
            if restarted:
                rounds[code] = restarted
            else:
                rounds.setdefault(code, set()).update(t[1] for t in of_class)
    return {"drawn_in_cycle": {c: sorted(ids & member_ids) for c, ids in sorted(rounds.items())},
            "last_officers": dict(sorted(last.items()))}


# -- recording

def standing(ledger: Ledger, plan_id: str) -> str | None:
    """The plan's draw in force (not replaced by a redraw), if any."""
    row = ledger.conn.execute(f"SELECT id FROM {DRAW} WHERE plan_id = ? AND superseded_by IS NULL",
                              (plan_id,)).fetchone()
    return row[0] if row else None


def make(ledger: Ledger, plan_id: str, witness_value: str, witness: str | None = None,
         reason: str | None = None, drawn_on: str | None = None) -> Changes:
    """Draw a plan and seal the result; a second draw of a plan is a redraw, which needs a
    manager and a reason and keeps the first. `drawn_on` (default today) is for demo data."""
    plan = plans.get(ledger, plan_id)
    if not plan.approved:
        raise LedgerError("random.error.plan_not_approved", plan=plan.name)
    if not witness_value or not witness_value.strip():
        raise LedgerError("random.error.witness_missing")
    first = standing(ledger, plan_id)
    reason = (reason or "").strip() or None
    if first and not reason:
        raise LedgerError("random.error.drawn_already", plan=plan.name)
    if first:
        permissions.require_act(ledger, permissions.REDRAW)
        done = ledger.conn.execute(f"SELECT count(*) FROM {TASK} WHERE draw_id = ? "
                                   "AND inspection_id IS NOT NULL", (first,)).fetchone()[0]
        if done:
            raise LedgerError("random.error.redraw_inspected", count=done)
    with ledger.transaction():  # the snapshot and the record in one write transaction
        inputs = snapshot(ledger, plan, witness_value, witness)
        tasks = derive(inputs)
        if not tasks:
            raise LedgerError("random.error.nothing_drawn", plan=plan.name)
        draw_id = rows.insert(ledger, DRAW, {
            "plan_id": plan_id, "drawn_on": drawn_on or dates.today().isoformat(),
            "witness": inputs["witness"]["name"] or None, "witness_value": witness_value.strip(),
            "algorithm": ALGORITHM, "inputs": canonical(inputs).decode("utf-8"),
            "seed": seed_of(inputs), "digest": digest(tasks), "redraw_of": first,
            "reason": reason})
        for task in tasks:
            rows.insert(ledger, TASK, _task_row(draw_id, task))
        if first:
            rows.update(ledger, DRAW, first, {"superseded_by": draw_id})
    return Changes.of(DRAW, TASK, ids=(draw_id,))


def _task_row(draw_id: str, task: dict[str, Any]) -> dict[str, Any]:
    return {"draw_id": draw_id, "seq": task["seq"], "enterprise_id": task["enterprise_id"],
            "class": task["class"], "new_cycle": int(task["new_cycle"]),
            "items": json.dumps(task["items"], ensure_ascii=False),
            "officer_1": task["officers"][0], "officer_2": task["officers"][1]}


def digest(tasks: list[dict[str, Any]]) -> str:
    return hashlib.sha256(canonical(tasks)).hexdigest()


def recorded_tasks(ledger: Ledger, draw_id: str) -> list[dict[str, Any]]:
    """The tasks as stored, in the shape `derive` gives."""
    return [{"seq": r[0], "enterprise_id": r[1], "class": r[2], "new_cycle": bool(r[3]),
             "items": json.loads(r[4]), "officers": [r[5], r[6]]}
            for r in ledger.conn.execute(
                f"SELECT seq, enterprise_id, class, new_cycle, items, officer_1, officer_2 "
                f"FROM {TASK} WHERE draw_id = ? ORDER BY seq", (draw_id,))]


def get(ledger: Ledger, draw_id: str) -> dict[str, Any]:
    return rows.get(ledger, DRAW, draw_id)


def find(ledger: Ledger, key: str) -> str:
    """A draw by id, or the draw in force of a plan given by id or name."""
    key = key.strip()
    if ledger.conn.execute(f"SELECT 1 FROM {DRAW} WHERE id = ?", (key,)).fetchone():
        return key
    try:
        plan_id = plans.find(ledger, key)
    except NotFound:
        raise NotFound("random_draw", key) from None
    found = standing(ledger, plan_id)
    if found is None:
        raise NotFound("random_draw", key)
    return found


# -- verifying

def verify(ledger: Ledger, draw_id: str) -> list[str]:
    """Findings, empty when the recorded draw is what its recorded inputs give and its rows
    are what the sealed audit trail says was written."""
    from .. import messages

    draw = get(ledger, draw_id)
    findings = []
    try:
        inputs = json.loads(draw["inputs"])
    except ValueError:
        return [messages.text("random.verify.inputs_unreadable")]
    if seed_of(inputs) != draw["seed"]:
        findings.append(messages.text("random.verify.seed", seed=draw["seed"],
                                      computed=seed_of(inputs)))
    try:
        expected = derive(inputs)
    except LedgerError as error:
        return findings + [str(error)]
    recorded = recorded_tasks(ledger, draw_id)
    findings += _compare(expected, recorded)
    if digest(recorded) != draw["digest"]:
        findings.append(messages.text("random.verify.digest"))
    findings += _trail_findings(ledger, draw_id)
    return findings


def _compare(expected: list[dict], recorded: list[dict]) -> list[str]:
    from .. import messages

    findings = []
    if len(expected) != len(recorded):
        findings.append(messages.text("random.verify.count", expected=len(expected),
                                      recorded=len(recorded)))
    for want, have in zip(expected, recorded):
        if want != have:
            findings.append(messages.text("random.verify.task", seq=want["seq"]))
    return findings


_UNCOMPARED = {"updated_at", "operator"}


def _trail_findings(ledger: Ledger, draw_id: str) -> list[str]:
    """The draw's and its tasks' rows against their sealed audit entries."""
    from .. import messages

    ids = [(DRAW, draw_id)] + [(TASK, r[0]) for r in ledger.conn.execute(
        f"SELECT id FROM {TASK} WHERE draw_id = ?", (draw_id,))]
    findings = []
    for table, row_id in ids:
        entries = audit.history(ledger, row_id, table)
        state: dict[str, Any] = {}
        for entry in entries:
            if entry.hash is None or not _link_holds(ledger, entry):
                findings.append(messages.text("random.verify.unsealed", table=table,
                                              seq=entry.seq))
            state.update(json.loads(entry.new) if entry.new else {})
        current = rows.get(ledger, table, row_id)
        changed = sorted(k for k, v in state.items() if k not in _UNCOMPARED
                         and current.get(k) != v)
        if not entries or changed:
            findings.append(messages.text("random.verify.row", table=table, row=row_id,
                                          fields="、".join(changed) or "—"))
    return findings


def _link_holds(ledger: Ledger, entry: audit.Entry) -> bool:
    before = ledger.conn.execute(f"SELECT hash FROM {audit.SEAL} WHERE seq < ? "
                                 "ORDER BY seq DESC LIMIT 1", (entry.seq,)).fetchone()
    return audit.link(before[0] if before else "", entry.seq, entry.at, entry.sealed_by,
                      entry.action, entry.table_name, entry.row_id, entry.old,
                      entry.new) == entry.hash
