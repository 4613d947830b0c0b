"""The Returns page: preview of a return as the province's grid, and exports in the background."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core import regions, statistics
from gui.pages.returns import ReturnsPage

pytestmark = pytest.mark.gui

AS_OF = "2026-11-20"


@pytest.fixture
def page(ctx, qtbot):
    returns_page = ReturnsPage(ctx)
    qtbot.addWidget(returns_page)
    qtbot.waitUntil(lambda: returns_page.template.count() > 0)
    returns_page.template.setCurrentIndex(returns_page.template.findData("campaign_progress"))
    returns_page.as_of.setText(AS_OF)
    returns_page.refresh()
    qtbot.waitUntil(lambda: ctx.db.pending == 0)
    return returns_page


def _column(model, first_data_row: int, header: str) -> int:
    """The column whose header cell (above the data rows) reads `header`."""
    for row in range(first_data_row):
        for column in range(model.columnCount()):
            if model.texts[row][column] == header:
                return column
    raise AssertionError(header)


def test_the_preview_lists_the_counties_and_its_total_agrees_with_the_statistics(page, ctx):
    model = page.model
    first = model.first_data_row
    counties = [c.name for c in ctx.db.call(lambda ledger: regions.counties_of(ledger, "141000"))]
    shown = [model.texts[first + i][0] for i in range(len(counties))]
    assert shown == counties
    total_row = first + len(counties)
    assert model.texts[total_row][0] == "合计"

    report = ctx.db.call(lambda ledger: statistics.breakdown(ledger, AS_OF,
                                                            statistics.Filter()))
    assigned = _column(model, first, "交办问题数\n（个）")
    assert int(model.texts[total_row][assigned]) == report.total.assigned > 0
    assert model.headerData(total_row, Qt.Orientation.Vertical) == str(total_row + 1)  # as Excel
    assert model.headerData(0, Qt.Orientation.Horizontal) == "A"
    assert page.view.columnSpan(0, 0) == model.columnCount()  # the merged title row


def test_export_writes_a_workbook_openpyxl_opens(page, ctx, tmp_path, qtbot):
    import openpyxl

    path = tmp_path / "return.xlsx"
    op = page.export_return(path)
    qtbot.waitUntil(lambda: op.done.is_set() and ctx.db.pending == 0, timeout=20_000)
    assert op.error is None, op.error
    book = openpyxl.load_workbook(path)
    sheet = book.active
    texts = {str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None}
    assert "合计" in texts and "曲沃县" in texts
    assert str(path) in page.summary.text()


def test_export_of_the_ledger_can_be_cancelled(page, ctx, tmp_path, qtbot):
    path = tmp_path / "ledger.xlsx"
    op = page.export_ledger_sheet(path)
    op.cancel()
    qtbot.waitUntil(lambda: op.done.is_set() and ctx.db.pending == 0, timeout=20_000)
    assert not path.exists()
    assert page.summary.text() == "已取消导出，未写入文件。"

    op = page.export_ledger_sheet(path)
    qtbot.waitUntil(lambda: op.done.is_set() and ctx.db.pending == 0, timeout=30_000)
    assert op.error is None and op.result > 2000
    import openpyxl
    assert openpyxl.load_workbook(path, read_only=True).active.max_row > op.result


def test_a_failed_check_names_its_cell_and_the_export_writes_nothing(page, ctx, tmp_path,
                                                                      qtbot, monkeypatch):
    from core.returns import figures

    real = figures.compute

    def total_off_by_one(*args, **kwargs):
        computed = real(*args, **kwargs)
        computed.total.values["assigned"] += 1
        return computed
    monkeypatch.setattr(figures, "compute", total_off_by_one)
    page.refresh()
    qtbot.waitUntil(lambda: ctx.db.pending == 0)
    model = page.model
    total_row = next(r for r in range(model.rowCount()) if model.texts[r][0] == "合计")
    column = _column(model, model.first_data_row, "交办问题数\n（个）")
    cell = f"{model.headerData(column, Qt.Orientation.Horizontal)}{total_row + 1}"
    assert cell in page.findings.text()

    path = tmp_path / "return.xlsx"
    op = page.export_return(path)
    qtbot.waitUntil(lambda: op.done.is_set() and ctx.db.pending == 0, timeout=20_000)
    assert not path.exists()
    assert cell in page.findings.text() and "合计" in page.findings.text()


def test_submit_asks_about_blank_marks_records_it_and_lists_changed_cells(page, ctx, tmp_path,
                                                                         qtbot, monkeypatch):
    import datetime as dt

    from acceptance_data import ACCEPTED
    from core import problems
    asked = []
    monkeypatch.setattr(page, "confirm_blanks", lambda blanks: asked.append(blanks) or False)
    page.submit(tmp_path / "refused.xlsx")
    qtbot.waitUntil(lambda: bool(asked) and ctx.db.pending == 0)
    assert "表号" in asked[0] and "填表人" in asked[0]
    assert not (tmp_path / "refused.xlsx").exists()

    monkeypatch.setattr(page, "confirm_blanks", lambda blanks: True)
    page.submit(tmp_path / "sent.xlsx")
    qtbot.waitUntil(lambda: (tmp_path / "sent.xlsx").exists() and ctx.db.pending == 0)
    page.show()
    page.tabs.setCurrentWidget(page.submitted)  # shown: the list reads the submissions
    qtbot.waitUntil(lambda: page.submitted.model.rowCount() == 1 and ctx.db.pending == 0)
    assert page.submitted.model.data(page.submitted.model.index(0, 6)) == "未变动"

    def close_back_dated(ledger):
        pid = ledger.conn.execute(
            "SELECT id FROM problem WHERE status = 'reported_done' AND status_since < ? "
            "LIMIT 1", (AS_OF,)).fetchone()[0]
        return problems.transition(ledger, pid, "closed",
                                   on=dt.date.fromisoformat(AS_OF) - dt.timedelta(days=1),
                                   acceptance=ACCEPTED)
    ctx.db.op(close_back_dated).run()
    qtbot.waitUntil(lambda: page.submitted.changed_model.rowCount() > 0 and ctx.db.pending == 0,
                    timeout=20_000)
    changed = page.submitted.changed_model.rows
    closed = next(c for c in changed if c.column == "问题整改／已销号（个）" and c.row != "合计")
    assert int(closed.now) == int(closed.submitted) + 1

    notes = []
    monkeypatch.setattr(page, "ask_correction_note", lambda earlier: notes.append(earlier) or "补录销号")
    page.submit(tmp_path / "again.xlsx")
    qtbot.waitUntil(lambda: (tmp_path / "again.xlsx").exists() and ctx.db.pending == 0)
    assert len(notes) == 1 and notes[0].as_of == AS_OF
    qtbot.waitUntil(lambda: page.submitted.model.rowCount() == 2 and ctx.db.pending == 0)

    page.submitted.view.selectRow(0)
    page.submitted.lock_selected()
    qtbot.waitUntil(lambda: page.submitted.locked == AS_OF and ctx.db.pending == 0)
    assert AS_OF in page.submitted.status.text()


def test_marks_dialog_saves_the_forms_marks(page, ctx, qtbot):
    dialog = page.open_marks()
    qtbot.waitUntil(lambda: "form.number" in dialog.fields)
    dialog.fields["form.number"].setText("（省厅表号）")
    dialog.fields["sign.statistician"].setText("赵立新")
    dialog.save()
    qtbot.waitUntil(lambda: ctx.db.pending == 0 and not dialog.isVisible())
    from core.returns import marks
    values = ctx.db.call(lambda ledger: marks.values(ledger, "campaign_progress"))
    assert values["form.number"] == "（省厅表号）" and values["sign.statistician"] == "赵立新"
