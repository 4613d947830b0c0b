"""The first file of a new partner on the Exchange page: the page names the partner and its
jurisdiction, and imports only after Yes; a manager removes what the partner brought."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from core import exchange, problems

pytestmark = pytest.mark.gui


def _problem(ledger):
    return problems.add(ledger, {"source": "complaint", "region_code": "141021",
                                 "category": "dust", "description": "乙录入的问题",
                                 "assigned_on": "2026-11-02", "deadline": "2026-12-20"}).id


def _count(ctx):
    return ctx.db.call(lambda ledger: ledger.conn.execute(
        "SELECT count(*) FROM problem").fetchone()[0])


def test_a_new_partners_file_is_imported_once_confirmed(page, ctx, other, tmp_path, qtbot,
                                                       idle, monkeypatch):
    _problem(other)
    exchange.export(other, tmp_path / "from_b.ecox")
    page.import_file(tmp_path / "from_b.ecox")
    qtbot.waitUntil(lambda: getattr(page, "partner_question", None) is not None
                    and page.partner_question.isVisible(), timeout=10_000)
    box = page.partner_question
    assert "乙" in box.text() and "山西省临汾市（141000）" in box.text()
    assert _count(ctx) == 0 and "须由科室负责人确认" in page.summary.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _count(ctx) == 1, timeout=10_000)
    idle()
    assert "采用" in page.summary.text()
    qtbot.waitUntil(lambda: not page.remove_button.isHidden())
    page.partners.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kw: QMessageBox.StandardButton.Yes)
    page.ask_remove()
    qtbot.waitUntil(lambda: _count(ctx) == 0, timeout=10_000)
    idle()
    assert "已删除“乙”导入的记录" in page.summary.text()


def test_no_is_nothing_imported(page, ctx, other, tmp_path, qtbot, idle):
    _problem(other)
    exchange.export(other, tmp_path / "from_b.ecox")
    page.import_file(tmp_path / "from_b.ecox")
    qtbot.waitUntil(lambda: getattr(page, "partner_question", None) is not None
                    and page.partner_question.isVisible(), timeout=10_000)
    box = page.partner_question
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    idle()
    assert _count(ctx) == 0 and exchange.partners(other) == []
