"""Settings and deleting a penalty case: the admin's and the manager's, refused to a clerk."""
from __future__ import annotations

import json

from core import settings

from .conftest import refused


def test_settings_list_and_set_with_roles(cli, ledger, staffed, snapshot):
    assert cli("settings", "set", "filled_by", "王晓峰", operator="li").code == 0
    assert cli("settings", "set", "phone", " 0357-1234567 ").code == 0
    assert (settings.get(ledger, "filled_by"), settings.get(ledger, "phone")) == (
        "王晓峰", "0357-1234567")
    before = settings.get(ledger, "unit_head")
    assert refused(cli("settings", "set", "unit_head", "张局长", operator="li"), "修改单位设置")
    assert refused(cli("settings", "set", "jurisdiction", "140000"), "jurisdiction", "init")
    assert settings.get(ledger, "unit_head") == before
    assert cli("settings", "set", "unit_head", "张局长", operator="admin").code == 0
    shown = json.loads(cli("settings", "list", "--json").out)
    assert (shown["jurisdiction"], shown["unit_head"], shown["unit_name"]) == (
        "141000", "张局长", "临汾市生态环境局")
    assert "0357-1234567" in cli("settings", "list").out


def test_penalty_delete_is_a_managers(cli, ledger, staffed, snapshot):
    case = cli("penalty", "add", "--case-number", "临环罚〔2024〕5号", "--violation", "重复录入",
               "--on", "2024-8-10", "--region", "141021").out.strip()
    before = snapshot()
    assert refused(cli("penalty", "delete", "临环罚〔2024〕5号", operator="li"), "删除处罚案件")
    assert snapshot() == before
    assert cli("penalty", "delete", case, operator="wang").code == 0
    assert ledger.conn.execute("SELECT count(*) FROM penalty_case").fetchone()[0] == 0
    assert refused(cli("penalty", "delete", case, operator="wang"), "找不到处罚案件")
