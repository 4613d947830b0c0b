"""A new problem's form says the number it will get before it is saved."""
from __future__ import annotations

from core import problems as p


def problem(**changes) -> dict:
    return {"source": "supervision_letter", "region_code": "141021", "category": "waste_gas",
            "description": "脱硫设施未运行", "assigned_on": "2026-08-01", "deadline": "2026-08-31",
            **changes}


def test_a_new_problem_is_told_the_number_it_will_get(ledger):
    first = p.add(ledger, problem()).id
    given = p.get(ledger, first)["number"]
    assert given == "141021-000001"
    assert p.number_preview(ledger, problem()) == "141021-000002"
    assert p.number_preview(ledger, problem(number="临环督〔2026〕7号")) == "临环督〔2026〕7号"
    assert p.number_preview(ledger, problem(region_code=None)) is None
    assert p.number_preview(ledger, problem(assigned_on="2026-02-30")) is None
    second = p.add(ledger, problem(description="第二个")).id
    assert p.get(ledger, second)["number"] == "141021-000002"  # as told
