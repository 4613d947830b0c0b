"""The import wizard driven as a clerk would: file, columns, checked rows, import."""
from __future__ import annotations

import datetime as dt
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWizard

from core import bulk
from ledger_import.workbooks import sheet_rows, write_sheet

pytestmark = pytest.mark.gui

TODAY = dt.date.today()


def count(ctx, table: str) -> int:
    return ctx.db.call(lambda ledger: ledger.conn.execute(
        f"SELECT count(*) FROM {table}").fetchone()[0])


def settled(wizard, qtbot) -> None:
    qtbot.waitUntil(lambda: wizard.ctx.db.pending == 0, timeout=20_000)


def open_file(window, qtbot, path):
    """The wizard from the menu action, with `path` chosen and its columns proposed."""
    action = next(a for a in window.findChildren(QAction) if a.text() == "导入 Excel 台账…")
    action.trigger()
    wizard = window.findChild(QWizard)
    assert wizard is not None and wizard.isVisible()
    wizard.file_page.choose(path)
    settled(wizard, qtbot)
    assert wizard.file_page.sheet.currentData() == "整改台账"
    wizard.next()
    settled(wizard, qtbot)
    return wizard


def check_rows(wizard, qtbot):
    wizard.next()
    settled(wizard, qtbot)
    return wizard.preview_page


def test_a_good_file_imports_and_the_problems_page_shows_its_rows(window, ctx, qtbot, tmp_path):
    rows = sheet_rows(12, today=TODAY)
    path = write_sheet(tmp_path / "good.xlsx", rows, extra_sheets=("说明",))
    wizard = open_file(window, qtbot, path)
    mapping = wizard.mapping_page
    assert mapping.combos["deadline"].currentText().startswith("K  整改时限")
    assert mapping.grid.item(mapping.fields.index("region"), 2).text() == rows[0][2]

    preview = check_rows(wizard, qtbot)
    assert preview.checked.errors == []
    assert "导入将新增 12，更新 0，未变 0" in preview.counts.text()
    assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()

    wizard.next()
    qtbot.waitUntil(lambda: wizard.run_page.finished, timeout=20_000)
    settled(wizard, qtbot)
    assert "新增 12" in wizard.run_page.summary.text()
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wizard.accept()

    window.page("problems")
    settled(wizard, qtbot)
    model = window.pages["problems"].model
    assert model.rowCount() == 12
    numbers = {model.value(row, "number") for row in range(12)}
    assert numbers == {f"临环督〔2024〕{i}号" for i in range(1, 13)}


def test_a_bad_date_is_shown_by_row_and_column_and_import_stays_disabled(
        window, ctx, qtbot, tmp_path):
    rows = sheet_rows(5, today=TODAY)
    rows[2][9] = "2024-13-45"  # 交办日期 of the third data row
    rows[4][14] = "差不多了"     # an unknown status: a second error
    path = write_sheet(tmp_path / "bad.xlsx", rows, blank_rows=2)  # title, 2 blanks, header
    wizard = open_file(window, qtbot, path)
    preview = check_rows(wizard, qtbot)

    errors = preview.checked.errors
    assert [(issue.row, issue.column) for issue in errors] == [(7, "J")]
    # the unknown status is no error: it stands in the words table, to be mapped
    assert preview.words.rowCount() == 1 and preview.words.item(0, 1).text() == "差不多了"
    assert preview.words.item(0, 2).text() == "1 处：O9"
    assert preview.columns.text().startswith("列：B“问题编号”→问题编号")
    assert errors[0].message.startswith("第 7 行 J 列（交办日期）“2024-13-45”")
    issues = preview.issue_model
    assert [issues.data(issues.index(0, c)) for c in range(4)] == ["7", "J", "交办日期",
                                                                     "2024-13-45"]
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert not preview.isComplete()

    sheet = preview.sheet_model
    cell = sheet.cell_index(errors[0])
    assert sheet.headerData(cell.row(), Qt.Orientation.Vertical) == "7"
    assert sheet.headerData(cell.column(), Qt.Orientation.Horizontal) == "J"
    assert sheet.data(cell) == "2024-13-45"
    assert sheet.data(cell, Qt.ItemDataRole.BackgroundRole).name() == "#ffcdd2"
    preview.show_cell(issues.index(0, 0))
    assert preview.sheet_view.currentIndex() == cell
    assert count(ctx, "problem") == 0


