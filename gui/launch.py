"""The desktop app's entry point: `ecoledger` (the gui-script), `python -m gui.launch`.

It pauses Python's garbage collector before anything else is imported. Start-up allocates
in bursts (Qt's modules and their enums, our modules' classes, the widgets' wrappers) and
the collector, run by allocation counts, walked the young objects some sixty times before
the first paint: 17 ms of the GUI thread's work, two thirds of it while the imports ran,
before `gui.app.main` could pause it. It runs again once the first page is painted.
"""
from __future__ import annotations

import gc
import sys


def main(argv: list[str] | None = None) -> int:
    collecting = gc.isenabled()
    gc.disable()
    from gui.app import main as run  # Qt loads here, with the collector paused

    return run(argv, collecting)


if __name__ == "__main__":
    sys.exit(main())
