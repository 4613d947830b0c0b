"""The Exchange page without a terminal: the shared key file chosen on the page, export
options, the progress dialog with Cancel, and conflicts whose long values stay readable."""
from __future__ import annotations

import time
import zipfile

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QPushButton

from core import attachments, exchange, problems
from core.exchange import keys
from gui.pages.exchange import ExportChoice

from .test_exchange_page import _description, _new_problem, _run

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def no_environment_key(monkeypatch):
    monkeypatch.delenv(keys.KEY_VARIABLE, raising=False)


def _dialog_answers(monkeypatch, method: str, path) -> None:
    monkeypatch.setattr(QFileDialog, method, lambda *args, **kwargs: (str(path), ""))


def _problem_ids(ledger) -> set[str]:
    return {r[0] for r in ledger.conn.execute("SELECT id FROM problem")}


def test_a_key_file_chosen_on_the_page_signs_and_checks_exchange_files(
        page, ctx, other, tmp_path, qtbot, idle, monkeypatch):
    assert "未设置共享密钥" in page.key_label.text() and page.key_fingerprint.text() == ""
    bureau = exchange.generate_key_file(tmp_path / "bureau.key")  # made on PC 乙
    exchange.set_key_file(other, bureau.path)
    from_b = _new_problem(other)
    exchange.export(other, tmp_path / "from_b.ecox", key=keys.key_bytes(other))

    _dialog_answers(monkeypatch, "getSaveFileName", tmp_path / "wrong.key")
    _run(page.ask_new_key_file(), qtbot, idle)  # 甲 makes a key of its own by mistake
    assert (tmp_path / "wrong.key").is_file()
    assert str(tmp_path / "wrong.key") in page.key_label.text()
    op = page.import_file(tmp_path / "from_b.ecox", confirm=True)
    qtbot.waitUntil(op.done.is_set, timeout=20_000)
    idle()
    assert "签名与本局共享密钥不符" in page.summary.text()
    assert from_b not in ctx.db.call(_problem_ids)

    _dialog_answers(monkeypatch, "getOpenFileName", bureau.path)
    _run(page.ask_key_file(), qtbot, idle)
    assert bureau.fingerprint in page.key_fingerprint.text()
    assert str(bureau.path) in page.key_label.text()
    _run(page.import_file(tmp_path / "from_b.ecox", confirm=True), qtbot, idle)
    assert "已从 乙 导入" in page.summary.text()
    assert from_b in ctx.db.call(_problem_ids)

    mine = ctx.db.call(_new_problem)
    _run(page.export_file(tmp_path / "to_b.ecox", None), qtbot, idle)
    stranger = exchange.generate_key_file(tmp_path / "stranger.key")
    with pytest.raises(Exception, match="签名"):
        exchange.import_file(other, tmp_path / "to_b.ecox", key=stranger.key, confirm=True)
    assert exchange.import_file(other, tmp_path / "to_b.ecox",
                                key=keys.key_bytes(other), confirm=True).applied > 0
    assert mine in _problem_ids(other)


def test_a_new_key_file_never_replaces_one_and_the_environment_wins(
        page, ctx, tmp_path, qtbot, idle, monkeypatch):
    existing = tmp_path / "bureau.key"
    existing.write_bytes(b"the key the other PCs hold")
    _dialog_answers(monkeypatch, "getSaveFileName", existing)
    op = page.ask_new_key_file()
    qtbot.waitUntil(op.done.is_set, timeout=10_000)
    idle()
    assert "已存在" in page.summary.text()
    assert existing.read_bytes() == b"the key the other PCs hold"

    _dialog_answers(monkeypatch, "getOpenFileName", existing)
    _run(page.ask_key_file(), qtbot, idle)
    monkeypatch.setenv(keys.KEY_VARIABLE, "from the environment")
    page.refresh()
    idle()
    assert keys.KEY_VARIABLE in page.key_label.text()
    assert str(existing) in page.key_label.text()  # remembered, shown as not in use
    assert keys.fingerprint(b"from the environment") in page.key_fingerprint.text()


def test_a_key_file_gone_since_is_said_on_the_page(page, ctx, tmp_path, qtbot, idle,
                                                    monkeypatch):
    made = exchange.generate_key_file(tmp_path / "usb.key")
    _dialog_answers(monkeypatch, "getOpenFileName", made.path)
    _run(page.ask_key_file(), qtbot, idle)
    made.path.unlink()
    page.refresh()
    idle()
    assert "找不到共享密钥文件" in page.key_label.text()
    _run(page.forget_key(), qtbot, idle)
    assert "未设置共享密钥" in page.key_label.text()


def _slowly(monkeypatch, name: str, pause: float = 0.4) -> None:
    """Make core's export or import pause at each progress report, so the dialog shows."""
    real = getattr(exchange, name)

    def slow(*args, progress=None, **kwargs):
        def report(done: int, total: int, message: str) -> None:
            progress(done, total, message)
            time.sleep(pause)
        return real(*args, progress=report, **kwargs)
    monkeypatch.setattr(exchange, name, slow)


def _dialog(page) -> QProgressDialog | None:
    found = page.findChildren(QProgressDialog)
    return found[-1] if found else None


