from __future__ import annotations

import pytest
from openpyxl import load_workbook

from core.cli import main


@pytest.fixture
def db(shared_demo):
    return str(shared_demo.path)


def test_returns_lists_the_templates(db, capsys):
    assert main(["--db", db, "returns"]) == 0
    out = capsys.readouterr().out
    assert "campaign_progress" in out and "penalty_monthly" in out and "rectification_ledger" in out


def test_returns_previews_a_return_as_text(db, capsys):
    assert main(["--db", db, "returns", "campaign_progress", "--as-of", "2019-07-05"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "生态环境问题整改进展情况统计表"
    assert any(line.startswith("合计\t\t0\t0\t0\t0\t0\t0\t—") for line in lines)


def test_export_return_for_a_campaign_by_name(db, tmp_path, capsys):
    out = tmp_path / "progress.xlsx"
    code = main(["--db", db, "export-return", "campaign_progress", "--campaign", "百日清零专项行动",
                 "--as-of", "2019-07-05", "-o", str(out)])
    assert code == 0, capsys.readouterr().err
    assert load_workbook(out).active["A1"].value == "百日清零专项行动进展情况统计表"


def test_export_ledger(db, tmp_path, capsys):
    out = tmp_path / "ledger.xlsx"
    assert main(["--db", db, "export-ledger", "-o", str(out)]) == 0
    assert "2507" in capsys.readouterr().out
    assert load_workbook(out, read_only=True).active.max_row == 2507 + 3 + 3


@pytest.mark.parametrize("args, words", [
    (["export-return", "weekly", "-o", "x.xlsx"], "weekly"),
    (["export-return", "campaign_progress", "-o", "x.xls"], ".xlsx"),
    (["export-return", "campaign_progress", "--as-of", "2019-02-30", "-o", "x.xlsx"], "2019-02-30"),
    (["export-return", "campaign_progress", "--campaign", "无此行动", "-o", "x.xlsx"], "无此行动"),
])
def test_user_errors_are_one_line_and_write_nothing(db, tmp_path, capsys, monkeypatch, args,
                                                    words):
    monkeypatch.chdir(tmp_path)
    assert main(["--db", db, *args]) == 1
    err = capsys.readouterr().err
    assert words in err and len(err.strip().splitlines()) == 1
    assert not list(tmp_path.glob("x.*"))
