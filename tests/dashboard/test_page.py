"""The Overview page: plotted numbers equal the core, clicks open the rows behind them,
exports keep Chinese text, and the page follows the data."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QPushButton, QToolButton

from core import dashboard, dates, problems, statistics
from core.money import fen_to_wan
from core.statistics import Filter
from acceptance_data import ACCEPTED


def _core(ctx, as_of=None, flt=Filter()):
    return ctx.db.call(lambda ledger: dashboard.load(ledger, as_of, flt))


def _charts(page):
    return {type(chart).__name__: chart for chart in page.charts}


def _assert_plots_equal_core(page, core: dashboard.Dashboard) -> None:
    charts = _charts(page)
    assert page.tiles["assigned"].figure.text() == f"{core.total.assigned:,}"
    assert page.tiles["closed"].figure.text() == f"{core.total.closed:,}"
    assert page.tiles["overdue"].figure.text() == f"{core.total.overdue:,}"
    assert page.tiles["reported_done"].figure.text() == f"{core.total.reported_done:,}"
    assert f"{core.total.stage_concluded:,}" in page.tiles["reported_done"].caption.text()
    rate = core.total.clearance_rate
    assert page.tiles["rate"].figure.text() == ("—" if rate is None else f"{rate}%")
    assert page.tiles["fines"].figure.text() == f"{fen_to_wan(core.penalties.fine_fen):,}"
    progress = charts["ProgressChart"]
    x, assigned = progress.curves["assigned"].getOriginalDataset()
    _, closed = progress.curves["closed"].getOriginalDataset()
    assert list(assigned) == [a for _, a, _ in core.series]
    assert list(closed) == [c for _, _, c in core.series]
    rates = {h.drill.flt.region_code: h.value for h in charts["RateChart"].hits}
    assert rates == {p.key: float(p.clearance_rate) for p in core.regions if p.assigned}
    buckets = {(h.drill.flt.region_code, h.drill.figure): h.value
               for h in charts["DeadlineChart"].hits}
    assert buckets == {(p.key, m): getattr(p, m) for p in core.regions
                       for m in statistics.BUCKETS if getattr(p, m)}
    groups = {(h.drill.flt.category or h.drill.flt.source, h.drill.figure): h.value
              for h in charts["GroupsChart"].hits}
    assert groups == {(p.key, m): getattr(p, m) for p in core.categories + core.sources
                      for m in ("closed", "open") if getattr(p, m)}
    cases = {(h.drill.first, h.drill.figure): h.value for h in charts["PenaltyChart"].hits}
    assert cases == {(m.first, k): getattr(m.figures, k) for m in core.months
                     for k in dashboard.CASE_FIGURES if getattr(m.figures, k)}
    fines = [h.value for h in charts["FinesChart"].hits if h.drill.figure == "cases"]
    assert fines == [float(fen_to_wan(m.figures.fine_fen)) for m in core.months
                     if m.figures.fine_fen]


def test_every_plotted_number_equals_the_core_figure(board, ctx):
    _assert_plots_equal_core(board, _core(ctx))


def test_filters_and_as_of_date_apply_to_every_plot(board, ctx, idle, qtbot):
    campaign_id, batch_id = ctx.bureau.batches[1][2], ctx.bureau.batches[1][0]
    county = ctx.bureau.counties[0].code
    past = (dates.today() - dt.timedelta(days=25)).isoformat()
    for as_of, flt in ((past, Filter()), (None, Filter(campaign_id=campaign_id)),
                       (past, Filter(campaign_id=campaign_id, batch_id=batch_id)),
                       (None, Filter(region_code=county))):
        board.set_selection(as_of, flt.campaign_id, flt.batch_id, flt.region_code)
        idle()
        qtbot.waitUntil(lambda: board.drawn)
        assert board.selection() == (as_of, flt)
        _assert_plots_equal_core(board, _core(ctx, as_of, flt))


def test_an_as_of_date_typed_as_clerks_write_it(board, ctx, idle, qtbot):
    past = dates.today() - dt.timedelta(days=20)
    board.as_of.setText(f"{past.year}年{past.month}月{past.day}日")
    qtbot.keyClick(board.as_of, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: board.drawn and board.board.as_of == past.isoformat())
    _assert_plots_equal_core(board, _core(ctx, past.isoformat()))
    board.as_of.setText("2024-02-30")
    qtbot.keyClick(board.as_of, Qt.Key.Key_Return)
    idle()
    assert board.board.as_of == past.isoformat()  # kept, not silently today
    assert "b3261e" in board.as_of.styleSheet()


def _click(qtbot, chart, hit) -> None:
    point = chart.mapFromScene(chart.scene_point(hit))
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=point)


def _shown_rows(page, idle) -> int:
    idle()
    return page.model.rowCount()


def test_clicking_a_deadline_bar_opens_exactly_its_problems(board, window, qtbot, idle):
    chart = _charts(board)["DeadlineChart"]
    hit = max((h for h in chart.hits if h.drill.figure == "overdue"), key=lambda h: h.value)
    _click(qtbot, chart, hit)
    problems_page = window.pages["problems"]
    qtbot.waitUntil(lambda: window.current_page() is problems_page)
    assert _shown_rows(problems_page, idle) == hit.value > 0
    assert problems_page.selection.isVisible()
    assert f"{hit.value:,}" in problems_page.selection_text.text()
    codes = {problems_page.model.value(n, "region") for n in range(hit.value)}
    region = next(p.name for p in board.board.regions if p.key == hit.drill.flt.region_code)
    assert codes == {region}
    # every row shown is overdue as the ledger sees it today
    statuses = {problems_page.model.value(n, "status") for n in range(hit.value)}
    assert "closed" not in statuses
    problems_page.filters.region.set_code(None)  # a filter change leaves the drill-down
    idle()
    assert not problems_page.selection.isVisible()
    assert problems_page.model.rowCount() > hit.value


def test_clicking_a_rate_bar_and_a_category_opens_their_problems(board, window, qtbot, idle):
    for name, pick in (("RateChart", lambda hits: hits[-1]),
                       ("GroupsChart", lambda hits: hits[len(hits) // 2])):
        window.page("overview")
        chart = _charts(board)[name]
        hit = pick(chart.hits)
        _click(qtbot, chart, hit)
        page = window.pages["problems"]
        qtbot.waitUntil(lambda: window.current_page() is page)
        assert _shown_rows(page, idle) == hit.drill.count, name
        if name == "RateChart":
            region = next(p for p in board.board.regions if p.key == hit.drill.flt.region_code)
            assert hit.drill.count == region.assigned
            assert f"{region.clearance_rate}%" in hit.text


def test_clicking_a_point_of_a_past_day_opens_the_problems_closed_by_then(board, window, qtbot,
                                                                          idle):
    chart = _charts(board)["ProgressChart"]
    index = len(board.board.series) // 2
    day, assigned, closed = board.board.series[index]
    x, y = chart.point(index, "closed")
    hit = chart.hit_at(chart.plot.vb.mapViewToScene(QPointF(x, y)))
    assert hit.drill.figure == "closed" and hit.drill.as_of == day and hit.drill.count == closed
    assert f"{closed:,}" in hit.text and f"{assigned:,}" in hit.text
    _click(qtbot, chart, hit)
    page = window.pages["problems"]
    qtbot.waitUntil(lambda: window.current_page() is page)
    assert _shown_rows(page, idle) == closed > 0


@pytest.mark.parametrize("chart_name, figure", [("PenaltyChart", "seizure"),
                                                 ("PenaltyChart", "cases"),
                                                 ("FinesChart", "cases")])
def test_clicking_a_penalty_bar_opens_exactly_its_cases(board, window, qtbot, idle, chart_name,
                                                        figure):
    chart = _charts(board)[chart_name]
    hit = next(h for h in chart.hits if h.drill.figure == figure)
    _click(qtbot, chart, hit)
    qtbot.waitUntil(lambda: window.current_page().key == "penalties")
    page = window.pages["penalties"]
    month = next(m for m in board.board.months if m.first == hit.drill.first)
    assert _shown_rows(page, idle) == getattr(month.figures, figure) == hit.drill.count > 0
    assert page.filters.date_from.text() == month.first
    assert page.filters.date_to.text() == month.last
    assert page.selection.isVisible()
    assert f"{hit.drill.count:,}" in page.selection_text.text()


def test_hovering_shows_the_exact_figure(board):
    chart = _charts(board)["DeadlineChart"]
    hit = chart.hits[0]
    found = chart.hit_at(chart.scene_point(hit))
    assert found == hit and f"{hit.value:,}" in found.text and "逾期" in found.text
    fines = _charts(board)["FinesChart"].hits[0]
    assert str(fen_to_wan(board.board.months[0].figures.fine_fen)) in fines.text


def test_the_dashboard_follows_a_write_made_anywhere(board, ctx, idle, qtbot):
    before = board.board.total.closed
    penalty_hits = _charts(board)["PenaltyChart"].hits
    rate_hits = _charts(board)["RateChart"].hits
    problem_id = ctx.db.call(lambda ledger: ledger.conn.execute(
        "SELECT id FROM problem WHERE status = 'reported_done' LIMIT 1").fetchone()[0])
    with qtbot.waitSignal(board.shown, timeout=10_000):
        ctx.db.op(lambda ledger: problems.transition(ledger, problem_id, "closed", acceptance=ACCEPTED)).run()
    assert board.board.total.closed == before + 1
    assert board.tiles["closed"].figure.text() == f"{before + 1:,}"
    assert _charts(board)["RateChart"].hits is not rate_hits  # redrawn
    assert _charts(board)["PenaltyChart"].hits is penalty_hits  # its figures did not change
    _assert_plots_equal_core(board, _core(ctx))
    assert board.timings["slice"] < 0.05  # drawing never holds the GUI thread for long


def _non_trivial(path, width: int = 300) -> QImage:
    image = QImage(str(path))
    assert not image.isNull() and image.width() >= width
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}
    assert len(colours) > 10  # drawn, not blank
    return image


def test_each_plot_exports_to_png_and_svg_with_chinese_text(board, tmp_path):
    from gui.dashboard.export import export_chart

    for number, chart in enumerate(board.charts):
        png = export_chart(chart, tmp_path / f"{number}.png")
        _non_trivial(png)
        svg = export_chart(chart, tmp_path / f"{number}.svg")
        text = svg.read_text(encoding="utf-8")
        assert "<svg" in text and len(text) > 5_000
        assert chart.title() in text or chart.plots[0].titleLabel.text in text
    assert "清零率" in (tmp_path / "1.svg").read_text(encoding="utf-8")


def test_the_whole_dashboard_exports_to_one_page(board, tmp_path):
    from gui.dashboard.export import export_page

    image = _non_trivial(export_page(board.sheet, tmp_path / "board.png"), 1000)
    assert image.height() > 1000  # every plot, not just the part on screen
    pdf = export_page(board.sheet, tmp_path / "board.pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 50_000
    assert b"/Count 1" in data  # one page for the meeting
    assert b"CJK" in data or b"YaHei" in data  # Chinese text kept as text, in a Chinese face
    assert all(b.isVisible() for b in board.findChildren(QToolButton))  # buttons back


def test_an_empty_ledger_draws_empty_plots(app, tmp_path, qtbot):
    from core import settings
    from core.ledger import Ledger
    from gui.app import open_context
    from gui.dashboard.page import DashboardPage

    path = tmp_path / "empty" / "ledger.db"
    path.parent.mkdir()
    with Ledger.open(path) as ledger:
        settings.set_jurisdiction(ledger, "141000")
        settings.put(ledger, "operator_name", "测试员")
    context, _ = open_context(path, tmp_path)
    try:
        page = DashboardPage(context)
        qtbot.addWidget(page)
        page.show()
        qtbot.waitUntil(lambda: page.drawn, timeout=10_000)
        assert page.tiles["assigned"].figure.text() == "0"
        assert page.tiles["rate"].figure.text() == "—"
        assert all(chart.hits == [] for chart in page.charts)
        # no axes of 0.2 problems: the first day says what to do instead
        assert page.empty.isVisible() and not page.plots.isVisible()
        assert "还没有" in page.empty.text.text()
        qtbot.waitUntil(page.empty.demo_button.isVisible)
        for chart in page.charts:  # and a count axis never ticks between whole numbers
            for plot in chart.plots:
                for name in ("left", "bottom"):
                    axis = plot.getAxis(name)
                    if type(axis).__name__ == "WholeAxis":
                        ticks = [v for _, values in axis.tickValues(0.0, 1.0, 400)
                                 for v in values]
                        assert ticks == [0.0, 1.0]
    finally:
        context.db.close()


def test_dates_on_the_axis_read_in_chinese(board):
    from gui.dashboard.charts import DayAxis

    axis = DayAxis(orientation="bottom")
    axis.start = dt.date(2024, 8, 5)
    assert axis.tickStrings([0, 27], 1, 7) == ["8月5日", "9月1日"]
    assert axis.tickStrings([0, 182], 1, 182) == ["2024年8月5日", "2025年2月3日"]
    shown = _charts(board)["ProgressChart"].axis
    low, high = _charts(board)["ProgressChart"].plot.vb.viewRange()[0]
    labels = [text for spacing, values in shown.tickValues(low, high, 500)
              for text in shown.tickStrings(values, 1, spacing)]
    assert labels and all("月" in text and "日" in text for text in labels)
    assert not any(month in " ".join(labels) for month in ("Aug", "Sep", "Oct", "Nov"))


def test_an_export_onto_an_attachment_photo_is_refused(board, ctx, idle, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from core import attachments

    folder = ctx.db.call(lambda ledger: attachments.default_folder(ledger))
    folder.mkdir(parents=True, exist_ok=True)
    photo = folder / "整改后.png"
    photo.write_bytes(b"\x89PNG original photo")
    warned = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(photo), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[2]))
    board.ask_export_chart(board.charts[0])
    idle()
    assert photo.read_bytes() == b"\x89PNG original photo"  # the photo is untouched
    assert len(warned) == 1 and "附件" in warned[0]


def test_a_drill_down_sets_the_filters_it_shows_clears_the_detail_and_leaves_cleanly(
        board, window, qtbot, idle):
    problems_page = window.page("problems")
    idle()
    problems_page.table.setCurrentIndex(problems_page.model.index(3, 0))
    qtbot.waitUntil(lambda: problems_page.detail.row_id is not None)
    window.page("overview")
    chart = _charts(board)["DeadlineChart"]
    hit = max((h for h in chart.hits if h.drill.figure == "overdue"), key=lambda h: h.value)
    _click(qtbot, chart, hit)
    qtbot.waitUntil(lambda: window.current_page() is problems_page)
    assert _shown_rows(problems_page, idle) == hit.value
    bar = problems_page.filters
    assert bar.overdue.isChecked()  # only overdue rows show, and the box says so
    assert bar.region.code() == hit.drill.flt.region_code
    assert problems_page.detail.row_id is None  # no unrelated problem beside the rows
    assert problems_page.detail.heading.text() == "选择一个问题以查看整改过程。"
    assert problems_page.selection.isVisible()
    window.page("returns")
    assert window.statusBar().currentMessage() == ""  # the caption stays on its page
    assert f"{hit.value:,}" not in window.statusBar().currentMessage()
    window.page("problems")
    back = next(b for b in problems_page.selection.findChildren(QPushButton)
                if b.text() == "清除筛选")
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    idle()
    assert not problems_page.selection.isVisible()
    assert bar.region.code() is None and not bar.overdue.isChecked()
    total = window.ctx.db.call(lambda ledger: ledger.conn.execute(
        "SELECT count(*) FROM problem").fetchone()[0])
    assert problems_page.model.rowCount() == total


def test_an_exported_plot_is_print_sized_and_names_its_filters(board, ctx, idle, qtbot,
                                                              tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    campaign_id, batch_id = ctx.bureau.batches[1][2], ctx.bureau.batches[1][0]
    county = ctx.bureau.counties[0]
    board.set_selection(None, campaign_id, batch_id, county.code)
    idle()
    qtbot.waitUntil(lambda: board.drawn)
    batch_name = board.batch.currentText()
    today = dates.today().isoformat()
    assert county.name in board.heading.text() and batch_name in board.heading.text()
    offered = []
    target = tmp_path / "plot.png"

    def save_dialog(parent, caption, start, filters, *rest, **options):
        offered.append(start)
        return str(target), ""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    chart = _charts(board)["DeadlineChart"]
    board.ask_export_chart(chart)
    idle()
    name = offered[0].rsplit("/", 1)[-1]
    for part in (county.name, batch_name, today, chart.title()):
        assert part in name, part
    image = QImage(str(target))
    assert image.width() >= 2400  # A4 wide at 300 dpi, not the 530 px of the screen
    assert round(image.dotsPerMeterX() * 0.0254) == 300
    view = chart.viewport()
    assert image.height() > image.width() * view.height() / view.width()  # a heading on top
    dark = sum(1 for x in range(0, image.width(), 3) for y in range(0, 150, 2)
               if QImage.pixel(image, x, y) & 0xFF < 0x80)
    assert dark > 50  # the heading is drawn in the strip above the plot
    target = tmp_path / "plot.svg"
    board.ask_export_chart(chart)
    idle()
    text = target.read_text(encoding="utf-8")
    assert county.name in text and batch_name in text and today in text
    offered.clear()
    target = tmp_path / "board.pdf"
    board.ask_export_page()
    idle()
    name = offered[0].rsplit("/", 1)[-1]
    assert county.name in name and batch_name in name and today in name
    assert target.read_bytes().startswith(b"%PDF")
