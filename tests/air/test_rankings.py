"""Published city rankings: imported from the bulletin's table, the city's place shown."""
from __future__ import annotations

import pytest

from core.air import measurements, rankings
from core.cli import main

from .files import write_csv, write_xlsx

HEADER = ["排名", "城市", "综合指数", "PM2.5浓度(μg/m³)"]


def _cities() -> list[list]:
    top = [[i + 1, f"城市{i + 1}", round(3 + i * 0.02, 2), 20 + i] for i in range(165)]
    return top + [[166, "晋城", 7.31, 66], [167, "阳泉", 7.45, 65], [168, "临汾", 7.92, 71]]


def test_a_168_city_list_from_excel_with_the_month_in_its_title(ledger, tmp_path):
    path = write_xlsx(tmp_path / "排名.xlsx", HEADER, _cities(),
                      title="2026年10月168个重点城市空气质量排名")
    rankings.import_file(ledger, path)
    [found] = rankings.standings(ledger, "141000")
    assert (found.month, found.rank, found.total, found.composite_index) == ("2026-10", 168, 168,
                                                                            7.92)
    assert found.list_name == "2026年10月168个重点城市空气质量排名"
    rankings.import_file(ledger, path)  # again: replaced, not doubled
    assert rankings.standings(ledger, "141000")[0].total == 168


def test_a_bad_rank_names_its_cell(ledger, tmp_path):
    rows = _cities()
    rows[4][0] = "五"
    path = write_csv(tmp_path / "r.csv", HEADER, rows, title="2026年10月重点城市排名")
    with pytest.raises(measurements.AirImportRejected) as caught:
        rankings.import_file(ledger, path)
    assert caught.value.issues[0].message == "第 7 行 A 列（排名）“五”：不是数字"


def test_cli_shows_the_standing(tmp_path, capsys):
    db = tmp_path / "l.db"
    path = write_csv(tmp_path / "r.csv", HEADER, _cities())
    assert main(["--db", str(db), "air", "rankings", "import", str(path), "--list",
                 "168城市", "--month", "2026-09"]) == 0
    assert main(["--db", str(db), "air", "rankings", "show"]) == 0
    out = capsys.readouterr().out
    assert "临汾：168城市（2026-09）第 168 名，共 168 个城市，综合指数 7.92" in out
