"""Subcommands for air quality (issue 21): `air import`, `air station`, `air targets`,
`air assess`, `air interview`, `air return`.

Units are named by GB/T 2260 code or by name inside the jurisdiction (曲沃县, 曲沃, 临汾市).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import argparse
import sys

from .. import messages
from ..air import (assessment, interviews, measurements, rankings, return_form, stations,
                   targets)
from ..errors import LedgerError
from . import common

if TYPE_CHECKING:
    from ..ledger import Ledger

MAX_CORRECTIONS_SHOWN = 20


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("air", help="air quality: monitoring data, targets, assessments, "
                                        "interviews (空气质量)")
    actions = p.add_subparsers(dest="action", required=True, parser_class=type(p))
    a = actions.add_parser("import", help="import hourly or daily monitoring data (CSV, Excel)")
    a.add_argument("file")
    a.set_defaults(handler=air_import)
    _stations(actions, type(p))
    _targets(actions, type(p))
    a = actions.add_parser("assess", help="figures of every unit for a period (HJ 663-2013)")
    a.add_argument("--unit", help="one unit: code or name")
    a.add_argument("--from", dest="date_from", required=True, help="first day")
    a.add_argument("--to", dest="date_to", required=True, help="last day")
    a.add_argument("--json", action="store_true", help="one JSON object per unit")
    a.set_defaults(handler=air_assess)
    _interviews(actions, type(p))
    _rankings(actions, type(p))
    a = actions.add_parser("return", help="write 空气质量改善目标完成情况表 (.xlsx)")
    a.add_argument("--from", dest="date_from", required=True)
    a.add_argument("--to", dest="date_to", required=True)
    a.add_argument("--out", required=True, help="the .xlsx file to write")
    a.set_defaults(handler=air_return)


def _stations(actions, parser_class) -> None:
    p = actions.add_parser("station", help="monitoring stations (监测站点)")
    sub = p.add_subparsers(dest="station_action", required=True, parser_class=parser_class)
    a = sub.add_parser("add", help="register a station of a unit")
    a.add_argument("code")
    a.add_argument("--name", required=True)
    a.add_argument("--unit", required=True, help="code or name")
    a.set_defaults(handler=station_add)
    a = sub.add_parser("list", help="the registered stations")
    a.set_defaults(handler=station_list)


def _targets(actions, parser_class) -> None:
    p = actions.add_parser("targets", help="improvement targets (空气质量改善目标)")
    sub = p.add_subparsers(dest="targets_action", required=True, parser_class=parser_class)
    a = sub.add_parser("set", help="set a unit's target for a period")
    a.add_argument("unit", help="code or name")
    a.add_argument("--pollutant", "--indicator", dest="indicator", required=True,
                   choices=targets.INDICATORS)
    a.add_argument("--from", dest="date_from", required=True)
    a.add_argument("--to", dest="date_to", required=True)
    a.add_argument("--change", type=float, help="% against the same period a year before")
    a.add_argument("--at-least", dest="minimum", type=float, help="a floor (good_ratio), in %")
    a.set_defaults(handler=targets_set)
    a = sub.add_parser("list", help="every target")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=targets_list)


def _interviews(actions, parser_class) -> None:
    p = actions.add_parser("interview", help="interviews and restrictions (约谈、限批)")
    sub = p.add_subparsers(dest="interview_action", required=True, parser_class=parser_class)
    a = sub.add_parser("add", help="record an interview; prints its id")
    a.add_argument("unit", help="code or name")
    a.add_argument("--on", dest="held_on", required=True, help="the day it was held")
    a.add_argument("--by", dest="held_by", required=True, help="who held it (约谈单位)")
    a.add_argument("--reasons", required=True)
    a.add_argument("--requirements")
    a.add_argument("--plan-days", type=int, default=interviews.DEFAULT_PLAN_DAYS,
                   help="working days to hand in the rectification plan (default 20)")
    a.add_argument("--restrict-from", help="approvals suspended from this day (限批)")
    a.add_argument("--restrict-until", help="… until this day (lifted)")
    a.add_argument("--scope", help="what the restriction covers")
    a.set_defaults(handler=interview_add)
    a = sub.add_parser("list", help="interviews, with plans, measures and restrictions")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=interview_list)
    a = sub.add_parser("measure", help="add a rectification measure to an interview")
    a.add_argument("interview")
    a.add_argument("--description", required=True)
    a.add_argument("--deadline")
    a.add_argument("--responsible")
    a.set_defaults(handler=interview_measure)
    a = sub.add_parser("progress", help="a measure's progress (100 = done)")
    a.add_argument("measure")
    a.add_argument("--progress", type=int, required=True)
    a.add_argument("--on", help="the day done (progress 100)")
    a.set_defaults(handler=interview_progress)
    a = sub.add_parser("plan", help="the rectification plan was handed in")
    a.add_argument("interview")
    a.add_argument("--on", required=True)
    a.set_defaults(handler=interview_plan)
    a = sub.add_parser("restrict", help="suspend approvals from a day (限批)")
    a.add_argument("interview")
    a.add_argument("--from", dest="start", required=True)
    a.add_argument("--scope")
    a.set_defaults(handler=interview_restrict)
    a = sub.add_parser("lift", help="lift the restriction (解除限批)")
    a.add_argument("interview")
    a.add_argument("--on", required=True)
    a.set_defaults(handler=interview_lift)


def _rankings(actions, parser_class) -> None:
    p = actions.add_parser("rankings", help="published city rankings (e.g. the 168-city list)")
    sub = p.add_subparsers(dest="rankings_action", required=True, parser_class=parser_class)
    a = sub.add_parser("import", help="import a published ranking (CSV, Excel)")
    a.add_argument("file")
    a.add_argument("--list", dest="list_name", help="the list's name (default: its title)")
    a.add_argument("--month", help="YYYY-MM (default: from the title)")
    a.set_defaults(handler=rankings_import)
    a = sub.add_parser("show", help="where a unit stands in the lists stored")
    a.add_argument("--unit", help="code or name (default: the jurisdiction)")
    a.set_defaults(handler=rankings_show)


def rankings_import(args: argparse.Namespace, ledger: Ledger) -> int:
    try:
        changes = rankings.import_file(ledger, args.file, args.list_name, args.month)
    except measurements.AirImportRejected as rejected:
        print(f"ecoledger-cli: {rejected}", file=sys.stderr)
        for issue in rejected.issues:
            print(issue.message, file=sys.stderr)
        return 1
    print(messages.text("air.rankings_imported", count=len(changes.ids)))
    return 0


def rankings_show(args: argparse.Namespace, ledger: Ledger) -> int:
    from .. import settings
    code = unit(ledger, args.unit) if args.unit else settings.jurisdiction(ledger)
    for found in rankings.standings(ledger, code):
        print(found.text())
    return 0


def unit(ledger: Ledger, text: str) -> str:
    code = stations.unit_code(ledger, text)
    if code is None:
        raise LedgerError("error.air_cli_unit", unit=text)
    return code


# -- handlers

def air_import(args: argparse.Namespace, ledger: Ledger) -> int:
    try:
        outcome = measurements.import_file(ledger, args.file)
    except measurements.AirImportRejected as rejected:
        print(f"ecoledger-cli: {rejected}", file=sys.stderr)
        for issue in rejected.issues:
            print(issue.message, file=sys.stderr)
        return 1
    print(outcome.summary())
    for correction in outcome.corrections[:MAX_CORRECTIONS_SHOWN]:
        print(messages.text("air.cli_correction", correction=correction))
    if len(outcome.corrections) > MAX_CORRECTIONS_SHOWN:
        print(messages.text("air.cli_more_corrections",
                            count=len(outcome.corrections) - MAX_CORRECTIONS_SHOWN))
    return 0


def station_add(args: argparse.Namespace, ledger: Ledger) -> int:
    changes = stations.add(ledger, args.code, args.name, unit(ledger, args.unit))
    return common.done(changes, changes.id)


def station_list(args: argparse.Namespace, ledger: Ledger) -> int:
    heads = [messages.text(f"air.cli_head.{k}") for k in ("code", "name", "unit")]
    common.print_table(heads, [[s.code, s.name, stations.unit_name(ledger, s.region_code)]
                               for s in stations.all_stations(ledger)])
    return 0


def targets_set(args: argparse.Namespace, ledger: Ledger) -> int:
    changes = targets.set_target(ledger, unit(ledger, args.unit), args.indicator,
                                 args.date_from, args.date_to, change=args.change,
                                 minimum=args.minimum)
    return common.done(changes, changes.id)


def targets_list(args: argparse.Namespace, ledger: Ledger) -> int:
    found = targets.all_targets(ledger)
    if args.json:
        for t in found:
            common.print_json_line({"id": t.id, "unit": t.region_code, "indicator": t.indicator,
                                    "from": t.first, "to": t.last, "change_pct": t.change_pct,
                                    "minimum": t.minimum})
        return 0
    heads = [messages.text(f"air.cli_head.{k}") for k in ("unit", "indicator", "period",
                                                           "target")]
    common.print_table(heads, [[
        stations.unit_name(ledger, t.region_code), messages.label("air.indicator." + t.indicator),
        f"{t.first} – {t.last}",
        f"{t.change_pct:+g}%" if t.change_pct is not None else f"≥ {t.minimum:g}%"]
        for t in found])
    return 0


def _shown(value) -> str:
    return "—" if value is None else f"{value:g}"


def air_assess(args: argparse.Namespace, ledger: Ledger) -> int:
    code = unit(ledger, args.unit) if args.unit else None
    results = assessment.assess(ledger, args.date_from, args.date_to, code)
    if args.json:
        for result in results:
            common.print_json_line(result.as_json())
        return 0
    keys = ("name", "pm25", "pm10", "so2", "no2", "co_p95", "o3_8h_p90", "composite_index",
            "good_ratio", "heavy_days", "change_pct", "target_pct", "completion_pct", "rank")
    heads = [messages.text(f"air.cli_head.{k}") for k in keys]
    body = []
    for result in results:
        record = result.as_json()
        line = [record["name"]] + [_shown(record.get(k)) for k in keys[1:]]
        if result.bottom:
            line[-1] += " ▼"
        body.append(line)
    if results:
        print(messages.text("air.cli_period", first=results[0].first, last=results[0].last))
    common.print_table(heads, body)
    return 0


def interview_add(args: argparse.Namespace, ledger: Ledger) -> int:
    changes = interviews.add(ledger, unit(ledger, args.unit), args.held_on, args.held_by,
                             args.reasons, args.requirements, args.plan_days,
                             args.restrict_from, args.restrict_until, args.scope)
    interview = interviews.get(ledger, changes.id)
    print(changes.id)
    if interview.plan_due:
        print(messages.text("air.cli_plan_due", days=interview.plan_days,
                            due=interview.plan_due), file=sys.stderr)
    return 0


def interview_list(args: argparse.Namespace, ledger: Ledger) -> int:
    found = [i for group in interviews.of_units(ledger).values() for i in group]
    found.sort(key=lambda i: i.held_on)
    if args.json:
        for i in found:
            common.print_json_line({
                "id": i.id, "unit": i.region_code, "held_on": i.held_on, "held_by": i.held_by,
                "reasons": i.reasons, "requirements": i.requirements,
                "plan_days": i.plan_days, "plan_due": i.plan_due,
                "plan_submitted_on": i.plan_submitted_on,
                "restriction_from": i.restriction_from,
                "restriction_until": i.restriction_until,
                "restriction_scope": i.restriction_scope,
                "measures": [{"id": m.id, "description": m.description,
                              "deadline": m.deadline, "progress": m.progress,
                              "done_on": m.done_on} for m in i.measures]})
        return 0
    heads = [messages.text(f"air.cli_head.{k}") for k in ("held_on", "unit", "held_by",
                                                           "plan_due", "restriction", "id")]
    common.print_table(heads, [[
        i.held_on, stations.unit_name(ledger, i.region_code), common.short(i.held_by, 20),
        (i.plan_due or "") + (" ✓" if i.plan_submitted_on else ""),
        (f"{i.restriction_from} – {i.restriction_until or '…'}" if i.restriction_from else ""),
        i.id] for i in found])
    return 0


def interview_measure(args: argparse.Namespace, ledger: Ledger) -> int:
    changes = interviews.add_measure(ledger, args.interview, args.description, args.deadline,
                                     args.responsible)
    return common.done(changes, changes.id)


def interview_progress(args: argparse.Namespace, ledger: Ledger) -> int:
    return common.done(interviews.measure_progress(ledger, args.measure, args.progress,
                                                   args.on))


def interview_plan(args: argparse.Namespace, ledger: Ledger) -> int:
    return common.done(interviews.plan_submitted(ledger, args.interview, args.on))


def interview_restrict(args: argparse.Namespace, ledger: Ledger) -> int:
    return common.done(interviews.restrict(ledger, args.interview, args.start, args.scope))


def interview_lift(args: argparse.Namespace, ledger: Ledger) -> int:
    return common.done(interviews.lift(ledger, args.interview, args.on))


def air_return(args: argparse.Namespace, ledger: Ledger) -> int:
    path = return_form.write(ledger, args.date_from, args.date_to, args.out)
    print(path)
    return 0
