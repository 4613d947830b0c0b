"""Every allowed and every refused status transition, through the core API."""
from __future__ import annotations

import itertools

import pytest

from core import problems, workflow
from core.errors import LedgerError
from core.workflow import Status
from acceptance_data import ACCEPTED

ALLOWED = {
    ("assigned", "in_progress"), ("in_progress", "reported_done"),
    ("in_progress", "stage_concluded"), ("stage_concluded", "reported_done"),
    ("stage_concluded", "in_progress"),
    ("reported_done", "closed"), ("reported_done", "in_progress"),
    ("closed", "reopened"), ("reopened", "in_progress"),
}
# The shortest path from a new problem to each status.
PATH = {
    "assigned": [],
    "in_progress": ["in_progress"],
    "stage_concluded": ["in_progress", "stage_concluded"],
    "reported_done": ["in_progress", "reported_done"],
    "closed": ["in_progress", "reported_done", "closed"],
    "reopened": ["in_progress", "reported_done", "closed", "reopened"],
}


def new_problem(ledger) -> str:
    return problems.add(ledger, {
        "source": "supervision_letter", "region_code": "141021", "category": "dust",
        "description": "料场未苫盖", "assigned_on": "2026-08-01", "deadline": "2026-09-01",
    }).id


def bring_to(ledger, status: str) -> str:
    problem_id = new_problem(ledger)
    for step, day in zip(PATH[status], ("2026-08-02", "2026-08-03", "2026-08-04", "2026-08-05")):
        problems.transition(ledger, problem_id, step, on=day, acceptance=ACCEPTED)
    return problem_id


def test_table_matches_the_documented_workflow():
    pairs = {(a.value, b.value) for a, targets in workflow.TRANSITIONS.items() for b in targets}
    assert pairs == ALLOWED


@pytest.mark.parametrize("current,target", sorted(ALLOWED))
def test_allowed_transition_changes_status_and_logs_it(ledger, current, target):
    problem_id = bring_to(ledger, current)
    problems.transition(ledger, problem_id, target, on="2026-08-10", note="复核", acceptance=ACCEPTED)
    problem = problems.get(ledger, problem_id)
    assert problem["status"] == target
    assert problem["status_since"] == "2026-08-10"
    last = problems.timeline(ledger, problem_id)[-1]
    assert (last["status_from"], last["status_to"], last["note"]) == (current, target, "复核")


REFUSED = sorted(set(itertools.product([s.value for s in Status], repeat=2)) - ALLOWED)


@pytest.mark.parametrize("current,target", REFUSED)
def test_refused_transition_names_the_allowed_ones_and_changes_nothing(ledger, current, target):
    problem_id = bring_to(ledger, current)
    before = problems.timeline(ledger, problem_id)
    with pytest.raises(LedgerError) as caught:
        problems.transition(ledger, problem_id, target, on="2026-08-10", acceptance=ACCEPTED)
    message = str(caught.value)
    assert "不能从" in message
    for allowed in workflow.allowed(current):
        assert workflow._label(allowed) in message
    assert problems.get(ledger, problem_id)["status"] == current
    assert problems.timeline(ledger, problem_id) == before


def test_allowed_transitions_lists_exactly_the_next_steps(ledger):
    problem_id = bring_to(ledger, "reported_done")
    assert set(problems.allowed_transitions(ledger, problem_id)) == {Status.CLOSED, Status.IN_PROGRESS}


def test_unknown_status_is_refused(ledger):
    with pytest.raises(LedgerError, match="未知的整改状态"):
        problems.transition(ledger, new_problem(ledger), "finished", acceptance=ACCEPTED)


def test_transition_dated_before_the_last_change_is_refused(ledger):
    problem_id = bring_to(ledger, "in_progress")
    with pytest.raises(LedgerError, match="早于上一次记录的日期 2026-08-02"):
        problems.transition(ledger, problem_id, "reported_done", on="2026-08-01", acceptance=ACCEPTED)


def test_transition_dated_in_the_future_is_refused(ledger, today):
    problem_id = new_problem(ledger)
    with pytest.raises(LedgerError, match="晚于今天"):
        problems.transition(ledger, problem_id, "in_progress", on=today.replace(year=today.year + 1), acceptance=ACCEPTED)


def test_withdrawn_problem_takes_no_further_transition(ledger):
    problem_id = new_problem(ledger)
    problems.withdraw(ledger, problem_id, "重复交办", on="2026-08-03")
    assert problems.allowed_transitions(ledger, problem_id) == ()
    with pytest.raises(LedgerError, match="已撤销交办"):
        problems.transition(ledger, problem_id, "in_progress", on="2026-08-04", acceptance=ACCEPTED)


def test_closing_records_closed_date_and_reopening_clears_it(ledger):
    problem_id = bring_to(ledger, "closed")
    assert problems.get(ledger, problem_id)["closed_on"] == "2026-08-04"
    problems.transition(ledger, problem_id, "reopened", on="2026-08-20", acceptance=ACCEPTED)
    assert problems.get(ledger, problem_id)["closed_on"] is None


def test_deleting_a_measure_renumbers_the_rest_and_needs_a_manager(demo_ledger):
    from core import audit
    from core.errors import LedgerError

    problem_id = demo_ledger.conn.execute(
        "SELECT id FROM problem WHERE status = 'in_progress' ORDER BY id LIMIT 1").fetchone()[0]
    first = len(problems.measures(demo_ledger, problem_id))
    for text in ("更换布袋除尘器", "误录的措施", "完善台账"):
        problems.add_measure(demo_ledger, problem_id, {"description": text})
    wrong = next(m for m in problems.measures(demo_ledger, problem_id)
                 if m["description"] == "误录的措施")
    demo_ledger.role = "clerk"
    with pytest.raises(LedgerError):
        problems.delete_measure(demo_ledger, wrong["id"])
    demo_ledger.role = "manager"
    problems.delete_measure(demo_ledger, wrong["id"])
    left = problems.measures(demo_ledger, problem_id)
    assert [m["description"] for m in left[first:]] == ["更换布袋除尘器", "完善台账"]
    assert [m["seq"] for m in left] == list(range(1, first + 3))
    assert [e.action for e in audit.history(demo_ledger, wrong["id"])][-1] == "delete"
    assert audit.verify(demo_ledger.conn) == []
