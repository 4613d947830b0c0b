"""Day counts, fines and clocks against dates worked by hand from the measures' text.

Conventions (core/penalties/rules.py): a period "within N days of" an event starts the day
after it, so it ends on the event's date + N; every period here is in calendar days.
The case fixture's original fine is 100,000 yuan (10,000,000 fen).
"""
from __future__ import annotations

import datetime as dt

import pytest

from core import penalties
from core.errors import LedgerError, ValidationError
from core.penalties import clocks, daily_fines, detail, extensions, rules, seizures, stages

D = dt.date.fromisoformat


def clock_of(ledger, case, kind, on):
    found = [c for c in clocks.of_case(ledger, case, D(on)) if c.clock == kind]
    return found[0] if found else None


# -- 按日连续处罚 (按日连续处罚办法 第十七至十九条)

def test_one_recheck_counts_from_the_day_after_service_to_the_recheck(ledger, case):
    # Order served 2024-03-01; the recheck of 2024-03-20 finds the discharge going on.
    # Counted: 3-02 … 3-20 = 19 days (第十七条); fine 19 × 100,000 = 1,900,000 yuan (第十九条).
    daily_fines.add_order(ledger, case, "2024-03-01")
    daily_fines.add_recheck(ledger, case, "2024-03-20", "still_discharging")
    shown = detail.load(ledger, case, D("2024-03-21"))
    assert (shown.daily.days, shown.daily.total_fen) == (19, 190_000_000)
    assert [(p.first, p.last) for p in shown.daily.periods] == [(D("2024-03-02"), D("2024-03-20"))]
    row = penalties.get(ledger, case)  # what statistics and returns add up
    assert (row["daily_fine"], row["daily_fine_fen"]) == (1, 190_000_000)


def test_two_rechecks_add_up(ledger, case):
    # Order 2024-03-01, recheck 3-20 still discharging: 19 days (3-02 … 3-20).
    # A new order is served 3-22; the recheck of 4-15 still finds it: 再次复查仍拒不改正的，
    # 计罚日数累计执行 — the count runs on from the last day counted: 3-21 … 4-15 =
    # 11 (March 21–31) + 15 = 26 days. Total 45 days, 4,500,000 yuan.
    daily_fines.add_order(ledger, case, "2024-03-01")
    daily_fines.add_recheck(ledger, case, "2024-03-20", "still_discharging")
    daily_fines.add_order(ledger, case, "2024-03-22")
    daily_fines.add_recheck(ledger, case, "2024-04-15", "still_discharging")
    counted = daily_fines.count(ledger, case, 10_000_000)
    assert [p.days for p in counted.periods] == [19, 26]
    assert (counted.days, counted.total_fen) == (45, 450_000_000)
    assert penalties.get(ledger, case)["daily_fine_fen"] == 450_000_000


def test_a_correction_ends_the_count_and_a_new_violation_starts_again(ledger, case):
    # Order 3-01, recheck 3-20 still: 19 days. Recheck 4-10 finds it corrected: nothing
    # more (the days 3-21 … 4-10 are not counted). A new violation, a new order served
    # 5-06 and a recheck on 5-26 still discharging: 计罚周期重新起算 (第十八条) from 5-07:
    # 5-07 … 5-26 = 20 days. Total 39 days, 3,900,000 yuan.
    daily_fines.add_order(ledger, case, "2024-03-01")
    daily_fines.add_recheck(ledger, case, "2024-03-20", "still_discharging")
    daily_fines.add_recheck(ledger, case, "2024-04-10", "corrected")
    daily_fines.add_order(ledger, case, "2024-05-06")
    daily_fines.add_recheck(ledger, case, "2024-05-26", "still_discharging")
    counted = daily_fines.count(ledger, case, 10_000_000)
    assert [(p.first, p.days, p.episode) for p in counted.periods] == [
        (D("2024-03-02"), 19, 1), (D("2024-05-07"), 20, 2)]
    assert counted.total_fen == 390_000_000


def test_no_daily_fine_when_a_seizure_or_stop_ended_the_discharge(ledger, case):
    # 第二十条: the recheck of 3-20 finds the discharge ended by the seizure: 0 days.
    daily_fines.add_order(ledger, case, "2024-03-01")
    daily_fines.add_recheck(ledger, case, "2024-03-20", "stopped")
    assert daily_fines.count(ledger, case, 10_000_000).days == 0
    assert penalties.get(ledger, case)["daily_fine_fen"] == 0


