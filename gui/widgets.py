"""Small input widgets shared by filters and forms: typed dates, pickers, search box."""
from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QPoint, QRect, QSize, QStringListModel, QTimer, Signal
from PySide6.QtGui import QAction, QWheelEvent
from PySide6.QtWidgets import (QApplication, QComboBox, QCompleter, QFrame, QLayout,
                               QLayoutItem, QLineEdit, QScrollArea, QWidget)

from core import dates

from .enums import CASE_INSENSITIVE, MATCH_CONTAINS, STRONG_FOCUS
from .i18n import tr


class DateEdit(QLineEdit):
    """A date typed as clerks write it (2019-07-05, 2019/7/5, 2019年7月5日, 20190705...)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(tr("YYYY-MM-DD"))
        self.setMaxLength(20)
        self.editingFinished.connect(self._normalise)

    def iso(self) -> str | None:
        """The ISO date typed, None when blank; raises dates.DateError when not a date."""
        return dates.optional_iso(self.text())

    def is_valid(self) -> bool:
        try:
            self.iso()
        except dates.DateError:
            return False
        return True

    def _normalise(self) -> None:
        if self.text().strip() and self.is_valid():
            self.setText(self.iso() or "")


class ChoiceCombo(QComboBox):
    """A fixed list of (code, label); `blank` adds a first entry meaning 'any' or 'none'."""

    def __init__(self, items: Iterable[tuple[str, str]], blank: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        # Focus by click or Tab only, so that a wheel turned over a long form scrolls it
        # instead of changing whichever combo box happens to be under the pointer (as a
        # number: the filter bar's combo boxes are on the first page, gui/enums.py).
        self.setProperty("focusPolicy", STRONG_FOCUS)
        self.set_items(items, blank)

    widen_popup = False  # `compact`: the list opens as wide as its longest entry

    def showPopup(self) -> None:
        if self.widen_popup:
            _widen_popup(self)
        super().showPopup()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # to the scroll area around it

    def set_items(self, items: Iterable[tuple[str, str]], blank: str | None = None) -> None:
        current = self.code()
        self.blockSignals(True)
        self.clear()
        if blank is not None:
            self.addItem(blank, None)
        for code, label in items:
            self.addItem(label, code)
        self.blockSignals(False)
        self.set_code(current)

    def code(self) -> str | None:
        return self.currentData()

    def set_code(self, code: str | None) -> None:
        found = self.findData(code)
        self.setCurrentIndex(found if found >= 0 else 0)


class CompletingEdit(QLineEdit):
    """A line edit completing from a list of texts, matching anywhere in them."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setProperty("filterMode", MATCH_CONTAINS)
        completer.setProperty("caseSensitivity", CASE_INSENSITIVE)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)

    def set_completions(self, texts: list[str]) -> None:
        self._model.setStringList(texts)


class SearchBox(QLineEdit):
    """Free-text search; `search` fires once typing pauses."""

    search = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(tr("Search names, descriptions, case numbers…"))
        # The clear button shows only over text: it is made with the first text, since
        # the first one of the app looks its icon up in the icon themes (10 ms of start-up).
        self.textChanged.connect(self._offer_clearing)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(lambda: self.search.emit(self.text().strip()))
        self.textChanged.connect(lambda _: self._timer.start())
        self.returnPressed.connect(self._timer.stop)
        self.returnPressed.connect(lambda: self.search.emit(self.text().strip()))

    def _offer_clearing(self, text: str) -> None:
        if text and not self.isClearButtonEnabled():
            self.setClearButtonEnabled(True)


class FlowLayout(QLayout):
    """Lays its items out left to right and wraps onto a new line when the width runs out,
    so that a row of buttons never sets a wide minimum on a narrow panel."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):
        from PySide6.QtCore import Qt

        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        width = sum(item.sizeHint().width() for item in self._visible())
        width += self._spacing * max(0, len(self._visible()) - 1)
        height = max((item.sizeHint().height() for item in self._visible()), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(),
                     height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _place(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._visible():
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line > 0:
                x, y, line = area.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()


def scrolling(widget: QWidget) -> QScrollArea:
    """`widget` in a frameless scroll area: what does not fit scrolls instead of setting
    the window's minimum size."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area


def compact(combo: "ChoiceCombo") -> "ChoiceCombo":
    """A combo box as wide as its first entry ('All counties'), however long the others
    (a filter bar of five lists must fit a 1280-pixel screen); its list opens as wide as
    the longest entry (measured as it opens: measuring every entry at each one added
    made the filter bar's lists a tenth of the start-up)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.model().rowsInserted.connect(lambda *_: _fit_first(combo))
    combo.model().modelReset.connect(lambda *_: _fit_first(combo))
    _fit_first(combo)
    combo.widen_popup = True
    return combo


def _fit_first(combo: QComboBox) -> None:
    metrics = combo.fontMetrics()
    first = metrics.horizontalAdvance(combo.itemText(0)) if combo.count() else 0
    room = first - combo.iconSize().width() - 4  # Qt adds an icon's width to the length
    combo.setMinimumContentsLength(max(3, -(-room // max(1, metrics.horizontalAdvance("X")))))


def _widen_popup(combo: QComboBox) -> None:
    view = combo.view()
    view.setMinimumWidth(view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width()
                         + 8)


def action(text: str, parent: QWidget) -> QAction:
    """A menu or window action showing `text`. Made empty and then named: given its text
    at once, PySide6 weighs QAction's constructors, the one taking an icon among them,
    and builds QIcon's enums (150-odd theme icons) before the window's first paint."""
    made = QAction(parent)
    made.setText(text)
    return made


def fit_screen(window: QWidget, width: int, height: int) -> None:
    """Resize `window` to width×height, or less where its screen (less a title bar and a
    task bar) is smaller: a 1366×768 or 1280×720 office screen."""
    screen = window.screen() or QApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width, height = min(width, room.width() - 16), min(height, room.height() - 40)
    window.resize(width, height)
