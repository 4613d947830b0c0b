"""Enterprises, campaigns, batches and inspections from the command line."""
from __future__ import annotations

import json

import pytest

from core import enterprises, inspections

from .conftest import refused

CODE = "91141021MA0K3U7B2C"  # a valid unified social credit code (check digit right)


def test_enterprise_add_takes_a_county_name_and_prints_the_id(cli, ledger):
    run = cli("enterprise", "add", "--name", "曲沃县汾河焦化有限公司", "--region", "曲沃县",
              "--credit-code", CODE.lower(), "--industry", "2520", "--key-monitored",
              "--address", "曲沃县史村镇")
    assert run.code == 0 and run.err == ""
    row = enterprises.get(ledger, run.out.strip())
    assert (row["name"], row["region_code"], row["credit_code"], row["industry_code"],
            row["key_monitored"]) == ("曲沃县汾河焦化有限公司", "141021", CODE, "2520", 1)


def test_enterprise_with_a_bad_check_digit_is_saved_with_a_warning(cli, ledger):
    run = cli("enterprise", "add", "--name", "某钢铁厂", "--region", "141021",
              "--credit-code", "91141021MA0K3U7B2Y")
    assert run.code == 0 and "校验位不符" in run.err
    assert enterprises.get(ledger, run.out.strip())["credit_code"] == "91141021MA0K3U7B2Y"


@pytest.mark.parametrize("args,words", [
    (["--region", "火星县"], ["所属区县", "火星县"]),
    (["--region", "141021", "--credit-code", "123"], ["统一社会信用代码", "应为 18 位，现为 3 位"]),
    (["--region", "141021", "--longitude", "200"], ["经度", "数值应在"]),
    ([], ["所属区县", "必填"]),
])
def test_enterprise_add_refused_writes_nothing(cli, snapshot, args, words):
    before = snapshot()
    assert refused(cli("enterprise", "add", "--name", "某厂", *args), *words)
    assert snapshot() == before


def test_enterprise_update_list_show(cli, ledger):
    row_id = cli("enterprise", "add", "--name", "翼城县福源发电有限公司", "--region", "翼城",
                 "--credit-code", CODE, "--permit", "P-1").out.strip()
    cli("enterprise", "add", "--name", "尧都区利民水泥厂", "--region", "尧都区")
    assert cli("enterprise", "update", CODE, "--address", "翼城县南梁镇", "--permit", "",
               "--key-monitored").code == 0
    row = enterprises.get(ledger, row_id)
    assert (row["address"], row["permit_number"], row["key_monitored"]) == ("翼城县南梁镇", None, 1)
    assert cli("enterprise", "update", row_id, "--no-key-monitored").code == 0
    assert enterprises.get(ledger, row_id)["key_monitored"] == 0

    listed = cli("enterprise", "list")
    assert "翼城县福源发电有限公司" in listed.out and "尧都区利民水泥厂" in listed.out
    assert "共 2 条，显示 2 条" in listed.out
    found = [json.loads(line) for line in cli("enterprise", "list", "--search", "福源",
                                             "--json").lines]
    assert [(f["id"], f["region"]) for f in found] == [(row_id, "翼城县")]
    assert cli("enterprise", "list", "--region", "尧都区", "--count").out == "1\n"

    shown = cli("enterprise", "show", "翼城县福源发电有限公司")
    assert "山西省临汾市翼城县" in shown.out and "南梁镇" in shown.out
    data = json.loads(cli("enterprise", "show", CODE, "--json").out)
    assert data["id"] == row_id and data["problem_count"] == 0


def test_an_enterprise_named_twice_is_not_guessed(cli, snapshot):
    for _ in range(2):
        cli("enterprise", "add", "--name", "同名化工厂", "--region", "141021")
    before = snapshot()
    assert refused(cli("enterprise", "update", "同名化工厂", "--address", "x"),
                   "同名化工厂", "2 条企业", "ID")
    assert refused(cli("enterprise", "show", "不存在的厂"), "找不到企业")
    assert snapshot() == before


def test_campaigns_and_batches(cli, ledger):
    campaign = cli("campaign", "add", "--name", "百日清零专项行动", "--starts-on", "2024-8-1",
                   "--ends-on", "2024年11月10日", "--target-rate", "90").out.strip()
    batch = cli("batch", "add", "--campaign", "百日清零专项行动", "--number", "1",
                "--name", "第1批督办问题", "--on", "2024.8.2",
                "--letter-number", "晋环督函〔2024〕11号").out.strip()
    row = ledger.conn.execute("SELECT campaign_id, issued_on FROM batch WHERE id = ?",
                              (batch,)).fetchone()
    assert tuple(row) == (campaign, "2024-08-02")
    assert cli("campaign", "update", campaign, "--target-rate", "95").code == 0
    assert tuple(ledger.conn.execute("SELECT target_rate, ends_on FROM campaign").fetchone()) \
        == (95.0, "2024-11-10")
    listed = json.loads(cli("campaign", "list", "--json").out)
    assert (listed["name"], listed["batches"]) == ("百日清零专项行动", 1)
    batches = cli("batch", "list", "--campaign", campaign)
    assert "晋环督函〔2024〕11号" in batches.out and batch in batches.out


