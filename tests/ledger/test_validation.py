"""Each validation rule: the clerk gets the reason, and nothing is written."""
from __future__ import annotations

import datetime as dt

import pytest

from core import campaigns, enterprises, inspections, penalties, problems
from core.errors import ValidationError

VALID_CODE = "91141021MA0GRB6X15"  # check digit computed by GB 32100-2015


def count(ledger, table: str) -> int:
    return ledger.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def field_messages(caught) -> dict[str, str]:
    return {issue.field: issue.message for issue in caught.value.issues}


@pytest.fixture
def firm(ledger) -> str:
    return enterprises.add(ledger, {"name": "曲沃县宏达焦化有限公司", "credit_code": VALID_CODE,
                                    "region_code": "141021"}).id


def problem(**changes) -> dict:
    return {"source": "supervision_letter", "region_code": "141021", "category": "waste_gas",
            "description": "脱硫设施未运行", "assigned_on": "2026-08-01", "deadline": "2026-08-31",
            **changes}


def test_valid_credit_code_is_accepted_silently(ledger):
    changes = enterprises.add(ledger, {"name": "甲", "credit_code": VALID_CODE, "region_code": "141021"})
    assert changes.warnings == ()


def test_credit_code_with_bad_check_digit_warns_but_saves(ledger):
    bad = VALID_CODE[:-1] + ("0" if VALID_CODE[-1] != "0" else "1")
    changes = enterprises.add(ledger, {"name": "乙", "credit_code": bad, "region_code": "141021"})
    assert [w.code for w in changes.warnings] == ["warning.credit_code_checksum"]
    assert "校验位不符" in changes.warnings[0].message
    assert enterprises.get(ledger, changes.id)["credit_code"] == bad


def test_full_width_and_lower_case_credit_code_is_normalised(ledger):
    typed = "９１１４１０２１ma0grb6x15"
    changes = enterprises.add(ledger, {"name": "丙", "credit_code": typed, "region_code": "141021"})
    assert enterprises.get(ledger, changes.id)["credit_code"] == VALID_CODE


@pytest.mark.parametrize("code, says", [("91141021MA0GRB6X1", "现为 17 位"),
                                        ("91141021MA0GRB6X155", "现为 19 位"),
                                        ("9114102IMA0GRB6X15", "第 8 位是“I”")])
def test_malformed_credit_code_blocks(ledger, code, says):
    with pytest.raises(ValidationError) as caught:
        enterprises.add(ledger, {"name": "丁", "credit_code": code, "region_code": "141021"})
    assert says in field_messages(caught)["credit_code"]
    assert count(ledger, "enterprise") == 0


def test_credit_code_registered_twice_is_refused(ledger, firm):
    with pytest.raises(ValidationError) as caught:
        enterprises.add(ledger, {"name": "戊", "credit_code": VALID_CODE, "region_code": "141021"})
    assert "曲沃县宏达焦化有限公司" in field_messages(caught)["credit_code"]


def test_unknown_region_code_is_refused(ledger):
    with pytest.raises(ValidationError) as caught:
        problems.add(ledger, problem(region_code="149999"))
    assert field_messages(caught)["region_code"] == "行政区划代码“149999”不存在"
    assert count(ledger, "problem") == 0


def test_deadline_before_assigned_date_is_refused(ledger):
    with pytest.raises(ValidationError) as caught:
        problems.add(ledger, problem(deadline="2026-07-31"))
    assert field_messages(caught)["deadline"] == "整改时限 2026-07-31 早于交办日期 2026-08-01"
    assert count(ledger, "problem") == 0


@pytest.mark.parametrize("typed", ["2026-02-30", "2026/13/1", "明天", "26-8-1"])
def test_wrong_date_is_refused_with_the_value(ledger, typed):
    with pytest.raises(ValidationError) as caught:
        problems.add(ledger, problem(assigned_on=typed))
    assert f"“{typed}”不是有效日期" in field_messages(caught)["assigned_on"]


def test_dates_are_accepted_in_every_form_clerks_write(ledger):
    for typed in ["2026-08-01", "2026/8/1", "2026.8.1", "2026年8月1日", "20260801", "２０２６年８月１日"]:
        changes = problems.add(ledger, problem(assigned_on=typed))
        assert problems.get(ledger, changes.id)["assigned_on"] == "2026-08-01"


def test_required_fields_are_named(ledger):
    with pytest.raises(ValidationError) as caught:
        problems.add(ledger, problem(description="  ", category=None))
    messages = field_messages(caught)
    assert messages["description"] == "必填" and messages["category"] == "必填"
    assert "问题描述：必填" in str(caught.value)


