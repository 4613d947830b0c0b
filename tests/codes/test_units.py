"""Units beyond GB/T 2260: zones, departments and townships as rows of their own, and the
one resolver that finds regions and units by what people write."""
from __future__ import annotations

import pytest

from core import enterprises, penalties, problems, regions, settings, statistics, units
from core.cli.ledger_commands import stats_object
from core.errors import LedgerError, ValidationError
from core.returns import figures, forms


def problem(**changes) -> dict:
    return {"source": "supervision_letter", "region_code": "141021", "category": "waste_gas",
            "description": "脱硫设施未运行", "assigned_on": "2026-08-01", "deadline": "2026-08-31",
            **changes}


def code_of(ledger, changes) -> str:
    return ledger.conn.execute("SELECT code FROM region_unit WHERE id = ?",
                               (changes.id,)).fetchone()[0]


@pytest.fixture
def zone(ledger) -> str:
    return code_of(ledger, units.add(ledger, "临汾经济开发区", "zone"))


def test_unit_codes_begin_with_their_parents(ledger, zone):
    assert zone == "141000Z01"
    assert code_of(ledger, units.add(ledger, "高新区", "zone")) == "141000Z02"
    assert code_of(ledger, units.add(ledger, "市直部门", "department")) == "141000D01"
    town = units.add(ledger, "乡宁镇", "township", parent="乡宁县")
    assert code_of(ledger, town) == "141029T001"
    given = units.add(ledger, "昌宁镇", "township", parent="141029", code="141029100")
    assert code_of(ledger, given) == "141029100"
    assert regions.get(ledger, "141029100").level == 4


def test_unit_rules_are_refused_with_reasons(ledger, zone):
    for call, code in (
            (lambda: units.add(ledger, "临汾经济开发区", "zone"), "error.unit_name_taken"),
            (lambda: units.add(ledger, "某镇", "township"), "error.unit_township_parent"),
            (lambda: units.add(ledger, "朝阳开发区", "zone", parent="110105"),
             "error.unit_parent_outside"),
            (lambda: units.add(ledger, "甲区", "zone", code="140000Z01"), "error.unit_code_format"),
            (lambda: units.add(ledger, "甲区", "park"), "error.unit_kind_unknown")):
        with pytest.raises(LedgerError) as caught:
            call()
        assert caught.value.code == code


def test_a_clerk_may_not_add_a_unit(ledger):
    ledger.role = "clerk"
    with pytest.raises(LedgerError) as caught:
        units.add(ledger, "高新区", "zone")
    assert caught.value.code == "error.role_refused"


@pytest.mark.parametrize("typed, code", [
    ("临汾市尧都区", "141002"), ("尧都区", "141002"), ("尧都", "141002"), ("141002", "141002"),
    ("山西省临汾市曲沃县", "141021"), ("临汾经济开发区", "141000Z01"), ("141000Z01", "141000Z01"),
    ("临汾市临汾经济开发区", "141000Z01"), ("北京市朝阳区", "110105"), ("侯马", "141081"),
])
def test_one_resolver_takes_every_written_form(ledger, zone, typed, code):
    assert regions.resolve(ledger, typed) == code


def test_a_shared_name_is_refused_with_the_candidates(ledger):
    with pytest.raises(LedgerError) as caught:
        regions.resolve(ledger, "朝阳区")
    assert caught.value.code == "error.region_ambiguous"
    assert "北京市朝阳区（110105）" in str(caught.value) and "长春市朝阳区（220104）" in str(caught.value)


def test_inside_the_jurisdiction_a_name_wins(ledger):
    settings.set_jurisdiction(ledger, "140100")  # 太原市 has a 小店区; nowhere else does
    assert regions.resolve(ledger, "小店") == "140105"


def test_problems_enterprises_and_penalties_belong_to_units(ledger, zone):
    pid = problems.add(ledger, problem(region_code="临汾经济开发区")).id
    eid = enterprises.add(ledger, {"name": "开发区某焦化厂", "region_code": zone}).id
    case = penalties.add(ledger, {"case_number": "临环罚〔2026〕9号", "enterprise_id": eid,
                                  "violation": "超标排放", "decided_on": "2026-08-10",
                                  "fine": "30000"}).id
    assert problems.get(ledger, pid)["region_code"] == zone
    assert ledger.conn.execute("SELECT region_code FROM penalty_case WHERE id = ?",
                               (case,)).fetchone()[0] == zone


