"""An interview (约谈) of a unit typed in: who held it, why, what it requires, the plan's term
in working days and a restriction of approvals (限批), checked by the core as it is typed."""
from __future__ import annotations

from typing import Any

from core import dates
from core.air import interviews
from core.changes import Changes
from core.errors import Issue
from core.ledger import Ledger

from ..forms.base import FormDialog
from ..i18n import tr


class InterviewForm(FormDialog):
    form_name = "air_interview"

    def title(self) -> str:
        return tr("Record an interview")

    def build(self) -> None:
        units = [(self.ctx.bureau.jurisdiction, tr("Whole jurisdiction"))] + [
            (r.code, r.name) for r in self.ctx.bureau.counties
            if r.code != self.ctx.bureau.jurisdiction]
        self.add_choice("region_code", tr("Unit interviewed"), units)
        self.add_date("held_on", tr("Held on"))
        self.add_text("held_by", tr("Held by"))
        self.add_note("reasons", tr("Reasons"))
        self.add_note("requirements", tr("Requirements"))
        self.add_text("plan_days", tr("Plan due within (working days)"))
        self.add_date("restriction_from", tr("Approvals suspended from"))
        self.add_text("restriction_scope", tr("Restriction covers"))

    def prepared(self, data) -> None:
        # defaults before the form takes its untouched values: Esc on a form nobody typed
        # into throws it away without asking (FormDialog.changed)
        if not self.fields["held_on"].read():
            self.set_values({"held_on": dates.today().isoformat(),
                             "plan_days": str(interviews.DEFAULT_PLAN_DAYS)})

    def check(self, ledger: Ledger, raw: dict[str, Any]) -> list[Issue]:
        return list(interviews.check(ledger, raw).issues)

    def write(self, ledger: Ledger, raw: dict[str, Any]) -> Changes:
        return interviews.add(ledger, raw.get("region_code"), raw.get("held_on"),
                              raw.get("held_by"), raw.get("reasons"), raw.get("requirements"),
                              raw.get("plan_days") or None, raw.get("restriction_from") or None,
                              None, raw.get("restriction_scope") or None)
