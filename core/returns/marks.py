"""Statutory marks and sign-off of a return: set per form and per bureau, kept in settings.

Per form (the province sets them; EcoLedger ships them blank, never invented): 表号,
制表机关, 批准机关, 批准文号, 有效期至. Per bureau: 综合机关名称 (the unit name, with the
jurisdiction's code), 单位负责人, 统计负责人, 填表人, 联系电话. A blank mark prints as
BLANK, a line to fill by hand; exporting for submission with a blank mark the form uses
asks first (`blanks`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import datetime as dt

from .. import dates, settings
from ..changes import Changes
from ..errors import LedgerError
from .forms import PLACEHOLDER, TEXT_FIELDS, Form

if TYPE_CHECKING:
    from ..ledger import Ledger

BLANK = "＿＿＿＿＿＿"
FORM_MARKS = ("form.number", "form.issued_by", "form.approved_by", "form.approval_number",
              "form.valid_until")
# placeholder → settings key of the bureau
BUREAU_MARKS = {"unit.name": "unit_name", "sign.unit_head": "unit_head",
                "sign.statistician": "statistician", "sign.filled_by": "filled_by",
                "sign.phone": "phone"}
MARKS = (*FORM_MARKS, *BUREAU_MARKS)


def _key(form_name: str, mark: str) -> str:
    return f"return.{form_name}.{mark}"


def values(ledger: Ledger, form_name: str) -> dict[str, str]:
    """Every mark's value for `form_name` ('' when not set)."""
    out = {m: settings.get(ledger, _key(form_name, m)) or "" for m in FORM_MARKS}
    out |= {m: settings.get(ledger, key) or "" for m, key in BUREAU_MARKS.items()}
    return out


def put(ledger: Ledger, form_name: str, changed: dict[str, str]) -> Changes:
    """Set marks (form marks for `form_name`, bureau marks for every form)."""
    unknown = set(changed) - set(MARKS)
    if unknown:
        raise LedgerError("error.mark_unknown", name="、".join(sorted(unknown)),
                          known="、".join(MARKS))
    out = Changes()
    current = values(ledger, form_name)
    with ledger.transaction():
        for mark, value in changed.items():
            if value.strip() == current[mark]:
                continue  # unchanged: not a write (the unit name is an administrator's)
            key = _key(form_name, mark) if mark in FORM_MARKS else BUREAU_MARKS[mark]
            out |= settings.put(ledger, key, value.strip())
    return out


def used(form: Form) -> list[str]:
    """The marks the form prints, in MARKS order."""
    names = {n for text in form.texts.values() for n in PLACEHOLDER.findall(text)}
    return [m for m in MARKS if m in names]


def blanks(ledger: Ledger, form: Form) -> list[str]:
    """Labels of the marks the form prints that are blank (asked about before submitting)."""
    current = values(ledger, form.name)
    return [TEXT_FIELDS[m] for m in used(form) if not current[m]]


def chinese_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def fields(ledger: Ledger, form: Form, as_of: str, campaign: str, reported_on: object | None,
           correction_note: str = "", row_count: int = 0) -> dict[str, str]:
    """Every text field's value for one filling of `form`."""
    day = dt.date.fromisoformat(as_of)
    try:
        reported = dates.parse_date(reported_on) if reported_on else dates.today()
    except dates.DateError:
        raise LedgerError("error.date_invalid", value=reported_on) from None
    marks = {k: v or BLANK for k, v in values(ledger, form.name).items()}
    return {**marks, "unit.code": settings.jurisdiction(ledger),
            "period.as_of": chinese_date(day), "period.year": str(day.year),
            "period.month": str(day.month), "period.last_year": str(day.year - 1),
            "campaign.name": campaign, "sign.reported_on": chinese_date(reported),
            "correction.note": correction_note, "ledger.row_count": f"{row_count:,}"}
