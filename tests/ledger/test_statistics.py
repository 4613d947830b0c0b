"""Progress figures, as of today and as of past dates, from the status log."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from core import campaigns, penalties, problems, statistics
from core.statistics import Filter
from acceptance_data import ACCEPTED

COUNTIES = ["141002", "141021", "141022", "141023"]  # 尧都区 曲沃县 翼城县 襄汾县


def add(ledger, assigned="2026-08-01", deadline="2026-08-31", region="141021", **more) -> str:
    return problems.add(ledger, {
        "source": "supervision_letter", "region_code": region, "category": "dust",
        "description": "堆场扬尘", "assigned_on": assigned, "deadline": deadline, **more}).id


def close(ledger, problem_id: str, on: str) -> None:
    day = dt.date.fromisoformat(on)
    for step, back in (("in_progress", 2), ("reported_done", 1), ("closed", 0)):
        problems.transition(ledger, problem_id, step, on=day - dt.timedelta(days=back), acceptance=ACCEPTED)


def totals(ledger, as_of, flt=Filter()):
    return statistics.breakdown(ledger, as_of, flt).total


def test_shanxi_first_three_batches_give_65_73_percent(ledger):
    """1,258 of 1,914 problems rectified: the rate the province published."""
    campaign = campaigns.add_campaign(ledger, {"name": "百日清零专项行动", "starts_on": "2026-06-01",
                                               "ends_on": "2026-09-08"}).id
    batches = [campaigns.add_batch(ledger, {"campaign_id": campaign, "number": n,
                                            "name": f"第{n}批", "issued_on": "2026-06-01"}).id
               for n in (1, 2, 3)]
    with ledger.transaction():  # one commit for the lot: the same calls, faster
        ids = [add(ledger, assigned="2026-06-05", deadline="2026-07-05",
                   region=COUNTIES[i % 4], batch_id=batches[i % 3]) for i in range(1914)]
        for problem_id in ids[:1258]:
            close(ledger, problem_id, "2026-07-01")
    report = statistics.breakdown(ledger, "2026-07-06")
    assert (report.total.assigned, report.total.closed) == (1914, 1258)
    assert report.total.clearance_rate == Decimal("65.73")
    assert report.total.overdue == 1914 - 1258
    assert sum(p.assigned for p in report.by["batch"]) == 1914
    assert sum(p.closed for p in report.by["region"]) == 1258


def test_closed_counts_from_its_date_and_not_before(ledger):
    problem_id = add(ledger)
    close(ledger, problem_id, "2026-08-10")
    assert totals(ledger, "2026-08-09").closed == 0
    assert totals(ledger, "2026-08-10").closed == 1
    assert totals(ledger, "2026-07-31").assigned == 0


def test_reopened_after_d_still_counts_closed_on_d(ledger):
    problem_id = add(ledger)
    close(ledger, problem_id, "2026-08-10")
    problems.transition(ledger, problem_id, "reopened", on="2026-08-20", acceptance=ACCEPTED)
    assert totals(ledger, "2026-08-19").closed == 1
    assert totals(ledger, "2026-08-20").closed == 0
    assert totals(ledger, "2026-09-01").overdue == 1


def test_past_figures_do_not_change_when_later_work_is_entered(ledger):
    first = add(ledger)
    add(ledger, region="141002")
    before = statistics.breakdown(ledger, "2026-08-15")
    close(ledger, first, "2026-08-25")
    add(ledger, assigned="2026-08-20")
    problems.request_extension(ledger, first, "2026-09-30", "设备采购", on="2026-08-16")
    after = statistics.breakdown(ledger, "2026-08-15")
    assert after.total == before.total
    assert [p.as_dict() for p in after.by["region"]] == [p.as_dict() for p in before.by["region"]]


def test_overdue_uses_the_deadline_in_force_on_the_date(ledger):
    problem_id = add(ledger, deadline="2026-08-31")
    ext = problems.request_extension(ledger, problem_id, "2026-09-30", "设备到货延迟",
                                     on="2026-08-28").id
    problems.approve_extension(ledger, ext, on="2026-09-05")
    assert totals(ledger, "2026-09-03").overdue == 1  # extension not yet approved
    on_10th = totals(ledger, "2026-09-10")
    assert (on_10th.overdue, on_10th.due_20) == (0, 1)  # 20 days left
    assert totals(ledger, "2026-10-01").overdue == 1
    assert problems.get(ledger, problem_id)["deadline"] == "2026-08-31"  # the original is kept


@pytest.mark.parametrize("days_left,bucket", [
    (-1, "overdue"), (0, "due_10"), (10, "due_10"), (11, "due_20"), (20, "due_20"),
    (21, "due_later"), (90, "due_later")])
def test_deadline_buckets_count_days_left(ledger, days_left, bucket):
    as_of = dt.date(2026, 8, 15)
    add(ledger, deadline=(as_of + dt.timedelta(days=days_left)).isoformat(), assigned="2026-07-01")
    figures = totals(ledger, as_of).as_dict()
    assert {b: figures[b] for b in statistics.BUCKETS} == {
        b: int(b == bucket) for b in statistics.BUCKETS}


def test_withdrawn_problem_stops_counting_from_its_withdrawal(ledger):
    problem_id = add(ledger)
    add(ledger)
    problems.withdraw(ledger, problem_id, "交办错误，非本辖区企业", on="2026-08-05")
    assert totals(ledger, "2026-08-04").assigned == 2
    assert totals(ledger, "2026-08-05").assigned == 1


def test_no_problems_gives_no_rate_rather_than_an_error(ledger):
    report = statistics.breakdown(ledger, "2026-08-01")
    assert report.total.assigned == 0 and report.total.clearance_rate is None
    assert report.total.as_dict()["clearance_rate"] is None


def test_by_region_lists_every_county_of_linfen_in_code_order(ledger):
    add(ledger, region="141021")
    rows = statistics.breakdown(ledger, "2026-08-02").by["region"]
    assert len(rows) == 17 and rows[0].name == "尧都区" and rows[-1].name == "霍州市"
    assert [r.key for r in rows] == sorted(r.key for r in rows)
    assert {r.name: r.assigned for r in rows if r.assigned} == {"曲沃县": 1}


def test_filters_narrow_every_figure(ledger):
    add(ledger, region="141021", category="dust")
    add(ledger, region="141002", category="waste_gas")
    add(ledger, region="141002", category="dust")
    assert totals(ledger, "2026-08-02", Filter(region_code="141002")).assigned == 2
    assert totals(ledger, "2026-08-02", Filter(category="dust")).assigned == 2
    assert totals(ledger, "2026-08-02", Filter(region_code="141000", category="dust")).assigned == 2
    assert totals(ledger, "2026-08-02", Filter(region_code="140300")).assigned == 0


def test_demo_series_agrees_with_the_figures_of_each_day(demo_ledger):
    today = dt.date.today()
    start = today - dt.timedelta(days=85)
    series = statistics.cumulative(demo_ledger, start, today)
    assert len(series) == 86
    for day, assigned, closed in series[::7] + series[-1:]:
        figures = totals(demo_ledger, day)
        assert (assigned, closed) == (figures.assigned, figures.closed), day


def test_demo_groupings_add_up_to_the_total(demo_ledger):
    report = statistics.breakdown(demo_ledger)
    assert report.total.assigned == 2507
    for group, rows in report.by.items():
        assert sum(r.assigned for r in rows) == report.total.assigned, group
        assert sum(r.closed for r in rows) == report.total.closed, group
        assert sum(r.overdue for r in rows) == report.total.overdue, group


def test_penalty_figures_sum_fines_in_fen_and_count_special_measures(ledger):
    for number, (fine, flags, day) in enumerate([
            ("10000", {"seizure": 1}, "2026-08-01"),
            ("25000.50", {"daily_fine": 1, "daily_fine_amount": "250005", "restriction": 1}, "2026-08-10"),
            ("5000", {"detention": 1}, "2026-09-01")], 1):
        penalties.add(ledger, {"case_number": f"临环罚〔2026〕{number}号", "region_code": "141021",
                               "violation": "超标排放", "decided_on": day, "fine": fine, **flags})
    total, by_region = statistics.penalties(ledger, "2026-08-01", "2026-08-31")
    assert (total.cases, total.fine_fen, total.daily_fine_fen) == (2, 3_500_050, 25_000_500)
    assert (total.seizure, total.restriction, total.daily_fine, total.five_kinds) == (1, 1, 1, 3)
    assert {r.name: r.cases for r in by_region if r.cases} == {"曲沃县": 2}


def test_running_tally_and_the_logs_agree_on_every_day(demo_ledger):
    today = dt.date.today()
    problem_id = demo_ledger.conn.execute(
        "SELECT id FROM problem WHERE status = 'in_progress' LIMIT 1").fetchone()[0]
    problems.withdraw(demo_ledger, problem_id, "重复交办")
    for back in (0, 1, 5, 20, 60):
        day = today - dt.timedelta(days=back)
        fast = statistics.breakdown(demo_ledger, day)
        slow = statistics.breakdown(demo_ledger, day, use_tally=False)
        assert fast.total == slow.total, day
        assert [p.as_dict() for p in fast.by["batch"]] == [p.as_dict() for p in slow.by["batch"]]
    assert statistics.tally_drift(demo_ledger) == 0


def test_tally_follows_edits_made_with_plain_sql(demo_ledger):
    conn = demo_ledger.conn
    conn.execute("UPDATE problem SET region_code = '141021' WHERE rowid % 7 = 0")
    conn.execute("UPDATE problem SET status = 'closed' WHERE rowid % 11 = 0")
    # (problems a penalty case punishes stay: their foreign key refuses the delete)
    conn.execute("DELETE FROM problem WHERE rowid % 13 = 0 AND id NOT IN "
                 "(SELECT problem_id FROM penalty_problem)")
    assert statistics.tally_drift(demo_ledger) == 0
    fast = statistics.breakdown(demo_ledger)
    slow = statistics.breakdown(demo_ledger, use_tally=False)
    assert fast.total == slow.total


def test_past_dates_from_the_tally_equal_a_recount_from_the_logs(demo_ledger):
    ledger = demo_ledger
    today = dt.date.today()
    waiting = [r[0] for r in ledger.conn.execute(
        "SELECT id FROM problem WHERE status = 'reported_done' ORDER BY id LIMIT 3")]
    problems.transition(ledger, waiting[0], "closed", on=today - dt.timedelta(days=2), acceptance=ACCEPTED)
    problems.transition(ledger, waiting[1], "closed", acceptance=ACCEPTED)
    problems.transition(ledger, waiting[1], "reopened", acceptance=ACCEPTED)
    problems.withdraw(ledger, waiting[2], "重复交办")
    running = ledger.conn.execute(
        "SELECT id, deadline_in_force FROM problem WHERE status = 'in_progress' ORDER BY id LIMIT 1"
    ).fetchone()
    later = (dt.date.fromisoformat(running[1]) + dt.timedelta(days=30)).isoformat()
    extension = problems.request_extension(ledger, running[0], later, "设备到货延迟",
                                           on=today - dt.timedelta(days=6))
    problems.approve_extension(ledger, extension.ids[0], on=today - dt.timedelta(days=4))
    batch_id, campaign_id = ledger.conn.execute(
        "SELECT id, campaign_id FROM batch ORDER BY issued_on DESC LIMIT 1").fetchone()
    for flt in (Filter(), Filter(region_code="141021"), Filter(batch_id=batch_id),
                Filter(campaign_id=campaign_id, category="dust")):
        for back in (1, 3, 5, 10, 30, 90, 400):
            day = today - dt.timedelta(days=back)
            fast = statistics.breakdown(ledger, day, flt)
            slow = statistics.breakdown(ledger, day, flt, use_tally=False)
            assert fast.total == slow.total, (flt, day)
            for group in statistics.GROUPS:
                assert [p.as_dict() for p in fast.by[group]] == \
                    [p.as_dict() for p in slow.by[group]], (flt, day, group)
