"""The office screen: the window fits 1280×720 in Chinese and in English, with demo data and a
problem selected, and selecting a problem neither grows the window nor squeezes the table."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, QSize, Qt

from gui import i18n
from gui.pages import PAGES

pytestmark = pytest.mark.gui

# A 1280×720 screen less a title bar and a task bar.
ROOM = QSize(1280, 720 - 90)


def _window(app, ctx, qtbot, idle, language: str):
    from gui.main_window import MainWindow

    i18n.install(app, language)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    idle()
    return window


def _busiest_problem(ctx) -> str:
    """The problem with the longest timeline (most log entries and measures)."""
    return ctx.db.call(lambda ledger: ledger.conn.execute(
        "SELECT p.id FROM problem p LEFT JOIN problem_log l ON l.problem_id = p.id "
        "GROUP BY p.id ORDER BY count(l.id) DESC, length(p.description) DESC LIMIT 1"
    ).fetchone()[0])


def _select(qtbot, idle, page, row_id: str) -> None:
    page.filters.search.setText(ctx_number(page, row_id))
    page.filters.search.search.emit(page.filters.search.text())
    idle()
    page.table.selectionModel().setCurrentIndex(
        page.model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    idle()
    qtbot.waitUntil(lambda: page.detail.data is not None
                    and page.detail.data.problem["id"] == row_id)


def ctx_number(page, row_id: str) -> str:
    return page.ctx.db.call(lambda ledger: ledger.conn.execute(
        "SELECT number FROM problem WHERE id = ?", (row_id,)).fetchone()[0])


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_page_fits_a_1280_by_720_screen(app, ctx, qtbot, idle, language):
    window = _window(app, ctx, qtbot, idle, language)
    for entry in PAGES:
        window.page(entry.key)
        idle()
    _select(qtbot, idle, window.page("problems"), _busiest_problem(ctx))
    hint = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert hint.width() <= ROOM.width() and hint.height() <= ROOM.height(), (language, hint)
    assert window.size() == QSize(1280, 720)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_selecting_a_problem_keeps_the_window_and_the_table(app, ctx, qtbot, idle, language):
    window = _window(app, ctx, qtbot, idle, language)
    page = window.page("problems")
    idle()
    table_width = page.table.width()
    _select(qtbot, idle, page, _busiest_problem(ctx))
    assert window.size() == QSize(1280, 720)
    assert page.table.width() == table_width  # the detail does not widen into the table
    assert page.table.width() > page.width() * 0.5
    number = page.columns.index("number")
    assert page.table.columnViewportPosition(number) == 0  # the number column in sight


def test_a_problem_added_to_an_inspection_sheet_is_in_view_with_the_focus(
        app, ctx, window, qtbot, idle):
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QApplication

    from gui.forms import InspectionForm

    window.page("inspections")
    form = InspectionForm(ctx, parent=window)
    qtbot.addWidget(form)
    form.resize(640, 456)
    form.show()
    qtbot.waitUntil(form.isEnabled)
    viewport = form.scroll.viewport()
    for number in range(6):  # more than any screen holds: the form must scroll
        qtbot.keyClick(form, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)
        idle()
        qtbot.wait(50)
        category = form.fields[f"problems[{number}].category"].widget
        assert QApplication.focusWidget() is category
        place = QRect(category.mapTo(viewport, QPoint(0, 0)), category.size())
        assert viewport.rect().contains(place), (number, place, viewport.rect())
    screen = form.screen().availableGeometry()
    assert form.frameGeometry().height() <= screen.height()
