"""The exchange page's tables: the open conflicts (record, field, mine, theirs, whose) and the
partner sites with their last exchange each way, and how a conflicting value is shown."""
from __future__ import annotations

import html
import json
from typing import Any

from PySide6.QtCore import Qt

from core import messages

from ..i18n import tr
from .rows import RowsModel

SHOWN_CHARACTERS = 160  # a longer value is cut in its cell; the tooltip holds all of it


def field_label(name: str) -> str:
    if name == "*":
        return messages.label("label.exchange_deleted")
    shown = messages.label("field." + name)
    return name if shown == "field." + name else shown


def record_label(table: str, row_id: str) -> str:
    """The kind of record and the end of its id (ids are time-ordered: their start is alike)."""
    kind = messages.label("kind." + table)
    return f"{table if kind == 'kind.' + table else kind} …{row_id[-8:]}"


def value_text(value: Any) -> str:
    if value is None:
        return messages.label("label.exchange_deleted")
    return json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else str(value)


def shown_text(text: str) -> str:
    """A value as its cell shows it: cut after SHOWN_CHARACTERS, one line per line."""
    return text if len(text) <= SHOWN_CHARACTERS else text[:SHOWN_CHARACTERS - 1] + "…"


def tooltip_text(text: str) -> str:
    """The whole value as rich text, so that Qt wraps a long one instead of one wide line."""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


class ConflictModel(RowsModel):
    """The open conflicts: record, field, mine, theirs (and whose)."""

    RECORD, FIELD, MINE, THEIRS, PARTNER = range(5)

    def headers(self) -> tuple[str, ...]:
        return (tr("Record"), tr("Field"), tr("Mine"), tr("Theirs"), tr("Partner site"))

    def cell(self, conflict, row: int, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return shown_text(self.full_text(row, column))
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip_text(self.full_text(row, column, whole=True))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        return None

    names: dict[str, str] = {}  # record ids → their numbers or names (ExchangeState.names)

    def full_text(self, row: int, column: int, whole: bool = False) -> str:
        """The cell's text; `whole`: with the full record and site ids, for the tooltip."""
        c = self.rows[row]
        if column == self.RECORD:
            kind = record_label(c.table, c.row_id)
            if whole:
                return f"{kind.split(' …')[0]} {self.names.get(c.row_id, '')} {c.row_id}"
            named = self.names.get(c.row_id)
            return f"{kind.split(' …')[0]} {named}" if named else kind
        if column == self.FIELD:
            return field_label(c.field)
        if column == self.MINE:
            return value_text(c.mine)
        if column == self.THEIRS:
            return value_text(c.theirs)
        name = c.partner_name or c.partner_site[:8]
        return f"{name} ({c.partner_site})" if whole else name




class PartnerModel(RowsModel):
    """The sites exchanged with, and the last exchange each way."""

    def headers(self) -> tuple[str, ...]:
        return (tr("Site"), tr("Jurisdiction"), tr("Last export to"), tr("Last import from"))

    names: dict[str, str] = {}  # jurisdiction codes → names (ExchangeState.names)

    def cell(self, p, row: int, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        jurisdiction = self.names.get(p.jurisdiction, p.jurisdiction) if p.jurisdiction else "-"
        return (p.name, jurisdiction, _when(p.last_export_at),
                _when(p.last_import_at))[column]


def _when(at: str | None) -> str:
    return at[:16].replace("T", " ") if at else "-"
