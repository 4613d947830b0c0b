"""The code lists dialog, driven through its real widgets: a manager adds a category and a
zone, merges two categories, reorders; a clerk sees every action disabled and why."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from core import codes, problems, regions, statistics, units
from gui.dialogs.code_lists import CodeListsDialog

from gui_keys import type_text


@pytest.fixture
def dialog(ctx, qtbot, idle):
    shown = CodeListsDialog(ctx)
    qtbot.addWidget(shown)
    shown.show()
    idle()
    return shown


def write(qtbot, widget, text: str) -> None:
    """Type into `widget` as a clerk does, after clicking into it."""
    widget.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)
    type_text(qtbot, widget, text)


def rows(tab) -> list[list[str]]:
    model = tab.model
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def select(tab, code: str, idle) -> None:
    tab.select_code(code)
    idle()


def test_a_manager_adds_a_category_with_synonyms(dialog, ctx, qtbot, idle):
    tab = dialog.categories
    assert rows(tab)[2][:2] == ["dust", "扬尘"] and tab.add_button.isEnabled()
    write(qtbot, tab.label, "土壤污染")
    write(qtbot, tab.synonyms, "土壤、耕地")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    idle()
    code = rows(tab)[-1][0]
    assert code.startswith("x") and rows(tab)[-1][1:3] == ["土壤污染", "土壤、耕地"]
    assert "土壤污染" in tab.message.text() and tab.current().code == code
    assert not tab.add_button.isEnabled()  # an entry is selected: save, move, retire, merge
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    assert tab.label.text() == "" and tab.add_button.isEnabled()
    write(qtbot, tab.label, "辐射")
    write(qtbot, tab.code, "radiation")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    idle()
    assert rows(tab)[-1][:2] == ["radiation", "辐射"]
    assert ctx.db.call(lambda ledger: codes.resolve(ledger, "category", "耕地")) == code
    assert (code, "土壤污染") in ctx.bureau.choices("category")  # the forms offer it


def test_a_refused_change_says_why_in_the_dialog(dialog, qtbot, idle):
    tab = dialog.categories
    write(qtbot, tab.label, "粉尘")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    idle()
    assert "扬尘" in tab.message.text() and "b00020" in tab.message.styleSheet()


def test_rename_reorder_and_retire(dialog, ctx, qtbot, idle):
    tab = dialog.sources
    select(tab, "complaint", idle)
    tab.label.clear()
    write(qtbot, tab.label, "信访举报")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    idle()
    entry = ctx.db.call(lambda ledger: codes.get(ledger, "source", "complaint"))
    assert entry.label == "信访举报" and "群众举报（12369）" in entry.synonyms
    qtbot.mouseClick(tab.up_button, Qt.MouseButton.LeftButton)
    idle()
    # (other, 其他来源, the import's catch-all, stays last)
    assert [r[0] for r in rows(tab)][-3:] == ["complaint", "strengthened_supervision", "other"]
    qtbot.mouseClick(tab.retire_button, Qt.MouseButton.LeftButton)
    idle()
    assert rows(tab)[-3][4] == "已停用" and tab.retire_button.text() == "重新启用"


def test_merge_moves_the_rows(dialog, ctx, qtbot, idle, monkeypatch):
    count = ctx.db.call(lambda ledger: ledger.conn.execute(
        "SELECT count(*) FROM problem WHERE category = 'solid_waste'").fetchone()[0])
    assert count > 0
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    tab = dialog.categories
    select(tab, "solid_waste", idle)
    tab.merge_into.set_code("hazardous_waste")
    qtbot.mouseClick(tab.merge_button, Qt.MouseButton.LeftButton)
    idle()
    assert ctx.db.call(lambda ledger: ledger.conn.execute(
        "SELECT count(*) FROM problem WHERE category = 'solid_waste'").fetchone()[0]) == 0
    moved = ctx.db.call(lambda ledger: ledger.conn.execute(
        "SELECT count(*) FROM audit_log WHERE table_name = 'problem' AND action = 'update' "
        "AND json_extract(old, '$.category') = 'solid_waste'").fetchone()[0])
    assert moved == count
    assert [r for r in rows(tab) if r[0] == "solid_waste"][0][4] == "已并入 hazardous_waste"


def test_a_manager_adds_a_zone_and_the_figures_show_it(dialog, ctx, qtbot, idle):
    tab = dialog.units
    write(qtbot, tab.name, "临汾经济开发区")
    tab.kind.set_code("zone")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    idle()
    assert rows(tab) == [["141000Z01", "临汾经济开发区", "开发区", "临汾市", "使用中"]]
    assert "141000Z01" in [r.code for r in ctx.bureau.counties]  # the pickers offer it

    def use(ledger):
        problems.add(ledger, {"source": "inspection", "region_code": "141000Z01",
                              "category": "dust", "description": "开发区工地扬尘",
                              "assigned_on": "2026-11-20", "deadline": "2026-12-20"})
        return {p.key: (p.name, p.assigned) for p in statistics.breakdown(ledger).by["region"]}
    assert ctx.db.call(use)["141000Z01"] == ("临汾经济开发区", 1)
    select(tab, "141000Z01", idle)
    tab.name.clear()
    write(qtbot, tab.name, "临汾经济技术开发区")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    idle()
    assert ctx.db.call(lambda ledger: regions.get(ledger, "141000Z01").name) == "临汾经济技术开发区"


def test_a_clerk_sees_the_lists_with_every_action_disabled_and_why(ctx, qtbot, idle):
    def clerk(ledger):
        ledger.role = "clerk"
    ctx.db.call(clerk)
    dialog = CodeListsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    idle()
    assert rows(dialog.categories)[0][1] == "散乱污企业"
    for tab in (dialog.categories, dialog.sources, dialog.units):
        assert not any(widget.isEnabled() for widget in tab.editors)
    assert dialog.categories.merge_button in dialog.categories.editors
    assert dialog.reason.isVisible() and "录入员" in dialog.reason.text()


def test_the_problem_form_offers_the_ledgers_lists_and_takes_further_categories(
        ctx, qtbot, idle):
    from gui.forms import ProblemForm

    ctx.db.call(lambda ledger: (codes.add(ledger, "category", "土壤污染", code="soil"),
                                units.add(ledger, "高新区", "zone")))
    ctx.db.call(lambda ledger: codes.retire(ledger, "category", "other"))
    idle()  # the bureau is read again: the pickers follow
    form = ProblemForm(ctx)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitUntil(form.isEnabled)
    category = form.fields["category"].widget
    offered = [category.itemData(i) for i in range(category.count())]
    assert "soil" in offered and "other" not in offered
    region = form.fields["region_code"].widget
    assert region.findData("141000Z01") >= 0
    category.set_code("soil")
    region.set_code("141000Z01")
    form.fields["source"].widget.set_code("inspection")
    write(qtbot, form.fields["extra_categories"].widget, "噪声、扬尘")
    write(qtbot, form.fields["description"].widget, "高新区某厂土壤污染")
    write(qtbot, form.fields["assigned_on"].widget, "2026-11-20")
    write(qtbot, form.fields["deadline"].widget, "2026-12-20")
    idle()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    idle()
    stored = ctx.db.call(lambda ledger: tuple(ledger.conn.execute(
        "SELECT category, extra_categories, region_code FROM problem "
        "WHERE description = '高新区某厂土壤污染'").fetchone()))
    assert stored == ("soil", "noise,dust", "141000Z01")
