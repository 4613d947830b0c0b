"""Pictures of the dashboard with demo data: `python -m gui.dashboard.screenshots [folder]`.

Writes dashboard.png (the window on the Overview), dashboard-page.png (the whole page as
exported for a meeting), dashboard-drill.png (the Problems page after a click on a bar).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ..screenshots import demo_window, save, settle  # noqa: E402


def render(folder: Path) -> None:
    from .export import export_page

    with demo_window(folder) as (ctx, window, _scratch):
        page = window.page("overview")
        settle(ctx, 0.8)
        save(window, folder, "dashboard")
        export_page(page.sheet, folder / "dashboard-page.png")
        print(folder / "dashboard-page.png")
        rate = page.charts[1]
        worst = rate.hits[-1]
        page.drill(worst.drill)
        settle(ctx, 0.8)
        save(window, folder, "dashboard-drill")


def main(argv: list[str]) -> int:
    render(Path(argv[0]) if argv else Path("docs/screenshots"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
