"""The audit trail: every change recorded, sealed in a hash chain, tampering named."""
from __future__ import annotations

import json
import sqlite3

import pytest

from core import audit, enterprises, integrity, operators, problems, rows, settings
from core.cli import main
from acceptance_data import ACCEPTED

ENTERPRISE = {"name": "临汾宏达焦化有限公司", "region_code": "141021"}


def _problem(ledger, **extra) -> str:
    raw = {"source": "complaint", "region_code": "141021", "category": "dust",
           "description": "道路扬尘", "assigned_on": "2024-03-01", "deadline": "2024-04-01",
           **extra}
    return problems.add(ledger, raw).id


def _entries(ledger, table=None):
    found = list(audit.entries(ledger.conn))
    return [e for e in found if table is None or e.table_name == table]


def test_insert_update_delete_are_recorded_with_old_and_new_values(ledger):
    ledger.operator = "王科员"
    firm = enterprises.add(ledger, ENTERPRISE).id
    enterprises.update(ledger, firm, {"address": "曲沃县工业园区8号"})
    ledger.operator = "李科长"
    rows.delete(ledger, "enterprise", firm)

    insert, update, delete = audit.history(ledger, firm)
    assert (insert.action, insert.operator) == ("insert", "王科员")
    assert json.loads(insert.new)["name"] == ENTERPRISE["name"]
    assert (update.action, update.operator) == ("update", "王科员")
    assert update.changes() == {"address": (None, "曲沃县工业园区8号")}
    assert (delete.action, delete.operator, delete.new) == ("delete", "李科长", None)
    assert json.loads(delete.old)["address"] == "曲沃县工业园区8号"
    assert audit.verify(ledger.conn) == []


def test_a_status_change_shows_in_the_problems_history(ledger):
    problem = _problem(ledger)
    problems.transition(ledger, problem, "in_progress", on="2024-03-05", acceptance=ACCEPTED)
    history = audit.problem_history(ledger, problem)
    assert [(e.table_name, e.action) for e in history] == [
        ("problem", "insert"), ("problem_log", "insert"),
        ("problem", "update"), ("problem_log", "insert")]
    assert history[2].changes()["status"] == ("assigned", "in_progress")


def test_an_update_that_changes_nothing_writes_no_entry(ledger):
    problem = _problem(ledger)
    before = len(_entries(ledger))
    rows.update(ledger, "problem", problem, {})  # only updated_at moves
    assert len(_entries(ledger)) == before


def test_password_hashes_never_reach_the_log(ledger):
    operators.add(ledger, "admin", "管理员", "admin", "correct horse")
    operators.set_password(ledger, "admin", "battery staple")
    texts = [f"{e.old} {e.new}" for e in _entries(ledger, operators.TABLE)]
    assert texts and all("scrypt$" not in t for t in texts)
    assert _entries(ledger, operators.TABLE)[-1].changes() == {
        "password_hash": (audit.HIDDEN, audit.HIDDEN)}


def test_a_row_edited_behind_the_apps_back_is_reported_as_exactly_that_entry(ledger, tmp_path):
    problem = _problem(ledger)
    _problem(ledger, description="另一个问题")
    ledger.close()

    outside = sqlite3.connect(tmp_path / "ledger.db")  # plain SQL, no application
    outside.execute("UPDATE problem SET deadline = '2030-01-01' WHERE id = ?", (problem,))
    outside.commit()
    seq = outside.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
    outside.close()

    from core.ledger import Ledger
    with Ledger.open(tmp_path / "ledger.db") as reopened:
        problems.add_note(reopened, problem, "later work by the app", on="2024-03-02")
        findings = integrity.check(reopened)
        assert audit.first_bad(reopened.conn) == seq
    assert len(findings) == 1
    assert f"第 {seq} 条" in findings[0] and problem in findings[0]


