"""The chain head is kept in every backup's manifest too: a tail cut off the live ledger,
with its seals, the counter and the lock file's record, is still found by `check`."""
from __future__ import annotations

import json
import sqlite3
import zipfile

from core import audit, backup, lock
from core.cli import main
from core.ledger import Ledger


def _cut_tail(path, entries: int) -> int:
    outside = sqlite3.connect(path)
    last = outside.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
    for table in ("audit_log", "audit_seal"):
        guard = f"{table}_no_delete"
        sql = outside.execute("SELECT sql FROM sqlite_master WHERE name = ?", (guard,)).fetchone()[0]
        outside.execute(f"DROP TRIGGER {guard}")
        outside.execute(f"DELETE FROM {table} WHERE seq > ?", (last - entries,))
        outside.execute(sql)
    outside.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit_log'", (last - entries,))
    outside.commit()
    assert audit.verify(outside) == []  # the chain alone looks whole
    outside.close()
    return last


def test_a_backup_manifest_records_the_head(demo_db):
    with Ledger.open(demo_db) as ledger:
        made = backup.make(ledger)
        head = audit.head(ledger.conn)
    with zipfile.ZipFile(made) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["audit_head"] == head and head["seq"] > 0


def test_a_cut_tail_is_found_from_the_newest_backup(demo_db, capsys):
    with Ledger.open(demo_db) as ledger:
        made = backup.make(ledger)
    last = _cut_tail(demo_db, 3)
    lock.lock_path(demo_db).unlink(missing_ok=True)  # the forger removed the lock file too
    capsys.readouterr()
    assert main(["--db", str(demo_db), "check"]) == 1
    err = capsys.readouterr().err
    assert f"第 {last} 条" in err and made.name in err
