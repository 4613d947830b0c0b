"""Cases recorded before stages existed migrate: a decision date means decided."""
from __future__ import annotations

import sqlite3

from core import audit, db, integrity, penalties, problems, queries, schema
from core.ledger import Ledger
from core.penalties import stages


def old_ledger(path, monkeypatch):
    """A file at the last version before the penalty migrations, with two old cases."""
    before = [name for name, _ in schema.MIGRATIONS].index("penalty_decision_optional")
    with monkeypatch.context() as m:
        m.setattr(db, "MIGRATIONS", schema.MIGRATIONS[:before])
        m.setattr(db, "SCHEMA_VERSION", before)
        old = Ledger.open(path, operator="老版本")
        problem = problems.add(old, {"number": "临环督〔2019〕1号", "source": "inspection",
                                     "region_code": "141021", "category": "waste_gas",
                                     "description": "脱硫设施未运行", "assigned_on": "2019-06-01",
                                     "deadline": "2019-06-30"}).id
        with old.transaction():
            for number, decided in (("临环罚〔2019〕5号", "2019-07-05"), ("临环罚〔2019〕6号", "2019-08-01")):
                old.conn.execute(
                    "INSERT INTO penalty_case (id, created_at, updated_at, operator, case_number, "
                    "region_code, violation, decided_on, fine_fen, seizure) VALUES "
                    "(?, '2019-07-05T09:00:00', '2019-07-05T09:00:00', '老版本', ?, '141021', "
                    "'超标排放二氧化硫', ?, 20000000, 1)", (f"case-{number[-2]}", number, decided))
            old.conn.execute("UPDATE penalty_case SET problem_id = ? WHERE id = 'case-6'",
                             (problem,))
        assert db.schema_version(old.conn) == before
        old.close()


def test_old_cases_become_decided_and_keep_everything(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    old_ledger(path, monkeypatch)
    with Ledger.open(path) as ledger:
        assert db.schema_version(ledger.conn) == schema.SCHEMA_VERSION
        row = penalties.get(ledger, "case-5")
        assert (row["stage"], row["decided_on"], row["opened_on"], row["fine_fen"]) == (
            "decided", "2019-07-05", None, 20_000_000)
        found = stages.recorded(ledger, "case-5")
        assert [(s, r["happened_on"], r["done_by"]) for s, r in found.items()] == [
            ("decided", "2019-07-05", None)]
        assert [p["number"] for p in penalties.problems_of(ledger, "case-6")] == ["临环督〔2019〕1号"]
        assert ledger.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert ledger.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert audit.verify(ledger.conn) == [] and integrity.check(ledger) == []
        # The search index and the indexes survived the schema change.
        assert queries.count(ledger, queries.PENALTIES, queries.Query(text="二氧化硫")) == 2
        names = {r[0] for r in ledger.conn.execute(
            "SELECT name FROM sqlite_master WHERE tbl_name = 'penalty_case'")}
        assert {"penalty_case_sums", "penalty_case_number", "penalty_case_fts_insert",
                "audit_penalty_case_update"} <= names
        # A case opened today has no decision date, which the old file refused.
        new = penalties.add(ledger, {"case_number": "临环罚〔2026〕1号", "region_code": "141021",
                                     "violation": "未批先建", "opened_on": "2026-11-20"}).id
        assert penalties.get(ledger, new)["decided_on"] is None


def test_a_file_whose_table_is_not_the_expected_one_is_refused(tmp_path):
    conn = sqlite3.connect(tmp_path / "odd.db", isolation_level=None)
    conn.execute("CREATE TABLE penalty_case (id TEXT PRIMARY KEY, decided_on TEXT)")
    try:
        schema._penalty_decision_optional(conn)
    except sqlite3.DatabaseError as exc:
        assert "decided_on" in str(exc)
    else:
        raise AssertionError("an unexpected table was edited")


def test_check_finds_a_case_row_that_disagrees_with_its_records(ledger):
    from core import integrity
    from core.penalties import daily_fines

    case = penalties.add(ledger, {"case_number": "临环罚〔2026〕3号", "region_code": "141021",
                                  "violation": "超标排放", "opened_on": "2026-10-01",
                                  "fine": "1000"}).id
    stages.record(ledger, case, "decided", "2026-10-20")
    daily_fines.add_order(ledger, case, "2026-10-21")
    daily_fines.add_recheck(ledger, case, "2026-10-30", "still_discharging")
    assert integrity.check(ledger) == []
    ledger.conn.execute("UPDATE penalty_case SET stage = 'closed', daily_fine_fen = 5 "
                        "WHERE id = ?", (case,))
    found = integrity.check(ledger)
    assert any("临环罚〔2026〕3号" in f and "办理环节" in f and "closed" in f for f in found)
    assert any("按日连续处罚金额" in f and "900000" in f for f in found)
