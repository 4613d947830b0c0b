"""One form for a paper inspection sheet: the inspection, its officers, the problems found."""
from __future__ import annotations

import re
from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton

from core import inspections, problems, queries
from core.changes import Changes
from core.errors import Issue
from core.ledger import Ledger
from core.vocabulary import INSPECTION_KINDS, INSPECTION_RESULTS

from .. import labels
from ..i18n import tr
from .base import FormDialog

OFFICER_FIELDS = ("officer_1", "officer_2", "officer_3")
PROBLEM_FIELDS = ("category", "description", "deadline")
_PROBLEM_KEY = re.compile(r"^problems\[(\d+)\]\.(\w+)$")


def split(raw: dict[str, Any]) -> tuple[dict[str, Any], list[str], list[dict[str, Any]]]:
    """The form's flat values as (inspection, officers, problems found)."""
    inspection = {k: v for k, v in raw.items()
                  if k not in OFFICER_FIELDS and not _PROBLEM_KEY.match(k)}
    officers = [raw[k] for k in OFFICER_FIELDS if raw.get(k)]
    found: dict[int, dict[str, Any]] = {}
    for key, value in raw.items():
        match = _PROBLEM_KEY.match(key)
        if match:
            found.setdefault(int(match[1]), {})[match[2]] = value
    return inspection, officers, [found[i] for i in sorted(found)]


def check_sheet(ledger: Ledger, raw: dict[str, Any]) -> list[Issue]:
    """Every finding `inspections.add` would make, without writing anything."""
    inspection, officers, found = split(raw)
    form = inspections.check(ledger, inspection, officers)
    issues = list(form.issues)
    if found and form.values.get("result") == "no_problem":
        issues.append(Issue("result", "error.result_no_problem_with_problems"))
    for number, problem in enumerate(found):
        defaults = {"source": "inspection", "enterprise_id": form.values.get("enterprise_id"),
                    "assigned_on": form.values.get("inspected_on"),
                    "campaign_id": form.values.get("campaign_id")}
        checked = problems.check(ledger, {**defaults, **{k: v for k, v in problem.items() if v}})
        issues += [Issue(f"problems[{number}].{i.field}", i.code, i.params, i.warning)
                   for i in checked.issues]
    return issues


class InspectionForm(FormDialog):
    form_name = "inspection"

    def title(self) -> str:
        return tr("New inspection")

    def build(self) -> None:
        self.problem_count = 0
        self.add_enterprise("enterprise_id", tr("Enterprise"))
        self.add_date("inspected_on", tr("Inspected on"))
        self.add_choice("kind", tr("Kind"),
                        [(k, labels.choice("inspection_kind", k)) for k in INSPECTION_KINDS])
        self.add_choice("result", tr("Result"),
                        [(r, labels.choice("inspection_result", r)) for r in INSPECTION_RESULTS])
        self.add_choice("campaign_id", tr("Campaign"), self.ctx.bureau.campaigns,
                        blank=tr("(none)"))
        for number, key in enumerate(OFFICER_FIELDS, 1):
            self.add_text(key, tr("Officer {number}").format(number=number))
        self.aliases["officers"] = "officer_1"
        self.add_note("notes", tr("Notes"))
        self.add_button = QPushButton(tr("&Add a problem found (Ctrl+Shift+P)"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_problem)
        self.layout().insertWidget(1, self.add_button)
        QShortcut(QKeySequence("Ctrl+Shift+P"), self, activated=self.add_problem)

    def add_problem(self) -> None:
        """Append the fields of one more problem found, and put the cursor in them."""
        number = self.problem_count
        self.problem_count += 1
        prefix = f"problems[{number}]."
        title = tr("Problem {number}").format(number=number + 1)
        category = self.add_choice(prefix + "category", title + " · " + tr("Category"),
                                   self.ctx.bureau.choices("category"))
        self.add_note(prefix + "description", title + " · " + tr("Description"))
        self.add_deadline(prefix + "deadline", title + " · " + tr("Deadline"))
        self.fields["result"].write("problems_found")
        self._chain_tab_order()
        category.setFocus()
        self._changed()

    def prepare(self, ledger: Ledger) -> Any:
        return queries.enterprise_names(ledger, "", limit=50_000)

    def prepared(self, data: Any) -> None:
        self.fields["enterprise_id"].widget.set_enterprises(data)

    def set_values(self, values: dict[str, Any]) -> None:
        wanted = 1 + max((int(m[1]) for m in map(_PROBLEM_KEY.match, values) if m), default=-1)
        while self.problem_count < wanted:
            self.add_problem()
        super().set_values(values)

    def check(self, ledger: Ledger, raw: dict[str, Any]) -> list[Issue]:
        return check_sheet(ledger, raw)

    def write(self, ledger: Ledger, raw: dict[str, Any]) -> Changes:
        inspection, officers, found = split(raw)
        return inspections.add(ledger, inspection, officers, found)
