"""Exchange between PCs (数据交换): this site, its partners, export, import and conflicts.

A thin front over `core.exchange`: every call runs on the database worker; the page shows
the site, the shared key (a key file remembered per ledger, or the environment variable),
the partners with their last exchange each way, and the conflicts left for a manager to
resolve (clerks see them but not the buttons: `core.permissions.can`). Export and import run
with a progress dialog that can cancel them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFileDialog,
                               QGroupBox, QHBoxLayout, QHeaderView, QInputDialog, QLabel,
                               QLineEdit, QMessageBox, QPushButton, QTableView, QVBoxLayout,
                               QWidget)

from core import exchange, messages, permissions
from core.exchange import arrivals
from core.changes import Changes
from core.errors import LedgerError
from core.exchange import keys
from core.ledger import Ledger
from core.progress import Progress

from .. import folders
from ..context import AppContext
from ..i18n import tr
from ..models.exchange import ConflictModel, PartnerModel, field_label, value_text
from ..worker import Cancelled, Op
from .base import Page


@dataclass(frozen=True)
class KeyState:
    """The shared key as the page shows it: the key in use, the file remembered, and why
    the remembered file cannot be used (its drive unplugged, say)."""

    in_use: exchange.SharedKey | None
    remembered: Path | None
    problem: str | None = None


@dataclass
class ExchangeState:
    """What the page shows, read in one go on the worker."""

    site: exchange.Site
    partners: list[exchange.Partner]
    conflicts: list[exchange.Conflict]
    may_rename: bool
    may_resolve: bool
    key: KeyState
    may_remove: bool = False
    names: dict[str, str] = field(default_factory=dict)  # region codes, record ids → names


# How a record in conflict is named, by its table: a number or a name a clerk knows it by.
_RECORD_NAMES = {"problem": "number", "enterprise": "name", "penalty_case": "case_number",
                 "campaign": "name", "batch": "name", "inspection": "inspected_on"}


def read_state(ledger: Ledger) -> ExchangeState:
    state = ExchangeState(exchange.site(ledger), exchange.partners(ledger),
                          exchange.conflicts(ledger),
                          permissions.can(ledger, permissions.Action.SITE_RENAME),
                          permissions.can(ledger, permissions.Action.RESOLVE_CONFLICT),
                          read_key(ledger),
                          permissions.can(ledger, permissions.Action.REMOVE_PARTNER_ROWS))
    state.names = read_names(ledger, state)
    return state


def read_names(ledger: Ledger, state: ExchangeState) -> dict[str, str]:
    """The names the page shows for the jurisdictions' codes and the conflicts' records."""
    from core import regions
    names = {}
    for code in {state.site.jurisdiction, *(p.jurisdiction for p in state.partners)} - {None}:
        try:
            names[code] = regions.full_name(ledger, code)
        except LedgerError:  # a partner's code this ledger's list does not hold
            names[code] = code
    for conflict in state.conflicts:
        column = _RECORD_NAMES.get(conflict.table)
        row = ledger.conn.execute(f"SELECT {column} FROM {conflict.table} WHERE id = ?",
                                  (conflict.row_id,)).fetchone() if column else None
        if row and row[0]:
            names[conflict.row_id] = str(row[0])
    return names


def read_key(ledger: Ledger) -> KeyState:
    remembered = exchange.key_file(ledger)
    try:
        return KeyState(exchange.shared_key(ledger), remembered)
    except LedgerError as error:
        return KeyState(None, remembered, str(error))


def choose_key_file(ledger: Ledger, path: Path) -> Changes:
    """Remember `path` as this ledger's key file (refused if it cannot be read)."""
    exchange.set_key_file(ledger, path)
    return Changes.of("setting", "exchange")


def new_key_file(ledger: Ledger, path: Path) -> Changes:
    """Write a new key file at `path` (never over an existing file) and remember it."""
    exchange.generate_key_file(path)
    return choose_key_file(ledger, path)


def forget_key_file(ledger: Ledger) -> Changes:
    exchange.set_key_file(ledger, None)
    return Changes.of("setting", "exchange")


def rename_site(ledger: Ledger, name: str) -> Changes:
    """Name this site (core refuses it to all but administrators)."""
    exchange.set_site_name(ledger, name)
    return Changes.of("setting", "exchange")