def test_inspection_in_the_future_is_refused(ledger, firm, today):
    tomorrow = (today + dt.timedelta(days=1)).isoformat()
    with pytest.raises(ValidationError) as caught:
        inspections.add(ledger, {"enterprise_id": firm, "inspected_on": tomorrow,
                                 "kind": "routine", "result": "no_problem"}, ["张伟", "李静"])
    assert field_messages(caught)["inspected_on"] == f"日期 {tomorrow} 晚于今天"
    assert count(ledger, "inspection") == 0


@pytest.mark.parametrize("officers", [[], ["张伟"], ["张伟", " "], ["张伟", "张伟"]])
def test_inspection_needs_two_distinct_officers(ledger, firm, officers):
    with pytest.raises(ValidationError) as caught:
        inspections.add(ledger, {"enterprise_id": firm, "inspected_on": "2026-08-01",
                                 "kind": "routine", "result": "no_problem"}, officers)
    assert "officers" in field_messages(caught)
    assert count(ledger, "inspection") == 0 and count(ledger, "inspection_officer") == 0


def test_inspection_with_its_problems_is_one_transaction(ledger, firm):
    raw = {"enterprise_id": firm, "inspected_on": "2026-08-01", "kind": "campaign",
           "result": "problems_found"}
    found = [{"category": "dust", "description": "料场未苫盖", "deadline": "2026-08-20"},
             {"category": "waste_water", "description": "雨污未分流", "deadline": "2026-07-01"}]
    with pytest.raises(ValidationError) as caught:
        inspections.add(ledger, raw, ["张伟", "李静"], found)
    assert "第2个问题的整改时限" in str(caught.value)
    assert count(ledger, "inspection") == 0 and count(ledger, "problem") == 0
    found[1]["deadline"] = "2026-09-01"
    changes = inspections.add(ledger, raw, ["张伟", "李静"], found)
    rows = ledger.conn.execute(
        "SELECT region_code, assigned_on, source, inspection_id FROM problem").fetchall()
    assert [tuple(r) for r in rows] == [("141021", "2026-08-01", "inspection", changes.id)] * 2


@pytest.mark.parametrize("fine", ["-100", "-0.01"])
def test_negative_fine_is_refused(ledger, fine):
    with pytest.raises(ValidationError) as caught:
        penalties.add(ledger, {"case_number": "临环罚〔2026〕1号", "region_code": "141021",
                               "violation": "超标排放", "decided_on": "2026-08-01", "fine": fine})
    assert field_messages(caught)["fine"] == "金额不能为负数"
    assert count(ledger, "penalty_case") == 0


def test_fine_in_yuan_is_stored_as_fen(ledger, firm):
    changes = penalties.add(ledger, {"case_number": "临环罚〔2026〕2号", "enterprise_id": firm,
                                     "violation": "超标排放", "decided_on": "2026-08-01",
                                     "fine": "355,500.50", "seizure": True})
    case = penalties.get(ledger, changes.id)
    assert (case["fine_fen"], case["region_code"], case["seizure"]) == (35_550_050, "141021", 1)


def test_campaign_ending_before_it_starts_is_refused(ledger):
    with pytest.raises(ValidationError) as caught:
        campaigns.add_campaign(ledger, {"name": "百日清零", "starts_on": "2026-08-01",
                                        "ends_on": "2026-07-01"})
    assert field_messages(caught)["ends_on"] == "结束日期 2026-07-01 早于开始日期 2026-08-01"


def test_problem_in_a_batch_inherits_its_campaign(ledger):
    campaign = campaigns.add_campaign(ledger, {"name": "百日清零", "starts_on": "2026-08-01",
                                               "ends_on": "2026-11-08"}).id
    batch = campaigns.add_batch(ledger, {"campaign_id": campaign, "number": 1,
                                         "name": "第一批", "issued_on": "2026-08-01"}).id
    changes = problems.add(ledger, problem(batch_id=batch))
    assert problems.get(ledger, changes.id)["campaign_id"] == campaign


def test_extension_must_be_later_than_the_deadline_in_force(ledger):
    problem_id = problems.add(ledger, problem()).id
    with pytest.raises(ValidationError) as caught:
        problems.request_extension(ledger, problem_id, "2026-08-30", "设备未到货", on="2026-08-10")
    assert "必须晚于现行时限 2026-08-31" in field_messages(caught)["new_deadline"]
