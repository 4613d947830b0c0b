"""Enterprises / pollution sources (排污单位)."""
from __future__ import annotations

from typing import Any, Mapping, TYPE_CHECKING

from . import industries, rows
from .changes import Changes
from .validation import Form

if TYPE_CHECKING:
    from .ledger import Ledger

FIELDS = ("name", "credit_code", "region_code", "industry_code", "permit_number",
          "key_monitored", "address", "longitude", "latitude", "supervision_class")


def check(ledger: Ledger, raw: Mapping[str, Any], row_id: str | None = None) -> Form:
    """Validate an enterprise as typed; the form holds clean values and findings."""
    form = Form(raw)
    form.text("name", required=True, max_length=200)
    code = form.credit_code()
    form.region(ledger)
    industry = form.values["industry_code"] = industries.code_of(
        form.text("industry_code", max_length=80))  # '2521 炼焦' as picked is 2521
    if industry and len(industry) > 10:
        form.fail("industry_code", "error.too_long", limit=10, length=len(industry))
    form.text("permit_number", max_length=40)
    form.flag("key_monitored")
    from .random_inspection import classes  # its package imports nothing back
    classes.check_enterprise(ledger, form)
    form.text("address", max_length=300)
    _coordinate(form, "longitude", 73.0, 136.0)
    _coordinate(form, "latitude", 3.0, 54.0)
    if code and not form.has_error("credit_code"):
        other = ledger.conn.execute(
            "SELECT name FROM enterprise WHERE credit_code = ? AND id IS NOT ?", (code, row_id)
        ).fetchone()
        if other:
            form.fail("credit_code", "error.credit_code_taken", name=other[0])
    return form


def _coordinate(form: Form, field: str, low: float, high: float) -> None:
    value = form.raw.get(field)
    if value in (None, ""):
        form.values[field] = None
        return
    try:
        number = float(value)
    except (TypeError, ValueError):
        form.fail(field, "error.number_invalid", value=value)
        return
    if not low <= number <= high:
        form.fail(field, "error.number_range", low=low, high=high)
    form.values[field] = number


def add(ledger: Ledger, raw: Mapping[str, Any]) -> Changes:
    form = check(ledger, raw)
    form.raise_if_blocked()
    with ledger.transaction():
        row_id = rows.insert(ledger, "enterprise", form.values)
    return Changes.of("enterprise", ids=(row_id,), warnings=form.warnings)


def update(ledger: Ledger, row_id: str, raw: Mapping[str, Any],
           based_on: int | None = None) -> Changes:
    """Correct an enterprise; `based_on` is the version the values were typed over."""
    current = get(ledger, row_id)
    form = check(ledger, {**current, **raw}, row_id)
    form.raise_if_blocked()
    with ledger.transaction():
        rows.update(ledger, "enterprise", row_id, form.values, based_on)
    return Changes.of("enterprise", ids=(row_id,), warnings=form.warnings)


def get(ledger: Ledger, row_id: str) -> dict[str, Any]:
    return rows.get(ledger, "enterprise", row_id)


def with_region(ledger: Ledger, raw: Mapping[str, Any]) -> dict[str, Any]:
    """A record typed for an enterprise takes the enterprise's county unless it names one."""
    raw = dict(raw)
    if not raw.get("region_code") and raw.get("enterprise_id"):
        found = ledger.conn.execute(
            "SELECT region_code FROM enterprise WHERE id = ?", (raw["enterprise_id"],)
        ).fetchone()
        raw["region_code"] = found[0] if found else None
    return raw


def find_by_credit_code(ledger: Ledger, code: str) -> dict[str, Any] | None:
    row = ledger.conn.execute(
        "SELECT * FROM enterprise WHERE credit_code = ?", (code.strip().upper(),)
    ).fetchone()
    return dict(row) if row else None


def find_by_name(ledger: Ledger, name: str) -> dict[str, Any] | None:
    row = ledger.conn.execute("SELECT * FROM enterprise WHERE name = ?", (name.strip(),)).fetchone()
    return dict(row) if row else None
