from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from core import money, regions, returns, statistics
from core.statistics import Filter


def test_shanxi_first_month_rate_is_65_73(ledger, insert_problems):
    counties = regions.counties_of(ledger, "141000")
    # 1,914 problems in the first three batches, 1,258 rectified, spread over the counties.
    for i, county in enumerate(counties):
        count = 1914 // len(counties) + (1 if i < 1914 % len(counties) else 0)
        closed = 1258 // len(counties) + (1 if i < 1258 % len(counties) else 0)
        insert_problems(ledger, county.code, count, closed, "2019-06-01", "2019-06-20")
    ret = returns.build(ledger, "campaign_progress", as_of="2019-07-05")
    total = ret.figures.total.values
    assert (total["assigned"], total["rectified"], total["clearance_rate"]) == (
        1914, 1258, Decimal("65.73"))
    assert ret.findings == []
    assert ret.sheet.texts()[ret.sheet.first_data_row + len(counties)][8] == "65.73"


def test_progress_return_equals_core_statistics_row_by_row(shared_demo):
    as_of = dt.date.today().isoformat()
    ret = returns.build(shared_demo, "campaign_progress", as_of=as_of)
    report = statistics.breakdown(shared_demo, as_of, Filter(), groups=("region",))
    found = statistics.breakdown(shared_demo, as_of, Filter(source="inspection"),
                                 groups=("region",))
    total, by_region = statistics.penalties(shared_demo, None, as_of)
    inspected = statistics.inspected_sources(shared_demo, None, as_of)
    assert [r.key for r in ret.figures.rows] == [p.key for p in report.by["region"]]
    for row, p, f, pen in zip(ret.figures.rows, report.by["region"], found.by["region"],
                              by_region):
        v = row.values
        assert (v["assigned"], v["rectified"], v["clearance_rate"]) == (p.assigned, p.closed,
                                                                        p.clearance_rate)
        assert (v["reported_done"], v["overdue"]) == (p.reported_done, p.overdue)
        assert v["found"] == f.assigned
        assert (v["cases"], v["fines"], v["seizure"]) == (pen.cases, pen.fine_fen, pen.seizure)
        assert v["closure"] <= pen.closure  # enterprises, not cases
        assert v["sources"] == inspected.get(row.key, 0)
    assert ret.figures.total.values["fines"] == total.fine_fen
    assert ret.figures.total.values["assigned"] == report.total.assigned == 2507


def test_rectified_or_done_counts_reported_done_too(shared_demo):
    ret = returns.build(shared_demo, "problems_by_category")
    report = statistics.breakdown(shared_demo, None, groups=())
    total = ret.figures.total.values
    assert total["closed"] == report.total.closed
    assert total["reported_done"] == report.total.reported_done > 0


def test_a_template_names_the_statuses_its_rectified_figure_counts(ledger):
    """A province publishing 办结率 = (已办结 + 阶段性办结) / total, another closed only."""
    from acceptance_data import ACCEPTED
    from core import problems

    for n, path in enumerate((["in_progress", "stage_concluded"], ["in_progress", "reported_done"],
                              ["in_progress", "reported_done", "closed"], [])):
        row = problems.add(ledger, {
            "source": "central_inspection", "region_code": "141021", "category": "dust",
            "description": f"问题{n}", "assigned_on": "2025-05-28", "deadline": "长期坚持"}).id
        for step in path:
            problems.transition(ledger, row, step, on="2025-06-01", acceptance=ACCEPTED)
    from core.returns import figures as figures_
    from core.returns import registry, templates

    names = ["assigned", "rectified", "rectified_or_done", "stage_concluded", "concluded",
             "conclusion_rate", "ongoing"]
    columns = registry.columns([registry.parse(n, "A1") for n in names])
    strict = templates.Template("t", templates.BY_REGION, "t", columns=tuple(columns))
    total = figures_.compute(ledger, strict, "2025-06-02").total.values
    assert [total[n] for n in names[:5]] == [4, 1, 2, 1, 3]
    assert total["conclusion_rate"] == Decimal("75.00")  # (已销号 + 已办结 + 阶段性办结) / total
    assert total["ongoing"] == 3  # the open ones, 长期坚持
    settled = dataclasses.replace(strict, rectified_statuses=(
        "closed", "reported_done", "stage_concluded"))
    assert figures_.compute(ledger, settled, "2025-06-02").total.values["rectified"] == 3
    with pytest.raises(ValueError):
        templates.Template("t", templates.BY_REGION, "t", rectified_statuses=("in_progress",))


