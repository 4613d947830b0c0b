"""Saved inspection sheets can be corrected (and by a manager deleted), with the audit
trail; a sheet marked "problems found" with no problem is refused."""
from __future__ import annotations

import pytest

from core import audit, enterprises, inspections, problems, versions
from core.errors import LedgerError, ValidationError

FIRM = {"name": "曲沃县华泰焦化有限公司", "region_code": "141021"}


@pytest.fixture
def firm(ledger):
    return enterprises.add(ledger, FIRM).id


def _sheet(firm, **more):
    return {"enterprise_id": firm, "inspected_on": "2026-11-20", "kind": "random",
            "result": "no_problem", **more}


def test_problems_found_without_a_problem_is_refused(ledger, firm):
    with pytest.raises(ValidationError) as refused:
        inspections.add(ledger, _sheet(firm, result="problems_found"), ["王建国", "李海燕"])
    assert [i.field for i in refused.value.issues] == ["result"]
    assert "没有填写任何问题" in str(refused.value)
    assert ledger.conn.execute("SELECT count(*) FROM inspection").fetchone()[0] == 0


def test_a_saved_sheet_is_corrected_with_its_trail(ledger, firm):
    row_id = inspections.add(ledger, _sheet(firm), ["王建国", "李海燕"]).id
    opened = versions.version(ledger, "inspection", row_id)
    inspections.update(ledger, row_id, {"notes": "补记：厂区道路已硬化", "kind": "campaign"},
                       ["王建国", "赵立新"], based_on=opened)
    sheet = inspections.get(ledger, row_id)
    assert (sheet["notes"], sheet["kind"], sheet["officers"]) == (
        "补记：厂区道路已硬化", "campaign", ["王建国", "赵立新"])
    changed = [e for e in audit.history(ledger, row_id)
               if e.table_name == "inspection" and e.action == "update"][-1].changes()
    assert changed["kind"] == ("random", "campaign")
    # a stale copy of the sheet is refused, officers included
    with pytest.raises(versions.StaleWrite):
        inspections.update(ledger, row_id, {"notes": "旧的"}, ["王建国", "李海燕"],
                           based_on=opened)
    # a problem found later is added to the sheet, which then says so
    fixed = inspections.update(ledger, row_id, {"result": "problems_found"}, ["王建国", "赵立新"],
                               [{"category": "dust", "description": "料场未苫盖",
                                 "deadline": "2026-12-20"}])
    assert problems.get(ledger, fixed.ids[1])["inspection_id"] == row_id
    with pytest.raises(ValidationError, match="未发现问题"):
        inspections.update(ledger, row_id, {"result": "no_problem"}, ["王建国", "赵立新"])


def test_only_a_manager_deletes_a_sheet_and_not_one_with_problems(ledger, firm):
    empty = inspections.add(ledger, _sheet(firm), ["王建国", "李海燕"]).id
    found = inspections.add(ledger, _sheet(firm, result="problems_found"), ["王建国", "李海燕"],
                            [{"category": "dust", "description": "料场未苫盖",
                              "deadline": "2026-12-20"}]).id
    ledger.role = "clerk"
    with pytest.raises(LedgerError, match="删除检查记录"):
        inspections.delete(ledger, empty)
    ledger.role = "manager"
    with pytest.raises(LedgerError, match="1 个发现的问题"):
        inspections.delete(ledger, found)
    inspections.delete(ledger, empty)
    assert ledger.conn.execute("SELECT count(*) FROM inspection").fetchone()[0] == 1
    assert ledger.conn.execute("SELECT count(*) FROM inspection_officer WHERE inspection_id = ?",
                               (empty,)).fetchone()[0] == 0
    assert audit.history(ledger, empty)[-1].action == "delete"
