"""The draw: exact shares, reproducible, changed by the witness, fair to every rule, verifiable."""
from __future__ import annotations

import copy
import json
import math

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from core.errors import LedgerError
from core.random_inspection import draw, officers, plans, tasks

Q4 = {"name": "2026年第四季度双随机抽查", "starts_on": "2026-10-01", "ends_on": "2026-12-31"}


def plan(ledger, shares=None, **extra) -> str:
    shares = shares or {"key": {"percent": "25"}, "special": {"percent": "15"},
                        "general": {"percent": "5"}}
    return plans.add(ledger, {**Q4, "shares": shares, **extra}).id


def drawn_classes(ledger, draw_id) -> dict[str, int]:
    counted: dict[str, int] = {}
    for task in tasks.of_draw(ledger, draw_id):
        counted[task.supervision_class] = counted.get(task.supervision_class, 0) + 1
    return counted


def test_shares_are_exact_and_round_up(ledger, bureau):
    # 8 key × 25% = 2 exactly; 4 special × 15% = 0.6 → 1; 40 general × 5% = 2 exactly
    first = draw.make(ledger, plan(ledger), "37").id
    assert drawn_classes(ledger, first) == {"key": 2, "special": 1, "general": 2}
    # 8 × 30% = 2.4 → 3; 40 × 2.5% = 1.0 → 1; a count takes that many
    second = draw.make(ledger, plans.add(ledger, {**Q4, "name": "专项", "shares": {
        "key": {"percent": "30"}, "general": {"percent": "2.5"},
        "special": {"count": 3}}}).id, "37").id
    assert drawn_classes(ledger, second) == {"key": 3, "general": 1, "special": 3}


@pytest.mark.parametrize("size, percent, wanted", [
    (0, "25", 0), (1, "5", 1), (19, "5", 1), (20, "5", 1), (21, "5", 2), (3, "100", 3),
    (7, "14.3", 2), (1000, "0.1", 1), (1001, "0.1", 2)])
def test_quota_is_the_ceiling_of_the_exact_share(size, percent, wanted):
    assert draw.quota(size, {"percent": percent}) == wanted


def test_same_inputs_same_draw_and_the_witness_changes_it(ledger, bureau):
    plan_id = plan(ledger)
    inputs = draw.snapshot(ledger, plans.get(ledger, plan_id), "2026112")
    again = draw.snapshot(ledger, plans.get(ledger, plan_id), "2026112")
    assert draw.canonical(inputs) == draw.canonical(again)
    assert draw.derive(inputs) == draw.derive(again)
    other = copy.deepcopy(inputs)
    other["witness"]["value"] = "2026113"
    assert draw.seed_of(other) != draw.seed_of(inputs)
    assert draw.derive(other) != draw.derive(inputs)
    # and the recorded draw is exactly the derived one
    draw_id = draw.make(ledger, plan_id, "2026112").id
    assert draw.recorded_tasks(ledger, draw_id) == draw.derive(inputs)
    assert draw.get(ledger, draw_id)["seed"] == draw.seed_of(inputs)


def test_the_algorithm_is_what_the_documentation_says(ledger, bureau):
    """An outsider's few lines, written from docs/random_inspection.md, give the same list."""
    import hashlib

    draw_id = draw.make(ledger, plan(ledger), "08 15 22").id
    recorded = json.loads(draw.get(ledger, draw_id)["inputs"])
    seed = hashlib.sha256(json.dumps(recorded, ensure_ascii=False, sort_keys=True,
                                     separators=(",", ":")).encode()).hexdigest()

    def h(*parts):
        return hashlib.sha256("|".join((seed, *parts)).encode()).hexdigest()
    mine = []
    for cls in recorded["classes"]:
        share = recorded["plan"]["shares"].get(cls)
        if not share:
            continue
        members = sorted((m for m in recorded["directory"] if m["class"] == cls),
                         key=lambda m: h("enterprise", m["id"]))
        n = math.ceil(len(members) * float(share["percent"]) / 100)
        for m in members[:n]:
            ranked = sorted(recorded["officers"], key=lambda o: h("officer", m["id"], o["id"]))
            mine.append((m["id"], [o["id"] for o in ranked[:2]]))
    assert [(t["enterprise_id"], t["officers"]) for t in draw.recorded_tasks(ledger, draw_id)] \
        == mine


