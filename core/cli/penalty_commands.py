"""Subcommands for penalty cases (行政处罚案件): `penalty add|update|delete|list|show`,
their stages, orders to correct, rechecks, seizures, decision extensions and clocks.

A case is named by its id or its case number (文号). Fines are typed in yuan (元) and kept
as fen; the special measures are flags (`--seizure`, `--no-seizure` …).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import argparse
import dataclasses
import json

from .. import dates, lookup, messages, money, penalties, queries, rows, versions
from ..errors import LedgerError
from ..penalties import clocks, daily_fines, detail, extensions, seizures, stages
from ..vocabulary import PENALTY_FLAGS
from . import common

if TYPE_CHECKING:
    from ..ledger import Ledger

PENALTY_FIELDS = {"case_number": "case_number", "violation": "violation",
                  "decided_on": "decided_on", "opened_on": "opened_on", "fine": "fine",
                  **{field: field for field in penalties.TRANSFER_DATES},
                  "daily_fine_amount": "daily_fine_amount",
                  **{flag: flag for flag in PENALTY_FLAGS}}


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("penalty", help="penalty cases (行政处罚案件)")
    actions = p.add_subparsers(dest="action", required=True, parser_class=type(p))
    a = actions.add_parser("add", help="record a penalty case; prints its id")
    _options(a, adding=True)
    a.set_defaults(handler=penalty_add)
    a = actions.add_parser("update", help="correct a penalty case (\"\" clears a field)")
    a.add_argument("case", help="id or case number")
    _options(a, adding=False)
    common.version_argument(a)
    a.set_defaults(handler=penalty_update)
    a = actions.add_parser("delete", help="delete a case entered twice or by mistake "
                                          "(managers only)")
    a.add_argument("case", help="id or case number")
    a.set_defaults(handler=penalty_delete)
    a = actions.add_parser("list", help="penalty cases, by decision date (or 立案 date)")
    a.add_argument("--from", dest="date_from", help="decided (or opened) on or after")
    a.add_argument("--to", dest="date_to", help="decided (or opened) on or before")
    a.add_argument("--by", choices=("decided", "opened"), default="decided",
                   help="which date --from and --to read: the decision's or 立案's")
    a.add_argument("--region", help="region code or name (a city covers its counties)")
    a.add_argument("--campaign", help="id or exact name")
    common.add_list_arguments(a, queries.PENALTIES.keys)
    a.set_defaults(handler=penalty_list)
    a = actions.add_parser("show", help="one penalty case")
    a.add_argument("case", help="id or case number")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=penalty_show)
    _register_procedure(actions)


def _options(p: argparse.ArgumentParser, adding: bool) -> None:
    p.add_argument("--case-number", required=adding, help="案件文号, e.g. 临环罚〔2024〕12号")
    p.add_argument("--violation", help="违法行为")
    p.add_argument("--decided-on", "--on", dest="decided_on", help="处罚决定日期")
    p.add_argument("--opened-on", dest="opened_on", help="立案日期")
    p.add_argument("--inspection", help="the inspection that found it: id")
    for field in penalties.TRANSFER_DATES:
        p.add_argument("--" + field.replace("_", "-"), dest=field,
                       help=messages.label("field." + field))
    p.add_argument("--enterprise", help="id, credit code or exact name (gives the county)")
    p.add_argument("--region", help="county: GB/T 2260 code or name")
    p.add_argument("--campaign", help="id or exact name")
    p.add_argument("--problem", action="append",
                   help="a problem it punishes: id or number (repeat for several; \"\" clears)")
    p.add_argument("--fine", help="罚款金额 in yuan (元)")
    p.add_argument("--daily-fine-amount", help="按日连续处罚金额 in yuan (sets --daily-fine)")
    for flag in PENALTY_FLAGS:
        common.flag_argument(p, flag.replace("_", "-"), messages.label("field." + flag))


def _raw(args: argparse.Namespace, ledger: Ledger) -> dict:
    raw = common.fields(args, PENALTY_FIELDS)
    if args.region is not None:
        raw["region_code"] = common.region(ledger, args.region)
    raw.update(common.references(ledger, args, (
        ("enterprise", "enterprise_id", lookup.enterprise_id),
        ("campaign", "campaign_id", lookup.campaign_id),
        ("inspection", "inspection_id", None))))
    if args.problem is not None:
        raw["problem_ids"] = [key.strip() for key in args.problem if key.strip()]
    return raw


def penalty_add(args: argparse.Namespace, ledger: Ledger) -> int:
    changes = penalties.add(ledger, _raw(args, ledger))
    return common.done(changes, changes.id)


def penalty_update(args: argparse.Namespace, ledger: Ledger) -> int:
    row_id = lookup.penalty_id(ledger, args.case)
    return common.done(penalties.update(ledger, row_id, _raw(args, ledger), args.based_on))


def penalty_delete(args: argparse.Namespace, ledger: Ledger) -> int:
    penalties.delete(ledger, lookup.penalty_id(ledger, args.case))
    return 0


def penalty_list(args: argparse.Namespace, ledger: Ledger) -> int:
    query = queries.Query(region_code=common.region_filter(ledger, args.region),
                          campaign_id=common.reference(ledger, args.campaign, lookup.campaign_id),
                          date_from=common.date_filter(args.date_from, "--from"),
                          date_to=common.date_filter(args.date_to, "--to"))
    view = queries.PENALTIES if args.by == "decided" else dataclasses.replace(
        queries.PENALTIES, date_column="x.opened_on")
    return common.run_list(ledger, args, view, query,
                           ("id", "case_number", "stage", "decided_on", "enterprise", "region",
                            "violation", "fine_fen", "measures"),
                           show=lambda k, v: common.short(v, 24)
                           if k in ("enterprise", "violation") else common.shown_value(k, v))


SHOWN = ("id", "case_number", "stage", "opened_on", "decided_on", "enterprise", "region",
         "campaign", "problem", "inspection", "violation", "fine", "daily_fine_amount",
         "daily_fine_days", *PENALTY_FLAGS, "version")


def penalty_show(args: argparse.Namespace, ledger: Ledger) -> int:
    found = detail.load(ledger, lookup.penalty_id(ledger, args.case))
    data = found.as_json()
    if found.case["campaign_id"]:
        data["campaign"] = rows.get(ledger, "campaign", found.case["campaign_id"])["name"]
    data["version"] = versions.version(ledger, "penalty_case", found.case["id"])
    if args.json:
        common.print_json(data)
        return 0
    data["fine"] = money.fen_to_yuan_text(data["fine_fen"])
    data["daily_fine_amount"] = money.fen_to_yuan_text(data["daily_fine_fen"])
    data["stage"] = messages.label("penalty_stage." + data["stage"])
    common.print_record(common.record_pairs("penalty_case", data, SHOWN))
    for line in _procedure_lines(found):
        print(line)
    return 0


def _procedure_lines(found: detail.CaseDetail) -> list[str]:
    lines = [f"{on}  {text}" for on, text in detail.timeline(found)]
    lines += [messages.text("penalty.line.clock", clock=messages.label("penalty_clock." + c.clock),
                            due=c.due_on, days=c.days_left) for c in found.clocks]
    return lines


# -- the procedure: stages, orders, rechecks, seizures, extensions, clocks

def _register_procedure(actions: argparse._SubParsersAction) -> None:
    a = actions.add_parser("stage", help="record the date a case reached a stage")
    a.add_argument("case", help="id or case number")
    a.add_argument("stage", choices=stages.STAGES, help="decided, served, paid, closed …")
    a.add_argument("--on", required=True, help="the day")
    a.add_argument("--by", dest="done_by", help="who did it (default: the operator)")
    a.add_argument("--note")
    a.set_defaults(handler=penalty_stage)
    a = actions.add_parser("order", help="an order to correct (责令改正), by its service date")
    a.add_argument("case", help="id or case number")
    a.add_argument("--served-on", required=True, help="送达日期")
    a.add_argument("--document-number", help="责令改正违法行为决定书文号")
    a.add_argument("--note")
    a.set_defaults(handler=penalty_order)
    a = actions.add_parser("recheck", help="a recheck (复查) and what it found")
    a.add_argument("case", help="id or case number")
    a.add_argument("--on", required=True, help="复查日期")
    found = a.add_mutually_exclusive_group(required=True)
    found.add_argument("--still-discharging", dest="finding", action="store_const",
                       const=daily_fines.rules.STILL_DISCHARGING, help="仍在违法排放")
    found.add_argument("--corrected", dest="finding", action="store_const",
                       const=daily_fines.rules.CORRECTED, help="已改正")
    found.add_argument("--stopped", dest="finding", action="store_const",
                       const=daily_fines.rules.STOPPED,
                       help="discharge ended by restriction, stop or seizure (no daily fine)")
    a.add_argument("--note")
    a.set_defaults(handler=penalty_recheck)
    a = actions.add_parser("seizure", help="a seizure (查封扣押): start, extension, release")
    a.add_argument("case", help="id or case number")
    a.add_argument("--from", dest="starts_on", required=True, help="查封扣押起始日期")
    a.add_argument("--to", dest="ends_on", help="the decision's last day (default: 30 days)")
    a.add_argument("--extend-to", dest="extended_to", help="延长至 (managers only)")
    a.add_argument("--approved-by", help="who approved the extension (default: the operator)")
    a.add_argument("--approved-on", help="the day the extension was approved")
    a.add_argument("--released-on", dest="released_on", help="解除日期")
    a.add_argument("--note")
    a.set_defaults(handler=penalty_seizure)
    a = actions.add_parser("extend", help="an approved extension of the decision period "
                                          "(managers only)")
    a.add_argument("case", help="id or case number")
    a.add_argument("--on", required=True, help="the day it was approved")
    a.add_argument("--approved-by", help="the head who approved (default: the operator)")
    a.add_argument("--collective", action="store_true",
                   help="a collective decision beyond the head's 30 days (needs --to)")
    a.add_argument("--to", dest="due_on", help="the new last day (collective decisions)")
    a.add_argument("--reason")
    a.set_defaults(handler=penalty_extend)
    a = actions.add_parser("undo", help="take back a stage, order or recheck entered by "
                                        "mistake (managers only)")
    a.add_argument("case", help="id or case number")
    what = a.add_mutually_exclusive_group(required=True)
    what.add_argument("--stage", choices=stages.STAGES)
    what.add_argument("--order", dest="order_on", help="the order served on this day")
    what.add_argument("--recheck", dest="recheck_on", help="the recheck of this day")
    a.set_defaults(handler=penalty_undo)
    a = actions.add_parser("clocks", help="running clocks, soonest due first")
    a.add_argument("--due-within", type=int, help="only those due within N days (and overdue)")
    a.add_argument("--on", help="as on this day (default: today)")
    a.add_argument("--json", action="store_true", help="a JSON list")
    a.set_defaults(handler=penalty_clocks)


def _case(ledger: Ledger, args: argparse.Namespace) -> str:
    return lookup.penalty_id(ledger, args.case)


def penalty_stage(args: argparse.Namespace, ledger: Ledger) -> int:
    case = _case(ledger, args)
    return common.done(stages.record(ledger, case, args.stage, args.on, args.done_by, args.note))


def penalty_order(args: argparse.Namespace, ledger: Ledger) -> int:
    case = _case(ledger, args)
    changes = daily_fines.add_order(ledger, case, args.served_on, args.document_number, args.note)
    return common.done(changes, changes.id)


def penalty_recheck(args: argparse.Namespace, ledger: Ledger) -> int:
    case = _case(ledger, args)
    changes = daily_fines.add_recheck(ledger, case, args.on, args.finding, args.note)
    return common.done(changes, changes.id)


def penalty_seizure(args: argparse.Namespace, ledger: Ledger) -> int:
    case = _case(ledger, args)
    changes = seizures.record(ledger, case, args.starts_on, args.ends_on, args.extended_to,
                              args.released_on, args.approved_by, args.approved_on, args.note)
    return common.done(changes, changes.id)


def penalty_extend(args: argparse.Namespace, ledger: Ledger) -> int:
    case = _case(ledger, args)
    changes = extensions.extend(ledger, case, args.on, args.approved_by, args.collective,
                                args.due_on, args.reason)
    return common.done(changes, changes.id)


def penalty_undo(args: argparse.Namespace, ledger: Ledger) -> int:
    case = _case(ledger, args)
    if args.stage:
        return common.done(stages.remove(ledger, case, args.stage))
    if args.order_on:
        return common.done(daily_fines.remove(ledger, case, "penalty_order", args.order_on))
    return common.done(daily_fines.remove(ledger, case, "penalty_recheck", args.recheck_on))


def penalty_clocks(args: argparse.Namespace, ledger: Ledger) -> int:
    on = dates.parse_date(common.date_filter(args.on, "--on")) if args.on else None
    if args.due_within is not None and args.due_within < 0:
        raise LedgerError("cli.error.due_within", value=args.due_within)
    found = clocks.running(ledger, on, args.due_within)
    if args.json:
        print(json.dumps([c.as_json() for c in found], ensure_ascii=False, indent=1))
        return 0
    common.print_table(
        [messages.label(f"cli.column.penalty_clock.{k}") for k in
         ("case_number", "clock", "started_on", "due_on", "days_left")],
        [[c.case_number, messages.label("penalty_clock." + c.clock), c.started_on, c.due_on,
          str(c.days_left)] for c in found])
    print(messages.text("cli.rows", shown=len(found), total=len(found)))
    return 0
