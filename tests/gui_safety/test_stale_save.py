"""One editor per record, and a stale save shown with both values, then reloaded or
re-applied."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from core import enterprises
from gui.forms import EnterpriseForm
from gui.forms.stale import StaleDialog

pytestmark = pytest.mark.gui


def _first_firm(ctx):
    return ctx.db.call(lambda ledger: tuple(ledger.conn.execute(
        "SELECT id, address FROM enterprise ORDER BY name COLLATE pinyin, rowid LIMIT 1"
    ).fetchone()))  # the first row of the Enterprises page (pinyin order)


def _open_editor(qtbot, window, idle):
    page = window.page("enterprises")
    idle()
    index = page.model.index(0, 0)
    page.table.setCurrentIndex(index)
    page.open_row(0)           # the double-click ...
    page.table.activated.emit(index)   # ... and the activation Qt sends with it
    idle()
    forms = [f for f in window.findChildren(EnterpriseForm) if f.isVisible()]
    assert len(forms) == 1
    qtbot.waitUntil(forms[0].isEnabled)
    return page, forms[0]


def _saved_elsewhere(ctx, firm, address):
    def write(ledger):
        ledger.operator = "wang"
        try:
            enterprises.update(ledger, firm, {"address": address})
        finally:
            ledger.operator = "测试员"
    ctx.db.call(write)


def test_a_second_double_click_raises_the_open_editor(qtbot, ctx, window, idle):
    page, form = _open_editor(qtbot, window, idle)
    page.open_row(0)
    idle()
    assert [f for f in window.findChildren(EnterpriseForm) if f.isVisible()] == [form]
    form.reject()
    idle()
    page.open_row(0)
    idle()
    again = [f for f in window.findChildren(EnterpriseForm) if f.isVisible()]
    assert len(again) == 1 and again[0] is not form


def test_a_stale_save_shows_both_values_and_reloads(qtbot, ctx, window, idle):
    firm, _ = _first_firm(ctx)
    _, form = _open_editor(qtbot, window, idle)
    _saved_elsewhere(ctx, firm, "里村镇99号")
    form.fields["address"].widget.setText("里村镇88号")
    form.accept()
    qtbot.waitUntil(lambda: getattr(form, "stale_dialog", None) is not None
                    and form.stale_dialog.isVisible())
    dialog = form.stale_dialog
    cells = [[dialog.table.item(0, c).text() for c in range(4)]]
    assert cells[0][0] == "地址" and cells[0][2] == "里村镇99号" and cells[0][3] == "里村镇88号"
    assert "wang" in form.general.text()
    assert _first_firm(ctx)[1] == "里村镇99号"     # nothing of the stale save written
    qtbot.mouseClick(dialog.reload_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.fields["address"].widget.text() == "里村镇99号")
    qtbot.waitUntil(form.isEnabled)
    form.fields["key_monitored"].widget.setChecked(True)
    form.accept()                                  # based on the reloaded version: saved
    qtbot.waitUntil(lambda: not form.isVisible())
    assert ctx.db.call(lambda ledger: enterprises.get(ledger, firm)["key_monitored"]) == 1


def test_apply_mine_again_writes_over_on_purpose(qtbot, ctx, window, idle):
    firm, _ = _first_firm(ctx)
    _, form = _open_editor(qtbot, window, idle)
    _saved_elsewhere(ctx, firm, "里村镇99号")
    form.fields["address"].widget.setText("里村镇77号")
    form.accept()
    qtbot.waitUntil(lambda: getattr(form, "stale_dialog", None) is not None
                    and form.stale_dialog.isVisible())
    qtbot.mouseClick(form.stale_dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible())
    idle()
    assert _first_firm(ctx)[1] == "里村镇77号"
    assert isinstance(form.stale_dialog, StaleDialog)
    assert QApplication.activeModalWidget() is None or not isinstance(
        QApplication.activeModalWidget(), StaleDialog)


def test_a_draft_restored_after_someone_saved_the_record_is_refused_as_stale(
        qtbot, ctx, window, idle):
    from gui.main_window import MainWindow

    firm, _ = _first_firm(ctx)
    _, form = _open_editor(qtbot, window, idle)
    form.fields["address"].widget.setText("里村镇88号")   # typed, then the window went away
    window.close()
    assert len(ctx.drafts.pending()) == 1
    _saved_elsewhere(ctx, firm, "里村镇99号")
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    again.show()
    idle()
    [restored] = again.restore_drafts()
    qtbot.waitUntil(restored.isEnabled)
    assert restored.fields["address"].widget.text() == "里村镇88号"
    restored.accept()
    qtbot.waitUntil(lambda: getattr(restored, "stale_dialog", None) is not None
                    and restored.stale_dialog.isVisible())
    assert _first_firm(ctx)[1] == "里村镇99号"
