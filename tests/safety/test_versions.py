"""Stale writes: a save typed over an old copy of a record is refused, saying what changed
and by whom; a save of other fields, or one naming no version, goes through."""
from __future__ import annotations

import json

import pytest

from core import campaigns, enterprises, penalties, problems, versions

FIRM = {"name": "曲沃县华泰焦化有限公司", "region_code": "141021", "address": "里村镇88号"}


def test_the_double_dialog_lost_update_is_refused(ledger):
    firm = enterprises.add(ledger, FIRM).id
    # Two editors of the same enterprise opened one after the other, before either saved.
    first = versions.version(ledger, "enterprise", firm)
    second = versions.version(ledger, "enterprise", firm)
    enterprises.update(ledger, firm, {**FIRM, "address": "里村镇99号"}, based_on=first)
    with pytest.raises(versions.StaleWrite) as refused:
        enterprises.update(ledger, firm, {**FIRM, "key_monitored": True}, based_on=second)
    assert enterprises.get(ledger, firm)["address"] == "里村镇99号"
    assert enterprises.get(ledger, firm)["key_monitored"] == 0
    message = str(refused.value)
    assert "地址：里村镇88号 → 里村镇99号" in message and "测试员" in message
    [change] = refused.value.changes
    assert (change.field, change.was, change.now) == ("address", "里村镇88号", "里村镇99号")
    # Re-applied on purpose, on the version the refusal reported: written.
    enterprises.update(ledger, firm, {**FIRM, "address": "里村镇99号", "key_monitored": True},
                       based_on=refused.value.version)
    assert enterprises.get(ledger, firm)["key_monitored"] == 1


def test_a_change_undone_since_is_no_conflict(ledger):
    firm = enterprises.add(ledger, FIRM).id
    base = versions.version(ledger, "enterprise", firm)
    enterprises.update(ledger, firm, {"address": "里村镇99号"})
    enterprises.update(ledger, firm, {"address": "里村镇88号"})
    enterprises.update(ledger, firm, {"permit_number": "91141021MA0K1234"}, based_on=base)
    assert enterprises.get(ledger, firm)["permit_number"] == "91141021MA0K1234"


def test_a_status_step_does_not_make_the_problem_form_stale(ledger):
    problem = problems.add(ledger, {
        "source": "supervision_letter", "region_code": "141021", "category": "dust",
        "description": "料场未苫盖", "assigned_on": "2026-11-02", "deadline": "2026-12-20"}).id
    opened = versions.version(ledger, "problem", problem)
    problems.transition(ledger, problem, "in_progress", on="2026-11-03")
    problems.update(ledger, problem, {"responsible_person": "张三"}, based_on=opened)
    assert problems.get(ledger, problem)["responsible_person"] == "张三"
    problems.update(ledger, problem, {"deadline": "2026-12-25"})
    with pytest.raises(versions.StaleWrite, match="整改时限"):
        problems.update(ledger, problem, {"responsible_person": "李四"}, based_on=opened)
    assert problems.get(ledger, problem)["responsible_person"] == "张三"


def test_every_record_form_refuses_a_stale_save(ledger):
    campaign = campaigns.add_campaign(ledger, {"name": "百日清零", "starts_on": "2026-09-01",
                                               "ends_on": "2026-12-10"}).id
    case = penalties.add(ledger, {"case_number": "临环罚〔2026〕12号", "violation": "扬尘",
                                  "decided_on": "2026-11-01", "region_code": "141021",
                                  "fine": "20000"}).id
    problem = problems.add(ledger, {
        "source": "supervision_letter", "region_code": "141021", "category": "dust",
        "description": "道路扬尘", "assigned_on": "2026-11-02", "deadline": "2026-12-20"}).id
    problems.add_measure(ledger, problem, {"description": "洒水", "progress": 10})
    measure = problems.measures(ledger, problem)[0]["id"]
    writes = [
        ("campaign", campaign, lambda v, x: campaigns.update_campaign(
            ledger, campaign, {"target_rate": x}, based_on=v), 80, 90),
        ("penalty_case", case, lambda v, x: penalties.update(
            ledger, case, {"fine": x}, based_on=v), "30000", "40000"),
        ("measure", measure, lambda v, x: problems.update_measure(
            ledger, measure, {"progress": x}, based_on=v), 50, 60),
    ]
    for table, row_id, write, mine, theirs in writes:
        base = versions.version(ledger, table, row_id)
        write(base, theirs)
        with pytest.raises(versions.StaleWrite):
            write(base, mine)


def test_cli_update_with_the_version_show_printed(cli, ledger):
    firm = enterprises.add(ledger, FIRM).id
    shown = json.loads(cli("enterprise", "show", firm, "--json").out)
    assert cli("enterprise", "update", firm, "--address", "里村镇99号").code == 0
    stale = cli("enterprise", "update", firm, "--address", "里村镇77号",
                "--version", str(shown["version"]))
    assert stale.code == 1 and "里村镇88号 → 里村镇99号" in stale.err
    assert len(stale.err.strip().splitlines()) == 1
    assert enterprises.get(ledger, firm)["address"] == "里村镇99号"
    fresh = json.loads(cli("enterprise", "show", firm, "--json").out)["version"]
    assert cli("enterprise", "update", firm, "--address", "里村镇77号",
               "--version", str(fresh)).code == 0
    assert enterprises.get(ledger, firm)["address"] == "里村镇77号"
