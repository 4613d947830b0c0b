"""The shared key: generated once, remembered per ledger, the environment first; and the
progress reports of export and import, which may stop them without changing anything."""
from __future__ import annotations

import pytest

from core import exchange
from core.errors import LedgerError
from core.exchange import keys

from .sites import contents, new_problem, problem, send


@pytest.fixture(autouse=True)
def no_environment_key(monkeypatch):
    monkeypatch.delenv(keys.KEY_VARIABLE, raising=False)


def test_a_generated_key_file_is_random_and_never_overwritten(tmp_path):
    made = exchange.generate_key_file(tmp_path / "临汾.key")
    other = exchange.generate_key_file(tmp_path / "other.key")
    assert len(made.key) == 64 and made.key != other.key
    assert keys.read_key_file(made.path) == made.key
    assert made.fingerprint == keys.fingerprint(made.key)
    assert len(made.fingerprint.split()) == 4
    before = made.path.read_bytes()
    with pytest.raises(LedgerError) as refused:
        exchange.generate_key_file(made.path)
    assert "已存在" in str(refused.value) and made.path.read_bytes() == before


def test_the_fingerprint_is_the_start_of_the_sha256_in_groups():
    # sha256(b"abc") = ba7816bf8f01cfea414140de5dae2223…
    assert keys.fingerprint(b"abc") == "ba78 16bf 8f01 cfea"


def test_the_key_file_is_remembered_in_the_ledger_and_the_environment_wins(pcs, tmp_path,
                                                                          monkeypatch):
    a, b, _ = pcs
    assert exchange.shared_key(a) is None
    made = exchange.generate_key_file(tmp_path / "bureau.key")
    chosen = exchange.set_key_file(a, made.path)
    assert chosen.fingerprint == made.fingerprint
    assert exchange.key_file(a) == made.path.resolve() and exchange.key_file(b) is None
    in_use = exchange.shared_key(a)
    assert (in_use.source, in_use.key) == (keys.FROM_FILE, made.key)
    monkeypatch.setenv(keys.KEY_VARIABLE, "from the environment")
    in_use = exchange.shared_key(a)
    assert (in_use.source, in_use.key, in_use.path) == \
        (keys.FROM_ENVIRONMENT, b"from the environment", None)
    assert exchange.key_file(a) == made.path.resolve()  # still remembered
    exchange.set_key_file(a, None)
    monkeypatch.delenv(keys.KEY_VARIABLE)
    assert exchange.key_file(a) is None and exchange.shared_key(a) is None


def test_a_missing_or_empty_key_file_is_refused_in_chinese(pcs, tmp_path):
    a, _, _ = pcs
    with pytest.raises(LedgerError, match="找不到共享密钥文件"):
        exchange.set_key_file(a, tmp_path / "nowhere.key")
    (tmp_path / "empty.key").write_bytes(b" \n")
    with pytest.raises(LedgerError, match="是空的"):
        exchange.set_key_file(a, tmp_path / "empty.key")
    made = exchange.generate_key_file(tmp_path / "bureau.key")
    exchange.set_key_file(a, made.path)
    made.path.unlink()  # the USB stick that held it is gone
    with pytest.raises(LedgerError, match="找不到共享密钥文件"):
        exchange.shared_key(a)


def test_a_file_signed_with_the_remembered_key_needs_the_same_key(pcs, tmp_path):
    a, b, c = pcs
    made = exchange.generate_key_file(tmp_path / "bureau.key")
    for pc in (a, b):
        exchange.set_key_file(pc, made.path)
    exchange.set_key_file(c, exchange.generate_key_file(tmp_path / "other.key").path)
    pid = new_problem(a)
    path = tmp_path / "signed.ecox"
    exchange.export(a, path, key=keys.key_bytes(a))
    with pytest.raises(LedgerError, match="签名与本局共享密钥不符"):
        exchange.import_file(c, path, key=keys.key_bytes(c), confirm=True)
    assert problem(c, pid) is None
    assert exchange.import_file(b, path, key=keys.key_bytes(b), confirm=True).applied == 2


