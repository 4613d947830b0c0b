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

from .. import messages, operators, outputs
from ..errors import LedgerError
from ..ledger import Ledger
from . import access
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
    _tolerant_output()
    try:
        args = build_parser().parse_args(access.decoded_argv(sys.argv[1:] if argv is None
                                                             else argv))
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
        print(f"ecoledger-cli: {database_message(exc, args_db(argv))}", file=sys.stderr)
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    except OSError as exc:
        if outputs.is_disk_full(exc):
            print(f"ecoledger-cli: {messages.text('error.disk_full', path=exc.filename or '')}",
                  file=sys.stderr)
            return 1
        print(f"ecoledger-cli: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "),
              file=sys.stderr)
    except KeyboardInterrupt:
        print("ecoledger-cli: interrupted", file=sys.stderr)
    return 1


def _tolerant_output() -> None:
    """A terminal that cannot show a character gets an escape, not a traceback."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass


def args_db(argv: Sequence[str] | None) -> str | None:
    words = list(sys.argv[1:] if argv is None else argv)
    for i, word in enumerate(words):
        if word == "--db" and i + 1 < len(words):
            return words[i + 1]
        if word.startswith("--db="):
            return word[5:]
    return None


def database_message(exc: sqlite3.DatabaseError, db: str | None) -> str:
    """SQLite's error in the user's words: a full disk, a busy ledger naming its writer."""
    from .. import lock

    if outputs.is_disk_full(exc):
        return messages.text("error.disk_full", path=default_db_path(db).parent)
    if "locked" in str(exc) or "busy" in str(exc):
        info = lock.holder(default_db_path(db))
        return messages.text("error.ledger_busy", operator=info.get("operator") or "?",
                             host=info.get("host") or "?", pid=info.get("pid") or "?")
    return messages.text("error.database", reason=exc)


def _run(args: argparse.Namespace) -> int:
    handler: Callable = args.handler
    path = default_db_path(args.db)
    reads = access.reads_only(args)
    if reads and str(path) != ":memory:" and not path.exists():
        raise LedgerError("error.ledger_missing", path=path)
    ledger = Ledger.open(path, operator=args.operator or "cli", exclusive=not reads,
                         wait=access.LOCK_WAIT_SECONDS)
    operators.adopt_named(ledger)  # every command acts with the named account's role
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
