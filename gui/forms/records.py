"""Forms for enterprises, problems, penalty cases, campaigns and batches."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import QPushButton

from core import campaigns, codes, enterprises, industries, penalties, problems, queries, rows
from core.changes import Changes
from core.errors import Issue
from core.ledger import Ledger
from core.vocabulary import PENALTY_FLAGS

from .. import labels
from ..i18n import tr
from ..widgets import CompletingEdit
from .base import FormDialog


def _enterprise_list(ledger: Ledger) -> list[tuple[str, str, str]]:
    return queries.enterprise_names(ledger, "", limit=50_000)


class EnterpriseForm(FormDialog):
    form_name = "enterprise"

    def title(self) -> str:
        return tr("Enterprise") if self.row_id else tr("New enterprise")

    def build(self) -> None:
        self.add_text("name", tr("Name"))
        self.add_text("credit_code", tr("Credit code"))
        self.add_region("region_code", tr("County"), blank="")
        industry = CompletingEdit()
        industry.set_completions(industries.choices())
        industry.setPlaceholderText(tr("code or name, e.g. 2521"))
        self._add("industry_code", tr("Industry (GB/T 4754)"), industry, industry.text,
                  lambda v: industry.setText(labels.cell("industry_code", v)),
                  industry.textChanged)  # shown as '2521 炼焦', stored as 2521
        self.add_text("permit_number", tr("Discharge permit number"))
        self.add_flag("key_monitored", tr("Key monitored"))
        self.add_text("address", tr("Address"))

    def check(self, ledger: Ledger, raw: dict[str, Any]) -> list[Issue]:
        return list(enterprises.check(ledger, raw, self.row_id).issues)

    def write(self, ledger: Ledger, raw: dict[str, Any]) -> Changes:
        if self.row_id:
            return enterprises.update(ledger, self.row_id, raw, self.version)
        return enterprises.add(ledger, raw)

    def load(self, ledger: Ledger, row_id: str) -> dict[str, Any]:
        return enterprises.get(ledger, row_id)


class ProblemForm(FormDialog):
    form_name = "problem"

    def title(self) -> str:
        return tr("Problem") if self.row_id else tr("New problem")

    def build(self) -> None:
        bureau = self.ctx.bureau
        self.add_text("number", tr("Number")).setPlaceholderText(
            tr("left empty: numbered automatically"))
        self.add_text("complaint_number", tr("Complaint number"))
        self.add_choice("source", tr("Source"), bureau.choices("source"))
        self.add_choice("batch_id", tr("Batch"), [(b[0], b[1]) for b in bureau.batches],
                        blank=tr("(none)"))
        self.add_enterprise("enterprise_id", tr("Enterprise"))
        self.add_region("region_code", tr("County"), blank=tr("(the enterprise's)"))
        self.add_choice("category", tr("Category"), bureau.choices("category"))
        extra = self.add_text("extra_categories", tr("Further categories"))
        extra.setPlaceholderText(tr("e.g. 噪声、扬尘 (labels or synonyms)"))
        self.add_note("description", tr("Description"))
        self.add_date("assigned_on", tr("Assigned on"))
        self.add_deadline("deadline", tr("Deadline"))
        self.add_text("responsible_unit", tr("Responsible unit"))
        self.add_text("responsible_person", tr("Responsible person"))
        self.fields["source"].write("supervision_letter")

    def prepare(self, ledger: Ledger) -> Any:
        return _enterprise_list(ledger)

    def prepared(self, data: Any) -> None:
        self.fields["enterprise_id"].widget.set_enterprises(data)

    def check(self, ledger: Ledger, raw: dict[str, Any]) -> list[Issue]:
        return list(problems.check(ledger, {**raw, "id": self.row_id}).issues)

    def validate(self) -> None:
        """Check, and tell a new problem the number it will get if none is typed."""
        super().validate()
        if self.row_id is None:
            raw = self.raw()
            self.ctx.db.read(lambda ledger: problems.number_preview(ledger, raw)).success(
                self._numbered).run()

    def _numbered(self, number: str | None) -> None:
        edit = self.fields["number"].widget
        edit.setPlaceholderText(tr("left empty: it will be {number}").format(number=number)
                                if number else tr("left empty: numbered automatically"))

    def write(self, ledger: Ledger, raw: dict[str, Any]) -> Changes:
        if self.row_id:
            return problems.update(ledger, self.row_id, raw, self.version)
        return problems.add(ledger, raw)

    def load(self, ledger: Ledger, row_id: str) -> dict[str, Any]:
        found = problems.typed(problems.get(ledger, row_id))
        if found.get("extra_categories"):  # shown as the labels a clerk types
            found["extra_categories"] = "、".join(
                codes.label(ledger, "category", c) for c in found["extra_categories"].split(","))
        return found

    def set_values(self, values: dict[str, Any]) -> None:
        """A retired category or source the record holds stays choosable for it."""
        for kind in codes.KINDS:
            if values.get(kind):
                self.fields[kind].widget.set_items(self.ctx.bureau.choices(kind, values[kind]))
        super().set_values(values)


class PenaltyForm(FormDialog):
    form_name = "penalty_case"

    def title(self) -> str:
        return tr("Penalty case") if self.row_id else tr("New penalty case")

    def build(self) -> None:
        self.add_text("case_number", tr("Case number"))
        self.add_enterprise("enterprise_id", tr("Enterprise"))
        self.add_region("region_code", tr("County"), blank=tr("(the enterprise's)"))
        self.add_date("opened_on", tr("Case opened on"))
        self.add_date("decided_on", tr("Decided on"))
        problem = self.add_text("problem", tr("Problems punished (numbers, 、 between)"))
        self.pick_button = self.beside(problem, QPushButton(tr("Pick…")))
        self.pick_button.setToolTip(tr("Choose from the enterprise's problems"))
        self.pick_button.clicked.connect(self.pick_problems)
        self.add_text("inspection", tr("Inspection that found it (date)"))
        self.add_note("violation", tr("Violation"))
        self.add_text("fine", tr("Fine (yuan)"))
        self.add_text("daily_fine_amount", tr("Daily continuous fines (yuan)"))
        for flag in PENALTY_FLAGS:
            self.add_flag(flag, labels.choice("field", flag))
        self.add_date("detention_transferred_on", tr("Transferred for detention on"))
        self.add_date("detention_accepted_on", tr("Police accepted (detention) on"))
        self.add_date("crime_transferred_on", tr("Transferred as a suspected crime on"))
        self.add_date("crime_accepted_on", tr("Police accepted (crime) on"))
        self.add_choice("campaign_id", tr("Campaign"), self.ctx.bureau.campaigns,
                        blank=tr("(none)"))

    def prepare(self, ledger: Ledger) -> Any:
        return _enterprise_list(ledger)

    def prepared(self, data: Any) -> None:
        self.fields["enterprise_id"].widget.set_enterprises(data)

    def pick_problems(self) -> None:
        """Read the enterprise's (or county's) problems, then let the clerk tick them."""
        enterprise, region = self.fields["enterprise_id"].read(), self.fields["region_code"].read()
        self.ctx.db.read(lambda ledger: penalties.problem_choices(
            ledger, enterprise, region)).success(self._offer_problems).run()

    def _offer_problems(self, problems: list[dict[str, Any]]) -> None:
        from .problem_picker import ProblemPicker

        typed = [k for k in re.split(r"[、，,；;\s]+", self.fields["problem"].read()) if k]
        self.picker = ProblemPicker(problems, typed, self)
        self.picker.accepted.connect(
            lambda: self.fields["problem"].write("、".join(self.picker.chosen())))
        self.picker.open()

    def check(self, ledger: Ledger, raw: dict[str, Any]) -> list[Issue]:
        return list(penalties.check(ledger, raw, self.row_id).issues)

    def write(self, ledger: Ledger, raw: dict[str, Any]) -> Changes:
        if self.row_id:
            return penalties.update(ledger, self.row_id, raw, self.version)
        return penalties.add(ledger, raw)

    def load(self, ledger: Ledger, row_id: str) -> dict[str, Any]:
        case = penalties.get(ledger, row_id)
        case["fine"] = str(Decimal(case["fine_fen"]) / 100)
        case["daily_fine_amount"] = str(Decimal(case["daily_fine_fen"]) / 100)
        case["problem"] = "、".join(p["number"] or p["id"]
                                   for p in penalties.problems_of(ledger, row_id))
        inspection = case["inspection_id"] and rows.get(ledger, "inspection",
                                                        case["inspection_id"])
        case["inspection"] = inspection["inspected_on"] if inspection else ""
        return case


class CampaignForm(FormDialog):
    form_name = "campaign"

    def title(self) -> str:
        return tr("Campaign") if self.row_id else tr("New campaign")

    def build(self) -> None:
        self.add_text("name", tr("Name"))
        self.add_date("starts_on", tr("Starts on"))
        self.add_date("ends_on", tr("Ends on"))
        self.add_text("target_rate", tr("Target rate (%)"))

    def check(self, ledger: Ledger, raw: dict[str, Any]) -> list[Issue]:
        return list(campaigns.check_campaign(raw).issues)

    def write(self, ledger: Ledger, raw: dict[str, Any]) -> Changes:
        if self.row_id:
            return campaigns.update_campaign(ledger, self.row_id, raw, self.version)
        return campaigns.add_campaign(ledger, raw)

    def load(self, ledger: Ledger, row_id: str) -> dict[str, Any]:
        campaign = rows.get(ledger, "campaign", row_id)
        rate = campaign["target_rate"]
        campaign["target_rate"] = "" if rate is None else f"{rate:g}"
        return campaign


class BatchForm(FormDialog):
    form_name = "batch"

    def title(self) -> str:
        return tr("New batch")

    def build(self) -> None:
        self.add_choice("campaign_id", tr("Campaign"), self.ctx.bureau.campaigns,
                        blank=tr("(none)"))
        self.add_text("number", tr("Batch number"))
        self.add_text("name", tr("Name"))
        self.add_date("issued_on", tr("Issued on"))
        self.add_text("letter_number", tr("Letter number"))

    def check(self, ledger: Ledger, raw: dict[str, Any]) -> list[Issue]:
        return list(campaigns.check_batch(ledger, raw).issues)

    def write(self, ledger: Ledger, raw: dict[str, Any]) -> Changes:
        return campaigns.add_batch(ledger, raw)
