"""Pages of the main window: problem detail and workflow, filters, navigation, state."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from core import attachments, problems, queries
from core.queries import Query
from core.workflow import Status
from gui.pages import PAGES

pytestmark = pytest.mark.gui


def _select(qtbot, page, row_id, idle):
    """Filter the problems page to one problem and make it the current row."""
    for row in range(page.model.rowCount()):
        if page.model.row_id(row) == row_id:
            page.table.selectionModel().setCurrentIndex(
                page.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            idle()
            return
    raise AssertionError("row not shown")


def _first(ctx, status):
    return ctx.db.call(lambda ledger: ledger.conn.execute(
        "SELECT id, number FROM problem WHERE status = ? AND withdrawn_on IS NULL "
        "ORDER BY number LIMIT 1", (status,)).fetchone())


def _show(qtbot, window, ctx, idle, status):
    row_id, number = _first(ctx, status)
    page = window.page("problems")
    page.filters.search.setText(number)
    qtbot.keyClick(page.filters.search, Qt.Key.Key_Return)
    idle()
    assert page.model.rowCount() == 1
    _select(qtbot, page, row_id, idle)
    return page, row_id


def test_only_the_transitions_the_workflow_allows_are_offered(qtbot, ctx, window, idle):
    page, _ = _show(qtbot, window, ctx, idle, "assigned")
    assert set(page.detail.transition_buttons) == {"in_progress"}
    page, row_id = _show(qtbot, window, ctx, idle, "reported_done")
    assert set(page.detail.transition_buttons) == {"closed", "in_progress"}
    assert "reopened" not in page.detail.transition_buttons  # refused from here: not offered
    qtbot.mouseClick(page.detail.transition_buttons["closed"], Qt.MouseButton.LeftButton)
    idle()
    form = page.detail.dialog  # closing asks for the acceptance first
    qtbot.waitUntil(form.isEnabled)
    form.fields["accepted_by"].write("赵志强")
    form.fields["opinion"].write("现场核查已整改到位")
    form._changed()
    idle()
    form.accept()
    idle()
    idle()
    assert ctx.db.call(lambda ledger: problems.get(ledger, row_id))["status"] == "closed"
    assert set(page.detail.transition_buttons) == {"reopened"}
    assert page.model.value(0, "status") == "closed"
    lines = [page.detail.timeline.item(n).text() for n in range(page.detail.timeline.count())]
    assert any("已销号" in line for line in lines)


def test_a_note_and_a_photo_show_in_the_detail(qtbot, ctx, window, idle, tmp_path):
    page, row_id = _show(qtbot, window, ctx, idle, "in_progress")
    page.detail.note.setText("已完成料场全封闭改造")
    qtbot.mouseClick(page.detail.add_note_button, Qt.MouseButton.LeftButton)
    idle()
    idle()
    lines = [page.detail.timeline.item(n).text() for n in range(page.detail.timeline.count())]
    assert any("已完成料场全封闭改造" in line for line in lines)
    photo = tmp_path / "现场.png"
    from PySide6.QtGui import QColor, QImage
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("darkgreen"))
    image.save(str(photo))
    page.detail.attach([str(photo)])
    idle()
    idle()
    files = ctx.db.call(lambda ledger: attachments.of_problem(ledger, row_id))
    assert len(files) == 1 and files[0].path.exists() and files[0].path.stem != "现场"
    assert page.detail.photos.isVisible()


def test_filters_narrow_the_problems_and_agree_with_the_core(qtbot, ctx, window, idle):
    page = window.page("problems")
    filters = page.filters
    county = ctx.bureau.counties[1]
    filters.region.set_code(county.code)
    filters.status.set_code(Status.IN_PROGRESS.value)
    idle()
    expected = ctx.db.call(lambda ledger: queries.count(ledger, queries.PROBLEMS, Query(
        region_code=county.code, status="in_progress")))
    assert 0 < page.model.rowCount() == expected
    filters.overdue.setChecked(True)
    idle()
    assert page.model.rowCount() <= expected
    assert page.count_label.text() == f"共 {page.model.rowCount():,} 条"


def test_every_page_opens_and_ctrl_n_starts_a_record_of_its_kind(qtbot, ctx, window, idle):
    from PySide6.QtWidgets import QApplication, QPushButton
    from gui.forms.base import FormDialog
    for entry in PAGES:
        key, page = entry.key, window.page(entry.key)
        idle()
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        assert isinstance(page, entry.load())
        before = {id(f) for f in window.findChildren(FormDialog) if f.isVisible()}
        qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        opened = [f for f in window.findChildren(FormDialog)
                  if f.isVisible() and id(f) not in before]
        if key in ("overview", "waiting", "returns", "exchange"):  # no record of their own
            assert opened == []
            continue
        assert len(opened) == 1, key
        offers = [b.text() for b in page.findChildren(QPushButton) if b.isVisible()
                  and b.text().startswith(("新建", "录入约谈"))]
        assert offers, key  # a button too, not only Ctrl+N and the menu
        idle()
        qtbot.keyClick(opened[0], Qt.Key.Key_Escape)
        assert not opened[0].isVisible()
    assert ctx.drafts.pending() == []


def test_the_window_remembers_its_page_and_size(qtbot, ctx, window, idle):
    from gui.main_window import MainWindow
    window.resize(900, 640)
    window.page("penalties")
    size = window.size()
    window.close()
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    idle()
    assert again.current_page().key == "penalties"
    # the offscreen screen is 800 pixels wide: a restored width is kept inside it
    assert again.size().height() == size.height() == 640
