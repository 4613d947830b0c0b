"""Subcommands for penalty cases (行政处罚案件): `penalty add|update|delete|list|show`.

A case is named by its id or its case number (文号). Fines are typed in yuan (元) and kept
as fen; the special measures are flags (`--seizure`, `--no-seizure` …).
"""
from __future__ import annotations

import argparse
from decimal import Decimal

from .. import enterprises, lookup, messages, money, penalties, queries, regions, rows, versions
from ..ledger import Ledger
from ..vocabulary import PENALTY_FLAGS
from . import common

PENALTY_FIELDS = {"case_number": "case_number", "violation": "violation",
                  "decided_on": "decided_on", "fine": "fine",
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
    a = actions.add_parser("list", help="penalty cases, by decision date")
    a.add_argument("--from", dest="date_from", help="decided on or after")
    a.add_argument("--to", dest="date_to", help="decided on or before")
    a.add_argument("--region", help="region code or name (a city covers its counties)")
    a.add_argument("--campaign", help="id or exact name")
    common.add_list_arguments(a, queries.PENALTIES.keys)
    a.set_defaults(handler=penalty_list)
    a = actions.add_parser("show", help="one penalty case")
    a.add_argument("case", help="id or case number")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=penalty_show)


def _options(p: argparse.ArgumentParser, adding: bool) -> None:
    p.add_argument("--case-number", required=adding, help="案件文号, e.g. 临环罚〔2024〕12号")
    p.add_argument("--violation", help="违法行为")
    p.add_argument("--decided-on", "--on", dest="decided_on", help="处罚决定日期")
    p.add_argument("--enterprise", help="id, credit code or exact name (gives the county)")
    p.add_argument("--region", help="county: GB/T 2260 code or name")
    p.add_argument("--campaign", help="id or exact name")
    p.add_argument("--problem", help="the problem it punishes: id or number")
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
        ("problem", "problem_id", lookup.problem_id))))
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
    return common.run_list(ledger, args, queries.PENALTIES, query,
                           ("id", "case_number", "decided_on", "enterprise", "region",
                            "violation", "fine_fen", "measures"),
                           show=lambda k, v: common.short(v, 24)
                           if k in ("enterprise", "violation") else common.shown_value(k, v))


SHOWN = ("id", "case_number", "decided_on", "enterprise", "region", "campaign", "problem",
         "violation", "fine", "daily_fine_amount", *PENALTY_FLAGS, "version")


def penalty_show(args: argparse.Namespace, ledger: Ledger) -> int:
    record = penalties.get(ledger, lookup.penalty_id(ledger, args.case))
    if record["enterprise_id"]:
        record["enterprise"] = enterprises.get(ledger, record["enterprise_id"])["name"]
    record["region"] = regions.full_name(ledger, record["region_code"])
    if record["campaign_id"]:
        record["campaign"] = rows.get(ledger, "campaign", record["campaign_id"])["name"]
    if record["problem_id"]:
        record["problem"] = rows.get(ledger, "problem", record["problem_id"])["number"] \
            or record["problem_id"]
    record["version"] = versions.version(ledger, "penalty_case", record["id"])
    if args.json:
        common.print_json({**record, "fine_yuan": str(Decimal(record["fine_fen"]) / 100),
                           "daily_fine_yuan": str(Decimal(record["daily_fine_fen"]) / 100)})
        return 0
    record["fine"] = money.fen_to_yuan_text(record["fine_fen"])
    record["daily_fine_amount"] = money.fen_to_yuan_text(record["daily_fine_fen"])
    common.print_record(common.record_pairs("penalty_case", record, SHOWN))
    return 0
