"""What `check` must find, and the ledger's own files: outputs, locks, odd --db files."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from core import attachments, audit, backup, db, integrity, lock, problems
from core.cli import main
from core.errors import LedgerError
from core.ledger import Ledger


def _problem_id(path: Path) -> str:
    with Ledger.open(path) as ledger:
        return ledger.conn.execute("SELECT id FROM problem LIMIT 1").fetchone()[0]


def test_exchange_export_over_the_ledger_is_refused_and_the_ledger_kept(demo_db, capsys):
    size = demo_db.stat().st_size
    assert main(["--db", str(demo_db), "exchange", "export", "-o", str(demo_db)]) == 1
    assert "扩展名应为 .ecox" in capsys.readouterr().err
    lookalike = Path(str(demo_db) + "-wal.ecox")
    assert main(["--db", str(demo_db), "backup", "-o", str(demo_db), "--force"]) == 1
    assert "正在使用的台账文件" in capsys.readouterr().err
    assert demo_db.stat().st_size == size and not lookalike.exists()
    assert main(["--db", str(demo_db), "check"]) == 0


def test_an_existing_output_is_replaced_only_with_force(demo_db, tmp_path, capsys):
    out = tmp_path / "给市局.ecox"
    out.write_bytes(b"earlier file")
    assert main(["--db", str(demo_db), "exchange", "export", "-o", str(out)]) == 1
    assert "已存在" in capsys.readouterr().err and out.read_bytes() == b"earlier file"
    assert main(["--db", str(demo_db), "exchange", "export", "-o", str(out), "--force"]) == 0
    assert out.read_bytes()[:2] == b"PK" and not list(tmp_path.glob("*.partial"))


def test_a_backup_never_overwrites_another_backup(demo_db, capsys):
    with Ledger.open(demo_db) as ledger:
        made = backup.make(ledger)
    assert main(["--db", str(demo_db), "backup", "-o", str(made), "--force"]) == 1
    assert "不能覆盖备份文件" in capsys.readouterr().err


def test_a_row_written_with_its_audit_trigger_off_is_found(demo_db, capsys):
    outside = sqlite3.connect(demo_db)
    sql = outside.execute("SELECT sql FROM sqlite_master WHERE name = 'audit_campaign_insert'"
                          ).fetchone()[0]
    outside.execute("DROP TRIGGER audit_campaign_insert")
    outside.execute("INSERT INTO campaign (id, created_at, updated_at, operator, name, starts_on,"
                    " ends_on) VALUES ('01a00000-dead-7000-8000-000000000001', '2026-11-30', "
                    "'2026-11-30', 'x', '影子行动', '2026-11-30', '2026-12-31')")
    outside.execute(sql)
    outside.commit()
    outside.close()
    assert main(["--db", str(demo_db), "check"]) == 1
    err = capsys.readouterr().err
    assert "01a00000-dead-7000-8000-000000000001 没有新增记录" in err
    assert "表 campaign 有" in err  # the counts reconciled


def test_a_cut_off_tail_is_found_from_the_head_in_the_lock_file(demo_db, capsys):
    pid = _problem_id(demo_db)
    assert main(["--db", str(demo_db), "problem", "note", pid, "现场复查"]) == 0
    outside = sqlite3.connect(demo_db)
    last = outside.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
    for table in ("audit_log", "audit_seal"):
        guard = f"{table}_no_delete"
        sql = outside.execute("SELECT sql FROM sqlite_master WHERE name = ?", (guard,)).fetchone()[0]
        outside.execute(f"DROP TRIGGER {guard}")
        outside.execute(f"DELETE FROM {table} WHERE seq >= ?", (last - 1,))
        outside.execute(sql)
    outside.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit_log'", (last - 2,))
    outside.commit()
    assert audit.verify(outside) == []  # the chain alone looks whole
    outside.close()
    capsys.readouterr()
    assert main(["--db", str(demo_db), "check", "--quick"]) == 1
    assert f"锁文件记录的最后一条是第 {last} 条：少了 2 条" in capsys.readouterr().err


@pytest.mark.parametrize("damage", ["deleted", "replaced", "flipped", "emptied"])
def test_every_change_to_a_stored_attachment_is_found(demo_db, tmp_path, damage):
    photo = tmp_path / "整改后.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + bytes(range(256)) * 20 + b"\xff\xd9")
    with Ledger.open(demo_db) as ledger:
        pid = ledger.conn.execute("SELECT id FROM problem LIMIT 1").fetchone()[0]
        attachments.attach(ledger, pid, [photo], phase="after")
        stored = attachments.of_problem(ledger, pid)[0].path
        assert integrity.attachment_findings(ledger) == []
        if damage == "deleted":
            stored.unlink()
        elif damage == "replaced":
            stored.write_bytes(b"\xff\xd8 another photo \xff\xd9")
        elif damage == "flipped":
            data = bytearray(stored.read_bytes())
            data[100] ^= 0x01
            stored.write_bytes(bytes(data))
        else:
            stored.write_bytes(b"")
        found = integrity.check(ledger)
    word = "不存在" if damage == "deleted" else "已被修改"
    assert any("整改后.jpg" in f and word in f for f in found), found


def test_a_damaged_search_index_is_found(demo_db):
    with Ledger.open(demo_db) as ledger:
        index = ledger.conn.execute("SELECT name FROM sqlite_master WHERE sql LIKE "
                                    "'%USING fts5%' LIMIT 1").fetchone()[0]
        with ledger.transaction():
            ledger.conn.execute(f"DELETE FROM {index}_data WHERE id > 10")
        found = integrity.check(ledger)
    assert any("全文检索索引" in f and index in f for f in found), found


def test_flipped_bytes_name_the_entry_and_keep_sqlite_s_findings(demo_db, tmp_path):
    with Ledger.open(demo_db) as ledger:
        page, seq = ledger.conn.execute("SELECT page_size FROM pragma_page_size").fetchone()[0], 0
    data = bytearray(demo_db.read_bytes())
    flipped = 0
    for offset in range(4096, len(data), 997):  # a spread of flips across the file
        data[offset] ^= 0x5A
        flipped += 1
    damaged = tmp_path / "flipped.db"
    damaged.write_bytes(bytes(data))
    try:
        ledger = Ledger.open(damaged)
    except LedgerError as refused:  # too damaged even to read: refused with a message
        assert refused.code in ("error.db_unreadable", "error.db_damaged")
        return
    with ledger:
        assert ledger.read_only == "error.ledger_damaged"  # nothing is written to it
        with pytest.raises(LedgerError, match="已损坏，已拒绝写入"):
            problems.add_note(ledger, "x", "不应写入")
        found = integrity.check(ledger)
    assert found and any("SQLite" in f or "第" in f for f in found)


def test_a_deleted_wal_after_a_crash_is_reported(demo_db, tmp_path):
    pid = _problem_id(demo_db)
    script = textwrap.dedent(f"""
        import os
        from core import problems
        from core.ledger import Ledger
        ledger = Ledger.open({str(demo_db)!r}, exclusive=True)
        for i in range(3):
            problems.add_note(ledger, {pid!r}, f"第{{i}}次复查")
        os._exit(0)  # a crash: no checkpoint, the committed notes only in the -wal
    """)
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", script], cwd=root, check=True)
    wal = Path(str(demo_db) + "-wal")
    assert wal.stat().st_size > 0
    wal.unlink()
    with Ledger.open(demo_db) as ledger:
        assert "warning.wal_lost" in ledger.warnings
        assert any("少了" in f for f in integrity.check(ledger, quick=True))


def test_the_cli_waits_for_the_writer_then_names_it(demo_db, capsys):
    pid = _problem_id(demo_db)
    app = Ledger.open(demo_db, operator="王晓峰", exclusive=True)
    try:
        assert main(["--db", str(demo_db), "problem", "note", pid, "复查"]) == 1
        assert "王晓峰" in capsys.readouterr().err
        assert main(["--db", str(demo_db), "problem", "list", "--count"]) == 0  # reads need none
    finally:
        app.close()
    assert main(["--db", str(demo_db), "problem", "note", pid, "复查"]) == 0


def test_a_mistyped_db_for_a_read_command_creates_nothing(tmp_path, capsys):
    typo = tmp_path / "ledgr" / "ledger.db"
    assert main(["--db", str(typo), "problem", "list"]) == 1
    assert "不存在" in capsys.readouterr().err and not typo.parent.exists()


@pytest.mark.parametrize("content,message", [(b"", "是空文件"), (b"not a ledger" * 50,
                                                                 "不是 SQLite 数据库")])
def test_an_empty_or_foreign_db_is_refused_and_left_alone(tmp_path, capsys, content, message):
    path = tmp_path / "ledger.db"
    path.write_bytes(content)
    assert main(["--db", str(path), "init"]) == 1
    assert message in capsys.readouterr().err and path.read_bytes() == content


def test_a_ledger_in_a_read_only_place_opens_read_only(demo_db, monkeypatch, capsys):
    monkeypatch.setattr(db, "writable", lambda path: False)  # root may write anywhere
    with Ledger.open(demo_db, exclusive=True) as ledger:
        assert ledger.read_only and "warning.ledger_read_only" in ledger.warnings
        assert ledger.conn.execute("SELECT count(*) FROM problem").fetchone()[0] > 0
        with pytest.raises(LedgerError, match="只读"):
            problems.add_note(ledger, ledger.conn.execute("SELECT id FROM problem").fetchone()[0],
                              "x")
    assert main(["--db", str(demo_db), "problem", "list", "--count"]) == 0


def test_a_full_disk_is_said_and_the_wal_emptied(demo_db):
    with Ledger.open(demo_db) as ledger:
        pid = ledger.conn.execute("SELECT id FROM problem LIMIT 1").fetchone()[0]
        pages = ledger.conn.execute("PRAGMA page_count").fetchone()[0]
        ledger.conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full
        with pytest.raises(LedgerError) as refused:
            problems.add_note(ledger, pid, "很长的复查记录" * 280)
        assert refused.value.code == "error.disk_full"
        assert "cannot rollback" not in str(refused.value)
        assert not ledger.conn.in_transaction
    wal = Path(str(demo_db) + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_partial_backups_are_removed(demo_db, monkeypatch):
    with Ledger.open(demo_db) as ledger:
        folder = backup.folder_of(ledger)
        folder.mkdir(parents=True, exist_ok=True)
        left = folder / "ledger-20261130-120000-daily.db.partial"
        left.write_bytes(b"half a backup")
        os.utime(left, (1, 1))  # killed long ago
        backup.make(ledger)
        assert not left.exists()

        class Full:  # a connection whose backup meets a full disk
            def backup(self, dest):
                dest.execute("CREATE TABLE half (x)")
                raise sqlite3.OperationalError("database or disk is full")
        with pytest.raises(LedgerError, match="磁盘已满"):
            backup.copy_to(Full(), folder / "ledger-20261201-080000-manual.db")
    assert not list(folder.glob("*.partial*"))
