"""Campaigns (专项行动) and their numbered batches of supervision letters (督办批次)."""
from __future__ import annotations

from typing import Any, Mapping, TYPE_CHECKING

from . import numbering, rows
from .changes import Changes
from .validation import Form

if TYPE_CHECKING:
    from .ledger import Ledger


def check_campaign(raw: Mapping[str, Any]) -> Form:
    form = Form(raw)
    form.text("name", required=True, max_length=100)
    form.date("starts_on")
    form.date("ends_on")
    form.ordered("starts_on", "ends_on", "error.ends_before_start")
    if raw.get("target_rate") not in (None, ""):
        try:
            rate = float(raw["target_rate"])
        except (TypeError, ValueError):
            form.fail("target_rate", "error.number_invalid", value=raw["target_rate"])
        else:
            if not 0 <= rate <= 100:
                form.fail("target_rate", "error.number_range", low=0, high=100)
            form.values["target_rate"] = rate
    else:
        form.values["target_rate"] = None
    return form


def add_campaign(ledger: Ledger, raw: Mapping[str, Any]) -> Changes:
    form = check_campaign(raw)
    form.raise_if_blocked()
    with ledger.transaction():
        row_id = rows.insert(ledger, "campaign", form.values)
    return Changes.of("campaign", ids=(row_id,))


def update_campaign(ledger: Ledger, row_id: str, raw: Mapping[str, Any],
                    based_on: int | None = None) -> Changes:
    form = check_campaign({**rows.get(ledger, "campaign", row_id), **raw})
    form.raise_if_blocked()
    with ledger.transaction():
        rows.update(ledger, "campaign", row_id, form.values, based_on)
    return Changes.of("campaign", ids=(row_id,))


def check_batch(ledger: Ledger, raw: Mapping[str, Any]) -> Form:
    form = Form(raw)
    form.reference(ledger, "campaign_id", "campaign")
    form.integer("number", 1, 999, default=0)
    if form.values["number"] == 0:
        form.fail("number", "error.required")
    form.text("name", required=True, max_length=100)
    form.date("issued_on", not_future=True)
    form.values["letter_number"] = numbering.year_brackets(
        form.text("letter_number", max_length=60))
    return form


def add_batch(ledger: Ledger, raw: Mapping[str, Any]) -> Changes:
    form = check_batch(ledger, raw)
    form.raise_if_blocked()
    with ledger.transaction():
        row_id = rows.insert(ledger, "batch", form.values)
    return Changes.of("batch", ids=(row_id,))
