"""Step 2 of the import: which column holds which field, and the campaign the rows join."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QTableWidget, QTableWidgetItem, QVBoxLayout)

from core import messages

from ..i18n import tr
from ..models.import_preview import shown
from .step import StepPage, load_tables

if TYPE_CHECKING:
    from .wizard import ImportWizard


class MappingPage(StepPage):
    """Step 2: which sheet column holds each ledger field, as proposed and corrected."""

    def __init__(self, wizard: "ImportWizard"):
        super().__init__(wizard)
        from core.ledger_import.mapping import FIELDS, REQUIRED
        self.fields, self.required = FIELDS, REQUIRED
        self.setTitle(tr("Check the columns"))
        self.setSubTitle(tr("Each ledger field and the sheet column it is read from. "
                            "Fields marked * are required."))
        self.table = None
        self.tables: list = []
        self.left_out: list = []
        self.proposed: dict[str, int] = {}
        self.loaded: tuple[str, str] | None = None
        self.grid = QTableWidget(len(FIELDS), 3)
        self.grid.setHorizontalHeaderLabels([tr("Ledger field"), tr("Sheet column"),
                                             tr("First value")])
        self.grid.verticalHeader().hide()
        self.grid.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.grid.setColumnWidth(0, 140)
        self.grid.setColumnWidth(1, 260)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.combos: dict[str, QComboBox] = {}
        for row, name in enumerate(FIELDS):
            self._add_field(row, name)
        self.campaign = QComboBox()
        self.found = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("New batches belong to")))
        bar.addWidget(self.campaign, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.found)
        layout.addWidget(self.grid, 1)
        layout.addLayout(bar)
        layout.addWidget(self.message)

    def _add_field(self, row: int, name: str) -> None:
        label = messages.label(f"import_field.{name}")
        item = QTableWidgetItem(label + (" *" if name in self.required else ""))
        self.grid.setItem(row, 0, item)
        self.grid.setItem(row, 2, QTableWidgetItem())
        combo = QComboBox()
        combo.currentIndexChanged.connect(lambda _, field=name: self.picked(field))
        self.grid.setCellWidget(row, 1, combo)
        self.combos[name] = combo

    def initializePage(self) -> None:
        self._fill_campaigns()
        wanted = self.owner.file_page.choice()
        if wanted == self.loaded and self.table is not None:
            return
        self.table = None
        self.loaded = wanted
        for combo in self.combos.values():
            combo.clear()
        self.start(lambda: load_tables(*wanted), self._show_tables, lane="parse")

    def _fill_campaigns(self) -> None:
        current = self.campaign.currentData()
        self.campaign.clear()
        self.campaign.addItem(tr("No campaign"), None)
        for campaign_id, name in self.owner.ctx.bureau.campaigns:
            self.campaign.addItem(name, campaign_id)
        self.campaign.setCurrentIndex(max(0, self.campaign.findData(current)))

    def _show_tables(self, found: tuple) -> None:
        self.tables, self.left_out = found
        self._show_table(self.tables[0])

    def _show_table(self, table) -> None:
        from core import ledger_import
        from core.ledger_import.workbook import column_letter
        self.table = table
        if table.header_first == table.header_last:
            found = tr("Header found in row {first}; data from row {data}.")
        else:
            found = tr("Header found in rows {first}–{last}; data from row {data}.")
        self.found.setText(found.format(first=table.header_first + 1,
                                        last=table.header_last + 1, data=table.first_data + 1))
        proposed = self.proposed = ledger_import.propose_mapping(table)
        for name, combo in self.combos.items():
            combo.blockSignals(True)
            combo.addItem(tr("(not imported)"), None)
            for column, header in enumerate(table.headers):
                combo.addItem(f"{column_letter(column)}  {header or ''}".rstrip(), column)
            combo.setCurrentIndex(max(0, combo.findData(proposed.get(name))))
            combo.blockSignals(False)
            self._show_first_value(name)

    def picked(self, name: str) -> None:
        """A column feeds one field only: choosing it here takes it from any other field."""
        column = self.combos[name].currentData()
        if column is not None:
            for other, combo in self.combos.items():
                if other != name and combo.currentData() == column:
                    combo.setCurrentIndex(0)
        self._show_first_value(name)
        self.completeChanged.emit()

    def _show_first_value(self, name: str) -> None:
        column = self.combos[name].currentData()
        text = ""
        if column is not None and self.table is not None:
            values = (row[column] for row in self.table.grid.rows[self.table.first_data:])
            text = next((shown(v) for v in values if shown(v)), "")
        self.grid.item(self.fields.index(name), 2).setText(text)

    def mapping(self) -> dict[str, int | None]:
        """Every field → its chosen 0-based column, None for fields left out; with several
        sheets, only the fields the user changed (each sheet keeps its own columns)."""
        chosen = {name: combo.currentData() for name, combo in self.combos.items()}
        if len(self.tables) > 1:
            return {name: column for name, column in chosen.items()
                    if column != self.proposed.get(name)}
        return chosen

    def combos_mapping(self) -> dict[str, int | None]:
        return {name: combo.currentData() for name, combo in self.combos.items()}

    def isComplete(self) -> bool:
        chosen = self.combos_mapping()
        return self.table is not None and all(chosen[name] is not None for name in self.required)
