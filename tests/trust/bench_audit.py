"""What the audit trail costs a bulk load: demo data written with and without the triggers.

    .venv/bin/python tests/trust/bench_audit.py [--problems 200000]

Generation is done once and not timed; each run writes the same rows into a fresh ledger.
Runs alternate with and without triggers, `--repeat` times each, and the best wall-clock and
CPU times are reported: on a shared machine the wall clock alone says little.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from core import audit, demo, regions, settings  # noqa: E402
from core.ledger import Ledger  # noqa: E402


def _fresh(folder: Path, name: str, triggers: bool) -> Ledger:
    ledger = Ledger.open(folder / name, operator="bench")
    settings.set_jurisdiction(ledger, "141000")
    if not triggers:
        for trigger in audit.expected_triggers(ledger.conn):
            ledger.conn.execute(f"DROP TRIGGER {trigger}")
    return ledger


def _run(folder: Path, data: demo.DemoData, triggers: bool) -> dict[str, float]:
    name = f"{'with' if triggers else 'without'}.db"
    for leftover in folder.glob(name + "*"):
        leftover.unlink()
    ledger = _fresh(folder, name, triggers)
    started, cpu = time.perf_counter(), time.process_time()
    demo.write(ledger, data)
    seconds = time.perf_counter() - started
    result = {"write_s": seconds, "cpu_s": time.process_time() - cpu,
              "entries": ledger.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0],
              "size_mb": (folder / f"{'with' if triggers else 'without'}.db").stat().st_size / 1e6}
    if triggers:
        started = time.perf_counter()
        findings = audit.verify(ledger.conn)
        result["verify_s"] = time.perf_counter() - started
        assert not findings, findings
        started = time.perf_counter()
        findings = audit.row_findings(ledger.conn)
        result["rows_s"] = time.perf_counter() - started
        assert not findings, findings
    ledger.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--problems", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        probe = _fresh(folder, "probe.db", True)
        counties = regions.counties_of(probe, "141000")
        probe.close()
        data = demo.generate(counties, args.problems, seed=1, operator="bench")
        rows = sum(len(r) for _, r in data.tables.values())
        runs: dict[bool, list[dict[str, float]]] = {False: [], True: []}
        for _ in range(args.repeat):
            for triggers in (False, True):
                runs[triggers].append(_run(folder, data, triggers))
    without, with_ = (_best(runs[False]), _best(runs[True]))
    print(f"{args.problems:,} problems, {rows:,} rows in all; best of {args.repeat}")
    for label, r in (("without audit triggers", without), ("with audit triggers", with_)):
        print(f"{label:<24}{r['write_s']:7.1f} s wall {r['cpu_s']:7.1f} s CPU "
              f"{r['size_mb']:6.0f} MB")
    print(f"audit cost: x{with_['write_s'] / without['write_s']:.2f} wall, "
          f"x{with_['cpu_s'] / without['cpu_s']:.2f} CPU, {with_['entries']:,} entries; "
          f"check: hash chain {with_['verify_s']:.1f} s, rows against their trail "
          f"{with_['rows_s']:.1f} s")


def _best(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: min(r[key] for r in runs) for key in runs[0]}


if __name__ == "__main__":
    main()