def test_penalty_return_month_year_and_same_period_last_year(ledger):
    from core import penalties

    def case(number, on, **flags):
        penalties.add(ledger, {"case_number": number, "region_code": "141021",
                               "violation": "超标排放", "decided_on": on, "fine": "100000",
                               **flags})

    case("1", "2024-03-10", seizure=1)
    case("2", "2025-01-05", seizure=1, restriction=1)
    case("3", "2025-03-02", detention=1, daily_fine=1, daily_fine_amount="15000.50")
    case("4", "2025-03-20", crime_transfer=1)  # after the as-of date: not counted
    case("5", "2024-03-31", restriction=1)  # last year, after the same day: not counted
    ret = returns.build(ledger, "penalty_monthly", as_of="2025-03-15")
    quwo = next(r for r in ret.figures.rows if r.key == "141021").values
    assert (quwo["five_kinds:month"], quwo["five_kinds:year"],
            quwo["five_kinds:last_year"]) == (2, 4, 1)
    assert quwo["five_kinds:year_change"] == Decimal("300.00")
    assert quwo["five_kinds:last_month"] == 1 and quwo["five_kinds:month_change"] == \
        Decimal("100.00")
    assert quwo["seizure:year_change"] == Decimal("0.00")
    assert quwo["daily_fine_amount:year"] == 1_500_050
    assert money.fen_to_wan(quwo["daily_fine_amount:year"]) == Decimal("1.50")
    assert quwo["cases:year"] == 2 and quwo["fines:year"] == 20_000_000
    assert quwo["cases:month"] == 1 and quwo["fines:month"] == 10_000_000
    assert quwo["average_fine:year"] == Decimal("10.00")
    assert ret.findings == []
    assert ret.sheet.texts()[1][0] == "综合机关名称：临汾市生态环境局（141000）"
    assert "2025年3月" in ret.sheet.texts()[0][0]


def test_change_against_nothing_last_year_is_a_dash(ledger):
    ret = returns.build(ledger, "penalty_monthly", as_of="2025-03-15")
    assert ret.figures.total.values["five_kinds:year_change"] is None
    row = ret.sheet.texts()[ret.sheet.first_data_row]
    assert row[4] == "—"


def test_past_as_of_gives_the_same_figures_after_later_entries(demo_copy, insert_problems):
    past = (dt.date.today() - dt.timedelta(days=20)).isoformat()
    before = returns.build(demo_copy, "campaign_progress", as_of=past).sheet.texts()
    insert_problems(demo_copy, "141021", 30, 12, dt.date.today().isoformat(),
                    dt.date.today().isoformat())
    demo_copy.conn.execute("UPDATE problem SET status = 'closed', status_since = ? "
                             "WHERE rowid IN (SELECT rowid FROM problem LIMIT 5) "
                             "AND status != 'closed'", (dt.date.today().isoformat(),))
    after = returns.build(demo_copy, "campaign_progress", as_of=past).sheet.texts()
    today = returns.build(demo_copy, "campaign_progress").sheet.texts()
    assert after == before
    assert today != before


def test_a_province_bureau_gets_a_row_per_city_and_a_county_bureau_one_row(demo_copy):
    from core import settings

    settings.set_jurisdiction(demo_copy, "140000")
    ret = returns.build(demo_copy, "campaign_progress")
    assert [r.name for r in ret.figures.rows][:3] == ["太原市", "大同市", "阳泉市"]
    linfen = next(r for r in ret.figures.rows if r.key == "141000").values
    assert linfen["assigned"] == ret.figures.total.values["assigned"] == 2507
    assert linfen["sources"] == ret.figures.total.values["sources"] > 0
    assert ret.findings == []
    settings.set_jurisdiction(demo_copy, "141021")
    ret = returns.build(demo_copy, "campaign_progress")
    assert [r.name for r in ret.figures.rows] == ["曲沃县"]
    # The other counties' problems are outside a county bureau's return: the check says so.
    assert [f.code for f in ret.findings][0] == "return.check.total"


def test_penalty_return_gives_filed_and_decided_counts_per_kind(ledger):
    from core import penalties

    def case(number, opened, decided=None, **flags):
        penalties.add(ledger, {"case_number": number, "region_code": "141021",
                               "violation": "超标排放", "opened_on": opened,
                               "decided_on": decided, "fine": "100000" if decided else None,
                               **flags})

    case("1", "2025-02-20", "2025-03-05", detention=1)  # filed in February, decided in March
    case("2", "2025-03-03", None, detention=1)  # filed in March, not decided yet
    case("3", "2025-03-04", "2025-03-10", seizure=1)
    case("4", "2025-03-12", None, seizure=1, detention=1)
    ret = returns.build(ledger, "penalty_monthly", as_of="2025-03-15")
    quwo = next(r for r in ret.figures.rows if r.key == "141021").values
    assert (quwo["detention_opened:month"], quwo["detention:month"]) == (2, 1)
    assert (quwo["detention_opened:year"], quwo["detention:year"]) == (3, 1)
    assert (quwo["seizure_opened:month"], quwo["seizure:month"]) == (2, 1)
    assert (quwo["opened:month"], quwo["opened:year"], quwo["cases:month"]) == (3, 4, 2)
    assert ret.findings == []
    texts = ret.sheet.texts()
    header = texts[ret.sheet.first_data_row - 3]
    kinds = ["".join(t.split()) for t in texts[ret.sheet.first_data_row - 2]]
    detention = header.index("移送行政拘留（起）")  # 移送拘留 counted in 起
    assert kinds[detention:detention + 4] == ["本月立案", "本月决定", "累计立案", "累计决定"]
    row = texts[ret.sheet.first_data_row + [r.key for r in ret.figures.rows].index("141021")]
    assert row[detention:detention + 4] == ["2", "1", "3", "1"]


