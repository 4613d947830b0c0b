"""`ecoledger-cli import-ledger`: exit status, messages, and the database left as it was."""
from __future__ import annotations

from core.cli import main

from .workbooks import sheet_rows, write_sheet


def count(db, table="problem") -> int:
    from core.ledger import Ledger

    with Ledger.open(db) as ledger:
        return ledger.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_import_then_again(tmp_path, capsys):
    db = tmp_path / "l.db"
    path = write_sheet(tmp_path / "l.xlsx", sheet_rows(25))
    assert main(["--db", str(db), "import-ledger", str(path)]) == 0
    out = capsys.readouterr().out
    assert "共 25 行：新增 25，更新 0，未变 0" in out
    assert main(["--db", str(db), "import-ledger", str(path), "--sheet", "整改台账"]) == 0
    assert "新增 0，更新 0，未变 25" in capsys.readouterr().out
    assert count(db) == 25


def test_dry_run_changes_nothing(tmp_path, capsys):
    db = tmp_path / "l.db"
    path = write_sheet(tmp_path / "l.xlsx", sheet_rows(10))
    assert main(["--db", str(db), "import-ledger", str(path), "--dry-run", "--show-mapping"]) == 0
    out = capsys.readouterr().out
    assert "试导入（未写入）" in out and "将新增 10" in out
    assert "O 列“整改状态” → 整改状态" in out
    assert count(db) == 0 and count(db, "enterprise") == 0


def test_errors_go_to_stderr_with_exit_1(tmp_path, capsys):
    db = tmp_path / "l.db"
    rows = sheet_rows(5)
    rows[2][9] = "2019-02-30"
    rows[4][2] = "火星县"
    path = write_sheet(tmp_path / "l.xlsx", rows)
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
    path = write_sheet(tmp_path / "l.xlsx", [[1, "曲沃县", "甲厂", "扬尘", "2024-03-01", "2024-04-01"]],
                        headers=headers)
    assert main(["--db", str(db), "import-ledger", str(path)]) == 1
    assert "缺少必需的列：问题描述（可用 --mapping 指定）" in capsys.readouterr().err
    assert main(["--db", str(db), "import-ledger", str(path), "--mapping", "region=B",
                 "--mapping", "description=问题"]) == 0
    assert count(db) == 1


def test_every_sheet_with_fixed_values_and_a_mapped_word(tmp_path, capsys):
    from .layouts import complaint_lists

    db = tmp_path / "l.db"
    path = complaint_lists(tmp_path / "一览表.xlsx")
    with_unit = ["--db", str(db), "units", "add", "市直单位", "--kind", "department"]
    assert main(with_unit) == 0
    capsys.readouterr()
    args = ["--db", str(db), "import-ledger", str(path), "--all-sheets", "--set", "source=中央督察"]
    assert main(args + ["--dry-run"]) == 0
    captured = capsys.readouterr()
    assert "试导入（未写入）" in captured.out and "将新增 6" in captured.out
    assert "工作表“汇总”未导入：汇总表" in captured.err
    assert "工作表“字典”未导入：隐藏的工作表" in captured.err
    assert "问题类别“油烟”不在代码表中：共 2 处（第一批!E6、第二批!E5），按“其他”导入" in captured.err
    assert main(args + ["--map", "category:油烟=waste_gas"]) == 0
    assert "油烟" not in capsys.readouterr().err
    assert count(db) == 6


def test_a_mapping_file_and_bad_mappings(tmp_path, capsys):
    from .layouts import complaint_lists

    db = tmp_path / "l.db"
    path = complaint_lists(tmp_path / "一览表.xlsx")
    mapping_file = tmp_path / "对照.txt"
    mapping_file.write_text("# 本局的对照\ncategory:油烟=废气\n", encoding="utf-8")
    base = ["--db", str(db), "import-ledger", str(path), "--sheet", "第二批"]
    assert main(base + ["--map", "category:油烟"]) == 1
    assert capsys.readouterr().err.strip().splitlines()[-1] == (
        "ecoledger-cli: 无法识别的对照“category:油烟”：应写作 类型:词=代码，类型为 status, category, "
        "source，例如 category:油烟=waste_gas")
    assert main(base + ["--map", "category:油烟=火星"]) == 1
    assert "问题类别中没有“火星”" in capsys.readouterr().err
    assert main(base + ["--map-file", str(mapping_file)]) == 0
    assert "油烟" not in capsys.readouterr().err
    from core.ledger import Ledger

    with Ledger.open(db) as ledger:
        assert ledger.conn.execute("SELECT category FROM problem WHERE complaint_number = "
                                   "'D3SX202506030002'").fetchone()[0] == "waste_gas"


def test_show_mapping_even_while_rows_have_errors(tmp_path, capsys):
    from .layouts import rectification_plan

    db = tmp_path / "l.db"
    path = rectification_plan(tmp_path / "整改台账.xlsx")
    assert main(["--db", str(db), "import-ledger", str(path), "--show-mapping"]) == 1
    captured = capsys.readouterr()
    assert "B 列“整改任务” → 问题描述" in captured.out
    assert "F 列“完成情况” → 整改状态" in captured.out
    assert "G 列“整改进展” → 整改进展" in captured.out
    assert "没有交办日期" in captured.err
    assert main(["--db", str(db), "import-ledger", str(path), "--set", "assigned_on=2019-05-06",
                 "--set", "colour=red"]) == 1
    assert capsys.readouterr().err.strip().startswith("ecoledger-cli: --set 不能指定“colour”")
    assert main(["--db", str(db), "import-ledger", str(path), "--set", "assigned_on=2019-05-06"]) == 0
    assert count(db) == 3 and count(db, "measure") == 6


def test_the_operator_option_names_who_imported(tmp_path, capsys):
    db = tmp_path / "l.db"
    path = write_sheet(tmp_path / "l.xlsx", sheet_rows(3))
    assert main(["--db", str(db), "--operator", "李明", "import-ledger", str(path)]) == 0
    from core.ledger import Ledger

    with Ledger.open(db) as ledger:
        assert {r[0] for r in ledger.conn.execute("SELECT operator FROM problem")} == {"李明"}
        assert {r[0] for r in ledger.conn.execute("SELECT operator FROM problem_log")} == {"李明"}
