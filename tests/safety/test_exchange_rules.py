"""Exchange under the rules: a county ledger takes only its own rows from a city's file
(the others counted and listed by county), a new partner is confirmed first, closings
need someone who may close, and a manager removes what a partner's files brought in."""
from __future__ import annotations

import shutil

import pytest

from core import exchange, problems, returns, settings
from core.errors import LedgerError
from core.exchange import arrivals
from core.ledger import Ledger

from tests.exchange.sites import open_site

QUWO = "141021"


@pytest.fixture
def county(tmp_path):
    """曲沃县局's empty ledger on another PC."""
    made = Ledger.open(tmp_path / "quwo" / "ledger.db", operator="li")
    settings.set_jurisdiction(made, QUWO)
    exchange.set_site_name(made, "曲沃县局")
    yield made
    made.close()


@pytest.fixture
def city_file(demo_ledger, tmp_path):
    """The Linfen city demo ledger's whole exchange file (2,507 problems of 17 counties)."""
    exchange.set_site_name(demo_ledger, "临汾市局")
    path = tmp_path / "city.ecox"
    exchange.export(demo_ledger, path)
    return path


def _count(ledger, sql, *params):
    return ledger.conn.execute(sql, params).fetchone()[0]


def test_a_city_file_into_a_county_ledger_brings_only_the_countys_rows(
        demo_ledger, county, city_file):
    own = _count(demo_ledger, "SELECT count(*) FROM problem WHERE region_code = ?", QUWO)
    others = {r[0] for r in demo_ledger.conn.execute(
        "SELECT DISTINCT region_code FROM problem WHERE region_code != ?", (QUWO,))}
    assert own and len(others) >= 10
    summary = exchange.import_file(county, city_file, confirm=True)
    assert _count(county, "SELECT count(*) FROM problem") == own
    assert _count(county, "SELECT count(*) FROM problem WHERE region_code != ?", QUWO) == 0
    assert _count(county, "SELECT count(*) FROM enterprise WHERE region_code != ?", QUWO) == 0
    assert _count(county, "SELECT count(*) FROM problem_log l LEFT JOIN problem p "
                          "ON p.id = l.problem_id WHERE p.id IS NULL") == 0
    assert summary.outside > 0 and set(summary.outside_regions) >= others
    assert QUWO not in summary.outside_regions and "?" not in summary.outside_regions
    total = _count(demo_ledger, "SELECT count(*) FROM problem")
    assert sum(summary.outside_problems.values()) == total - own
    assert set(summary.outside_problems) == others
    text = summary.text(county)
    assert f"超出本台账辖区拒绝 {summary.outside} 条更改，其中问题 {total - own} 个，" \
        f"分属 {len(others)} 个区县" in text and "尧都区" in text
    assert exchange.conflicts(county) == []
    # ... and the county's return adds up again.
    made = returns.build(county, "campaign_progress")
    assert made.findings == []


def test_the_first_file_of_a_partner_waits_for_its_jurisdiction_to_be_confirmed(
        county, city_file):
    before = _count(county, "SELECT count(*) FROM audit_log")
    with pytest.raises(arrivals.PartnerUnconfirmed) as refused:
        exchange.import_file(county, city_file)
    assert "临汾市局" in str(refused.value) and "141000" in str(refused.value)
    assert refused.value.arrival.jurisdiction == "141000"
    assert _count(county, "SELECT count(*) FROM audit_log") == before
    assert exchange.partners(county) == []
    county.role = "clerk"                      # a clerk may not confirm a partner
    with pytest.raises(LedgerError, match="确认新的交换单位"):
        exchange.import_file(county, city_file, confirm=True)
    county.role = "manager"
    exchange.import_file(county, city_file, confirm=True)
    assert arrivals.is_confirmed(county, exchange.partners(county)[0].site_id)


