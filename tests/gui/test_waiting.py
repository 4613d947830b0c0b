"""The manager's queue (待审批 / 待核销): reached from the dashboard, listing a pending
extension and a problem reported done, each opening its problem."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core import problems, waiting

pytestmark = pytest.mark.gui


def _new_problem(ledger, description: str) -> str:
    return problems.add(ledger, {
        "source": "supervision_letter", "region_code": "141021", "category": "waste_gas",
        "description": description, "assigned_on": "2026-10-01",
        "deadline": "2026-11-30"}).id


def test_the_queue_lists_a_pending_extension_and_a_reported_done_problem(window, ctx, qtbot,
                                                                         idle):
    def arrange(ledger):
        asked = _new_problem(ledger, "待审批：脱硫塔改造延期")
        problems.request_extension(ledger, asked, "2027-03-31", "设备到货推迟", on="2026-11-20")
        done = _new_problem(ledger, "待核销：料场苫盖完成")
        problems.transition(ledger, done, "in_progress", on="2026-10-02")
        return problems.transition(ledger, done, "reported_done", on="2026-11-25")
    ctx.db.op(arrange).run()
    idle()
    expected = ctx.db.call(waiting.counts)
    board = window.page("overview")
    idle()
    qtbot.waitUntil(lambda: board.queue_button.text() == (
        f"待审批延期 {expected[waiting.EXTENSION]} 项 · "
        f"待核销 {expected[waiting.REPORTED_DONE]} 项"))
    qtbot.mouseClick(board.queue_button, Qt.MouseButton.LeftButton)
    page = window.pages["waiting"]
    assert window.current_page() is page
    idle()
    qtbot.waitUntil(lambda: page.extensions.rowCount() == expected[waiting.EXTENSION])
    assert page.reported.rowCount() == expected[waiting.REPORTED_DONE]
    assert page.extensions_label.text() == f"待审批的延期申请：{expected[waiting.EXTENSION]} 项"
    reasons = [page.extensions.item(r, 5).text() for r in range(page.extensions.rowCount())]
    assert "设备到货推迟" in reasons
    row = next(r for r in range(page.reported.rowCount())
               if page.reported.item(r, 4).text() == "待核销：料场苫盖完成")
    assert page.reported.item(row, 2).text() == "曲沃县"
    page.reported.selectRow(row)
    problem_id = page.reported.problem_ids[row]
    qtbot.waitUntil(lambda: page.detail.row_id == problem_id and "已销号" in "".join(
        b.text() for b in page.detail.transition_buttons.values()))
    index = page.reported.model().index(row, 0)
    page.reported.scrollTo(index)
    where = page.reported.visualRect(index).center()
    # a double-click as Qt receives it: a press and release, then the double-click
    qtbot.mouseClick(page.reported.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(page.reported.viewport(), Qt.MouseButton.LeftButton, pos=where)
    problems_page = window.pages["problems"]
    qtbot.waitUntil(lambda: window.current_page() is problems_page)
    qtbot.waitUntil(lambda: problems_page.current_id() == problem_id)
    assert problems_page.model.rowCount() == 1
    assert problems_page.selection.isVisible()
    qtbot.waitUntil(lambda: problems_page.detail.row_id == problem_id)
