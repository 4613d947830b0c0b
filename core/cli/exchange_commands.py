"""Subcommands for exchange between PCs: `exchange site|partners|export|import|conflicts|resolve`.

The shared key (for an HMAC over the file) comes from `--key-file`, the environment
variable ECOLEDGER_EXCHANGE_KEY or the key file chosen for this ledger on the Exchange page
(`core.exchange.keys`); without one, files carry a checksum only.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import argparse
import json

from .. import exchange, messages
from ..errors import LedgerError
from ..exchange import arrivals
from ..exchange.keys import KEY_VARIABLE, key_bytes

if TYPE_CHECKING:
    from ..ledger import Ledger


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("exchange", help="exchange files between PCs (.ecox)")
    actions = p.add_subparsers(dest="action", required=True, parser_class=type(p))
    a = actions.add_parser("site", help="this database's site id and name")
    a.add_argument("--name", help="name this site (e.g. 曲沃县局-执法一队)")
    a.add_argument("--new-id", action="store_true",
                   help="a new site id, for a ledger file copied from another PC")
    a.set_defaults(handler=site_command)
    a = actions.add_parser("partners", help="sites exchanged with, and when")
    a.set_defaults(handler=partners_command)
    a = actions.add_parser("export", help="write the changes since the last exchange")
    a.add_argument("--to", help="the partner site (id or name); default: every change")
    a.add_argument("-o", "--output", required=True, help="the .ecox file to write")
    a.add_argument("--with-files", action="store_true", help="carry attachment files too")
    a.add_argument("--force", action="store_true", help="replace the file if it exists")
    a.add_argument("--again", action="store_true",
                   help="start from what the partner confirmed having (a file was lost)")
    a.add_argument("--key-file", help=f"shared key file (default ${KEY_VARIABLE}, "
                   "else the ledger's key file)")
    a.set_defaults(handler=export_command)
    a = actions.add_parser("import", help="merge an exchange file into this ledger")
    a.add_argument("file")
    a.add_argument("--key-file", help=f"shared key file (default ${KEY_VARIABLE}, "
                   "else the ledger's key file)")
    a.add_argument("--confirm-partner", metavar="CODE",
                   help="the first file of a new partner: its jurisdiction's code, as the file "
                        "states it, to confirm it (managers only)")
    a.set_defaults(handler=import_command)
    a = actions.add_parser("remove", help="delete the rows a partner's files brought in "
                                          "(managers only)")
    a.add_argument("partner", help="the partner site (id, start of it, or name)")
    a.set_defaults(handler=remove_command)
    a = actions.add_parser("conflicts", help="conflicts to resolve (--all: resolved too)")
    a.add_argument("--all", action="store_true")
    a.add_argument("--json", action="store_true", help="one JSON object per line")
    a.set_defaults(handler=conflicts_command)
    a = actions.add_parser("resolve", help="resolve a conflict (managers only)")
    a.add_argument("conflict", help="the conflict's id (or a unique start of it)")
    choice = a.add_mutually_exclusive_group(required=True)
    choice.add_argument("--keep", choices=("mine", "theirs"))
    choice.add_argument("--value", help="an edited value instead of either side's")
    a.set_defaults(handler=resolve_command)


def _key(args: argparse.Namespace, ledger: Ledger) -> bytes | None:
    return key_bytes(ledger, args.key_file or None)


def site_command(args: argparse.Namespace, ledger: Ledger) -> int:
    if args.name:
        exchange.set_site_name(ledger, args.name)
    if args.new_id:
        exchange.new_site_id(ledger)
    me = exchange.site(ledger)
    print(messages.text("label.exchange_site", name=me.name, id=me.id,
                        jurisdiction=me.jurisdiction))
    return 0


def partners_command(args: argparse.Namespace, ledger: Ledger) -> int:
    for p in exchange.partners(ledger):
        print(f"{p.site_id}  {p.name}  {p.jurisdiction or '-'}  "
              f"export {p.last_export_at or '-'}  import {p.last_import_at or '-'}")
    return 0


def export_command(args: argparse.Namespace, ledger: Ledger) -> int:
    done = exchange.export(ledger, args.output, to=args.to, key=_key(args, ledger),
                           with_files=args.with_files, again=args.again, force=args.force)
    print(messages.text("label.exchange_exported", entries=done.entries, files=done.files,
                        path=done.path))
    return 0


def import_command(args: argparse.Namespace, ledger: Ledger) -> int:
    key = _key(args, ledger)
    confirm = False
    if args.confirm_partner is not None:
        sender = arrivals.arrival(ledger, args.file, key)
        if args.confirm_partner.strip() != (sender.jurisdiction or ""):
            raise LedgerError("cli.error.partner_jurisdiction", name=sender.name,
                              jurisdiction=sender.jurisdiction_text,
                              typed=args.confirm_partner)
        confirm = True
    done = exchange.import_file(ledger, args.file, key=key, confirm=confirm)
    print(done.text(ledger))
    return 0


def remove_command(args: argparse.Namespace, ledger: Ledger) -> int:
    partner = exchange.store.find_partner(ledger, args.partner.strip())
    if partner is None:
        raise LedgerError("error.exchange_partner_unknown", key=args.partner)
    print(arrivals.remove_partner_rows(ledger, partner.site_id).text())
    return 0


def conflicts_command(args: argparse.Namespace, ledger: Ledger) -> int:
    found = exchange.conflicts(ledger, include_resolved=args.all)
    if not found and not args.json:
        print(messages.text("label.exchange_no_conflicts"))
    for c in found:
        if args.json:
            print(json.dumps(c.__dict__, ensure_ascii=False))
            continue
        state = f"  [{c.resolution} {c.resolved_at}]" if c.resolved_at else ""
        print(f"{c.id}  {c.table}/{c.row_id}  {_field(c)}: "
              f"{_shown(c.mine)} | {c.partner_name or c.partner_site[:8]}: {_shown(c.theirs)}"
              f"{state}")
    return 0


def _field(c: exchange.Conflict) -> str:
    if c.field == "*":
        return messages.label("label.exchange_deleted")
    shown = messages.label("field." + c.field)
    return c.field if shown == "field." + c.field else shown


def _shown(value: object) -> str:
    if value is None:
        return messages.label("label.exchange_deleted")
    return json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else str(value)


def resolve_command(args: argparse.Namespace, ledger: Ledger) -> int:
    choice = args.keep or "edit"
    exchange.resolve(ledger, args.conflict, choice, args.value)
    print(messages.text("label.exchange_resolved"))
    return 0
