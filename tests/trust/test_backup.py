"""Backups: round trip, rotation, daily, before migrations; restore refuses bad files."""
from __future__ import annotations

import datetime as dt
import sqlite3
import zipfile

import pytest

from core import audit, backup, db, integrity, problems, settings
from core.cli import main
from core.errors import LedgerError
from core.ledger import Ledger
from acceptance_data import ACCEPTED


def _problem_count(ledger) -> int:
    return ledger.conn.execute("SELECT count(*) FROM problem").fetchone()[0]


def _add_problem(ledger, description="道路扬尘") -> str:
    return problems.add(ledger, {
        "source": "complaint", "region_code": "141021", "category": "dust",
        "description": description, "assigned_on": "2024-03-01", "deadline": "2024-04-01"}).id


def test_backup_and_restore_round_trip(demo_ledger, tmp_path):
    saved = backup.make(demo_ledger, tmp_path / "saved.zip")
    before = _problem_count(demo_ledger)
    _add_problem(demo_ledger)
    problems.transition(demo_ledger, demo_ledger.conn.execute(
        "SELECT id FROM problem WHERE status = 'assigned' LIMIT 1").fetchone()[0], "in_progress", acceptance=ACCEPTED)
    assert _problem_count(demo_ledger) == before + 1

    safety = backup.restore(demo_ledger, saved)
    assert _problem_count(demo_ledger) == before
    assert integrity.check(demo_ledger) == []
    assert audit.history(demo_ledger, saved.name)[-1].action == "restore"
    # and the content replaced was kept: restoring the safety copy brings it back
    backup.restore(demo_ledger, safety)
    assert _problem_count(demo_ledger) == before + 1
    assert integrity.check(demo_ledger) == []


def test_a_backup_is_one_file_holding_a_standalone_ledger(ledger, tmp_path):
    _add_problem(ledger)
    path = backup.make(ledger, tmp_path / "copy.zip")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("copy")) == ["copy.zip"]
    with zipfile.ZipFile(path) as archive:
        (tmp_path / "inside.db").write_bytes(archive.read("ledger.db"))
    copy = sqlite3.connect(tmp_path / "inside.db")
    assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert copy.execute("SELECT count(*) FROM problem").fetchone()[0] == 1
    copy.close()


@pytest.mark.parametrize("content,code", [
    (b"not a database at all" * 100, "error.restore_unreadable"),
    (None, "error.restore_damaged"),
    (b"", "error.restore_not_ledger"),
])
def test_restoring_a_bad_file_is_refused_and_nothing_is_replaced(ledger, tmp_path, content, code):
    bad = tmp_path / "bad.db"
    if content is None:
        _corrupt_copy(ledger, bad)
    else:
        bad.write_bytes(content)
    count = _problem_count(ledger)
    with pytest.raises(LedgerError) as refused:
        backup.restore(ledger, bad)
    assert refused.value.code == code
    assert "bad.db" in str(refused.value)
    assert _problem_count(ledger) == count
    assert backup.list_backups(ledger) == []  # refused before anything was done


def _corrupt_copy(ledger, target) -> None:
    """A real ledger with a damaged index page: opens, but fails integrity_check."""
    for n in range(300):
        _add_problem(ledger, description=f"问题{n}" * 20)
    backup.copy_to(ledger.conn, target)  # a plain SQLite copy, as older backups were
    conn = sqlite3.connect(target)
    page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'problem_inspection'"
                        ).fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(target, "r+b") as handle:
        handle.seek((page - 1) * size + 8)
        handle.write(b"\xff\x7f" * 200)


def test_opening_a_damaged_ledger_is_refused_with_a_message(ledger, tmp_path):
    _corrupt_copy(ledger, tmp_path / "damaged.db")
    try:
        damaged = Ledger.open(tmp_path / "damaged.db")
    except LedgerError as refused:  # too damaged to read at all
        assert refused.code in ("error.db_damaged", "error.db_unreadable")
        return
    # readable: opened read-only, with SQLite's finding kept, and every write refused
    with damaged:
        assert damaged.read_only == "error.ledger_damaged" and damaged.damage
        assert "warning.ledger_damaged" in damaged.warnings
        with pytest.raises(LedgerError) as refused:
            with damaged.transaction():
                pass
        assert refused.value.code == "error.ledger_damaged"


