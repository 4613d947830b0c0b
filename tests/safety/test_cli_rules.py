"""Every command acts with the role of the account `--operator` names: the clerk's site
rename, restore and settings are refused with one line, and nothing changes."""
from __future__ import annotations

import io

from core import exchange, settings

from .conftest import refused


def test_a_clerks_site_rename_is_refused(cli, ledger, staffed):
    before = exchange.site(ledger)
    run = cli("exchange", "site", "--name", "录入员改的站名", operator="li")
    assert refused(run, "修改交换站点名称", "管理员")
    assert exchange.site(ledger) == before
    assert refused(cli("exchange", "site", "--new-id", operator="wang"), "更换交换站点编号")
    assert exchange.site(ledger).id == before.id
    assert cli("exchange", "site", "--name", "曲沃县局-执法一队", operator="admin").code == 0
    assert exchange.site(ledger).name == "曲沃县局-执法一队"


def test_every_command_adopts_the_operator(cli, ledger, staffed, tmp_path, monkeypatch):
    assert cli("backup", "-o", str(tmp_path / "b.zip")).code == 0
    assert refused(cli("restore", str(tmp_path / "b.zip"), operator="li"), "从备份恢复")
    assert refused(cli("settings", "set", "unit_name", "某局", operator="wang"), "修改单位设置")
    assert settings.get(ledger, "unit_name") != "某局"
    assert cli("settings", "set", "phone", "0357-1234567", operator="li").code == 0
    assert refused(cli("exchange", "resolve", "abc", "--keep", "mine", operator="li"),
                   "处理交换冲突")
    monkeypatch.setattr("sys.stdin", io.StringIO("zhao-pass-2026\n"))
    assert refused(cli("operators", "add", "zhao", "--name", "赵", "--role", "clerk",
                       "--password-stdin", operator="wang"), "管理操作员账号")


def test_backup_onto_the_live_file_from_the_cli(cli, ledger):
    before = ledger.path.stat().st_size
    assert refused(cli("backup", "-o", str(ledger.path)), "正在使用的台账")
    assert refused(cli("backup", "-o", str(ledger.path) + "-wal"), "正在使用的台账")
    assert ledger.path.stat().st_size == before


def test_a_name_that_is_no_account_acts_as_a_clerk_once_accounts_exist(cli, ledger, staffed):
    assert refused(cli("settings", "set", "unit_name", "某局", operator="nobody"),
                   "修改单位设置", "录入员")
    assert refused(cli("settings", "set", "unit_name", "某局"), "修改单位设置")
    assert cli("settings", "set", "unit_name", "曲沃县生态环境局", operator="admin").code == 0


def test_a_ledger_without_accounts_keeps_working_as_before(cli, ledger):
    assert cli("settings", "set", "unit_name", "曲沃县生态环境局").code == 0
    assert settings.get(ledger, "unit_name") == "曲沃县生态环境局"
