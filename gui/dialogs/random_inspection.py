"""The small dialogs of the 双随机 page: a class, an item, the items of an enterprise, the
witness of a draw, an officer. Each only collects what is typed; the page hands it to core."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QLabel, QLineEdit, QVBoxLayout, QWidget)

from core.random_inspection import directory

from ..context import AppContext
from ..i18n import tr


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    """OK and Cancel, accepting and rejecting `dialog`."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class ItemsDialog(QDialog):
    """The inspection items that apply to one enterprise (none ticked: all of a plan's)."""

    def __init__(self, items: list[directory.Item], member: directory.Member,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Items that apply to {name}").format(name=member.name))
        layout = QVBoxLayout(self)
        self.boxes = {}
        for item in items:
            box = QCheckBox(f"{item.code} {item.name}")
            box.setChecked(item.code in member.items)
            layout.addWidget(box)
            self.boxes[item.code] = box
        layout.addWidget(QLabel(tr("None ticked: every item of the plan applies.")))
        layout.addWidget(ok_cancel(self))

    def chosen(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isChecked()]


class ClassDialog(QDialog):
    """A class of the bureau's own (its province's A/B/C, say)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("New supervision class"))
        self.code, self.name = QLineEdit(), QLineEdit()
        self.key = QCheckBox(tr("Key-monitored enterprises fall here unless their class is set"))
        self.fallback = QCheckBox(tr("Every other enterprise falls here unless its class is set"))
        form = QFormLayout(self)
        form.addRow(tr("Code"), self.code)
        form.addRow(tr("Name"), self.name)
        form.addRow("", self.key)
        form.addRow("", self.fallback)
        form.addRow(ok_cancel(self))

    def raw(self) -> dict[str, Any]:
        return {"code": self.code.text(), "name": self.name.text(),
                "for_key_monitored": self.key.isChecked(), "fallback": self.fallback.isChecked()}


class ItemDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("New inspection item"))
        self.code, self.name, self.basis = QLineEdit(), QLineEdit(), QLineEdit()
        form = QFormLayout(self)
        form.addRow(tr("Code"), self.code)
        form.addRow(tr("Name"), self.name)
        form.addRow(tr("Legal basis"), self.basis)
        form.addRow(ok_cancel(self))

    def raw(self) -> dict[str, Any]:
        return {"code": self.code.text(), "name": self.name.text(), "basis": self.basis.text()}


class DrawDialog(QDialog):
    """The witness and the public value typed in front of them; a redraw's reason."""

    def __init__(self, redraw: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Redraw") if redraw else tr("Draw"))
        self.witness, self.value, self.reason = QLineEdit(), QLineEdit(), QLineEdit()
        self.value.setPlaceholderText(tr("e.g. today's lottery number"))
        form = QFormLayout(self)
        form.addRow(tr("Witness"), self.witness)
        form.addRow(tr("Public value"), self.value)
        if redraw:
            form.addRow(tr("Reason for the redraw"), self.reason)
            form.addRow("", QLabel(tr("The first draw is kept in the ledger.")))
        form.addRow(ok_cancel(self))

    def values(self) -> tuple[str, str, str | None]:
        return self.witness.text(), self.value.text(), self.reason.text() or None


class OfficerDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("New officer"))
        self.name, self.certificate, self.unit, self.field = (QLineEdit() for _ in range(4))
        self.county = QComboBox()
        self.county.addItem(tr("(none)"), None)
        for region in ctx.bureau.counties:
            self.county.addItem(region.name, region.code)
        form = QFormLayout(self)
        for label, widget in ((tr("Name"), self.name), (tr("Certificate"), self.certificate),
                              (tr("Unit"), self.unit), (tr("Field"), self.field),
                              (tr("County"), self.county)):
            form.addRow(label, widget)
        form.addRow(ok_cancel(self))

    def raw(self) -> dict[str, Any]:
        return {"name": self.name.text(), "certificate": self.certificate.text(),
                "unit": self.unit.text(), "field": self.field.text(),
                "region_code": self.county.currentData()}