def test_an_export_shows_a_progress_dialog_and_the_page_refreshes(
        page, ctx, other, tmp_path, qtbot, idle, monkeypatch):
    ctx.db.call(_new_problem)
    _slowly(monkeypatch, "export")
    site_b = exchange.site(other).id
    op = page.export_file(tmp_path / "to_b.ecox", ExportChoice(to=site_b))
    qtbot.waitUntil(lambda: _dialog(page) is not None and _dialog(page).isVisible(),
                    timeout=5_000)
    label = _dialog(page).labelText()
    assert "正在导出交换文件" in label and ("收集" in label or "写入" in label)
    assert not page.export_button.isEnabled()
    _run(op, qtbot, idle)
    assert not _dialog(page).isVisible() and page.export_button.isEnabled()
    assert "已导出 2 条更改" in page.summary.text()
    partners = page.partners.model()
    assert partners.rowCount() == 1 and partners.index(0, 2).data() != "-"
    assert page.partner_choice.findData(site_b) > 0


def test_cancelling_an_import_leaves_the_ledger_unchanged(page, ctx, other, tmp_path, qtbot,
                                                           idle, monkeypatch):
    from_b = _new_problem(other)
    exchange.export(other, tmp_path / "from_b.ecox")
    _slowly(monkeypatch, "import_file")
    op = page.import_file(tmp_path / "from_b.ecox", confirm=True)
    qtbot.waitUntil(lambda: _dialog(page) is not None and _dialog(page).isVisible(),
                    timeout=5_000)
    assert "正在导入交换文件" in _dialog(page).labelText()
    _dialog(page).findChild(QPushButton).click()  # its Cancel button
    qtbot.waitUntil(op.done.is_set, timeout=10_000)
    idle()
    assert page.summary.text() == "已取消导入，台账未改变。"
    assert from_b not in ctx.db.call(_problem_ids)
    assert page.partners.model().rowCount() == 0


def test_with_files_carries_the_attachments_and_send_again_repeats(
        page, ctx, other, tmp_path, qtbot, idle):
    photo = tmp_path / "现场.jpg"
    photo.write_bytes(b"\xff\xd8 a photo of the site")
    pid = ctx.db.call(_new_problem)
    ctx.db.call(lambda ledger: attachments.attach(ledger, pid, [photo]))
    assert not page.again.isEnabled()  # a file for any site starts from nothing anyway
    page.with_files.setChecked(True)
    _run(page.export_file(tmp_path / "all.ecox", page.export_choice()), qtbot, idle)
    assert "1 个附件文件" in page.summary.text()
    with zipfile.ZipFile(tmp_path / "all.ecox") as archive:
        carried = [n for n in archive.namelist() if n.startswith("files/")]
    assert len(carried) == 1
    summary = exchange.import_file(other, tmp_path / "all.ecox", confirm=True)
    assert summary.files == 1
    [stored] = attachments.of_problem(other, pid)
    assert stored.path.read_bytes() == photo.read_bytes()

    page.with_files.setChecked(False)
    site_b = exchange.site(other).id
    _run(page.export_file(tmp_path / "1.ecox", ExportChoice(to=site_b)), qtbot, idle)
    _run(page.export_file(tmp_path / "2.ecox", ExportChoice(to=site_b)), qtbot, idle)
    assert "已导出 0 条更改" in page.summary.text()
    page.partner_choice.setCurrentIndex(page.partner_choice.findData(site_b))
    assert page.again.isEnabled()
    page.again.setChecked(True)
    _run(page.export_file(tmp_path / "3.ecox", page.export_choice()), qtbot, idle)
    assert "已导出 3 条更改" in page.summary.text()  # problem, its log, the attachment


def test_a_long_conflicting_value_is_whole_in_the_tooltip_and_the_buttons_stay(
        page, ctx, other, tmp_path, qtbot, idle):
    pid = ctx.db.call(_new_problem)
    _run(page.export_file(tmp_path / "to_b.ecox", None), qtbot, idle)
    exchange.import_file(other, tmp_path / "to_b.ecox", confirm=True)
    long_value = "乙方复查记录：" + "东侧料堆仍有裸露，苫盖网破损需更换，" * 30 + "完"
    ctx.db.call(lambda ledger: problems.update(ledger, pid, {"description": "甲的描述"}))
    problems.update(other, pid, {"description": long_value})
    exchange.export(other, tmp_path / "to_a.ecox", to="甲")
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    _run(page.import_file(tmp_path / "to_a.ecox", confirm=True), qtbot, idle)

    model = page.model
    theirs = model.index(0, model.THEIRS)
    shown = theirs.data()
    assert len(shown) < len(long_value) and shown.endswith("…")
    assert long_value in theirs.data(0x03)  # Qt.ToolTipRole
    assert pid in model.index(0, model.RECORD).data(0x03)  # the whole record id
    line = page.conflicts.fontMetrics().height()
    assert page.conflicts.rowHeight(0) > 2 * line  # the value wraps
    for button in (page.keep_mine, page.take_theirs, page.edit_button):
        assert button.isVisible()
        assert page.rect().contains(QRect(button.mapTo(page, QPoint(0, 0)), button.size()))
    page.conflicts.selectRow(0)
    _run(page.resolve_current("theirs"), qtbot, idle)
    assert _description(ctx, pid) == long_value


def test_a_file_that_cannot_be_read_or_written_is_said_on_the_page(page, ctx, tmp_path, qtbot,
                                                                    idle):
    op = page.import_file(tmp_path / "pulled-out" / "x.ecox", confirm=True)
    qtbot.waitUntil(op.done.is_set, timeout=10_000)
    idle()
    assert "无法读写该文件" in page.summary.text() and "x.ecox" in page.summary.text()
    op = page.export_file(tmp_path / "no-such-folder" / "x.ecox", None)
    qtbot.waitUntil(op.done.is_set, timeout=10_000)
    idle()
    assert "无法读写该文件" in page.summary.text() and page.export_button.isEnabled()
