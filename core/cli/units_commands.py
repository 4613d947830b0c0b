"""`ecoledger-cli units …`: the bureau's units beyond GB/T 2260 (development zones, city
departments, townships), rows of their own in figures and returns.

    units list [--json]
    units add NAME --kind zone|department|township [--parent CODE] [--code CODE]
    units rename CODE NAME
    units move CODE POSITION
    units retire CODE [--undo]
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import argparse

from .. import messages, operators, regions, units
from . import common

if TYPE_CHECKING:
    from ..ledger import Ledger


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("units", help="development zones, city departments, townships")
    actions = p.add_subparsers(dest="action", required=True, parser_class=type(p))
    a = actions.add_parser("list", help="the bureau's units, by parent, in its order")
    a.add_argument("--json", action="store_true", help="one JSON object per line")
    a.set_defaults(handler=units_list)
    a = actions.add_parser("add", help="a new unit (managers); prints its code")
    a.add_argument("name", help="e.g. 临汾经济开发区")
    a.add_argument("--kind", required=True, choices=units.KINDS)
    a.add_argument("--parent", help="city or county (code or name); default the jurisdiction")
    a.add_argument("--code", help="a code beginning with the parent's; default e.g. 141000Z01")
    a.set_defaults(handler=units_add)
    a = actions.add_parser("rename", help="a unit's new name")
    a.add_argument("code", help="code or name")
    a.add_argument("name")
    a.set_defaults(handler=units_rename)
    a = actions.add_parser("move", help="put a unit at a position among its parent's units")
    a.add_argument("code", help="code or name")
    a.add_argument("position", type=int)
    a.set_defaults(handler=units_move)
    a = actions.add_parser("retire", help="stop offering a unit for new records")
    a.add_argument("code", help="code or name")
    a.add_argument("--undo", action="store_true", help="offer it again")
    a.set_defaults(handler=units_retire)


def units_list(args: argparse.Namespace, ledger: Ledger) -> int:
    found = units.listed(ledger)
    names = {u.parent_code: (regions.get(ledger, u.parent_code) or u).name for u in found}
    if args.json:
        for unit in found:
            common.print_json_line(unit.as_dict(names[unit.parent_code]))
        return 0
    t = messages.label
    heads = [t("cli.column.code"), t("cli.column.unit_name"), t("cli.column.unit_kind"),
             t("cli.column.parent"), t("cli.column.state")]
    body = [[u.code, u.name, units.kind_label(u.kind), names[u.parent_code],
             "" if u.active else t("cli.codes.retired")] for u in found]
    common.print_table(heads, body)
    return 0


def units_add(args: argparse.Namespace, ledger: Ledger) -> int:
    operators.adopt_named(ledger)
    changes = units.add(ledger, args.name, args.kind, args.parent, args.code)
    print(ledger.conn.execute("SELECT code FROM region_unit WHERE id = ?",
                              (changes.id,)).fetchone()[0])
    return 0


def units_rename(args: argparse.Namespace, ledger: Ledger) -> int:
    operators.adopt_named(ledger)
    return common.done(units.rename(ledger, args.code, args.name))


def units_move(args: argparse.Namespace, ledger: Ledger) -> int:
    operators.adopt_named(ledger)
    return common.done(units.move(ledger, args.code, args.position))


def units_retire(args: argparse.Namespace, ledger: Ledger) -> int:
    operators.adopt_named(ledger)
    return common.done(units.retire(ledger, args.code, active=args.undo))
