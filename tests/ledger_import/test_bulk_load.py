"""The import's set-based writing: what it leaves behind must be exactly what the per-row
audit and search triggers would have left, and the triggers must be back afterwards."""
from __future__ import annotations

import pytest

from core import (audit, bulk, daily_tally, exchange, ledger_import, messages, search,
                  settings, statistics)
from core.ledger import Ledger
from core.ledger_import import ImportCancelled

from .workbooks import sheet_rows, write_sheet

IMPORTED = ("enterprise", "batch", "problem", "problem_log", "measure")


def triggers(ledger: Ledger) -> dict[str, str]:
    return dict(ledger.conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())


def trail(ledger: Ledger, after: int) -> list[tuple]:
    """The entries after `after`, numbered from 1, without their time."""
    return [(e.seq - after, e.row_operator, e.action, e.table_name, e.row_id, e.old, e.new,
             e.sealed_by) for e in audit.entries(ledger.conn, after)]


@pytest.fixture
def imported(tmp_path, ledger):
    """The ledger after importing 120 rows, and the audit mark from before."""
    before = audit.mark(ledger.conn)
    outcome = ledger_import.run(ledger, write_sheet(tmp_path / "l.xlsx", sheet_rows(120, seed=3)))
    assert outcome.added == 120
    return ledger, before


def test_entries_equal_those_the_triggers_write(imported, tmp_path):
    ledger, before = imported
    other = Ledger.open(tmp_path / "other.db", operator=ledger.operator)
    settings.set_jurisdiction(other, "141000")
    assert audit.mark(other.conn) == before
    with other.transaction():  # the same rows, one plain INSERT each, triggers firing
        for table in IMPORTED:
            cursor = ledger.conn.execute(f"SELECT * FROM {table} ORDER BY rowid")
            names = [d[0] for d in cursor.description]
            bulk.insert_rows(other.conn, table, names, cursor.fetchall())
    expected = trail(other, before)
    assert len(expected) > 120 * 3
    assert trail(ledger, before) == expected
    for index in search.INDEXES.values():
        query = f"SELECT rowid, * FROM {index.name} ORDER BY rowid"
        assert ledger.conn.execute(query).fetchall() == other.conn.execute(query).fetchall()
    # the tallies, added per chunk by grouped upserts, are what the per-row triggers count
    for query in ("SELECT * FROM progress_tally WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7",
                  "SELECT * FROM progress_daily WHERE assigned <> 0 OR closed <> 0 "
                  "ORDER BY 1, 2, 3, 4"):
        found = [tuple(r) for r in ledger.conn.execute(query)]
        assert found and found == [tuple(r) for r in other.conn.execute(query)]
    assert sum(r[0] for r in ledger.conn.execute("SELECT closed FROM progress_daily")) > 0
    other.close()


def test_the_trail_stays_whole_and_the_triggers_come_back(imported):
    ledger, _ = imported
    assert audit.verify(ledger.conn) == []
    assert audit.row_findings(ledger.conn) == []
    assert audit._trigger_findings(ledger.conn) == []
    for table in IMPORTED:
        assert audit.insert_trigger(table) in triggers(ledger)
    # A row written afterwards by plain SQL is recorded and indexed again.
    firm = "later-firm"
    ledger.conn.execute(
        "INSERT INTO enterprise (id, created_at, updated_at, operator, name, region_code) "
        "VALUES (?, '2024-01-01', '2024-01-01', 'sql', '后来登记的企业', '141021')", (firm,))
    assert [e.action for e in audit.history(ledger, firm)] == ["insert"]
    sql, params = search.condition("enterprise", "后来登记", "e")
    assert [r[0] for r in ledger.conn.execute(
        f"SELECT e.id FROM enterprise e WHERE {sql}", params)] == [firm]


def test_search_tallies_and_history_see_the_imported_rows(imported):
    ledger, _ = imported
    sql, params = search.condition("problem", "物料堆场", "p")
    assert ledger.conn.execute(f"SELECT count(*) FROM problem p WHERE {sql}", params).fetchone()[0] \
        == 120
    sql, params = search.condition("enterprise", "焦化有限", "e")
    firms = ledger.conn.execute("SELECT count(*) FROM enterprise").fetchone()[0]
    assert ledger.conn.execute(f"SELECT count(*) FROM enterprise e WHERE {sql}",
                               params).fetchone()[0] == firms
    assert statistics.tally_drift(ledger) == 0 and daily_tally.drift(ledger.conn) == 0
    problem_id = ledger.conn.execute(
        "SELECT id FROM problem WHERE status = 'closed' LIMIT 1").fetchone()[0]
    tables = [e.table_name for e in audit.problem_history(ledger, problem_id)]
    assert tables[0] == "problem" and tables.count("problem_log") == 4 and "measure" in tables


