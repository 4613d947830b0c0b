"""The returns page's grid and the submissions' models under Qt's checks, on the demo ledger."""
from __future__ import annotations

import datetime as dt

from acceptance_data import ACCEPTED
from PySide6.QtCore import Qt

from core import problems, returns
from core.returns import marks, submissions
from gui.models.returns import ChangedModel, ReturnGridModel, SubmissionModel
from gui.pages.returns_submitted import read_submitted

H, V = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _marks(ledger) -> None:
    marks.put(ledger, "campaign_progress", {
        "form.number": "（省厅下发的表号）", "form.issued_by": "某省生态环境厅",
        "form.approved_by": "某省统计局", "form.approval_number": "某统制〔2026〕1号",
        "form.valid_until": "2027年12月", "sign.unit_head": "王建国",
        "sign.statistician": "赵立新", "sign.filled_by": "李海燕", "sign.phone": "0357-2021234"})


def test_the_return_grid_shows_the_built_form_with_figures_right_aligned(
        demo_ledger, app, checked):
    built = returns.build(demo_ledger, "campaign_progress", dt.date.today(), None)
    model = checked(ReturnGridModel())
    model.set_sheet(built.sheet.texts(), built.sheet.first_data_row)
    texts = built.sheet.texts()
    assert model.rowCount() == len(texts) and model.columnCount() == len(texts[0])
    assert model.headerData(0, H) == "A" and model.headerData(4, H) == "E"
    assert model.headerData(9, V) == "10"  # rows numbered as in Excel
    counties = [model.index(r, 0).data() for r in range(model.rowCount())]
    row = counties.index("尧都区")
    assert row >= built.sheet.first_data_row
    assert model.index(row, 4).data().isdigit()  # 交办问题数 of 尧都区, a count
    assert model.index(row, 4).data(Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert model.index(row, 0).data(Qt.ItemDataRole.TextAlignmentRole) is None  # the name
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) is None  # the title
    model.set_sheet([], 0)  # another return is being built
    assert model.rowCount() == 0 and model.columnCount() == 0


def test_a_submission_and_the_cells_changed_since(demo_ledger, app, checked, tmp_path):
    _marks(demo_ledger)
    day = dt.date.today() - dt.timedelta(days=10)
    sent = submissions.submit(demo_ledger, "campaign_progress", tmp_path / "a.xlsx", as_of=day)
    model = checked(SubmissionModel())
    read = read_submitted(demo_ledger)
    model.titles = read["titles"]
    model.set_rows(read["sent"])
    assert [model.headerData(c, H) for c in range(7)][:3] == ["报送时间", "报表", "截至"]
    row = [model.index(0, c).data() for c in range(7)]
    assert row[0] == sent.submitted_at.replace("T", " ") and "T" not in row[0]
    assert row[1] != "campaign_progress"  # the form's title, not its code
    assert row[2] == day.isoformat() and row[3] == demo_ledger.operator
    assert row[5] == sent.file_sha256[:16] and row[6] == "未变动"
    assert model.index(0, 6).data(Qt.ItemDataRole.ForegroundRole) is None

    waiting = demo_ledger.conn.execute(
        "SELECT id FROM problem WHERE status = 'reported_done' AND status_since < ? "
        "AND region_code = '141021' LIMIT 1", (day.isoformat(),)).fetchone()[0]
    problems.transition(demo_ledger, waiting, "closed", on=day - dt.timedelta(days=2),
                        acceptance=ACCEPTED)  # a back-dated close changes what was sent
    read = read_submitted(demo_ledger)
    model.set_rows(read["sent"])
    changed = read["sent"][0][1]
    assert model.index(0, 6).data() == f"{len(changed)} 处"
    assert model.index(0, 6).data(Qt.ItemDataRole.ForegroundRole).name() == "#c62828"

    cells = checked(ChangedModel())
    cells.set_rows(changed)
    assert [cells.headerData(c, H) for c in range(5)][0] == "单元格"
    by_cell = {cells.index(r, 0).data(): r for r in range(cells.rowCount())}
    f11 = by_cell["F11"]
    assert [cells.index(f11, c).data() for c in (1, 2)] == ["曲沃县", "问题整改／已销号（个）"]
    before, now = cells.index(f11, 3).data(), cells.index(f11, 4).data()
    assert int(now) == int(before) + 1
    cells.set_rows([])
    assert cells.rowCount() == 0
