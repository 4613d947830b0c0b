"""Qt's values that the first page needs, as plain numbers.

PySide6 makes a Python enum class for every Qt enum as its class or namespace is first
touched, and Qt's own namespace (`Qt.AlignmentFlag`, `Qt.Orientation`, ... 94 enums,
1,200 members) takes some 40 ms when anything in it is first used or converted: a fifth
of what the app adds to a bare window's start. The modules the first page loads (the
table model, the page, the widgets, the worker) therefore never name it while building
or painting that page; where Qt takes one of its values, they hand it over as a number,
through a Q_PROPERTY (`setProperty("focusPolicy", STRONG_FOCUS)`) or as a model's data.
Everything after the first paint names Qt's enums as usual. tests/gui/test_enums.py holds
each number equal to Qt's own.
"""

# Qt.ItemDataRole: data() runs for every role of every cell painted, and an int compares
# faster than an enum member is looked up
DISPLAY = 0
TOOLTIP = 3
ALIGNMENT = 7
FOREGROUND = 9
USER = 0x0100

RIGHT_MIDDLE = 0x0002 | 0x0080    # Qt.AlignmentFlag.AlignRight | AlignVCenter
STRONG_FOCUS = 0x0b               # Qt.FocusPolicy.StrongFocus (Tab and click, no wheel)
MATCH_CONTAINS = 1                # Qt.MatchFlag.MatchContains
CASE_INSENSITIVE = 0              # Qt.CaseSensitivity.CaseInsensitive
RICH_TEXT = 1                     # Qt.TextFormat.RichText
