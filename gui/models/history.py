"""A record's audit history: who changed it, when, which field, from what to what.

`read_history` runs on the worker (it names ids, codes and logins); `HistoryModel` lists
the lines it read."""
from __future__ import annotations

import json
from dataclasses import dataclass

from PySide6.QtCore import Qt

from core import audit, messages
from core.ledger import Ledger
from core.money import fen_to_yuan_text
from core.vocabulary import PENALTY_FLAGS

from .. import labels
from ..i18n import tr
from .rows import RowsModel

# Book-keeping columns every row has: they change with every edit and say nothing new;
# a file's hash is for the integrity check, not for reading.
HIDDEN_FIELDS = frozenset({"id", "created_at", "updated_at", "operator", "sha256"})
# Columns holding the id of another record, and how to name that record.
_NAMED = {"enterprise_id": "SELECT name FROM enterprise WHERE id = ?",
          "campaign_id": "SELECT name FROM campaign WHERE id = ?",
          "batch_id": "SELECT name FROM batch WHERE id = ?",
          "inspection_id": "SELECT inspected_on FROM inspection WHERE id = ?",
          "problem_id": "SELECT coalesce(number, substr(description, 1, 30)) FROM problem "
                        "WHERE id = ?",
          "case_id": "SELECT case_number FROM penalty_case WHERE id = ?"}
_PEOPLE = frozenset({"approved_by", "refused_by", "done_by"})
_REGIONS = frozenset({"region_code"})
# Columns holding a vocabulary code, by the prefix of its labels.
_CODED = {"status": "status", "status_from": "status", "status_to": "status",
          "category": "category", "source": "source", "deadline_kind": "deadline_kind",
          "kind": "inspection_kind", "result": "inspection_result", "stage": "penalty_stage"}
_FLAGS = frozenset(PENALTY_FLAGS) | {"key_monitored", "daily_fine"}


@dataclass(frozen=True)
class Change:
    """One line of the history: one field of one audited write."""

    at: str
    operator: str
    action: str
    table: str
    field: str
    old: str
    new: str


class Names:
    """What the ids, codes and logins of a history stand for, looked up on the worker."""

    def __init__(self, ledger: Ledger | None):
        self.ledger = ledger
        self._found: dict[tuple[str, object], str] = {}

    def person(self, login: str | None) -> str:
        return self._lookup("person", login, "SELECT name FROM operator_account WHERE login = ?")

    def value(self, field: str, value: object) -> str:
        """`value` of column `field` as a reader knows it: a name, a label, 是/否, yuan."""
        if value is None or value == "":
            return ""
        if field == "phase":
            return {"before": tr("Before"), "after": tr("After")}.get(str(value), str(value))
        if field in _CODED:
            return labels.choice(_CODED[field], str(value))
        if field in _FLAGS and value in (0, 1, "0", "1"):
            return tr("Yes") if str(value) == "1" else tr("No")
        if field.endswith("_fen") and isinstance(value, int):
            return fen_to_yuan_text(value)
        if field == "size" and isinstance(value, int):
            return tr("{size} KB").format(size=f"{value / 1024:,.1f}")
        if field in _NAMED:
            return self._lookup(field, value, _NAMED[field])
        if field in _REGIONS:
            return self._region(str(value))
        if field in _PEOPLE:
            return self.person(str(value))
        return _shown(value)

    def _region(self, code: str) -> str:
        key = ("region", code)
        if key not in self._found:
            from core import regions
            found = regions.get(self.ledger, code) if self.ledger is not None else None
            self._found[key] = found.name if found else code
        return self._found[key]

    def _lookup(self, kind: str, value: object, sql: str) -> str:
        key = (kind, value)
        if key not in self._found:
            row = (self.ledger.conn.execute(sql, (value,)).fetchone()
                   if self.ledger is not None and value else None)
            self._found[key] = str(row[0]) if row and row[0] is not None else _shown(value)
        return self._found[key]


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _field_label(field: str) -> str:
    code = f"field.{field}"
    text = messages.label(code)
    return field if text == code else text


def changes_of(entries: list[audit.Entry], names: Names | None = None) -> list[Change]:
    """Audit entries as one line per changed field, oldest first; an event is one line.
    A new record lists only the fields it was given; a field of the problem the history
    is of (its own id in a measure, say) is left out."""
    names = names or Names(None)
    lines = []
    for entry in entries:
        base = (entry.at.replace("T", " "), names.person(entry.operator) if entry.operator
                else "", entry.action, entry.table_name)
        if entry.action not in ("insert", "update", "delete"):
            lines.append(Change(*base, "", _shown(entry.old), _shown(entry.new)))
            continue
        for field, (old, new) in entry.changes().items():
            if field in HIDDEN_FIELDS or (entry.action == "update" and old == new):
                continue
            if entry.action != "update" and old in (None, "") and new in (None, ""):
                continue
            if field == "problem_id" and entry.table_name != "problem":
                continue
            lines.append(Change(*base, _field_label(field), names.value(field, old),
                                names.value(field, new)))
    return lines


def read_history(ledger: Ledger, row_id: str, problem: bool) -> list[Change]:
    """Runs on the worker: a problem's history takes in its log, measures and extensions."""
    entries = audit.problem_history(ledger, row_id) if problem else audit.history(ledger, row_id)
    return changes_of(entries, Names(ledger))


class HistoryModel(RowsModel):
    """The history lines, read-only."""

    AT, OPERATOR, ACTION, TABLE, FIELD, OLD, NEW = range(7)

    def headers(self) -> tuple[str, ...]:
        return (tr("When"), tr("Operator"), tr("Change"), tr("Record"), tr("Field"),
                tr("Old value"), tr("New value"))

    def cell(self, line: Change, row: int, column: int, role: int) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.ACTION:
            return _action_label(line.action)
        if column == self.TABLE:
            return labels.table_label(line.table)
        return (line.at, line.operator, None, None, line.field, line.old, line.new)[column]


def _action_label(action: str) -> str:
    known = {"insert": tr("added"), "update": tr("changed"), "delete": tr("deleted")}
    if action in known:
        return known[action]
    text = messages.label(f"audit.{action}")
    return action if text.startswith("audit.") else text