def test_plan_must_be_approved_and_a_redraw_needs_a_manager_and_a_reason(ledger, bureau):
    plan_id = plans.add(ledger, {**Q4, "shares": {"key": {"percent": "25"}}}, approve=False).id
    with pytest.raises(LedgerError, match="审批"):
        draw.make(ledger, plan_id, "1")
    ledger.role = "clerk"
    with pytest.raises(LedgerError, match="科室负责人"):
        plans.approve(ledger, plan_id)
    ledger.role = "manager"
    plans.approve(ledger, plan_id)
    first = draw.make(ledger, plan_id, "1").id
    with pytest.raises(LedgerError, match="已经抽取过"):
        draw.make(ledger, plan_id, "2")
    ledger.role = "clerk"
    with pytest.raises(LedgerError, match="重新抽取"):
        draw.make(ledger, plan_id, "2", reason="见证人未到场")
    ledger.role = "manager"
    second = draw.make(ledger, plan_id, "2", reason="见证人未到场").id
    kept = draw.get(ledger, first)
    assert kept["superseded_by"] == second and draw.recorded_tasks(ledger, first)
    assert draw.get(ledger, second)["redraw_of"] == first
    assert draw.get(ledger, second)["reason"] == "见证人未到场"
    assert draw.standing(ledger, plan_id) == second
    assert draw.verify(ledger, first) == [] and draw.verify(ledger, second) == []


# -- fairness over many random directories

@st.composite
def directories(draw_):
    """Enterprises (class, county) and officers (county), conflicts and last pairings."""
    counties = ["141021", "141022", "141023"]
    n_firms = draw_(st.integers(1, 30))
    n_officers = draw_(st.integers(6, 14))
    firms = [{"id": f"e{i:03d}", "name": f"企业{i}", "credit_code": None,
              "county": draw_(st.sampled_from(counties)),
              "class": draw_(st.sampled_from(["key", "special", "general"])), "items": []}
             for i in range(n_firms)]
    people = [{"id": f"o{j:03d}", "name": f"人{j}", "certificate": f"C{j:03d}",
               "county": draw_(st.sampled_from(counties)), "unit": None}
              for j in range(n_officers)]
    conflicts = sorted({(f"o{draw_(st.integers(0, n_officers - 1)):03d}",
                         f"e{draw_(st.integers(0, n_firms - 1)):03d}")
                        for _ in range(draw_(st.integers(0, 12)))})
    last = {}
    for firm in firms:
        if draw_(st.booleans()):
            last[firm["id"]] = sorted(draw_(st.lists(st.sampled_from([p["id"] for p in people]),
                                                     min_size=2, max_size=2, unique=True)))
    shares = {c: {"percent": str(draw_(st.integers(1, 100)))}
              for c in draw_(st.sets(st.sampled_from(["key", "special", "general"]), min_size=1))}
    return {"algorithm": draw.ALGORITHM,
            "plan": {"id": "p", "name": "p", "from": "2026-01-01", "to": "2026-03-31",
                     "shares": shares, "items": [], "cross_county": draw_(st.booleans())},
            "classes": ["key", "special", "general"], "directory": firms, "officers": people,
            "conflicts": [list(c) for c in conflicts],
            "history": {"drawn_in_cycle": {}, "last_officers": last},
            "witness": {"name": "", "value": draw_(st.text(min_size=1, max_size=8))}}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(directories())
def test_no_declared_conflict_and_no_repeat_pairing_is_ever_drawn(inputs):
    try:
        drawn = draw.derive(inputs)
    except LedgerError as error:
        assert error.code == "random.error.officers_short"  # refused, never bent
        return
    conflicts = {tuple(c) for c in inputs["conflicts"]}
    last = inputs["history"]["last_officers"]
    county = {f["id"]: f["county"] for f in inputs["directory"]}
    officer_county = {o["id"]: o["county"] for o in inputs["officers"]}
    for task in drawn:
        first, second = task["officers"]
        assert first != second
        for officer in task["officers"]:
            assert (officer, task["enterprise_id"]) not in conflicts
            assert officer not in last.get(task["enterprise_id"], ())
            if inputs["plan"]["cross_county"]:
                assert officer_county[officer] != county[task["enterprise_id"]]
    for cls, share in inputs["plan"]["shares"].items():
        size = sum(1 for f in inputs["directory"] if f["class"] == cls)
        assert sum(1 for t in drawn if t["class"] == cls) == math.ceil(size * int(share["percent"]) / 100)
    assert len({t["enterprise_id"] for t in drawn}) == len(drawn)


def test_conflicts_and_last_officers_are_kept_away_in_the_ledger(ledger, bureau):
    """Q1 pairs each drawn key enterprise with two officers; Q2 never sends them again, and
    an officer who declares a conflict with an enterprise is never drawn for it."""
    for officer_id in bureau["officers"][:3]:
        for firm in bureau["key"]:
            officers.declare(ledger, officer_id, firm, "亲属任职")
    shares = {"key": {"percent": "100"}}
    first = draw.make(ledger, plans.add(ledger, {**Q4, "name": "一", "shares": shares}).id, "1").id
    second = draw.make(ledger, plans.add(ledger, {**Q4, "name": "二", "shares": shares}).id, "2").id
    before = {t.enterprise_id: set(t.officers) for t in tasks.of_draw(ledger, first)}
    for task in tasks.of_draw(ledger, second):
        assert not before[task.enterprise_id] & set(task.officers)
        assert not {"执法00", "执法01", "执法02"} & set(task.officers)


