"""Subcommands for problems and their rectification: `problem add|list|show|update|move|
withdraw|note|delete|attach|files` and `measure add|list|update|delete`.

A problem is named by its id or by its number (问题编号) when only one problem has it.
Role rules stay in core: closing, reopening and deleting are a manager's (`--operator`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import argparse

from .. import (attachments, deadlines, enterprises, lookup, messages, problems, queries, regions,
               rows, versions)
from ..errors import LedgerError
from ..workflow import Status
from . import common

if TYPE_CHECKING:
    from ..ledger import Ledger

PROBLEM_FIELDS = {"number": "number", "description": "description",
                  "assigned_on": "assigned_on", "deadline": "deadline",
                  "responsible_unit": "responsible_unit",
                  "responsible_person": "responsible_person",
                  "complaint_number": "complaint_number"}
ACCEPTANCE_FIELDS = {"accepted_by": "accepted_by", "accepted_unit": "accepted_unit",
                     "opinion": "opinion"}
MEASURE_FIELDS = {"description": "description", "deadline": "deadline",
                  "responsible": "responsible", "progress": "progress", "done_on": "done_on"}
STATUSES = [s.value for s in Status]


def register(commands: argparse._SubParsersAction) -> None:
    _register_problem(commands)
    _register_measure(commands)


def _problem_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--number", help="问题编号, e.g. 临环督〔2024〕1号")
    p.add_argument("--source", help=common.CODE_HELP.format(kind="source"))
    p.add_argument("--category", help=common.CODE_HELP.format(kind="category")
                   + "; several as 大气、噪声, the first the main one")
    p.add_argument("--description", help="问题描述")
    p.add_argument("--enterprise", help="id, credit code or exact name (gives the county)")
    p.add_argument("--region", help="county or unit: code or name (曲沃县, 临汾市曲沃县, 高新区)")
    p.add_argument("--campaign", help="id or exact name")
    p.add_argument("--batch", help="id, letter number (督办函文号) or batch number")
    p.add_argument("--inspection", help="the inspection's id")
    p.add_argument("--assigned-on", "--on", dest="assigned_on", help="交办日期")
    p.add_argument("--deadline", help="整改时限: a date, 立行立改, 2024年6月底前, 长期坚持, "
                                      "2025年底前，并长期坚持, 20个工作日 …")
    p.add_argument("--complaint-number", help="受理编号, e.g. D3SX202505280018")
    p.add_argument("--responsible-unit", help="责任单位")
    p.add_argument("--responsible-person", help="责任人")


def _register_problem(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("problem", help="problems (环境问题) and their rectification")
    actions = p.add_subparsers(dest="action", required=True, parser_class=type(p))
    a = actions.add_parser("add", help="record an assigned problem; prints its id")
    _problem_options(a)
    a.set_defaults(handler=problem_add)
    a = actions.add_parser("list", help="problems, filtered and searched")
    a.add_argument("--status", help=", ".join(STATUSES) + " (or 整改中 …)")
    a.add_argument("--region", help="region code or name (a city covers its counties)")
    a.add_argument("--category", help="category code or name")
    a.add_argument("--campaign", help="id or exact name")
    a.add_argument("--batch", help="id, letter number or batch number")
    a.add_argument("--overdue", action="store_true", help="only overdue problems (today)")
    a.add_argument("--from", dest="date_from", help="assigned on or after")
    a.add_argument("--to", dest="date_to", help="assigned on or before")
    common.add_list_arguments(a, queries.PROBLEMS.keys)
    a.set_defaults(handler=problem_list)
    a = actions.add_parser("show", help="one problem: fields, measures, extensions, timeline")
    a.add_argument("problem", help="id or number")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=problem_show)
    a = actions.add_parser("update", help="correct a problem's fields (\"\" clears one)")
    a.add_argument("problem", help="id or number")
    _problem_options(a)
    common.version_argument(a)
    a.set_defaults(handler=problem_update)
    a = actions.add_parser("move", help="change the rectification status "
                                        "(closing and reopening: managers only)")
    a.add_argument("problem", help="id or number")
    a.add_argument("status", help=", ".join(STATUSES) + " (or 已销号 …)")
    a.add_argument("--on", default=None, help="date of the change (default today)")
    a.add_argument("--note", default=None, help="a note kept with the change")
    a.add_argument("--accepted-by", help="closing: who verified it (验收人)")
    a.add_argument("--accepted-unit", help="closing: the verifier's unit (验收单位)")
    a.add_argument("--opinion", help="closing: the acceptance opinion (验收意见)")
    a.add_argument("--photo", action="append", default=[],
                   help="closing: an after-photo (repeat for more)")
    a.set_defaults(handler=problem_move)
    a = actions.add_parser("withdraw", help="withdraw a problem assigned in error")
    a.add_argument("problem", help="id or number")
    a.add_argument("--reason", required=True)
    a.add_argument("--on", default=None, help="date of the withdrawal (default today)")
    a.set_defaults(handler=problem_withdraw)
    a = actions.add_parser("note", help="a dated progress note")
    a.add_argument("problem", help="id or number")
    a.add_argument("text")
    a.add_argument("--on", default=None, help="date of the note (default today)")
    a.set_defaults(handler=problem_note)
    a = actions.add_parser("delete", help="delete a problem entered by mistake (managers only)")
    a.add_argument("problem", help="id or number")
    a.set_defaults(handler=problem_delete)
    a = actions.add_parser("attach", help="attach photos or files (copied beside the ledger)")
    a.add_argument("problem", help="id or number")
    a.add_argument("files", nargs="+", metavar="FILE")
    a.add_argument("--phase", default="before",
                   help="before (整改前, default) or after (整改后: proof of rectification)")
    a.set_defaults(handler=problem_attach)
    a = actions.add_parser("files", help="a problem's attached files and where they are kept")
    a.add_argument("problem", help="id or number")
    a.add_argument("--json", action="store_true", help="one JSON object per line")
    a.set_defaults(handler=problem_files)


def _problem_raw(args: argparse.Namespace, ledger: Ledger) -> dict:
    raw = common.fields(args, PROBLEM_FIELDS)
    if args.source is not None:
        raw["source"] = args.source
    if args.category is not None:
        raw["category"] = args.category
    if args.region is not None:
        raw["region_code"] = common.region(ledger, args.region)
    raw.update(common.references(ledger, args, (
        ("enterprise", "enterprise_id", lookup.enterprise_id),
        ("campaign", "campaign_id", lookup.campaign_id),
        ("batch", "batch_id", lookup.batch_id),
        ("inspection", "inspection_id", None))))
    return raw


def problem_add(args: argparse.Namespace, ledger: Ledger) -> int:
    changes = problems.add(ledger, _problem_raw(args, ledger))
    return common.done(changes, changes.id)


def problem_update(args: argparse.Namespace, ledger: Ledger) -> int:
    row_id = lookup.problem_id(ledger, args.problem)
    return common.done(problems.update(ledger, row_id, _problem_raw(args, ledger),
                                       args.based_on))


def _status(value: str) -> str:
    return common.word("status", value, STATUSES)


def problem_move(args: argparse.Namespace, ledger: Ledger) -> int:
    row_id = lookup.problem_id(ledger, args.problem)
    problems.transition(ledger, row_id, _status(args.status), args.on, args.note,
                        acceptance=common.fields(args, ACCEPTANCE_FIELDS), photos=args.photo)
    return 0


def problem_withdraw(args: argparse.Namespace, ledger: Ledger) -> int:
    problems.withdraw(ledger, lookup.problem_id(ledger, args.problem), args.reason, args.on)
    return 0


def problem_note(args: argparse.Namespace, ledger: Ledger) -> int:
    problems.add_note(ledger, lookup.problem_id(ledger, args.problem), args.text, args.on)
    return 0


def problem_delete(args: argparse.Namespace, ledger: Ledger) -> int:
    problems.delete(ledger, lookup.problem_id(ledger, args.problem))
    return 0


def problem_attach(args: argparse.Namespace, ledger: Ledger) -> int:
    phase = common.word("cli.phase", args.phase, attachments.PHASES)
    attachments.attach(ledger, lookup.problem_id(ledger, args.problem), args.files, phase)
    return 0


def _attachments(ledger: Ledger, row_id: str) -> list[dict]:
    return [{"id": a.id, "name": a.name, "phase": a.phase, "attached_on": a.attached_on,
             "path": str(a.path)} for a in attachments.of_problem(ledger, row_id)]


def problem_files(args: argparse.Namespace, ledger: Ledger) -> int:
    found = _attachments(ledger, lookup.problem_id(ledger, args.problem))
    if args.json:
        for a in found:
            common.print_json_line(a)
        return 0
    if not found:
        print(messages.label("cli.label.no_attachments"))
    _print_attachments(found)
    return 0


def _print_attachments(found: list[dict]) -> None:
    if not found:
        return
    print(f"\n{messages.label('cli.label.attachments')}")
    common.print_table(
        [common.column_label("attachment", k) for k in ("name", "phase", "attached_on", "path")],
        [[a["name"], messages.label("cli.phase." + a["phase"]), a["attached_on"], a["path"]]
         for a in found])


def problem_list(args: argparse.Namespace, ledger: Ledger) -> int:
    status = category = None
    if args.status is not None:
        status = _status(args.status)
        if status not in STATUSES:
            raise LedgerError("error.status_unknown", status=args.status)
    if args.category is not None:
        category = common.code_word(ledger, "category", args.category)
    query = queries.Query(
        region_code=common.region_filter(ledger, args.region), status=status,
        category=category,
        campaign_id=common.reference(ledger, args.campaign, lookup.campaign_id),
        batch_id=common.reference(ledger, args.batch, lookup.batch_id),
        date_from=common.date_filter(args.date_from, "--from"), date_to=common.date_filter(args.date_to, "--to"),
        overdue=args.overdue)
    return common.run_list(
        ledger, args, queries.PROBLEMS, query,
        ("id", "number", "region", "enterprise", "category", "description", "deadline",
         "status", "overdue"),
        show=lambda k, v: common.short(v, 20 if k == "enterprise" else 24)
        if k in ("enterprise", "description") else common.shown_value(k, v))


PROBLEM_SHOWN = ("id", "number", "complaint_number", "source", "campaign", "batch",
                 "inspection", "enterprise", "region", "category", "extra_categories",
                 "description", "assigned_on", "deadline_as_written", "deadline_in_force",
                 "responsible_unit", "responsible_person", "status", "status_since", "done_on",
                 "closed_on", "accepted_on", "accepted_by", "accepted_unit", "opinion",
                 "withdrawn_on", "withdrawn_reason", "version")


def problem_details(ledger: Ledger, row_id: str) -> dict:
    """A problem with the names of what it links to, its measures, extensions and timeline."""
    record = problems.get(ledger, row_id)
    if record["enterprise_id"]:
        record["enterprise"] = enterprises.get(ledger, record["enterprise_id"])["name"]
    record["region"] = regions.full_name(ledger, record["region_code"])
    if record["campaign_id"]:
        record["campaign"] = rows.get(ledger, "campaign", record["campaign_id"])["name"]
    if record["batch_id"]:
        batch = rows.get(ledger, "batch", record["batch_id"])
        record["batch"] = " ".join(filter(None, (batch["name"], batch["letter_number"])))
    if record["inspection_id"]:
        record["inspection"] = rows.get(ledger, "inspection", record["inspection_id"])["inspected_on"]
    record["deadline_as_written"] = deadlines.describe(
        record["deadline_kind"], record["deadline"], record["deadline_text"])
    record["acceptances"] = problems.acceptances(ledger, row_id)
    if record["status"] == Status.CLOSED.value and record["acceptances"]:
        last = record["acceptances"][-1]
        record.update({k: last[k] for k in ("accepted_on", "accepted_by", "accepted_unit",
                                           "opinion")})
    record["allowed"] = [s.value for s in problems.allowed_transitions(ledger, row_id)]
    record["measures"] = problems.measures(ledger, row_id)
    record["extensions"] = problems.extensions(ledger, row_id)
    record["timeline"] = problems.timeline(ledger, row_id)
    record["attachments"] = _attachments(ledger, row_id)
    record["version"] = versions.version(ledger, "problem", row_id)
    return record


def problem_show(args: argparse.Namespace, ledger: Ledger) -> int:
    record = problem_details(ledger, lookup.problem_id(ledger, args.problem))
    if args.json:
        common.print_json(record)
        return 0
    pairs = [pair for pair in common.record_pairs("problem", record, PROBLEM_SHOWN) if pair[1]]
    pairs.append((messages.label("cli.label.allowed"),
                  "、".join(messages.label("status." + s) for s in record["allowed"])
                  or messages.label("cli.label.none")))
    common.print_record(pairs)
    _print_measures(record["measures"])
    if record["extensions"]:
        print(f"\n{messages.label('cli.label.extensions')}")
        common.print_table(
            [common.column_label("extension", k) for k in
             ("id", "requested_on", "new_deadline", "reason", "approved_on")],
            [[e["id"], e["requested_on"], e["new_deadline"], common.short(e["reason"], 30),
              e["approved_on"] or messages.text("label.pending")] for e in record["extensions"]])
    print(f"\n{messages.label('cli.label.timeline')}")
    common.print_table(
        [common.column_label("log", k) for k in ("happened_on", "status_to", "note")],
        [[e["happened_on"], _change(e), e["note"] or ""] for e in record["timeline"]])
    _print_attachments(record["attachments"])
    return 0


def _change(entry: dict) -> str:
    if not entry["status_to"]:
        return ""
    to = messages.label("status." + entry["status_to"])
    if not entry["status_from"]:
        return to
    return f"{messages.label('status.' + entry['status_from'])} → {to}"


def _print_measures(measures: list[dict]) -> None:
    if not measures:
        return
    print(f"\n{messages.label('cli.label.measures')}")
    common.print_table(
        [common.column_label("measure", k) for k in
         ("seq", "id", "description", "deadline", "responsible", "progress", "done_on")],
        [[str(m["seq"]), m["id"], common.short(m["description"], 30),
          deadlines.describe(m["deadline_kind"], m["deadline"], m["deadline_text"]),
          m["responsible"] or "", str(m["progress"]), m["done_on"] or ""] for m in measures])


# -- rectification measures

def _measure_options(p: argparse.ArgumentParser, adding: bool) -> None:
    p.add_argument("--description", required=adding, help="整改措施")
    p.add_argument("--deadline", help="the measure's own deadline")
    p.add_argument("--responsible", help="责任人")
    p.add_argument("--progress", help="0–100 (%%)")
    p.add_argument("--done-on", help="完成日期")


def _register_measure(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("measure", help="rectification measures (整改措施) of a problem")
    actions = p.add_subparsers(dest="action", required=True, parser_class=type(p))
    a = actions.add_parser("add", help="add a measure to a problem; prints its id")
    a.add_argument("problem", help="the problem's id or number")
    _measure_options(a, adding=True)
    a.set_defaults(handler=measure_add)
    a = actions.add_parser("list", help="a problem's measures, in order")
    a.add_argument("problem", help="the problem's id or number")
    a.add_argument("--json", action="store_true", help="one JSON object per line")
    a.set_defaults(handler=measure_list)
    a = actions.add_parser("update", help="change a measure (progress, done date …)")
    a.add_argument("measure", help="the measure's id")
    _measure_options(a, adding=False)
    common.version_argument(a)
    a.set_defaults(handler=measure_update)
    a = actions.add_parser("delete", help="delete a measure entered by mistake (managers only)")
    a.add_argument("measure", help="the measure's id")
    a.set_defaults(handler=measure_delete)


def measure_add(args: argparse.Namespace, ledger: Ledger) -> int:
    problem_id = lookup.problem_id(ledger, args.problem)
    changes = problems.add_measure(ledger, problem_id, common.fields(args, MEASURE_FIELDS))
    return common.done(changes, problems.measures(ledger, problem_id)[-1]["id"])


def measure_update(args: argparse.Namespace, ledger: Ledger) -> int:
    return common.done(problems.update_measure(ledger, args.measure.strip(),
                                               common.fields(args, MEASURE_FIELDS),
                                               args.based_on))


def measure_delete(args: argparse.Namespace, ledger: Ledger) -> int:
    problems.delete_measure(ledger, args.measure.strip())
    return 0


def measure_list(args: argparse.Namespace, ledger: Ledger) -> int:
    found = problems.measures(ledger, lookup.problem_id(ledger, args.problem))
    if args.json:
        for m in found:
            common.print_json_line(m)
        return 0
    if not found:
        print(messages.label("cli.label.no_measures"))
    _print_measures(found)
    return 0

