"""The ledger browser pages: enterprises, inspections, penalty cases."""
from __future__ import annotations

from core.queries import ENTERPRISES, INSPECTIONS, PENALTIES

from ..forms import EnterpriseForm, InspectionForm, PenaltyForm
from ..i18n import tr
from .base import BrowserPage


class EnterprisesPage(BrowserPage):
    key = "enterprises"
    view = ENTERPRISES
    columns = ("name", "credit_code", "region", "industry_code", "permit_number",
               "key_monitored", "address")

    @staticmethod
    def title() -> str:
        return tr("Enterprises")

    def new_record(self) -> None:
        EnterpriseForm(self.ctx, parent=self).open()

    def open_row(self, number: int) -> None:
        row_id = self.model.row_id(number)
        if row_id:
            EnterpriseForm(self.ctx, row_id=row_id, parent=self).open()


class InspectionsPage(BrowserPage):
    key = "inspections"
    view = INSPECTIONS
    columns = ("inspected_on", "enterprise", "region", "kind", "result", "officers",
               "problems", "notes")
    watched = ("inspection", "problem", "enterprise")

    @staticmethod
    def title() -> str:
        return tr("Inspections")

    def new_record(self) -> None:
        InspectionForm(self.ctx, parent=self).open()


class PenaltiesPage(BrowserPage):
    key = "penalties"
    view = PENALTIES
    columns = ("case_number", "decided_on", "enterprise", "region", "violation", "fine_fen",
               "daily_fine_fen", "measures")
    watched = ("penalty_case", "enterprise")

    @staticmethod
    def title() -> str:
        return tr("Penalty cases")

    def new_record(self) -> None:
        PenaltyForm(self.ctx, parent=self).open()

    def open_row(self, number: int) -> None:
        row_id = self.model.row_id(number)
        if row_id:
            PenaltyForm(self.ctx, row_id=row_id, parent=self).open()
