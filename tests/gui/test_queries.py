"""Paged, filtered, sorted row lists behind the ledger browser."""
from __future__ import annotations

from core import queries, statistics
from core.queries import PROBLEMS, VIEWS, Query


def test_pages_read_backwards_past_the_middle_agree_with_forward_reading(demo_ledger):
    query = Query(sort="deadline", descending=True)
    total = queries.count(demo_ledger, PROBLEMS, query)
    assert total == 2507
    forward = queries.page(demo_ledger, PROBLEMS, query, 0, total)
    for offset in (0, 1200, 1254, 2400, 2500):
        paged = queries.page(demo_ledger, PROBLEMS, query, offset, 100, total)
        assert paged == forward[offset:offset + 100]
    deadlines = [row[1 + PROBLEMS.keys.index("deadline")] for row in forward]
    assert deadlines == sorted(deadlines, reverse=True)


def test_filters_agree_with_the_statistics(demo_ledger, today):
    county = statistics.breakdown(demo_ledger, today).by["region"][0]
    overdue = Query(region_code=county.key, overdue=True)
    assert queries.count(demo_ledger, PROBLEMS, overdue) == county.overdue
    closed = Query(region_code=county.key, status="closed")
    assert queries.count(demo_ledger, PROBLEMS, closed) == county.closed
    rows = queries.page(demo_ledger, PROBLEMS, overdue, 0, 50)
    assert all(row[1 + PROBLEMS.keys.index("overdue")] == 1 for row in rows)


def test_every_view_counts_pages_and_sorts_by_every_column(demo_ledger):
    for view in VIEWS.values():
        total = queries.count(demo_ledger, view, Query())
        assert total > 0, view.kind
        for key in view.keys:
            rows = queries.page(demo_ledger, view, Query(sort=key), 0, 5, total)
            assert len(rows) == min(5, total)
            assert all(len(row) == 1 + len(view.keys) for row in rows)


def test_date_range_and_batch_filters(demo_ledger):
    batch = demo_ledger.conn.execute("SELECT id FROM batch ORDER BY number LIMIT 1").fetchone()[0]
    in_batch = queries.count(demo_ledger, PROBLEMS, Query(batch_id=batch))
    assert in_batch == demo_ledger.conn.execute(
        "SELECT count(*) FROM problem WHERE batch_id = ?", (batch,)).fetchone()[0]
    day = demo_ledger.conn.execute("SELECT min(assigned_on) FROM problem").fetchone()[0]
    rows = queries.page(demo_ledger, PROBLEMS, Query(date_from=day, date_to=day), 0, 5000)
    assert rows and all(row[1 + PROBLEMS.keys.index("assigned_on")] == day for row in rows)


def test_enterprise_completions_match_names_and_credit_codes(demo_ledger):
    firm_id, name, code = demo_ledger.conn.execute(
        "SELECT id, name, credit_code FROM enterprise LIMIT 1").fetchone()
    assert (firm_id, name, code) in queries.enterprise_names(demo_ledger, name[:4])
    assert (firm_id, name, code) in queries.enterprise_names(demo_ledger, code[2:10])
