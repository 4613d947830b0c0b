"""Free-text search over the ledger: trigram index for 3+ characters, LIKE below."""
from __future__ import annotations

from core import enterprises, penalties, problems, queries, search
from core.queries import PENALTIES, PROBLEMS, ENTERPRISES, Query


def _ids(ledger, view, text):
    total = queries.count(ledger, view, Query(text=text))
    return total, {row[0] for row in queries.page(ledger, view, Query(text=text), 0, 10_000)}


def _enterprise(ledger, name, code=None):
    return enterprises.add(ledger, {"name": name, "region_code": "141021",
                                    "credit_code": code}).id


def _problem(ledger, enterprise_id, description, number=None):
    return problems.add(ledger, {
        "source": "inspection", "enterprise_id": enterprise_id, "category": "dust",
        "description": description, "assigned_on": "2024-03-01", "deadline": "2024-04-01",
        "number": number}).id


def test_chinese_substrings_of_three_or_more_use_the_trigram_index(ledger):
    firm = _enterprise(ledger, "曲沃县宏达焦化有限公司")
    dust = _problem(ledger, firm, "物料堆场未全封闭，道路扬尘明显")
    water = _problem(ledger, firm, "生产废水未经处理直排")
    assert _ids(ledger, PROBLEMS, "未全封闭") == (1, {dust})
    assert _ids(ledger, PROBLEMS, "废水未经") == (1, {water})
    # the enterprise's name finds its problems too
    assert _ids(ledger, PROBLEMS, "宏达焦化")[1] == {dust, water}
    plan = ledger.conn.execute("EXPLAIN QUERY PLAN SELECT id FROM problem_fts "
                               "WHERE problem_fts MATCH '\"未全封闭\"'").fetchall()
    assert any("VIRTUAL TABLE INDEX" in row[3] for row in plan)


def test_one_and_two_character_queries_fall_back_to_like(ledger):
    firm = _enterprise(ledger, "晋丰煤业")
    coal = _problem(ledger, firm, "散煤露天堆放")
    other = _problem(ledger, _enterprise(ledger, "同盛玻璃"), "噪声扰民")
    assert _ids(ledger, PROBLEMS, "散煤")[1] == {coal}
    assert _ids(ledger, PROBLEMS, "噪")[1] == {other}
    assert _ids(ledger, PROBLEMS, "晋丰")[1] == {coal}  # short enterprise name
    assert _ids(ledger, PROBLEMS, "%")[0] == 0  # LIKE wildcards are literal


def test_every_term_must_match(ledger):
    firm = _enterprise(ledger, "华鑫钢铁")
    both = _problem(ledger, firm, "烟气超标排放，在线监测数据失真")
    _problem(ledger, firm, "烟气超标排放")
    assert _ids(ledger, PROBLEMS, "超标排放 监测数据")[1] == {both}


def test_edits_and_case_numbers_stay_in_sync(ledger):
    firm = _enterprise(ledger, "利民化工", "91140000MA0K0A0A0A")
    found = _problem(ledger, firm, "危险废物未按规定贮存", number="QW-000123")
    assert _ids(ledger, PROBLEMS, "000123")[1] == {found}
    problems.update(ledger, found, {"description": "雨污未分流"})
    assert _ids(ledger, PROBLEMS, "危险废物")[0] == 0
    assert _ids(ledger, PROBLEMS, "雨污未分流")[1] == {found}
    case = penalties.add(ledger, {"case_number": "临环罚〔2024〕17号", "enterprise_id": firm,
                                  "violation": "无证排污", "decided_on": "2024-03-05",
                                  "fine": "100000"}).id
    assert _ids(ledger, PENALTIES, "〔2024〕17")[1] == {case}
    assert _ids(ledger, ENTERPRISES, "MA0K0A")[0] == 1


def test_rebuild_restores_the_index(demo_ledger):
    before = _ids(demo_ledger, PROBLEMS, "脱硫脱硝")[0]
    assert before > 0
    demo_ledger.conn.execute("DELETE FROM problem_fts")
    assert _ids(demo_ledger, PROBLEMS, "脱硫脱硝")[0] == 0
    search.rebuild(demo_ledger)
    assert _ids(demo_ledger, PROBLEMS, "脱硫脱硝")[0] == before


def test_inspections_are_found_by_their_enterprise(demo_ledger):
    from core.queries import INSPECTIONS
    name = demo_ledger.conn.execute(
        "SELECT e.name FROM inspection i JOIN enterprise e ON e.id = i.enterprise_id "
        "LIMIT 1").fetchone()[0]
    total, ids = _ids(demo_ledger, INSPECTIONS, name)
    expected = demo_ledger.conn.execute(
        "SELECT count(*) FROM inspection i JOIN enterprise e ON e.id = i.enterprise_id "
        "WHERE e.name LIKE ?", (f"%{name}%",)).fetchone()[0]
    assert total == len(ids) == expected > 0
    assert _ids(demo_ledger, INSPECTIONS, name[:2])[0] >= expected  # LIKE path too
