"""`ecoledger-cli random …`: 双随机、一公开 — directories, plans, sealed draws, their
verification, the tasks as inspections to do, and the public notices.

Each command calls one core function of core/random_inspection; the rules live there.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import argparse
import sys

from .. import lookup, messages, operators, regions
from ..random_inspection import (classes, directory, draw, imports, notices, officers, plans,
                                 tasks)
from . import common

if TYPE_CHECKING:
    from ..ledger import Ledger


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("random", help="双随机、一公开: random inspections")
    actions = p.add_subparsers(dest="random_command", required=True, parser_class=type(p))
    _register_directory(actions)
    _register_officer(actions)
    _register_class_and_item(actions)
    _register_plan(actions)
    a = actions.add_parser("draw", help="draw a plan (sealed); prints the draw's id")
    a.add_argument("plan", help="plan id or exact name")
    a.add_argument("--witness-value", required=True,
                   help="the public value the witness types in (e.g. the day's lottery number)")
    a.add_argument("--witness", help="the witness's name")
    a.add_argument("--reason", help="a redraw's reason (manager only; the first draw is kept)")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=draw_run)
    a = actions.add_parser("verify", help="derive a draw again from its recorded inputs")
    a.add_argument("draw", help="draw id, or a plan whose draw is in force")
    a.set_defaults(handler=verify_run)
    a = actions.add_parser("tasks", help="tasks of the draws in force, with their state")
    a.add_argument("--draw", help="only this draw")
    a.add_argument("--json", action="store_true", help="one JSON object per line")
    a.set_defaults(handler=tasks_list)
    a = actions.add_parser("task-link", help="count an inspection for a drawn task")
    a.add_argument("task")
    a.add_argument("inspection")
    a.set_defaults(handler=task_link)
    a = actions.add_parser("notice", help="the public notice of a draw and its results (.xlsx)")
    a.add_argument("draw")
    a.add_argument("-o", "--output", required=True)
    a.set_defaults(handler=notice_run)
    a = actions.add_parser("publish", help="record the day a notice was made public")
    a.add_argument("draw")
    a.add_argument("--which", choices=notices.WHICH, default="draw")
    a.add_argument("--on", help="the day (default today)")
    a.set_defaults(handler=publish_run)
    a = actions.add_parser("status", help="coverage per class and what is unpublished")
    a.add_argument("--year", type=int)
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=status_run)


def _heads(*keys: str) -> list[str]:
    """Column heads of a listing, in the current language."""
    return [common.column_label("random", key) for key in keys]


# -- directories

def _register_directory(actions) -> None:
    p = actions.add_parser("directory", help="the directory of supervised enterprises")
    sub = p.add_subparsers(dest="directory_command", required=True, parser_class=type(p))
    a = sub.add_parser("import", help="enterprises with 统一社会信用代码 and class from Excel")
    a.add_argument("file")
    a.set_defaults(handler=directory_import)
    a = sub.add_parser("add", help="put an enterprise in the directory")
    a.add_argument("enterprise", help="id, credit code or exact name")
    a.add_argument("--items", nargs="*", help="inspection items that apply (codes or names)")
    common.flag_argument(a, "active", "in the directory (--no-active takes it out)")
    a.set_defaults(handler=directory_add)
    a = sub.add_parser("list", help="the directory, by class")
    a.add_argument("--class", dest="supervision_class")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=directory_list)


def directory_import(args, ledger: Ledger) -> int:
    operators.adopt_named(ledger)
    common.done(imports.import_directory(ledger, args.file))
    print(len(directory.members(ledger)))
    return 0


def directory_add(args, ledger: Ledger) -> int:
    operators.adopt_named(ledger)
    enterprise_id = lookup.enterprise_id(ledger, args.enterprise)
    return common.done(directory.put_member(ledger, enterprise_id, args.items, args.active))


def directory_list(args, ledger: Ledger) -> int:
    found = directory.members(ledger, supervision_class=classes.resolve(ledger, args.supervision_class))
    if args.json:
        for m in found:
            common.print_json_line({"enterprise": m.name, "credit_code": m.credit_code,
                                    "class": m.supervision_class, "county": m.region_code,
                                    "items": list(m.items), "active": m.active})
        return 0
    common.print_table([messages.label("field.name"), messages.label("field.credit_code"),
                        messages.label("field.supervision_class"), messages.label("field.items")],
                       [[common.short(m.name, 40), m.credit_code or "", m.supervision_class,
                         "、".join(m.items)] for m in found])
    return 0


# -- officers

def _register_officer(actions) -> None:
    p = actions.add_parser("officer", help="the directory of enforcement officers")
    sub = p.add_subparsers(dest="officer_command", required=True, parser_class=type(p))
    a = sub.add_parser("add", help="an officer; prints the id")
    a.add_argument("name")
    a.add_argument("--certificate", required=True, help="执法证号")
    a.add_argument("--field", help="执法领域")
    a.add_argument("--unit", help="所在单位")
    a.add_argument("--region", help="county (for cross-county draws)")
    a.add_argument("--conflict", nargs="+", default=[], metavar="ENTERPRISE",
                   help="enterprises the officer declares a conflict of interest with")
    a.set_defaults(handler=officer_add)
    a = sub.add_parser("import", help="officers (姓名, 执法证号 …) from Excel")
    a.add_argument("file")
    a.set_defaults(handler=officer_import)
    a = sub.add_parser("update", help="change an officer (e.g. --no-active)")
    a.add_argument("officer", help="id, certificate number or name")
    a.add_argument("--name")
    a.add_argument("--field")
    a.add_argument("--unit")
    a.add_argument("--region")
    common.flag_argument(a, "active", "can be drawn")
    a.add_argument("--conflict", nargs="+", default=[], metavar="ENTERPRISE",
                   help="declare a conflict of interest with these enterprises")
    a.add_argument("--withdraw-conflict", nargs="+", default=[], metavar="ENTERPRISE",
                   help="a declared conflict no longer stands (the audit trail keeps it)")
    a.set_defaults(handler=officer_update)
    a = sub.add_parser("list", help="officers")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=officer_list)


def officer_add(args, ledger: Ledger) -> int:
    operators.adopt_named(ledger)
    conflicts = [lookup.enterprise_id(ledger, key) for key in args.conflict]
    raw = {"name": args.name, "certificate": args.certificate, "field": args.field,
           "unit": args.unit, "region_code": common.region(ledger, args.region)}
    changes = officers.add(ledger, raw, conflicts)
    return common.done(changes, changes.id)


def officer_import(args, ledger: Ledger) -> int:
    operators.adopt_named(ledger)
    imports.import_officers(ledger, args.file)
    print(len(officers.all_officers(ledger)))
    return 0


def officer_update(args, ledger: Ledger) -> int:
    operators.adopt_named(ledger)
    officer_id = officers.find(ledger, args.officer)
    raw = {k: v for k, v in (("name", args.name), ("field", args.field), ("unit", args.unit),
                             ("region_code", common.region(ledger, args.region)),
                             ("active", None if args.active is None else int(args.active)))
           if v is not None}
    changes = officers.update(ledger, officer_id, raw)
    for key in args.conflict:
        changes |= officers.declare(ledger, officer_id, lookup.enterprise_id(ledger, key))
    for key in args.withdraw_conflict:
        changes |= officers.withdraw(ledger, officer_id, lookup.enterprise_id(ledger, key))
    return common.done(changes)


def officer_list(args, ledger: Ledger) -> int:
    found = officers.all_officers(ledger)
    if args.json:
        for o in found:
            common.print_json_line({"name": o.name, "certificate": o.certificate, "field": o.field,
                                    "unit": o.unit, "county": o.region_code, "active": o.active})
        return 0
    common.print_table([messages.label("field.name"), messages.label("field.certificate"),
                        messages.label("field.region_code")],
                       [[o.name, o.certificate, regions.full_name(ledger, o.region_code)
                         if o.region_code else ""] for o in found])
    return 0


# -- classes and items

def _register_class_and_item(actions) -> None:
    p = actions.add_parser("class", help="supervision classes (the bureau's own, e.g. a/b/c)")
    sub = p.add_subparsers(dest="class_command", required=True, parser_class=type(p))
    a = sub.add_parser("add")
    a.add_argument("code")
    a.add_argument("--name", required=True)
    a.add_argument("--for-key-monitored", action="store_true",
                   help="key-monitored enterprises fall in this class unless set")
    a.add_argument("--fallback", action="store_true", help="every other enterprise falls here")
    a.set_defaults(handler=class_add)
    a = sub.add_parser("remove")
    a.add_argument("code")
    a.set_defaults(handler=class_remove)
    a = sub.add_parser("list")
    a.set_defaults(handler=class_list)
    p = actions.add_parser("item", help="inspection items (抽查事项)")
    sub = p.add_subparsers(dest="item_command", required=True, parser_class=type(p))
    a = sub.add_parser("add")
    a.add_argument("code")
    a.add_argument("--name", required=True)
    a.add_argument("--basis", help="抽查依据")
    a.set_defaults(handler=item_add)
    a = sub.add_parser("list")
    a.set_defaults(handler=item_list)


def class_add(args, ledger: Ledger) -> int:
    operators.adopt_named(ledger)
    return common.done(classes.add(ledger, {"code": args.code, "name": args.name,
                                            "for_key_monitored": args.for_key_monitored,
                                            "fallback": args.fallback}))


def class_remove(args, ledger: Ledger) -> int:
    operators.adopt_named(ledger)
    return common.done(classes.remove(ledger, args.code))


def class_list(args, ledger: Ledger) -> int:
    common.print_table(_heads("code", "name"),
                       [[c.code, c.name] for c in classes.all_classes(ledger)])
    return 0


def item_add(args, ledger: Ledger) -> int:
    operators.adopt_named(ledger)
    return common.done(directory.add_item(ledger, {"code": args.code, "name": args.name,
                                                   "basis": args.basis}))


def item_list(args, ledger: Ledger) -> int:
    common.print_table(_heads("code", "name"),
                       [[i.code, i.name] for i in directory.items(ledger)])
    return 0


# -- plans

def _register_plan(actions) -> None:
    p = actions.add_parser("plan", help="plans: period, share per class, items, rules")
    sub = p.add_subparsers(dest="plan_command", required=True, parser_class=type(p))
    a = sub.add_parser("add", help="a plan; prints its id")
    a.add_argument("--name", required=True)
    a.add_argument("--from", dest="starts_on", required=True)
    a.add_argument("--to", dest="ends_on", required=True)
    a.add_argument("--share", action="append", default=[], metavar="CLASS=PERCENT",
                   help="share of a class in per cent, rounded up (key=25)")
    a.add_argument("--count", action="append", default=[], metavar="CLASS=N",
                   help="a number of enterprises of a class (special=3)")
    a.add_argument("--items", nargs="*", default=[], help="inspection items (codes or names)")
    a.add_argument("--cross-county", action="store_true", help="officers from another county")
    a.add_argument("--publish-within", help="working days to publish (default 20)")
    a.add_argument("--draft", action="store_true", help="leave it for a manager to approve")
    a.set_defaults(handler=plan_add)
    a = sub.add_parser("approve", help="approve a plan (manager)")
    a.add_argument("plan")
    a.set_defaults(handler=plan_approve)
    a = sub.add_parser("list")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=plan_list)


def plan_add(args, ledger: Ledger) -> int:
    operators.adopt_named(ledger)
    shares = dict(plans.parse_share(s) for s in args.share)
    shares.update(plans.parse_share(s, count=True) for s in args.count)
    raw = {"name": args.name, "starts_on": args.starts_on, "ends_on": args.ends_on,
           "shares": shares, "items": args.items, "cross_county": args.cross_county,
           "publish_within": args.publish_within}
    changes = plans.add(ledger, raw, approve=False if args.draft else None)
    return common.done(changes, changes.id)


def plan_approve(args, ledger: Ledger) -> int:
    operators.adopt_named(ledger)
    return common.done(plans.approve(ledger, plans.find(ledger, args.plan)))


def plan_list(args, ledger: Ledger) -> int:
    found = plans.all_plans(ledger)
    if args.json:
        for p in found:
            common.print_json_line({"id": p.id, "name": p.name, "from": p.starts_on,
                                    "to": p.ends_on, "shares": p.shares, "items": list(p.items),
                                    "approved": p.approved, "draw": draw.standing(ledger, p.id)})
        return 0
    common.print_table(_heads("id", "name", "starts_on", "ends_on"),
                       [[p.id, p.name, p.starts_on, p.ends_on] for p in found])
    return 0


# -- draws

def draw_run(args, ledger: Ledger) -> int:
    operators.adopt_named(ledger)
    plan_id = plans.find(ledger, args.plan)
    draw_id = draw.make(ledger, plan_id, args.witness_value, args.witness, args.reason).id
    drawn = tasks.of_draw(ledger, draw_id)
    if args.json:
        common.print_json({"draw": draw_id, "seed": draw.get(ledger, draw_id)["seed"],
                           "tasks": [{"enterprise": t.enterprise, "credit_code": t.credit_code,
                                      "class": t.supervision_class, "officers": list(t.officers),
                                      "items": list(t.items)} for t in drawn]})
        return 0
    print(draw_id)
    return 0


def verify_run(args, ledger: Ledger) -> int:
    draw_id = draw.find(ledger, args.draw)
    findings = draw.verify(ledger, draw_id)
    if findings:
        print(f"ecoledger-cli: {messages.text('random.verify.failed', findings='；'.join(findings))}",
              file=sys.stderr)
        return 1
    record = draw.get(ledger, draw_id)
    print(messages.text("random.verify.ok", count=len(draw.recorded_tasks(ledger, draw_id)),
                        seed=record["seed"]))
    return 0


def tasks_list(args, ledger: Ledger) -> int:
    found = tasks.of_draw(ledger, draw.find(ledger, args.draw)) if args.draw \
        else tasks.standing(ledger)
    if args.json:
        for t in found:
            common.print_json_line({"id": t.id, "draw": t.draw_id, "plan": t.plan, "seq": t.seq,
                                    "enterprise": t.enterprise, "credit_code": t.credit_code,
                                    "class": t.supervision_class, "officers": list(t.officers),
                                    "items": list(t.items), "state": t.state,
                                    "inspection": t.inspection_id})
        return 0
    common.print_table(_heads("seq", "name", "officers", "state"),
                       [[t.seq, common.short(t.enterprise, 40), "、".join(t.officers),
                         messages.label(f"random.state.{t.state}")] for t in found])
    return 0


def task_link(args, ledger: Ledger) -> int:
    operators.adopt_named(ledger)
    return common.done(tasks.link(ledger, tasks.find(ledger, args.task), args.inspection.strip()))


def notice_run(args, ledger: Ledger) -> int:
    path = notices.export(ledger, draw.find(ledger, args.draw), args.output)
    print(messages.text("random.cli.notice", path=path))
    return 0


def publish_run(args, ledger: Ledger) -> int:
    operators.adopt_named(ledger)
    draw_id = draw.find(ledger, args.draw)
    notices.publish(ledger, draw_id, args.which, args.on)
    day = draw.get(ledger, draw_id)["notice_published_on" if args.which == "draw"
                                    else "results_published_on"]
    print(messages.text("random.cli.published", which=messages.label(f"random.which.{args.which}"),
                        day=day))
    return 0


def status_run(args, ledger: Ledger) -> int:
    from .. import dates

    year = args.year or dates.today().year
    cover = notices.coverage(ledger, year)
    waiting = notices.unpublished(ledger)
    if args.json:
        common.print_json({"year": year,
                           "coverage": [{"class": c.supervision_class, "members": c.members,
                                         "drawn": c.drawn, "inspected": c.inspected,
                                         "percent": c.percent} for c in cover],
                           "unpublished": [{"draw": p.draw_id, "plan": p.plan, "which": p.which,
                                            "due": p.due, "overdue": p.overdue} for p in waiting]})
        return 0
    common.print_table(_heads("supervision_class", "members", "drawn", "inspected", "percent"),
                       [[c.name, c.members, c.drawn, c.inspected, f"{c.percent:g}"] for c in cover])
    for p in waiting:
        due = p.due or messages.text("random.cli.no_deadline")
        print(f"{p.plan}  {messages.label('random.which.' + p.which)}  {due}")
    return 0
