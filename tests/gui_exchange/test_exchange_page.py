"""The Exchange page: files both ways, partners, conflicts resolved by a manager only."""
from __future__ import annotations

import pytest

from core import exchange, problems

pytestmark = pytest.mark.gui


def _new_problem(ledger) -> str:
    return problems.add(ledger, {
        "source": "inspection", "region_code": "141021", "category": "dust",
        "description": "工地未苫盖", "assigned_on": "2026-01-05", "deadline": "2026-03-01",
    }).id


def _run(op, qtbot, idle) -> None:
    qtbot.waitUntil(op.done.is_set, timeout=20_000)
    idle()
    assert op.error is None, op.error


def _description(ctx, problem_id: str) -> str:
    return ctx.db.call(lambda ledger: ledger.conn.execute(
        "SELECT description FROM problem WHERE id = ?", (problem_id,)).fetchone()[0])


def test_a_file_each_way_shows_the_partner_and_take_theirs_resolves_the_conflict(
        page, ctx, other, tmp_path, qtbot, idle):
    assert page.site_name.text() == "甲" and page.model.rowCount() == 0
    pid = ctx.db.call(_new_problem)
    _run(page.export_file(tmp_path / "to_b.ecox", None), qtbot, idle)
    assert "已导出" in page.summary.text()
    assert exchange.import_file(other, tmp_path / "to_b.ecox", confirm=True).applied > 0

    ctx.db.call(lambda ledger: problems.update(ledger, pid, {"description": "甲的描述"}))
    problems.update(other, pid, {"description": "乙的描述"})
    exchange.export(other, tmp_path / "to_a.ecox", to="甲")
    _run(page.import_file(tmp_path / "to_a.ecox", confirm=True), qtbot, idle)

    assert "冲突 1 处" in page.summary.text()
    partners = page.partners.model()
    names = [partners.index(r, 0).data() for r in range(partners.rowCount())]
    assert names == ["乙"]
    assert partners.index(0, 2).data() == "-" and partners.index(0, 3).data() != "-"
    page.partner_choice.setCurrentIndex(page.partner_choice.findText("乙"))
    _run(page.export_file(tmp_path / "again_b.ecox", page.partner_choice.currentData()),
         qtbot, idle)
    assert partners.index(0, 2).data() != "-"  # the last export each way
    assert page.model.rowCount() == 1
    row = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    number = ctx.db.call(lambda ledger: ledger.conn.execute(
        "SELECT number FROM problem WHERE id = ?", (pid,)).fetchone()[0])
    assert row[0] == f"问题 {number}" and row[1] == "问题描述"  # by its number, not its id
    assert partners.index(0, 1).data() == "山西省临汾市"  # the jurisdiction by name, not 141000
    assert row[2:] == ["甲的描述", "乙的描述", "乙"]
    assert not page.take_theirs.isHidden()

    page.conflicts.selectRow(0)
    _run(page.resolve_current("theirs"), qtbot, idle)
    assert page.summary.text() == "冲突已处理"
    assert page.model.rowCount() == 0
    assert _description(ctx, pid) == "乙的描述"


def test_a_refused_file_shows_the_core_message_and_changes_nothing(page, ctx, tmp_path, qtbot,
                                                                    idle):
    ctx.db.call(_new_problem)
    _run(page.export_file(tmp_path / "mine.ecox", None), qtbot, idle)
    op = page.import_file(tmp_path / "mine.ecox", confirm=True)
    qtbot.waitUntil(op.done.is_set, timeout=20_000)
    idle()
    assert page.summary.text() == "这是本机导出的交换文件，无需导入"


def test_clerks_see_conflicts_without_the_buttons_and_cannot_rename(page, ctx, qtbot, idle):
    assert not page.rename_button.isHidden() and not page.site_name.isReadOnly()
    ctx.db.call(lambda ledger: setattr(ledger, "role", "clerk"))
    page.refresh()
    idle()
    for button in (page.keep_mine, page.take_theirs, page.edit_button, page.rename_button):
        assert button.isHidden()
    assert page.site_name.isReadOnly()


def test_an_administrator_renames_the_site(page, ctx, qtbot, idle):
    page.site_name.setText("曲沃县局-执法一队")
    _run(page.rename(), qtbot, idle)
    assert ctx.db.call(lambda ledger: exchange.site(ledger).name) == "曲沃县局-执法一队"
    assert page.site_name.text() == "曲沃县局-执法一队"


def test_an_edited_value_keeps_the_type_of_the_values_in_conflict():
    from gui.pages.exchange import edited_value

    assert edited_value("12", 3) == 12 and edited_value("甲", "乙") == "甲"
    assert edited_value("x", 3) == "x"
