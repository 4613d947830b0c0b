"""Every core write a role may be refused, walked with each role against the rule book:
a refused write raises `error.role_refused` and changes nothing; an allowed one goes
through. The same function is what the GUI, the command line, the import and the exchange
call, so the matrix holds for every front end."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable

import pytest

from core import (backup, enterprises, exchange, inspections, operators, penalties,
                  permissions, problems, settings)
from core.errors import LedgerError
from core.exchange import arrivals
from core.ledger import Ledger
from core.permissions import Action, Role

CLERK, MANAGER, ADMIN = "clerk", "manager", "admin"
ROLES = (CLERK, MANAGER, ADMIN)

# The matrix as the bureau expects it: the lowest role each action needs.
EXPECTED = {
    Action.CLOSE: MANAGER, Action.REOPEN: MANAGER, Action.APPROVE_EXTENSION: MANAGER,
    Action.REFUSE_EXTENSION: MANAGER, Action.DELETE: MANAGER, Action.DELETE_PROBLEM: MANAGER,
    Action.DELETE_MEASURE: MANAGER, Action.DELETE_PENALTY: MANAGER,
    Action.DELETE_INSPECTION: MANAGER, Action.SITE_RENAME: ADMIN, Action.NEW_SITE_ID: ADMIN,
    Action.RESOLVE_CONFLICT: MANAGER, Action.CONFIRM_PARTNER: MANAGER,
    Action.REMOVE_PARTNER_ROWS: MANAGER, Action.CODES: MANAGER, Action.UNITS: MANAGER,
    Action.SETTINGS: ADMIN, Action.RESTORE: ADMIN, Action.MANAGE_OPERATORS: ADMIN,
    Action.RANDOM_APPROVE_PLAN: MANAGER, Action.RANDOM_REDRAW: MANAGER,
}


def test_the_rule_book_is_the_expected_matrix():
    assert set(permissions.RULES) == set(Action) == set(EXPECTED)
    for action, lowest in EXPECTED.items():
        allowed = {r.value for r in permissions.RULES[action]}
        assert allowed == set(ROLES[ROLES.index(lowest):]), action


def _prepare(path: Path, other_file: Path) -> dict[str, str]:
    """A ledger holding one of everything a write below needs; returns their ids."""
    ledger = Ledger.open(path, operator="准备")
    settings.set_jurisdiction(ledger, "141000")
    firm = enterprises.add(ledger, {"name": "曲沃县华泰焦化有限公司", "region_code": "141021"}).id

    def problem(path_=()):
        made = problems.add(ledger, {"source": "complaint", "region_code": "141021",
                                     "category": "dust", "description": f"扬尘{len(path_)}",
                                     "assigned_on": "2026-11-02",
                                     "deadline": "2026-12-20"}).id
        for n, status in enumerate(path_):
            problems.transition(ledger, made, status, on=f"2026-11-0{n + 3}")
        return made
    done = problem(("in_progress", "reported_done"))
    closed = problem(("in_progress", "reported_done", "closed"))
    plain = problem()
    problems.add_measure(ledger, plain, {"description": "苫盖"})
    problems.request_extension(ledger, plain, "2027-01-31", "雨雪天气", on="2026-11-10")
    problems.request_extension(ledger, done, "2027-01-31", "雨雪天气", on="2026-11-10")
    case = penalties.add(ledger, {"case_number": "临环罚〔2026〕9号", "violation": "扬尘",
                                  "decided_on": "2026-11-01", "region_code": "141021"}).id
    sheet = inspections.add(ledger, {"enterprise_id": firm, "inspected_on": "2026-11-20",
                                     "kind": "random", "result": "no_problem"},
                            ["王建国", "李海燕"]).id
    ledger.conn.execute(
        "INSERT INTO exchange_partner (site_id, name, jurisdiction, confirmed_at) "
        "VALUES ('partner-site', '乙', '141000', '2026-11-01')")
    ledger.conn.execute(
        "INSERT INTO exchange_conflict (id, found_at, partner_site, table_name, row_id, field, "
        "mine, theirs, mine_dot, theirs_dot) VALUES ('c0nflict', '2026-11-01', 'partner-site', "
        "'problem', ?, 'responsible_person', '\"张三\"', '\"李四\"', NULL, 'partner-site:1')",
        (plain,))
    ledger.conn.commit()
    saved = backup.make(ledger, path.parent / "saved.zip")
    operators.add(ledger, "admin", "管理员", "admin", "admin-pass-1")
    ids = {"done": done, "closed": closed, "plain": plain, "case": case, "sheet": sheet,
           "backup": str(saved), "other": str(other_file),
           "measure": problems.measures(ledger, plain)[0]["id"],
           "extension": [e["id"] for e in problems.extensions(ledger, plain)][0],
           "extension2": [e["id"] for e in problems.extensions(ledger, done)][0]}
    ledger.close()
    return ids


# (what, the write, the action it needs or None for anyone's)
WRITES: list[tuple[str, Callable[[Ledger, dict], object], Action | None]] = [
    ("close", lambda l, i: problems.transition(l, i["done"], "closed", on="2026-11-20"),
     Action.CLOSE),
    ("reopen", lambda l, i: problems.transition(l, i["closed"], "reopened", on="2026-11-20"),
     Action.REOPEN),
    ("send back", lambda l, i: problems.transition(l, i["done"], "in_progress",
                                                   on="2026-11-20"), None),
    ("approve extension", lambda l, i: problems.approve_extension(l, i["extension"],
                                                                  on="2026-11-20"),
     Action.APPROVE_EXTENSION),
    ("refuse extension", lambda l, i: problems.refuse_extension(l, i["extension2"],
                                                                on="2026-11-20"),
     Action.REFUSE_EXTENSION),
    ("request extension", lambda l, i: problems.request_extension(
        l, i["plain"], "2027-02-28", "再延", on="2026-11-20"), None),
    ("delete problem", lambda l, i: problems.delete(l, i["closed"]), Action.DELETE_PROBLEM),
    ("delete measure", lambda l, i: problems.delete_measure(l, i["measure"]),
     Action.DELETE_MEASURE),
    ("delete penalty", lambda l, i: penalties.delete(l, i["case"]), Action.DELETE_PENALTY),
    ("delete inspection", lambda l, i: inspections.delete(l, i["sheet"]),
     Action.DELETE_INSPECTION),
    ("rename site", lambda l, i: exchange.set_site_name(l, "曲沃县局-二队"), Action.SITE_RENAME),
    ("new site id", lambda l, i: exchange.new_site_id(l), Action.NEW_SITE_ID),
    ("resolve conflict", lambda l, i: exchange.resolve(l, "c0nflict", "theirs"),
     Action.RESOLVE_CONFLICT),
    ("confirm partner", lambda l, i: exchange.import_file(l, i["other"], confirm=True),
     Action.CONFIRM_PARTNER),
    ("remove partner rows", lambda l, i: arrivals.remove_partner_rows(l, "partner-site"),
     Action.REMOVE_PARTNER_ROWS),
    ("unit name", lambda l, i: settings.put(l, "unit_name", "曲沃县生态环境局"), Action.SETTINGS),
    ("backup keep", lambda l, i: settings.put(l, "backup_keep", "5"), Action.SETTINGS),
    ("jurisdiction", lambda l, i: settings.set_jurisdiction(l, "141021"), Action.SETTINGS),
    ("phone", lambda l, i: settings.put(l, "phone", "0357-1234567"), None),
    ("site name setting", lambda l, i: settings.put(l, "site_name", "改名"), Action.SITE_RENAME),
    ("restore", lambda l, i: backup.restore(l, i["backup"]), Action.RESTORE),
    ("add operator", lambda l, i: operators.add(l, "zhao", "赵", "clerk", "zhao-pass-1"),
     Action.MANAGE_OPERATORS),
    ("disable operator", lambda l, i: operators.update(l, "admin", name="管理员甲"),
     Action.MANAGE_OPERATORS),
    ("reset password", lambda l, i: operators.set_password(l, "admin", "other-pass-1"),
     Action.MANAGE_OPERATORS),
    ("edit enterprise", lambda l, i: enterprises.add(
        l, {"name": "翼城县某铸造厂", "region_code": "141022"}), None),
    ("edit problem", lambda l, i: problems.update(l, i["plain"], {"responsible_person": "王"}),
     None),
    ("add measure", lambda l, i: problems.add_measure(l, i["plain"], {"description": "洒水"}),
     None),
    ("correct inspection", lambda l, i: inspections.update(
        l, i["sheet"], {"notes": "补记"}, ["王建国", "李海燕"]), None),
]


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    folder = tmp_path_factory.mktemp("matrix")
    other = Ledger.open(folder / "other.db", operator="乙")
    settings.set_jurisdiction(other, "141000")
    problems.add(other, {"source": "complaint", "region_code": "141021", "category": "dust",
                         "description": "对方的问题", "assigned_on": "2026-11-02",
                         "deadline": "2026-12-20"})
    other_file = folder / "other.ecox"
    exchange.export(other, other_file)
    other.close()
    ids = _prepare(folder / "ledger.db", other_file)
    return folder, ids


def _rows(ledger):
    tables = [r[0] for r in ledger.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE '%_fts%' AND name NOT LIKE 'search%'")]
    return {t: ledger.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("what,write,action", WRITES, ids=[w[0] for w in WRITES])
def test_each_write_with_each_role(prepared, tmp_path, monkeypatch, role, what, write, action):
    monkeypatch.setattr(operators, "SCRYPT_N", 2**10)
    folder, ids = prepared
    copy = tmp_path / "ledger.db"
    shutil.copyfile(folder / "ledger.db", copy)
    shutil.copyfile(ids["backup"], tmp_path / "saved.zip")
    ids = {**ids, "backup": str(tmp_path / "saved.zip")}
    ledger = Ledger.open(copy, operator="操作员")
    ledger.role = role
    try:
        refused = action is not None and Role(role) not in permissions.RULES[action]
        if refused:
            before = _rows(ledger)
            audit_before = ledger.conn.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
            with pytest.raises(LedgerError) as error:
                write(ledger, ids)
            assert error.value.code == "error.role_refused"
            assert permissions.label(action) in str(error.value)
            assert _rows(ledger) == before
            assert ledger.conn.execute("SELECT max(seq) FROM audit_log").fetchone()[0] \
                == audit_before
        else:
            write(ledger, ids)
    finally:
        ledger.close()