def site(path, name: str) -> Ledger:
    opened = Ledger.open(path, operator=name)
    settings.set_jurisdiction(opened, "141000")
    exchange.new_site_id(opened)
    exchange.set_site_name(opened, name)
    return opened


def shared_rows(ledger: Ledger) -> dict[str, set[tuple]]:
    """The imported tables' rows without the columns each PC keeps for itself."""
    found = {}
    for table in IMPORTED:
        names = [r[1] for r in ledger.conn.execute(f"PRAGMA table_info({table})")
                 if r[1] not in ("updated_at", "operator")]
        found[table] = {tuple(r) for r in ledger.conn.execute(
            f"SELECT {', '.join(names)} FROM {table}")}
    return found


def test_imported_rows_travel_to_another_pc(tmp_path):
    a, b = site(tmp_path / "a.db", "甲"), site(tmp_path / "b.db", "乙")
    ledger_import.run(a, write_sheet(tmp_path / "l.xlsx", sheet_rows(40, seed=5)))
    exchange.export(a, tmp_path / "x.ecox", to=exchange.site(b).id)
    exchange.import_file(b, tmp_path / "x.ecox", confirm=True)
    assert len(shared_rows(b)["problem"]) == 40
    assert shared_rows(b) == shared_rows(a)
    assert audit.verify(b.conn) == [] and audit.row_findings(b.conn) == []
    a.close()
    b.close()


def test_a_failed_cancelled_or_dry_import_leaves_schema_and_trail_as_they_were(
        tmp_path, ledger, monkeypatch):
    path = write_sheet(tmp_path / "l.xlsx", sheet_rows(30))
    schema = triggers(ledger)
    mark = audit.mark(ledger.conn)
    ledger_import.run(ledger, path, dry_run=True)
    written = []  # cancel once the first chunk is in: triggers are dropped by then

    def progress(done: int, total: int, message: str) -> None:
        if message == messages.text("import.progress_writing") and done:
            written.append(done)

    with pytest.raises(ImportCancelled):
        ledger_import.run(ledger, path, progress=progress, cancelled=lambda: bool(written))
    assert written
    broken = ledger_import.MEASURE_COLUMNS[:-1] + ("no_such_column",)
    monkeypatch.setattr(ledger_import, "MEASURE_COLUMNS", broken)
    with pytest.raises(Exception):
        ledger_import.run(ledger, path)  # fails after problems and logs were written
    assert triggers(ledger) == schema
    assert audit.mark(ledger.conn) == mark
    assert ledger.conn.execute("SELECT count(*) FROM problem").fetchone()[0] == 0
    assert ledger.conn.execute("PRAGMA temp_store").fetchone()[0] == 0
    assert ledger.conn.execute("PRAGMA cache_size").fetchone()[0] == -2000


def test_an_altered_audit_trigger_is_left_to_fire_as_it_is(tmp_path, ledger):
    ledger.conn.execute("DROP TRIGGER audit_batch_insert")
    altered = ("CREATE TRIGGER audit_batch_insert AFTER INSERT ON batch BEGIN "
               "INSERT INTO audit_log (at, action, table_name, row_id) "
               "VALUES ('-', 'insert', 'batch', 'altered'); END")
    ledger.conn.execute(altered)
    ledger_import.run(ledger, write_sheet(tmp_path / "l.xlsx", sheet_rows(12)))
    assert triggers(ledger)["audit_batch_insert"] == altered
    rows = ledger.conn.execute(
        "SELECT row_id FROM audit_log WHERE table_name = 'batch'").fetchall()
    assert rows and {r[0] for r in rows} == {"altered"}


