"""The ledger file: where it lives, its pragmas, its numbered migrations."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from core import db, paths
from core.errors import LedgerError
from core.ledger import Ledger
from core.schema import SCHEMA_VERSION


def test_new_file_is_migrated_and_each_migration_recorded(tmp_path):
    with Ledger.open(tmp_path / "a.db") as ledger:
        recorded = ledger.conn.execute("SELECT number, name FROM migration ORDER BY number").fetchall()
        assert [n for n, _ in recorded] == list(range(1, SCHEMA_VERSION + 1))
        assert db.schema_version(ledger.conn) == SCHEMA_VERSION


def test_pragmas_for_safe_concurrent_use(tmp_path):
    with Ledger.open(tmp_path / "a.db") as ledger:
        pragma = lambda name: ledger.conn.execute(f"PRAGMA {name}").fetchone()[0]
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("synchronous") == 1  # NORMAL
        assert pragma("busy_timeout") >= 1000


def test_file_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "newer.db"
    Ledger.open(path).close()
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.close()
    before = path.read_bytes()
    with pytest.raises(LedgerError, match="更新版本"):
        Ledger.open(path)
    assert path.read_bytes() == before


def test_file_from_an_older_version_is_migrated(tmp_path):
    path = tmp_path / "older.db"
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA user_version = 0")
    raw.close()
    with Ledger.open(path) as ledger:
        assert db.schema_version(ledger.conn) == SCHEMA_VERSION
        assert ledger.conn.execute("SELECT count(*) FROM region").fetchone()[0] > 3000


def test_not_a_database_gives_a_clear_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("这不是数据库" * 200, encoding="utf-8")
    with pytest.raises(LedgerError, match="无法打开数据库"):
        Ledger.open(path)


def test_failed_migration_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    from core import schema

    def broken(conn):
        conn.execute("CREATE TABLE half_done (x)")
        raise sqlite3.OperationalError("disk I/O error")

    path = tmp_path / "a.db"
    Ledger.open(path).close()
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, ("broken", broken)])
    monkeypatch.setattr(db, "MIGRATIONS", schema.MIGRATIONS)
    monkeypatch.setattr(db, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(LedgerError):
        Ledger.open(path)
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert raw.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone()[0] == 0


def test_default_path_is_in_the_user_data_dir_unless_overridden(tmp_path, monkeypatch):
    monkeypatch.delenv(paths.DB_ENV, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.default_db_path() == tmp_path / "xdg" / "EcoLedger" / "ledger.db"
    monkeypatch.setenv(paths.DB_ENV, str(tmp_path / "env.db"))
    assert paths.default_db_path() == tmp_path / "env.db"
    assert paths.default_db_path(tmp_path / "flag.db") == tmp_path / "flag.db"


@pytest.mark.parametrize("xdg", [None, "", "  ", "xdg"])
def test_the_data_folder_is_where_platformdirs_puts_it(tmp_path, monkeypatch, xdg):
    """core.paths applies platformdirs' Linux rule itself (start-up skips the import):
    the folder must stay the one earlier versions used, or the ledger would be lost."""
    from platformdirs import user_data_dir

    monkeypatch.setenv("HOME", str(tmp_path))
    if xdg is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / xdg) if xdg == "xdg" else xdg)
    assert paths.data_dir() == Path(user_data_dir("EcoLedger", appauthor=False))
    assert paths.data_dir().is_dir()


def test_every_business_row_carries_id_timestamps_and_operator(ledger):
    business = ["enterprise", "campaign", "batch", "inspection", "problem", "problem_log",
                "deadline_extension", "measure", "penalty_case"]
    for table in business:
        columns = {row[1] for row in ledger.conn.execute(f"PRAGMA table_info({table})")}
        assert {"id", "created_at", "updated_at", "operator"} <= columns, table
