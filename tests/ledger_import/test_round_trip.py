"""The rectification ledger the app exports imports back unchanged."""
from __future__ import annotations

import pytest

from core import ledger_import, settings, statistics
from core.ledger import Ledger

returns = pytest.importorskip("core.returns")

from .workbooks import ledger_rows, write_ledger  # noqa: E402

COMPARED = """SELECT p.number, p.region_code, e.name, e.credit_code, p.category, p.description,
    p.source, b.name, p.assigned_on, p.deadline, p.responsible_unit, p.responsible_person,
    p.status, p.done_on, p.closed_on,
    (SELECT group_concat(description, '|') FROM measure m WHERE m.problem_id = p.id)
FROM problem p LEFT JOIN enterprise e ON e.id = p.enterprise_id
LEFT JOIN batch b ON b.id = p.batch_id ORDER BY p.number"""


def test_the_demo_ledger_exported_imports_back_unchanged(tmp_path, demo_ledger):
    path = tmp_path / "台账.xlsx"
    written = returns.export_ledger(demo_ledger, path)
    before = demo_ledger.conn.execute(COMPARED).fetchall()
    logs = demo_ledger.conn.execute("SELECT count(*) FROM problem_log").fetchone()[0]
    outcome = ledger_import.run(demo_ledger, path)
    assert (outcome.added, outcome.updated, outcome.unchanged) == (0, 0, written)
    assert outcome.enterprises_added == 0 and outcome.batches_added == 0
    assert demo_ledger.conn.execute(COMPARED).fetchall() == before
    assert demo_ledger.conn.execute("SELECT count(*) FROM problem_log").fetchone()[0] == logs


def test_an_export_imports_into_a_fresh_ledger_with_the_same_figures(tmp_path, ledger):
    ledger_import.run(ledger, write_ledger(tmp_path / "in.xlsx", ledger_rows(60, seed=5)))
    path = tmp_path / "out.xlsx"
    returns.export_ledger(ledger, path)
    with Ledger.open(tmp_path / "fresh.db") as fresh:
        settings.set_jurisdiction(fresh, "141000")
        outcome = ledger_import.run(fresh, path)
        assert outcome.added == 60 and not outcome.warnings
        assert fresh.conn.execute(COMPARED).fetchall() == ledger.conn.execute(COMPARED).fetchall()
        for as_of in ("2020-01-01", *(r[0] for r in ledger.conn.execute(
                "SELECT DISTINCT status_since FROM problem ORDER BY 1 LIMIT 12"))):
            assert statistics.progress(fresh, as_of).total == statistics.progress(ledger, as_of).total
