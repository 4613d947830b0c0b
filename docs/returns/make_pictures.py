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

# The bureau's sign-off; the province's marks (表号 …) stay blank, printed as lines.
SIGN_OFF = {"sign.unit_head": "王建国", "sign.statistician": "赵立新", "sign.filled_by": "李海燕",
            "sign.phone": "0357-2021234"}


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
        from core.returns import marks
        marks.put(ledger, "campaign_progress", SIGN_OFF)
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
    check_one_page_wide(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(png.with_suffix(""))], check=True)
    print(png)


def check_one_page_wide(pdf: Path) -> None:
    """No column spilled onto a page of its own: a sheet one
    page wide prints its first column on every page (pdftotext finds the header's first word)."""
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    for page in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
                              check=True, capture_output=True, text=True).stdout
        if not any(word in text for word in ("区县", "序号", "项目")):
            raise SystemExit(f"{pdf.name}: page {page} of {pages} lacks the first column: "
                             "the sheet is wider than one page")
    check_above_footer(pdf)
    print(f"{pdf.name}: {pages} page(s), one page wide, nothing under the page footer")


def check_above_footer(pdf: Path) -> None:
    """No cell text runs into the bottom margin (LibreOffice clips it there, unseen)."""
    import re
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True,
                         capture_output=True, text=True).stdout
    for number, page in enumerate(xml.split("<page ")[1:], 1):
        words = [(float(a), float(b), w) for a, b, w in re.findall(
            r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', page)]
        footer = [y0 for y0, _, w in words if "页，共" in w]
        if not footer:
            continue
        late = [w for y0, y1, w in words if y1 > footer[0]
                and not (w in ("第", "页", "页，共") or w.isdigit())]
        if late:
            raise SystemExit(f"{pdf.name}: page {number}: {late[:3]} runs into the footer")


if __name__ == "__main__":
    main()
