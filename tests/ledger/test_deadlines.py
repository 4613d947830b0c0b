"""Deadlines as bureaus write them: each kind read, stored, and counted in the figures."""
from __future__ import annotations

import datetime as dt

import pytest

from acceptance_data import ACCEPTED
from core import dates, deadlines, problems, statistics
from core.deadlines import Kind
from core.errors import LedgerError, ValidationError
from core.statistics import Filter


@pytest.mark.parametrize("text,kind,day", [
    ("2024-06-30", Kind.DATE, "2024-06-30"),
    ("2024年6月30日前", Kind.DATE, "2024-06-30"),
    ("立行立改", Kind.AT_ONCE, "2024-03-05"),
    ("即查即改", Kind.AT_ONCE, "2024-03-05"),
    ("2024年6月底前", Kind.PERIOD_END, "2024-06-30"),
    ("2024年2月底", Kind.PERIOD_END, "2024-02-29"),
    ("2019年底前", Kind.PERIOD_END, "2019-12-31"),
    ("2020年6月", Kind.PERIOD_END, "2020-06-30"),
    ("长期坚持", Kind.ONGOING, None),
    ("2025年底前，并长期坚持", Kind.DATE_THEN_ONGOING, "2025-12-31"),
    ("采暖期前", Kind.VAGUE, None),
])
def test_each_way_of_writing_a_deadline(text, kind, day):
    found = deadlines.parse(text, "2024-03-05")
    assert (found.kind, found.date) == (kind, day)
    assert found.text == (None if kind is Kind.DATE and text == day else text)


def test_twenty_working_days_over_national_day_land_on_the_calendar_s_date():
    # assigned Friday 2025-09-26: 28 Sep and 11 Oct are make-up working days, 1-8 Oct holidays
    for text in ("20个工作日内", "20个工作日"):
        found = deadlines.parse(text, "2025-09-26")
        assert (found.kind, found.date, found.working_days) == (Kind.WORKING_DAYS, "2025-10-30", 20)


def test_a_year_the_calendar_does_not_cover_is_refused_by_name(ledger):
    with pytest.raises(ValidationError) as refused:
        problems.add(ledger, _problem("20个工作日内", assigned_on="2026-12-25"))
    message = str(refused.value)
    assert "整改时限" in message and "2027年" in message and "尚未收录" in message


def test_a_mistyped_date_is_refused_not_kept_as_text(ledger):
    with pytest.raises(ValidationError) as refused:
        problems.add(ledger, _problem("2024-9-31"))
    assert "2024-9-31" in str(refused.value)


def _problem(deadline: str, assigned_on: str = "2024-03-05", **more) -> dict:
    return {"source": "central_inspection", "region_code": "141021", "category": "dust",
            "description": "料场扬尘污染", "assigned_on": assigned_on, "deadline": deadline, **more}


def test_an_ongoing_problem_is_never_overdue(ledger, monkeypatch):
    row_id = problems.add(ledger, _problem("长期坚持")).id
    stored = problems.get(ledger, row_id)
    assert (stored["deadline"], stored["deadline_kind"], stored["deadline_text"]) == (
        None, "ongoing", "长期坚持")
    # figures as of a day to come are refused: look back from 2031
    monkeypatch.setattr(dates, "today", lambda: dt.date(2031, 1, 1))
    for day in ("2024-03-05", "2025-01-01", "2030-12-31"):
        for use_tally in (True, False):
            total = statistics.breakdown(ledger, day, use_tally=use_tally).total
            assert (total.assigned, total.overdue, total.ongoing, total.due_later) == (1, 0, 1, 0)
    problems.transition(ledger, row_id, "in_progress", on="2024-03-10")
    assert statistics.breakdown(ledger, "2030-01-01").total.overdue == 0
    monkeypatch.undo()
    with pytest.raises(ValidationError) as refused:
        problems.request_extension(ledger, row_id, "2024-12-31", "设备未到", on="2024-03-11")
    assert "长期坚持" in str(refused.value)


def test_a_date_then_ongoing_is_overdue_after_its_date_until_closed(ledger):
    row_id = problems.add(ledger, _problem("2024年底前，并长期坚持")).id
    assert statistics.breakdown(ledger, "2024-12-31").total.overdue == 0
    late = statistics.breakdown(ledger, "2025-01-01").total
    assert (late.overdue, late.ongoing) == (1, 0)
    for step, day in (("in_progress", "2025-01-02"), ("reported_done", "2025-01-05"),
                      ("closed", "2025-01-06")):
        problems.transition(ledger, row_id, step, on=day, acceptance=ACCEPTED)
    assert statistics.breakdown(ledger, "2025-02-01").total.overdue == 0
    # the figures of a day before the closure stay as they were
    assert statistics.breakdown(ledger, "2025-01-03").total.overdue == 1
    assert statistics.breakdown(ledger, "2025-01-03", use_tally=False).total.overdue == 1