def test_figures_show_a_zone_as_its_own_row_in_the_bureaus_order(ledger, zone):
    hi_tech = code_of(ledger, units.add(ledger, "高新区", "zone"))
    problems.add(ledger, problem(region_code=zone))
    problems.add(ledger, problem(region_code=zone))
    problems.add(ledger, problem(region_code="141021"))
    data = stats_object(statistics.breakdown(ledger, "2026-09-01"))
    rows = {r["code"]: r for r in data["by_region"]}
    assert rows[zone]["name"] == "临汾经济开发区" and rows[zone]["assigned"] == 2
    assert rows["141021"]["assigned"] == 1 and data["assigned"] == 3
    listed = [r["code"] for r in data["by_region"]]
    assert listed[-2:] == [zone, hi_tech]  # after the counties, in the bureau's order
    units.move(ledger, hi_tech, 1)
    data = stats_object(statistics.breakdown(ledger, "2026-09-01"))
    listed = [r["code"] for r in data["by_region"]]
    assert listed[-2:] == [hi_tech, zone]
    filtered = statistics.breakdown(ledger, "2026-09-01", statistics.Filter(region_code=zone))
    assert filtered.total.assigned == 2


def test_a_return_has_the_zone_row_and_adds_up(ledger, zone):
    problems.add(ledger, problem(region_code=zone))
    problems.add(ledger, problem(region_code="141002"))
    filled = figures.compute(ledger, forms.find(ledger, "campaign_progress").template, "2026-09-01")
    keys = [r.key for r in filled.rows]
    assert zone in keys
    column = "assigned"
    row = next(r for r in filled.rows if r.key == zone)
    assert row.name == "临汾经济开发区" and row.values[column] == 1
    assert sum(r.values[column] for r in filled.rows) == filled.total.values[column] == 2


def test_a_township_counts_on_its_countys_row_for_the_city(ledger):
    town = code_of(ledger, units.add(ledger, "乡宁镇", "township", parent="乡宁县"))
    problems.add(ledger, problem(region_code="乡宁镇"))
    rows = {p.key: p for p in statistics.breakdown(ledger, "2026-09-01").by["region"]}
    assert rows["141029"].assigned == 1 and town not in rows
    settings.set_jurisdiction(ledger, "141029")  # the county's own bureau sees the township
    rows = {p.key: p for p in statistics.breakdown(ledger, "2026-09-01").by["region"]}
    assert rows[town].assigned == 1 and rows["141029"].assigned == 0


def test_a_retired_unit_still_shows_where_rows_carry_it(ledger, zone):
    problems.add(ledger, problem(region_code=zone))
    units.retire(ledger, zone)
    rows = {p.key: p for p in statistics.breakdown(ledger, "2026-09-01").by["region"]}
    assert rows[zone].assigned == 1 and rows[zone].name == "临汾经济开发区"
    units.rename(ledger, zone, "临汾经济技术开发区")
    assert regions.get(ledger, zone).name == "临汾经济技术开发区"


def test_an_unknown_region_in_a_record_says_which_field(ledger):
    with pytest.raises(ValidationError) as caught:
        problems.add(ledger, problem(region_code="火星县"))
    assert "火星县" in str(caught.value) and "所属区县" in str(caught.value)


def test_the_importer_and_the_cli_agree(ledger, zone):
    from core.ledger_import.rows import RegionIndex

    index = RegionIndex(ledger)
    for typed in ("临汾市曲沃县", "曲沃县", "曲沃", "141021", "临汾经济开发区"):
        assert index.clean(typed)[0] == regions.resolve(ledger, typed)
    assert index.clean("北京市朝阳区")[1].code == "error.import_region_unknown"  # outside


def test_a_returns_source_column_follows_a_merge(ledger):
    problems.add(ledger, problem(source="inspection"))
    from core import codes

    codes.add(ledger, "source", "日常巡查", code="patrol")
    codes.merge(ledger, "source", "inspection", "patrol")
    filled = figures.compute(ledger, forms.find(ledger, "campaign_progress").template, "2026-09-01")
    assert filled.total.values["found"] == 1  # the column says source = "inspection"


def test_a_retired_unit_with_rows_stays_a_row_of_the_return_so_it_adds_up(ledger, zone):
    hi_tech = code_of(ledger, units.add(ledger, "高新区", "zone"))
    problems.add(ledger, problem(region_code=zone))
    problems.add(ledger, problem(region_code="141002"))
    units.retire(ledger, zone)
    units.retire(ledger, hi_tech)  # nothing carries it: no empty row
    filled = figures.compute(ledger, forms.find(ledger, "campaign_progress").template, "2026-09-01")
    keys = [r.key for r in filled.rows]
    assert zone in keys and hi_tech not in keys
    assert sum(r.values["assigned"] for r in filled.rows) == filled.total.values["assigned"] == 2
