"""`ecoledger-cli codes …`: the bureau's own lists of problem categories and sources.

    codes list category|source [--json]
    codes add category|source LABEL [--code CODE] [--synonym WORD …]
    codes rename KIND CODE LABEL
    codes synonyms KIND CODE [WORD …]
    codes move KIND CODE POSITION
    codes merge KIND FROM INTO
    codes retire KIND CODE [--undo]

Changing a list is a manager's action (checked in core).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import argparse

from .. import codes, messages, operators
from . import common

if TYPE_CHECKING:
    from ..ledger import Ledger


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("codes", help="the bureau's problem categories and sources")
    actions = p.add_subparsers(dest="action", required=True, parser_class=type(p))
    a = actions.add_parser("list", help="the entries of a list, in the bureau's order")
    _kind(a)
    a.add_argument("--json", action="store_true", help="one JSON object per line")
    a.set_defaults(handler=codes_list)
    a = actions.add_parser("add", help="a new entry at the end of a list (managers)")
    _kind(a)
    a.add_argument("label", help="the Chinese label, e.g. 土壤污染")
    a.add_argument("--code", help="a stable code (lower case); default x and six hex digits, e.g. x3f9c0a")
    a.add_argument("--synonym", nargs="+", default=[], metavar="WORD",
                   help="words import and search take for it")
    a.set_defaults(handler=codes_add)
    a = actions.add_parser("rename", help="a new label (the old one stays a synonym)")
    _kind(a)
    a.add_argument("code", help="code, label or synonym")
    a.add_argument("label")
    a.set_defaults(handler=codes_rename)
    a = actions.add_parser("synonyms", help="replace an entry's synonyms")
    _kind(a)
    a.add_argument("code", help="code, label or synonym")
    a.add_argument("words", nargs="*", metavar="WORD")
    a.set_defaults(handler=codes_synonyms)
    a = actions.add_parser("move", help="put an entry at a position of the list (1 = first)")
    _kind(a)
    a.add_argument("code", help="code, label or synonym")
    a.add_argument("position", type=int)
    a.set_defaults(handler=codes_move)
    a = actions.add_parser("merge", help="move every problem of FROM to INTO, retire FROM")
    _kind(a)
    a.add_argument("source", metavar="FROM", help="code, label or synonym")
    a.add_argument("target", metavar="INTO", help="code, label or synonym")
    a.set_defaults(handler=codes_merge)
    a = actions.add_parser("retire", help="stop offering an entry for new records")
    _kind(a)
    a.add_argument("code", help="code, label or synonym")
    a.add_argument("--undo", action="store_true", help="offer it again")
    a.set_defaults(handler=codes_retire)


def _kind(p: argparse.ArgumentParser) -> None:
    p.add_argument("kind", choices=codes.KINDS, metavar="category|source")


def codes_list(args: argparse.Namespace, ledger: Ledger) -> int:
    used = codes.usage(ledger, args.kind)
    found = codes.entries(ledger, args.kind)
    if args.json:
        for entry in found:
            common.print_json_line(codes.as_dict(entry, used.get(entry.code, 0)))
        return 0
    t = messages.label
    heads = [t("cli.column.code"), t("field.label"), t("field.synonyms"),
             t("cli.column.problems"), t("cli.column.state")]
    body = [[e.code, e.label, "、".join(e.synonyms), str(used.get(e.code, 0)),
             _state(e)] for e in found]
    common.print_table(heads, body)
    return 0


def _state(entry: codes.Entry) -> str:
    if entry.merged_into:
        return messages.text("cli.codes.merged_into", code=entry.merged_into)
    return "" if entry.active else messages.label("cli.codes.retired")


def _adopt(ledger: Ledger) -> None:
    operators.adopt_named(ledger)


def codes_add(args: argparse.Namespace, ledger: Ledger) -> int:
    _adopt(ledger)
    changes = codes.add(ledger, args.kind, args.label, args.code, args.synonym)
    print(codes.get_by_id(ledger, changes.id).code)
    return 0


def codes_rename(args: argparse.Namespace, ledger: Ledger) -> int:
    _adopt(ledger)
    return common.done(codes.rename(ledger, args.kind, args.code, args.label))


def codes_synonyms(args: argparse.Namespace, ledger: Ledger) -> int:
    _adopt(ledger)
    return common.done(codes.set_synonyms(ledger, args.kind, args.code, args.words))


def codes_move(args: argparse.Namespace, ledger: Ledger) -> int:
    _adopt(ledger)
    return common.done(codes.move(ledger, args.kind, args.code, args.position))


def codes_merge(args: argparse.Namespace, ledger: Ledger) -> int:
    _adopt(ledger)
    changes = codes.merge(ledger, args.kind, args.source, args.target)
    print(messages.text("cli.codes.merged", count=len(changes.ids) - 1))
    return 0


def codes_retire(args: argparse.Namespace, ledger: Ledger) -> int:
    _adopt(ledger)
    return common.done(codes.retire(ledger, args.kind, args.code, active=args.undo))
