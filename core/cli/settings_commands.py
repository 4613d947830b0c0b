"""`ecoledger-cli settings list|set`: the bureau's settings (reporting unit, return footer,
backups). The jurisdiction is set with `init`, which checks the region code."""
from __future__ import annotations

from typing import TYPE_CHECKING

import argparse

from .. import backup, settings
from ..errors import LedgerError
from . import common

if TYPE_CHECKING:
    from ..ledger import Ledger

KEYS = tuple(k for k in settings.KEYS if k != "jurisdiction") + (
    backup.KEEP_SETTING, backup.DIR_SETTING)


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("settings", help="the bureau's settings (unit, return footer, backups)")
    actions = p.add_subparsers(dest="action", required=True, parser_class=type(p))
    a = actions.add_parser("list", help="every setting and its value")
    a.add_argument("--json", action="store_true", help="one JSON object")
    a.set_defaults(handler=settings_list)
    a = actions.add_parser("set", help="change a setting (unit name, head, backups: admins only)")
    a.add_argument("key", help=", ".join(KEYS))
    a.add_argument("value")
    a.set_defaults(handler=settings_set)


def settings_list(args: argparse.Namespace, ledger: Ledger) -> int:
    values = {"jurisdiction": settings.jurisdiction(ledger),
              **{k: settings.get(ledger, k) for k in KEYS}}
    if args.json:
        common.print_json(values)
        return 0
    common.print_record([(k, v) for k, v in values.items()])
    return 0


def settings_set(args: argparse.Namespace, ledger: Ledger) -> int:
    if args.key not in KEYS:
        raise LedgerError("cli.error.setting_unknown", key=args.key, keys=", ".join(KEYS))
    settings.put(ledger, args.key, args.value.strip())
    return 0


