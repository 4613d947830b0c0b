"""The numbers the first page hands Qt instead of naming its enums are Qt's own."""
from __future__ import annotations

from PySide6.QtCore import Qt

from gui import enums


def test_each_number_the_first_page_uses_is_the_value_qt_gives_it():
    role = Qt.ItemDataRole
    assert (enums.DISPLAY, enums.TOOLTIP, enums.ALIGNMENT, enums.FOREGROUND, enums.USER) == (
        role.DisplayRole.value, role.ToolTipRole.value, role.TextAlignmentRole.value,
        role.ForegroundRole.value, role.UserRole.value)
    align = Qt.AlignmentFlag
    assert enums.RIGHT_MIDDLE == (align.AlignRight | align.AlignVCenter).value
    assert enums.STRONG_FOCUS == Qt.FocusPolicy.StrongFocus.value
    assert enums.MATCH_CONTAINS == Qt.MatchFlag.MatchContains.value
    assert enums.CASE_INSENSITIVE == Qt.CaseSensitivity.CaseInsensitive.value
    assert enums.RICH_TEXT == Qt.TextFormat.RichText.value


def test_a_combo_box_given_its_focus_by_number_takes_no_focus_from_the_wheel(qtbot):
    from gui.widgets import ChoiceCombo, CompletingEdit

    combo = ChoiceCombo([("a", "甲"), ("b", "乙")])
    qtbot.addWidget(combo)
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus
    edit = CompletingEdit()
    qtbot.addWidget(edit)
    assert edit.completer().filterMode() == Qt.MatchFlag.MatchContains
    assert edit.completer().caseSensitivity() == Qt.CaseSensitivity.CaseInsensitive
