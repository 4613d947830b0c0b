"""The form every record is typed into: keyboard first, checked as it is typed, drafted.

A form is a grid of fields in reading order (Tab moves through them), a Save button
that is the default (Enter saves) and is disabled while an error stands, Esc cancels,
Ctrl+S saves. Every change is checked by the core's own `check` on the worker, and the
finding shows beside its field. Every change is also written to a draft file, which is
removed when the form is saved or cancelled and offered back at the next start if the
window went away any other way.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (QApplication, QCheckBox, QDialog, QDialogButtonBox, QFrame,
                               QGridLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPlainTextEdit,
                               QScrollArea, QVBoxLayout, QWidget)

from core import versions
from core.changes import Changes
from core.errors import Issue, LedgerError, ValidationError
from core.ledger import Ledger

from ..context import AppContext
from ..i18n import tr
from ..widgets import ChoiceCombo, CompletingEdit, DateEdit

# The editor open for each record: a second double-click raises it instead of a second copy.
_editors: dict[tuple[str, str], "FormDialog"] = {}
# In a draft: the version of the record its values were typed over, so that a draft
# restored after someone else saved the record is refused as stale, not saved over it.
VERSION_KEY = "__version__"

ERROR_STYLE = "border: 1px solid #c62828; background: #fff5f5;"
WARNING_STYLE = "border: 1px solid #ef8f00;"


@dataclass
class Field:
    """One input: how to read it, how to fill it, and where its finding shows."""

    key: str
    widget: QWidget
    read: Callable[[], Any]
    write: Callable[[Any], None]
    message: QLabel


class EnterpriseEdit(CompletingEdit):
    """An enterprise typed by name or credit code; reads as the enterprise's id."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(tr("Name or credit code"))
        self._ids: dict[str, str] = {}
        self._names: dict[str, str] = {}

    def set_enterprises(self, rows: Iterable[tuple[str, str, str]]) -> None:
        """`rows` as core lists them (names in pinyin order); credit codes come after."""
        codes = []
        for row_id, name, code in rows:
            self._ids[name] = row_id
            self._names[row_id] = name
            if code:
                self._ids[code] = row_id
                codes.append(code)
        taken = set(codes)
        self.set_completions([n for n in self._ids if n not in taken] + sorted(codes))

    def enterprise_id(self) -> str | None:
        text = self.text().strip()
        if not text:
            return None
        return self._ids.get(text, text)

    def set_enterprise_id(self, row_id: str | None) -> None:
        self.setText(self._names.get(row_id, row_id or "") if row_id else "")


