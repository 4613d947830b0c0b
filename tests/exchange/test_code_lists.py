"""A change of the bureau's lists (categories, sources, units) travels in exchange files
like any change, and the rows that use it arrive with it."""
from __future__ import annotations

from core import codes, problems, regions, statistics, units

from .sites import contents, send, sound


def _problem(ledger, **changes) -> str:
    return problems.add(ledger, {
        "source": "supervision_letter", "region_code": "141021", "category": "dust",
        "description": "工地未苫盖", "assigned_on": "2026-01-05", "deadline": "2026-02-05",
        **changes}).id


def test_a_new_category_and_zone_reach_the_other_pc_with_their_problems(pcs, tmp_path):
    a, b, _ = pcs
    codes.add(a, "category", "土壤污染", code="soil", synonyms=["土壤"])
    units.add(a, "临汾经济开发区", "zone")
    pid = _problem(a, category="土壤", region_code="临汾经济开发区")
    send(a, b, tmp_path)
    assert codes.resolve(b, "category", "土壤") == "soil"
    assert regions.get(b, "141000Z01").name == "临汾经济开发区"
    row = problems.get(b, pid)
    assert (row["category"], row["region_code"]) == ("soil", "141000Z01")
    by_region = {p.key: p.assigned for p in statistics.breakdown(b, "2026-01-10").by["region"]}
    assert by_region["141000Z01"] == 1
    assert contents(a) == contents(b) and sound(b)


def test_rename_merge_and_order_of_the_shipped_entries_travel(pcs, tmp_path):
    a, b, _ = pcs
    first = _problem(a, category="solid_waste")
    send(a, b, tmp_path)
    codes.rename(a, "category", "dust", "扬尘污染")
    codes.merge(a, "category", "solid_waste", "hazardous_waste")
    codes.move(a, "source", "complaint", 1)
    units.add(a, "高新区", "zone")
    units.rename(a, "高新区", "临汾高新技术产业开发区")
    send(a, b, tmp_path)
    assert codes.labels(b, "category")["dust"] == "扬尘污染"
    assert problems.get(b, first)["category"] == "hazardous_waste"
    assert codes.get(b, "category", "solid_waste").merged_into == "hazardous_waste"
    assert [e.code for e in codes.entries(b, "source")][0] == "complaint"
    assert regions.get(b, "141000Z01").name == "临汾高新技术产业开发区"
    assert contents(a) == contents(b) and sound(b)
