"""How values of the ledger read on screen: column headers and cell texts."""
from __future__ import annotations

from typing import Any

from core import industries, messages
from core.money import fen_to_yuan_text
from core.vocabulary import PENALTY_FLAGS

from .i18n import tr


def headers() -> dict[str, str]:
    """Column headers by column key (built when asked, so the language is current)."""
    return {
        "number": tr("Number"), "region": tr("County"), "enterprise": tr("Enterprise"),
        "category": tr("Category"), "description": tr("Description"), "source": tr("Source"),
        "assigned_on": tr("Assigned on"), "deadline": tr("Deadline"), "status": tr("Status"),
        "responsible_unit": tr("Responsible unit"), "name": tr("Name"),
        "credit_code": tr("Credit code"), "industry_code": tr("Industry"),
        "permit_number": tr("Permit number"), "key_monitored": tr("Key monitored"),
        "address": tr("Address"), "inspected_on": tr("Date"), "kind": tr("Kind"),
        "result": tr("Result"), "officers": tr("Officers"), "problems": tr("Problem count"),
        "notes": tr("Notes"), "case_number": tr("Case number"), "decided_on": tr("Decided"),
        "violation": tr("Violation"), "fine_fen": tr("Fine (yuan)"),
        "daily_fine_fen": tr("Daily fines (yuan)"), "measures": tr("Special measures"),
        "starts_on": tr("Starts"), "ends_on": tr("Ends"), "target_rate": tr("Target rate (%)"),
        "batches": tr("Batches"), "campaign": tr("Campaign"), "issued_on": tr("Issued"),
        "letter_number": tr("Letter number"), "stage": tr("Stage"),
        "penalty_cases": tr("Penalty case numbers"),
    }


_PREFIXES = {"category": "category.", "source": "source.", "status": "status.",
             "kind": "inspection_kind.", "result": "inspection_result.",
             "stage": "penalty_stage."}
# The open ledger's own labels of its categories and sources (see `use_bureau`).
_code_labels: dict[str, dict[str, str]] = {}


def use_bureau(bureau) -> None:
    """Show categories and sources with the labels of the ledger the bureau was read from."""
    _code_labels.clear()
    for kind, entries in bureau.code_lists.items():
        _code_labels[kind] = {code: label for code, label, _ in entries}


def cell(key: str, value: Any) -> Any:
    """The text of one cell of column `key`."""
    if value is None:
        return ""
    if key in _code_labels:
        return _code_labels[key].get(value, value)
    if key in _PREFIXES:
        return messages.label(_PREFIXES[key] + value)
    if key in ("fine_fen", "daily_fine_fen"):
        return fen_to_yuan_text(value)
    if key == "key_monitored":
        return tr("Yes") if value else ""
    if key == "measures":
        return "、".join(messages.label("field." + flag)
                        for flag, on in zip(PENALTY_FLAGS, value) if on == "1")
    if key == "target_rate":
        return f"{value:g}"
    if key == "industry_code":  # the standard's names are Chinese only: English keeps the code
        return industries.label(value) if messages.language() == "zh_CN" else value
    return value


def choice(prefix: str, code: str) -> str:
    """The label of a vocabulary code, e.g. choice('status', 'closed'); a category or
    source by the open ledger's own list."""
    if prefix in _code_labels:
        return _code_labels[prefix].get(code, code)
    return messages.label(f"{prefix}.{code}")


def table_label(table: str) -> str:
    """What a record of `table` is called (history lines, progress of a long write)."""
    return {"problem": tr("Problem"), "problem_log": tr("Progress log"),
            "measure": tr("Measure"), "deadline_extension": tr("Deadline extension"),
            "attachment": tr("Attachment"), "penalty_case": tr("Penalty case"),
            "enterprise": tr("Enterprise"), "inspection": tr("Inspection"),
            "inspection_officer": tr("Inspection officers"), "campaign": tr("Campaign"),
            "batch": tr("Batch"), "penalty_stage": tr("Case stage"),
            "penalty_problem": tr("Problem punished"), "acceptance": tr("Acceptance")
            }.get(table) or _kind(table)


def _kind(table: str) -> str:
    """The core's own name of a table's records (kind.penalty_order...), else the table."""
    text = messages.label(f"kind.{table}")
    return table if text == f"kind.{table}" else text
