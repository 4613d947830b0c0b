"""Subcommand import-ledger: an Excel rectification ledger into the ledger, all or nothing."""
from __future__ import annotations

from typing import TYPE_CHECKING

import argparse
import sys

from .. import ledger_import, messages
from ..ledger_import import mapping, words

if TYPE_CHECKING:
    from ..ledger import Ledger

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
    p.add_argument("--show-mapping", action="store_true",
                   help="print how columns were mapped (also when rows have errors)")
    p.add_argument("--all-sheets", action="store_true",
                   help="import every sheet (one batch each); hidden, summary and dictionary "
                        "sheets are left out and listed")
    p.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE", dest="fixed",
                   help="a value for what the file lacks, e.g. region=曲沃县, "
                        "assigned_on=2019-05-06, source=中央督察 (fills empty cells too)")
    p.add_argument("--map", action="append", default=[], metavar="KIND:WORD=CODE",
                   dest="word_map", help="map a word the lists do not know, e.g. "
                   "category:油烟=waste_gas, status:已整治=reported_done, source:环保热线=+ "
                   "(+ adds it as a new entry); remembered for the next import")
    p.add_argument("--map-file", default=None, metavar="FILE",
                   help="mappings, one KIND:WORD=CODE a line (or JSON {kind: {word: code}})")
    p.set_defaults(handler=import_ledger)


def import_ledger(args: argparse.Namespace, ledger: Ledger) -> int:
    overrides = mapping.parse_overrides(args.mapping)
    fixed = mapping.parse_overrides(args.fixed)
    given = words.read_file(args.map_file) if args.map_file else {}
    given.update(words.parse_specs(args.word_map))
    word_map = ledger_import.WordMap(ledger, given)
    if args.all_sheets and not args.sheet:
        source, left_out = ledger_import.load_all(args.file)
    else:
        source = ledger_import.load(args.file, args.sheet)
    tables = source if isinstance(source, list) else [source]
    if args.show_mapping:
        for table in tables:
            _show_mapping(table, ledger_import.mapped_columns(table, overrides))
    try:
        outcome = ledger_import.run(ledger, source, overrides=overrides, dry_run=args.dry_run,
                                    fixed=fixed, word_map=word_map, alone=True)
    except ledger_import.ImportRejected as rejected:
        print(f"ecoledger-cli: {rejected}", file=sys.stderr)
        for issue in rejected.issues:
            print(issue.message, file=sys.stderr)
        _warnings(rejected.warnings)
        return 1
    if args.all_sheets and not args.sheet:
        for sheet, why in left_out:
            print(messages.text("import.sheet_left_out", sheet=sheet,
                                why=messages.label(f"import_sheet.{why}")), file=sys.stderr)
    for line in outcome.notices:
        print(messages.text("import.warning_line", message=line), file=sys.stderr)
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