def test_warnings_do_not_block_the_import(window, ctx, qtbot, tmp_path):
    rows = sheet_rows(3, today=TODAY)
    rows[0][14], rows[0][15], rows[0][16] = "整改中", TODAY, None  # a date done, not done
    wizard = open_file(window, qtbot, write_sheet(tmp_path / "warn.xlsx", rows))
    preview = check_rows(wizard, qtbot)
    assert preview.checked.errors == [] and preview.checked.warnings
    warning = preview.checked.warnings[0]
    colour = preview.sheet_model.data(preview.sheet_model.cell_index(warning),
                                      Qt.ItemDataRole.BackgroundRole)
    assert colour.name() == "#ffe9b3"
    assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()


def test_the_mapping_can_be_corrected_and_requires_its_fields(window, ctx, qtbot, tmp_path):
    headers = ("问题编号", "所属区县", "问题描述", "交办日期", "期满", "备注")
    row = ["X-1", "曲沃县", "道路扬尘明显", TODAY - dt.timedelta(days=5),
           TODAY + dt.timedelta(days=20), "无"]
    wizard = open_file(window, qtbot, write_sheet(tmp_path / "odd.xlsx", [row],
                                                   headers=headers))
    mapping = wizard.mapping_page
    assert mapping.found.text() == "表头在第 3 行，数据从第 4 行开始。"  # below title and blank
    assert mapping.combos["deadline"].currentData() is None  # 期满 is not a known header
    assert mapping.isComplete()  # a deadline may be missing (a complaint list has none)
    deadline = mapping.combos["deadline"]
    deadline.setCurrentIndex(deadline.findData(4))
    # one column feeds one field: giving 问题描述's column to the deadline takes it away
    deadline.setCurrentIndex(deadline.findData(2))
    assert mapping.combos["description"].currentData() is None and not mapping.isComplete()
    mapping.combos["description"].setCurrentIndex(mapping.combos["description"].findData(2))
    deadline.setCurrentIndex(deadline.findData(4))
    assert mapping.isComplete()

    preview = check_rows(wizard, qtbot)
    assert preview.checked.errors == []
    wizard.next()
    qtbot.waitUntil(lambda: wizard.run_page.finished, timeout=20_000)
    settled(wizard, qtbot)
    deadline_in_ledger = ctx.db.call(lambda ledger: ledger.conn.execute(
        "SELECT deadline FROM problem WHERE number = 'X-1'").fetchone()[0])
    assert deadline_in_ledger == (TODAY + dt.timedelta(days=20)).isoformat()


def test_stopping_the_import_leaves_the_database_unchanged(window, ctx, qtbot, tmp_path,
                                                           monkeypatch):
    path = write_sheet(tmp_path / "big.xlsx", sheet_rows(60, today=TODAY))
    wizard = open_file(window, qtbot, path)
    preview = check_rows(wizard, qtbot)
    assert preview.checked.errors == []
    before = {table: count(ctx, table) for table in ("problem", "enterprise", "batch")}

    # Hold the worker after its first insert, inside the transaction, until the stop lands.
    inserted = threading.Event()
    real_insert = bulk.insert_rows

    def insert_then_wait(*args, **kwargs):
        real_insert(*args, **kwargs)
        inserted.set()
        op = wizard.run_page.op
        for _ in range(1000):
            if op is None or op.cancelled():
                break
            threading.Event().wait(0.01)

    monkeypatch.setattr(bulk, "insert_rows", insert_then_wait)
    wizard.next()
    qtbot.waitUntil(inserted.is_set, timeout=20_000)
    qtbot.mouseClick(wizard.run_page.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.run_page.finished, timeout=20_000)
    settled(wizard, qtbot)

    assert wizard.run_page.summary.text() == "已取消导入，未写入任何数据。"
    assert wizard.run_page.outcome is None
    assert {table: count(ctx, table) for table in before} == before
    assert count(ctx, "problem") == 0


def test_closing_the_wizard_while_importing_stops_first(window, ctx, qtbot, tmp_path,
                                                        monkeypatch):
    wizard = open_file(window, qtbot, write_sheet(tmp_path / "g.xlsx", sheet_rows(8)))
    check_rows(wizard, qtbot)
    gate = threading.Event()
    real_insert = bulk.insert_rows

    def insert_slowly(*args, **kwargs):
        gate.wait(10)
        real_insert(*args, **kwargs)

    monkeypatch.setattr(bulk, "insert_rows", insert_slowly)
    wizard.next()
    wizard.reject()
    assert wizard.isVisible()  # still open: the worker has not stopped yet
    gate.set()
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=20_000)
    settled(wizard, qtbot)
    assert count(ctx, "problem") == 0


