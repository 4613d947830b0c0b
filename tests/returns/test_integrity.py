"""`ecoledger-cli check` recounts the kept past states (problem_state) and names a drift."""
from __future__ import annotations

import datetime as dt

import pytest

from core import integrity, intervals, statistics
from core.cli import main


def _drift_lines(ledger):
    return [line for line in integrity.check(ledger) if "problem_state" in line]


def _past_states(ledger):
    return ledger.conn.execute(
        "SELECT valid_to, valid_from, problem_id, status FROM problem_state "
        "WHERE valid_to < '9999-12-31' ORDER BY valid_to DESC LIMIT 1").fetchone()


def test_check_reports_a_tampered_past_state(demo_copy, capsys):
    assert _drift_lines(demo_copy) == []
    valid_to, valid_from, problem_id, status = _past_states(demo_copy)
    other = "closed" if status != "closed" else "assigned"
    demo_copy.conn.execute("UPDATE problem_state SET status = ? WHERE valid_to = ? AND "
                           "valid_from = ? AND problem_id = ?",
                           (other, valid_to, valid_from, problem_id))
    demo_copy.conn.commit()
    lines = _drift_lines(demo_copy)
    # the changed row counts twice: as stored (not rebuilt) and as rebuilt (not stored)
    assert len(lines) == 1 and "2 项" in lines[0] and "不一致" in lines[0], lines
    assert main(["--db", str(demo_copy.path), "check"]) == 1
    assert "problem_state" in capsys.readouterr().err


@pytest.mark.parametrize("tamper", ["missing", "extra"])
def test_a_missing_or_an_extra_state_is_reported(demo_copy, tamper):
    valid_to, valid_from, problem_id, _ = _past_states(demo_copy)
    if tamper == "missing":
        demo_copy.conn.execute("DELETE FROM problem_state WHERE valid_to = ? AND valid_from = ? "
                               "AND problem_id = ?", (valid_to, valid_from, problem_id))
    else:
        demo_copy.conn.execute("INSERT INTO problem_state SELECT '2001-01-02', problem_id, "
                               "'2001-01-01', grp, 'closed', '' FROM problem_state LIMIT 1")
    assert intervals.drift(demo_copy) == 1
    assert any("problem_state" in line for line in integrity.check(demo_copy))


def test_the_tally_check_counts_an_extra_tally_row(demo_copy):
    assert statistics.tally_drift(demo_copy) == 0
    demo_copy.conn.execute("INSERT INTO progress_tally SELECT '141021', '', category, '', "
                           "source, 'assigned', '2001-01-01', 1 FROM progress_tally LIMIT 1")
    assert statistics.tally_drift(demo_copy) == 1


def test_past_figures_and_the_check_agree_after_a_back_dated_write(demo_copy):
    from acceptance_data import ACCEPTED
    from core import problems

    pid = demo_copy.conn.execute(
        "SELECT id FROM problem WHERE status = 'reported_done' LIMIT 1").fetchone()[0]
    problems.transition(demo_copy, pid, "closed", on=dt.date.today() - dt.timedelta(days=4),
                        acceptance=ACCEPTED)
    assert _drift_lines(demo_copy) == []
