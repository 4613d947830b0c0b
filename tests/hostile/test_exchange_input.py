"""Exchange files are input: a hand-built .ecox (no shared key needed) is checked change by
change with the validation of a typed write, read in blocks under caps, its photos
checked against their hashes; one bad change refuses the whole file."""
from __future__ import annotations

import hashlib
import json
import shutil
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from core import attachments, exchange, penalties, problems, settings
from core.errors import LedgerError
from core.exchange import fileformat
from core.ledger import Ledger


def _site(blank: Path, folder: Path, name: str) -> Ledger:
    """A PC of its own: its ledger and attachments in a folder of their own."""
    (folder / name).mkdir()
    path = folder / name / f"{name}.db"
    shutil.copyfile(blank, path)
    ledger = Ledger.open(path, operator=name)
    exchange.new_site_id(ledger)
    exchange.set_site_name(ledger, name)
    return ledger


@pytest.fixture(scope="module")
def blank(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("hostile-blank") / "blank.db"
    with Ledger.open(path, operator="模板") as made:
        settings.set_jurisdiction(made, "141000")
    return path


@pytest.fixture
def sites(blank, tmp_path):
    """曲沃 (the sender) with a problem, its log, a measure and a fined penalty case; 翼城
    (the receiver), empty."""
    a, b = _site(blank, tmp_path, "曲沃"), _site(blank, tmp_path, "翼城")
    pid = problems.add(a, {"source": "inspection", "region_code": "141021", "category": "dust",
                           "description": "建筑工地裸土未苫盖", "assigned_on": "2026-03-02",
                           "deadline": "2026-04-30", "responsible_unit": "曲沃县住建局"}).id
    problems.add_measure(a, pid, {"description": "覆盖防尘网", "progress": "50"})
    penalties.add(a, {"case_number": "临曲环罚〔2026〕8号", "region_code": "141021",
                      "violation": "未采取扬尘污染防治措施", "decided_on": "2026-03-20",
                      "fine": "20000"})
    yield a, b, pid
    a.close()
    b.close()


def _genuine(a: Ledger, b: Ledger, folder: Path, **options) -> Path:
    path = folder / "genuine.ecox"
    exchange.export(a, path, to=exchange.site(b).id, force=True, **options)
    return path


def _crafted(genuine: Path, folder: Path, change) -> tuple[Path, int]:
    """The genuine file with one change edited by `change(entries)` (which returns the
    1-based number of the change it edited) and sealed again, as anyone can without a key."""
    package = fileformat.read(genuine)
    entries = json.loads(json.dumps(package.entries))
    number = change(entries)
    path = folder / "crafted.ecox"
    fileformat.write(path, package.manifest, entries)
    return path, number


def _first(entries, table: str, action: str = "insert") -> tuple[int, dict]:
    for number, entry in enumerate(entries, start=1):
        if entry["table"] == table and entry["action"] == action:
            return number, entry
    raise AssertionError(table)


def _set(table: str, field: str, value):
    def change(entries):
        number, entry = _first(entries, table)
        entry["new"][field] = value
        return number
    return change


def _rows(ledger: Ledger) -> tuple:
    return tuple(ledger.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                 for t in ("problem", "problem_log", "measure", "penalty_case",
                           "exchange_conflict", "exchange_file", "audit_log"))


@pytest.mark.parametrize("change,reason", [
    (_set("problem", "status", "bogus"), "未知的整改状态“bogus”"),
    (_set("problem", "deadline", "not-a-date"), "整改时限：“not-a-date”不是有效日期"),
    (_set("problem", "assigned_on", "0000-00-00"), "交办日期：“0000-00-00”不是有效日期"),
    (_set("problem", "description", ""), "问题描述：必填"),
    (_set("problem", "category", "bogus"), "问题类别"),
    (_set("problem", "enterprise_id", "01a00000-0000-7000-8000-000000000000"), "关联记录不存在"),
    (_set("problem", "description", "很" * 2001), "description"),
    (_set("problem", "responsible_person", "\u202e四李"), "responsible_person"),
    (_set("problem", "status_since", 20260302), "status_since"),
    (_set("penalty_case", "fine_fen", -2_000_000), "罚款金额（元）：金额不能为负数"),
    (_set("penalty_case", "fine_fen", "2000000"), "fine_fen"),
    (_set("measure", "progress", 180), "进度"),
    (lambda entries: (_set("problem_log", "status_from", "assigned")(entries),
                      _set("problem_log", "status_to", "closed")(entries))[1], "已交办"),
    (lambda entries: (entries[0].pop("dot"), 1)[1], "格式不对"),
    (lambda entries: (entries[0].update(operator="张" * 100_000), 1)[1], "operator"),
])
def test_a_crafted_file_with_one_invalid_change_is_refused_whole(sites, tmp_path, change, reason):
    a, b, _ = sites
    genuine = _genuine(a, b, tmp_path)
    crafted, number = _crafted(genuine, tmp_path, change)
    before = _rows(b)
    with pytest.raises(LedgerError) as refused:
        exchange.import_file(b, crafted, confirm=True)
    text = str(refused.value)
    assert f"第 {number} 条变更" in text and reason in text and "整个文件未导入" in text, text
    assert _rows(b) == before  # nothing merged, no conflict kept, the file not recorded
    exchange.import_file(b, genuine, confirm=True)  # the genuine file still goes in
    assert _rows(b)[0] == 1


def test_a_negative_fine_on_an_update_is_refused_not_kept_as_a_conflict(sites, tmp_path):
    a, b, _ = sites
    exchange.import_file(b, _genuine(a, b, tmp_path), confirm=True)
    case = a.conn.execute("SELECT id FROM penalty_case").fetchone()[0]
    penalties.update(a, case, {"fine": "30000"})
    penalties.update(b, case, {"fine": "25000"})  # so that a fine from 曲沃 conflicts here

    def negative(entries):
        number, entry = _first(entries, "penalty_case", "update")
        entry["new"]["fine_fen"] = -3_000_000
        return number
    crafted, number = _crafted(_genuine(a, b, tmp_path), tmp_path, negative)
    with pytest.raises(LedgerError, match=f"第 {number} 条变更.*金额不能为负数"):
        exchange.import_file(b, crafted, confirm=True)
    assert exchange.conflicts(b) == []
    assert b.conn.execute("SELECT fine_fen FROM penalty_case").fetchone()[0] == 2_500_000


def test_problem_show_works_on_what_an_import_let_in(sites, tmp_path, capsys):
    from core.cli import main

    a, b, pid = sites
    exchange.import_file(b, _genuine(a, b, tmp_path), confirm=True)
    b.close()
    db = str(tmp_path / "翼城" / "翼城.db")
    assert main(["--db", db, "problem", "show", pid]) == 0
    assert "建筑工地裸土未苫盖" in capsys.readouterr().out
    assert main(["--db", db, "check"]) == 0


@pytest.fixture(scope="module")
def bomb(tmp_path_factory) -> Path:
    """A valid-looking .ecox whose entries.jsonl is 1 GiB of zeros (about 1 MB packed)."""
    path = tmp_path_factory.mktemp("bomb") / "bomb.ecox"
    zeros = bytes(1 << 24)
    digest = hashlib.sha256()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(fileformat.MANIFEST, json.dumps({"format": "ecox"}))
        with archive.open(fileformat.ENTRIES, "w", force_zip64=True) as member:
            for _ in range(64):
                member.write(zeros)
                digest.update(zeros)
        archive.writestr(fileformat.CHECKSUM, json.dumps({"members": {}}))
    return path


def test_an_exchange_bomb_is_refused_within_a_fixed_memory_budget(sites, bomb):
    _, b, _ = sites
    assert bomb.stat().st_size < 1.5 * 1024**2
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(LedgerError, match="解压后过大或压缩比异常"):
            exchange.import_file(b, bomb, confirm=True)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    seconds = time.perf_counter() - started
    # measured: peak 0.06 MB, 0.01 s (was 2.1 GB and 10 s when every member was read whole)
    assert peak < 16 * 1024**2, f"peak {peak / 1024**2:.1f} MB"
    print(f"bomb refused: peak {peak / 1024**2:.2f} MB traced, {seconds:.3f} s")


def test_a_bomb_under_the_ratio_but_past_its_declared_size_is_stopped(sites, tmp_path):
    """A member whose header claims a small size inflates no further than that."""
    _, b, _ = sites
    path = tmp_path / "liar.ecox"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(fileformat.MANIFEST, b"{}")
        archive.writestr(fileformat.ENTRIES, b"{}\n" * 200_000)
        archive.writestr(fileformat.CHECKSUM, b"{}")
    data = bytearray(path.read_bytes())
    # shrink the declared size of entries.jsonl in the central directory to 10 bytes
    for offset in _central_entries(data):
        name_length = int.from_bytes(data[offset + 28:offset + 30], "little")
        if data[offset + 46:offset + 46 + name_length] == fileformat.ENTRIES.encode():
            data[offset + 24:offset + 28] = (10).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    with pytest.raises(LedgerError):
        exchange.import_file(b, path, confirm=True)


def _central_entries(data: bytearray):
    offset = data.find(b"PK\x01\x02")
    while offset != -1:
        yield offset
        offset = data.find(b"PK\x01\x02", offset + 4)


def _photo(folder: Path) -> Path:
    path = folder / "现场.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40 + b"\xff\xd9")
    return path


def test_a_replaced_photo_is_not_exported_under_the_original_hash(sites, tmp_path):
    a, b, pid = sites
    attachments.attach(a, pid, [_photo(tmp_path)])
    stored = attachments.of_problem(a, pid)[0].path
    stored.write_bytes(b"\xff\xd8 another picture \xff\xd9")
    with pytest.raises(LedgerError, match="已被修改.*未导出"):
        exchange.export(a, tmp_path / "with-files.ecox", with_files=True)
    assert not (tmp_path / "with-files.ecox").exists()


def test_a_carried_file_that_does_not_match_its_hash_is_refused(sites, tmp_path):
    a, b, pid = sites
    attachments.attach(a, pid, [_photo(tmp_path)])
    genuine = _genuine(a, b, tmp_path, with_files=True)
    package = fileformat.read(genuine)
    name = next(iter(package.file_members))
    swapped = tmp_path / "swapped.jpg"
    swapped.write_bytes(b"\xff\xd8 not the photo \xff\xd9")
    crafted = tmp_path / "crafted.ecox"
    fileformat.write(crafted, package.manifest, package.entries, {name: swapped})
    with pytest.raises(LedgerError, match="与其哈希不符"):
        exchange.import_file(b, crafted, confirm=True)
    assert not attachments.default_folder(b).exists() or \
        not any(attachments.default_folder(b).iterdir())
    summary = exchange.import_file(b, genuine, confirm=True)
    assert summary.files == 1
    assert attachments.file_matches(attachments.default_folder(b) / name, Path(name).stem)
