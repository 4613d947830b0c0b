"""A bureau's script: an enterprise, an inspection finding a problem, a measure, the
report of done, a manager closing it — and the figures count it closed."""
from __future__ import annotations

import json
import subprocess
import sys


def test_from_inspection_to_closed_in_the_figures(cli, staffed):
    works = cli("enterprise", "add", "--name", "曲沃县汾河焦化有限公司", "--region", "曲沃县",
                "--industry", "2520", operator="li").out.strip()
    inspection, problem = cli(
        "inspection", "add", "--enterprise", works, "--on", "2024-8-5", "--kind", "random",
        "--result", "problems_found", "--officer", "张三", "--officer", "李四",
        "--problem", "number=临环督〔2024〕1号", "category=dust", "description=料场未苫盖",
        "deadline=2024-9-1", operator="li").lines
    measure = cli("measure", "add", "临环督〔2024〕1号", "--description", "料场全部苫盖",
                  operator="li").out.strip()
    assert cli("problem", "move", problem, "in_progress", "--on", "2024-8-6", operator="li").code == 0
    assert cli("measure", "update", measure, "--progress", "100", "--done-on", "2024-8-19",
               operator="li").code == 0
    assert cli("problem", "move", problem, "reported_done", "--on", "2024-8-20",
               operator="li").code == 0
    assert cli("problem", "move", problem, "closed", "--on", "2024-8-25", operator="li").code == 1
    assert cli("problem", "move", problem, "closed", "--on", "2024-8-25",
               operator="wang").code == 1  # not without the acceptance
    assert cli("problem", "move", problem, "closed", "--on", "2024-8-25", "--accepted-by", "赵志强",
               "--accepted-unit", "曲沃县生态环境局", "--opinion", "现场核查已苫盖到位，同意销号",
               operator="wang").code == 0

    figures = json.loads(cli("stats", "--as-of", "2024-9-1", "--json").out)
    assert (figures["assigned"], figures["closed"], figures["overdue"]) == (1, 1, 0)
    county = next(c for c in figures["by_region"] if c["code"] == "141021")
    assert (county["assigned"], county["closed"], county["clearance_rate"]) == (1, 1, 100.0)
    before_closing = json.loads(cli("stats", "--as-of", "2024-8-24", "--json").out)
    assert (before_closing["closed"], before_closing["reported_done"]) == (0, 1)
    shown = json.loads(cli("problem", "show", "临环督〔2024〕1号", "--json").out)
    assert shown["inspection_id"] == inspection and shown["status"] == "closed"
    assert cli("check").code == 0


def test_a_real_process_says_one_line_and_no_traceback(ledger):
    out = subprocess.run([sys.executable, "-m", "core.cli", "--db", str(ledger.path),
                          "problem", "add", "--source", "complaint", "--region", "141021",
                          "--category", "dust", "--description", "道路扬尘",
                          "--on", "2024-8-32", "--deadline", "2024-9-1"],
                         capture_output=True, text=True, encoding="utf-8")
    assert out.returncode == 1 and out.stdout == ""
    assert out.stderr.count("\n") == 1 and "交办日期" in out.stderr
    assert "Traceback" not in out.stderr
