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
    assert main(["--db", str(tmp_path / "l.db"), "--lang", "en", "check"]) == 0
    assert "network drive" in capsys.readouterr().err
