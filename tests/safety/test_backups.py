"""Backups that hold everything and cannot hurt: one ZIP with the ledger, its photos and a
manifest of hashes; the live file refused as a target; a restore checks every hash first."""
from __future__ import annotations

import datetime as dt
import os
import zipfile

import pytest

from core import attachments, backup, problems, settings
from core.errors import LedgerError
from core.ledger import Ledger

JPEG = b"\xff\xd8\xff\xe0" + b"JFIF-photo-of-the-coal-yard" * 200


def _problem(ledger, description="露天煤场未苫盖") -> str:
    return problems.add(ledger, {
        "source": "inspection", "region_code": "141021", "category": "dust",
        "description": description, "assigned_on": "2026-11-02", "deadline": "2026-12-20"}).id


def _with_photos(ledger, tmp_path) -> str:
    problem = _problem(ledger)
    before, after = tmp_path / "现场照片.jpg", tmp_path / "整改后.png"
    before.write_bytes(JPEG)
    after.write_bytes(b"\x89PNG\r\n\x1a\n" + b"after" * 300)
    attachments.attach(ledger, problem, [before])
    attachments.attach(ledger, problem, [after], phase="after")
    return problem


def _table_rows(ledger, table):
    return sorted(tuple(r) for r in ledger.conn.execute(f"SELECT * FROM {table}"))


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_the_live_ledger_is_refused_as_a_target(ledger, suffix):
    _problem(ledger)
    target = ledger.path.with_name(ledger.path.name + suffix)
    before = target.read_bytes() if target.exists() else None
    with pytest.raises(LedgerError) as refused:
        backup.make(ledger, target)
    assert refused.value.code == "error.backup_onto_ledger"
    assert (target.read_bytes() if target.exists() else None) == before
    assert ledger.conn.execute("SELECT count(*) FROM problem").fetchone()[0] == 1


def test_the_attachment_folder_is_refused_as_a_target(ledger, tmp_path):
    _with_photos(ledger, tmp_path)
    with pytest.raises(LedgerError, match="附件"):
        backup.make(ledger, attachments.default_folder(ledger) / "b.zip")


def test_a_backup_holds_the_photos_and_a_manifest_of_hashes(ledger, tmp_path):
    _with_photos(ledger, tmp_path)
    path = backup.make(ledger, tmp_path / "out" / "ledger-backup.zip")
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
    assert "ledger.db" in names and "manifest.json" in names
    assert len([n for n in names if n.startswith("attachments/")]) == 2
    found = backup.contents(path)
    assert found.counts["problem"] == 1 and found.counts["attachment"] == 2
    assert found.files == 2 and found.missing == ()
    assert found.made_by == "测试员" and found.made_at.startswith(dt.date.today().isoformat())


def test_restored_into_a_fresh_data_directory_it_is_the_same_ledger_and_photos(ledger, tmp_path):
    problem = _with_photos(ledger, tmp_path)
    path = backup.make(ledger, tmp_path / "ledger-backup.zip")
    fresh_dir = tmp_path / "fresh"
    fresh_dir.mkdir()
    with Ledger.open(fresh_dir / "ledger.db") as fresh:
        backup.restore(fresh, path)
        for table in ("problem", "problem_log", "attachment", "enterprise"):
            assert _table_rows(fresh, table) == _table_rows(ledger, table)
        restored = {a.name: a.path.read_bytes() for a in attachments.of_problem(fresh, problem)}
        assert restored == {"现场照片.jpg": JPEG,
                            "整改后.png": b"\x89PNG\r\n\x1a\n" + b"after" * 300}
        assert all(a.path.parent == fresh_dir / "attachments"
                   for a in attachments.of_problem(fresh, problem))


def _rewritten(path, target, change):
    """A copy of the archive at `path` with its members passed through `change`."""
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            data = change(info.filename, source.read(info.filename))
            if data is not None:
                out.writestr(info.filename, data)
    return target


@pytest.mark.parametrize("case,code", [
    ("missing", "error.backup_member_missing"),
    ("altered", "error.backup_member_altered"),
])
def test_a_backup_with_a_missing_or_altered_photo_restores_nothing(ledger, tmp_path, case, code):
    _with_photos(ledger, tmp_path)
    good = backup.make(ledger, tmp_path / "good.zip")
    photo = next(n for n in zipfile.ZipFile(good).namelist() if n.endswith(".jpg"))

    def change(name, data):
        if name != photo:
            return data
        return None if case == "missing" else data[:-10] + b"0123456789"
    bad = _rewritten(good, tmp_path / "bad.zip", change)
    _problem(ledger, "雨污未分流")          # today's work, after the backup
    rows_before = _table_rows(ledger, "problem")
    with pytest.raises(LedgerError) as refused:
        backup.restore(ledger, bad)
    assert refused.value.code == code and photo.split("/")[1] in str(refused.value)
    assert _table_rows(ledger, "problem") == rows_before
    assert backup.list_backups(ledger) == []   # refused before even the safety copy


def test_a_restore_keeps_todays_ledger_as_a_backup_first(ledger, tmp_path):
    _with_photos(ledger, tmp_path)
    saved = backup.make(ledger, tmp_path / "saved.zip")
    _problem(ledger, "雨污未分流")
    safety = backup.restore(ledger, saved)
    assert ledger.conn.execute("SELECT count(*) FROM problem").fetchone()[0] == 1
    assert backup.contents(safety).counts["problem"] == 2
    assert [b.reason for b in backup.list_backups(ledger)] == ["before-restore"]


def test_rotation_on_close_keeps_n_and_partials_of_a_killed_backup_go(ledger):
    settings.put(ledger, backup.KEEP_SETTING, "2")
    folder = backup.folder_of(ledger)
    folder.mkdir(parents=True)
    killed = folder / "ledger-20261130-101010-close.zip.partial"
    killed.write_bytes(b"half")
    hour_ago = (dt.datetime.now() - dt.timedelta(hours=2)).timestamp()
    os.utime(killed, (hour_ago, hour_ago))
    running = folder / "ledger-now-close.zip.partial"
    running.write_bytes(b"being written")
    made = [backup.on_close(ledger) for _ in range(3)]
    assert [b.path for b in backup.list_backups(ledger)] == made[:0:-1]
    assert not killed.exists() and running.exists()