def test_cross_county_officers_come_from_another_county(ledger, bureau):
    draw_id = draw.make(ledger, plan(ledger, cross_county=True), "5").id
    county = {o.name: o.region_code for o in officers.all_officers(ledger)}
    for task in tasks.of_draw(ledger, draw_id):
        assert all(county[name] != task.region_code for name in task.officers)


def test_a_year_of_quarterly_draws_covers_each_class_without_repeats(ledger, bureau):
    """8 key enterprises at 25% a quarter: 2 each quarter, all 8 by the year's end, none
    twice; 40 general at 10%: 4 a quarter, 16 different ones."""
    seen: dict[str, list[str]] = {"key": [], "general": []}
    for number, (start, end) in enumerate((("01-01", "03-31"), ("04-01", "06-30"),
                                           ("07-01", "09-30"), ("10-01", "12-31")), 1):
        plan_id = plans.add(ledger, {"name": f"2026年第{number}季度", "starts_on": f"2026-{start}",
                                     "ends_on": f"2026-{end}", "shares": {
                                         "key": {"percent": "25"},
                                         "general": {"percent": "10"}}}).id
        for task in tasks.of_draw(ledger, draw.make(ledger, plan_id, f"{number}").id):
            seen[task.supervision_class].append(task.enterprise_id)
    assert sorted(seen["key"]) == sorted(bureau["key"])
    assert len(seen["general"]) == 16 == len(set(seen["general"]))
    # a fifth draw in the same year starts the key class's second round
    fifth = plans.add(ledger, {"name": "加抽", "starts_on": "2026-12-01", "ends_on": "2026-12-31",
                               "shares": {"key": {"percent": "25"}}}).id
    again = tasks.of_draw(ledger, draw.make(ledger, fifth, "5").id)
    assert len(again) == 2 and all(t.enterprise_id in bureau["key"] for t in again)
    assert draw.recorded_tasks(ledger, again[0].draw_id)[0]["new_cycle"] is True


# -- verify

def test_verify_detects_a_list_edited_behind_the_apps_back(ledger, bureau):
    draw_id = draw.make(ledger, plan(ledger), "2026-11-30 福彩3D 417").id
    assert draw.verify(ledger, draw_id) == []
    other = next(e for e in bureau["general"] if e not in
                 {t.enterprise_id for t in tasks.of_draw(ledger, draw_id)})
    ledger.conn.execute("UPDATE random_task SET enterprise_id = ? WHERE draw_id = ? AND seq = 1",
                        (other, draw_id))
    findings = draw.verify(ledger, draw_id)
    assert any("第1项任务" in f for f in findings)
    assert any("未经本软件封存" in f for f in findings)


def test_verify_detects_inputs_and_seed_rewritten_with_the_triggers_off(ledger, bureau):
    """Someone drops the audit triggers, swaps an enterprise in the list, and rewrites the
    recorded inputs and seed so that they agree: the sealed trail still tells."""
    from core import audit

    draw_id = draw.make(ledger, plan(ledger), "417").id
    record = draw.get(ledger, draw_id)
    inputs = json.loads(record["inputs"])
    inputs["witness"]["value"] = "418"
    forged = draw.derive(inputs)
    for name in list(audit.expected_triggers(ledger.conn)):
        ledger.conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    ledger.conn.execute("UPDATE random_draw SET inputs = ?, seed = ?, digest = ? WHERE id = ?",
                        (draw.canonical(inputs).decode(), draw.seed_of(inputs),
                         draw.digest(forged), draw_id))
    ledger.conn.execute("DELETE FROM random_task WHERE draw_id = ?", (draw_id,))
    for task in forged:
        ledger.conn.execute(
            "INSERT INTO random_task (id, created_at, updated_at, operator, draw_id, seq, "
            "enterprise_id, class, new_cycle, items, officer_1, officer_2) VALUES "
            "(?, '', '', 'x', ?, ?, ?, ?, ?, '[]', ?, ?)",
            (f"forged-{task['seq']}", draw_id, task["seq"], task["enterprise_id"], task["class"],
             int(task["new_cycle"]), *task["officers"]))
    findings = draw.verify(ledger, draw_id)
    assert findings and any("审计记录不符" in f for f in findings)


def test_not_enough_officers_is_refused_by_name(ledger):
    from .conftest import make_directory

    made = make_directory(ledger, key=2, special=0, general=0, officer_count=3)
    for firm in made["key"]:
        officers.declare(ledger, made["officers"][0], firm)
        officers.declare(ledger, made["officers"][1], firm)
    with pytest.raises(LedgerError, match="只找到1名"):
        draw.make(ledger, plan(ledger, {"key": {"percent": "100"}}), "1")
