"""The statutory marks and sign-off of a return form: per form (表号 …) and per bureau."""
from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QVBoxLayout, QWidget)

from ..context import AppContext
from ..i18n import tr


def mark_labels() -> dict[str, str]:
    """Each mark's label in the interface language (the file itself is always Chinese)."""
    return {
        "form.number": tr("Form number"),
        "form.issued_by": tr("Issued by"),
        "form.approved_by": tr("Approved by"),
        "form.approval_number": tr("Approval number"),
        "form.valid_until": tr("Valid until"),
        "unit.name": tr("Compiling office"),
        "sign.unit_head": tr("Head of the unit"),
        "sign.statistician": tr("Head of statistics"),
        "sign.filled_by": tr("Filled in by"),
        "sign.phone": tr("Telephone"),
    }


def read_marks(ledger, form_name: str) -> tuple[list[str], dict[str, str]]:
    """On the worker: the marks the form prints and their values."""
    from core.returns import forms, marks
    form = forms.find(ledger, form_name)
    return marks.used(form), marks.values(ledger, form.name)


class MarksDialog(QDialog):
    """Edits the marks `form_name` prints; blank ones print as a line to fill by hand."""

    def __init__(self, ctx: AppContext, form_name: str, form_title: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.form_name = ctx, form_name
        self.setWindowTitle(tr("Marks of {form}").format(form=form_title))
        self.fields: dict[str, QLineEdit] = {}
        self.form = QFormLayout()
        self.note = QLabel(tr("Form marks are set by the province: type them as printed on its "
                              "form, never invent them. The sign-off is the bureau's, for every "
                              "form. Blank marks print as a line to fill in by hand."))
        self.note.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 420)
        ctx.db.op(lambda ledger: read_marks(ledger, form_name)).success(self._fill).run()

    def _fill(self, found: tuple[list[str], dict[str, str]]) -> None:
        used, values = found
        labels = mark_labels()
        for mark in used:
            edit = QLineEdit(values.get(mark, ""))
            edit.setPlaceholderText(tr("blank: printed as ＿＿＿＿＿＿"))
            self.fields[mark] = edit
            self.form.addRow(labels[mark], edit)

    def values(self) -> dict[str, str]:
        return {mark: edit.text() for mark, edit in self.fields.items()}

    def save(self) -> None:
        from core.returns import marks
        values = self.values()
        self.ctx.db.op(lambda ledger: marks.put(ledger, self.form_name, values)) \
            .success(lambda _changes: self.accept()) \
            .failure(lambda error: self.error.setText(str(error))).run()