@dataclass(frozen=True)
class ExportChoice:
    """What the clerk chose to export: for whom, with attachment files, sent again."""

    to: str | None = None  # a partner's site id; None: every change, for any site
    with_files: bool = False
    again: bool = False
    replace: bool = False  # the save dialog asked before replacing a file


def export_to(ledger: Ledger, path: Path, choice: ExportChoice,
              progress: Progress | None = None) -> tuple[str, Changes]:
    """Write the exchange file; the summary line to show and what changed (the partner's
    last export)."""
    done = exchange.export(ledger, path, to=choice.to, key=keys.key_bytes(ledger),
                           with_files=choice.with_files, again=choice.again and bool(choice.to),
                           progress=progress, force=choice.replace)
    return (messages.text("label.exchange_exported", entries=done.entries, files=done.files,
                          path=done.path), Changes.of("exchange"))


def import_from(ledger: Ledger, path: Path, progress: Progress | None = None,
                confirm: bool = False) -> tuple[str, Changes]:
    """Merge the exchange file; the summary line and what changed (every exchanged table)."""
    done = exchange.import_file(ledger, path, key=keys.key_bytes(ledger), progress=progress,
                                confirm=confirm)
    from core.exchange import history
    tables = history.exchanged_tables(ledger.conn)
    return done.text(ledger), Changes.of(*tables, "setting", "exchange")


def key_text(state: KeyState) -> str:
    """What the page says about the shared key in use."""
    key = state.in_use
    if key is not None and key.source == keys.FROM_ENVIRONMENT:
        text = tr("The key in the environment variable {name} is in use; it wins over any "
                  "key file.").format(name=keys.KEY_VARIABLE)
        if state.remembered:
            text += "\n" + tr("Key file (not used while the variable is set): {path}").format(
                path=state.remembered)
        return text
    if key is not None:
        return tr("Key file: {path}").format(path=key.path)
    if state.problem:
        return state.problem
    return tr("No shared key: files carry a checksum only. Choose the bureau's key file, "
              "or make one on the first PC and copy it to the others.")


def edited_value(text: str, like: Any) -> Any:
    """The typed-in value, as a number when the conflicting values are numbers."""
    if isinstance(like, bool) or not isinstance(like, (int, float)):
        return text
    try:
        return type(like)(text.strip())
    except ValueError:
        return text


