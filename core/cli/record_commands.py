"""Subcommands for the records around problems: enterprise, campaign, batch, inspection.

Each writes through the core function the GUI's forms use, so the same validation refuses
the same mistakes; an added record's id is printed alone on stdout, for scripts.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import argparse

from .. import campaigns, enterprises, inspections, lookup, queries, regions, rows, versions
from ..errors import LedgerError
from ..vocabulary import INSPECTION_KINDS, INSPECTION_RESULTS
from . import common

if TYPE_CHECKING:
    from ..ledger import Ledger

ENTERPRISE_FIELDS = {"name": "name", "credit_code": "credit_code", "industry": "industry_code",
                     "permit": "permit_number", "key_monitored": "key_monitored",
                     "address": "address", "longitude": "longitude", "latitude": "latitude",
                     "supervision_class": "supervision_class"}
CAMPAIGN_FIELDS = {"name": "name", "starts_on": "starts_on", "ends_on": "ends_on",
                   "target_rate": "target_rate"}
# What `inspection add --problem key=value …` accepts, and the problem field each sets.
PROBLEM_ITEM_KEYS = {"number": "number", "category": "category", "description": "description",
                     "deadline": "deadline", "responsible-unit": "responsible_unit",
                     "responsible-person": "responsible_person", "source": "source",
                     "assigned-on": "assigned_on", "batch": "batch_id", "region": "region_code"}


def register(commands: argparse._SubParsersAction) -> None:
    _register_enterprise(commands)
    _register_campaign(commands)
    _register_batch(commands)
    _register_inspection(commands)


# -- enterprises

def _enterprise_options(p: argparse.ArgumentParser, adding: bool) -> None:
    p.add_argument("--name", required=adding, help="名称")
    p.add_argument("--credit-code", help="统一社会信用代码 (18 characters)")
    p.add_argument("--region", help="county: GB/T 2260 code or name (曲沃县)")
    p.add_argument("--industry", help="GB/T 4754 industry code")
    p.add_argument("--permit", help="排污许可证编号")
    common.flag_argument(p, "key-monitored", "重点排污单位")
    p.add_argument("--address")
    p.add_argument("--longitude")
    p.add_argument("--latitude")
    p.add_argument("--supervision-class",
                   help="双随机 class: key, special, general or the bureau's own (\"\" clears)")


def _register_enterprise(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("enterprise", help="enterprises / pollution sources (排污单位)")
    actions = p.add_subparsers(dest="action", required=True, parser_class=type(p))
    a = actions.add_parser("add", help="record an enterprise; prints its id")
    _enterprise_options(a, adding=True)
    a.set_defaults(handler=enterprise_add)
    a = actions.add_parser("list", help="enterprises, by name")
    a.add_argument("--region", help="only this region (code or name)")
    common.add_list_arguments(a, queries.ENTERPRISES.keys)
    a.set_defaults(handler=enterprise_list)
    a = actions.add_parser("show", help="one enterprise")
    a.add_argument("enterprise", help="id, credit code or exact name")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=enterprise_show)
    a = actions.add_parser("update", help="correct an enterprise's fields (\"\" clears one)")
    a.add_argument("enterprise", help="id, credit code or exact name")
    _enterprise_options(a, adding=False)
    common.version_argument(a)
    a.set_defaults(handler=enterprise_update)


def _enterprise_raw(args: argparse.Namespace, ledger: Ledger) -> dict:
    raw = common.fields(args, ENTERPRISE_FIELDS)
    if args.region is not None:
        raw["region_code"] = common.region(ledger, args.region)
    return raw


def enterprise_add(args: argparse.Namespace, ledger: Ledger) -> int:
    changes = enterprises.add(ledger, _enterprise_raw(args, ledger))
    return common.done(changes, changes.id)


def enterprise_update(args: argparse.Namespace, ledger: Ledger) -> int:
    row_id = lookup.enterprise_id(ledger, args.enterprise)
    return common.done(enterprises.update(ledger, row_id, _enterprise_raw(args, ledger),
                                          args.based_on))


def enterprise_list(args: argparse.Namespace, ledger: Ledger) -> int:
    query = queries.Query(region_code=common.region_filter(ledger, args.region))
    return common.run_list(ledger, args, queries.ENTERPRISES, query,
                           ("id", "name", "credit_code", "region", "industry_code",
                            "key_monitored"))


ENTERPRISE_SHOWN = ("id", "name", "credit_code", "region", "industry_code", "permit_number",
                    "key_monitored", "supervision_class", "address", "longitude", "latitude")


def enterprise_show(args: argparse.Namespace, ledger: Ledger) -> int:
    record = enterprises.get(ledger, lookup.enterprise_id(ledger, args.enterprise))
    record["region"] = regions.full_name(ledger, record["region_code"])
    for table in ("inspection", "problem", "penalty_case"):
        record[f"{table}_count"] = ledger.conn.execute(
            f"SELECT count(*) FROM {table} WHERE enterprise_id = ?", (record["id"],)).fetchone()[0]
    record["version"] = versions.version(ledger, "enterprise", record["id"])
    if args.json:
        common.print_json(record)
        return 0
    keys = (*ENTERPRISE_SHOWN, "inspection_count", "problem_count", "penalty_case_count",
            "version")
    common.print_record(common.record_pairs("enterprise", record, keys))
    return 0


# -- campaigns and batches

def _campaign_options(p: argparse.ArgumentParser, adding: bool) -> None:
    p.add_argument("--name", required=adding)
    p.add_argument("--starts-on", help="开始日期")
    p.add_argument("--ends-on", help="结束日期")
    p.add_argument("--target-rate", help="目标清零率, %%")


def _register_campaign(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("campaign", help="campaigns (专项行动)")
    actions = p.add_subparsers(dest="action", required=True, parser_class=type(p))
    a = actions.add_parser("add", help="record a campaign; prints its id")
    _campaign_options(a, adding=True)
    a.set_defaults(handler=campaign_add)
    a = actions.add_parser("update", help="correct a campaign's fields")
    a.add_argument("campaign", help="id or exact name")
    _campaign_options(a, adding=False)
    common.version_argument(a)
    a.set_defaults(handler=campaign_update)
    a = actions.add_parser("list", help="campaigns, with their batch and problem counts")
    a.add_argument("--json", action="store_true", help="one JSON object per line")
    a.set_defaults(handler=campaign_list)


def campaign_add(args: argparse.Namespace, ledger: Ledger) -> int:
    changes = campaigns.add_campaign(ledger, common.fields(args, CAMPAIGN_FIELDS))
    return common.done(changes, changes.id)


def campaign_update(args: argparse.Namespace, ledger: Ledger) -> int:
    row_id = lookup.campaign_id(ledger, args.campaign)
    return common.done(campaigns.update_campaign(ledger, row_id,
                                                 common.fields(args, CAMPAIGN_FIELDS),
                                                 args.based_on))


def campaign_list(args: argparse.Namespace, ledger: Ledger) -> int:
    _all_rows(args)
    return common.run_list(ledger, args, queries.CAMPAIGNS, queries.Query(),
                           ("id", "name", "starts_on", "ends_on", "target_rate", "batches",
                            "problems"))


def _all_rows(args: argparse.Namespace) -> None:
    """The short lists (campaigns, batches) print whole, without paging options."""
    args.search, args.sort, args.desc, args.limit, args.offset, args.count = "", None, False, 0, 0, False


def _register_batch(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("batch", help="numbered batches of supervision letters (督办批次)")
    actions = p.add_subparsers(dest="action", required=True, parser_class=type(p))
    a = actions.add_parser("add", help="record a batch; prints its id")
    a.add_argument("--campaign", help="the campaign (id or exact name)")
    a.add_argument("--number", required=True, help="the batch's number in its campaign")
    a.add_argument("--name", required=True)
    a.add_argument("--issued-on", "--on", dest="issued_on", help="下发日期")
    a.add_argument("--letter-number", help="督办函文号")
    a.set_defaults(handler=batch_add)
    a = actions.add_parser("list", help="batches, by number")
    a.add_argument("--campaign", help="only this campaign (id or exact name)")
    a.add_argument("--json", action="store_true", help="one JSON object per line")
    a.set_defaults(handler=batch_list)


def batch_add(args: argparse.Namespace, ledger: Ledger) -> int:
    raw = common.fields(args, {"number": "number", "name": "name", "issued_on": "issued_on",
                               "letter_number": "letter_number"})
    raw["campaign_id"] = common.reference(ledger, args.campaign, lookup.campaign_id)
    changes = campaigns.add_batch(ledger, raw)
    return common.done(changes, changes.id)


def batch_list(args: argparse.Namespace, ledger: Ledger) -> int:
    _all_rows(args)
    campaign = common.reference(ledger, args.campaign, lookup.campaign_id)
    return common.run_list(ledger, args, queries.BATCHES, queries.Query(campaign_id=campaign),
                           ("id", "number", "name", "campaign", "issued_on", "letter_number",
                            "problems"))


# -- inspections

def _register_inspection(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("inspection", help="inspections (检查) with officers and problems found")
    actions = p.add_subparsers(dest="action", required=True, parser_class=type(p))
    a = actions.add_parser(
        "add", help="record an inspection and the problems it found; prints the inspection's "
                    "id, then each problem's",
        epilog="--problem takes key=value words: " + ", ".join(PROBLEM_ITEM_KEYS)
               + ". A problem found on site comes from the inspected enterprise and is "
                 "assigned on the inspection day unless told otherwise.")
    a.add_argument("--enterprise", required=True, help="id, credit code or exact name")
    a.add_argument("--on", "--inspected-on", dest="inspected_on", help="检查日期")
    a.add_argument("--kind", help=common.choices_help("inspection_kind", INSPECTION_KINDS))
    a.add_argument("--result", help=common.choices_help("inspection_result", INSPECTION_RESULTS))
    a.add_argument("--officer", action="append", default=[], help="执法人员 (at least two)")
    a.add_argument("--campaign", help="the campaign (id or exact name)")
    a.add_argument("--notes")
    a.add_argument("--problem", action="append", nargs="+", default=[], metavar="KEY=VALUE",
                   help="a problem found, e.g. category=扬尘 description=料场未苫盖 "
                        "deadline=2024-9-1")
    a.set_defaults(handler=inspection_add)
    a = actions.add_parser("list", help="inspections, by date")
    a.add_argument("--region", help="only this region (code or name)")
    a.add_argument("--campaign", help="only this campaign (id or exact name)")
    a.add_argument("--from", dest="date_from", help="inspected on or after")
    a.add_argument("--to", dest="date_to", help="inspected on or before")
    common.add_list_arguments(a, queries.INSPECTIONS.keys)
    a.set_defaults(handler=inspection_list)
    a = actions.add_parser("show", help="one inspection, its officers and problems")
    a.add_argument("inspection", help="the inspection's id")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=inspection_show)


def inspection_add(args: argparse.Namespace, ledger: Ledger) -> int:
    raw = {"enterprise_id": lookup.enterprise_id(ledger, args.enterprise),
           "inspected_on": args.inspected_on,
           "kind": common.word("inspection_kind", args.kind, INSPECTION_KINDS),
           "result": common.word("inspection_result", args.result, INSPECTION_RESULTS),
           "campaign_id": common.reference(ledger, args.campaign, lookup.campaign_id),
           "notes": args.notes}
    found = [problem_item(ledger, words) for words in args.problem]
    changes = inspections.add(ledger, raw, args.officer, found)
    common.done(changes)
    for row_id in changes.ids:
        print(row_id)
    return 0


def problem_item(ledger: Ledger, words: list[str]) -> dict:
    """One `--problem key=value …` as the fields of a problem found on site."""
    item: dict = {}
    for text in words:
        key, sep, value = text.partition("=")
        if not sep:
            raise LedgerError("cli.error.problem_item", item=text)
        field = PROBLEM_ITEM_KEYS.get(key.strip().lower().replace("_", "-"))
        if field is None:
            raise LedgerError("cli.error.problem_item_key", key=key,
                              keys=", ".join(PROBLEM_ITEM_KEYS))
        item[field] = value
    if "batch_id" in item:
        item["batch_id"] = common.reference(ledger, item["batch_id"], lookup.batch_id)
    if "region_code" in item:
        item["region_code"] = common.region(ledger, item["region_code"])
    return item


def inspection_list(args: argparse.Namespace, ledger: Ledger) -> int:
    query = queries.Query(region_code=common.region_filter(ledger, args.region),
                          campaign_id=common.reference(ledger, args.campaign, lookup.campaign_id),
                          date_from=common.date_filter(args.date_from, "--from"),
                          date_to=common.date_filter(args.date_to, "--to"))
    return common.run_list(ledger, args, queries.INSPECTIONS, query,
                           ("id", "inspected_on", "enterprise", "region", "kind", "result",
                            "officers", "problems"),
                           show=lambda k, v: common.short(v, 30) if k == "enterprise"
                           else common.shown_value(k, v))


def inspection_show(args: argparse.Namespace, ledger: Ledger) -> int:
    record = inspections.get(ledger, args.inspection.strip())
    enterprise = enterprises.get(ledger, record["enterprise_id"])
    record["enterprise"] = enterprise["name"]
    record["region"] = regions.full_name(ledger, enterprise["region_code"])
    if record["campaign_id"]:
        record["campaign"] = rows.get(ledger, "campaign", record["campaign_id"])["name"]
    record["problems"] = [dict(r) for r in ledger.conn.execute(
        "SELECT id, number, category, description, status FROM problem "
        "WHERE inspection_id = ? ORDER BY rowid", (record["id"],))]
    if args.json:
        common.print_json(record)
        return 0
    record["officers"] = "、".join(record["officers"])
    common.print_record([pair for pair in common.record_pairs("inspection", record, (
        "id", "inspected_on", "enterprise", "region", "kind", "result", "officers", "campaign",
        "notes")) if pair[1]])
    if record["problems"]:
        print()
        common.print_table(
            [common.column_label("problem", k) for k in ("id", "number", "category",
                                                         "description", "status")],
            [[p["id"], p["number"] or "", common.shown_value("category", p["category"]),
              common.short(p["description"], 30), common.shown_value("status", p["status"])]
             for p in record["problems"]])
    return 0

