"""`ecoledger-cli codes …` and `units …`, and categories, sources and regions given by any
of their names on the other commands."""
from __future__ import annotations

import json

from .conftest import refused

PROBLEM = ["--source", "督办函", "--description", "堆场未苫盖", "--on", "2026-08-01",
           "--deadline", "2026-08-31"]


def test_codes_list_in_the_bureaus_order(cli):
    run = cli("codes", "list", "category", "--json")
    entries = [json.loads(line) for line in run.lines]
    assert run.code == 0 and entries[2]["code"] == "dust" and entries[2]["label"] == "扬尘"
    assert set(entries[0]) == {"code", "label", "synonyms", "order", "active", "merged_into",
                               "problems"}
    table = cli("codes", "list", "source").out
    assert "群众举报（12369）" in table and "complaint" in table


def test_add_a_category_and_use_it_by_its_synonym(cli):
    add = cli("codes", "add", "category", "土壤污染", "--code", "soil", "--synonym", "土壤", "耕地")
    assert add.code == 0 and add.out.strip() == "soil"
    assert cli("problem", "add", "--category", "耕地", "--region", "临汾市曲沃县", *PROBLEM).code == 0
    listed = cli("problem", "list", "--category", "土壤污染", "--json")
    assert [json.loads(line)["category"] for line in listed.lines] == ["soil"]
    assert "土壤污染" in cli("problem", "list", "--category", "soil").out
    entry = [json.loads(line) for line in cli("codes", "list", "category", "--json").lines][-1]
    assert (entry["code"], entry["problems"], entry["synonyms"]) == ("soil", 1, ["土壤", "耕地"])


def test_rename_merge_and_retire(cli):
    cli("problem", "add", "--category", "固废", "--region", "141021", *PROBLEM)
    assert cli("codes", "rename", "category", "hazardous_waste", "危险废物及医疗废物").code == 0
    merged = cli("codes", "merge", "category", "solid_waste", "危险废物及医疗废物")
    assert merged.code == 0 and "1" in merged.out
    stats = json.loads(cli("stats", "--json", "--as-of", "2026-09-01").out)
    assert [(e["code"], e["name"], e["assigned"]) for e in stats["by_category"]] == \
        [("hazardous_waste", "危险废物及医疗废物", 1)]
    assert cli("codes", "retire", "source", "complaint").code == 0
    assert refused(cli("problem", "add", "--category", "扬尘", "--region", "141021",
                       *PROBLEM[2:], "--source", "complaint"), "已停用")


def test_a_clerk_is_refused_in_one_line(cli, staffed):
    assert refused(cli("codes", "add", "category", "辐射", operator="li"), "录入员", "负责人")
    assert refused(cli("units", "add", "高新区", "--kind", "zone", operator="li"), "负责人")
    assert cli("codes", "add", "category", "辐射", operator="wang").code == 0


def test_mistakes_are_one_line(cli):
    assert refused(cli("codes", "add", "category", "粉尘"), "粉尘", "扬尘")
    assert refused(cli("codes", "merge", "category", "dust", "dust"), "扬尘")
    assert refused(cli("codes", "rename", "source", "光污染", "x"), "光污染")
    assert refused(cli("problem", "list", "--category", "光污染"), "光污染", "扬尘")
    assert refused(cli("problem", "add", "--category", "扬尘", "--region", "朝阳区", *PROBLEM),
                   "北京市朝阳区（110105）", "长春市朝阳区（220104）")
    assert refused(cli("units", "add", "某镇", "--kind", "township"), "--parent")


def test_units_add_list_and_figures(cli):
    zone = cli("units", "add", "临汾经济开发区", "--kind", "zone")
    assert zone.code == 0 and zone.out.strip() == "141000Z01"
    assert cli("units", "add", "市直部门", "--kind", "department").out.strip() == "141000D01"
    assert cli("units", "add", "乡宁镇", "--kind", "township", "--parent", "乡宁").out.strip() \
        == "141029T001"
    listed = [json.loads(line) for line in cli("units", "list", "--json").lines]
    assert {(u["code"], u["kind"], u["parent_name"]) for u in listed} == {
        ("141000Z01", "zone", "临汾市"), ("141000D01", "department", "临汾市"),
        ("141029T001", "township", "乡宁县")}
    for region in ("临汾经济开发区", "临汾经济开发区", "市直部门", "尧都"):
        assert cli("problem", "add", "--category", "扬尘", "--region", region, *PROBLEM).code == 0
    stats = json.loads(cli("stats", "--json", "--as-of", "2026-09-01").out)
    rows = {r["code"]: (r["name"], r["assigned"]) for r in stats["by_region"]}
    assert rows["141000Z01"] == ("临汾经济开发区", 2) and rows["141000D01"] == ("市直部门", 1)
    assert rows["141002"] == ("尧都区", 1)
    assert [r["code"] for r in stats["by_region"]][-2:] == ["141000Z01", "141000D01"]
    assert cli("units", "move", "141000D01", "1").code == 0
    stats = json.loads(cli("stats", "--json", "--as-of", "2026-09-01").out)
    assert [r["code"] for r in stats["by_region"]][-2:] == ["141000D01", "141000Z01"]
    assert cli("units", "rename", "市直部门", "市直单位").code == 0
    assert cli("units", "retire", "141000D01").code == 0
    assert "已停用" in cli("units", "list").out
