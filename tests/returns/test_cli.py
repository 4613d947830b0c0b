from __future__ import annotations

import datetime as dt

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


def test_marks_submit_list_lock_and_unlock_from_the_command_line(demo_copy, tmp_path, capsys):
    import json

    db = str(demo_copy.path)
    out = tmp_path / "sent.xlsx"
    assert main(["--db", db, "export-return", "campaign_progress", "--submit", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "尚未填写" in err and "表号" in err and len(err.strip().splitlines()) == 1
    assert not out.exists()
    assert main(["--db", db, "returns", "marks", "campaign_progress",
                 "--set", "sign.statistician=赵立新", "--set", "form.number=（省厅表号）"]) == 0
    listed = capsys.readouterr().out
    assert "sign.statistician" in listed and "赵立新" in listed and "（省厅表号）" in listed
    assert main(["--db", db, "export-return", "campaign_progress", "--submit", "--allow-blank",
                 "--as-of", "2026-11-20", "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["--db", db, "returns", "submitted", "--json"]) == 0
    sent = json.loads(capsys.readouterr().out)
    assert [(s["form"], s["as_of"], s["changed"]) for s in sent] == [
        ("campaign_progress", "2026-11-20", [])]
    assert main(["--db", db, "returns", "lock", sent[0]["id"]]) == 0
    assert "2026-11-20" in capsys.readouterr().out
    code = main(["--db", db, "problem", "add", "--source", "complaint", "--category", "noise",
                 "--description", "夜间噪声", "--on", "2026-11-19", "--deadline", "2026-12-30",
                 "--region", "曲沃县"])
    err = capsys.readouterr().err
    assert code == 1 and "已报送并锁定" in err and len(err.strip().splitlines()) == 1
    assert main(["--db", db, "returns", "unlock"]) == 1
    assert "理由" in capsys.readouterr().err
    assert main(["--db", db, "returns", "unlock", "--reason", "省厅退回重报"]) == 0


def test_export_ledger_as_of_a_future_day_is_refused(db, tmp_path, capsys):
    out = tmp_path / "ledger.xlsx"
    assert main(["--db", db, "export-ledger", "--as-of", "2099-01-01", "-o", str(out)]) == 1
    assert "晚于今天" in capsys.readouterr().err and not out.exists()


def test_stats_as_of_a_future_day_is_refused_in_one_line(db, capsys):
    later = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    assert main(["--db", db, "stats", "--as-of", later]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and len(captured.err.strip().splitlines()) == 1
    assert "晚于今天" in captured.err and later in captured.err
    assert main(["--db", db, "stats", "--as-of", dt.date.today().isoformat()]) == 0


def test_every_as_of_entry_refuses_a_future_day(shared_demo):
    from core import statistics
    from core.errors import LedgerError
    from core.returns import figures, forms

    later = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    for call in (lambda: statistics.breakdown(shared_demo, later),
                 lambda: statistics.cube(shared_demo, later),
                 lambda: figures.compute(shared_demo, forms.find(shared_demo, "campaign_progress").template,
                                                 later)):
        with pytest.raises(LedgerError, match="晚于今天"):
            call()
