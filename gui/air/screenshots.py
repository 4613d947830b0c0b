"""Pictures of the Air page with demo data: `python -m gui.air.screenshots [folder]`.

Writes air.png (the window at 1366×768 on the season running), air-page.png (the whole page,
after a click on the calendar's worst day: its stations' values in the table) and
air-drill.png (the Problems page after a click on a unit's bar of loose-coal problems).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSize  # noqa: E402

from ..screenshots import demo_window, save, settle  # noqa: E402


def render(folder: Path) -> None:
    with demo_window(folder) as (ctx, window, _scratch):
        window.resize(QSize(1366, 768))
        page = window.page("air")
        settle(ctx, 0.8)
        save(window, folder, "air")
        sheet = page.table.parentWidget()
        sheet.resize(1340, sheet.sizeHint().height() + 200)
        worst = max((h for h in page.calendar.hits_for_days()), key=lambda h: h.value)
        page.drill(worst.drill)
        settle(ctx, 0.6)
        sheet.grab().save(str(folder / "air-page.png"))
        print(folder / "air-page.png")
        bar = next(h for h in page.ranking.hits
                   if getattr(h.drill, "kind", "") == "problems")
        page.drill(bar.drill)
        settle(ctx, 0.8)
        save(window, folder, "air-drill")


def main(argv: list[str]) -> int:
    render(Path(argv[0]) if argv else Path("docs/screenshots"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