def test_the_recheck_clock_runs_30_days_from_service(ledger, case):
    # Served 2024-03-01: recheck due 3-31 (第十条). On 3-25, 6 days left; a recheck stops it.
    daily_fines.add_order(ledger, case, "2024-03-01")
    assert (clock_of(ledger, case, "recheck", "2024-03-25").due_on,
            clock_of(ledger, case, "recheck", "2024-03-25").days_left) == ("2024-03-31", 6)
    late = daily_fines.add_recheck(ledger, case, "2024-04-02", "still_discharging")
    assert [w.code for w in late.warnings] == ["warning.penalty_recheck_late"]  # 2 days late
    assert clock_of(ledger, case, "recheck", "2024-04-03") is None


def test_a_recheck_needs_an_order_served_before_it(ledger, case):
    with pytest.raises(ValidationError) as caught:
        daily_fines.add_recheck(ledger, case, "2024-03-20", "still_discharging")
    assert "没有送达责令改正" in str(caught.value)


def test_a_typed_daily_fine_is_refused_once_rechecks_count_it(ledger, case):
    daily_fines.add_order(ledger, case, "2024-03-01")
    daily_fines.add_recheck(ledger, case, "2024-03-20", "still_discharging")
    with pytest.raises(ValidationError) as caught:
        penalties.update(ledger, case, {"daily_fine_amount": "5000"})
    assert "自动计算" in str(caught.value)
    # A change of the original fine counts again: 19 days × 50,000 = 950,000 yuan.
    penalties.update(ledger, case, {"fine": "50000"})
    assert penalties.get(ledger, case)["daily_fine_fen"] == 95_000_000


# -- 查封、扣押 (行政强制法 第二十五条)

def test_a_seizure_extended_once(ledger, case):
    # From 2024-06-01: 30 days end on 7-01. Extended by the head by 30 days: to 7-31;
    # 8-01 would be 31 days and is refused. On 7-20, 11 days left.
    seizures.record(ledger, case, "2024-06-01")
    with pytest.raises(ValidationError) as caught:
        seizures.record(ledger, case, "2024-06-01", extended_to="2024-08-01", approved_by="王局长")
    assert "2024-07-31" in str(caught.value)
    seizures.record(ledger, case, "2024-06-01", extended_to="2024-07-31", approved_by="王局长",
                    approved_on="2024-06-28")
    held = detail.load(ledger, case, D("2024-07-20")).seizures[0]
    assert (held["ends_on"], held["extended_to"], held["days_left"], held["overrun_days"]) == (
        "2024-07-01", "2024-07-31", 11, 0)
    assert clock_of(ledger, case, "seizure", "2024-07-20").due_on == "2024-07-31"
    assert penalties.get(ledger, case)["seizure"] == 1


def test_a_seizure_past_its_end_is_flagged(ledger, case):
    # From 2024-06-01, not extended, not released: on 7-05 it is 4 days past 7-01.
    seizures.record(ledger, case, "2024-06-01")
    held = detail.load(ledger, case, D("2024-07-05")).seizures[0]
    assert (held["days_left"], held["overrun_days"]) == (-4, 4)
    assert clock_of(ledger, case, "seizure", "2024-07-05").overdue
    # Released on 7-03: two days late, said so, and the clock stops.
    released = seizures.record(ledger, case, "2024-06-01", released_on="2024-07-03")
    assert [w.code for w in released.warnings] == ["warning.penalty_released_late"]
    assert clock_of(ledger, case, "seizure", "2024-07-05") is None
    assert detail.load(ledger, case, D("2024-07-05")).seizures[0]["overrun_days"] == 2


def test_a_seizure_longer_than_30_days_is_refused(ledger, case):
    with pytest.raises(ValidationError) as caught:
        seizures.record(ledger, case, "2024-06-01", ends_on="2024-07-02")
    assert "30 日" in str(caught.value) and "2024-07-01" in str(caught.value)


def test_only_a_manager_records_an_extension(staffed, case):
    staffed.role = "clerk"
    seizures.record(staffed, case, "2024-06-01")
    with pytest.raises(LedgerError) as caught:
        seizures.record(staffed, case, "2024-06-01", extended_to="2024-07-31", approved_by="王局长")
    assert "批准延期" in str(caught.value)
    with pytest.raises(LedgerError):
        extensions.extend(staffed, case, "2024-04-01", "王局长")


