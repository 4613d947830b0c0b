"""The Air page: figures equal the core's, each figure drills down to its rows."""
from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QAbstractItemModelTester

from core.air import assessment, enforcement


def _click(qtbot, chart, hit) -> None:
    point = chart.mapFromScene(chart.scene_point(hit))
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_tiles_and_ranking_are_the_core_assessment(air, ctx):
    board = air.board
    results = ctx.db.call(lambda l: assessment.assess(l, board.first, board.last))
    city = next(r for r in results if r.region_code == "141000")
    assert air.tiles["pm25"].figure.text() == f"{city.now.pm25:g}"
    assert air.tiles["heavy"].figure.text() == str(city.now.heavy_days)
    ranked = [r for r in results if r.rank is not None]
    drawn = [h.drill.unit for h in air.ranking.hits if h.plot is air.ranking.index_plot]
    assert drawn == [r.region_code for r in ranked]
    assert len(ranked) == 17 and sum(r.bottom for r in ranked) == 3


def test_calendar_has_a_cell_per_day_and_a_day_opens_its_stations(air, ctx, qtbot, idle):
    board = air.board
    assert len(air.calendar.cells) == len(board.days) > 30
    hit = max(air.calendar.hits_for_days(), key=lambda h: h.value)
    _click(qtbot, air.calendar, hit)
    idle()
    day = hit.drill.first
    expected = ctx.db.call(lambda l: l.conn.execute(
        "SELECT count(*) FROM air_station_day WHERE day = ?", (day,)).fetchone()[0])
    assert air.rows.rowCount() == expected and air.rows.text(0, 0) == day
    assert day in air.rows_caption.text()
    QAbstractItemModelTester(air.rows, QAbstractItemModelTester.FailureReportingMode.Fatal)


def test_a_month_of_the_cumulative_plot_opens_its_days(air, qtbot, idle):
    month = air.board.months[0]
    hit = air.cumulative.hit_at(air.cumulative.plot.vb.mapViewToScene(QPointF(0, 30)))
    _click(qtbot, air.cumulative, hit)
    idle()
    days = (int(month.last[8:]) - int(month.first[8:])) + 1
    assert air.rows.rowCount() == days
    assert air.rows.text(0, 0) == month.first


def test_a_problem_bar_opens_exactly_its_problems(air, window, ctx, qtbot, idle):
    hit = max((h for h in air.ranking.hits if getattr(h.drill, "kind", "") == "problems"),
              key=lambda h: h.value)
    _click(qtbot, air.ranking, hit)
    idle()
    problems = window.pages["problems"]
    qtbot.waitUntil(lambda: window.current_page() is problems)
    idle()
    qtbot.waitUntil(lambda: problems.model.rowCount() == hit.drill.count)
    unit = hit.drill.flt.region_code
    categories = tuple(hit.drill.figure.split(":")[1].split(","))
    ids = ctx.db.call(lambda l: enforcement.problem_ids(l, unit, air.board.first,
                                                        air.board.last, categories))
    assert len(ids) == hit.drill.count


def test_a_case_bar_opens_exactly_its_cases(air, window, qtbot, idle):
    hit = next(h for h in air.ranking.hits if getattr(h.drill, "kind", "") == "penalties")
    _click(qtbot, air.ranking, hit)
    idle()
    cases = window.pages["penalties"]
    qtbot.waitUntil(lambda: window.current_page() is cases)
    idle()
    qtbot.waitUntil(lambda: cases.model.rowCount() == hit.drill.count)


def test_a_unit_bar_chooses_the_unit(air, qtbot, idle):
    hit = next(h for h in air.ranking.hits if h.plot is air.ranking.index_plot)
    _click(qtbot, air.ranking, hit)
    idle()
    qtbot.waitUntil(lambda: air.board.unit == hit.drill.unit)
    assert air.calendar.board.unit_name in air.heading.text()


def test_the_interview_and_its_restriction_are_shown(air):
    text = air.interviews.text()
    assert "洪洞县" in text and "山西省生态环境厅" in text and "限批" in text


def test_importing_a_file_refreshes_and_a_bad_file_names_its_cells(air, ctx, tmp_path, qtbot,
                                                                 idle, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    from tests.air.files import DAILY_HEADER, write_csv
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    bad = write_csv(tmp_path / "bad.csv", DAILY_HEADER,
                    [["临汾市", "曲沃县", "曲沃县环保局", "2026-11-30", 1, "", "x", 1, 1, 1, 1, 1]])
    air.import_file(bad)
    idle()
    assert "第 2 行 G 列（PM2.5）“x”：不是数字" in shown[-1]
    board = air.board
    good = write_csv(tmp_path / "ok.csv", DAILY_HEADER,
                     [["临汾市", "曲沃县", "曲沃县环保局", "2026-11-30", 60, "PM2.5", 40, 60, 10,
                       20, 50, 0.8]])
    air.import_file(good)
    idle()
    qtbot.waitUntil(lambda: air.board is not board)
    assert "更正 1 个" in shown[-1] or "新增 1 个" in shown[-1]


def test_the_overview_names_the_units_under_restriction(window, idle, qtbot):
    page = window.page("overview")
    idle()
    banner = page.findChild(type(page.heading), "air_restrictions")
    qtbot.waitUntil(lambda: banner.isVisible())
    assert "限批中：洪洞县" in banner.text() and "山西省生态环境厅" in banner.text()


def test_the_return_is_exported_from_the_page(air, tmp_path, idle):
    from openpyxl import load_workbook
    path = tmp_path / "目标.xlsx"
    air.export_return(path)
    idle()
    sheet = load_workbook(path).active
    assert sheet["A1"].value == "空气质量改善目标完成情况表"
    names = [sheet.cell(row, 1).value for row in range(8, 8 + 18)]
    assert names[0] == "尧都区" and names[-1] == "临汾市"


def test_ctrl_n_records_an_interview_with_its_plan_due(air, window, ctx, qtbot, idle):
    from gui.air.interview_form import InterviewForm
    air.set_selection(air.board.first, air.board.last, "141021")
    idle()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = next(f for f in window.findChildren(InterviewForm) if f.isVisible())
    idle()
    assert form.fields["region_code"].read() == "141021"
    form.set_values({"held_on": "2025-09-26", "held_by": "临汾市人民政府",
                     "reasons": "10月以来PM2.5浓度同比上升", "plan_days": "20"})
    form.validate()
    idle()
    qtbot.waitUntil(lambda: form.save_button.isEnabled())
    form.accept()
    idle()
    due = ctx.db.call(lambda l: l.conn.execute(
        "SELECT plan_due FROM air_interview WHERE region_code = '141021'").fetchone()[0])
    assert due == "2025-10-30"