def test_a_sealed_entry_changed_afterwards_breaks_the_chain_at_that_entry(ledger, tmp_path):
    for n in range(3):
        _problem(ledger, description=f"问题{n}")
    target = _entries(ledger, "problem")[1].seq
    ledger.close()

    outside = sqlite3.connect(tmp_path / "ledger.db")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        outside.execute("UPDATE audit_log SET operator = 'x' WHERE seq = ?", (target,))
    outside.execute("DROP TRIGGER audit_log_no_update")
    outside.execute("UPDATE audit_log SET new = replace(new, '问题1', '问题X') WHERE seq = ?",
                    (target,))
    outside.commit()
    assert audit.first_bad(outside) == target
    findings = audit.verify(outside)
    outside.close()
    assert any("audit_log_no_update" in f for f in findings)
    mismatches = [f for f in findings if "哈希链" in f]
    assert len(mismatches) == 1 and f"第 {target} 条" in mismatches[0]


def test_removed_entries_and_removed_triggers_are_reported(ledger, tmp_path):
    for n in range(3):
        _problem(ledger, description=f"问题{n}")
    last = _entries(ledger)[-1].seq
    ledger.close()

    outside = sqlite3.connect(tmp_path / "ledger.db")
    outside.execute("DROP TRIGGER audit_log_no_delete")
    outside.execute("DROP TRIGGER audit_problem_update")
    outside.execute("DELETE FROM audit_log WHERE seq IN (3, ?)", (last,))
    outside.commit()
    findings = audit.verify(outside)
    outside.close()
    assert any("audit_problem_update" in f and "删除" in f for f in findings)
    assert any("第 3—3 条" in f for f in findings)
    assert any(f"第 {last}—{last} 条" in f for f in findings)


def test_rolled_back_writes_leave_no_entries(ledger):
    before = len(_entries(ledger))
    with pytest.raises(RuntimeError):
        with ledger.transaction():
            rows.insert(ledger, "enterprise", {**ENTERPRISE})
            raise RuntimeError("abandoned")
    assert len(_entries(ledger)) == before
    assert audit.verify(ledger.conn) == []


def test_demo_load_is_recorded_row_by_row_and_verifies(demo_ledger):
    counted = sum(demo_ledger.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("problem", "problem_log", "measure", "enterprise"))
    logged = demo_ledger.conn.execute(
        "SELECT count(*) FROM audit_log WHERE action = 'insert' AND table_name IN "
        "('problem', 'problem_log', 'measure', 'enterprise')").fetchone()[0]
    assert logged == counted
    assert integrity.check(demo_ledger) == []


def test_settings_changes_are_recorded_too(ledger):
    settings.put(ledger, "phone", "0357-1234567")
    entry = audit.history(ledger, "phone", table="setting")[-1]
    assert entry.changes() == {"key": (None, "phone"), "value": (None, "0357-1234567")}


def test_cli_check_names_the_entry_and_fails(ledger, tmp_path, capsys):
    problem = _problem(ledger)
    ledger.close()
    outside = sqlite3.connect(tmp_path / "ledger.db")
    outside.execute("UPDATE problem SET category = 'noise' WHERE id = ?", (problem,))
    outside.commit()
    seq = outside.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
    outside.close()
    assert main(["--db", str(tmp_path / "ledger.db"), "--lang", "en", "check"]) == 1
    err = capsys.readouterr().err
    assert f"Audit entry {seq} " in err and "behind its back" in err


