"""Operators, scrypt passwords, sign-in and what each role may do — refused by core."""
from __future__ import annotations

import pytest

from core import operators, problems, rows, settings
from core.cli import main
from core.errors import LedgerError
from core.operators import Action, Role
from acceptance_data import ACCEPTED

DEFAULT_N = operators.SCRYPT_N


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch):
    """Tests do not need 32 MiB per hash; the format and the check stay the same."""
    monkeypatch.setattr(operators, "SCRYPT_N", 2**10)


@pytest.fixture
def staffed(ledger):
    operators.add(ledger, "admin", "管理员", "admin", "admin-pass")
    operators.add(ledger, "li", "李科员", "clerk", "clerk-pass")
    operators.add(ledger, "wang", "王科长", "manager", "manager-pass")
    return ledger


def _problem(ledger, status_path=("in_progress", "reported_done")) -> str:
    problem = problems.add(ledger, {
        "source": "complaint", "region_code": "141021", "category": "dust",
        "description": "道路扬尘", "assigned_on": "2024-03-01", "deadline": "2024-04-01"}).id
    for n, status in enumerate(status_path):
        problems.transition(ledger, problem, status, on=f"2024-03-0{n + 2}", acceptance=ACCEPTED)
    return problem


def test_passwords_are_stored_only_as_scrypt_hashes(staffed, tmp_path):
    stored = staffed.conn.execute(
        "SELECT password_hash FROM operator_account WHERE login = 'li'").fetchone()[0]
    assert stored.startswith("scrypt$1024$8$1$") and "clerk-pass" not in stored
    staffed.close()
    assert b"clerk-pass" not in (tmp_path / "ledger.db").read_bytes()


def test_the_default_cost_is_memory_hard():
    assert DEFAULT_N * operators.SCRYPT_R * 128 >= 16 * 2**20


def test_sign_in_sets_operator_and_role(staffed):
    assert operators.sign_in(staffed, "li", "clerk-pass").role is Role.CLERK
    assert (staffed.operator, staffed.role) == ("li", "clerk")


@pytest.mark.parametrize("login,password", [("li", "wrong-pass"), ("nobody", "clerk-pass")])
def test_sign_in_refuses_wrong_password_or_login_alike(staffed, login, password):
    with pytest.raises(LedgerError) as refused:
        operators.sign_in(staffed, login, password)
    assert refused.value.code == "error.sign_in_failed"


def test_a_disabled_operator_cannot_sign_in(staffed):
    operators.update(staffed, "li", active=False)
    with pytest.raises(LedgerError, match="密码"):
        operators.sign_in(staffed, "li", "clerk-pass")


def test_a_clerk_cannot_close_reopen_approve_delete_or_change_settings(staffed):
    problem = _problem(staffed)
    extension = problems.request_extension(staffed, problem, "2024-05-01", "设备采购",
                                           on="2024-03-03").id
    operators.sign_in(staffed, "li", "clerk-pass")
    for refused in (lambda: problems.transition(staffed, problem, "closed", on="2024-03-04", acceptance=ACCEPTED),
                    lambda: problems.approve_extension(staffed, extension, on="2024-03-04"),
                    lambda: rows.delete(staffed, "problem", problem),
                    lambda: settings.put(staffed, "unit_head", "张三"),
                    lambda: operators.add(staffed, "x", "X", "clerk", "whatever-1")):
        with pytest.raises(LedgerError) as error:
            refused()
        assert error.value.code == "error.role_refused"
    assert problems.get(staffed, problem)["status"] == "reported_done"
    assert problems.extensions(staffed, problem)[0]["approved_on"] is None
    # what a clerk does do: enter, update, report done, request an extension
    problems.transition(staffed, problem, "in_progress", on="2024-03-04", acceptance=ACCEPTED)
    problems.add_note(staffed, problem, "整改中", on="2024-03-04")


def test_a_manager_closes_reopens_approves_and_deletes(staffed):
    problem = _problem(staffed)
    extension = problems.request_extension(staffed, problem, "2024-05-01", "设备采购",
                                           on="2024-03-03").id
    operators.sign_in(staffed, "wang", "manager-pass")
    problems.approve_extension(staffed, extension, on="2024-03-04")
    problems.transition(staffed, problem, "closed", on="2024-03-05", acceptance=ACCEPTED)
    problems.transition(staffed, problem, "reopened", on="2024-03-06", acceptance=ACCEPTED)
    ext = problems.extensions(staffed, problem)[0]
    assert (ext["approved_by"], problems.get(staffed, problem)["deadline"]) == ("wang", "2024-04-01")
    with pytest.raises(LedgerError, match="管理员"):
        operators.update(staffed, "li", role="manager")
    rows.delete(staffed, "deadline_extension", extension)


def test_can_tells_the_gui_what_to_offer():
    class Signed:
        role = "manager"
    assert operators.can(Signed, Action.CLOSE) and not operators.can(Signed, Action.SETTINGS)
    Signed.role = "clerk"
    assert not any(operators.can(Signed, a) for a in Action)


def test_the_first_operator_must_be_an_admin_and_one_admin_must_remain(ledger):
    with pytest.raises(LedgerError, match="管理员"):
        operators.add(ledger, "li", "李科员", "clerk", "clerk-pass")
    operators.add(ledger, "admin", "管理员", "admin", "admin-pass")
    with pytest.raises(LedgerError) as error:
        operators.update(ledger, "admin", role="clerk")
    assert error.value.code == "error.last_admin"
    assert operators.find(ledger, "admin").role is Role.ADMIN


def test_short_password_and_taken_login_are_refused(staffed):
    with pytest.raises(LedgerError, match="至少"):
        operators.add(staffed, "zhao", "赵", "clerk", "short")
    with pytest.raises(LedgerError, match="已被使用"):
        operators.add(staffed, "li", "李二", "clerk", "long-enough")


def test_an_operator_changes_their_own_password_only(staffed):
    operators.sign_in(staffed, "li", "clerk-pass")
    operators.set_password(staffed, "li", "new-clerk-pass")
    with pytest.raises(LedgerError):
        operators.set_password(staffed, "wang", "hijacked-pass")
    operators.sign_in(staffed, "li", "new-clerk-pass")


def test_a_single_user_pc_remembers_its_operator(staffed, tmp_path):
    file = tmp_path / "remembered.json"
    operators.remember(staffed.path, "wang", file)
    assert operators.sign_in_remembered(staffed, file).login == "wang"
    assert staffed.role == "manager"
    operators.remember(staffed.path, None, file)
    assert operators.remembered(staffed.path, file) is None


def test_cli_operator_acts_with_their_accounts_role(staffed, tmp_path, capsys):
    problem = _problem(staffed)
    extension = problems.request_extension(staffed, problem, "2024-05-01", "设备采购",
                                           on="2024-03-03").id
    staffed.close()
    db = ["--db", str(tmp_path / "ledger.db")]
    assert main([*db, "--operator", "li", "extensions", "approve", extension]) == 1
    assert "批准延期" in capsys.readouterr().err
    assert main([*db, "--operator", "wang", "extensions", "approve", extension,
                 "--on", "2024-03-04"]) == 0
    assert main([*db, "extensions", "list", "--problem", problem]) == 0
    assert "2024-03-04 wang" in capsys.readouterr().out
