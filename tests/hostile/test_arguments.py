"""Arguments and text from outside: decoded or refused, range-checked, cleaned in core."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from core import problems
from core.cli import main
from core.errors import LedgerError
from core.ledger import Ledger

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run(*argv: bytes | str) -> subprocess.CompletedProcess:
    """The real command line, with raw bytes as a terminal passes them."""
    args = [a if isinstance(a, bytes) else a.encode() for a in argv]
    return subprocess.run([sys.executable.encode(), b"-m", b"core.cli", *args], cwd=ROOT,
                          capture_output=True, env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def one_line_error(out: subprocess.CompletedProcess) -> str:
    err = out.stderr.decode("utf-8")
    assert out.returncode == 1 and err.count("\n") == 1 and "Traceback" not in err, err
    return err


def test_a_gbk_terminal_s_arguments_are_read_as_gbk(demo_db):
    out = run(b"--db", str(demo_db).encode(), b"problem", b"list", b"--search",
              "扬尘".encode("gbk"), b"--count")
    assert out.returncode == 0, out.stderr.decode()
    with Ledger.open(demo_db) as ledger:
        from core import queries
        typed = queries.count(ledger, queries.PROBLEMS, queries.Query(text="扬尘"))
    assert int(out.stdout) == typed


def test_arguments_in_no_known_encoding_are_refused_naming_the_argument(demo_db):
    out = run(b"--db", str(demo_db).encode(), b"problem", b"list", b"--search", b"\xff\xfe\xff")
    assert "第 6 个参数既不是 UTF-8 也不是 GBK" in one_line_error(out)


@pytest.mark.parametrize("argv,message", [
    (["problem", "list", "--limit", str(2**70)], "数值应在 0 到"),
    (["problem", "list", "--offset", str(2**64)], "数值应在 0 到"),
    (["problem", "list", "--batch", str(2**70)], "找不到批次"),
    (["export-return", "campaign_progress", "--reported-on", "2019-02-30", "-o", "r.xlsx"],
     "2019-02-30"),
    (["exchange", "export", "-o", ""], "未指定输出文件名"),
])
def test_what_once_gave_a_traceback_gives_one_line(demo_db, tmp_path, argv, message):
    out = run("--db", str(demo_db), *[a.replace("r.xlsx", str(tmp_path / "r.xlsx")) for a in argv])
    assert message in one_line_error(out)


@pytest.mark.parametrize("argv", [["exchange", "import", "\x00"],
                                  ["random", "directory", "import", "a\x00.xlsx"],
                                  ["problem", "list", "--search", "扬尘\x00"]])
def test_an_argument_holding_a_nul_is_refused_naming_it(demo_db, tmp_path, capsys, argv):
    """No terminal passes a NUL, but main() is an API (the fuzz test found open() raising
    on one in two commands): one line, the argument's position, nothing written."""
    assert main(["--db", str(demo_db), *argv]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"第 {len(argv) + 2} 个参数含有空字符" in err, err


def test_long_notes_reasons_and_operators_are_refused(demo_db):
    with Ledger.open(demo_db) as ledger:
        pid = ledger.conn.execute("SELECT id FROM problem WHERE withdrawn_on IS NULL "
                                  "AND status = 'assigned' LIMIT 1").fetchone()[0]
        for write in (lambda: problems.add_note(ledger, pid, "很" * 100_000),
                      lambda: problems.withdraw(ledger, pid, "错" * 100_000),
                      lambda: problems.transition(ledger, pid, "in_progress", note="进" * 100_000)):
            with pytest.raises(LedgerError, match="最多 2000 字"):
                write()
        assert (ledger.conn.execute("SELECT max(length(note)) FROM problem_log").fetchone()[0] or 0) <= 2000
    with pytest.raises(LedgerError, match="最多 60 字"):
        Ledger.open(demo_db, operator="张" * 100_000)
    # in-process: 100,000 characters are more than one argument may carry on Linux
    assert main(["--db", str(demo_db), "--operator", "张" * 100_000, "problem", "note", pid,
                 "x"]) == 1


def test_control_and_bidi_characters_never_reach_the_database(demo_db, capsys):
    hostile = "\x1b[2J\x1b]0;pwned\x07整改\u202e完成\u2066\x00报告"
    with Ledger.open(demo_db) as ledger:
        pid = ledger.conn.execute("SELECT id FROM problem LIMIT 1").fetchone()[0]
        problems.update(ledger, pid, {"description": hostile, "responsible_person": "\u202e李四"})
        problems.add_note(ledger, pid, hostile)
        row = ledger.conn.execute("SELECT description, responsible_person FROM problem "
                                  "WHERE id = ?", (pid,)).fetchone()
        note = ledger.conn.execute("SELECT note FROM problem_log WHERE problem_id = ? "
                                   "ORDER BY seq DESC LIMIT 1", (pid,)).fetchone()[0]
    assert tuple(row) == ("[2J]0;pwned整改完成报告", "李四")
    assert note == "[2J]0;pwned整改完成报告"
    assert main(["--db", str(demo_db), "problem", "list", "--search", "pwned"]) == 0
    shown = capsys.readouterr().out
    assert "\x1b" not in shown and "\u202e" not in shown and "pwned" in shown