def test_campaign_and_batch_mistakes_are_refused(cli, snapshot):
    before = snapshot()
    assert refused(cli("campaign", "add", "--name", "秋冬攻坚", "--starts-on", "2024-10-1",
                       "--ends-on", "2024-9-1"), "结束日期", "早于开始日期")
    assert refused(cli("batch", "add", "--campaign", "没有这个行动", "--number", "1",
                       "--name", "第1批", "--on", "2024-8-2"), "找不到专项行动")
    assert refused(cli("batch", "add", "--number", "x", "--name", "第1批", "--on", "2024-8-2"),
                   "编号", "不是有效数字")
    assert snapshot() == before


@pytest.fixture
def works(cli):
    """An enterprise in 曲沃县 (its id)."""
    return cli("enterprise", "add", "--name", "曲沃县汾河焦化有限公司", "--region", "曲沃县",
               "--credit-code", CODE).out.strip()


def test_inspection_with_officers_and_the_problems_found(cli, ledger, works):
    run = cli("inspection", "add", "--enterprise", CODE, "--on", "2024年8月5日",
              "--kind", "双随机抽查", "--result", "发现问题", "--officer", "张三",
              "--officer", "李四", "--notes", "现场检查",
              "--problem", "category=扬尘", "description=料场未苫盖", "deadline=2024-9-1",
              "number=临环督〔2024〕1号",
              "--problem", "category=waste_water", "description=雨污未分流",
              "deadline=2024/9/30", "responsible-unit=曲沃县生态环境分局")
    assert run.code == 0, run.err
    inspection_id, *problem_ids = run.lines
    inspection = inspections.get(ledger, inspection_id)
    assert (inspection["inspected_on"], inspection["kind"], inspection["result"],
            inspection["officers"]) == ("2024-08-05", "random", "problems_found", ["张三", "李四"])
    found = [dict(r) for r in ledger.conn.execute(
        "SELECT id, source, enterprise_id, region_code, assigned_on, category, deadline, "
        "responsible_unit, status FROM problem WHERE inspection_id = ? ORDER BY deadline",
        (inspection_id,))]
    assert [p["id"] for p in found] == problem_ids
    assert {(p["source"], p["enterprise_id"], p["region_code"], p["assigned_on"], p["status"])
            for p in found} == {("inspection", works, "141021", "2024-08-05", "assigned")}
    assert [(p["category"], p["deadline"]) for p in found] == [
        ("dust", "2024-09-01"), ("waste_water", "2024-09-30")]

    listed = cli("inspection", "list", "--search", "汾河")
    assert "张三、李四" in listed.out and "双随机抽查" in listed.out
    shown = cli("inspection", "show", inspection_id)
    assert "料场未苫盖" in shown.out and "临环督〔2024〕1号" in shown.out
    data = json.loads(cli("inspection", "show", inspection_id, "--json").out)
    assert data["officers"] == ["张三", "李四"] and len(data["problems"]) == 2


@pytest.mark.parametrize("args,words", [
    (["--officer", "张三"], ["执法人员", "至少需要 2 名"]),
    (["--officer", "张三", "--officer", "李四", "--on", "2024-2-30"], ["检查日期", "2024-2-30"]),
    (["--officer", "张三", "--officer", "李四", "--problem", "category=扬尘"],
     ["第1个问题的问题描述", "必填"]),
    (["--officer", "张三", "--officer", "李四", "--problem", "description"], ["字段=值"]),
    (["--officer", "张三", "--officer", "李四", "--problem", "colour=red"], ["colour"]),
    (["--officer", "张三", "--officer", "李四", "--kind", "夜查"], ["检查类型", "夜查"]),
])
def test_inspection_mistakes_write_nothing(cli, snapshot, works, args, words):
    before = snapshot()
    base = ["inspection", "add", "--enterprise", works, "--on", "2024-8-5", "--kind", "routine",
            "--result", "problems_found"]
    assert refused(cli(*base, *args), *words)
    assert snapshot() == before


def test_inspection_of_an_unknown_enterprise(cli, snapshot):
    before = snapshot()
    assert refused(cli("inspection", "add", "--enterprise", "无此企业", "--on", "2024-8-5",
                       "--kind", "routine", "--result", "no_problem", "--officer", "张三",
                       "--officer", "李四"), "找不到企业", "无此企业")
    assert refused(cli("inspection", "show", "0000"), "找不到检查")
    assert snapshot() == before
