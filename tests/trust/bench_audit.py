"""What the audit trail costs a bulk load: demo data written with and without the triggers.

    .venv/bin/python tests/trust/bench_audit.py [--problems 200000]

Generation is done once and not timed; each run writes the same rows into a fresh ledger.
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
    ledger = _fresh(folder, f"{'with' if triggers else 'without'}.db", triggers)
    started = time.perf_counter()
    demo.write(ledger, data)
    seconds = time.perf_counter() - started
    result = {"write_s": seconds,
              "entries": ledger.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0],
              "size_mb": (folder / f"{'with' if triggers else 'without'}.db").stat().st_size / 1e6}
    if triggers:
        started = time.perf_counter()
        findings = audit.verify(ledger.conn)
        result["verify_s"] = time.perf_counter() - started
        assert not findings, findings
    ledger.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--problems", type=int, default=200_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        probe = _fresh(folder, "probe.db", True)
        counties = regions.counties_of(probe, "141000")
        probe.close()
        data = demo.generate(counties, args.problems, seed=1, operator="bench")
        rows = sum(len(r) for _, r in data.tables.values())
        without = _run(folder, data, triggers=False)
        with_ = _run(folder, data, triggers=True)
    print(f"{args.problems:,} problems, {rows:,} rows in all")
    print(f"without audit triggers: {without['write_s']:.1f} s, {without['size_mb']:.0f} MB")
    print(f"with audit triggers:    {with_['write_s']:.1f} s, {with_['size_mb']:.0f} MB, "
          f"{with_['entries']:,} entries (x{with_['write_s'] / without['write_s']:.2f})")
    print(f"check of the hash chain: {with_['verify_s']:.1f} s")


if __name__ == "__main__":
    main()
