"""What the safety measures cost: a ZIP backup (online backup + photos + hashes) against
SQLite's bare online backup of the same ledger, the restore with every hash checked, and
an update that names its version against one that does not.

    .venv/bin/python -m tests.bench.safety_bench [--problems 2507] [--photos 200]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from core import attachments, backup, demo, enterprises, settings, versions  # noqa: E402
from core.ledger import Ledger  # noqa: E402
from tests.bench.harness import timed  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--problems", type=int, default=2507)
    parser.add_argument("--photos", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        ledger = Ledger.open(folder / "ledger.db", operator="bench")
        settings.set_jurisdiction(ledger, "141000")
        demo.load(ledger, problems=args.problems, seed=1)
        ids = [r[0] for r in ledger.conn.execute(
            f"SELECT id FROM problem LIMIT {args.photos}")]
        for n, problem in enumerate(ids):
            photo = folder / f"p{n}.jpg"
            photo.write_bytes(os.urandom(300_000))  # a phone photo's size, incompressible
            attachments.attach(ledger, problem, [photo])
        bare, _ = timed(lambda: backup.copy_to(ledger.conn, folder / "bare.db"), args.repeat)
        zipped, path = timed(lambda: backup.make(ledger, folder / "full.zip"), args.repeat)
        fresh = Ledger.open(folder / "fresh" / "ledger.db", operator="bench")
        restored, _ = timed(lambda: backup.restore(fresh, path), args.repeat)
        firm = ledger.conn.execute("SELECT id FROM enterprise LIMIT 1").fetchone()[0]
        n = 500

        def plain():
            for i in range(n):
                enterprises.update(ledger, firm, {"address": f"{i}号"})

        def versioned():
            for i in range(n):
                enterprises.update(ledger, firm, {"address": f"{i}号"},
                                   based_on=versions.version(ledger, "enterprise", firm))
        t_plain, _ = timed(plain, args.repeat)
        t_versioned, _ = timed(versioned, args.repeat)
        size_db = (folder / "bare.db").stat().st_size
        print(f"{args.problems:,} problems, {args.photos} photos of 300 kB")
        print(f"SQLite online backup alone: {bare:.2f} s ({size_db / 2**20:.1f} MB)")
        print(f"ZIP backup (ledger + photos + manifest): {zipped:.2f} s "
              f"({path.stat().st_size / 2**20:.1f} MB)")
        print(f"restore, every hash checked, into a fresh ledger: {restored:.2f} s")
        print(f"{n} enterprise updates: {t_plain * 1000 / n:.2f} ms each; naming the version "
              f"(read + check): {t_versioned * 1000 / n:.2f} ms each")
        fresh.close()
        ledger.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
