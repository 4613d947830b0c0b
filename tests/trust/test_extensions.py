"""Deadline extensions (延期): a reason, a manager's approval, the original deadline kept,
and overdue figures that use the deadline in force on the as-of date."""
from __future__ import annotations

import pytest

from core import problems, statistics
from core.cli import main
from core.errors import LedgerError


@pytest.fixture
def problem(ledger) -> str:
    return problems.add(ledger, {
        "source": "complaint", "region_code": "141021", "category": "dust",
        "description": "道路扬尘", "assigned_on": "2024-03-01", "deadline": "2024-04-01"}).id


def test_an_extension_counts_only_from_its_approval(ledger, problem):
    extension = problems.request_extension(ledger, problem, "2024-06-01", "设备采购周期长",
                                           on="2024-03-28").id
    assert statistics.breakdown(ledger, "2024-04-10").total.overdue == 1
    problems.approve_extension(ledger, extension, on="2024-04-15")
    assert statistics.breakdown(ledger, "2024-04-10").total.overdue == 1  # the past stays
    assert statistics.breakdown(ledger, "2024-04-20").total.overdue == 0
    assert statistics.breakdown(ledger, "2024-06-02").total.overdue == 1
    row = problems.get(ledger, problem)
    assert (row["deadline"], row["deadline_in_force"]) == ("2024-04-01", "2024-06-01")


def test_an_extension_needs_a_reason_and_a_later_deadline(ledger, problem):
    with pytest.raises(LedgerError):
        problems.request_extension(ledger, problem, "2024-06-01", "  ", on="2024-03-28")
    with pytest.raises(LedgerError):
        problems.request_extension(ledger, problem, "2024-03-15", "理由", on="2024-03-10")


def test_a_clerk_requests_and_only_a_manager_approves(ledger, problem):
    ledger.role = "clerk"
    extension = problems.request_extension(ledger, problem, "2024-06-01", "理由",
                                           on="2024-03-28").id
    with pytest.raises(LedgerError) as refused:
        problems.approve_extension(ledger, extension, on="2024-04-01")
    assert refused.value.code == "error.role_refused"
    assert problems.get(ledger, problem)["deadline_in_force"] == "2024-04-01"
    ledger.role = "manager"
    problems.approve_extension(ledger, extension, on="2024-04-01")
    with pytest.raises(LedgerError):
        problems.approve_extension(ledger, extension, on="2024-04-02")


def test_cli_request_list_and_approve(ledger, problem, tmp_path, capsys):
    ledger.close()
    db = ["--db", str(tmp_path / "ledger.db")]
    assert main([*db, "extensions", "request", problem, "--deadline", "2024年6月1日",
                 "--reason", "设备采购", "--on", "2024-03-28"]) == 0
    extension = capsys.readouterr().out.strip()
    assert main([*db, "extensions", "list", "--pending"]) == 0
    assert extension in capsys.readouterr().out
    assert main([*db, "extensions", "approve", extension, "--on", "2024-04-15"]) == 0
    assert main([*db, "extensions", "list", "--pending"]) == 0
    assert extension not in capsys.readouterr().out


def test_a_refused_extension_never_counts_and_cannot_be_approved_after(ledger, problem):
    first = problems.request_extension(ledger, problem, "2024-06-01", "设备采购周期长",
                                       on="2024-03-20").id
    second = problems.request_extension(ledger, problem, "2024-05-01", "施工队伍不足",
                                        on="2024-03-28").id
    ledger.role = "clerk"
    with pytest.raises(LedgerError) as refused:
        problems.refuse_extension(ledger, second, on="2024-03-30")
    assert refused.value.code == "error.role_refused"
    ledger.role = "manager"
    problems.refuse_extension(ledger, second, on="2024-03-30")
    with pytest.raises(LedgerError) as again:
        problems.approve_extension(ledger, second, on="2024-04-02")
    assert "不予批准" in str(again.value) and "2024-03-30" in str(again.value)
    assert problems.get(ledger, problem)["deadline_in_force"] == "2024-04-01"
    assert statistics.breakdown(ledger, "2024-04-10").total.overdue == 1
    # the earlier request is still undecided and may be approved
    problems.approve_extension(ledger, first, on="2024-04-15")
    assert problems.get(ledger, problem)["deadline_in_force"] == "2024-06-01"
    with pytest.raises(LedgerError):
        problems.refuse_extension(ledger, first, on="2024-04-16")


def test_cli_refuse_lists_the_refusal(ledger, problem, tmp_path, capsys):
    ledger.close()
    db = ["--db", str(tmp_path / "ledger.db")]
    assert main([*db, "extensions", "request", problem, "--deadline", "2024-6-1",
                 "--reason", "设备采购", "--on", "2024-03-28"]) == 0
    extension = capsys.readouterr().out.strip()
    assert main([*db, "extensions", "refuse", extension, "--on", "2024-03-30"]) == 0
    assert main([*db, "extensions", "list"]) == 0
    assert "不予批准 2024-03-30" in capsys.readouterr().out
    assert main([*db, "extensions", "list", "--pending"]) == 0
    assert extension not in capsys.readouterr().out
    assert main([*db, "extensions", "refuse", extension]) == 1
    assert "不予批准" in capsys.readouterr().err
