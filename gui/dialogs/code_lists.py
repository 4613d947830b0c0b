"""The bureau's lists (菜单“台账 → 代码表与单位…”): problem categories, sources, and units
beyond GB/T 2260. One tab per list: the entries in the bureau's order on the left, and on
the right the fields and actions for the selected entry. Every change is a core call on the
worker; a clerk sees the lists with the actions disabled and the reason said."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QAbstractTableModel
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFormLayout,
                               QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QMessageBox, QPushButton, QTableView, QTabWidget,
                               QVBoxLayout, QWidget)

from core import codes, operators, regions, settings, units
from core.changes import Changes
from core.errors import LedgerError
from core.ledger import Ledger

from ..context import AppContext
from ..i18n import tr
from ..models.code_lists import CodeListModel, CodeRow, UnitModel, UnitRow, kind_text
from ..widgets import ChoiceCombo, fit_screen

ADDED = "\0added"  # select the entry an add made, once the list is read again


# -- what the worker reads for the dialog

def read_codes(ledger: Ledger, kind: str) -> list[CodeRow]:
    used = codes.usage(ledger, kind)
    return [CodeRow(e.code, e.label, e.synonyms, used.get(e.code, 0), e.active, e.merged_into)
            for e in codes.entries(ledger, kind)]


def read_units(ledger: Ledger) -> tuple[list[UnitRow], list[tuple[str, str]]]:
    """The units, and the regions a new unit may belong to: (code, name)."""
    found = []
    for unit in units.listed(ledger):
        parent = regions.get(ledger, unit.parent_code)
        found.append(UnitRow(unit.code, unit.name, unit.kind, unit.parent_code,
                             parent.name if parent else unit.parent_code, unit.active))
    top = regions.get(ledger, settings.jurisdiction(ledger))
    parents = [(top.code, top.name)] if top else []
    if top is not None and top.level < regions.COUNTY:
        parents += [(r.code, r.name) for r in regions.counties_of(ledger, top.code)]
    return found, parents


def split_words(text: str) -> list[str]:
    return codes.split(text.replace(" ", "、")) if text.strip() else []


# -- the tabs

class _ListTab(QWidget):
    """A table of entries and, beside it, the fields and buttons that change them."""

    def __init__(self, ctx: AppContext, model: QAbstractTableModel):
        super().__init__()
        self.ctx = ctx
        self.model = model
        self.table = QTableView()
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.selected())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.allowed = False
        self.added: str | None = None  # the code of the entry the last add made
        self.editors: list[QWidget] = []
        self.side = QVBoxLayout()
        layout = QHBoxLayout(self)
        layout.addWidget(self.table, 3)
        panel = QWidget()
        panel.setLayout(self.side)
        panel.setMinimumWidth(330)
        layout.addWidget(panel, 2)

    def button(self, text: str, action: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(action)
        self.editors.append(button)
        return button

    def add_buttons(self, add: str, save: str) -> None:
        """New, add, save, move up and down, retire: two columns under the fields."""
        grid = QGridLayout()
        self.add_button = self.button(add, self.add)
        self.save_button = self.button(save, self.save)
        self.up_button = self.button(tr("Move up"), lambda: self.move(-1))
        self.down_button = self.button(tr("Move down"), lambda: self.move(1))
        self.retire_button = self.button(tr("Retire"), self.retire)
        self.new_button = self.button(tr("New (clear the fields)"), self.clear)
        for n, widget in enumerate((self.new_button, self.add_button, self.save_button,
                                    self.up_button, self.down_button, self.retire_button)):
            grid.addWidget(widget, n // 2, n % 2)
        self.side.addLayout(grid)

    def row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def select_code(self, code: str | None) -> None:
        for n in range(self.model.rowCount()):
            if self.model.index(n, 0).data() == code:
                self.table.selectRow(n)
                return

    def set_editable(self, allowed: bool) -> None:
        self.allowed = allowed
        for widget in self.editors:
            widget.setEnabled(allowed)
        self.selected()

    def clear(self) -> None:
        """Nothing selected: the fields are for a new entry."""
        self.table.clearSelection()
        self.selected()

    def run(self, change: Callable[[Ledger], Changes], done: str,
            select: str | None = None) -> None:
        """A change on the worker; the tab reads its list again and says what happened."""
        def ok(_changes: Changes) -> None:
            self.say(done)
            self.reload(self.added if select is ADDED else select)

        def failed(error: BaseException) -> None:
            self.say(str(error), error=True)

        self.ctx.db.op(change).success(ok).failure(failed).run()

    def say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")

    def reload(self, select: str | None = None) -> None:
        raise NotImplementedError

    def selected(self) -> None:
        raise NotImplementedError


class CodeListTab(_ListTab):
    """One of the bureau's code lists (categories or sources)."""

    def __init__(self, ctx: AppContext, kind: str):
        super().__init__(ctx, CodeListModel())
        self.kind = kind
        self.label = QLineEdit()
        self.code = QLineEdit()
        self.code.setPlaceholderText(tr("optional; made when left empty, e.g. x3f9c0a"))
        self.synonyms = QLineEdit()
        self.synonyms.setPlaceholderText(tr("words separated by 、 e.g. 土壤、耕地"))
        self.merge_into = ChoiceCombo([])
        self.editors += [self.label, self.code, self.synonyms, self.merge_into]
        form = QFormLayout()
        form.addRow(tr("Label"), self.label)
        form.addRow(tr("Code"), self.code)
        form.addRow(tr("Synonyms"), self.synonyms)
        self.side.addLayout(form)
        self.add_buttons(tr("Add as new entry"), tr("Save label and synonyms"))
        merge = QGroupBox(tr("Merge"))
        merge_layout = QVBoxLayout(merge)
        merge_layout.addWidget(QLabel(tr("Move every problem of the selected entry to:")))
        merge_layout.addWidget(self.merge_into)
        self.merge_button = self.button(tr("Merge into it"), self.merge)
        merge_layout.addWidget(self.merge_button)
        self.side.addWidget(merge)
        self.side.addWidget(self.message)
        self.side.addStretch(1)
        self.reload()

    def current(self) -> CodeRow | None:
        row = self.row()
        return self.model.entries[row] if row is not None else None

    def reload(self, select: str | None = None) -> None:
        kind = self.kind
        select = select or (self.current().code if self.current() else None)

        def shown(entries: list[CodeRow]) -> None:
            self.model.set_entries(entries)
            self.merge_into.set_items([(e.code, e.label) for e in entries if e.active])
            self.select_code(select)
            self.selected()
        self.ctx.db.op(lambda ledger: read_codes(ledger, kind)).success(shown).run()

    def selected(self) -> None:
        entry = self.current()
        self.label.setText(entry.label if entry else "")
        self.code.setText(entry.code if entry else "")
        self.synonyms.setText("、".join(entry.synonyms) if entry else "")
        self.code.setReadOnly(entry is not None)
        self.retire_button.setText(tr("Bring back") if entry and not entry.active else tr("Retire"))
        for widget in (self.save_button, self.up_button, self.down_button, self.retire_button,
                       self.merge_button, self.merge_into):
            widget.setEnabled(self.allowed and entry is not None)
        self.add_button.setEnabled(self.allowed and entry is None)

    def add(self) -> None:
        kind, label = self.kind, self.label.text()
        code = self.code.text().strip()
        words = split_words(self.synonyms.text())

        def change(ledger: Ledger) -> Changes:
            changes = codes.add(ledger, kind, label, code or None, words)
            self.added = codes.get_by_id(ledger, changes.id).code  # selected when shown
            return changes
        self.run(change, tr("Added “{label}”.").format(label=label.strip()), ADDED)

    def save(self) -> None:
        entry = self.current()
        if entry is None:
            return self.say(tr("Select an entry first."), error=True)
        kind, label, words = self.kind, self.label.text(), split_words(self.synonyms.text())

        def change(ledger: Ledger) -> Changes:
            changes = Changes()
            words_now = words
            if label.strip() != entry.label:  # the old label stays a synonym
                changes |= codes.rename(ledger, kind, entry.code, label)
                words_now = [w for w in dict.fromkeys([*words, entry.label])
                             if codes.key(w) != codes.key(label)]
            if tuple(words_now) != tuple(codes.get(ledger, kind, entry.code).synonyms):
                changes |= codes.set_synonyms(ledger, kind, entry.code, words_now)
            return changes
        self.run(change, tr("Saved “{label}”.").format(label=label.strip()), entry.code)

    def move(self, step: int) -> None:
        row = self.row()
        if row is None:
            return self.say(tr("Select an entry first."), error=True)
        entry, position = self.model.entries[row], row + 1 + step
        if not 1 <= position <= len(self.model.entries):
            return
        kind = self.kind
        self.run(lambda ledger: codes.move(ledger, kind, entry.code, position),
                 tr("Moved “{label}”.").format(label=entry.label), entry.code)

    def retire(self) -> None:
        entry = self.current()
        if entry is None:
            return self.say(tr("Select an entry first."), error=True)
        kind, back = self.kind, not entry.active
        done = tr("“{label}” is offered again.") if back else \
            tr("“{label}” is retired: rows that carry it keep it.")
        self.run(lambda ledger: codes.retire(ledger, kind, entry.code, active=back),
                 done.format(label=entry.label), entry.code)

    def merge(self) -> None:
        entry, target = self.current(), self.merge_into.code()
        if entry is None or target is None:
            return self.say(tr("Select an entry first."), error=True)
        into = self.merge_into.currentText()
        asked = QMessageBox.question(
            self, tr("Merge"), tr("Move all {count} problems of “{label}” to “{into}” and retire "
                                  "“{label}”? Each move is kept in the audit trail.")
            .format(count=entry.problems, label=entry.label, into=into))
        if asked != QMessageBox.StandardButton.Yes:
            return
        kind = self.kind
        self.run(lambda ledger: codes.merge(ledger, kind, entry.code, target),
                 tr("“{label}” merged into “{into}”.").format(label=entry.label, into=into),
                 target)