def test_a_locked_period_still_refuses_an_import_and_an_unlocked_one_loads_it(
        tmp_path, ledger):
    """The period-lock insert triggers are paused only while no period is locked."""
    from core import db
    from core.errors import LedgerError
    path = write_sheet(tmp_path / "l.xlsx", sheet_rows(30, seed=8))
    schema = triggers(ledger)
    with ledger.transaction():
        ledger.conn.execute(
            "INSERT INTO period_lock (id, created_at, updated_at, operator, through, locked_at, "
            "locked_by) VALUES ('lock', :t, :t, 'm', '2100-01-01', :t, 'm')", {"t": db.now()})
    with pytest.raises(LedgerError) as refused:
        ledger_import.run(ledger, path)
    assert refused.value.code == "error.period_locked"
    assert ledger.conn.execute("SELECT count(*) FROM problem").fetchone()[0] == 0
    with ledger.transaction():
        ledger.conn.execute("UPDATE period_lock SET unlocked_at = :t, unlocked_by = 'm'",
                            {"t": db.now()})
    assert ledger_import.run(ledger, path).added == 30
    assert triggers(ledger) == schema  # the lock triggers are back, as they were


def test_a_load_needs_a_transaction(ledger):
    with pytest.raises(RuntimeError):
        with bulk.Load(ledger.conn, {"problem": 1}):
            pass


def test_sealing_hashes_what_link_hashes(ledger):
    """The seal reads each entry's text as SQLite's UTF-8 bytes; verify re-hashes it in Python."""
    ledger.operator = ""
    with ledger.transaction():
        ledger.conn.executemany(
            "INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new) "
            "VALUES (?, NULL, ?, ?, ?, ?, ?)",
            [("2024-01-01T08:00:00", "update", "problem", "p/1", "", '{"a":"整改\x1f中"}'),
             ("2024-01-01T08:00:01", "delete", "measure", "m", '{"b":null}', None),
             ("2024-01-01T08:00:02", "", "", "", None, None)])
    rows = ledger.conn.execute(
        "SELECT l.seq, l.at, s.operator, l.action, l.table_name, l.row_id, l.old, l.new, s.hash "
        "FROM audit_log l JOIN audit_seal s USING (seq) ORDER BY seq").fetchall()
    prev = ""
    for *fields, hashed in rows:
        prev = audit.link(prev, *fields)
        assert prev == hashed
    assert len(rows) >= 3 and audit.verify(ledger.conn) == []


def indexes(conn) -> dict[str, list[tuple[str, str]]]:
    """Each table's indexes (name, CREATE statement) in the order SQLite keeps them."""
    found: dict[str, list[tuple[str, str]]] = {}
    for table, name, sql in conn.execute(
            "SELECT tbl_name, name, sql FROM sqlite_master WHERE type = 'index' ORDER BY rowid"):
        found.setdefault(table, []).append((name, sql))
    return found


def test_a_table_loaded_whole_gets_its_indexes_back_in_order(tmp_path, ledger, monkeypatch):
    monkeypatch.setattr(bulk.Load, "REBUILD_FROM", 1)
    schema = indexes(ledger.conn)
    seen = []  # (table being loaded, tables that lacked an index meanwhile)
    insert_rows = bulk.insert_rows

    def watching(conn, table, columns, rows):
        now = indexes(conn)
        seen.append((table, {t for t, found in schema.items() if now.get(t) != found}))
        return insert_rows(conn, table, columns, rows)

    monkeypatch.setattr(bulk, "insert_rows", watching)
    ledger_import.run(ledger, write_sheet(tmp_path / "l.xlsx", sheet_rows(120, seed=3)))
    assert ("problem", {"problem"}) in seen and ("problem_log", {"problem_log"}) in seen
    assert all(lacking <= {table} for table, lacking in seen)
    assert indexes(ledger.conn) == schema
    assert ledger.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    plan = " ".join(r[3] for r in ledger.conn.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM problem WHERE enterprise_id = 'x'"))
    assert "problem_enterprise" in plan
    # A second import of more rows than are there keeps the indexes: nothing is dropped.
    seen.clear()
    more = [[i, f"B-{i}", *r[2:]] for i, r in enumerate(sheet_rows(60, seed=4))]
    ledger_import.run(ledger, write_sheet(tmp_path / "m.xlsx", more))
    assert all(not lacking for table, lacking in seen if table == "problem")


def test_the_cycle_collector_is_back_on_after_an_import(tmp_path, ledger):
    import gc

    ledger_import.run(ledger, write_sheet(tmp_path / "l.xlsx", sheet_rows(5)))
    assert gc.isenabled()
    (tmp_path / "x.xlsx").write_text("not a workbook")
    with pytest.raises(Exception):
        ledger_import.run(ledger, tmp_path / "x.xlsx")
    assert gc.isenabled()
    gc.disable()
    try:
        ledger_import.preview(ledger, write_sheet(tmp_path / "m.xlsx", sheet_rows(5)))
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()
