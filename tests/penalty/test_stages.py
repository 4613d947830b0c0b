"""Stages: dated, signed, in procedure order; the case's stage and dates follow them."""
from __future__ import annotations

import pytest

from core import penalties
from core.errors import ValidationError
from core.penalties import stages


def test_the_case_follows_its_stages(ledger, case):
    assert penalties.get(ledger, case)["stage"] == "opened"
    stages.record(ledger, case, "investigated", "2024-01-20", done_by="张伟")
    stages.record(ledger, case, "decided", "2024-03-01")
    stages.record(ledger, case, "served", "2024-03-04")
    row = penalties.get(ledger, case)
    assert (row["stage"], row["opened_on"], row["decided_on"]) == (
        "served", "2024-01-10", "2024-03-01")
    found = stages.recorded(ledger, case)
    assert [(s, r["happened_on"], r["done_by"]) for s, r in found.items()] == [
        ("opened", "2024-01-10", "测试员"), ("investigated", "2024-01-20", "张伟"),
        ("decided", "2024-03-01", "测试员"), ("served", "2024-03-04", "测试员")]
    # A skipped stage may be filled in later, between its neighbours' dates.
    stages.record(ledger, case, "notified", "2024-02-10")
    assert penalties.get(ledger, case)["stage"] == "served"


def test_a_stage_dated_before_an_earlier_one_is_refused(ledger, case):
    stages.record(ledger, case, "decided", "2024-03-01")
    with pytest.raises(ValidationError) as caught:
        stages.record(ledger, case, "served", "2024-02-20")
    assert "作出决定" in str(caught.value) and "2024-03-01" in str(caught.value)
    with pytest.raises(ValidationError):
        stages.record(ledger, case, "notified", "2024-03-05")  # after the decision
    with pytest.raises(ValidationError):
        penalties.update(ledger, case, {"opened_on": "2024-03-10"})


def test_the_form_decision_date_is_the_decided_stage(ledger, case):
    penalties.update(ledger, case, {"decided_on": "2024-03-01"})
    assert stages.recorded(ledger, case)["decided"]["happened_on"] == "2024-03-01"
    assert penalties.get(ledger, case)["stage"] == "decided"
    stages.record(ledger, case, "decided", "2024-03-02")  # corrected from the stage side
    assert penalties.get(ledger, case)["decided_on"] == "2024-03-02"


def test_a_case_needs_a_date(ledger):
    with pytest.raises(ValidationError) as caught:
        penalties.add(ledger, {"case_number": "曲环罚〔2024〕1号", "region_code": "141021",
                               "violation": "超标排放"})
    assert "立案日期和处罚决定日期至少要填一个" in str(caught.value)
    with pytest.raises(ValidationError) as caught:
        penalties.add(ledger, {"case_number": "曲环罚〔2024〕1号", "region_code": "141021",
                               "violation": "超标排放", "opened_on": "2024-05-01",
                               "decided_on": "2024-04-01"})
    assert "早于立案日期" in str(caught.value)


def test_a_case_punishes_several_problems_and_each_problem_knows_its_cases(ledger, case):
    from core import problems

    made = [problems.add(ledger, {"number": f"QW-{n}", "source": "inspection",
                                  "region_code": "141021", "category": "dust",
                                  "description": f"料场未苫盖 {n}", "assigned_on": "2024-01-02",
                                  "deadline": "2024-03-01"}).id for n in (1, 2)]
    penalties.update(ledger, case, {"problem": "QW-1、QW-2"})
    assert [p["id"] for p in penalties.problems_of(ledger, case)] == made
    assert penalties.get(ledger, case)["problem_id"] == made[0]
    assert [c["id"] for c in penalties.cases_of_problem(ledger, made[1])] == [case]
    penalties.update(ledger, case, {"fine": "120000"})  # other edits keep the links
    assert len(penalties.problems_of(ledger, case)) == 2
    with pytest.raises(ValidationError) as caught:
        penalties.update(ledger, case, {"problem": "QW-1、QW-404"})
    assert "QW-404" in str(caught.value)
    penalties.update(ledger, case, {"problem": ""})
    assert penalties.problems_of(ledger, case) == []
    assert penalties.get(ledger, case)["problem_id"] is None


def test_a_problem_found_in_an_inspection_brings_the_inspection_and_both_list_the_case(ledger):
    from core import enterprises, inspections, queries

    firm = enterprises.add(ledger, {"name": "曲沃县宏达焦化有限公司", "region_code": "141021"}).id
    seen = inspections.add(ledger, {"enterprise_id": firm, "inspected_on": "2026-08-01",
                                    "kind": "campaign", "result": "problems_found"},
                           ["张伟", "李静"], [{"category": "dust", "description": "料场未苫盖",
                                               "deadline": "2026-08-20", "number": "QW-9"}])
    case = penalties.add(ledger, {"case_number": "曲环罚〔2026〕5号", "enterprise_id": firm,
                                  "violation": "扬尘治理不到位", "opened_on": "2026-08-05",
                                  "problem": "QW-9"}).id
    assert penalties.get(ledger, case)["inspection_id"] == seen.id
    listed = queries.page(ledger, queries.INSPECTIONS, queries.Query(), 0, 10)
    keys = ("id", *queries.INSPECTIONS.keys)
    assert [dict(zip(keys, r))["penalty_cases"] for r in listed] == ["曲环罚〔2026〕5号"]
    # The form may name the inspection by its date instead; a day without one is refused.
    with pytest.raises(ValidationError) as caught:
        penalties.update(ledger, case, {"inspection": "2026-08-02"})
    assert "没有 2026-08-02 的现场检查" in str(caught.value)
    penalties.update(ledger, case, {"inspection": "2026年8月1日"})
    assert penalties.get(ledger, case)["inspection_id"] == seen.id


def test_a_transfer_is_dated_and_its_acceptance_follows_it(ledger, case):
    penalties.update(ledger, case, {"detention_transferred_on": "2024-02-01",
                                    "detention_accepted_on": "2024-02-02"})
    row = penalties.get(ledger, case)
    assert (row["detention"], row["detention_accepted_on"]) == (1, "2024-02-02")
    with pytest.raises(ValidationError) as caught:
        penalties.update(ledger, case, {"crime_transferred_on": "2024-03-05",
                                        "crime_accepted_on": "2024-03-01"})
    assert "早于移送日期 2024-03-05" in str(caught.value)
