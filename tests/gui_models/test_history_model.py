"""A record's history under Qt's checks: the audit trail of a problem edited in the ledger."""
from __future__ import annotations

from PySide6.QtCore import Qt

from core import problems
from gui.models.history import HistoryModel, read_history

H = Qt.Orientation.Horizontal


def test_an_edit_shows_who_changed_which_field_from_what_to_what(demo_ledger, app, checked):
    pid, before = demo_ledger.conn.execute(
        "SELECT id, description FROM problem WHERE status <> 'closed' ORDER BY number "
        "LIMIT 1").fetchone()
    model = checked(HistoryModel())
    model.set_rows(read_history(demo_ledger, pid, problem=True))
    lines = model.rowCount()
    assert lines > 0  # its creation at least
    assert [model.headerData(c, H) for c in range(7)] == [
        "时间", "操作人", "操作", "记录", "字段", "原值", "新值"]
    problems.update(demo_ledger, pid, {"description": "料场未苫盖，已督促整改"})
    model.set_rows(read_history(demo_ledger, pid, problem=True))  # reset with the new line
    assert model.rowCount() == lines + 1
    last = [model.index(lines, c).data() for c in range(7)]
    at, operator, action, record, field, old, new = last
    assert len(at) == 19 and at[10] == " "  # 2026-12-01 10:41:07, no ISO "T"
    assert operator == "测试员" and action == "修改" and record == "环境问题"
    assert field == "问题描述" and old == before and new == "料场未苫盖，已督促整改"
    assert model.index(lines, 0).data(Qt.ItemDataRole.ForegroundRole) is None
