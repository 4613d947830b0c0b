"""The code lists dialog's two tables under Qt's checks: a list's entries and the units."""
from __future__ import annotations

from PySide6.QtCore import Qt

from gui.models.code_lists import CodeListModel, CodeRow, UnitModel, UnitRow

H, FOREGROUND = Qt.Orientation.Horizontal, Qt.ItemDataRole.ForegroundRole


def test_a_lists_entries_say_how_often_they_are_used_and_which_is_merged(app, checked):
    model = checked(CodeListModel())
    model.set_entries([CodeRow("dust", "扬尘", ("粉尘", "起尘"), 3, True, None),
                       CodeRow("x01", "土壤", (), 0, False, "dust")])
    assert [model.headerData(c, H) for c in range(5)] == [
        "代码", "名称", "同义词", "问题数", "状态"]
    assert [model.index(0, c).data() for c in range(5)] == ["dust", "扬尘", "粉尘、起尘", "3",
                                                            "使用中"]
    assert model.index(1, CodeListModel.STATE).data() == "已并入 dust"
    assert model.index(0, 0).data(FOREGROUND) is None
    assert model.index(1, 0).data(FOREGROUND).name() == "#888888"  # merged: greyed
    model.set_entries([])
    assert model.rowCount() == 0


def test_the_units_name_their_kind_and_parent(app, checked):
    units = checked(UnitModel())
    units.set_units([UnitRow("141000Z01", "高新区", "zone", "141000", "临汾市", True),
                     UnitRow("141000B01", "市城管局", "department", "141000", "临汾市", False)])
    assert [units.index(0, c).data() for c in range(5)] == [
        "141000Z01", "高新区", "开发区", "临汾市", "使用中"]
    assert units.index(1, UnitModel.KIND).data() == "市直部门"
    assert units.index(1, UnitModel.STATE).data() == "已停用"
    assert units.index(1, 0).data(FOREGROUND).name() == "#888888"
