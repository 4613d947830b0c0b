"""The random_inspection migration on a ledger of the version before it."""
from __future__ import annotations

import sqlite3

from core import audit, db, schema, settings
from core.ledger import Ledger
from core.random_inspection import directory, draw, officers, plans


def test_an_older_ledger_gains_classes_and_keeps_its_enterprises(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    names = [name for name, _ in schema.MIGRATIONS]
    before = schema.MIGRATIONS[:names.index("random_inspection")]  # the release before it
    with monkeypatch.context() as patch:
        patch.setattr(db, "MIGRATIONS", before)
        patch.setattr(db, "SCHEMA_VERSION", len(before))
        old = Ledger.open(path, operator="旧版")
        with old.transaction():  # as the release before it stored the bureau's jurisdiction
            old.conn.execute("INSERT OR REPLACE INTO setting VALUES ('jurisdiction', '141000')")
        with old.transaction():
            for number, key in enumerate((1, 0, 0)):
                old.conn.execute(
                    "INSERT INTO enterprise (id, created_at, updated_at, operator, name, "
                    "region_code, key_monitored) VALUES (?, '2025-01-01', '2025-01-01', '旧版', "
                    "?, '141021', ?)", (f"e{number}", f"曲沃县旧企业{number}", key))
        old.close()
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == len(before)
    ledger = Ledger.open(path, operator="新版")
    names = [r[0] for r in ledger.conn.execute("SELECT name FROM migration ORDER BY number")]
    assert "random_inspection" in names
    for number in range(3):
        directory.put_member(ledger, f"e{number}")
    assert [m.supervision_class for m in directory.members(ledger)] == ["key", "general", "general"]
    for n in range(4):
        officers.add(ledger, {"name": f"人{n}", "certificate": f"C{n}"})
    plan_id = plans.add(ledger, {"name": "Q4", "starts_on": "2026-10-01", "ends_on": "2026-12-31",
                                 "shares": {"key": {"percent": "100"}}}).id
    draw_id = draw.make(ledger, plan_id, "1").id
    assert draw.verify(ledger, draw_id) == []
    assert audit.verify(ledger.conn) == [] and audit.row_findings(ledger.conn) == []
    ledger.close()
