"""Pictures of each shipped return as a person sees it printed: demo ledger (seed 1) →
.xlsx → LibreOffice headless → PDF → first page as PNG, beside this file.

    .venv/bin/python docs/returns/make_pictures.py   (needs libreoffice-calc and poppler-utils)
"""
from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from core import demo, returns, settings  # noqa: E402
from core.ledger import Ledger  # noqa: E402

FOOTER = {"unit_head": "王建国", "filled_by": "李海燕", "phone": "0357-2021234"}


def main() -> None:
    for tool in ("soffice", "pdftoppm"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is missing: apt-get install -y libreoffice-calc-nogui "
                             "poppler-utils")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        ledger = Ledger.open(work / "demo.db", operator="demo")
        settings.set_jurisdiction(ledger, "141000")
        demo.load(ledger, seed=1)
        for key, value in FOOTER.items():
            settings.put(ledger, key, value)
        campaign = ledger.conn.execute("SELECT id FROM campaign").fetchone()[0]
        today = dt.date.today()
        for template in returns.available():
            path = work / f"{template.name}.xlsx"
            returns.export_return(ledger, template, path, as_of=today,
                                  campaign_id=campaign if template.name == "campaign_progress"
                                  else None)
            picture(path, HERE / f"{template.name}.png")
        ledger.close()


def picture(xlsx: Path, png: Path) -> None:
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir",
                    str(xlsx.parent), str(xlsx)], check=True, capture_output=True)
    pdf = xlsx.with_suffix(".pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(png.with_suffix(""))], check=True)
    print(png)


if __name__ == "__main__":
    main()
