"""The dashboard's figures are the core statistics, and its drill-down lists the rows behind them."""
from __future__ import annotations

import datetime as dt
import pytest

from core import dashboard, dates, problems, queries, statistics
from core.statistics import Filter
from acceptance_data import ACCEPTED

PAST = 30  # days before today: a date whose figures need the status logs


def _campaign_and_batch(ledger) -> tuple[str, str]:
    return ledger.conn.execute(
        "SELECT campaign_id, id FROM batch ORDER BY number LIMIT 1 OFFSET 1").fetchone()


def _filters(ledger) -> list[Filter]:
    campaign, batch = _campaign_and_batch(ledger)
    county = ledger.conn.execute(
        "SELECT region_code FROM problem GROUP BY 1 ORDER BY count(*) DESC").fetchone()[0]
    return [Filter(), Filter(campaign_id=campaign), Filter(batch_id=batch),
            Filter(region_code=county), Filter(campaign_id=campaign, region_code=county)]


def _days(ledger) -> list[str]:
    today = dates.today()
    return [today.isoformat(), (today - dt.timedelta(days=PAST)).isoformat()]


def test_board_figures_equal_the_core_statistics(demo_ledger):
    for flt in _filters(demo_ledger):
        for day in _days(demo_ledger):
            board = dashboard.load(demo_ledger, day, flt)
            report = statistics.breakdown(demo_ledger, day, flt)
            assert board.total == report.total
            assert board.regions == report.by["region"]
            assert board.categories == report.by["category"]
            assert board.sources == report.by["source"]
            assert board.series[-1] == (day, report.total.assigned, report.total.closed)
            assert board.series == statistics.cumulative(demo_ledger, board.series[0][0], day,
                                                         flt)


def test_every_day_of_the_series_equals_progress_on_that_day(demo_ledger):
    board = dashboard.load(demo_ledger)
    for day, assigned, closed in board.series[::9]:
        total = statistics.breakdown(demo_ledger, day, groups=()).total
        assert (assigned, closed) == (total.assigned, total.closed), day


@pytest.mark.parametrize("figure", dashboard.FIGURES)
def test_drill_down_lists_exactly_the_problems_counted(demo_ledger, figure):
    campaign, _ = _campaign_and_batch(demo_ledger)
    for day in _days(demo_ledger):
        report = statistics.breakdown(demo_ledger, day, Filter(campaign_id=campaign))
        for row in report.by["region"] + report.by["category"] + report.by["source"]:
            group = ("region_code" if row in report.by["region"] else
                     "category" if row in report.by["category"] else "source")
            flt = Filter(campaign_id=campaign, **{group: row.key})
            ids = dashboard.problem_ids(demo_ledger, day, flt, figure)
            assert len(ids) == len(set(ids)) == getattr(row, figure), (day, group, row.key)


def test_drill_down_ids_agree_with_the_status_each_problem_had(demo_ledger):
    day = _days(demo_ledger)[1]
    closed = set(dashboard.problem_ids(demo_ledger, day, Filter(), "closed"))
    opened = set(dashboard.problem_ids(demo_ledger, day, Filter(), "open"))
    assigned = set(dashboard.problem_ids(demo_ledger, day, Filter(), "assigned"))
    assert closed | opened == assigned and not closed & opened
    for problem_id in sorted(closed)[:20]:
        assert statistics.status_on(demo_ledger, problem_id, day) == "closed"


def test_a_problem_closed_today_moves_between_the_drill_down_lists(demo_ledger):
    problem_id = demo_ledger.conn.execute(
        "SELECT id FROM problem WHERE status = 'reported_done' LIMIT 1").fetchone()[0]
    before = dashboard.load(demo_ledger)
    problems.transition(demo_ledger, problem_id, "closed", acceptance=ACCEPTED)
    after = dashboard.load(demo_ledger)
    assert after.total.closed == before.total.closed + 1
    assert problem_id in dashboard.problem_ids(demo_ledger, None, Filter(), "closed")
    assert problem_id not in dashboard.problem_ids(demo_ledger, None, Filter(), "open")


def test_penalties_per_month_add_up_and_drill_to_their_cases(demo_ledger):
    campaign, _ = _campaign_and_batch(demo_ledger)
    for flt in (Filter(), Filter(campaign_id=campaign), _filters(demo_ledger)[3]):
        board = dashboard.load(demo_ledger, None, flt)
        assert board.months, "demo cases fall in the campaign's months"
        assert sum(m.figures.cases for m in board.months) == board.penalties.cases
        assert sum(m.figures.fine_fen for m in board.months) == board.penalties.fine_fen
        for month in board.months:
            assert month.first[:7] == month.last[:7] == month.month
            core = statistics.penalties(demo_ledger, month.first, month.last, flt)[0]
            assert month.figures == core
            for figure in dashboard.CASE_FIGURES:
                ids = dashboard.case_ids(demo_ledger, month.first, month.last, flt, figure)
                assert len(ids) == getattr(core, figure), (month.month, figure)


