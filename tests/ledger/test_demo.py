"""Demo data is realistic and obeys every rule the ledger enforces on typed data."""
from __future__ import annotations

import datetime as dt

from core import demo, integrity, regions
from core.validation import credit_code_problem


def scalar(ledger, sql: str):
    return ledger.conn.execute(sql).fetchone()[0]


def test_demo_follows_the_shanxi_campaign_shape(demo_ledger):
    assert scalar(demo_ledger, "SELECT count(*) FROM problem") == 2507
    assert scalar(demo_ledger, "SELECT count(*) FROM batch") == 4
    assert scalar(demo_ledger, "SELECT count(*) FROM penalty_case") == 539
    fines_wan = scalar(demo_ledger, "SELECT sum(fine_fen) FROM penalty_case") / 1_000_000
    assert 2000 < fines_wan < 5000  # the article: 3,555 万元 for 539 cases
    counties = {c.code for c in regions.counties_of(demo_ledger, "141000")}
    used = {r[0] for r in demo_ledger.conn.execute("SELECT DISTINCT region_code FROM problem")}
    assert used == counties


def test_demo_rows_pass_the_rules_typed_rows_must_pass(demo_ledger):
    today = dt.date.today().isoformat()
    codes = [r[0] for r in demo_ledger.conn.execute("SELECT credit_code FROM enterprise")]
    assert all(credit_code_problem(code) is None for code in codes)
    assert scalar(demo_ledger, "SELECT count(*) FROM problem WHERE deadline < assigned_on") == 0
    assert scalar(demo_ledger, f"SELECT max(happened_on) FROM problem_log") <= today
    assert scalar(demo_ledger, f"SELECT max(inspected_on) FROM inspection") <= today
    assert scalar(demo_ledger, """SELECT count(*) FROM inspection i WHERE
        (SELECT count(*) FROM inspection_officer o WHERE o.inspection_id = i.id) < 2""") == 0
    assert integrity.check(demo_ledger) == []


def test_demo_status_columns_agree_with_the_log(demo_ledger):
    mismatched = scalar(demo_ledger, """
        SELECT count(*) FROM problem p JOIN problem_log l ON l.problem_id = p.id
        WHERE l.seq = (SELECT max(seq) FROM problem_log WHERE problem_id = p.id)
          AND (l.status_to != p.status OR l.happened_on != p.status_since)""")
    assert mismatched == 0
    assert scalar(demo_ledger, "SELECT count(*) FROM problem WHERE status = 'closed' "
                               "AND closed_on IS NULL") == 0


def test_demo_is_reproducible_from_its_seed():
    counties = [regions.Region("141021", "曲沃县", "141000", 3)]
    today = dt.date(2026, 11, 1)
    first = demo.generate(counties, 200, seed=7, today=today)
    again = demo.generate(counties, 200, seed=7, today=today)
    other = demo.generate(counties, 200, seed=8, today=today)
    strip = lambda data: [row[4:] + row[:1] for row in data.tables["problem"][1]]
    assert strip(first) == strip(again)
    assert strip(first) != strip(other)