class UnitTab(_ListTab):
    """Development zones, city departments and townships."""

    def __init__(self, ctx: AppContext):
        super().__init__(ctx, UnitModel())
        self.name = QLineEdit()
        self.kind = ChoiceCombo([(k, kind_text(k)) for k in units.KINDS])
        self.parent_region = ChoiceCombo([])
        self.code = QLineEdit()
        self.code.setPlaceholderText(tr("optional; e.g. 141000Z01 when left empty"))
        self.editors += [self.name, self.kind, self.parent_region, self.code]
        form = QFormLayout()
        form.addRow(tr("Name"), self.name)
        form.addRow(tr("Unit kind"), self.kind)
        form.addRow(tr("Belongs to"), self.parent_region)
        form.addRow(tr("Code"), self.code)
        self.side.addLayout(form)
        self.add_buttons(tr("Add as new unit"), tr("Save name"))
        note = QLabel(tr("Units are rows of their own in figures and returns, after the "
                         "counties, in this order. A township counts on its county's row "
                         "in the city's figures."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.side.addWidget(note)
        self.side.addWidget(self.message)
        self.side.addStretch(1)
        self.reload()

    def current(self) -> UnitRow | None:
        row = self.row()
        return self.model.units[row] if row is not None else None

    def reload(self, select: str | None = None) -> None:
        select = select or (self.current().code if self.current() else None)

        def shown(result) -> None:
            found, parents = result
            self.model.set_units(found)
            self.parent_region.set_items(parents)
            self.select_code(select)
            self.selected()
        self.ctx.db.op(read_units).success(shown).run()

    def selected(self) -> None:
        unit = self.current()
        self.name.setText(unit.name if unit else "")
        self.code.setText(unit.code if unit else "")
        self.code.setReadOnly(unit is not None)
        if unit:
            self.kind.set_code(unit.kind)
            self.parent_region.set_code(unit.parent_code)
        self.retire_button.setText(tr("Bring back") if unit and not unit.active else tr("Retire"))
        for widget in (self.save_button, self.up_button, self.down_button, self.retire_button):
            widget.setEnabled(self.allowed and unit is not None)
        for widget in (self.add_button, self.kind, self.parent_region):
            widget.setEnabled(self.allowed and unit is None)

    def add(self) -> None:
        name, kind, parent = self.name.text(), self.kind.code(), self.parent_region.code()
        code = self.code.text().strip()
        def change(ledger: Ledger) -> Changes:
            changes = units.add(ledger, name, kind, parent, code or None)
            self.added = ledger.conn.execute("SELECT code FROM region_unit WHERE id = ?",
                                             (changes.id,)).fetchone()[0]
            return changes
        self.run(change, tr("Added “{name}”.").format(name=name.strip()), ADDED)

    def save(self) -> None:
        unit = self.current()
        if unit is None:
            return self.say(tr("Select a unit first."), error=True)
        name = self.name.text()
        self.run(lambda ledger: units.rename(ledger, unit.code, name),
                 tr("Saved “{name}”.").format(name=name.strip()), unit.code)

    def move(self, step: int) -> None:
        unit = self.current()
        if unit is None:
            return self.say(tr("Select a unit first."), error=True)
        siblings = [u.code for u in self.model.units if u.parent_code == unit.parent_code]
        position = siblings.index(unit.code) + 1 + step
        if not 1 <= position <= len(siblings):
            return
        self.run(lambda ledger: units.move(ledger, unit.code, position),
                 tr("Moved “{name}”.").format(name=unit.name), unit.code)

    def retire(self) -> None:
        unit = self.current()
        if unit is None:
            return self.say(tr("Select a unit first."), error=True)
        back = not unit.active
        done = tr("“{name}” is offered again.") if back else \
            tr("“{name}” is retired: rows that carry it keep it.")
        self.run(lambda ledger: units.retire(ledger, unit.code, active=back),
                 done.format(name=unit.name), unit.code)


class CodeListsDialog(QDialog):
    """Categories, sources and units: the bureau's own lists."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(tr("Code lists and units"))
        fit_screen(self, 1100, 620)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("background: #fff8e1; padding: 6px;")
        self.reason.hide()
        self.tabs = QTabWidget()
        self.categories = CodeListTab(ctx, "category")
        self.sources = CodeListTab(ctx, "source")
        self.units = UnitTab(ctx)
        self.tabs.addTab(self.categories, tr("Problem categories"))
        self.tabs.addTab(self.sources, tr("Problem sources"))
        self.tabs.addTab(self.units, tr("Units beyond counties"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reason)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        for tab in self.tabs_():
            tab.set_editable(False)  # until the worker says the operator may
        ctx.db.op(_permission).success(self.allow).run()

    def tabs_(self) -> tuple[_ListTab, ...]:
        return (self.categories, self.sources, self.units)

    def allow(self, answer: tuple[bool, str]) -> None:
        allowed, reason = answer
        for tab in self.tabs_():
            tab.set_editable(allowed)
        self.reason.setText(reason)
        self.reason.setVisible(not allowed)


def _permission(ledger: Ledger) -> tuple[bool, str]:
    """Whether the operator may change the lists, and if not the reason to show."""
    if operators.can(ledger, operators.Action.CODES):
        return True, ""
    try:
        operators.require(ledger, operators.Action.CODES)
    except LedgerError as refusal:  # the core's own words for the refusal
        return False, str(refusal)
    return True, ""
