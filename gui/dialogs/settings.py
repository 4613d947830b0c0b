"""Settings: the operator's name, the bureau's unit name, the language."""
from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QSpinBox, QVBoxLayout, QWidget)

from core import backup, settings

from ..context import AppContext
from ..i18n import LANGUAGES, tr

LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English"}


class SettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(tr("Settings"))
        self.operator = QLineEdit(ctx.db_operator)
        self.unit_name = QLineEdit(ctx.bureau.unit_name)
        self.numbering = QLineEdit(ctx.bureau.number_pattern)
        self.numbering.setToolTip(tr("{region}: county code, {year}: year assigned, {seq:06d}: "
                                     "the next number, six digits"))
        # The bureau's settings are an administrator's; a signed-in operator is their login.
        self.unit_name.setEnabled(False)
        self.numbering.setEnabled(False)
        self.operator.setEnabled(ctx.account is None)
        self.keep = QSpinBox()
        self.keep.setRange(1, 365)
        self.keep.setValue(ctx.db.call(backup.keep_count))
        self.keep.setEnabled(False)
        self.keep.setToolTip(tr("How many automatic backups (daily and on close) are kept in "
                                "the backup folder; older ones are deleted."))
        from core.permissions import Action
        from .signin import offer
        offer(ctx, Action.SETTINGS, self.unit_name.setEnabled)
        offer(ctx, Action.SETTINGS, self.keep.setEnabled)
        offer(ctx, Action.SETTINGS, self.numbering.setEnabled)
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        current = ctx.settings.value("language", "zh_CN")
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        form = QFormLayout()
        form.addRow(tr("Operator"), self.operator)
        form.addRow(tr("Reporting unit"), self.unit_name)
        form.addRow(tr("Automatic backups kept"), self.keep)
        form.addRow(tr("Problem numbers"), self.numbering)
        form.addRow(tr("Language"), self.language)
        self.note = QLabel(tr("A new language shows after a restart."))
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)

    def accept(self) -> None:
        from core import numbering
        from core.errors import LedgerError
        pattern = self.numbering.text().strip()
        if self.numbering.isEnabled():
            try:
                numbering.check_pattern(pattern)
            except LedgerError as refused:  # said here, and the dialog stays open
                self.note.setText(str(refused))
                self.note.setStyleSheet("color: #c62828;")
                return
        operator = self.operator.text().strip() or self.ctx.db_operator
        unit, language = self.unit_name.text().strip(), self.language.currentData()
        unit_editable = self.unit_name.isEnabled()
        keep = str(self.keep.value()) if self.keep.isEnabled() else None
        self.ctx.settings.setValue("language", language)
        if self.operator.isEnabled():
            self.ctx.db_operator = operator
            self.ctx.db.set_operator(operator)

        def store(ledger):
            changes = settings.put(ledger, "operator_name", operator)
            changes |= settings.put(ledger, "language", language)
            if unit and unit_editable:
                changes |= settings.put(ledger, "unit_name", unit)
            if keep and keep != str(backup.keep_count(ledger)):
                changes |= settings.put(ledger, backup.KEEP_SETTING, keep)
            if unit_editable and pattern:
                changes |= settings.put(ledger, numbering.PATTERN_SETTING, pattern)
            return changes
        self.ctx.db.op(store).run()
        super().accept()
