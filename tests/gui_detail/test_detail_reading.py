"""The problem detail as read: what is still due stands apart from what happened; photos
are added as before or after; a thumbnail double-clicked opens once."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from core import attachments, problems

pytestmark = pytest.mark.gui


def _problem(ctx, status: str = "in_progress") -> str:
    return ctx.db.call(lambda ledger: ledger.conn.execute(
        "SELECT id FROM problem WHERE status = ? AND withdrawn_on IS NULL ORDER BY id LIMIT 1",
        (status,)).fetchone()[0])


def _detail(ctx, qtbot, row_id: str):
    from gui.problem_detail.detail import ProblemDetail

    detail = ProblemDetail(ctx)
    qtbot.addWidget(detail)
    detail.resize(900, 800)
    detail.show()
    detail.show_problem(row_id)
    qtbot.waitUntil(lambda: detail.data is not None and detail.data.problem["id"] == row_id)
    return detail


def _lines(detail) -> list[str]:
    return [detail.timeline.item(i).text() for i in range(detail.timeline.count())]


def test_a_measure_due_later_is_listed_under_still_to_do_not_among_events(ctx, qtbot, idle):
    row_id = _problem(ctx)

    def arrange(ledger):
        problems.add_measure(ledger, row_id, {"description": "安装在线监测设备",
                                              "deadline": "2099-06-30", "progress": 20})
        problems.add_measure(ledger, row_id, {"description": "拆除旧锅炉",
                                              "deadline": "2020-01-31", "progress": 50})
        return problems.add_note(ledger, row_id, "已开会部署整改")
    ctx.db.call(arrange)
    detail = _detail(ctx, qtbot, row_id)
    lines = _lines(detail)
    heading = lines.index("待完成（到期日期，尚未发生）")
    events, upcoming = lines[:heading], lines[heading + 1:]
    assert any("已开会部署整改" in line for line in events)
    assert not any("安装在线监测设备" in line or "拆除旧锅炉" in line for line in events)
    later = next(line for line in upcoming if "安装在线监测设备" in line)
    late = next(line for line in upcoming if "拆除旧锅炉" in line)
    assert later.startswith("2099-06-30 到期") and late.startswith("2020-01-31 起逾期")
    late_item = detail.timeline.item(heading + 1 + upcoming.index(late))
    assert late_item.foreground().color() == QColor("#b3261e")
    assert upcoming.index(late) < upcoming.index(later)  # the earliest first
    assert not detail.timeline.item(heading).flags() & Qt.ItemFlag.ItemIsSelectable


def test_photos_are_attached_as_before_or_after_as_chosen(ctx, qtbot, idle, tmp_path):
    row_id = _problem(ctx)
    detail = _detail(ctx, qtbot, row_id)
    assert detail.phase.code() == "before"  # an open problem: before, unless chosen
    assert [detail.phase.itemText(i) for i in range(detail.phase.count())] == ["整改前", "整改后"]
    photo = tmp_path / "现场.png"
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("darkgreen"))
    image.save(str(photo))
    detail.phase.set_code("after")
    detail.attach([str(photo)])
    idle()
    files = ctx.db.call(lambda ledger: attachments.of_problem(ledger, row_id))
    assert [f.phase for f in files] == ["after"]
    qtbot.waitUntil(lambda: len(detail.data.files) == 1)
    assert detail.phase.code() == "after"  # the choice stays while the problem is shown


def test_a_thumbnail_double_clicked_opens_its_photo_once(ctx, qtbot, idle, tmp_path,
                                                         monkeypatch):
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QPushButton

    row_id = _problem(ctx)
    photo = tmp_path / "现场.png"
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("darkred"))
    image.save(str(photo))
    ctx.db.call(lambda ledger: attachments.attach(ledger, row_id, [photo], "before"))
    detail = _detail(ctx, qtbot, row_id)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    qtbot.waitUntil(lambda: detail.photos.findChildren(QPushButton) != [])
    tile = detail.photos.findChildren(QPushButton)[0]
    assert "整改前" in tile.toolTip()
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    qtbot.mouseDClick(tile, Qt.MouseButton.LeftButton)
    qtbot.mouseRelease(tile, Qt.MouseButton.LeftButton)
    assert len(opened) == 1
