"""The penalty form's rules and the names' order, as core checks them for every front end."""
from __future__ import annotations

import pytest

from core import collation, enterprises, penalties, problems, queries, regions
from core.errors import ValidationError

VALID_CODE = "91141021MA0GRB6X15"


def case(**changes) -> dict:
    return {"case_number": "临环罚〔2024〕12号", "region_code": "141021",
            "violation": "超标排放废水", "decided_on": "2024-03-01", "fine": "100000", **changes}


def messages_of(caught) -> dict[str, str]:
    return {issue.field: issue.message for issue in caught.value.issues if not issue.warning}


# -- 按日连续处罚 needs its amount

def test_daily_penalty_ticked_without_an_amount_is_refused_naming_the_field(ledger):
    with pytest.raises(ValidationError) as caught:
        penalties.add(ledger, case(daily_fine=True, daily_fine_amount=""))
    assert messages_of(caught) == {
        "daily_fine_amount": "已勾选“按日连续处罚”，请填写按日连续处罚金额（元）"}
    assert ledger.conn.execute("SELECT count(*) FROM penalty_case").fetchone()[0] == 0


def test_daily_penalty_with_its_amount_saves_and_zero_counts_as_none(ledger):
    saved = penalties.get(ledger, penalties.add(ledger, case(
        daily_fine=True, daily_fine_amount="300000")).id)
    assert (saved["daily_fine"], saved["daily_fine_fen"]) == (1, 30_000_000)
    with pytest.raises(ValidationError) as caught:
        penalties.update(ledger, saved["id"], {"daily_fine_amount": "0"})
    assert "daily_fine_amount" in messages_of(caught)


# -- the year of a 文号 in 〔〕

@pytest.mark.parametrize("typed", ["临环罚[2024]12号", "临环罚【2024】12号", "临环罚(2024)12号",
                                   "临环罚（2024）12号", "临环罚［2024］12号", "临环罚[ 2024 ]12号"])
def test_case_number_year_brackets_are_stored_as_liu_jiao(ledger, typed):
    row_id = penalties.add(ledger, case(case_number=typed)).id
    assert penalties.get(ledger, row_id)["case_number"] == "临环罚〔2024〕12号"


def test_a_case_number_in_other_brackets_is_the_same_number(ledger):
    penalties.add(ledger, case())
    with pytest.raises(ValidationError) as caught:
        penalties.add(ledger, case(case_number="临环罚[2024]12号"))
    assert messages_of(caught) == {"case_number": "案件文号 临环罚〔2024〕12号 已存在"}


def test_a_problem_number_gets_the_same_brackets(ledger):
    row_id = problems.add(ledger, {
        "number": "临环督[2024]3号", "source": "supervision_letter", "region_code": "141021",
        "category": "waste_gas", "description": "脱硫设施未运行", "assigned_on": "2024-08-01",
        "deadline": "2024-08-31"}).id
    assert problems.get(ledger, row_id)["number"] == "临环督〔2024〕3号"


# -- a credit code's message says what is wrong

def credit_message(ledger, code: str) -> str:
    with pytest.raises(ValidationError) as caught:
        enterprises.add(ledger, {"name": "甲", "credit_code": code, "region_code": "141021"})
    return messages_of(caught)["credit_code"]


def test_a_credit_code_of_the_wrong_length_says_how_long_it_is(ledger):
    assert credit_message(ledger, VALID_CODE[:-1]) == "应为 18 位，现为 17 位"


def test_a_letter_credit_codes_never_use_is_named_with_its_place(ledger):
    assert credit_message(ledger, "91141021MA0GRB6O15") == (
        "第 16 位是“O”：统一社会信用代码不使用字母 I、O、S、V、Z")


def test_a_character_that_is_no_letter_is_named(ledger):
    assert credit_message(ledger, "91141021MA0GRB6#15") == "第 16 位是“#”：只能是数字或大写字母"


def test_the_division_code_must_be_digits(ledger):
    assert credit_message(ledger, "9114A021MA0GRB6X15") == (
        "第 5 位是“A”：第 3 至 8 位是行政区划代码，应为数字")


def test_a_bad_check_character_warns_with_the_right_one(ledger):
    changes = enterprises.add(ledger, {"name": "乙", "credit_code": VALID_CODE[:-1] + "0",
                                       "region_code": "141021"})
    assert [w.message for w in changes.warnings] == [
        "校验位不符：第 18 位应为 5，请核对（部分早期代码确实如此，仍可保存）"]


# -- names in pinyin order

def test_names_sort_by_pinyin_not_code_point():
    names = ["翼城县", "尧都区", "安泽县", "洪洞县", "长治市", "Abc 商贸"]
    assert collation.by_name(names) == ["Abc 商贸", "安泽县", "长治市", "洪洞县", "尧都区",
                                        "翼城县"]
    assert sorted(names)[-1] == "长治市"  # code points put 长 (U+957F) after every other


def test_enterprise_completions_and_counties_come_in_pinyin_order(ledger):
    for name in ("翼城县宏达焦化", "安泽县金源煤业", "尧都区华润热电"):
        enterprises.add(ledger, {"name": name, "region_code": "141021"})
    assert [n for _, n, _ in queries.enterprise_names(ledger, "", limit=10)] == [
        "安泽县金源煤业", "尧都区华润热电", "翼城县宏达焦化"]
    counties = [r.name for r in regions.record_regions_by_name(ledger, "141000")
                if r.parent_code == "141000"]
    assert counties[:3] == ["安泽县", "大宁县", "汾西县"]
    assert counties.index("尧都区") < counties.index("翼城县")


def test_the_shipped_region_readings_are_what_pypinyin_reads(monkeypatch):
    """The county lists use resources/regions/readings.tsv to start fast; it must not drift
    from the readings every other name gets (run `python -m core.collation` if it does)."""
    shipped = collation._shipped()
    names = {r.name for r in regions.shipped_regions()}
    assert set(shipped) == names
    live = collation._live()
    assert {n: live(n) for n in names} == shipped


def test_county_lists_sort_without_loading_pypinyin():
    import subprocess
    import sys

    script = ("import sys; from core import collation, regions; "
              "names = [r.name for r in regions.shipped_regions()][:400]; "
              "collation.by_name(names); print('pypinyin' in sys.modules)")
    found = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                           check=True)
    assert found.stdout.strip() == "False"


def test_the_enterprise_list_pages_by_pinyin_both_ways(ledger):
    names = ["翼城县宏达焦化", "安泽县金源煤业", "尧都区华润热电", "洪洞县三晋钢铁", "Abc 商贸"]
    for name in names:
        enterprises.add(ledger, {"name": name, "region_code": "141021"})
    up = queries.Query(sort="name", descending=False)
    first = queries.page_at(ledger, queries.ENTERPRISES, up, 0, 2, 5)
    rest = queries.page_after(ledger, queries.ENTERPRISES, up, first.last, 10, 5)
    assert [r[1] for r in first.rows + rest.rows] == collation.by_name(names)
    down = queries.Query(sort="name", descending=True)
    assert [r[1] for r in queries.page_at(ledger, queries.ENTERPRISES, down, 0, 5, 5).rows] \
        == collation.by_name(names)[::-1]
