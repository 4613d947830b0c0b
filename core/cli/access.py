"""What a command may do to the ledger file, and arguments from a hostile terminal.

Read commands open an existing ledger without the writer's lock and never create one;
every other command takes the same one-writer lock as the application (waiting a little
for another command to finish, then naming who holds it). Arguments that are not UTF-8
(a GBK terminal) are decoded as GBK or refused, and integers are range-checked, so that
no argument ends in a traceback.
"""
from __future__ import annotations

import argparse
import os
from typing import Sequence

from .. import messages
from ..errors import LedgerError

# The last word of a command that only reads (`problem list`, `penalty show` …) …
READ_ACTIONS = frozenset({"list", "show", "files", "partners", "conflicts"})
# … and commands that only read the ledger (they may write a file of their own).
READ_COMMANDS = frozenset({"stats", "check", "returns", "export-return", "export-ledger",
                           "history", "backup"})
# Commands that make a ledger where there is none.
CREATING_COMMANDS = frozenset({"init", "demo", "import-ledger"})

# Integers stored in SQLite are signed 64-bit; options are far below that.
MAX_COUNT = 10_000_000
LOCK_WAIT_SECONDS = 3.0


def command_words(args: argparse.Namespace) -> tuple[str, ...]:
    words = [args.command]
    action = getattr(args, "action", None)
    if isinstance(action, str):
        words.append(action)
    return tuple(words)


def reads_only(args: argparse.Namespace) -> bool:
    words = command_words(args)
    return words[0] in READ_COMMANDS or (len(words) > 1 and words[-1] in READ_ACTIONS)


def creates(args: argparse.Namespace) -> bool:
    return args.command in CREATING_COMMANDS


def decoded_argv(argv: Sequence[str]) -> list[str]:
    """The arguments as text: an argument the OS could not decode as UTF-8 (Python keeps
    its bytes as surrogates) is read as GBK, the Chinese Windows and old terminal encoding;
    one that is neither is refused, naming its position."""
    out = []
    for number, arg in enumerate(argv, start=1):
        if "\x00" in arg:  # no OS passes one; a caller of main() might
            raise LedgerError("error.argument_nul", number=number)
        if not _has_surrogates(arg):
            out.append(arg)
            continue
        raw = os.fsencode(arg) if _escaped_bytes(arg) else None
        try:
            if raw is None:
                raise UnicodeDecodeError("utf-8", b"", 0, 1, "lone surrogate")
            out.append(raw.decode("gbk"))
        except UnicodeDecodeError:
            raise LedgerError("error.argument_encoding", number=number) from None
    return out


def _has_surrogates(text: str) -> bool:
    return any("\ud800" <= c <= "\udfff" for c in text)


def _escaped_bytes(text: str) -> bool:
    """Whether every surrogate in `text` stands for one undecodable byte (surrogateescape)."""
    return all(not ("\ud800" <= c <= "\udfff") or "\udc80" <= c <= "\udcff" for c in text)


def count(low: int = 0, high: int = MAX_COUNT):
    """An argparse type: a whole number from `low` to `high`, refused in one line otherwise."""
    def parse(text: str) -> int:
        try:
            number = int(text.strip())
        except ValueError:
            raise argparse.ArgumentTypeError(
                messages.text("error.number_invalid", value=text[:40])) from None
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(
                messages.text("error.number_range", low=low, high=high))
        return number
    parse.__name__ = "count"
    return parse