def test_months_are_cut_at_the_as_of_date(demo_ledger):
    got = dashboard.months(demo_ledger, "2024-01-31", "2024-03-10")
    assert [(m.month, m.first, m.last) for m in got] == [
        ("2024-01", "2024-01-31", "2024-01-31"), ("2024-02", "2024-02-01", "2024-02-29"),
        ("2024-03", "2024-03-01", "2024-03-10")]


def test_pace_runs_from_nothing_at_the_start_to_all_assigned_at_the_end(demo_ledger):
    board = dashboard.load(demo_ledger)
    campaign = board.campaign
    assert campaign is not None and board.pace
    assert board.pace[0] == (campaign.starts_on, 0.0)
    assert board.pace[-1] == (campaign.ends_on, float(board.total.assigned))
    values = [v for _, v in board.pace]
    middle = len(values) // 2
    assert values[middle] == pytest.approx(
        {d: a for d, a, _ in board.series}[board.pace[middle][0]]
        * campaign.elapsed(board.pace[middle][0]))


def test_target_rate_follows_the_campaign_pace_and_names_the_laggards(demo_ledger):
    board = dashboard.load(demo_ledger)
    share = board.campaign.elapsed(board.as_of)
    assert 0 < share < 1  # the demo campaign runs 80 days back and 20 ahead
    assert board.target_kind == "pace"
    assert float(board.target_rate) == pytest.approx(board.campaign.target_rate * share, abs=0.01)
    lagging = {p.key for p in board.laggards()}
    for region in board.regions:
        if region.clearance_rate is not None:
            assert (region.key in lagging) == (region.clearance_rate < board.target_rate)


def test_without_a_campaign_the_target_is_the_average(ledger):
    board = dashboard.load(ledger)
    assert board.campaign is None and board.series == [] and board.months == []
    assert board.target_kind == "average" and board.target_rate is None
    assert board.laggards() == [] and board.total.clearance_rate is None


def test_a_past_date_before_the_campaign_has_no_figures(demo_ledger):
    board = dashboard.load(demo_ledger, "2001-01-01")
    assert board.total.assigned == 0 and board.series == [] and board.penalties.cases == 0
    assert board.campaign is None and board.target_rate is None  # no campaign had begun


def test_unknown_measures_are_refused(demo_ledger):
    with pytest.raises(ValueError):
        dashboard.problem_ids(demo_ledger, None, Filter(), "everything")
    with pytest.raises(ValueError):
        dashboard.case_ids(demo_ledger, "2024-01-01", "2024-02-01", Filter(), "fines")


def test_a_query_by_ids_selects_exactly_those_rows(demo_ledger):
    ids = dashboard.problem_ids(demo_ledger, None, Filter(), "overdue")
    query = queries.Query(ids=tuple(ids))
    assert queries.count(demo_ledger, queries.PROBLEMS, query) == len(ids) > 0
    shown = queries.page(demo_ledger, queries.PROBLEMS, query, 0, len(ids) + 5)
    assert sorted(row[0] for row in shown) == sorted(ids)
    assert queries.count(demo_ledger, queries.PROBLEMS, queries.Query(ids=())) == 0


# -- figures kept between refreshes follow every write

def _fresh(ledger, flt=Filter()):
    """The board as a ledger opened afresh would compute it."""
    dashboard.forget(ledger)
    return dashboard.load(ledger, None, flt)


def _problem(ledger, status: str) -> str:
    return ledger.conn.execute("SELECT id FROM problem WHERE status = ? AND withdrawn_on IS NULL "
                               "ORDER BY number LIMIT 1", (status,)).fetchone()[0]


