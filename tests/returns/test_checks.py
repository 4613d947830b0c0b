"""Checks before export, on the shipped forms with figures typed in (published bulletins)."""
from __future__ import annotations

from decimal import Decimal

from core.returns import checks, forms
from core.returns.figures import Figures, Row
from core.returns.filling import Block

FIVE = ("daily_fine", "seizure", "restriction", "detention", "crime_transfer")


def blocks_of(form, rows: list[Row], total: Row) -> dict:
    repeat = form.repeats[0]
    figures = Figures(form.template, "2020-04-30", None, rows, total)
    return {repeat.row: Block(repeat, figures, [dict(r.values) for r in rows])}


def penalty(five_kinds: int, parts: tuple[int, ...], total_five: int | None = None):
    form = forms.find(None, "penalty_monthly")
    values = {c.key: 0 for c in form.template.columns}
    values["five_kinds:year"] = five_kinds
    for kind, n in zip(FIVE, parts):
        values[f"{kind}:year"] = n
    row = Row("100000", "全国", dict(values))
    total = Row(None, "合计", {**values, "five_kinds:year": total_five or five_kinds})
    return form, blocks_of(form, [row], total)


def test_published_2020_five_kinds_total_that_does_not_add_up_is_caught():
    # January–April 2020: "3,243" = 67 + 1,928 + 289 + 703 + 257, which is 3,244.
    form, blocks = penalty(3243, (67, 1928, 289, 703, 257))
    findings = checks.check_form(form, blocks)
    assert [f.cell for f in findings] == ["D10", "D11"]  # the row, then the 合计 row
    text = str(findings[0])
    assert "D10" in text and "全国" in text and "3243" in text and "3244" in text
    assert "五类案件合计" in text


def test_published_figures_that_add_up_pass():
    # February 2017: 1,134 = 78 + 498 + 242 + 238 + 78.
    form, blocks = penalty(1134, (78, 498, 242, 238, 78))
    assert checks.check_form(form, blocks) == []


def test_total_not_equal_to_the_rows_names_the_total_cell():
    form, blocks = penalty(1134, (78, 498, 242, 238, 78), total_five=1135)
    findings = checks.check_form(form, blocks)
    assert [(f.cell, f.row, f.code) for f in findings] == [
        ("D11", "合计", "return.check.total"), ("D11", "合计", "return.check.parts")]


def progress(assigned: int, rectified: int, rate: Decimal | None):
    form = forms.find(None, "campaign_progress")
    values = {c.key: 0 for c in form.template.columns}
    values.update(assigned=assigned, rectified=rectified, clearance_rate=rate, closed=rectified)
    return form, blocks_of(form, [Row("141021", "曲沃县", dict(values))],
                           Row(None, "合计", dict(values)))


def test_rectified_above_assigned_and_rate_above_100_are_caught():
    form, blocks = progress(10, 12, Decimal("120.00"))
    findings = {(f.cell, f.code) for f in checks.check_form(form, blocks)}
    assert {("F10", "return.check.at_most"), ("I10", "return.check.rate"),
            ("F11", "return.check.at_most"), ("I11", "return.check.rate")} <= findings


def test_no_problems_assigned_is_a_dash_not_an_error():
    form, blocks = progress(0, 0, None)
    assert checks.check_form(form, blocks) == []


def test_money_totals_compare_exact_fen_not_rounded_wan():
    form = forms.find(None, "campaign_progress")
    values = {c.key: 0 for c in form.template.columns}
    rows = [Row(str(i), f"县{i}", {**values, "fines": 4_999}) for i in range(3)]
    total = Row(None, "合计", {**values, "fines": 14_997})
    assert checks.check_form(form, blocks_of(form, rows, total)) == []
    total.values["fines"] = 15_000
    assert [f.code for f in checks.check_form(form, blocks_of(form, rows, total))] == [
        "return.check.total"]