class ExchangePage(Page):
    key = "exchange"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.state: ExchangeState | None = None
        self.progress_op: Op | None = None  # the export or import running, if any
        self.site_label = QLabel()
        self.site_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.site_name = QLineEdit()
        self.rename_button = QPushButton(tr("Rename"))
        self.rename_button.clicked.connect(self.rename)
        self._key_widgets()
        self.partners = QTableView()
        self.partners.setModel(PartnerModel())
        self.remove_button = QPushButton(tr("Remove what this partner brought in…"))
        self.remove_button.setObjectName("remove_partner_rows")
        self.remove_button.clicked.connect(self.ask_remove)
        self.partner_choice = QComboBox()
        self.partner_choice.currentIndexChanged.connect(self._partner_chosen)
        self.with_files = QCheckBox(tr("With attachment files"))
        self.with_files.setToolTip(tr("Carry the photos and documents of the exported "
                                      "records too (a larger file)."))
        self.again = QCheckBox(tr("Send again"))
        self.again.setToolTip(tr("A file was lost on the way: send again everything since "
                                 "what this partner last confirmed having."))
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
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._layout()
        self._partner_chosen()
        ctx.changed.connect(lambda _changes: self.refresh())
        self.refresh()

    def _key_widgets(self) -> None:
        self.key_label = QLabel()
        self.key_label.setWordWrap(True)
        self.key_label.setTextFormat(Qt.TextFormat.PlainText)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_fingerprint = QLabel()
        self.key_fingerprint.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.key_fingerprint.font())
        font.setBold(True)
        self.key_fingerprint.setFont(font)
        self.choose_key_button = QPushButton(tr("Choose key file…"))
        self.new_key_button = QPushButton(tr("New key file…"))
        self.forget_key_button = QPushButton(tr("Forget key file"))
        self.new_key_button.setToolTip(tr("Only on the first PC: the others copy its key file "
                                          "and choose it here."))
        self.choose_key_button.clicked.connect(self.ask_key_file)
        self.new_key_button.clicked.connect(self.ask_new_key_file)
        self.forget_key_button.clicked.connect(self.forget_key)

    def _layout(self) -> None:
        site = QHBoxLayout()
        site.addWidget(QLabel(tr("Site name")))
        site.addWidget(self.site_name, 1)
        site.addWidget(self.rename_button)
        site_box = QGroupBox(tr("This site"))
        site_layout = QVBoxLayout(site_box)
        site_layout.addWidget(self.site_label)
        site_layout.addLayout(site)
        site_layout.addStretch(1)
        key_buttons = QHBoxLayout()
        key_buttons.addWidget(self.key_fingerprint, 1)
        for button in (self.choose_key_button, self.new_key_button, self.forget_key_button):
            key_buttons.addWidget(button)
        key_box = QGroupBox(tr("Shared key"))
        key_layout = QVBoxLayout(key_box)
        key_layout.addWidget(self.key_label)
        key_layout.addLayout(key_buttons)
        top = QHBoxLayout()
        top.addWidget(site_box, 1)
        top.addWidget(key_box, 1)
        files = QHBoxLayout()
        files.addWidget(QLabel(tr("Export for")))
        files.addWidget(self.partner_choice, 1)
        files.addWidget(self.with_files)
        files.addWidget(self.again)
        files.addWidget(self.export_button)
        files.addWidget(self.import_button)
        self._table_layout()
        partner_box = QGroupBox(tr("Partners"))
        partner_layout = QVBoxLayout(partner_box)
        partner_layout.addWidget(self.partners)
        partner_layout.addLayout(files)
        remove_row = QHBoxLayout()
        remove_row.addStretch(1)
        remove_row.addWidget(self.remove_button)
        partner_layout.addLayout(remove_row)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.keep_mine, self.take_theirs, self.edit_button):
            buttons.addWidget(button)
        conflict_box = QGroupBox(tr("Conflicts to resolve"))
        conflict_layout = QVBoxLayout(conflict_box)
        conflict_layout.addWidget(self.conflicts, 1)
        conflict_layout.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(partner_box, 1)
        layout.addWidget(conflict_box, 2)
        layout.addWidget(self.summary)

    def _table_layout(self) -> None:
        for table in (self.partners, self.conflicts):
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            table.horizontalHeader().setSectionResizeMode(
                QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)
            table.verticalHeader().hide()
        # Both values share the width left by the short columns, wrap, and each row is as
        # tall as its longer value (cut at SHOWN_CHARACTERS; the tooltip holds the rest).
        header = self.conflicts.horizontalHeader()
        header.setStretchLastSection(False)
        for column in (ConflictModel.MINE, ConflictModel.THEIRS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.conflicts.setWordWrap(True)
        self.conflicts.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.conflicts.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    # -- reading
    def refresh(self) -> None:
        self.ctx.db.op(read_state).success(self._show).failure(self._failed).run()

    def _show(self, state: ExchangeState) -> None:
        self.state = state
        me = state.site
        self.site_label.setText(tr("Jurisdiction: {jurisdiction}").format(
            jurisdiction=state.names.get(me.jurisdiction, me.jurisdiction)))
        self.site_label.setToolTip(tr("Site id {id}").format(id=me.id))  # for support
        if not self.site_name.hasFocus():
            self.site_name.setText(me.name)
        self.site_name.setReadOnly(not state.may_rename)
        self.rename_button.setVisible(state.may_rename)
        self._show_key(state.key)
        self.partners.model().names = state.names
        self.partners.model().set_rows(state.partners)
        current = self.partner_choice.currentData()
        self.partner_choice.clear()
        self.partner_choice.addItem(tr("All changes (any site)"), None)
        for p in state.partners:
            self.partner_choice.addItem(p.name, p.site_id)
        self.partner_choice.setCurrentIndex(max(0, self.partner_choice.findData(current)))
        self.remove_button.setVisible(state.may_remove and bool(state.partners))
        self.model.names = state.names
        self.model.set_rows(state.conflicts)
        for button in (self.keep_mine, self.take_theirs, self.edit_button):
            button.setVisible(state.may_resolve)
            button.setEnabled(bool(state.conflicts))

    def _show_key(self, key: KeyState) -> None:
        self.key_label.setText(key_text(key))
        self.key_label.setStyleSheet("color: #b00020;" if key.problem else "")
        self.key_fingerprint.setText(
            tr("Fingerprint: {fingerprint}").format(fingerprint=key.in_use.fingerprint)
            if key.in_use else "")
        self.key_fingerprint.setToolTip(tr("Read it to the other bureau on the phone: the "
                                           "same fingerprint means the same key."))
        self.forget_key_button.setEnabled(key.remembered is not None)

    def _partner_chosen(self) -> None:
        """Sending again is from what one partner confirmed: not for a file for any site."""
        has_partner = self.partner_choice.currentData() is not None
        self.again.setEnabled(has_partner)
        if not has_partner:
            self.again.setChecked(False)

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, LedgerError):
            raise error
        self._say(str(error), failed=True)

    def _say(self, text: str, failed: bool = False) -> None:
        self.summary.setText(text)
        self.summary.setStyleSheet("color: #b00020;" if failed else "")

    # -- the site and its key
    def rename(self) -> Op | None:
        name = self.site_name.text().strip()
        if not name:
            return None
        return self.ctx.db.op(lambda ledger: rename_site(ledger, name)) \
            .failure(self._failed).run()

    def ask_key_file(self) -> Op | None:
        path = folders.open_file(self, self.ctx, tr("Choose the shared key file"),
                                 tr("Key files (*.key);;All files (*)"))
        return self.set_key_file(Path(path)) if path else None

    def set_key_file(self, path: Path) -> Op:
        """Remember the key file at `path` for this ledger."""
        return self._key_op(lambda ledger: choose_key_file(ledger, path),
                            tr("Key file chosen: {path}").format(path=path))

    def ask_new_key_file(self) -> Op | None:
        path = folders.save_file(
            self, self.ctx, tr("New shared key file"), tr("exchange.key"),
            tr("Key files (*.key)"), options=QFileDialog.Option.DontConfirmOverwrite)
        if not path:
            return None
        return self._key_op(lambda ledger: new_key_file(ledger, Path(path)),
                            tr("New key file written to {path}: copy it to the other PCs "
                               "and choose it there.").format(path=path))

    def forget_key(self) -> Op:
        return self._key_op(forget_key_file, tr("This ledger has no key file now."))

    def _key_op(self, fn: Callable[[Ledger], Changes], done: str) -> Op:
        return self.ctx.db.op(fn).success(lambda _changes: self._say(done)) \
            .failure(self._failed).run()

    # -- files
    def export_choice(self) -> ExportChoice:
        return ExportChoice(self.partner_choice.currentData(), self.with_files.isChecked(),
                            self.again.isChecked())

    def ask_export(self) -> None:
        stem = self.partner_choice.currentText() if self.partner_choice.currentData() \
            else tr("all")
        path = folders.save_file(self, self.ctx, tr("Export exchange file"), f"{stem}.ecox",
                                 tr("Exchange files (*.ecox)"))
        if path:
            choice = self.export_choice()
            self.export_file(Path(path), ExportChoice(choice.to, choice.with_files,
                                                      choice.again, replace=True))

    def export_file(self, path: Path, choice: ExportChoice | str | None = None) -> Op:
        """Write the changes `choice` asks for (a partner's site id alone: its changes) to
        `path`, with a progress dialog."""
        if not isinstance(choice, ExportChoice):
            choice = ExportChoice(choice)
        return self._with_progress(
            tr("Exporting the exchange file…"),
            lambda ledger, progress, _cancelled: export_to(ledger, path, choice, progress),
            tr("Export cancelled; nothing was written."))

    def ask_import(self) -> None:
        path = folders.open_file(self, self.ctx, tr("Import exchange file"),
                                 tr("Exchange files (*.ecox)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path, confirm: bool = False) -> Op:
        """Merge the file at `path` with a progress dialog; a refusal shows the core's
        message, and the first file of a new partner asks to confirm its jurisdiction."""
        self.last_import = path
        return self._with_progress(
            tr("Importing the exchange file…"),
            lambda ledger, progress, _cancelled: import_from(ledger, path, progress, confirm),
            tr("Import cancelled; the ledger is unchanged."))

    def ask_partner(self, error: "arrivals.PartnerUnconfirmed", path: Path) -> None:
        """The first file of a partner: name it and its jurisdiction, import on Yes."""
        sender = error.arrival
        box = QMessageBox(QMessageBox.Icon.Question, tr("New exchange partner"),
                          tr("This is the first file from “{name}”. It says its jurisdiction "
                             "is {jurisdiction}: it may change the rows of that area in this "
                             "ledger, and rows outside this ledger's own jurisdiction are "
                             "refused.\n\nConfirm this partner and import the file?").format(
                              name=sender.name, jurisdiction=sender.jurisdiction_text),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.finished.connect(lambda _result: self.import_file(path, confirm=True)
                             if box.clickedButton() is yes else None)
        self.partner_question = box
        box.open()

    def _with_progress(self, title: str, fn: Callable[..., tuple[str, Changes]],
                       cancelled: str) -> Op:
        from ..progress import run_with_progress

        def done(result: tuple[str, Changes]) -> None:
            text, changes = result
            self._say(text)
            self.ctx.db.changed.emit(changes)  # every page (this one too) refreshes

        def failed(error: BaseException) -> None:
            if isinstance(error, Cancelled):
                self._say(cancelled)
            elif isinstance(error, arrivals.PartnerUnconfirmed):
                self._say(str(error))
                self.ask_partner(error, self.last_import)
            elif isinstance(error, OSError):  # a USB stick pulled out, a read-only folder
                self._say(tr("The file could not be read or written: {reason}").format(
                    reason=f"{error.strerror or error} ({error.filename})"
                    if error.filename else error), failed=True)
            else:
                self._failed(error)

        def idle() -> None:
            self.progress_op = None
            for button in (self.export_button, self.import_button):
                button.setEnabled(True)

        for button in (self.export_button, self.import_button):
            button.setEnabled(False)
        self._say(title)
        self.progress_op = run_with_progress(self.ctx.db, self, title, fn, done, after=idle,
                                             failure=failed)
        return self.progress_op

    def current_partner(self) -> exchange.Partner | None:
        index = self.partners.currentIndex()
        rows = self.state.partners if self.state else []
        if index.isValid():
            return rows[index.row()]
        return rows[0] if len(rows) == 1 else None

    def ask_remove(self) -> None:
        partner = self.current_partner()
        if partner is None:
            self._say(tr("Choose a partner first."))
            return
        answer = QMessageBox.question(
            self, tr("Remove what this partner brought in"),
            tr("Delete every record this ledger took from the files of “{name}”? Those "
               "that records made here still refer to are kept. The change history keeps "
               "what was deleted.").format(name=partner.name))
        if answer == QMessageBox.StandardButton.Yes:
            self.remove_partner(partner.site_id)

    def remove_partner(self, site_id: str) -> Op:
        def remove(ledger: Ledger) -> tuple[str, Changes]:
            removal = arrivals.remove_partner_rows(ledger, site_id)
            return removal.text(), arrivals.changes_of(removal)

        def done(result: tuple[str, Changes]) -> None:
            self._say(result[0])
            self.ctx.db.changed.emit(result[1])
        return self.ctx.db.op(remove).success(done).failure(self._failed).run()

    # -- conflicts
    def current_conflict(self) -> exchange.Conflict | None:
        index = self.conflicts.currentIndex()
        if not index.isValid() and self.model.rows:
            return self.model.rows[0] if len(self.model.rows) == 1 else None
        return self.model.rows[index.row()] if index.isValid() else None

    def resolve_current(self, choice: str, value: Any = None) -> Op | None:
        conflict = self.current_conflict()
        if conflict is None:
            self._say(tr("Choose a conflict first."))
            return None

        def done(_changes: Changes) -> None:
            self._say(messages.text("label.exchange_resolved"))
        return self.ctx.db.op(lambda ledger: exchange.resolve(ledger, conflict.id, choice,
                                                              value)) \
            .success(done).failure(self._failed).run()

    def edit_current(self) -> None:
        conflict = self.current_conflict()
        if conflict is None:
            self._say(tr("Choose a conflict first."))
            return
        start = "" if conflict.mine is None else value_text(conflict.mine)
        if len(start) > 40 or "\n" in start:  # a description: edited in a box, not a line
            text, ok = QInputDialog.getMultiLineText(self, tr("Edit the value"),
                                                     field_label(conflict.field), start)
        else:
            text, ok = QInputDialog.getText(self, tr("Edit the value"),
                                            field_label(conflict.field), text=start)
        if ok:
            like = conflict.mine if conflict.mine is not None else conflict.theirs
            self.resolve_current("edit", edited_value(text, like))
