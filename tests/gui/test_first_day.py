"""The first day: an empty ledger says what to do and offers it; a saved record is
selected and said so; a date filter that is not a date says why."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core import settings
from core.ledger import Ledger

from gui_keys import focused, tab, type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def empty_ctx(app, tmp_path):
    """The app context on a set-up ledger that holds no record yet."""
    from gui.app import open_context

    path = tmp_path / "data" / "ledger.db"
    path.parent.mkdir()
    with Ledger.open(path, operator="测试员") as made:
        settings.set_jurisdiction(made, "141000")
        settings.put(made, "operator_name", "测试员")
    context, needs_setup = open_context(path, tmp_path)
    assert not needs_setup
    yield context
    context.db.close()


@pytest.fixture
def empty_window(empty_ctx, qtbot):
    from gui.main_window import MainWindow

    main = MainWindow(empty_ctx)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: empty_ctx.db.pending == 0)
    return main


def test_an_empty_ledger_says_what_to_do_and_offers_it(empty_window, empty_ctx, qtbot):
    from gui.forms import ProblemForm

    for key in ("problems", "enterprises", "inspections", "penalties"):
        page = empty_window.page(key)
        qtbot.waitUntil(lambda: page.empty.isVisible() and page.empty.demo_button.isVisible())
        assert not page.table.isVisible()
        assert page.empty.new_button.text() == "新建记录"
        assert page.empty.import_button.text() == "从 Excel 导入台账…"
        assert page.empty.demo_button.text() == "载入演示数据"
        assert page.new_button.isVisible() and page.new_button.text() == "新建"
    problems = empty_window.page("problems")
    assert "还没有问题" in problems.empty.text.text()
    qtbot.mouseClick(problems.empty.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(f.isVisible() for f in empty_window.findChildren(ProblemForm)))
    next(f for f in empty_window.findChildren(ProblemForm)).reject()
    qtbot.mouseClick(problems.empty.import_button, Qt.MouseButton.LeftButton)
    from gui.import_wizard import ImportWizard
    wizards = [w for w in empty_window.findChildren(ImportWizard) if w.isVisible()]
    assert wizards
    wizards[0].reject()


def test_loading_the_demo_from_the_empty_page_fills_it(empty_window, empty_ctx, qtbot):
    problems = empty_window.page("problems")
    qtbot.waitUntil(lambda: problems.empty.demo_button.isVisible())
    qtbot.mouseClick(problems.empty.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: problems.model.rowCount() == 2507, timeout=120_000)
    assert problems.table.isVisible() and not problems.empty.isVisible()


def test_a_new_problem_saved_is_numbered_selected_and_said_so(window, ctx, qtbot, idle):
    from gui.forms import ProblemForm

    page = window.page("problems")
    idle()
    page.table.setCurrentIndex(page.model.index(5, 0))
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(f.isVisible() for f in window.findChildren(ProblemForm)))
    form = next(f for f in window.findChildren(ProblemForm) if f.isVisible())
    qtbot.waitUntil(form.isEnabled)
    form.fields["enterprise_id"].widget.setFocus()
    type_text(qtbot, focused(), ctx.db.call(lambda ledger: ledger.conn.execute(
        "SELECT credit_code FROM enterprise WHERE region_code = '141021' LIMIT 1").fetchone()[0]))
    form.fields["description"].widget.setFocus()
    type_text(qtbot, focused(), "新建后应选中的问题：料场未苫盖")
    form.fields["assigned_on"].widget.setFocus()
    type_text(qtbot, focused(), "2026-11-02")
    tab(qtbot)
    type_text(qtbot, focused(), "2026-12-31")
    idle()
    number_edit = form.fields["number"].widget
    qtbot.waitUntil(lambda: number_edit.placeholderText().startswith("留空则自动编号为 141021-"))
    told = number_edit.placeholderText().rsplit(" ", 1)[-1]
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not form.isVisible())
    qtbot.waitUntil(lambda: page.current_id() is not None and "料场未苫盖" in (
        page.model.value(page.table.currentIndex().row(), "description") or ""))
    row = page.table.currentIndex().row()
    number = page.model.value(row, "number")
    assert number == told  # numbered automatically at creation, as the form said
    assert window.statusBar().currentMessage() == f"已保存“{number}”，新记录已选中。"
    qtbot.waitUntil(lambda: number in page.detail.heading.text())
    assert page.table.visualRect(page.table.currentIndex()).intersects(
        page.table.viewport().rect())  # scrolled into view


def test_a_date_filter_that_is_not_a_date_says_so_in_chinese(window, qtbot, idle):
    page = window.page("problems")
    idle()
    total = page.model.rowCount()
    page.filters.date_from.setText("2024-02-30")
    page.filters.date_from.setFocus()
    qtbot.keyClick(page.filters.date_from, Qt.Key.Key_Return)
    idle()
    error = page.filters.date_error
    assert error.isVisible()
    assert error.text() == "“2024-02-30”不是日期，请写成 2024-08-05 或 2024年8月5日。"
    assert "b3261e" in page.filters.date_from.styleSheet()
    assert page.model.rowCount() == total
    page.filters.date_from.setText("2024年1月1日")
    qtbot.keyClick(page.filters.date_from, Qt.Key.Key_Return)
    idle()
    assert not error.isVisible() and page.filters.date_from.text() == "2024-01-01"


def test_a_new_record_the_filters_hide_is_said_so(window, ctx, qtbot, idle):
    from gui.forms import EnterpriseForm

    page = window.page("enterprises")
    idle()
    page.filters.search.setText("不会匹配任何企业的名称")
    qtbot.keyClick(page.filters.search, Qt.Key.Key_Return)
    idle()
    assert page.model.rowCount() == 0 and page.table.isVisible()  # filtered, not empty
    assert page.count_label.text() == "没有符合当前筛选条件的记录，点“清除筛选”显示全部。"
    page.new_record()
    form = next(f for f in window.findChildren(EnterpriseForm) if f.isVisible())
    qtbot.waitUntil(form.isEnabled)
    form.fields["name"].widget.setText("临汾市新建测试化工有限公司")
    form.fields["region_code"].widget.set_code("141021")
    idle()
    form.accept()
    qtbot.waitUntil(lambda: not form.isVisible())
    qtbot.waitUntil(lambda: "清除筛选" in window.statusBar().currentMessage())
    assert "临汾市新建测试化工有限公司" in window.statusBar().currentMessage()


def test_red_rows_are_explained(window, qtbot, idle):
    page = window.page("problems")
    idle()
    assert page.legend.isVisible() and "红色：逾期" in page.legend.text()
    page.filters.overdue.setChecked(True)
    idle()
    assert page.model.rowCount() > 0
    index = page.model.index(0, page.columns.index("description"))
    tip = page.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert tip.endswith("红色：逾期（未销号且已过现行整改时限）")
    assert page.model.data(index, Qt.ItemDataRole.DisplayRole) in tip


def test_an_edit_saved_is_said_so(window, ctx, qtbot, idle):
    from gui.forms import EnterpriseForm

    page = window.page("enterprises")
    idle()
    page.open_row(0)
    form = next(f for f in window.findChildren(EnterpriseForm) if f.isVisible())
    qtbot.waitUntil(form.isEnabled)
    form.fields["address"].widget.setText("临汾市尧都区新华街 1 号")
    idle()
    form.accept()
    qtbot.waitUntil(lambda: not form.isVisible())
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "已保存。")