def test_cli_restore_of_a_corrupt_file_fails_with_one_line(ledger, tmp_path, capsys):
    (tmp_path / "junk.db").write_bytes(b"\x00garbage" * 512)
    ledger.close()
    assert main(["--db", str(tmp_path / "ledger.db"), "restore", str(tmp_path / "junk.db")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "未做任何替换" in err


def test_cli_backup_and_restore(ledger, tmp_path, capsys):
    _add_problem(ledger)
    ledger.close()
    db_args = ["--db", str(tmp_path / "ledger.db")]
    assert main([*db_args, "backup", "-o", str(tmp_path / "b.zip")]) == 0
    assert main([*db_args, "backup"]) == 0
    with Ledger.open(tmp_path / "ledger.db") as again:
        _add_problem(again)
    assert main([*db_args, "restore", str(tmp_path / "b.zip")]) == 0
    with Ledger.open(tmp_path / "ledger.db") as again:
        assert _problem_count(again) == 1
    assert main([*db_args, "backup", "--list"]) == 0
    listed = capsys.readouterr().out
    assert "before-restore" in listed and "manual" in listed


def test_rotation_keeps_the_configured_number(ledger):
    settings.put(ledger, backup.KEEP_SETTING, "3")
    made = [backup.automatic(ledger, "close") for _ in range(5)]
    kept = backup.list_backups(ledger)
    assert len(kept) == 3 and kept[0].path == made[-1]
    assert sorted(backup.folder_of(ledger).glob("*.zip")) == sorted(b.path for b in kept)


def test_daily_backup_once_a_day(ledger):
    assert backup.daily(ledger) is not None
    assert backup.daily(ledger) is None
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    assert backup.daily(ledger, today=tomorrow) is not None


def test_a_migration_takes_a_backup_first(ledger, tmp_path, monkeypatch):
    _add_problem(ledger)
    ledger.close()
    version = db.SCHEMA_VERSION
    extra = ("test_extra", lambda conn: conn.execute("CREATE TABLE extra (x)"))
    monkeypatch.setattr(db, "MIGRATIONS", [*db.MIGRATIONS, extra])
    monkeypatch.setattr(db, "SCHEMA_VERSION", version + 1)
    with Ledger.open(tmp_path / "ledger.db") as migrated:
        assert db.schema_version(migrated.conn) == version + 1
        made = backup.list_backups(migrated)
    assert [b.reason for b in made] == [f"before-v{version + 1}"]
    old = sqlite3.connect(made[0].path)
    assert old.execute("PRAGMA user_version").fetchone()[0] == version
    assert old.execute("SELECT count(*) FROM problem").fetchone()[0] == 1
    old.close()


def test_a_clerk_cannot_restore(ledger, tmp_path):
    saved = backup.make(ledger, tmp_path / "saved.zip")
    ledger.role = "clerk"
    with pytest.raises(LedgerError) as refused:
        backup.restore(ledger, saved)
    assert refused.value.code == "error.role_refused"


def test_a_column_added_by_a_later_migration_is_audited(ledger, tmp_path, monkeypatch):
    problem = _add_problem(ledger)
    ledger.close()
    extra = ("test_column", lambda conn: conn.execute("ALTER TABLE problem ADD COLUMN remark"))
    monkeypatch.setattr(db, "MIGRATIONS", [*db.MIGRATIONS, extra])
    monkeypatch.setattr(db, "SCHEMA_VERSION", db.SCHEMA_VERSION + 1)
    with Ledger.open(tmp_path / "ledger.db") as migrated:
        with migrated.transaction():
            migrated.conn.execute("UPDATE problem SET remark = '复查' WHERE id = ?", (problem,))
        assert audit.history(migrated, problem)[-1].changes() == {"remark": (None, "复查")}
        assert integrity.check(migrated) == []