def test_progress_is_reported_and_changes_no_result(pcs, tmp_path):
    a, b, c = pcs
    for n in range(3):
        new_problem(a, description=f"问题{n}")
    reports: list[tuple[int, int, str]] = []
    exchange.export(a, tmp_path / "quiet.ecox")
    loud = exchange.export(a, tmp_path / "loud.ecox",
                           progress=lambda *r: reports.append(r))
    assert reports[0][:2] == (0, reports[0][1]) and "收集" in reports[0][2]
    assert "写入交换文件（6 条更改" in reports[-1][2]
    assert loud.entries == 6
    quiet_summary = exchange.import_file(b, tmp_path / "quiet.ecox", confirm=True)
    reports.clear()
    loud_summary = exchange.import_file(c, tmp_path / "loud.ecox",
                                        progress=lambda *r: reports.append(r), confirm=True)
    assert vars(quiet_summary) == vars(loud_summary)
    assert contents(b) == contents(c)
    messages = [m for *_, m in reports]
    assert "读取" in messages[0] and "合并" in messages[1] and "保存" in messages[-1]


class Stop(Exception):
    pass


def _stop_at(word: str):
    def progress(done: int, total: int, message: str) -> None:
        if word in message:
            raise Stop
    return progress


def test_an_export_stopped_by_its_progress_writes_nothing(pcs, tmp_path):
    a, b, _ = pcs
    new_problem(a)
    target = tmp_path / "stopped.ecox"
    for word in ("收集", "写入"):
        with pytest.raises(Stop):
            exchange.export(a, target, to=exchange.site(b).id,
                            progress=_stop_at(word))
        assert not target.exists() and list(tmp_path.glob("*.part")) == []
    # the partner was not marked as sent: the next file still carries the problem
    assert send(a, b, tmp_path).applied == 2


def test_an_import_stopped_by_its_progress_leaves_the_ledger_unchanged(pcs, tmp_path):
    a, b, _ = pcs
    pid = new_problem(a)
    path = tmp_path / "x.ecox"
    exchange.export(a, path)
    before = contents(b)
    for word in ("合并", "保存"):
        with pytest.raises(Stop):
            exchange.import_file(b, path, progress=_stop_at(word), confirm=True)
        assert contents(b) == before and exchange.partners(b) == []
    assert exchange.import_file(b, path, confirm=True).applied == 2
    assert problem(b, pid) is not None


def test_the_command_line_uses_the_ledger_key_file_unless_told_otherwise(blank_file, tmp_path,
                                                                         capsys):
    from core.cli import main
    from core.ledger import Ledger

    from .sites import open_site

    made = exchange.generate_key_file(tmp_path / "bureau.key")
    a = open_site(blank_file, tmp_path, "甲")
    exchange.set_key_file(a, made.path)
    new_problem(a)
    a.close()
    open_site(blank_file, tmp_path, "乙").close()
    out, db_b = tmp_path / "k.ecox", str(tmp_path / "乙.db")
    assert main(["--db", str(tmp_path / "甲.db"), "exchange", "export", "-o", str(out)]) == 0
    assert main(["--db", db_b, "exchange", "import", str(out)]) == 1
    assert "已签名" in capsys.readouterr().err
    assert main(["--db", db_b, "exchange", "import", str(out),
                 "--key-file", str(tmp_path / "gone.key")]) == 1
    assert "找不到共享密钥文件" in capsys.readouterr().err
    assert main(["--db", db_b, "exchange", "import", str(out), "--key-file", str(made.path),
                 "--confirm-partner", "141000"]) == 0
    with Ledger.open(db_b) as b:
        assert len(exchange.partners(b)) == 1


def test_a_failed_write_leaves_no_partial_file(pcs, tmp_path, monkeypatch):
    import zipfile

    a, _, _ = pcs
    new_problem(a)

    def full(self, name, data, *args, **kwargs):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(zipfile.ZipFile, "writestr", full)
    with pytest.raises(LedgerError) as refused:
        exchange.export(a, tmp_path / "x.ecox")
    assert refused.value.code == "error.disk_full"  # said as such, not errno 28
    assert list(tmp_path.glob("x.ecox*")) == []
