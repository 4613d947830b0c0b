"""Subcommands for returns to the province: returns, export-return, export-ledger."""
from __future__ import annotations

import argparse
import sys
import time

from .. import dates, messages, returns
from ..errors import LedgerError
from ..ledger import Ledger


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("returns", help="list the return templates, or preview one")
    p.add_argument("template", nargs="?", help="show this return as text")
    p.add_argument("--as-of", default=None, help="date of the figures (default today)")
    p.add_argument("--campaign", default=None, help="campaign id or name (default all)")
    p.set_defaults(handler=list_or_preview)

    p = commands.add_parser("export-return", help="write a return to an Excel file")
    p.add_argument("template", help="template name (see `returns`) or a .toml file")
    p.add_argument("--as-of", default=None, help="date of the figures (default today)")
    p.add_argument("--campaign", default=None, help="campaign id or name (default all)")
    p.add_argument("--reported-on", default=None, help="报出日期 in the footer (default today)")
    p.add_argument("-o", "--output", required=True, help="the .xlsx file to write")
    p.add_argument("--force", action="store_true", help="replace the file if it exists")
    p.set_defaults(handler=export_return)

    p = commands.add_parser("export-ledger", help="write the rectification ledger to Excel")
    p.add_argument("--campaign", default=None, help="campaign id or name (default all)")
    p.add_argument("-o", "--output", required=True, help="the .xlsx file to write")
    p.add_argument("--force", action="store_true", help="replace the file if it exists")
    p.set_defaults(handler=export_ledger)


def campaign_id(ledger: Ledger, value: str | None) -> str | None:
    """A campaign given by id or by its exact name."""
    if not value:
        return None
    row = ledger.conn.execute("SELECT id FROM campaign WHERE id = ? OR name = ? LIMIT 2",
                              (value, value)).fetchall()
    if len(row) != 1:
        raise LedgerError("error.campaign_unknown", value=value)
    return row[0][0]


def _as_of(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dates.iso(value)
    except dates.DateError:
        raise LedgerError("error.as_of_invalid", value=value) from None


def list_or_preview(args: argparse.Namespace, ledger: Ledger) -> int:
    if not args.template:
        for template in returns.available():
            print(f"{template.name:<24}{template.description}")
        return 0
    ret = returns.build(ledger, args.template, _as_of(args.as_of),
                        campaign_id(ledger, args.campaign))
    for row in ret.sheet.texts():
        print("\t".join(row).rstrip("\t"))
    for finding in ret.findings:
        print(finding, file=sys.stderr)
    return 1 if ret.findings else 0


def export_return(args: argparse.Namespace, ledger: Ledger) -> int:
    started = time.perf_counter()
    try:
        ret = returns.export_return(ledger, args.template, args.output, _as_of(args.as_of),
                                    campaign_id(ledger, args.campaign), args.reported_on,
                                    force=args.force)
    except returns.ReturnCheckFailed as exc:
        for finding in exc.findings:
            print(f"ecoledger-cli: {finding}", file=sys.stderr)
        print(f"ecoledger-cli: {messages.text('error.return_check', count=len(exc.findings), first='')}"
              .rstrip(), file=sys.stderr)
        return 1
    print(messages.text("return.exported", path=args.output, rows=ret.row_count,
                        seconds=time.perf_counter() - started))
    return 0


def export_ledger(args: argparse.Namespace, ledger: Ledger) -> int:
    started = time.perf_counter()
    rows = returns.export_ledger(ledger, args.output,
                                 campaign_id=campaign_id(ledger, args.campaign), force=args.force)
    print(messages.text("return.exported", path=args.output, rows=rows,
                        seconds=time.perf_counter() - started))
    return 0


