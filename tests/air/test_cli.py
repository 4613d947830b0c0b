"""`ecoledger-cli air …`: the command names and JSON keys of the issue."""
from __future__ import annotations

import json

from core.cli import main
from core.ledger import Ledger
from core import settings

from .files import DAILY_HEADER, write_csv
from .test_assessment import _store


def _ledger(tmp_path):
    path = tmp_path / "l.db"
    ledger = Ledger.open(path)
    settings.set_jurisdiction(ledger, "141000")
    return ledger, path


def test_targets_and_assess_json(tmp_path, capsys):
    ledger, path = _ledger(tmp_path)
    _store(ledger, "141021", "2016-10-01", "2017-03-31", 81)
    _store(ledger, "141021", "2017-10-01", "2018-03-31", 78)
    ledger.close()
    db = ["--db", str(path)]
    assert main([*db, "air", "targets", "set", "曲沃县", "--pollutant", "pm25", "--from",
                 "2017-10-01", "--to", "2018-03-31", "--change", "-10"]) == 0
    capsys.readouterr()
    assert main([*db, "air", "assess", "--from", "2017-10-01", "--to", "2018-03-31",
                 "--json"]) == 0
    record = json.loads(capsys.readouterr().out.splitlines()[0])
    for key in ("pm25", "pm10", "so2", "no2", "co_p95", "o3_8h_p90", "composite_index",
                "valid_days", "good_days", "good_ratio", "heavy_days", "change_pct",
                "target_pct", "completion_pct", "rank"):
        assert key in record
    assert (record["change_pct"], record["target_pct"], record["completion_pct"]) == (
        -3.7, -10.0, 37.0)
    assert main([*db, "air", "assess", "--unit", "141021", "--from", "2017-10-01",
                 "--to", "2018-03-31"]) == 0
    out = capsys.readouterr().out
    assert "曲沃县" in out and "37" in out


def test_import_errors_exit_1_with_the_cells(tmp_path, capsys):
    _, path = _ledger(tmp_path)
    bad = write_csv(tmp_path / "bad.csv", DAILY_HEADER,
                    [["临汾市", "曲沃县", "曲沃县环保局", "2025/1/5", 132, "PM2.5", "abc", 160,
                      35, 48, 40, 2.1]])
    assert main(["--db", str(path), "air", "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "文件中有 1 处错误" in err and "第 2 行 G 列（PM2.5）“abc”：不是数字" in err
    assert "Traceback" not in err


def test_unknown_unit_is_one_line(tmp_path, capsys):
    _, path = _ledger(tmp_path)
    assert main(["--db", str(path), "air", "targets", "set", "火星县", "--pollutant", "pm25",
                 "--from", "2025-10-01", "--to", "2026-03-31", "--change", "-10"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "火星县" in err[0]


def test_interview_add_prints_the_plan_due_day(tmp_path, capsys):
    _, path = _ledger(tmp_path)
    assert main(["--db", str(path), "air", "interview", "add", "洪洞县", "--on", "2025-09-26",
                 "--by", "山西省生态环境厅", "--reasons", "PM2.5同比上升"]) == 0
    captured = capsys.readouterr()
    assert "2025-10-30" in captured.err
    assert main(["--db", str(path), "air", "interview", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["unit"] == "141024" and listed["plan_due"] == "2025-10-30"


def test_return_has_the_statutory_marks(tmp_path, capsys):
    from openpyxl import load_workbook
    ledger, path = _ledger(tmp_path)
    settings.put(ledger, "unit_name", "临汾市生态环境局")
    _store(ledger, "141021", "2016-10-01", "2017-03-31", 81)
    _store(ledger, "141021", "2017-10-01", "2018-03-31", 78)
    ledger.close()
    out = tmp_path / "目标.xlsx"
    assert main(["--db", str(path), "air", "targets", "set", "141021", "--pollutant", "pm25",
                 "--from", "2017-10-01", "--to", "2018-03-31", "--change", "-10"]) == 0
    assert main(["--db", str(path), "air", "return", "--from", "2017-10-01", "--to",
                 "2018-03-31", "--out", str(out)]) == 0
    sheet = load_workbook(out).active
    texts = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert texts[0] == "空气质量改善目标完成情况表"
    for mark in ("表号：", "制表机关：临汾市生态环境局", "填报单位：临汾市生态环境局",
                 "时段：2017-10-01 至 2018-03-31", "单位负责人：", "统计负责人：", "填表人：",
                 "联系电话："):
        assert mark in texts, mark
    assert any(t.startswith("报出日期：") for t in texts)
    assert [c.value for c in sheet[7]][:3] == ["甲", 1, 2]
    quwo = [c.value for c in sheet[8]]
    assert quwo[:6] == ["曲沃县", 78, 81, -3.7, -10, 37.0]
