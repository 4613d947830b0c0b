"""One writer per ledger file, and the network-drive warning."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from core import filesystem, lock
from core.cli import main
from core.errors import LedgerError
from core.ledger import Ledger

ROOT = Path(__file__).resolve().parents[2]


def test_a_second_instance_is_told_who_has_the_ledger_open(tmp_path):
    first = Ledger.open(tmp_path / "l.db", operator="王科员", exclusive=True)
    with pytest.raises(LedgerError) as refused:
        Ledger.open(tmp_path / "l.db", operator="李科员", exclusive=True)
    assert refused.value.code == "error.ledger_in_use"
    assert "王科员" in str(refused.value)
    first.close()
    Ledger.open(tmp_path / "l.db", operator="李科员", exclusive=True).close()


def test_a_killed_holder_does_not_leave_a_stale_lock(tmp_path):
    script = textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from core.ledger import Ledger
        ledger = Ledger.open({str(tmp_path / "l.db")!r}, operator="holder", exclusive=True)
        print("open", flush=True)
        time.sleep(60)
    """)
    holder = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(LedgerError, match="holder"):
            lock.acquire(tmp_path / "l.db")
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
    lock.acquire(tmp_path / "l.db").release()


def test_cli_restore_is_refused_while_the_app_has_the_ledger(tmp_path, capsys):
    app = Ledger.open(tmp_path / "l.db", operator="王科员", exclusive=True)
    try:
        (tmp_path / "other.db").write_bytes(b"")
        assert main(["--db", str(tmp_path / "l.db"), "restore", str(tmp_path / "other.db")]) == 1
    finally:
        app.close()
    assert "王科员" in capsys.readouterr().err


MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
server:/export /mnt/share nfs4 rw,relatime 0 0
//fs/台账 /media/smb\\040share cifs rw 0 0
/dev/sdb1 /mnt/share/local ext4 rw 0 0
"""


@pytest.mark.parametrize("path,remote", [
    ("/home/user/ledger.db", False),
    ("/mnt/share/ledger.db", True),
    ("/media/smb share/ledger.db", True),
    ("/mnt/share/local/ledger.db", False),
    ("/mnt/sharefoo/ledger.db", False),
    ("\\\\server\\share\\ledger.db", True),
])
def test_network_paths_are_recognised(path, remote):
    assert filesystem.is_network_path(path, mounts=MOUNTS) is remote


def test_opening_on_a_network_drive_warns(tmp_path, monkeypatch):
    monkeypatch.setattr(filesystem, "is_network_path", lambda path, mounts=None: True)
    with Ledger.open(tmp_path / "l.db") as opened:
        assert opened.warnings == ["warning.network_drive"]
    with Ledger.open(tmp_path / "l.db") as local:
        monkeypatch.undo()
        assert local.warnings == ["warning.network_drive"]  # decided at open
    with Ledger.open(tmp_path / "l.db") as local:
        assert local.warnings == []


def test_cli_prints_the_network_drive_warning(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(filesystem, "is_network_path", lambda path, mounts=None: True)
    Ledger.open(tmp_path / "l.db").close()
    assert main(["--db", str(tmp_path / "l.db"), "--lang", "en", "check"]) == 0
    assert "network drive" in capsys.readouterr().err


# -- the quick check at open: skipped only for a file closed cleanly and untouched since

def _checks(monkeypatch) -> list[str]:
    from core import db

    ran: list[str] = []
    real = db._quick_check
    monkeypatch.setattr(db, "_quick_check", lambda conn, path: ran.append(path.name) or
                        real(conn, path))
    return ran


def test_a_cleanly_closed_untouched_ledger_opens_without_reading_it_whole(tmp_path, monkeypatch):
    path = tmp_path / "l.db"
    Ledger.open(path, operator="王科员", exclusive=True).close()
    ran = _checks(monkeypatch)
    again = Ledger.open(path, operator="王科员", exclusive=True)
    assert ran == []
    again.close()
    Ledger.open(path, operator="王科员", exclusive=True).close()
    assert ran == []
    assert lock.holder(path)["closed"]["checked"] == again.checked_on


def test_a_crash_a_foreign_write_or_a_week_makes_the_next_open_check(tmp_path, monkeypatch):
    import datetime as dt
    import sqlite3

    from core import dates

    path = tmp_path / "l.db"
    Ledger.open(path, operator="王科员", exclusive=True).close()
    ran = _checks(monkeypatch)
    # another program writes to the file
    other = sqlite3.connect(path)
    other.execute("UPDATE setting SET value = value")
    other.execute("CREATE TABLE scratch (x)")
    other.commit()
    other.close()
    Ledger.open(path, operator="王科员", exclusive=True).close()
    assert ran == ["l.db"]
    # a holder that never closed (a crash): its lock file says nothing of a clean close
    crashed = Ledger.open(path, operator="王科员", exclusive=True)
    crashed.conn.close()
    crashed.lock.release()
    Ledger.open(path, operator="王科员", exclusive=True).close()
    assert ran == ["l.db", "l.db"]
    Ledger.open(path, operator="王科员", exclusive=True).close()
    assert len(ran) == 2
    later = dt.date.today() + dt.timedelta(days=lock.RECHECK_DAYS)
    monkeypatch.setattr(dates, "today", lambda: later)
    Ledger.open(path, operator="王科员", exclusive=True).close()
    assert len(ran) == 3


def test_a_file_damaged_after_a_clean_close_is_still_refused(tmp_path):
    path = tmp_path / "l.db"
    ledger = Ledger.open(path, operator="王科员", exclusive=True)
    from core import settings
    settings.set_jurisdiction(ledger, "141000")
    ledger.close()
    size = path.stat().st_size
    with open(path, "r+b") as handle:  # garbage over the second half of the file
        handle.seek(size // 2)
        handle.write(b"\xff\x7f" * (size // 4))
    with pytest.raises(LedgerError) as refused:
        Ledger.open(path, operator="王科员", exclusive=True)
    assert refused.value.code in ("error.db_damaged", "error.db_unreadable")
