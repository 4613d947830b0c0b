"""The first start on an empty ledger: jurisdiction, operator, demo data or not."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from core import settings
from core.ledger import Ledger

pytestmark = pytest.mark.gui


@pytest.fixture
def blank(app, tmp_path):
    """The app context on a new, empty ledger."""
    from gui.app import open_context

    context, needs_setup = open_context(tmp_path / "ledger" / "ledger.db", tmp_path / "config")
    assert needs_setup
    yield context
    context.db.close()


def _answering(monkeypatch, answer):
    """Make the dialog's exec() run `answer(dialog)` on the real widgets instead of waiting
    for a person; exec returns what the dialog's own accept/reject decided."""
    from gui.dialogs import first_run

    seen = []

    def exec_(dialog):
        seen.append(dialog)
        answer(dialog)
        return dialog.result()
    monkeypatch.setattr(first_run.FirstRunDialog, "exec", exec_)
    return seen


def _label_of(dialog, code: str) -> str:
    return dialog.region.itemText(dialog.region.findData(code))


def test_the_first_start_insists_on_a_listed_region_and_a_name(blank, monkeypatch):
    from gui.app import first_start

    def answer(dialog):
        assert dialog.region_code() == settings.DEFAULT_JURISDICTION  # 临汾市 offered first
        dialog.region.setEditText("曲沃镇")  # no such region
        dialog.accept()
        assert dialog.message.text() == "请从列表中选择行政区划。"
        dialog.region.setEditText("临汾")  # the city and each of its counties
        dialog.accept()
        assert "个行政区划" in dialog.message.text() and "临汾" in dialog.message.text()
        dialog.region.setEditText(_label_of(dialog, "141021"))
        assert dialog.region.currentText() == "山西省临汾市曲沃县 141021"
        dialog.accept()
        assert dialog.message.text() == "请输入操作人姓名。"
        assert dialog.result() != QDialog.DialogCode.Accepted
        dialog.operator.setText("  李文员 ")
        dialog.accept()
        assert dialog.message.text() == "请输入不含空格的登录名。"
        dialog.login.setText("liwy")
        dialog.password.setText("short")
        dialog.accept()
        assert "至少 8 个字符" in dialog.message.text()
        dialog.password.setText("wenyuan-2026")
        dialog.repeat.setText("wenyuan-2025")
        dialog.accept()
        assert dialog.message.text() == "两次输入的密码不一致。"
        dialog.repeat.setText("wenyuan-2026")
        dialog.accept()
    seen = _answering(monkeypatch, answer)
    assert first_start(blank) is True
    assert seen and not seen[0].demo.isChecked()
    assert blank.bureau.jurisdiction == "141021"
    assert [county.name for county in blank.bureau.counties] == ["曲沃县"]
    assert blank.db_operator == "liwy"
    assert (blank.account.login, blank.account.name, blank.account.role.value) == (
        "liwy", "李文员", "admin")
    stored = blank.db.call(lambda ledger: (settings.jurisdiction(ledger),
                                           settings.get(ledger, "operator_name"),
                                           ledger.conn.execute("SELECT count(*) FROM problem")
                                           .fetchone()[0]))
    assert stored == ("141021", "李文员", 0)


@pytest.mark.parametrize("typed, code", [("曲沃", "141021"), ("曲沃县", "141021"),
                                         ("临汾市", "141000"), ("141021", "141021"),
                                         ("山西省临汾市曲沃县", "141021")])
def test_a_region_typed_so_that_only_one_fits_is_taken(blank, typed, code):
    from gui.dialogs.first_run import FirstRunDialog, region_choices

    dialog = FirstRunDialog(blank.db.call(region_choices), settings.DEFAULT_JURISDICTION)
    dialog.region.setEditText(typed)
    assert dialog.region_code() == code


def test_the_first_start_can_load_the_demo_and_cancel_leaves_the_ledger_empty(
        blank, monkeypatch, tmp_path, idle):
    from gui.app import first_start

    _answering(monkeypatch, lambda dialog: dialog.reject())
    assert first_start(blank) is False
    assert blank.db.call(lambda ledger: settings.get(ledger, "operator_name")) is None

    def with_demo(dialog):
        dialog.operator.setText("王晓峰")
        dialog.login.setText("wangxf")
        dialog.password.setText("xiaofeng-2026")
        dialog.repeat.setText("xiaofeng-2026")
        dialog.demo.setChecked(True)
        dialog.accept()
    _answering(monkeypatch, with_demo)
    assert first_start(blank) is True
    idle()
    assert blank.db.call(lambda ledger: ledger.conn.execute(
        "SELECT count(*) FROM problem").fetchone()[0]) == 2507
    blank.db.close()
    with Ledger.open(tmp_path / "ledger" / "ledger.db") as reopened:
        assert settings.jurisdiction(reopened) == settings.DEFAULT_JURISDICTION
