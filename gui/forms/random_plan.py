"""A 双随机 plan: its period, a share (%) or a count per class, the items, cross-county officers.

The class and item fields are added once the worker has read the bureau's lists; the core
checks the plan as it is typed (plans.typed, plans.check) and again when it is saved.
"""
from __future__ import annotations

from typing import Any

from core.changes import Changes
from core.errors import Issue
from core.ledger import Ledger
from core.random_inspection import classes, directory, plans

from ..i18n import tr
from .base import FormDialog


class PlanForm(FormDialog):
    form_name = "random_plan"

    def title(self) -> str:
        return tr("New plan")

    def build(self) -> None:
        self.add_text("name", tr("Name"))
        self.add_date("starts_on", tr("From"))
        self.add_date("ends_on", tr("To"))
        self.add_flag("cross_county", tr("Officers from another county (cross-county inspection)"))

    def prepare(self, ledger: Ledger) -> Any:
        return classes.all_classes(ledger), directory.items(ledger)

    def prepared(self, data: Any) -> None:
        kinds, items = data
        for c in kinds:
            edit = self.add_text(f"share.{c.code}", tr("{name}: share").format(name=c.name))
            edit.setPlaceholderText(tr("25 = 25%, 3家 = a count"))
        if kinds:
            self.aliases["shares"] = f"share.{kinds[0].code}"
        for number, item in enumerate(items):
            box = self.add_flag(f"item.{item.code}", tr("Inspection items") if number == 0 else "")
            box.setText(item.name)
        if items:
            self.aliases["items"] = f"item.{items[0].code}"
        self._chain_tab_order()
        self.resize(self.sizeHint())

    def check(self, ledger: Ledger, raw: dict[str, Any]) -> list[Issue]:
        plan, issues = plans.typed(ledger, raw)
        found = plans.check(ledger, plan).issues
        if issues:  # a share typed wrong is the reason no share stands: say it once
            found = [i for i in found if i.field != "shares"]
        return issues + found

    def write(self, ledger: Ledger, raw: dict[str, Any]) -> Changes:
        plan, issues = plans.typed(ledger, raw)
        if issues:
            from core.errors import ValidationError
            raise ValidationError(issues)
        return plans.add(ledger, plan)