class FormDialog(QDialog):
    """Subclasses add fields in `build` and say how to `check`, `write` and `load`."""

    form_name = ""
    enter_saves = True  # False: Enter moves to the next field; only Ctrl+S or Save saves
    saved = Signal(object)  # the Changes of the write

    def __init__(self, ctx: AppContext, row_id: str | None = None,
                 values: dict[str, Any] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.row_id = row_id
        self.version: int | None = None  # of the record as loaded: a save is based on it
        self.fields: dict[str, Field] = {}
        self.aliases: dict[str, str] = {}  # a finding's field name → the field showing it
        self.issues: list[Issue] = []
        self._closing = False
        self._filling = False
        self._pristine: dict[str, Any] | None = None  # the values as loaded
        self._check_generation = 0
        self.draft_key = f"{self.form_name}-{uuid.uuid4().hex[:12]}"
        self.grid = QGridLayout()
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnMinimumWidth(2, 220)
        self.general = QLabel()
        self.general.setStyleSheet("color: #c62828;")
        self.general.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(tr("Save"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(tr("Cancel"))
        for button in (self.save_button, cancel):  # Enter means Save wherever the focus is
            button.setAutoDefault(False)
            button.setDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.accept)
        body = QWidget()
        body.setLayout(self.grid)
        self.scroll = QScrollArea()
        self.scroll.setWidget(body)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        QApplication.instance().focusChanged.connect(self._follow_focus)
        self.scroll.viewport().installEventFilter(self)
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.validate)
        self.build()
        self._chain_tab_order()
        self.setWindowTitle(self.title())
        self.start(values)

    @classmethod
    def edit(cls, ctx: AppContext, row_id: str, parent: QWidget | None = None,
             **options: Any) -> "FormDialog":
        """The editor of record `row_id`: the one already open, raised, or a new one."""
        key = (cls.form_name, row_id)
        found = _editors.get(key)
        if found is not None:
            found.show()
            found.raise_()
            found.activateWindow()
            return found
        dialog = cls(ctx, row_id=row_id, parent=parent, **options)
        _editors[key] = dialog
        dialog.finished.connect(lambda _result: _editors.pop(key, None))
        dialog.destroyed.connect(lambda *_: _editors.pop(key, None))
        dialog.open()
        return dialog

    # -- to override
    def title(self) -> str:
        raise NotImplementedError

    def build(self) -> None:
        """Add the fields, in reading order."""
        raise NotImplementedError

    def check(self, ledger: Ledger, raw: dict[str, Any]) -> list[Issue]:
        raise NotImplementedError

    def write(self, ledger: Ledger, raw: dict[str, Any]) -> Changes:
        raise NotImplementedError

    def load(self, ledger: Ledger, row_id: str) -> dict[str, Any]:
        """The stored values of `row_id`, keyed like the fields."""
        raise NotImplementedError

    def prepare(self, ledger: Ledger) -> Any:
        """Lists the form offers (completions...), read on the worker when it opens."""
        return None

    def prepared(self, data: Any) -> None:
        """Fill the lists `prepare` read."""

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Keep the field being typed into in view as Tab walks down a long sheet."""
        if new is not None and self.scroll.isAncestorOf(new):
            self.scroll.ensureWidgetVisible(new)

    def bring_into_view(self, first: QWidget, last: QWidget | None = None) -> None:
        """Scroll rows just added at the bottom into view, `last` and then `first` (the one
        with the focus), once the layout has placed them."""
        def scroll() -> None:
            self.scroll.widget().layout().activate()
            for widget in (last, first):
                if widget is not None:
                    self.scroll.ensureWidgetVisible(widget, 10, 10)
        self._grow_within_screen()
        scroll()
        QTimer.singleShot(0, self, scroll)  # again when the scroll area has grown its body

    def _grow_within_screen(self) -> None:
        """Taller for the rows added, as far as the screen allows; beyond that it scrolls."""
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is None or not self.isVisible():
            return
        frame = self.frameGeometry().height() - self.height()
        wanted = min(self.sizeHint().height(), screen.height() - frame)
        if wanted > self.height():
            self.resize(self.width(), wanted)
            top = min(self.frameGeometry().top(), screen.bottom() - self.frameGeometry().height())
            self.move(self.x(), max(screen.top(), top))

    def eventFilter(self, watched, event) -> bool:
        """The field with the focus stays in view when the viewport shrinks (the findings
        under the form grow)."""
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self, self._keep_focus_in_view)
        return super().eventFilter(watched, event)

    def _keep_focus_in_view(self) -> None:
        focus = QApplication.focusWidget()
        if focus is not None and self.scroll.isAncestorOf(focus):
            self.scroll.ensureWidgetVisible(focus)

    def sizeHint(self) -> QSize:
        body = self.scroll.widget().sizeHint()
        return QSize(max(640, body.width() + 40), min(760, body.height() + 110))

    # -- building
    def _add(self, key: str, label: str, widget: QWidget, read, write, signal) -> QWidget:
        row = self.grid.rowCount()
        caption = QLabel(label)
        caption.setBuddy(widget)
        message = QLabel()
        message.setWordWrap(True)
        message.setObjectName(f"message_{key}")
        self.grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(widget, row, 1)
        self.grid.addWidget(message, row, 2)
        widget.setObjectName(key)
        if self.isVisible():  # a row added to an open form: show it now so it takes focus
            for part in (caption, widget, message):
                part.show()
        self.fields[key] = Field(key, widget, read, write, message)
        signal.connect(self._changed)
        return widget

    def beside(self, widget: QWidget, extra: QWidget) -> QWidget:
        """Put `extra` (a button) to the right of a field's `widget`, in the same cell."""
        index = self.grid.indexOf(widget)
        row, column, _, _ = self.grid.getItemPosition(index)
        self.grid.removeWidget(widget)
        cell = QWidget()
        layout = QHBoxLayout(cell)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(widget, 1)
        layout.addWidget(extra)
        self.grid.addWidget(cell, row, column)
        return extra

    def add_text(self, key: str, label: str) -> QLineEdit:
        edit = QLineEdit()
        return self._add(key, label, edit, edit.text, lambda v: edit.setText(v or ""),
                         edit.textChanged)

    def add_note(self, key: str, label: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)  # Tab leaves the note, as in every other field
        edit.setFixedHeight(64)
        return self._add(key, label, edit, edit.toPlainText,
                         lambda v: edit.setPlainText(v or ""), edit.textChanged)

    def add_date(self, key: str, label: str) -> DateEdit:
        edit = DateEdit()
        return self._add(key, label, edit, edit.text, lambda v: edit.setText(v or ""),
                         edit.textChanged)

    def add_deadline(self, key: str, label: str) -> QLineEdit:
        """A deadline as bureaus write it: a date or a text the core reads (core.deadlines)."""
        edit = self.add_text(key, label)
        edit.setPlaceholderText(tr("a date, 立行立改, 2024年6月底前, 长期坚持, 20个工作日…"))
        return edit

    def add_choice(self, key: str, label: str, items: Iterable[tuple[str, str]],
                   blank: str | None = None) -> ChoiceCombo:
        combo = ChoiceCombo(items, blank)
        return self._add(key, label, combo, combo.code, combo.set_code,
                         combo.currentIndexChanged)

    def add_flag(self, key: str, label: str) -> QCheckBox:
        box = QCheckBox()
        return self._add(key, label, box, box.isChecked, lambda v: box.setChecked(bool(v)),
                         box.toggled)

    def add_enterprise(self, key: str, label: str) -> EnterpriseEdit:
        edit = EnterpriseEdit()
        return self._add(key, label, edit, edit.enterprise_id, edit.set_enterprise_id,
                         edit.textChanged)

    def add_region(self, key: str, label: str, blank: str | None = None) -> ChoiceCombo:
        counties = [(r.code, r.name) for r in self.ctx.bureau.counties]
        return self.add_choice(key, label, counties, blank)

    def _chain_tab_order(self) -> None:
        widgets = [f.widget for f in self.fields.values()] + [self.save_button]
        for first, second in zip(widgets, widgets[1:]):
            QWidget.setTabOrder(first, second)

    # -- values
    def raw(self) -> dict[str, Any]:
        return {key: f.read() for key, f in self.fields.items()}

    def set_values(self, values: dict[str, Any]) -> None:
        self._filling = True
        try:
            for key, value in values.items():
                if key in self.fields:
                    self.fields[key].write(value)
        finally:
            self._filling = False

    def start(self, values: dict[str, Any] | None) -> None:
        """Read the lists and the stored record, then lay the draft's values over them."""
        row_id = self.row_id

        def read(ledger: Ledger):
            if not row_id:
                return self.prepare(ledger), None, None
            return (self.prepare(ledger), self.load(ledger, row_id),
                    versions.version(ledger, self.form_name, row_id))
        self.setEnabled(False)
        self.ctx.db.op(read).success(lambda result: self._started(*result, values)).run()

    def _started(self, data: Any, stored: dict | None, version: int | None,
                 values: dict | None) -> None:
        self.version = version
        if values and values.get(VERSION_KEY) is not None:
            self.version = values[VERSION_KEY]
        self.prepared(data)
        if stored:
            self.set_values(stored)
        self._pristine = self.raw()
        if values:
            self.set_values(values)
            self._changed()
        self.setEnabled(True)
        first = next(iter(self.fields.values()), None)
        if first is not None:
            first.widget.setFocus()
        self.ready()

    def ready(self) -> None:
        """Called once the form is filled and can be typed into."""

    # -- checking
    def _changed(self, *_: object) -> None:
        if self._filling:
            return
        self.ctx.drafts.save(self.draft_key, self.form_name, self.row_id,
                             {**self.raw(), VERSION_KEY: self.version})
        self._check_generation += 1  # a check of what stood before this change is stale
        self._show(self._local_issues() + [i for i in self.issues if i.field not in
                                           self._date_keys()])
        self._timer.start()

    def _date_keys(self) -> set[str]:
        return {key for key, f in self.fields.items() if isinstance(f.widget, DateEdit)}

    def _local_issues(self) -> list[Issue]:
        """Findings that need no database: dates that are not dates."""
        found = []
        for key in self._date_keys():
            edit = self.fields[key].widget
            if not edit.is_valid():
                found.append(Issue(key, "error.date_invalid", {"value": edit.text()}))
        return found

    def validate(self) -> None:
        """Check the form as it stands on the worker; show the findings when they come."""
        self._check_generation += 1
        generation, raw = self._check_generation, self.raw()

        def checked(issues: list[Issue]) -> None:
            if generation == self._check_generation:
                self._show(issues)
        self.ctx.db.op(lambda ledger: self.check(ledger, raw)).success(checked).run()

    def _show(self, issues: list[Issue]) -> None:
        local = self._local_issues()
        local_keys = {i.field for i in local}
        self.issues = local + [i for i in issues if i.field not in local_keys]
        by_field: dict[str, list[Issue]] = {}
        for issue in self.issues:
            key = self.aliases.get(issue.field, issue.field)
            by_field.setdefault(key if key in self.fields else "", []).append(issue)
        for key, f in self.fields.items():
            found = by_field.get(key, [])
            errors = [i for i in found if not i.warning]
            f.widget.setStyleSheet(ERROR_STYLE if errors else WARNING_STYLE if found else "")
            f.message.setStyleSheet("color: #c62828;" if errors else "color: #a15c00;")
            f.message.setText("；".join(i.message for i in found))
        general = by_field.get("", [])
        self.general.setText("；".join(str(i) for i in general))
        self.save_button.setEnabled(not self.blocking)

    @property
    def blocking(self) -> list[Issue]:
        return [i for i in self.issues if not i.warning]

    # -- saving and leaving
    def accept(self) -> None:
        """Enter or Ctrl+S: save unless an error stands. The core checks again as it
        writes, so findings still on their way from the worker cannot be skipped."""
        if not self.isEnabled():
            return
        self._timer.stop()
        self._check_generation += 1  # a check still running is now out of date
        if self._local_issues():
            self._show(self.issues)
            return
        raw = self.raw()
        self.save_button.setEnabled(False)
        self.ctx.db.op(lambda ledger: self.write(ledger, raw)).success(
            self._saved).failure(self._refused).run()

    def _saved(self, changes: Changes) -> None:
        self.ctx.drafts.discard(self.draft_key)
        self.saved.emit(changes)
        super().accept()

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, versions.StaleWrite):
            self._stale(error)
        elif isinstance(error, ValidationError):
            self._show(error.issues)
        elif isinstance(error, LedgerError):
            self.general.setText(str(error))
            self.save_button.setEnabled(True)
        else:
            self.save_button.setEnabled(True)
            raise error

    def _stale(self, error: "versions.StaleWrite") -> None:
        """Someone saved this record since it was opened: show both values, then reload
        the saved record or apply these values again on purpose."""
        from .stale import StaleDialog

        self.general.setText(str(error))
        self.save_button.setEnabled(True)
        dialog = StaleDialog(error, self.raw(), self)
        dialog.finished.connect(lambda _: self._after_stale(dialog.choice, error))
        dialog.open()
        self.stale_dialog = dialog

    def _after_stale(self, choice: str, error: "versions.StaleWrite") -> None:
        if choice == "reload":
            self.general.clear()
            self.start(None)
        elif choice == "apply":
            self.version = error.version
            self.general.clear()
            self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not isinstance(
                self.focusWidget(), QPlainTextEdit):
            event.accept()
            if self.enter_saves:
                self.accept()
            else:
                self.focusNextChild()
            return
        super().keyPressEvent(event)

    @property
    def changed(self) -> bool:
        """Whether anything was typed since the form was filled."""
        return self._pristine is not None and self.raw() != self._pristine

    def confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self, self.windowTitle(), tr("Throw away what you typed in this form?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def reject(self) -> None:
        """Esc or Cancel throws the draft away, once the user agrees if something was
        typed; closing the window keeps it."""
        if not self._closing:
            if self.changed and not self.confirm_discard():
                return
            self.ctx.drafts.discard(self.draft_key)
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closing = True
        super().closeEvent(event)
        self._closing = False

