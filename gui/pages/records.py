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

    def empty_text(self) -> str:
        return tr("No enterprises yet. Add one with New record, or import a ledger from "
                  "Excel: its enterprises come with it.")

    def new_record(self) -> None:
        self.open_form(forms.EnterpriseForm(self.ctx, parent=self))

    def open_row(self, number: int) -> None:
        row_id = self.model.row_id(number)
        if row_id:
            self.edit_form(forms.EnterpriseForm, row_id)


class InspectionsPage(BrowserPage):
    key = "inspections"
    view = INSPECTIONS
    columns = ("inspected_on", "enterprise", "region", "kind", "result", "officers",
               "problems", "penalty_cases", "notes")
    watched = ("inspection", "problem", "enterprise", "penalty_case")

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.resize_columns({"enterprise": 260, "region": 80, "officers": 140})

    def empty_text(self) -> str:
        return tr("No inspections yet. Record one with New record; the problems it finds "
                  "can be entered in the same form.")

    def new_record(self) -> None:
        self.open_form(forms.InspectionForm(self.ctx, parent=self))

    def open_row(self, number: int) -> None:
        row_id = self.model.row_id(number)
        if row_id:
            self.edit_form(forms.InspectionForm, row_id)


class PenaltiesPage(BrowserPage):
    key = "penalties"
    view = PENALTIES
    columns = ("case_number", "stage", "decided_on", "enterprise", "region", "violation",
               "fine_fen", "daily_fine_fen", "measures")
    watched = ("penalty_case", "enterprise")

    def side_panel(self):
        from .penalty_detail import PenaltyDetail
        self.detail = PenaltyDetail(self.ctx)
        return self.detail

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.resize_columns({"case_number": 150, "stage": 70, "enterprise": 200, "region": 80,
                             "violation": 200, "fine_fen": 120, "daily_fine_fen": 120})

    def row_chosen(self, row_id: str | None) -> None:
        self.detail.show_case(row_id)

    def empty_text(self) -> str:
        return tr("No penalty cases yet. Record a case with New record.")

    def new_record(self) -> None:
        self.open_form(forms.PenaltyForm(self.ctx, parent=self))

    def open_row(self, number: int) -> None:
        row_id = self.model.row_id(number)
        if row_id:
            self.edit_form(forms.PenaltyForm, row_id)
