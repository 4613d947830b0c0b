"""The manager's queue (待审批 / 待核销): what waits for a decision, and only that."""
from __future__ import annotations

from core import problems, waiting
from acceptance_data import ACCEPTED


def problem(**changes) -> dict:
    return {"source": "supervision_letter", "region_code": "141021", "category": "waste_gas",
            "description": "脱硫设施未运行", "assigned_on": "2026-08-01", "deadline": "2026-08-31",
            **changes}


def test_the_queue_lists_a_pending_extension_and_a_reported_done_problem(ledger):
    asked = problems.add(ledger, problem()).id
    problems.request_extension(ledger, asked, "2026-10-31", "设备未到货", on="2026-08-10")
    done = problems.add(ledger, problem(description="堆场未苫盖")).id
    problems.transition(ledger, done, "in_progress", on="2026-08-02")
    problems.transition(ledger, done, "reported_done", on="2026-08-20")
    problems.add(ledger, problem(description="无关问题"))  # nothing to decide

    items = waiting.queue(ledger)
    assert [(i.kind, i.problem_id) for i in items] == [
        (waiting.EXTENSION, asked), (waiting.REPORTED_DONE, done)]
    assert items[0].new_deadline == "2026-10-31" and items[0].reason == "设备未到货"
    assert items[0].since == "2026-08-10" and items[1].since == "2026-08-20"
    assert items[0].number and items[1].number  # numbered automatically
    assert items[0].region == "曲沃县"
    assert waiting.counts(ledger) == {waiting.EXTENSION: 1, waiting.REPORTED_DONE: 1}


def test_decided_items_leave_the_queue(ledger):
    asked = problems.add(ledger, problem()).id
    problems.request_extension(ledger, asked, "2026-10-31", "设备未到货", on="2026-08-10")
    refused = problems.add(ledger, problem(description="第二个")).id
    problems.request_extension(ledger, refused, "2026-10-31", "资金未到位", on="2026-08-11")
    extension = problems.extensions(ledger, asked)[0]["id"]
    problems.approve_extension(ledger, extension, on="2026-08-12")
    problems.refuse_extension(ledger, problems.extensions(ledger, refused)[0]["id"],
                              on="2026-08-12")
    done = problems.add(ledger, problem(description="堆场未苫盖")).id
    problems.transition(ledger, done, "in_progress", on="2026-08-02")
    problems.transition(ledger, done, "reported_done", on="2026-08-20")
    problems.transition(ledger, done, "closed", on="2026-08-25", acceptance=ACCEPTED)
    assert waiting.queue(ledger) == []