def test_a_clerk_cannot_take_closings_by_exchange(blank_file, tmp_path):
    a, b = open_site(blank_file, tmp_path, "甲"), open_site(blank_file, tmp_path, "乙")
    problem = problems.add(a, {"source": "complaint", "region_code": QUWO, "category": "dust",
                               "description": "工地未苫盖", "assigned_on": "2026-01-05",
                               "deadline": "2026-03-01"}).id
    first = tmp_path / "1.ecox"
    exchange.export(a, first, to=exchange.site(b).id)
    exchange.import_file(b, first, confirm=True)
    for status, day in (("in_progress", "2026-01-06"), ("reported_done", "2026-01-07"),
                        ("closed", "2026-01-08")):
        problems.transition(a, problem, status, on=day)
    second = tmp_path / "2.ecox"
    exchange.export(a, second, to=exchange.site(b).id)
    b.role = "clerk"
    with pytest.raises(LedgerError, match="已销号 2 条") as refused:
        exchange.import_file(b, second)
    assert "科室负责人" in str(refused.value)
    assert problems.get(b, problem)["status"] == "assigned"
    b.role = "manager"
    exchange.import_file(b, second)
    assert problems.get(b, problem)["status"] == "closed"
    a.close()
    b.close()


def test_a_manager_removes_what_a_partners_files_brought_in(blank_file, tmp_path):
    a, b = open_site(blank_file, tmp_path, "甲"), open_site(blank_file, tmp_path, "乙")
    theirs = problems.add(a, {"source": "complaint", "region_code": QUWO, "category": "dust",
                              "description": "对方录入的问题", "assigned_on": "2026-01-05",
                              "deadline": "2026-03-01"}).id
    problems.add_measure(a, theirs, {"description": "苫盖"})
    mine = problems.add(b, {"source": "complaint", "region_code": QUWO, "category": "dust",
                            "description": "本机的问题", "assigned_on": "2026-01-05",
                            "deadline": "2026-03-01"}).id
    path = tmp_path / "1.ecox"
    exchange.export(a, path, to=exchange.site(b).id)
    exchange.import_file(b, path, confirm=True)
    partner = exchange.site(a).id
    b.role = "clerk"
    with pytest.raises(LedgerError, match="删除交换单位导入的记录"):
        arrivals.remove_partner_rows(b, partner)
    b.role = "manager"
    removal = arrivals.remove_partner_rows(b, partner)
    assert removal.removed == {"measure": 1, "problem_log": 1, "problem": 1}
    assert [r[0] for r in b.conn.execute("SELECT id FROM problem")] == [mine]
    assert "甲" in removal.text()
    a.close()
    b.close()


def test_cli_import_needs_the_jurisdiction_confirmed_by_code(county, city_file, tmp_path,
                                                            capsys):
    from core.cli import main

    path = county.path
    county.close()
    shutil.copyfile(city_file, tmp_path / "again.ecox")
    assert main(["--db", str(path), "exchange", "import", str(city_file)]) == 1
    assert "--confirm-partner 141000" in capsys.readouterr().err
    assert main(["--db", str(path), "exchange", "import", str(city_file),
                 "--confirm-partner", "141021"]) == 1
    assert "不符" in capsys.readouterr().err
    assert main(["--db", str(path), "exchange", "import", str(city_file),
                 "--confirm-partner", "141000"]) == 0
    assert "超出本台账辖区拒绝" in capsys.readouterr().out


def test_a_firm_of_the_next_county_named_by_an_own_problem_comes_along(blank_file, tmp_path):
    from core import enterprises

    city = open_site(blank_file, tmp_path, "临汾市局")
    county = open_site(blank_file, tmp_path, "曲沃县局", QUWO)
    firm = enterprises.add(city, {"name": "翼城县某铸造厂", "region_code": "141022"}).id
    elsewhere = enterprises.add(city, {"name": "尧都区某焦化厂", "region_code": "141002"}).id
    problems.add(city, {"source": "complaint", "region_code": QUWO, "enterprise_id": firm,
                        "category": "dust", "description": "在曲沃县的堆场扬尘",
                        "assigned_on": "2026-11-02", "deadline": "2026-12-20"})
    problems.add(city, {"source": "complaint", "enterprise_id": elsewhere,
                        "category": "dust", "description": "尧都区的问题",
                        "assigned_on": "2026-11-02", "deadline": "2026-12-20"})
    path = tmp_path / "c.ecox"
    exchange.export(city, path)
    summary = exchange.import_file(county, path, confirm=True)
    assert [r[0] for r in county.conn.execute("SELECT name FROM enterprise")] == ["翼城县某铸造厂"]
    assert _count(county, "SELECT count(*) FROM problem") == 1
    assert summary.outside_problems == {"141002": 1}
    assert "141022" not in summary.outside_regions
    city.close()
    county.close()