# -- the decision period (行政处罚法 第六十条; 生态环境行政处罚办法)

def test_a_decision_clock_extended_by_the_head_then_collectively(ledger, case):
    # 立案 2024-01-10 (leap year): 90 days = 21 (Jan 11–31) + 29 (Feb) + 31 (Mar) + 9 →
    # due 2024-04-09. The head's 30 days: 2024-05-09. On 4-20: 19 days left, not 11 overdue.
    assert clock_of(ledger, case, "decision", "2024-04-20").days_left == -11
    extensions.extend(ledger, case, "2024-04-01", "王局长")
    clock = clock_of(ledger, case, "decision", "2024-04-20")
    assert (clock.due_on, clock.days_left) == ("2024-05-09", 19)
    with pytest.raises(ValidationError) as caught:  # the head extends once only
        extensions.extend(ledger, case, "2024-05-01", "王局长")
    assert "集体讨论" in str(caught.value)
    extensions.extend(ledger, case, "2024-05-06", "局务会", collective=True, due_on="2024-06-30")
    assert clock_of(ledger, case, "decision", "2024-05-20").due_on == "2024-06-30"
    stages.record(ledger, case, "decided", "2024-06-20")
    assert clock_of(ledger, case, "decision", "2024-06-21") is None


# -- payment and the late-payment surcharge (行政处罚法 第六十七条、第七十二条)

@pytest.fixture
def served(ledger):
    # A fine of 200,000 yuan, decided 2024-02-26 and served 2024-03-01: paid by 3-16.
    row = penalties.add(ledger, {"case_number": "曲环罚〔2024〕9号", "region_code": "141021",
                                 "violation": "未批先建", "opened_on": "2024-01-05",
                                 "decided_on": "2024-02-26", "fine": "200000"}).id
    stages.record(ledger, row, "served", "2024-03-01")
    return row


@pytest.mark.parametrize("on,days,yuan", [
    ("2024-03-16", 0, 0),          # the last day to pay: nothing added
    ("2024-03-26", 10, 60_000),    # 10 days × 3% = 30%
    ("2024-04-18", 33, 198_000),   # 3-16 + 33 days: 99%
    ("2024-04-19", 34, 200_000),   # 102% would be 204,000: capped at the fine
    ("2024-06-01", 77, 200_000),
])
def test_a_late_payment_surcharge_capped_at_the_fine(ledger, served, on, days, yuan):
    shown = detail.load(ledger, served, D(on))
    assert (shown.surcharge_days, shown.surcharge_fen) == (days, yuan * 100)
    assert clock_of(ledger, served, "payment", on).due_on == "2024-03-16"


def test_the_surcharge_clock_is_due_on_the_day_of_the_cap(ledger, served):
    clock = clock_of(ledger, served, "surcharge", "2024-03-26")
    assert (clock.due_on, clock.days_left, clock.amount_fen) == ("2024-04-19", 24, 6_000_000)


def test_payment_stops_the_surcharge_and_closure_every_clock(ledger, served):
    # Paid 3-20: 4 days late, 12% = 24,000 yuan owed on top; no clock runs after.
    stages.record(ledger, served, "paid", "2024-03-20")
    shown = detail.load(ledger, served, D("2024-05-01"))
    assert (shown.surcharge_days, shown.surcharge_fen, shown.clocks) == (4, 2_400_000, [])
    seizures.record(ledger, served, "2024-03-02")
    assert clock_of(ledger, served, "seizure", "2024-03-05") is not None
    stages.record(ledger, served, "closed", "2024-04-30")
    assert clocks.of_case(ledger, served, D("2024-05-01")) == []


def test_rules_by_hand_without_a_ledger():
    assert rules.decision_due("2024-01-10") == D("2024-04-09")
    assert rules.decision_due("2024-01-10", head_extended=True) == D("2024-05-09")
    assert rules.seizure_limits("2024-06-01") == (D("2024-07-01"), D("2024-07-31"))
    assert rules.payment_due("2024-12-20") == D("2025-01-04")  # across the year's end
    assert rules.surcharge_fen(333, 1) == 10  # 9.99 fen rounds to 10
