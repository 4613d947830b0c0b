"""Subcommands that keep the ledger trustworthy: backup, restore, operators, history,
extensions. `check` (in ledger_commands) also verifies the audit trail.

The command line has no sign-in: an `--operator` that names an account acts with that
account's role; once the ledger has accounts any other name acts as a clerk, and a ledger
without accounts acts as an administrator (whoever can run commands on the file can copy
it anyway; see the README).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import argparse
import getpass
import json
import sys

from .. import audit, backup, lock, lookup, messages, operators, permissions, problems
from ..errors import LedgerError, NotFound

if TYPE_CHECKING:
    from ..ledger import Ledger


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("backup", help="copy the ledger with SQLite's backup API")
    p.add_argument("-o", "--output", default=None,
                   help="backup file (default: a new file in the rotating backup folder)")
    p.add_argument("--list", action="store_true", help="list the backups in the backup folder")
    p.add_argument("--force", action="store_true", help="replace the -o file if it exists")
    p.set_defaults(handler=backup_command)

    p = commands.add_parser("restore", help="replace the ledger with a checked backup")
    p.add_argument("file", help="the backup file to restore")
    p.set_defaults(handler=restore_command)

    _register_operators(commands)

    p = commands.add_parser("history", help="who changed a record, when, from what to what")
    p.add_argument("key", help="a row id, or a problem's number")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.set_defaults(handler=history_command)

    _register_extensions(commands)


def _register_operators(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("operators", help="operators and their roles (admins only)")
    actions = p.add_subparsers(dest="action", required=True, parser_class=type(p))
    a = actions.add_parser("list", help="every operator and role")
    a.set_defaults(handler=operators_list)
    a = actions.add_parser("add", help="a new operator (the first must be an admin)")
    a.add_argument("login")
    a.add_argument("--name", required=True)
    a.add_argument("--role", required=True, choices=[r.value for r in operators.Role])
    a.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    a.set_defaults(handler=operators_add)
    a = actions.add_parser("set", help="change an operator's name, role or active flag")
    a.add_argument("login")
    a.add_argument("--name")
    a.add_argument("--role", choices=[r.value for r in operators.Role])
    a.add_argument("--active", choices=("yes", "no"))
    a.set_defaults(handler=operators_set)
    a = actions.add_parser("password", help="set an operator's password")
    a.add_argument("login")
    a.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    a.set_defaults(handler=operators_password)


def _register_extensions(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("extensions",
                            help="deadline extensions (延期): list, request, approve, refuse")
    actions = p.add_subparsers(dest="action", required=True, parser_class=type(p))
    a = actions.add_parser("list", help="extensions, newest request first")
    a.add_argument("--pending", action="store_true", help="only those awaiting approval")
    a.add_argument("--problem", help="only this problem (id or number)")
    a.set_defaults(handler=extensions_list)
    a = actions.add_parser("request", help="ask for a later deadline")
    a.add_argument("problem", help="problem id or number")
    a.add_argument("--deadline", required=True, help="the new deadline")
    a.add_argument("--reason", required=True)
    a.add_argument("--on", default=None, help="date of the request (default today)")
    a.set_defaults(handler=extensions_request)
    a = actions.add_parser("approve", help="approve an extension (managers only)")
    a.add_argument("extension", help="the extension's id")
    a.add_argument("--on", default=None, help="date of approval (default today)")
    a.set_defaults(handler=extensions_approve)
    a = actions.add_parser("refuse", help="refuse an extension (不予延期; managers only)")
    a.add_argument("extension", help="the extension's id")
    a.add_argument("--on", default=None, help="date of the refusal (default today)")
    a.set_defaults(handler=extensions_refuse)


# -- backup and restore

def backup_command(args: argparse.Namespace, ledger: Ledger) -> int:
    if args.list:
        for b in backup.list_backups(ledger):
            print(f"{b.made:%Y-%m-%d %H:%M:%S}  {b.reason:<16}{b.size:>12,}  {b.path}")
        return 0
    path = backup.make(ledger, args.output, force=args.force)
    print(messages.text("label.backup_made", path=path))
    return 0


def restore_command(args: argparse.Namespace, ledger: Ledger) -> int:
    permissions.require(ledger, permissions.Action.RESTORE)
    # never under a running app's feet (a command that writes holds the lock already)
    held = None if ledger.lock else lock.acquire(ledger.path, ledger.operator)
    try:
        print(backup.describe(backup.contents(args.file)))  # every hash checked first
        safety = backup.restore(ledger, args.file)
    finally:
        if held:
            held.release()
    print(messages.text("label.restored", source=args.file, safety=safety))
    return 0


# -- operators

def operators_list(args: argparse.Namespace, ledger: Ledger) -> int:
    for op in operators.all_operators(ledger):
        state = "" if op.active else " ✗"
        print(f"{op.login:<16}{messages.label('role.' + op.role.value):<10}{op.name}{state}")
    return 0


def operators_add(args: argparse.Namespace, ledger: Ledger) -> int:
    password = _password(args.password_stdin)
    operators.add(ledger, args.login, args.name, args.role, password)
    return 0


def operators_set(args: argparse.Namespace, ledger: Ledger) -> int:
    active = None if args.active is None else args.active == "yes"
    operators.update(ledger, args.login, name=args.name, role=args.role, active=active)
    return 0


def operators_password(args: argparse.Namespace, ledger: Ledger) -> int:
    operators.set_password(ledger, args.login, _password(args.password_stdin))
    return 0


def _password(from_stdin: bool) -> str:
    if from_stdin or not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(messages.label("field.password") + ": ")
    if getpass.getpass(messages.label("field.password") + " (2): ") != first:
        raise LedgerError("error.password_mismatch")
    return first


# -- history

def history_command(args: argparse.Namespace, ledger: Ledger) -> int:
    problem_id = _problem_id(ledger, args.key, required=False)
    found = (audit.problem_history(ledger, problem_id) if problem_id
             else audit.history(ledger, args.key))
    if not found:
        raise LedgerError("error.history_unknown", key=args.key)
    for entry in found:
        print(json.dumps(_entry_object(entry), ensure_ascii=False) if args.json
              else _entry_text(entry))
    return 0


def _entry_object(entry: audit.Entry) -> dict:
    return {"seq": entry.seq, "at": entry.at, "operator": entry.operator,
            "action": entry.action, "table": entry.table_name, "row": entry.row_id,
            "changes": {f: {"old": o, "new": n} for f, (o, n) in entry.changes().items()}}


def _entry_text(entry: audit.Entry) -> str:
    head = (f"#{entry.seq} {entry.at} {entry.operator or '?'} "
            f"{messages.label('audit.' + entry.action)} {entry.table_name} {entry.row_id}")
    if entry.action in ("update", "event", "restore"):
        lines = [f"    {f}: {_show(o)} → {_show(n)}" for f, (o, n) in entry.changes().items()]
        return "\n".join([head, *lines])
    return head


def _show(value: object) -> str:
    return "∅" if value is None else str(value)


def _problem_id(ledger: Ledger, key: str, required: bool = True) -> str | None:
    """A problem by id or number (refused when several share it); None if not required."""
    try:
        return lookup.problem_id(ledger, key)
    except NotFound:
        if required:
            raise
        return None


# -- deadline extensions

def extensions_list(args: argparse.Namespace, ledger: Ledger) -> int:
    sql = ("SELECT e.*, p.number, p.deadline FROM deadline_extension e "
           "JOIN problem p ON p.id = e.problem_id WHERE 1")
    params: list = []
    if args.pending:
        sql += " AND e.approved_on IS NULL AND e.refused_on IS NULL"
    if args.problem:
        sql += " AND e.problem_id = ?"
        params.append(_problem_id(ledger, args.problem))
    found = ledger.conn.execute(sql + " ORDER BY e.requested_on DESC, e.id", params).fetchall()
    if not found:
        print(messages.text("label.no_extensions"))
    for e in found:
        if e["approved_on"]:
            approved = f"{e['approved_on']} {e['approved_by']}"
        elif e["refused_on"]:
            approved = f"{messages.text('label.refused')} {e['refused_on']} {e['refused_by']}"
        else:
            approved = messages.text("label.pending")
        print(f"{e['id']}  {e['number'] or e['problem_id']}  {e['deadline']} → "
              f"{e['new_deadline']}  {e['requested_on']}  {approved}  {e['reason']}")
    return 0


def extensions_request(args: argparse.Namespace, ledger: Ledger) -> int:
    changes = problems.request_extension(ledger, _problem_id(ledger, args.problem),
                                         args.deadline, args.reason, args.on)
    print(changes.id)
    return 0


def extensions_approve(args: argparse.Namespace, ledger: Ledger) -> int:
    problems.approve_extension(ledger, args.extension, args.on)
    return 0


def extensions_refuse(args: argparse.Namespace, ledger: Ledger) -> int:
    problems.refuse_extension(ledger, args.extension, args.on)
    return 0