def test_a_vague_deadline_is_kept_with_a_warning_and_counted_apart(ledger):
    changes = problems.add(ledger, _problem("采暖期前"))
    assert [w.code for w in changes.warnings] == ["warning.deadline_vague"]
    assert "采暖期前" in str(changes.warnings[0])
    total = statistics.breakdown(ledger, "2024-12-01").total
    assert (total.undated, total.overdue, total.due_later) == (1, 0, 0)
    # the clerk sets the date later: from then on it counts like any dated deadline
    problems.update(ledger, changes.id, {"deadline": "2024-11-15"})
    total = statistics.breakdown(ledger, "2024-12-01").total
    assert (total.undated, total.overdue) == (0, 1)
    problems.add(ledger, _problem("长期坚持"))
    problems.add(ledger, _problem("采暖期前"))
    from core import integrity
    assert integrity.check(ledger) == []  # the kept tallies agree with a recount


def test_at_once_is_due_on_the_assigned_day(ledger):
    row_id = problems.add(ledger, _problem("立行立改")).id
    assert problems.get(ledger, row_id)["deadline_in_force"] == "2024-03-05"
    assert statistics.breakdown(ledger, "2024-03-05").total.overdue == 0
    assert statistics.breakdown(ledger, "2024-03-06").total.overdue == 1


def test_a_correction_of_the_assigned_date_moves_a_working_day_deadline(ledger):
    row_id = problems.add(ledger, _problem("20个工作日内", assigned_on="2025-09-26")).id
    assert problems.get(ledger, row_id)["deadline"] == "2025-10-30"
    problems.update(ledger, row_id, {"assigned_on": "2025-09-29"})
    stored = problems.get(ledger, row_id)
    assert (stored["deadline"], stored["deadline_text"]) == ("2025-11-03", "20个工作日内")


def test_measures_have_their_own_deadline_of_any_kind(ledger):
    row_id = problems.add(ledger, _problem("2024年6月底前")).id
    problems.add_measure(ledger, row_id, {"description": "料场全封闭改造",
                                          "deadline": "2024年4月底前", "responsible": "县住建局"})
    problems.add_measure(ledger, row_id, {"description": "道路每日洒水", "deadline": "长期坚持",
                                          "responsible": "县城管局"})
    problems.add_measure(ledger, row_id, {"description": "整改方案报备",
                                          "deadline": "20个工作日内"})
    shown = [(m["deadline"], m["deadline_kind"], m["deadline_text"], m["responsible"])
             for m in problems.measures(ledger, row_id)]
    assert shown == [("2024-04-30", "period_end", "2024年4月底前", "县住建局"),
                     (None, "ongoing", "长期坚持", "县城管局"),
                     ("2024-04-02", "working_days", "20个工作日内", None)]


def test_the_buckets_and_the_statuses_add_up_per_row(demo_ledger):
    for text in ("长期坚持", "采暖期前", "2025年底前，并长期坚持"):
        problems.add(demo_ledger, _problem(text))
    report = statistics.breakdown(demo_ledger)
    for rows in report.by.values():
        for p in [report.total, *rows]:
            assert p.closed + p.reported_done + p.stage_concluded + p.unsettled == p.assigned
            assert p.overdue + p.due_10 + p.due_20 + p.due_later + p.ongoing + p.undated \
                == p.open
            assert min(p.due_later, p.unsettled) >= 0
    assert report.total.ongoing >= 1 and report.total.undated >= 1


def test_reading_a_stored_deadline_back():
    assert deadlines.describe("ongoing", None, "长期坚持") == "长期坚持"
    assert deadlines.describe("period_end", "2024-06-30", "2024年6月底前") == \
        "2024-06-30（2024年6月底前）"
    assert deadlines.describe("vague", None, "采暖期前") == "采暖期前（待定具体日期）"
    assert deadlines.describe("date", "2024-06-30", None) == "2024-06-30"


def test_a_kind_word_never_reads_as_a_date():
    with pytest.raises(LedgerError):
        deadlines.parse("0个工作日", "2024-03-05")
