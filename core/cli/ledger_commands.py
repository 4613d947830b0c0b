"""Subcommands on the ledger itself: init, demo, stats, check."""
from __future__ import annotations

import argparse
import json
import sys
import time
from typing import TYPE_CHECKING

from .. import demo, integrity, messages, settings, statistics
from . import access

if TYPE_CHECKING:
    from ..ledger import Ledger


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("init", help="set the bureau's jurisdiction")
    p.add_argument("--region", default=None,
                   help=f"GB/T 2260 code of the jurisdiction (default {settings.DEFAULT_JURISDICTION})")
    p.set_defaults(handler=init)

    p = commands.add_parser("demo", help="load realistic Shanxi demo data into an empty ledger")
    p.add_argument("--problems", type=access.count(-access.MAX_COUNT, 2_000_000), default=demo.DEFAULT_PROBLEMS)
    p.add_argument("--seed", type=access.count(0, 2**31 - 1), default=1)
    p.set_defaults(handler=load_demo)

    p = commands.add_parser("stats", help="rectification progress as of a date")
    p.add_argument("--as-of", default=None, help="date (default today)")
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")
    p.set_defaults(handler=stats)

    p = commands.add_parser("check", help="database integrity, audit trail, attachments, "
                            "search index")
    p.add_argument("--quick", action="store_true",
                   help="SQLite's quick check, the audit triggers and the recorded chain head")
    p.set_defaults(handler=check)


def init(args: argparse.Namespace, ledger: Ledger) -> int:
    code = args.region or settings.jurisdiction(ledger)
    settings.set_jurisdiction(ledger, code)
    print(f"{settings.get(ledger, 'unit_name')} ({code})")
    return 0


def load_demo(args: argparse.Namespace, ledger: Ledger) -> int:
    if not settings.is_initialised(ledger):
        settings.set_jurisdiction(ledger, settings.jurisdiction(ledger))
    started = time.perf_counter()
    changes = demo.load(ledger, args.problems, args.seed)
    seconds = time.perf_counter() - started
    counts = {t: ledger.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in sorted(changes.tables)}
    print(", ".join(f"{t} {n}" for t, n in counts.items()) + f" ({seconds:.1f} s)")
    return 0


def stats(args: argparse.Namespace, ledger: Ledger) -> int:
    found = statistics.breakdown(ledger, statistics.as_of_day(args.as_of))
    if args.json:
        json.dump(stats_object(found), sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    print(_stats_table(found))
    return 0


def stats_object(found: statistics.Breakdown) -> dict:
    """The JSON shape of `stats --json`."""
    total = found.total.as_dict()
    del total["key"], total["name"]
    return {"as_of": found.as_of, **total,
            **{f"by_{group}": [_entry(p) for p in entries] for group, entries in found.by.items()}}


def _entry(figures: statistics.ProblemFigures) -> dict:
    data = figures.as_dict()
    data["code"] = data.pop("key")
    return data


def _stats_table(found: statistics.Breakdown) -> str:
    t = messages.text
    head = f"{t('label.region'):<12}{t('label.assigned'):>8}{t('label.closed'):>8}" \
           f"{t('label.rate'):>10}{t('label.overdue'):>8}" \
           f"{t('label.reported_done'):>10}{t('label.stage_concluded'):>10}{t('label.ongoing'):>8}"
    lines = [f"{t('label.as_of')} {found.as_of}", head]
    for p in [*found.by["region"], found.total]:
        name = p.name or t("label.total")
        rate = "—" if p.clearance_rate is None else f"{p.clearance_rate}%"
        lines.append(f"{name:<12}{p.assigned:>8}{p.closed:>8}{rate:>10}{p.overdue:>8}"
                     f"{p.reported_done:>10}{p.stage_concluded:>10}{p.ongoing:>8}")
    return "\n".join(lines)


def check(args: argparse.Namespace, ledger: Ledger) -> int:
    findings = integrity.check(ledger, quick=args.quick)
    if findings:
        for finding in findings:
            print(finding, file=sys.stderr)
        return 1
    print(messages.text("label.check_ok"))
    return 0