def test_kept_figures_follow_status_changes_without_reading_every_problem(demo_ledger,
                                                                          monkeypatch):
    campaign, _ = _campaign_and_batch(demo_ledger)
    flts = (Filter(), Filter(campaign_id=campaign), _filters(demo_ledger)[3])
    for flt in flts:
        dashboard.load(demo_ledger, None, flt)
    yesterday = (dates.today() - dt.timedelta(days=1)).isoformat()
    problems.transition(demo_ledger, _problem(demo_ledger, "reported_done"), "closed", acceptance=ACCEPTED)
    problems.transition(demo_ledger, _problem(demo_ledger, "reported_done"), "closed",
                        on=yesterday, acceptance=ACCEPTED)
    reopened = _problem(demo_ledger, "closed")
    problems.transition(demo_ledger, reopened, "reopened", acceptance=ACCEPTED)
    problems.add_note(demo_ledger, reopened, "复查发现反弹")
    firm = demo_ledger.conn.execute("SELECT id FROM enterprise LIMIT 1").fetchone()[0]
    problems.add(demo_ledger, {"source": "complaint", "enterprise_id": firm,
                               "category": "dust", "description": "工地扬尘", "campaign_id": campaign,
                               "assigned_on": yesterday, "deadline": dates.today().isoformat()})
    # settled in stage, an ongoing and a vague deadline: counted apart, kept apart
    problems.transition(demo_ledger, _problem(demo_ledger, "in_progress"), "stage_concluded")
    for wording in ("长期坚持", "采暖期前"):
        problems.add(demo_ledger, {"source": "complaint", "enterprise_id": firm, "category": "dust",
                                   "description": "燃煤锅炉", "campaign_id": campaign,
                                   "assigned_on": yesterday, "deadline": wording})
    kept = {}

    def no_full_read(*args, **kwargs):
        raise AssertionError("the kept counts were read again")
    extended = _problem(demo_ledger, "in_progress")
    extension = problems.request_extension(demo_ledger, extended, "2099-01-31", "设备采购周期长")
    problems.approve_extension(demo_ledger, extension.id)
    problems.withdraw(demo_ledger, _problem(demo_ledger, "assigned"), "交办错误")
    with monkeypatch.context() as patch:
        patch.setattr(statistics, "cube", no_full_read)
        for flt in flts:
            kept[flt] = dashboard.load(demo_ledger, None, flt)
    for flt in flts:
        fresh = _fresh(demo_ledger, flt)
        assert kept[flt].series == fresh.series == statistics.cumulative(
            demo_ledger, fresh.series[0][0], fresh.as_of, flt, use_tally=False)
        assert kept[flt].series[-1][1:] == (fresh.total.assigned, fresh.total.closed)
        assert kept[flt].total == fresh.total == statistics.breakdown(demo_ledger, None, flt).total
        assert flt != Filter() or (fresh.total.stage_concluded, fresh.total.ongoing,
                                   fresh.total.undated) == (1, 1, 1)
        assert (kept[flt].regions, kept[flt].categories, kept[flt].sources) == (
            fresh.regions, fresh.categories, fresh.sources)


def test_kept_figures_of_a_past_date_stay_as_they_were(demo_ledger):
    past = _days(demo_ledger)[1]
    before = dashboard.load(demo_ledger, past)
    problems.transition(demo_ledger, _problem(demo_ledger, "reported_done"), "closed", acceptance=ACCEPTED)
    problems.add_note(demo_ledger, _problem(demo_ledger, "assigned"), "已约谈企业负责人")
    after = dashboard.load(demo_ledger, past)
    assert after.total == before.total == statistics.breakdown(demo_ledger, past).total
    assert after.series == before.series


def test_kept_figures_are_read_again_after_a_correction(demo_ledger):
    dashboard.load(demo_ledger)
    problem_id = _problem(demo_ledger, "closed")
    problems.withdraw(demo_ledger, problem_id, "交办错误")
    board = dashboard.load(demo_ledger)
    assert board.series == _fresh(demo_ledger).series == statistics.cumulative(
        demo_ledger, board.series[0][0], board.as_of)
    demo_ledger.conn.execute("UPDATE problem_log SET happened_on = date(happened_on, '-3 days') "
                             "WHERE status_to = 'closed' AND problem_id = ?",
                             (_problem(demo_ledger, "closed"),))
    board = dashboard.load(demo_ledger)
    assert board.series == _fresh(demo_ledger).series == statistics.cumulative(
        demo_ledger, board.series[0][0], board.as_of)


def test_kept_counts_follow_a_problem_moved_to_another_category(demo_ledger):
    before = dashboard.load(demo_ledger)
    problem_id = _problem(demo_ledger, "in_progress")
    old = demo_ledger.conn.execute("SELECT category FROM problem WHERE id = ?",
                                   (problem_id,)).fetchone()[0]
    new = "noise" if old != "noise" else "dust"
    problems.update(demo_ledger, problem_id, {**problems.get(demo_ledger, problem_id),
                                              "category": new})
    after = dashboard.load(demo_ledger)
    counts = {p.key: p.assigned for p in after.categories}
    was = {p.key: p.assigned for p in before.categories}
    assert counts[new] == was.get(new, 0) + 1 and counts[old] == was[old] - 1
    assert after.categories == statistics.breakdown(demo_ledger).by["category"]


