"""`ecoledger-cli import-ledger`: exit status, messages, and the database left as it was."""
from __future__ import annotations

from core.cli import main

from .workbooks import ledger_rows, write_ledger


def count(db, table="problem") -> int:
    from core.ledger import Ledger

    with Ledger.open(db) as ledger:
        return ledger.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_import_then_again(tmp_path, capsys):
    db = tmp_path / "l.db"
    path = write_ledger(tmp_path / "l.xlsx", ledger_rows(25))
    assert main(["--db", str(db), "import-ledger", str(path)]) == 0
    out = capsys.readouterr().out
    assert "共 25 行：新增 25，更新 0，未变 0" in out
    assert main(["--db", str(db), "import-ledger", str(path), "--sheet", "整改台账"]) == 0
    assert "新增 0，更新 0，未变 25" in capsys.readouterr().out
    assert count(db) == 25


def test_dry_run_changes_nothing(tmp_path, capsys):
    db = tmp_path / "l.db"
    path = write_ledger(tmp_path / "l.xlsx", ledger_rows(10))
    assert main(["--db", str(db), "import-ledger", str(path), "--dry-run", "--show-mapping"]) == 0
    out = capsys.readouterr().out
    assert "试导入（未写入）" in out and "将新增 10" in out
    assert "O 列“整改状态” → 整改状态" in out
    assert count(db) == 0 and count(db, "enterprise") == 0


def test_errors_go_to_stderr_with_exit_1(tmp_path, capsys):
    db = tmp_path / "l.db"
    rows = ledger_rows(5)
    rows[2][9] = "2019-02-30"
    rows[4][2] = "火星县"
    path = write_ledger(tmp_path / "l.xlsx", rows)
    assert main(["--db", str(db), "import-ledger", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines()[:3] == [
        "ecoledger-cli: 表中有 2 处错误，未导入任何数据",
        "第 6 行 J 列（交办日期）“2019-02-30”：“2019-02-30”不是有效日期，请按 2019-07-05 或 2019年7月5日 的格式填写",
        "第 8 行 C 列（所属区县）“火星县”：不是本辖区的区县名称或代码",
    ]
    assert count(db) == 0


def test_a_bad_file_is_one_line(tmp_path, capsys):
    db = tmp_path / "l.db"
    (tmp_path / "x.xlsx").write_bytes(b"PK\x03\x04 truncated")
    assert main(["--db", str(db), "import-ledger", str(tmp_path / "x.xlsx")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "已损坏或不完整" in err
    assert count(db) == 0


def test_the_mapping_can_be_corrected(tmp_path, capsys):
    db = tmp_path / "l.db"
    headers = ["序号", "地区", "企业", "问题", "交办日期", "整改时限"]
    path = write_ledger(tmp_path / "l.xlsx", [[1, "曲沃县", "甲厂", "扬尘", "2024-03-01", "2024-04-01"]],
                        headers=headers)
    assert main(["--db", str(db), "import-ledger", str(path)]) == 1
    assert "缺少必需的列：问题描述（可用 --mapping 指定）" in capsys.readouterr().err
    assert main(["--db", str(db), "import-ledger", str(path), "--mapping", "region=B",
                 "--mapping", "description=问题"]) == 0
    assert count(db) == 1
