"""Simulated PCs: open one, exchange files between two, compare their ledgers."""
from __future__ import annotations

import hashlib
import itertools
import shutil
from pathlib import Path

from core import audit, exchange, problems, settings
from core.exchange import history
from core.ledger import Ledger

_files = itertools.count(1)
# Bookkeeping every PC keeps differently: when and by whom a row was last written here.
_LOCAL_COLUMNS = ("updated_at", "operator")


def open_site(blank_file: Path, folder: Path, name: str,
              jurisdiction: str = "141000") -> Ledger:
    """A new PC: a copy of the blank ledger with a new site id, `name` and jurisdiction."""
    path = folder / f"{name}.db"
    shutil.copyfile(blank_file, path)
    ledger = Ledger.open(path, operator=name)
    exchange.new_site_id(ledger)
    exchange.set_site_name(ledger, name)
    if jurisdiction != "141000":
        settings.set_jurisdiction(ledger, jurisdiction)
    return ledger


def send(source: Ledger, target: Ledger, folder: Path, **options) -> exchange.ImportSummary:
    """Export from `source` for `target` and import the file there."""
    path = folder / f"x{next(_files)}.ecox"
    exchange.export(source, path, to=exchange.site(target).id, **{"force": True, **options})
    return exchange.import_file(target, path, confirm=True)


def contents(ledger: Ledger) -> dict[str, set[tuple]]:
    """Every exchanged table's rows, without the columns each PC keeps for itself."""
    found = {}
    for table in history.exchanged_tables(ledger.conn):
        columns = [r[1] for r in ledger.conn.execute(f"PRAGMA table_info({table})")
                   if r[1] not in _LOCAL_COLUMNS]
        found[table] = set(ledger.conn.execute(
            f"SELECT {', '.join(columns)} FROM {table}").fetchall())
    return {t: {tuple(r) for r in rows} for t, rows in found.items()}


def fingerprint(ledger: Ledger) -> str:
    """A digest of everything in the ledger file's tables, the audit trail included."""
    digest = hashlib.sha256()
    tables = [r[0] for r in ledger.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE '%search%' ORDER BY name")]
    for table in tables:
        for row in ledger.conn.execute(f"SELECT * FROM {table} ORDER BY 1"):
            digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def new_problem(ledger: Ledger, region: str = "141021", **values) -> str:
    raw = {"source": "inspection", "region_code": region, "category": "dust",
           "description": "工地未苫盖", "assigned_on": "2026-01-05", "deadline": "2026-03-01",
           **values}
    return problems.add(ledger, raw).id


def problem(ledger: Ledger, problem_id: str) -> dict | None:
    row = ledger.conn.execute("SELECT * FROM problem WHERE id = ?", (problem_id,)).fetchone()
    return dict(row) if row else None


def sound(ledger: Ledger) -> bool:
    """The audit trail is whole and the kept tally agrees with the problems."""
    from core import statistics

    return not audit.verify(ledger.conn) and statistics.tally_drift(ledger) == 0
