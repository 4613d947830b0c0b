"""The ledger browser pages: enterprises, inspections, penalty cases."""
from __future__ import annotations

from core.queries import ENTERPRISES, INSPECTIONS, PENALTIES

from .. import forms
from ..i18n import tr
from .base import BrowserPage


class EnterprisesPage(BrowserPage):
    key = "enterprises"
    view = ENTERPRISES
    columns = ("name", "credit_code", "region", "industry_code", "permit_number",
               "key_monitored", "address")
    descending = False

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.resize_columns({"name": 260, "credit_code": 170, "region": 80,
                             "permit_number": 190, "key_monitored": 100})

    def new_record(self) -> None:
        forms.EnterpriseForm(self.ctx, parent=self).open()

    def open_row(self, number: int) -> None:
        row_id = self.model.row_id(number)
        if row_id:
            forms.EnterpriseForm.edit(self.ctx, row_id, parent=self)


class InspectionsPage(BrowserPage):
    key = "inspections"
    view = INSPECTIONS
    columns = ("inspected_on", "enterprise", "region", "kind", "result", "officers",
               "problems", "notes")
    watched = ("inspection", "problem", "enterprise")

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.resize_columns({"enterprise": 260, "region": 80, "officers": 140})

    def new_record(self) -> None:
        forms.InspectionForm(self.ctx, parent=self).open()

    def open_row(self, number: int) -> None:
        row_id = self.model.row_id(number)
        if row_id:
            forms.InspectionForm.edit(self.ctx, row_id, parent=self)


class PenaltiesPage(BrowserPage):
    key = "penalties"
    view = PENALTIES
    columns = ("case_number", "decided_on", "enterprise", "region", "violation", "fine_fen",
               "daily_fine_fen", "measures")
    watched = ("penalty_case", "enterprise")

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.resize_columns({"case_number": 170, "enterprise": 250, "region": 80,
                             "violation": 200, "fine_fen": 120, "daily_fine_fen": 120})

    def new_record(self) -> None:
        forms.PenaltyForm(self.ctx, parent=self).open()

    def open_row(self, number: int) -> None:
        row_id = self.model.row_id(number)
        if row_id:
            forms.PenaltyForm.edit(self.ctx, row_id, parent=self)