def test_cli_history_shows_who_changed_what(ledger, tmp_path, capsys):
    problem = _problem(ledger, number="141021-000001")
    ledger.operator = "王科员"
    problems.transition(ledger, problem, "in_progress", on="2024-03-05", acceptance=ACCEPTED)
    ledger.close()
    assert main(["--db", str(tmp_path / "ledger.db"), "history", "141021-000001", "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    change = next(e for e in lines if e["table"] == "problem" and e["action"] == "update")
    assert change["operator"] == "王科员"
    assert change["changes"]["status"] == {"old": "assigned", "new": "in_progress"}


def test_an_edit_made_with_the_triggers_off_is_found_in_the_rows(ledger, tmp_path):
    problem = _problem(ledger)
    firm = enterprises.add(ledger, {**ENTERPRISE, "longitude": "111.518012345678901"}).id
    problems.transition(ledger, problem, "in_progress", on="2024-03-05", acceptance=ACCEPTED)
    ledger.close()

    outside = sqlite3.connect(tmp_path / "ledger.db")
    saved = outside.execute("SELECT name, sql FROM sqlite_master WHERE name LIKE 'audit_%' "
                            "AND type = 'trigger'").fetchall()
    for name, _ in saved:
        outside.execute(f"DROP TRIGGER {name}")
    outside.execute("UPDATE problem SET status = 'closed' WHERE id = ?", (problem,))
    outside.execute("DELETE FROM enterprise WHERE id = ?", (firm,))
    for _, sql in saved:
        outside.execute(sql)
    outside.commit()
    assert audit.verify(outside) == []  # the trail itself is whole
    findings = audit.row_findings(outside)
    outside.close()
    assert len(findings) == 3
    assert problem in findings[2] and "status" in findings[2]
    assert firm in findings[0] and "删除" in findings[0]
    assert findings[1] == "表 enterprise 有 0 行，审计记录说应有 1 行"  # the counts reconciled


def test_rows_match_their_trail_after_ordinary_work(demo_ledger):
    problem = demo_ledger.conn.execute(
        "SELECT id FROM problem WHERE status = 'in_progress' LIMIT 1").fetchone()[0]
    problems.transition(demo_ledger, problem, "reported_done", acceptance=ACCEPTED)
    rows.delete(demo_ledger, "measure", demo_ledger.conn.execute(
        "SELECT id FROM measure WHERE problem_id = ?", (problem,)).fetchone()[0])
    assert audit.row_findings(demo_ledger.conn) == []


def test_a_bulk_load_sealed_in_chunks_verifies_whole(tmp_path, monkeypatch):
    """Demo data sealed chunk by chunk inside one transaction forms one sound chain."""
    from core import demo, integrity, settings
    from core.ledger import Ledger

    monkeypatch.setattr(demo, "CHUNK", 500)
    ledger = Ledger.open(tmp_path / "bulk.db")
    settings.set_jurisdiction(ledger, "141000")
    demo.load(ledger, problems=400, seed=2)
    conn = ledger.conn
    entries = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    sealed = conn.execute("SELECT count(*) FROM audit_seal").fetchone()[0]
    assert entries == sealed > 2000
    assert integrity.check(ledger) == []
    ledger.close()


def _steps(conn: sqlite3.Connection, work) -> int:
    """SQLite's virtual-machine steps (in hundreds) that `work` made: what it read."""
    counted = [0]

    def tick() -> int:
        counted[0] += 1
        return 0
    conn.set_progress_handler(tick, 100)
    try:
        work()
    finally:
        conn.set_progress_handler(None, 0)
    return counted[0]


def test_a_rows_trail_is_read_by_its_own_id_not_by_its_minute(demo_ledger):
    """Row ids are time-ordered, so the whole demo shares a handful of id prefixes: a
    record's history, its version (read by every edit) and the baseline noted after an
    upgrade each read that record's entries, not the whole minute's (an upgraded demo
    ledger took three minutes to open)."""
    from core import versions

    conn = demo_ledger.conn
    crowd = conn.execute("SELECT count(*) FROM audit_log GROUP BY substr(row_id, 1, 8) "
                         "ORDER BY 1 DESC LIMIT 1").fetchone()[0]
    assert crowd > 10_000
    problem_id, inspection_id = conn.execute(
        "SELECT p.id, o.inspection_id FROM problem p, inspection_officer o LIMIT 1").fetchone()
    assert len(audit.history(demo_ledger, inspection_id)) >= 2  # the inspection and officers
    assert _steps(conn, lambda: audit.history(demo_ledger, problem_id)) < 50
    assert _steps(conn, lambda: audit.problem_history(demo_ledger, problem_id)) < 200
    assert _steps(conn, lambda: versions.version(demo_ledger, "inspection", inspection_id)) < 50
    rows = sum(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
               for t in audit.audited_tables(conn))
    assert _steps(conn, lambda: audit.record_baseline(conn)) < rows  # under 100 steps a row
