"""The installed app checks itself: `ecoledger --self-test` (core part, no Qt).

It works in a temporary folder, never on the user's ledger: open a new ledger, load the
demo, compute the statistics, write a return to Excel and read it back. A frozen build
that left out a module, a template, a translation or the region table fails here, at
build time and on the clerk's PC, instead of on the first real use.
"""
from __future__ import annotations

import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from . import demo, messages, settings, statistics
from .ledger import Ledger

Say = Callable[[str], None]  # writes one line of the self-test's output
RETURN_TEMPLATE = "campaign_progress"


class SelfTestFailed(Exception):
    """A check whose result was wrong (not merely an exception on the way)."""


@dataclass
class Checks:
    """The state the steps pass on to each other."""

    folder: Path
    ledger: Ledger | None = None
    problems: int = 0


def run(say: Say = print, problems: int = demo.DEFAULT_PROBLEMS,
        steps: list | None = None) -> int:
    """Run every step (default: the core ones) in a temporary folder, saying one line
    each; 0 when all passed, 1 otherwise."""
    with tempfile.TemporaryDirectory(prefix="ecoledger-selftest-",
                                     ignore_cleanup_errors=True) as folder:
        checks = Checks(Path(folder))
        try:
            return run_steps(checks, steps or CORE_STEPS, say, problems)
        finally:
            if checks.ledger is not None:
                checks.ledger.close()


def run_steps(checks: Checks, steps: list, say: Say, problems: int) -> int:
    """Run `steps` in order, stopping at the first failure."""
    checks.problems = problems
    for name, step in steps:
        started = time.perf_counter()
        try:
            detail = step(checks)
        except Exception as error:  # noqa: BLE001 - every failure is said, then exit 1
            say(messages.text("selftest.failed", step=name,
                              error=f"{type(error).__name__}: {error}"))
            return 1
        say(messages.text("selftest.passed", step=name, detail=detail,
                          seconds=time.perf_counter() - started))
    say(messages.text("selftest.all_passed", count=len(steps)))
    return 0


def expect(condition: bool, what: str) -> None:
    if not condition:
        raise SelfTestFailed(what)


def open_ledger(checks: Checks) -> str:
    checks.ledger = Ledger.open(checks.folder / "self-test.db", operator="self-test")
    settings.set_jurisdiction(checks.ledger, settings.DEFAULT_JURISDICTION)
    counties = statistics.table_regions(checks.ledger)
    expect(len(counties) > 0, "the jurisdiction has no counties: region table missing")
    from .db import schema_version

    # The SQLite the program really runs on: a frozen build must use its own, not an older
    # one the system has (the ledger's triggers need 3.35 or later).
    sqlite = checks.ledger.conn.execute("SELECT sqlite_version()").fetchone()[0]
    expect(tuple(int(part) for part in sqlite.split(".")) >= (3, 35), f"SQLite {sqlite} is too old")
    return f"schema {schema_version(checks.ledger.conn)}, {len(counties)} counties, SQLite {sqlite}"


def load_demo(checks: Checks) -> str:
    demo.load(checks.ledger, problems=checks.problems, seed=1)
    count = checks.ledger.conn.execute("SELECT count(*) FROM problem").fetchone()[0]
    expect(count == checks.problems, f"{count} problems written, {checks.problems} asked for")
    return f"{count} problems"


def compute_statistics(checks: Checks) -> str:
    found = statistics.breakdown(checks.ledger)
    total = found.total
    expect(total.assigned > 0, "no problem counted as assigned")
    expect(sum(row.assigned for row in found.by["region"]) == total.assigned,
           "county rows do not add up to the total")
    expect(total.closed <= total.assigned, "more problems closed than assigned")
    return f"assigned {total.assigned}, closed {total.closed}, rate {total.clearance_rate}%"


def write_return(checks: Checks) -> str:
    from . import returns

    path = checks.folder / f"{RETURN_TEMPLATE}.xlsx"
    ret = returns.export_return(checks.ledger, RETURN_TEMPLATE, path)
    with zipfile.ZipFile(path) as book:
        expect(book.testzip() is None, "the written workbook is damaged")
        sheets = [n for n in book.namelist() if n.startswith("xl/worksheets/sheet")]
    expect(len(sheets) == 1, f"{len(sheets)} sheets in the return")
    return f"{ret.template.name}: {ret.row_count} rows, {path.stat().st_size} bytes"


def read_return(checks: Checks) -> str:
    """Read the written return back: the total row holds the assigned total."""
    from openpyxl import load_workbook

    book = load_workbook(checks.folder / f"{RETURN_TEMPLATE}.xlsx", read_only=True)
    try:
        cells = [c for row in book.active.iter_rows(values_only=True) for c in row]
    finally:
        book.close()
    assigned = statistics.breakdown(checks.ledger).total.assigned
    expect(assigned in cells, f"the assigned total {assigned} is not in the return")
    return f"{len(cells)} cells"


CORE_STEPS = [("ledger", open_ledger), ("demo", load_demo), ("statistics", compute_statistics),
              ("return", write_return), ("read back", read_return)]
