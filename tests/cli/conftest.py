"""Driving `ecoledger-cli` in-process: `cli(...)` runs one command on the test's ledger."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from core import messages, operators
from core.cli import main

TABLES = ("enterprise", "campaign", "batch", "inspection", "inspection_officer", "problem",
          "problem_log", "measure", "deadline_extension", "penalty_case", "audit_log")


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()


@pytest.fixture
def cli(ledger, capsys):
    """Run one command on the `ledger` fixture's file; returns its exit code and output."""
    capsys.readouterr()

    def run(*args: str, operator: str | None = None) -> Run:
        who = ["--operator", operator] if operator else []
        code = main(["--db", str(ledger.path), *who, *args])
        out, err = capsys.readouterr()
        return Run(code, out, err)

    yield run
    messages.set_language(messages.DEFAULT_LANGUAGE)


@pytest.fixture
def snapshot(ledger):
    """Row counts of every business table and of the audit trail: equal means nothing written."""
    def take() -> dict[str, int]:
        return {t: ledger.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    return take


@pytest.fixture
def staffed(ledger, monkeypatch):
    """A clerk (li) and a manager (wang) besides the admin; cheap password hashing."""
    monkeypatch.setattr(operators, "SCRYPT_N", 2**10)
    operators.add(ledger, "admin", "管理员", "admin", "admin-pass")
    operators.add(ledger, "li", "李科员", "clerk", "clerk-pass")
    operators.add(ledger, "wang", "王科长", "manager", "manager-pass")
    return ledger


def refused(run: Run, *words: str) -> bool:
    """Exit 1, exactly one line on stderr containing every word, no traceback, nothing out."""
    return (run.code == 1 and run.err.count("\n") == 1 and "Traceback" not in run.err
            and all(w in run.err for w in words) and run.out == "")
