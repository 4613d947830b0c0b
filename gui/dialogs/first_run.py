"""The first start: the bureau's jurisdiction, the administrator's account (name, login,
password), demo data or not."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QCompleter, QDialog, QDialogButtonBox,
                               QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget)

from core import operators, regions
from core.ledger import Ledger

from ..i18n import tr


def region_choices(ledger: Ledger) -> list[tuple[str, str]]:
    """(code, full name) of every province, city and county, in code order."""
    rows = ledger.conn.execute("SELECT code, name, parent_code, level FROM region ORDER BY code")
    names: dict[str, str] = {}
    choices = []
    for code, name, parent, level in rows:
        full = (names.get(parent, "") + name) if level > regions.PROVINCE else name
        names[code] = full
        choices.append((code, f"{full} {code}"))
    return choices


class FirstRunDialog(QDialog):
    def __init__(self, choices: list[tuple[str, str]], default: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Welcome to EcoLedger"))
        self.region = QComboBox()
        self.region.setEditable(True)
        self.region.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for code, label in choices:
            self.region.addItem(label, code)
        self.region.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.region.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.region.setCurrentIndex(max(0, self.region.findData(default)))
        self.operator = QLineEdit()
        self.operator.setPlaceholderText(tr("Your name, recorded with every change"))
        self.login = QLineEdit()
        self.login.setPlaceholderText(tr("What you sign in with, e.g. wangxf"))
        self.password, self.repeat = QLineEdit(), QLineEdit()
        for edit in (self.password, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(tr("At least {n} characters").format(
            n=operators.MIN_PASSWORD))
        self.demo = QCheckBox(tr("Load demo data (2,507 problems of a Shanxi campaign)"))
        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828;")
        form = QFormLayout()
        form.addRow(tr("Bureau's jurisdiction"), self.region)
        form.addRow(tr("Administrator's name"), self.operator)
        form.addRow(tr("Login"), self.login)
        form.addRow(tr("Password"), self.password)
        form.addRow(tr("Password again"), self.repeat)
        form.addRow("", self.demo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Set up the ledger of your bureau. You become its administrator: "
                          "you add the clerks' and managers' accounts afterwards."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def region_code(self) -> str | None:
        """The region picked, or typed so that only one region fits it."""
        found = self.matches()
        return found[0] if len(found) == 1 else None

    def matches(self) -> list[str]:
        """The codes of the regions the typed text names: the label picked, a code, a
        name typed in full or its end (曲沃县, 临汾市), else every name containing it."""
        typed = "".join(self.region.currentText().split())
        if not typed:
            return []
        index = self.region.findText(self.region.currentText())
        if index >= 0:
            return [self.region.itemData(index)]
        entries = [(self.region.itemData(i), self.region.itemText(i).rsplit(" ", 1)[0])
                   for i in range(self.region.count())]
        for fits in (lambda code, name: typed == code,
                     lambda code, name: name.endswith(typed),
                     lambda code, name: typed in name):
            found = [code for code, name in entries if fits(code, name)]
            if found:
                return found
        return []

    def accept(self) -> None:
        found = self.matches()
        if len(found) > 1:
            self.message.setText(tr("{n} regions fit “{text}”: choose one from the list.")
                                 .format(n=len(found), text=self.region.currentText().strip()))
        elif not found:
            self.message.setText(tr("Choose a region from the list."))
        elif not self.operator.text().strip():
            self.message.setText(tr("Enter the operator's name."))
        elif not self.login.text().strip() or any(c.isspace() for c in self.login.text().strip()):
            self.message.setText(tr("Enter a login without spaces."))
        elif len(self.password.text()) < operators.MIN_PASSWORD:
            self.message.setText(tr("The password needs at least {n} characters.").format(
                n=operators.MIN_PASSWORD))
        elif self.password.text() != self.repeat.text():
            self.message.setText(tr("The two passwords differ."))
        else:
            super().accept()