def test_kept_penalty_figures_follow_a_new_case(demo_ledger):
    from core import penalties

    before = dashboard.load(demo_ledger)
    firm = demo_ledger.conn.execute("SELECT id FROM enterprise LIMIT 1").fetchone()[0]
    penalties.add(demo_ledger, {"case_number": "临环罚〔2099〕1号", "enterprise_id": firm,
                                "campaign_id": before.campaign.id, "violation": "超标排放",
                                "decided_on": dates.today().isoformat(), "fine": "12345.67",
                                "seizure": True})
    after = dashboard.load(demo_ledger)
    assert after.penalties.cases == before.penalties.cases + 1
    assert after.penalties.fine_fen == before.penalties.fine_fen + 1234567
    assert after.months[-1].figures.seizure == before.months[-1].figures.seizure + 1
    assert after.months == _fresh(demo_ledger).months


# -- any sequence of writes leaves the kept figures equal to a fresh reading

_STEPS = {"in_progress": ("assigned", "reopened"), "reported_done": ("in_progress",),
          "closed": ("reported_done",), "reopened": ("closed",),
          "withdraw": ("closed", "in_progress"), "extend": ("assigned", "in_progress")}
_DUE = (0, 9, 10, 11, 20, 21)  # days left: either side of every deadline bucket's edge


def _write(ledger, step: str, pick: int, back: int) -> None:
    from core.errors import LedgerError

    day = (dates.today() - dt.timedelta(days=back)).isoformat()
    due = dates.shift(dates.today().isoformat(), _DUE[pick % len(_DUE)])
    if step == "add":
        firm, county = ledger.conn.execute("SELECT id, region_code FROM enterprise "
                                           "ORDER BY name LIMIT 1 OFFSET ?", (pick,)).fetchone()
        problems.add(ledger, {"source": "complaint", "enterprise_id": firm, "category": "noise",
                              "description": "夜间施工噪声", "assigned_on": day,
                              "deadline": due})
        return
    wanted = _STEPS[step]
    marks = ", ".join("?" * len(wanted))
    row = ledger.conn.execute(
        f"SELECT id FROM problem WHERE status IN ({marks}) AND withdrawn_on IS NULL "
        "ORDER BY number LIMIT 1 OFFSET ?", (*wanted, pick)).fetchone()
    try:
        if step == "withdraw":
            problems.withdraw(ledger, row[0], "交办错误", on=day)
        elif step == "extend":
            extension = problems.request_extension(ledger, row[0], due, "工期长", on=day)
            problems.approve_extension(ledger, extension.id, on=day)
        else:
            problems.transition(ledger, row[0], step, on=day, acceptance=ACCEPTED)
    except LedgerError:
        pass  # a date before the problem's last change: refused, as in the app


def test_kept_figures_equal_fresh_ones_after_any_writes(demo_file, tmp_path_factory):
    import shutil

    from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

    from core.ledger import Ledger

    steps = st.lists(st.tuples(
        st.sampled_from(["in_progress", "reported_done", "closed", "reopened", "withdraw",
                         "extend", "add"]),
        st.integers(0, 40), st.sampled_from([0, 0, 0, 1, 5, 40])), min_size=1, max_size=8)

    @hsettings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
    @given(steps)
    def check(writes):
        path = tmp_path_factory.mktemp("writes") / "demo.db"
        shutil.copyfile(demo_file, path)
        with Ledger.open(path, operator="测试员") as ledger:
            flts = _filters(ledger)[:4]
            past = _days(ledger)[1]
            for flt in flts:
                dashboard.load(ledger, None, flt)
                dashboard.load(ledger, past, flt)
            for write in writes:
                _write(ledger, *write)
            for flt in flts:
                for day in (None, past):
                    kept = dashboard.load(ledger, day, flt)
                    report = statistics.breakdown(ledger, day, flt)
                    assert kept.total == report.total
                    assert kept.regions == report.by["region"]
                    assert (kept.categories, kept.sources) == (report.by["category"],
                                                               report.by["source"])
                    assert kept.series == statistics.cumulative(ledger, kept.series[0][0],
                                                                kept.as_of, flt)
    check()


def test_the_rows_behind_each_kind_of_done_and_deadline_are_the_counted_ones(demo_ledger):
    firm = demo_ledger.conn.execute("SELECT id FROM enterprise LIMIT 1").fetchone()[0]
    problems.transition(demo_ledger, _problem(demo_ledger, "in_progress"), "stage_concluded")
    for wording in ("长期坚持", "采暖期前", "立行立改"):
        problems.add(demo_ledger, {"source": "complaint", "enterprise_id": firm, "category": "dust",
                                   "description": "燃煤锅炉", "assigned_on": dates.today(),
                                   "deadline": wording})
    total = statistics.breakdown(demo_ledger).total
    for figure in ("reported_done", "stage_concluded", "ongoing", "undated", "due_later",
                    "overdue", "due_10"):
        ids = dashboard.problem_ids(demo_ledger, None, Filter(), figure)
        assert len(ids) == getattr(total, figure), figure
