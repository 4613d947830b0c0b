"""`ecoledger-cli`: every core operation from the command line (no Qt).

User errors end with exit status 1 and one line on stderr; nothing is written.
"""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import sqlite3
import sys
from typing import Callable, Sequence

from .. import messages
from ..errors import LedgerError
from ..ledger import Ledger
from ..paths import default_db_path


def command_modules() -> list:
    """Every `core/cli/*_commands.py`; each adds its subcommands with `register(commands)`,
    and a subcommand's handler takes (args, ledger)."""
    # pkgutil, not a glob of the folder: a frozen build keeps the modules in an archive.
    names = sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name.endswith("_commands"))
    names.remove("ledger_commands")  # the basic commands come first in --help
    return [importlib.import_module(f"{__name__}.{n}") for n in ["ledger_commands", *names]]


class UsageError(Exception):
    """Wrong command-line arguments (argparse would otherwise exit with status 2)."""


class _VersionShown(Exception):
    """`--version` printed the version: nothing else runs, exit status 0."""


class _Version(argparse.Action):
    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, help="print the version and exit")

    def __call__(self, parser, namespace, values, option_string=None):
        from .. import __version__
        print(f"ecoledger-cli {__version__}")
        raise _VersionShown


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 1
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="ecoledger-cli", description="EcoLedger 生态环境整改台账")
    parser.add_argument("--db", help="ledger file (default: $ECOLEDGER_DB or the user data dir)")
    parser.add_argument("--operator", default=None, help="who makes the changes")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="language of messages")
    parser.add_argument("--version", action=_Version)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for module in command_modules():
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.lang:
            messages.set_language(args.lang)
        return _run(args)
    except _VersionShown:
        return 0
    except UsageError as exc:
        print(f"ecoledger-cli: {exc}", file=sys.stderr)
    except LedgerError as exc:
        print(f"ecoledger-cli: {exc}", file=sys.stderr)
    except sqlite3.DatabaseError as exc:
        print(f"ecoledger-cli: {messages.text('error.database', reason=exc)}", file=sys.stderr)
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    except OSError as exc:
        print(f"ecoledger-cli: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "),
              file=sys.stderr)
    except KeyboardInterrupt:
        print("ecoledger-cli: interrupted", file=sys.stderr)
    return 1


def _run(args: argparse.Namespace) -> int:
    handler: Callable = args.handler
    ledger = Ledger.open(default_db_path(args.db), operator=args.operator or "cli")
    for warning in ledger.warnings:  # e.g. a ledger on a network drive
        print(f"ecoledger-cli: {messages.text(warning)}", file=sys.stderr)
    try:
        from . import common  # the ledger's own category and source labels for printing

        common.bind(ledger)
        result = handler(args, ledger)
    finally:
        ledger.close()
    return int(result or 0)


if __name__ == "__main__":
    sys.exit(main())
