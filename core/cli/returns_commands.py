"""Subcommands for returns to the province: returns, export-return, export-ledger.

    returns                          the forms
    returns TEMPLATE                 preview one as text
    returns add-template FILE.xlsx   add the bureau's own form
    returns marks TEMPLATE [--set MARK=VALUE …]   statutory marks and sign-off
    returns submitted [--json]       what was sent, and which figures changed since
    returns lock SUBMISSION | unlock --reason TEXT
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import argparse
import json
import sys
import time

from .. import messages, returns
from ..errors import LedgerError
from . import UsageError

if TYPE_CHECKING:
    from ..ledger import Ledger

ACTIONS = ("add-template", "marks", "submitted", "lock", "unlock")


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("returns", help="list the return forms, preview one, add one, "
                            "set marks, list submissions, lock a period")
    p.add_argument("template", nargs="?", help=f"a form to preview, or one of {', '.join(ACTIONS)}")
    p.add_argument("rest", nargs="*", help="the file, form or submission the action needs")
    p.add_argument("--as-of", default=None, help="date of the figures (default today)")
    p.add_argument("--campaign", default=None, help="campaign id or name (default all)")
    p.add_argument("--set", action="append", default=[], metavar="MARK=VALUE",
                   help="marks: form.number, form.issued_by, form.approved_by, "
                        "form.approval_number, form.valid_until, unit.name, sign.unit_head, "
                        "sign.statistician, sign.filled_by, sign.phone")
    p.add_argument("--reason", default="", help="unlock: why")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_returns)

    p = commands.add_parser("export-return", help="write a return to an Excel file")
    p.add_argument("template", help="form name (see `returns`) or an .xlsx form")
    p.add_argument("--as-of", default=None, help="date of the figures (default today)")
    p.add_argument("--campaign", default=None, help="campaign id or name (default all)")
    p.add_argument("--reported-on", default=None, help="报出日期 in the footer (default today)")
    p.add_argument("--submit", action="store_true", help="record it as sent upward (报送记录)")
    p.add_argument("--correction-note", default="", help="更正说明 for a period sent before")
    p.add_argument("--allow-blank", action="store_true",
                   help="submit even though a statutory mark is blank")
    p.add_argument("-o", "--output", required=True, help="the .xlsx file to write")
    p.add_argument("--force", action="store_true", help="replace the file if it exists")
    p.set_defaults(handler=export_return)

    p = commands.add_parser("export-ledger", help="write the rectification ledger to Excel")
    p.add_argument("--as-of", default=None, help="the ledger as it stood that day (default today)")
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
    return None if value is None else returns.as_of_day(value)


def run_returns(args: argparse.Namespace, ledger: Ledger) -> int:
    action = args.template
    if action is None:
        for form in returns.available(ledger):
            print(f"{form.name:<24}{form.description}")
        return 0
    if action not in ACTIONS:
        return preview(args, ledger)
    handler = {"add-template": add_template, "marks": set_marks, "submitted": submitted,
               "lock": lock, "unlock": unlock}[action]
    return handler(args, ledger)


def _one(args: argparse.Namespace, what: str) -> str:
    if len(args.rest) != 1:
        raise UsageError(f"returns {args.template} needs one {what}")
    return args.rest[0]


def preview(args: argparse.Namespace, ledger: Ledger) -> int:
    ret = returns.build(ledger, args.template, _as_of(args.as_of),
                        campaign_id(ledger, args.campaign))
    for row in ret.sheet.texts():
        print("\t".join(row).rstrip("\t"))
    for finding in ret.findings:
        print(finding, file=sys.stderr)
    return 1 if ret.findings else 0


def add_template(args: argparse.Namespace, ledger: Ledger) -> int:
    from ..returns import forms

    form = forms.add(ledger, _one(args, "FILE.xlsx"))
    print(messages.text("return.template_added", name=form.name, description=form.description))
    return 0


def set_marks(args: argparse.Namespace, ledger: Ledger) -> int:
    from ..returns import forms, marks

    form = forms.find(ledger, _one(args, "TEMPLATE"))
    changed = {}
    for item in args.set:
        key, sep, value = item.partition("=")
        if not sep:
            raise UsageError(f"--set needs MARK=VALUE, not {item!r}")
        changed[key.strip()] = value
    if changed:
        marks.put(ledger, form.name, changed)
    values = marks.values(ledger, form.name)
    for mark in marks.used(form):
        print(f"{mark:<22}{forms.TEXT_FIELDS[mark]}：{values[mark]}")
    return 0


def export_return(args: argparse.Namespace, ledger: Ledger) -> int:
    started = time.perf_counter()
    campaign = campaign_id(ledger, args.campaign)
    try:
        if args.submit:
            from ..returns import submissions
            sent = submissions.submit(ledger, args.template, args.output, _as_of(args.as_of),
                                      campaign, args.reported_on, args.correction_note,
                                      args.allow_blank, force=args.force)
            print(messages.text("return.submitted", path=args.output, form=sent.form,
                                as_of=sent.as_of, sha=sent.file_sha256[:16]))
            return 0
        ret = returns.export_return(ledger, args.template, args.output, _as_of(args.as_of),
                                    campaign, args.reported_on,
                                    correction_note=args.correction_note, force=args.force)
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
    rows = returns.export_ledger_sheet(ledger, args.output, as_of=_as_of(args.as_of),
                                 campaign_id=campaign_id(ledger, args.campaign), force=args.force)
    print(messages.text("return.exported", path=args.output, rows=rows,
                        seconds=time.perf_counter() - started))
    return 0


def submitted(args: argparse.Namespace, ledger: Ledger) -> int:
    from ..returns import submissions

    out = []
    for sent in submissions.listed(ledger):
        changed = submissions.changes(ledger, sent)
        out.append((sent, changed))
    if args.json:
        print(json.dumps([{
            "id": s.id, "form": s.form, "as_of": s.as_of, "campaign_id": s.campaign_id,
            "unit_name": s.unit_name, "file_name": s.file_name, "file_sha256": s.file_sha256,
            "submitted_at": s.submitted_at, "submitted_by": s.submitted_by,
            "correction_note": s.correction_note, "figures": len(s.figures),
            "changed": [{"cell": c.cell, "row": c.row, "column": c.column,
                         "submitted": c.submitted, "now": c.now, "kind": c.kind}
                        for c in changed]}
            for s, changed in out], ensure_ascii=False, indent=1))
        return 0
    for sent, changed in out:
        mark = f"  已变动 {len(changed)} 处" if changed else ""
        print(f"{sent.id}  {sent.form}  截至{sent.as_of}  {sent.submitted_at}  "
              f"{sent.submitted_by}  {sent.file_name}  {sent.file_sha256[:12]}{mark}")
        for c in changed:
            if c.kind != submissions.CHANGED:
                print("    " + messages.text("return.changed_row", cell=c.cell, row=c.row,
                                             what=c.column))
                continue
            print("    " + messages.text("return.changed_cell", cell=c.cell, row=c.row,
                                         column=c.column, before=c.submitted or "（空）",
                                         after=c.now or "（空）"))
    return 0


def lock(args: argparse.Namespace, ledger: Ledger) -> int:
    from ..returns import submissions

    submissions.lock(ledger, _one(args, "SUBMISSION"))
    print(messages.text("return.locked", through=submissions.locked_through(ledger)))
    return 0


def unlock(args: argparse.Namespace, ledger: Ledger) -> int:
    from ..returns import submissions

    submissions.unlock(ledger, args.reason)
    print(messages.text("return.unlocked"))
    return 0