def test_progress_by_unit_gives_done_and_stage_concluded_and_totals_add_up(demo_copy):
    from core import problems

    moving = [r[0] for r in demo_copy.conn.execute(
        "SELECT id FROM problem WHERE status = 'in_progress' ORDER BY id LIMIT 5")]
    for problem_id in moving:
        problems.transition(demo_copy, problem_id, "stage_concluded")
    ret = returns.build(demo_copy, "campaign_progress")
    texts = ret.sheet.texts()
    first = ret.sheet.first_data_row
    heads = [" ".join(texts[first - 2][c].split()) for c in range(len(texts[first - 2]))]
    done, stage, rate = heads.index("已办结 （个）"), heads.index("阶段性办结 （个）"), \
        heads.index("办结率 （%）")
    regions_ = ret.figures.rows
    report = statistics.breakdown(demo_copy, groups=("region",))
    by_code = {p.key: p for p in report.by["region"]}
    printed = texts[first:first + len(regions_)]
    for row, region in zip(printed, regions_):
        p = by_code[region.key]
        assert (int(row[done]), int(row[stage])) == (p.reported_done, p.stage_concluded)
    total = texts[first + len(regions_)]
    assert total[0] == "合计"
    for column in (4, 5, done, 7, stage):  # 交办, 已销号, 已办结, 逾期, 阶段性办结
        assert int(total[column]) == sum(int(row[column]) for row in printed), heads[column]
    assert int(total[stage]) == report.total.stage_concluded >= 5
    settled = report.total.closed + report.total.reported_done + report.total.stage_concluded
    assert total[rate] == str(statistics.rate(settled, report.total.assigned))
    assert ret.findings == []


def test_on_pace_compares_each_unit_with_the_campaigns_pace(shared_demo):
    from core.returns import figures as figures_

    campaign, starts, ends, target = shared_demo.conn.execute(
        "SELECT id, starts_on, ends_on, target_rate FROM campaign").fetchone()
    day = (dt.date.fromisoformat(starts) + dt.timedelta(days=50)).isoformat()
    day = min(day, dt.date.today().isoformat())
    share = (dt.date.fromisoformat(day) - dt.date.fromisoformat(starts)).days / (
        dt.date.fromisoformat(ends) - dt.date.fromisoformat(starts)).days
    pace = statistics.rate(round(target * share * 100), 10000)
    assert figures_.pace(shared_demo, campaign, day) == pace
    ret = returns.build(shared_demo, "campaign_progress", as_of=day, campaign_id=campaign)
    texts = ret.sheet.texts()
    first = ret.sheet.first_data_row
    column = ["".join(t.split()) for t in texts[first - 2]].index("达序时进度")  # 达序时\n进度
    marks = []
    for row, text in zip(ret.figures.rows, texts[first:]):
        rate = row.values["clearance_rate"]
        expected = "—" if rate is None else "是" if rate >= pace else "否"
        assert text[column] == expected, row.name
        marks.append(text[column])
    assert {"是", "否"} & set(marks)
    assert ret.findings == []
    everything = returns.build(shared_demo, "campaign_progress", as_of=day)  # no campaign
    assert {r[column] for r in everything.sheet.texts()[first:first + 17]} == {"—"}


def test_a_source_column_from_the_returns_one_cube_equals_its_own_count(demo_copy):
    from acceptance_data import ACCEPTED
    from core import problems

    moved = [r[0] for r in demo_copy.conn.execute(
        "SELECT id FROM problem WHERE source = 'inspection' AND status = 'reported_done' "
        "ORDER BY id LIMIT 3")]
    today = dt.date.today()
    for problem_id in moved:  # changed after the day: the figures come from the intervals
        problems.transition(demo_copy, problem_id, "closed", on=today - dt.timedelta(days=2),
                            acceptance=ACCEPTED)
    campaign = demo_copy.conn.execute("SELECT id FROM campaign").fetchone()[0]
    day = (today - dt.timedelta(days=5)).isoformat()
    ret = returns.build(demo_copy, "campaign_progress", as_of=day, campaign_id=campaign)
    found = statistics.breakdown(demo_copy, day, Filter(campaign_id=campaign,
                                                      source="inspection"), groups=("region",))
    assert ret.figures.total.values["found"] == found.total.assigned > 0
    assert {r.key: r.values["found"] for r in ret.figures.rows} == {
        p.key: p.assigned for p in found.by["region"]}
    assert ret.findings == []
