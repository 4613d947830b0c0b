from __future__ import annotations

from decimal import Decimal

import pytest

from core.returns import checks, templates
from core.returns.checks import ReturnCheckFailed
from core.returns.figures import Figures, Row

FIVE = ("daily", "seizure", "restriction", "detention", "crime")


def penalty_figures(five_kinds: int, parts: tuple[int, ...], total_five: int | None = None):
    """A one-row penalty return with the given five-kinds total and parts (year to date)."""
    template = templates.load("penalty_monthly")
    values = {c.key: 0 for c in template.columns}
    values["five_year"] = five_kinds
    for kind, n in zip(FIVE, parts):
        values[f"{kind}_year"] = n
    row = Row("100000", "全国", dict(values))
    total = Row(None, "合计", {**values, "five_year": total_five or five_kinds})
    return Figures(template, "2020-04-30", None, [row], total)


def test_published_2020_five_kinds_total_that_does_not_add_up_is_caught():
    # January–April 2020: "3,243" = 67 + 1,928 + 289 + 703 + 257, which is 3,244.
    figures = penalty_figures(3243, (67, 1928, 289, 703, 257))
    findings = checks.check(figures, first_data_row=6)
    assert [f.cell for f in findings] == ["C7", "C8"]
    text = str(findings[0])
    assert "C7" in text and "全国" in text and "3243" in text and "3244" in text
    assert "五类案件合计·1—4月累计" in text
    with pytest.raises(ReturnCheckFailed) as error:
        checks.require(figures, first_data_row=6)
    assert "2" in str(error.value) and "C7" in str(error.value)


def test_published_figures_that_add_up_pass():
    # February 2017: 1,134 = 78 + 498 + 242 + 238 + 78.
    assert checks.check(penalty_figures(1134, (78, 498, 242, 238, 78)), 6) == []


def test_total_not_equal_to_the_rows_names_the_total_cell():
    figures = penalty_figures(1134, (78, 498, 242, 238, 78), total_five=1135)
    findings = checks.check(figures, first_data_row=6)
    assert [(f.cell, f.row, f.code) for f in findings] == [
        ("C8", "合计", "return.check.total"), ("C8", "合计", "return.check.parts")]


def progress_figures(assigned: int, rectified: int, rate: Decimal | None):
    template = templates.load("campaign_progress")
    values = {c.key: 0 for c in template.columns}
    values.update(assigned=assigned, rectified=rectified, rate=rate)
    return Figures(template, "2019-07-05", None, [Row("141021", "曲沃县", dict(values))],
                   Row(None, "合计", dict(values)))


def test_rectified_above_assigned_and_rate_above_100_are_caught():
    findings = checks.check(progress_figures(10, 12, Decimal("120.00")), first_data_row=6)
    assert {(f.cell, f.code) for f in findings} == {
        ("E7", "return.check.at_most"), ("F7", "return.check.rate"),
        ("E8", "return.check.at_most"), ("F8", "return.check.rate")}


def test_no_problems_assigned_is_a_dash_not_an_error():
    assert checks.check(progress_figures(0, 0, None), first_data_row=6) == []


def test_money_totals_compare_exact_fen_not_rounded_wan():
    template = templates.load("campaign_progress")
    values = {c.key: 0 for c in template.columns}
    rows = [Row(str(i), f"县{i}", {**values, "fines": 4_999}) for i in range(3)]  # 0.005 万元 each
    total = Row(None, "合计", {**values, "fines": 14_997})
    assert checks.check(Figures(template, "2019-07-05", None, rows, total), 6) == []
    total.values["fines"] = 15_000
    assert [f.code for f in checks.check(Figures(template, "2019-07-05", None, rows, total), 6)] \
        == ["return.check.total"]
