"""ecoledger-cli: scripted use, and one clear line for every user error."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from core.cli import main
from core.ledger import Ledger


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "core.cli", *args], capture_output=True,
                          text=True)


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "ledger.db")


def test_init_demo_stats_json(db):
    assert cli("--db", db, "init", "--region", "141000").returncode == 0
    assert main(["--db", db, "demo", "--problems", "400", "--seed", "3"]) == 0
    out = cli("--db", db, "stats", "--json")
    assert out.returncode == 0, out.stderr
    figures = json.loads(out.stdout)
    assert figures["assigned"] == 400
    assert {"as_of", "assigned", "closed", "clearance_rate", "overdue", "by_region"} <= set(figures)
    counties = figures["by_region"]
    assert len(counties) == 17 and counties[1]["name"] == "曲沃县" and counties[1]["code"] == "141021"
    assert {"code", "name", "assigned", "closed", "clearance_rate", "overdue"} <= set(counties[0])
    assert sum(c["closed"] for c in counties) == figures["closed"]
    assert figures["clearance_rate"] == round(figures["closed"] * 100 / 400, 2)


def test_stats_as_of_a_past_date_and_as_a_table(db, capsys):
    main(["--db", db, "demo", "--problems", "300"])
    capsys.readouterr()
    assert main(["--db", db, "stats", "--as-of", "2000年1月1日"]) == 0
    table = capsys.readouterr().out
    assert "截至 2000-01-01" in table and "合计" in table and "—" in table


def test_init_without_region_uses_linfen(db, capsys):
    assert main(["--db", db, "init"]) == 0
    assert "临汾市生态环境局 (141000)" in capsys.readouterr().out


@pytest.mark.parametrize("args,message", [
    (["stats", "--as-of", "2026-13-01"], "--as-of 的日期“2026-13-01”无效"),
    (["init", "--region", "999999"], "行政区划代码“999999”不存在"),
    (["demo", "--problems", "-5"], "问题数量必须是"),
    (["nonsense"], "invalid choice"),
])
def test_user_errors_exit_1_with_one_line_and_no_traceback(db, args, message):
    Ledger.open(db).close()  # read commands need a ledger
    out = cli("--db", db, *args)
    assert out.returncode == 1
    assert out.stderr.count("\n") == 1 and message in out.stderr
    assert "Traceback" not in out.stderr


def test_demo_into_a_ledger_with_data_writes_nothing(db):
    main(["--db", db, "demo", "--problems", "50"])
    out = cli("--db", db, "demo", "--problems", "50")
    assert out.returncode == 1 and "示例数据只能装入空台账" in out.stderr
    figures = json.loads(cli("--db", db, "stats", "--json").stdout)
    assert figures["assigned"] == 50


def test_database_that_is_not_sqlite_is_reported(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"PK\x03\x04 definitely a zip, not sqlite" * 100)
    out = cli("--db", str(bad), "stats")
    assert out.returncode == 1 and "无法打开数据库" in out.stderr and "Traceback" not in out.stderr
    assert bad.read_bytes().startswith(b"PK\x03\x04")


def test_check_passes_on_a_sound_ledger_and_reports_broken_links(db):
    main(["--db", db, "demo", "--problems", "30"])
    assert cli("--db", db, "check").returncode == 0
    import sqlite3
    raw = sqlite3.connect(db)
    raw.execute("UPDATE problem SET enterprise_id = 'missing' WHERE rowid = 1")
    raw.commit()
    raw.close()
    out = cli("--db", db, "check")
    assert out.returncode == 1 and "problem" in out.stderr and "enterprise" in out.stderr


def test_english_messages_on_request(db):
    Ledger.open(db).close()
    out = cli("--db", db, "--lang", "en", "stats", "--as-of", "soon")
    assert out.returncode == 1 and "not a date" in out.stderr
