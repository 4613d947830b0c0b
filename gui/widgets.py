"""Small input widgets shared by filters and forms: typed dates, pickers, search box."""
from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget

from core import dates

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
        # instead of changing whichever combo box happens to be under the pointer.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.set_items(items, blank)

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
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
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
        self.setClearButtonEnabled(True)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(lambda: self.search.emit(self.text().strip()))
        self.textChanged.connect(lambda _: self._timer.start())
        self.returnPressed.connect(self._timer.stop)
        self.returnPressed.connect(lambda: self.search.emit(self.text().strip()))
