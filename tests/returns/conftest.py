from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from core import rows


def insert_problems(ledger, county: str, count: int, closed: int, assigned_on: str,
                    closed_on: str | None = None, source: str = "supervision_letter",
                    **extra) -> None:
    """`count` problems in `county`, the first `closed` of them closed on `closed_on`."""
    deadline = (dt.date.fromisoformat(assigned_on) + dt.timedelta(days=30)).isoformat()
    with ledger.transaction():
        for i in range(count):
            done = i < closed
            day = closed_on if done else assigned_on
            problem = rows.insert(ledger, "problem", {
                "source": source, "region_code": county, "category": "dust",
                "description": f"物料堆场未苫盖{i}", "assigned_on": assigned_on,
                "deadline": deadline, "status": "closed" if done else "assigned",
                "status_since": day, "deadline_in_force": deadline,
                "deadline_since": assigned_on, "closed_on": closed_on if done else None,
                **extra})
            rows.insert(ledger, "problem_log", {"problem_id": problem, "happened_on": assigned_on,
                                                "seq": 1, "status_to": "assigned"})
            if done:
                rows.insert(ledger, "problem_log", {
                    "problem_id": problem, "happened_on": closed_on, "seq": 2,
                    "status_from": "assigned", "status_to": "closed"})


@pytest.fixture(name="insert_problems")
def insert_problems_fixture():
    return insert_problems


@pytest.fixture
def reopen():
    """Open an exported workbook's only sheet with openpyxl."""
    def _open(path):
        book = load_workbook(path)
        return book.active
    return _open


@pytest.fixture(scope="session")
def shared_demo(tmp_path_factory):
    """The seed-1 demo ledger (2,507 problems), made once: for tests that only read."""
    from core import demo, settings
    from core.ledger import Ledger

    path = tmp_path_factory.mktemp("returns") / "demo.db"
    opened = Ledger.open(path, operator="测试员")
    settings.set_jurisdiction(opened, "141000")
    demo.load(opened, seed=1)
    yield opened
    opened.close()


@pytest.fixture
def demo_copy(shared_demo, tmp_path):
    """A private copy of the demo ledger, for tests that write."""
    import sqlite3

    from core.ledger import Ledger

    target = tmp_path / "copy.db"
    with sqlite3.connect(target) as conn:
        shared_demo.conn.backup(conn)
    conn.close()
    opened = Ledger.open(target, operator="测试员")
    yield opened
    opened.close()
