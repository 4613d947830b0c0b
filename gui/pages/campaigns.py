"""Campaigns (专项行动) and the batches of supervision letters in each."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from core.queries import BATCHES, CAMPAIGNS, Query

from .. import labels
from .. import forms
from ..i18n import tr
from ..models.table import LedgerTableModel
from .base import BrowserPage


class CampaignsPage(BrowserPage):
    key = "campaigns"
    view = CAMPAIGNS
    columns = ("name", "starts_on", "ends_on", "target_rate", "batches", "problems")
    watched = ("campaign", "batch", "problem")

    def side_panel(self) -> QWidget:
        panel = QWidget()
        self.batch_model = LedgerTableModel(
            self.ctx, BATCHES, ("number", "name", "issued_on", "letter_number", "problems"),
            labels.headers(), labels.cell, ("batch", "problem"), panel)
        self.batches = QTableView()
        self.batch_model.show_in(self.batches)
        self.batches.horizontalHeader().setStretchLastSection(True)
        self.batches.verticalHeader().hide()
        new_batch = QPushButton(tr("New batch…"))
        new_batch.clicked.connect(lambda: forms.BatchForm(self.ctx, parent=self).open())
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(tr("Batches of the selected campaign"))
        heading.setWordWrap(True)  # wraps on a narrow pane instead of being cut off
        layout.addWidget(heading)
        layout.addWidget(self.batches, 1)
        layout.addWidget(new_batch)
        return panel

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _: self._show_batches(current.row() if current.isValid() else -1))
        self.batch_model.set_query(Query(sort="number"))
        self.resize_columns({"name": 200, "starts_on": 95, "ends_on": 95, "target_rate": 110,
                             "batches": 60})
        self.filters.hide()  # campaigns are few: nothing to filter or search
        self.clear_button.hide()
        self.splitter.setSizes([700, 560])
        self.batches.resizeColumnsToContents()
        self.batch_model.loaded.connect(self.batches.resizeColumnsToContents)

    def _show_batches(self, row: int) -> None:
        campaign = self.model.row_id(row) if row >= 0 else None
        self.batch_model.set_query(replace(Query(campaign_id=campaign), sort="number"))

    def empty_text(self) -> str:
        return tr("No campaigns yet. A campaign groups the batches of supervision "
                  "letters and their problems: start one with New record.")

    def new_record(self) -> None:
        self.open_form(forms.CampaignForm(self.ctx, parent=self))

    def open_row(self, number: int) -> None:
        row_id = self.model.row_id(number)
        if row_id:
            self.edit_form(forms.CampaignForm, row_id)
