"""Exchange between PCs (数据交换): this site, its partners, export, import and conflicts.

A thin front over `core.exchange`: every call runs on the database worker; the page shows
the site, the partners with their last exchange each way, and the conflicts left for a
manager to resolve (clerks see them but not the buttons: `core.operators.can`).
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QGroupBox,
                               QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from core import exchange, messages, operators
from core.changes import Changes
from core.errors import LedgerError
from core.ledger import Ledger

from ..context import AppContext
from ..i18n import tr
from ..worker import Op
from .base import Page

KEY_VARIABLE = "ECOLEDGER_EXCHANGE_KEY"  # the shared key, as the CLI reads it


@dataclass
class ExchangeState:
    """What the page shows, read in one go on the worker."""

    site: exchange.Site
    partners: list[exchange.Partner]
    conflicts: list[exchange.Conflict]
    may_rename: bool
    may_resolve: bool


def read_state(ledger: Ledger) -> ExchangeState:
    return ExchangeState(exchange.site(ledger), exchange.partners(ledger),
                         exchange.conflicts(ledger),
                         operators.can(ledger, operators.Action.SETTINGS),
                         operators.can(ledger, operators.Action.CLOSE))


def shared_key() -> bytes | None:
    value = os.environ.get(KEY_VARIABLE)
    return value.encode("utf-8") if value else None


def rename_site(ledger: Ledger, name: str) -> Changes:
    """Name this site (administrators only, as the other settings)."""
    operators.require(ledger, operators.Action.SETTINGS)
    exchange.set_site_name(ledger, name)
    return Changes.of("setting", "exchange")


def export_to(ledger: Ledger, path: Path, to: str | None) -> str:
    """Write the exchange file; the summary line to show."""
    done = exchange.export(ledger, path, to=to, key=shared_key())
    return messages.text("label.exchange_exported", entries=done.entries, files=done.files,
                         path=done.path)


def import_from(ledger: Ledger, path: Path) -> tuple[str, Changes]:
    """Merge the exchange file; the summary line and what changed (every exchanged table)."""
    done = exchange.import_file(ledger, path, key=shared_key())
    from core.exchange import history
    tables = history.exchanged_tables(ledger.conn)
    return (messages.text("label.exchange_imported", **vars(done)),
            Changes.of(*tables, "setting", "exchange"))


def field_label(name: str) -> str:
    if name == "*":
        return messages.label("label.exchange_deleted")
    shown = messages.label("field." + name)
    return name if shown == "field." + name else shown


def record_label(table: str, row_id: str) -> str:
    """The kind of record and the end of its id (ids are time-ordered: their start is alike)."""
    kind = messages.label("kind." + table)
    return f"{table if kind == 'kind.' + table else kind} …{row_id[-8:]}"


def value_text(value: Any) -> str:
    if value is None:
        return messages.label("label.exchange_deleted")
    return json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else str(value)


def edited_value(text: str, like: Any) -> Any:
    """The typed-in value, as a number when the conflicting values are numbers."""
    if isinstance(like, bool) or not isinstance(like, (int, float)):
        return text
    try:
        return type(like)(text.strip())
    except ValueError:
        return text


class ConflictModel(QAbstractTableModel):
    """The open conflicts: record, field, mine, theirs (and whose)."""

    RECORD, FIELD, MINE, THEIRS, PARTNER = range(5)

    def __init__(self):
        super().__init__()
        self.conflicts: list[exchange.Conflict] = []

    def set_conflicts(self, conflicts: list[exchange.Conflict]) -> None:
        self.beginResetModel()
        self.conflicts = list(conflicts)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.conflicts)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        c = self.conflicts[index.row()]
        column = index.column()
        if column == self.RECORD:
            return record_label(c.table, c.row_id)
        if column == self.FIELD:
            return field_label(c.field)
        if column == self.MINE:
            return value_text(c.mine)
        if column == self.THEIRS:
            return value_text(c.theirs)
        return c.partner_name or c.partner_site[:8]

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (tr("Record"), tr("Field"), tr("Mine"), tr("Theirs"),
                tr("Partner site"))[section]


class ExchangePage(Page):
    key = "exchange"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.state: ExchangeState | None = None
        self.site_label = QLabel()
        self.site_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.site_name = QLineEdit()
        self.rename_button = QPushButton(tr("Rename"))
        self.rename_button.clicked.connect(self.rename)
        self.partners = QTableView()
        self.partners.setModel(_PartnerModel())
        self.partner_choice = QComboBox()
        self.export_button = QPushButton(tr("Export exchange file…"))
        self.import_button = QPushButton(tr("Import exchange file…"))
        self.export_button.clicked.connect(self.ask_export)
        self.import_button.clicked.connect(self.ask_import)
        self.model = ConflictModel()
        self.conflicts = QTableView()
        self.conflicts.setModel(self.model)
        self.keep_mine = QPushButton(tr("Keep mine"))
        self.take_theirs = QPushButton(tr("Take theirs"))
        self.edit_button = QPushButton(tr("Edit…"))
        self.keep_mine.clicked.connect(lambda: self.resolve_current("mine"))
        self.take_theirs.clicked.connect(lambda: self.resolve_current("theirs"))
        self.edit_button.clicked.connect(self.edit_current)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self._layout()
        ctx.changed.connect(lambda _changes: self.refresh())
        self.refresh()

    def _layout(self) -> None:
        site = QHBoxLayout()
        site.addWidget(QLabel(tr("Site name")))
        site.addWidget(self.site_name, 1)
        site.addWidget(self.rename_button)
        site_box = QGroupBox(tr("This site"))
        site_layout = QVBoxLayout(site_box)
        site_layout.addWidget(self.site_label)
        site_layout.addLayout(site)
        files = QHBoxLayout()
        files.addWidget(QLabel(tr("Export for")))
        files.addWidget(self.partner_choice, 1)
        files.addWidget(self.export_button)
        files.addWidget(self.import_button)
        for table in (self.partners, self.conflicts):
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            table.horizontalHeader().setSectionResizeMode(
                QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)
            table.verticalHeader().hide()
        partner_box = QGroupBox(tr("Partners"))
        partner_layout = QVBoxLayout(partner_box)
        partner_layout.addWidget(self.partners)
        partner_layout.addLayout(files)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.keep_mine, self.take_theirs, self.edit_button):
            buttons.addWidget(button)
        conflict_box = QGroupBox(tr("Conflicts to resolve"))
        conflict_layout = QVBoxLayout(conflict_box)
        conflict_layout.addWidget(self.conflicts, 1)
        conflict_layout.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(site_box)
        layout.addWidget(partner_box, 1)
        layout.addWidget(conflict_box, 2)
        layout.addWidget(self.summary)

    # -- reading
    def refresh(self) -> None:
        self.ctx.db.op(read_state).success(self._show).failure(self._failed).run()

    def _show(self, state: ExchangeState) -> None:
        self.state = state
        me = state.site
        self.site_label.setText(tr("Site id {id}, jurisdiction {jurisdiction}").format(
            id=me.id, jurisdiction=me.jurisdiction))
        if not self.site_name.hasFocus():
            self.site_name.setText(me.name)
        self.site_name.setReadOnly(not state.may_rename)
        self.rename_button.setVisible(state.may_rename)
        self.partners.model().set_partners(state.partners)
        current = self.partner_choice.currentData()
        self.partner_choice.clear()
        self.partner_choice.addItem(tr("All changes (any site)"), None)
        for p in state.partners:
            self.partner_choice.addItem(p.name, p.site_id)
        self.partner_choice.setCurrentIndex(max(0, self.partner_choice.findData(current)))
        self.model.set_conflicts(state.conflicts)
        for button in (self.keep_mine, self.take_theirs, self.edit_button):
            button.setVisible(state.may_resolve)
            button.setEnabled(bool(state.conflicts))

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, LedgerError):
            raise error
        self.summary.setText(str(error))

    # -- the site
    def rename(self) -> Op | None:
        name = self.site_name.text().strip()
        if not name:
            return None
        return self.ctx.db.op(lambda ledger: rename_site(ledger, name)) \
            .failure(self._failed).run()

    # -- files
    def ask_export(self) -> None:
        stem = self.partner_choice.currentText() if self.partner_choice.currentData() \
            else tr("all")
        path, _ = QFileDialog.getSaveFileName(self, tr("Export exchange file"),
                                              str(self.ctx.data_dir / f"{stem}.ecox"),
                                              tr("Exchange files (*.ecox)"))
        if path:
            self.export_file(Path(path), self.partner_choice.currentData())

    def export_file(self, path: Path, to: str | None) -> Op:
        """Write the changes for partner `to` (None: every change) to `path`."""
        def done(text: str) -> None:
            self.summary.setText(text)
            self.refresh()
        self.summary.setText(tr("Exporting…"))
        return self.ctx.db.op(lambda ledger: export_to(ledger, path, to)) \
            .success(done).failure(self._failed).run()

    def ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Import exchange file"),
                                              str(self.ctx.data_dir),
                                              tr("Exchange files (*.ecox)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> Op:
        """Merge the file at `path`; a refusal shows the core's message."""
        def done(result: tuple[str, Changes]) -> None:
            text, changes = result
            self.summary.setText(text)
            self.ctx.db.changed.emit(changes)  # every page refreshes from what came in
        self.summary.setText(tr("Importing…"))
        return self.ctx.db.op(lambda ledger: import_from(ledger, path)) \
            .success(done).failure(self._failed).run()

    # -- conflicts
    def current_conflict(self) -> exchange.Conflict | None:
        index = self.conflicts.currentIndex()
        if not index.isValid() and self.model.conflicts:
            return self.model.conflicts[0] if len(self.model.conflicts) == 1 else None
        return self.model.conflicts[index.row()] if index.isValid() else None

    def resolve_current(self, choice: str, value: Any = None) -> Op | None:
        conflict = self.current_conflict()
        if conflict is None:
            self.summary.setText(tr("Choose a conflict first."))
            return None

        def done(_changes: Changes) -> None:
            self.summary.setText(messages.text("label.exchange_resolved"))
        return self.ctx.db.op(lambda ledger: exchange.resolve(ledger, conflict.id, choice,
                                                              value)) \
            .success(done).failure(self._failed).run()

    def edit_current(self) -> None:
        conflict = self.current_conflict()
        if conflict is None:
            self.summary.setText(tr("Choose a conflict first."))
            return
        start = "" if conflict.mine is None else value_text(conflict.mine)
        text, ok = QInputDialog.getText(self, tr("Edit the value"),
                                        field_label(conflict.field), text=start)
        if ok:
            like = conflict.mine if conflict.mine is not None else conflict.theirs
            self.resolve_current("edit", edited_value(text, like))


class _PartnerModel(QAbstractTableModel):
    """The sites exchanged with, and the last exchange each way."""

    def __init__(self):
        super().__init__()
        self.partners: list[exchange.Partner] = []

    def set_partners(self, partners: list[exchange.Partner]) -> None:
        self.beginResetModel()
        self.partners = list(partners)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.partners)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        p = self.partners[index.row()]
        return (p.name, p.jurisdiction or "-", _when(p.last_export_at),
                _when(p.last_import_at))[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (tr("Site"), tr("Jurisdiction"), tr("Last export to"),
                tr("Last import from"))[section]


def _when(at: str | None) -> str:
    return at[:16].replace("T", " ") if at else "-"
