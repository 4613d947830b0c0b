"""One case as its detail shows it (GUI and `penalty show`): stages, orders and rechecks
with the daily fine counted, seizures with the days left, clocks, and what it is linked to."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TYPE_CHECKING

from .. import dates, enterprises, regions, rows
from . import clocks, daily_fines, extensions, get, problems_of, rules, seizures, stages

if TYPE_CHECKING:
    from ..ledger import Ledger


@dataclass
class CaseDetail:
    case: dict[str, Any]
    enterprise: str | None
    region: str
    problem: dict[str, Any] | None  # the first of `problems`
    inspection: dict[str, Any] | None
    stages: list[dict[str, Any]]
    orders: list[dict[str, Any]]
    rechecks: list[dict[str, Any]]
    daily: rules.DailyCount
    seizures: list[dict[str, Any]]
    extensions: list[dict[str, Any]]
    clocks: list[clocks.Clock]
    decision_due: str | None
    surcharge_days: int = 0
    surcharge_fen: int = 0
    on: dt.date = field(default_factory=dates.today)
    problems: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        """The `penalty show --json` object: the case's columns, yuan beside fen, and the
        computed daily fine (`daily_fine_days`, `daily_fine_total` in yuan)."""
        case = self.case
        return {
            **case, "enterprise": self.enterprise, "region": self.region,
            "problem": self.problem and (self.problem["number"] or self.problem["id"]),
            "problems": [p["number"] or p["id"] for p in self.problems],
            "inspection": self.inspection and self.inspection["inspected_on"],
            "fine_yuan": yuan(case["fine_fen"]), "daily_fine_yuan": yuan(case["daily_fine_fen"]),
            "daily_fine_days": self.daily.days, "daily_fine_total": yuan(self.daily.total_fen),
            "daily_fine_periods": [
                {"first": p.first.isoformat(), "last": p.last.isoformat(), "days": p.days,
                 "order_served_on": p.order_served_on.isoformat(), "episode": p.episode}
                for p in self.daily.periods],
            "stages": [{k: s[k] for k in ("stage", "happened_on", "done_by", "note")}
                       for s in self.stages],
            "orders": [{k: o[k] for k in ("served_on", "document_number", "note")}
                       for o in self.orders],
            "rechecks": [{k: r[k] for k in ("checked_on", "finding", "note")}
                         for r in self.rechecks],
            "seizures": [{**{k: s[k] for k in ("starts_on", "ends_on", "extended_to",
                                                "extension_approved_on", "extension_approved_by",
                                                "released_on")},
                          "days_left": s["days_left"], "overrun_days": s["overrun_days"]}
                         for s in self.seizures],
            "decision_extensions": [{k: e[k] for k in ("kind", "approved_on", "approved_by",
                                                       "due_on", "reason")}
                                    for e in self.extensions],
            "decision_due_on": self.decision_due,
            "surcharge_days": self.surcharge_days, "surcharge_total": yuan(self.surcharge_fen),
            "clocks": [c.as_json() for c in self.clocks],
        }


def yuan(fen: int) -> str:
    return str(Decimal(fen) / 100)


def load(ledger: Ledger, case_id: str, on: dt.date | None = None) -> CaseDetail:
    on = on or dates.today()
    case = get(ledger, case_id)
    found = stages.recorded(ledger, case_id)
    held = seizures.seizures(ledger, case_id)
    for row in held:
        span = seizures.period(row)
        row["days_left"], row["overrun_days"] = span.days_left(on), span.overrun_days(on)
        row["limit_on"], row["extension_limit_on"] = (
            d.isoformat() for d in rules.seizure_limits(row["starts_on"]))
    decided_ext = extensions.extensions(ledger, case_id)
    served, paid = found.get("served"), found.get("paid") or found.get("enforced")
    surcharge_days = rules.surcharge_days(served["happened_on"], on,
                                          paid and paid["happened_on"]) if served else 0
    return CaseDetail(
        case=case,
        enterprise=case["enterprise_id"] and enterprises.get(ledger, case["enterprise_id"])["name"],
        region=regions.full_name(ledger, case["region_code"]),
        problem=case["problem_id"] and rows.get(ledger, "problem", case["problem_id"]),
        inspection=case["inspection_id"] and rows.get(ledger, "inspection", case["inspection_id"]),
        stages=list(found.values()), orders=daily_fines.orders(ledger, case_id),
        rechecks=daily_fines.rechecks(ledger, case_id),
        daily=daily_fines.count(ledger, case_id, case["fine_fen"]),
        seizures=held, extensions=decided_ext,
        clocks=clocks.of_case(ledger, case_id, on),
        decision_due=extensions.decision_due(case, decided_ext),
        surcharge_days=surcharge_days,
        surcharge_fen=rules.surcharge_fen(case["fine_fen"], surcharge_days), on=on,
        problems=problems_of(ledger, case_id))


def timeline(found: CaseDetail) -> list[tuple[str, str]]:
    """(date, sentence) of everything dated in the case, oldest first: stages, orders,
    rechecks, the days counted with their rule, seizures, extensions."""
    from .. import messages

    text, label = messages.text, messages.label
    lines = [(s["happened_on"], text("penalty.line.stage", stage=label(
        "penalty_stage." + s["stage"]), by=s["done_by"] or "—")) for s in found.stages]
    lines += [(o["served_on"], text("penalty.line.order", number=o["document_number"] or ""))
              for o in found.orders]
    lines += [(r["checked_on"], text("penalty.line.recheck", finding=label(
        "penalty_finding." + r["finding"]))) for r in found.rechecks]
    fine = money_text(found.daily.fine_fen)
    lines += [(p.last.isoformat(), text(
        "penalty.line.daily_period", served=p.order_served_on.isoformat(),
        first=p.first.isoformat(), last=p.last.isoformat(), days=p.days, fine=fine,
        amount=money_text(p.days * found.daily.fine_fen))) for p in found.daily.periods]
    if found.daily.periods:
        lines.append((found.daily.periods[-1].last.isoformat(), text(
            "penalty.line.daily_total", days=found.daily.days, fine=fine,
            amount=money_text(found.daily.total_fen))))
    for s in found.seizures:
        lines.append((s["starts_on"], _seizure_line(s)))
    lines += [(e["approved_on"], text("penalty.line.extension_" + e["kind"], by=e["approved_by"],
                                      due=e["due_on"])) for e in found.extensions]
    if found.surcharge_days:
        lines.append((found.on.isoformat(), text(
            "penalty.line.surcharge", days=found.surcharge_days,
            amount=money_text(found.surcharge_fen))))
    return sorted(lines, key=lambda line: line[0])


def _seizure_line(s: dict[str, Any]) -> str:
    from .. import messages

    due = s["extended_to"] or s["ends_on"]
    line = messages.text("penalty.line.seizure", starts_on=s["starts_on"], ends_on=s["ends_on"])
    if s["extended_to"]:
        line += messages.text("penalty.line.seizure_extended", extended_to=s["extended_to"],
                              by=s["extension_approved_by"] or "—")
    if s["released_on"]:
        line += messages.text("penalty.line.seizure_released", released_on=s["released_on"])
    elif s["overrun_days"]:
        line += messages.text("penalty.line.seizure_overrun", days=s["overrun_days"], due=due)
    else:
        line += messages.text("penalty.line.seizure_left", days=s["days_left"], due=due)
    return line


def money_text(fen: int) -> str:
    from ..money import fen_to_yuan_text

    return fen_to_yuan_text(fen)
