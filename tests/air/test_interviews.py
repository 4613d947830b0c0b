"""Interviews (约谈): the plan's due day in working days, measures, restrictions (限批)."""
from __future__ import annotations

import pytest

from core.air import interviews
from core.errors import LedgerError


def test_a_20_working_day_plan_over_national_day(ledger):
    # held Friday 26 September 2025: 28 Sep and 11 Oct are make-up working days,
    # 1–8 October the holiday; the 20th working day after is Thursday 30 October
    changes = interviews.add(ledger, "141024", "2025-09-26", "山西省生态环境厅",
                             "PM2.5浓度同比上升，未完成秋冬季目标")
    interview = interviews.get(ledger, changes.id)
    assert (interview.plan_days, interview.plan_due) == (20, "2025-10-30")
    assert interview.plan_overdue_on("2025-10-31") and not interview.plan_overdue_on("2025-10-30")
    interviews.plan_submitted(ledger, changes.id, "2025-10-28")
    assert not interviews.get(ledger, changes.id).plan_overdue_on("2025-11-30")


def test_measures_are_tracked_and_a_restriction_runs_until_lifted(ledger):
    interview_id = interviews.add(ledger, "141024", "2026-04-16", "山西省生态环境厅",
                                  "综合指数排名末位", restriction_from="2026-04-16",
                                  restriction_scope="新增大气污染物排放项目环评审批").id
    measure = interviews.add_measure(ledger, interview_id, "散煤清零", "2026-06-15", "县政府").id
    interviews.measure_progress(ledger, measure, 60)
    interviews.measure_progress(ledger, measure, 100, "2026-06-10")
    done = interviews.get(ledger, interview_id).measures[0]
    assert (done.progress, done.done_on) == (100, "2026-06-10")
    assert interviews.restricted_units(ledger, "2026-05-01") == ["141024"]
    interviews.lift(ledger, interview_id, "2026-08-01")
    assert interviews.restricted_units(ledger, "2026-07-31") == ["141024"]
    assert interviews.restricted_units(ledger, "2026-08-01") == []
    with pytest.raises(LedgerError, match="早于限批开始日期"):
        interviews.lift(ledger, interview_id, "2026-03-01")
    with pytest.raises(LedgerError, match="解除限批日期：早于限批开始日期 2026-04-16"):
        interviews.add(ledger, "141024", "2026-04-16", "省厅", "目标未完成",
                       restriction_from="2026-04-16", restriction_until="2026-03-01")


def test_an_interview_needs_who_why_and_a_date(ledger):
    with pytest.raises(LedgerError, match="约谈原因：必填"):
        interviews.add(ledger, "141024", "2026-04-16", "山西省生态环境厅", " ")
    with pytest.raises(LedgerError, match="约谈日期："):
        interviews.add(ledger, "141024", "4月16日", "山西省生态环境厅", "目标未完成")
