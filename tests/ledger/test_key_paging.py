"""Key-set paging: reading page after page by key gives every row exactly once, in order."""
from __future__ import annotations

import pytest

from core import queries
from core.queries import PROBLEMS, VIEWS, Query

SIZE = 97  # not a divisor of any count, so the last page is a short one


@pytest.fixture
def gaps(demo_ledger):
    """The demo with problems of no enterprise, number or unit, as imports leave them, and
    deadlines with no date in force (长期坚持), which sort as NULL."""
    with demo_ledger.transaction() as conn:
        conn.execute("UPDATE problem SET enterprise_id = NULL WHERE rowid % 7 = 0")
        conn.execute("UPDATE problem SET number = NULL, responsible_unit = NULL "
                     "WHERE rowid % 11 = 0")
        conn.execute("UPDATE problem SET deadline_in_force = NULL, deadline_text = '长期坚持' "
                     "WHERE rowid % 13 = 0")
    return demo_ledger


def forward(ledger, view, query, total):
    page = queries.page_at(ledger, view, query, 0, SIZE, total)
    rows = list(page.rows)
    while page.rows:
        page = queries.page_after(ledger, view, query, page.last, SIZE, total)
        rows += page.rows
    return rows


def backward(ledger, view, query, total):
    page = queries.page_at(ledger, view, query, max(0, total - SIZE), SIZE, total)
    rows = list(page.rows)
    while page.rows:
        page = queries.page_before(ledger, view, query, page.first, SIZE, total)
        rows = page.rows + rows
    return rows


@pytest.mark.parametrize("kind", sorted(VIEWS))
def test_every_row_once_in_every_sort_order_both_ways(gaps, kind):
    view = VIEWS[kind]
    everything = {r[0] for r in gaps.conn.execute(f"SELECT id FROM {view.kind}")}
    for key in view.keys:
        for descending in (False, True):
            query = Query(sort=key, descending=descending)
            total = queries.count(gaps, view, query)
            by_position = queries.page(gaps, view, query, 0, total)
            ahead = forward(gaps, view, query, total)
            assert [r[0] for r in ahead] == [r[0] for r in by_position], (key, descending)
            assert {r[0] for r in ahead} == everything and len(ahead) == total
            assert backward(gaps, view, query, total) == ahead, (key, descending)


def test_keys_agree_with_positions_wherever_a_jump_lands(gaps):
    for key in ("enterprise", "number", "status"):
        query = Query(sort=key, descending=key == "number")
        total = queries.count(gaps, PROBLEMS, query)
        whole = queries.page(gaps, PROBLEMS, query, 0, total)
        for offset in (0, 500, total // 2 - 3, total // 2 + 40, total - SIZE):
            jump = queries.page_at(gaps, PROBLEMS, query, offset, SIZE, total)
            assert jump.rows == whole[offset:offset + SIZE]
            after = queries.page_after(gaps, PROBLEMS, query, jump.last, SIZE, total)
            assert after.rows == whole[offset + SIZE:offset + 2 * SIZE]


def test_enterprise_order_is_by_name_with_the_unnamed_first(gaps):
    query = Query(sort="enterprise")
    total = queries.count(gaps, PROBLEMS, query)
    names = [r[1 + PROBLEMS.keys.index("enterprise")] for r in forward(gaps, PROBLEMS, query,
                                                                         total)]
    unnamed = names.count(None)
    assert unnamed > 100 and names[:unnamed] == [None] * unnamed
    assert names[unnamed:] == sorted(names[unnamed:])
    down = [r[1 + PROBLEMS.keys.index("enterprise")]
            for r in forward(gaps, PROBLEMS, Query(sort="enterprise", descending=True), total)]
    assert down == names[::-1]


def test_filters_and_search_page_by_key_too(gaps):
    county = gaps.conn.execute("SELECT region_code FROM problem LIMIT 1").fetchone()[0]
    for query in (Query(status="closed", sort="enterprise"),
                  Query(region_code=county, sort="assigned_on", descending=True),
                  Query(text="废水", sort="status"),
                  Query(text="大气", sort="deadline", descending=True)):  # a category's name
        total = queries.count(gaps, PROBLEMS, query)
        assert total > SIZE, query
        ahead = forward(gaps, PROBLEMS, query, total)
        assert ahead == queries.page(gaps, PROBLEMS, query, 0, total)
        assert len(ahead) == total, query  # pages match what the count matched
