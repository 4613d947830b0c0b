"""Subcommand import-ledger: an Excel rectification ledger into the ledger, all or nothing."""
from __future__ import annotations

import argparse
import sys

from .. import ledger_import, messages
from ..ledger import Ledger
from ..ledger_import import mapping

MAX_WARNINGS_SHOWN = 200


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "import-ledger", help="import a rectification ledger (.xlsx/.xlsm/.xls/.ods, CSV, or a web system's HTML .xls), all or nothing")
    p.add_argument("file", help="the workbook")
    p.add_argument("--sheet", default=None, help="sheet name (default: the first with a ledger)")
    p.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
    p.add_argument("--mapping", action="append", default=[], metavar="FIELD=COLUMN",
                   help="correct a column: e.g. region=B, deadline=完成时限, measures=- "
                        f"(fields: {', '.join(mapping.FIELDS)})")
    p.add_argument("--show-mapping", action="store_true", help="print how columns were mapped")
    p.set_defaults(handler=import_ledger)


def import_ledger(args: argparse.Namespace, ledger: Ledger) -> int:
    overrides = mapping.parse_overrides(args.mapping)
    table = ledger_import.load(args.file, args.sheet)
    try:
        outcome = ledger_import.run(ledger, table, overrides=overrides, dry_run=args.dry_run)
    except ledger_import.ImportRejected as rejected:
        print(f"ecoledger-cli: {rejected}", file=sys.stderr)
        for issue in rejected.issues:
            print(issue.message, file=sys.stderr)
        _warnings(rejected.warnings)
        return 1
    if args.show_mapping:
        _show_mapping(table, ledger_import.columns.apply_overrides(
            ledger_import.propose_mapping(table), overrides, table.headers))
    _warnings(outcome.warnings)
    print(outcome.summary())
    return 0


def _show_mapping(table: ledger_import.Table, mapped: dict[str, int]) -> None:
    print(messages.text("import.table_found", sheet=table.grid.sheet,
                        first=table.header_first + 1, last=table.header_last + 1))
    for field, column, header in mapping.describe(mapped, table.headers):
        print(messages.text("import.mapping_line", column=column, header=header,
                            field=messages.label(f"import_field.{field}")))


def _warnings(warnings: list) -> None:
    for issue in warnings[:MAX_WARNINGS_SHOWN]:
        print(messages.text("import.warning_line", message=issue.message), file=sys.stderr)
    if len(warnings) > MAX_WARNINGS_SHOWN:
        print(f"… +{len(warnings) - MAX_WARNINGS_SHOWN}", file=sys.stderr)