def test_the_preview_models_pass_qt_model_checks(window, ctx, qtbot, qtmodeltester, tmp_path):
    rows = sheet_rows(4, today=TODAY)
    rows[1][10] = "明年"
    wizard = open_file(window, qtbot, write_sheet(tmp_path / "m.xlsx", rows))
    preview = check_rows(wizard, qtbot)
    assert preview.issue_model.rowCount() == len(preview.checked.issues) == 1
    assert preview.sheet_model.rowCount() == 5  # the header row and four data rows
    qtmodeltester.check(preview.issue_model, force_py=True)
    qtmodeltester.check(preview.sheet_model, force_py=True)


def test_batch_sheets_are_read_together_and_a_new_word_is_mapped_in_the_table(
        window, ctx, qtbot, tmp_path):
    from ledger_import.layouts import complaint_lists

    ctx.db.call(lambda ledger: __import__("core.units", fromlist=["add"]).add(
        ledger, "市直单位", "department"))
    path = complaint_lists(tmp_path / "一览表.xlsx")
    action = next(a for a in window.findChildren(QAction) if a.text() == "导入 Excel 台账…")
    action.trigger()
    wizard = window.findChild(QWizard)
    wizard.file_page.choose(path)
    settled(wizard, qtbot)
    assert wizard.file_page.sheet.currentText() == "全部工作表（每表一个批次）"  # 第一批, 第二批
    wizard.next()
    settled(wizard, qtbot)
    preview = check_rows(wizard, qtbot)
    assert preview.checked.sheets == ["第一批", "第二批"] and not preview.checked.errors
    notices = preview.notices.text().splitlines()
    assert notices[0] == "首次有问题的单位：市直单位"
    assert "工作表“汇总”未导入：汇总表" in notices and "工作表“字典”未导入：隐藏的工作表" in notices
    assert (preview.words.rowCount(), preview.words.item(0, 1).text()) == (1, "油烟")
    assert preview.words.item(0, 2).text() == "2 处：第一批!E6、第二批!E5"
    choice = preview.words.cellWidget(0, 3)
    assert choice.currentText() == "按“其他”（未对照）"
    choice.setCurrentIndex(choice.findData("waste_gas"))  # checks the rows again
    settled(wizard, qtbot)
    assert preview.checked.unknown == []
    assert preview.words.rowCount() == 1  # the choice stays shown, to be changed
    assert preview.words.cellWidget(0, 3).currentText() == "废气"
    wizard.next()
    qtbot.waitUntil(lambda: wizard.run_page.finished, timeout=20_000)
    settled(wizard, qtbot)
    assert count(ctx, "problem") == 6
    assert ctx.db.call(lambda ledger: ledger.conn.execute(
        "SELECT count(*) FROM problem WHERE category = 'waste_gas'").fetchone()[0]) == 3
    remembered = ctx.db.call(lambda ledger: [tuple(r) for r in ledger.conn.execute(
        "SELECT kind, word, target FROM import_word_map")])
    assert remembered == [("category", "油烟", "waste_gas")]


def test_check_again_reads_the_corrected_file_and_new_enterprises_are_announced(
        window, ctx, qtbot, tmp_path):
    rows = sheet_rows(4, today=TODAY)
    rows[1][9] = "2024-13-45"
    path = write_sheet(tmp_path / "fix.xlsx", rows)
    wizard = open_file(window, qtbot, path)
    preview = check_rows(wizard, qtbot)
    assert len(preview.checked.errors) == 1 and not preview.isComplete()
    assert preview.notices.text().startswith("将新增企业 ")
    rows[1][9] = rows[1][10] - dt.timedelta(days=30)  # the clerk corrects the file, saves it
    write_sheet(path, rows)
    qtbot.mouseClick(preview.recheck, Qt.MouseButton.LeftButton)
    settled(wizard, qtbot)
    assert preview.checked.errors == [] and preview.isComplete()
    assert "导入将新增 4" in preview.counts.text()


def test_a_typed_path_is_read_once_typing_pauses(window, ctx, qtbot, tmp_path):
    path = write_sheet(tmp_path / "typed.xlsx", sheet_rows(2, today=TODAY))
    action = next(a for a in window.findChildren(QAction) if a.text() == "导入 Excel 台账…")
    action.trigger()
    wizard = window.findChild(QWizard)
    qtbot.keyClicks(wizard.file_page.path, str(path))
    qtbot.waitUntil(lambda: wizard.file_page.sheet.currentData() == "整改台账", timeout=5_000)
    assert wizard.file_page.isComplete()
