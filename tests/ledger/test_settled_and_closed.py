"""Settled is not closed; closing records the acceptance; numbers a bureau uses."""
from __future__ import annotations

import pytest

from acceptance_data import ACCEPTED
from core import attachments, numbering, problems, queries, settings, statistics
from core.errors import LedgerError, ValidationError


def _problem(ledger, **more) -> str:
    return problems.add(ledger, {
        "source": "central_inspection", "region_code": "141021", "category": "noise",
        "description": "夜间施工噪声扰民", "assigned_on": "2025-05-28", "deadline": "2025-06-30",
        **more}).id


def _walk(ledger, row_id: str, *steps: str) -> None:
    for n, step in enumerate(steps):
        problems.transition(ledger, row_id, step, on=f"2025-06-{n + 1:02d}", acceptance=ACCEPTED)


def test_stage_concluded_never_counts_as_closed(ledger):
    staged, done, closed = (_problem(ledger) for _ in range(3))
    _walk(ledger, staged, "in_progress", "stage_concluded")
    _walk(ledger, done, "in_progress", "reported_done")
    _walk(ledger, closed, "in_progress", "reported_done", "closed")
    for use_tally in (True, False):
        total = statistics.breakdown(ledger, "2025-06-20", use_tally=use_tally).total
        assert (total.assigned, total.closed, total.reported_done, total.stage_concluded,
                total.unsettled) == (3, 1, 1, 1, 0)
        assert str(total.clearance_rate) == "33.33"
        # a province's 办结率 counting (已办结 + 阶段性办结) / total, as a template says
        assert total.rate_of(("closed", "reported_done", "stage_concluded")) == 100
        assert total.rate_of(("closed",)) == total.clearance_rate
    # still open: past its deadline it is overdue like any unclosed problem
    assert statistics.breakdown(ledger, "2025-07-01").total.overdue == 2


def test_a_figure_may_count_only_the_settled_statuses(ledger):
    with pytest.raises(ValueError):
        statistics.ProblemFigures().counted(("in_progress",))


def test_settled_in_stage_goes_on_to_reported_done_never_straight_to_closed(ledger):
    row_id = _problem(ledger)
    _walk(ledger, row_id, "in_progress", "stage_concluded")
    assert [s.value for s in problems.allowed_transitions(ledger, row_id)] == [
        "reported_done", "in_progress"]
    with pytest.raises(LedgerError) as refused:
        problems.transition(ledger, row_id, "closed", on="2025-06-05", acceptance=ACCEPTED)
    assert "阶段性办结" in str(refused.value)


def test_closing_records_the_acceptance_and_refuses_without_it(ledger, tmp_path):
    row_id = _problem(ledger)
    _walk(ledger, row_id, "in_progress", "reported_done")
    with pytest.raises(ValidationError) as refused:
        problems.transition(ledger, row_id, "closed", on="2025-06-05")
    assert "验收人" in str(refused.value) and "验收意见" in str(refused.value)
    assert problems.get(ledger, row_id)["status"] == "reported_done"
    photo = tmp_path / "整改后.jpg"
    photo.write_bytes(b"\xff\xd8after")
    problems.transition(ledger, row_id, "closed", on="2025-06-05", acceptance=ACCEPTED,
                        photos=[photo])
    [accepted] = problems.acceptances(ledger, row_id)
    assert (accepted["accepted_on"], accepted["accepted_by"], accepted["accepted_unit"],
            accepted["opinion"]) == ("2025-06-05", "赵志强", "临汾市生态环境局曲沃分局",
                                     "经现场核查，已按要求整改到位，同意销号")
    assert [(a.name, a.phase) for a in attachments.of_problem(ledger, row_id)] == [
        ("整改后.jpg", "after")]
    # reopened and closed again: a second acceptance, the first one kept
    for step, day in (("reopened", "2025-06-10"), ("in_progress", "2025-06-11"),
                      ("reported_done", "2025-06-12")):
        problems.transition(ledger, row_id, step, on=day)
    problems.transition(ledger, row_id, "closed", on="2025-06-15",
                        acceptance={"accepted_by": "孙丽娟", "opinion": "复查合格"})
    assert [a["accepted_by"] for a in problems.acceptances(ledger, row_id)] == ["赵志强", "孙丽娟"]


def test_a_problem_gets_a_number_when_none_is_typed(ledger):
    first = problems.get(ledger, _problem(ledger))
    second = problems.get(ledger, _problem(ledger, region_code="141002"))
    third = problems.get(ledger, _problem(ledger))
    assert (first["number"], second["number"], third["number"]) == (
        "141021-000001", "141002-000001", "141021-000002")
    typed = problems.get(ledger, _problem(ledger, number="临环督〔2025〕7号"))
    assert typed["number"] == "临环督〔2025〕7号"


def test_the_bureau_sets_the_numbering_pattern(ledger):
    settings.put(ledger, numbering.PATTERN_SETTING, "QW{year}-{seq:04d}")
    _problem(ledger, number="QW2025-0041")
    assert problems.get(ledger, _problem(ledger))["number"] == "QW2025-0042"
    for bad in ("{seq}-{region}", "QW-{sequence}", "no placeholder", "{seq:04d}{seq}", "{seq:q}"):
        with pytest.raises(LedgerError) as refused:
            settings.put(ledger, numbering.PATTERN_SETTING, bad)
        assert "编号规则" in str(refused.value)


def test_complaint_numbers_are_kept_searchable_and_find_the_problem(ledger):
    row_id = _problem(ledger, complaint_number=" d3sx202505280018 ")
    assert problems.get(ledger, row_id)["complaint_number"] == "D3SX202505280018"
    assert problems.find_by_complaint_number(ledger, "D3SX202505280018")["id"] == row_id
    assert problems.find_by_complaint_number(ledger, "D3SX202505280019") is None
    found = queries.page(ledger, queries.PROBLEMS, queries.Query(text="202505280018"), 0, 10)
    assert [r[0] for r in found] == [row_id]
    with pytest.raises(ValidationError) as refused:
        _problem(ledger, complaint_number="D3SX202505280018")
    assert "受理编号" in str(refused.value)
    # the problem itself may be saved again with its own number
    problems.update(ledger, row_id, {"description": "夜间施工噪声扰民，多次投诉"})


def test_the_ledger_export_shows_the_acceptance_and_the_deadline_as_written(ledger, tmp_path):
    import openpyxl

    from core.returns import export_ledger_sheet

    closed = _problem(ledger, number="A-1")
    _walk(ledger, closed, "in_progress", "reported_done", "closed")
    _problem(ledger, number="A-2", deadline="长期坚持")
    path = tmp_path / "台账.xlsx"
    export_ledger_sheet(ledger, path)
    sheet = openpyxl.load_workbook(path).active
    headers = [c.value for c in sheet[3]]  # title, marks, then the header (序号 first)
    rows = {r[1]: dict(zip(headers, r)) for r in sheet.iter_rows(min_row=4, values_only=True)}
    assert rows["A-1"]["验收人"] == "赵志强"
    assert rows["A-1"]["验收日期"].date().isoformat() == "2025-06-03"
    assert rows["A-2"]["整改时限"] == "长期坚持" and rows["A-2"]["验收人"] is None
