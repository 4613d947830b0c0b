"""Cleaning cells as clerks typed them."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from core import ledger_import
from core.ledger_import import cleaning
from core.ledger_import.rows import RegionIndex


@pytest.mark.parametrize("typed", [
    dt.datetime(2019, 7, 5), dt.date(2019, 7, 5), "2019-07-05", "2019/7/5", "2019.7.5",
    "2019年7月5日", "20190705", 20190705.0, 43651.0, "２０１９年７月５日", " 2019-07-05 ",
    "2019-07-05 00:00:00", "2019年7月5日前", "２０１９／７／５",
])
def test_every_date_form(typed):
    assert cleaning.clean_date(typed) == ("2019-07-05", None)


@pytest.mark.parametrize("typed", ["2019-02-30", "明天", "2019-13-01", 12.5])
def test_bad_dates_say_why(typed):
    value, finding = cleaning.clean_date(typed)
    assert value is None and finding.code == "error.date_invalid"


def test_future_and_out_of_range_dates():
    assert cleaning.clean_date("1899-01-01")[1].code == "error.date_out_of_range"
    later = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    assert cleaning.clean_date(later, not_future=True)[1].code == "error.date_in_future"
    assert cleaning.clean_date(later) == (later, None)


def test_full_width_and_stray_spaces():
    assert cleaning.text("　ＡＢＣ１２３  厂区\u3000道路  ") == "ABC123 厂区 道路"
    assert cleaning.text("第一行 \n\n  第二行\u200b") == "第一行\n第二行"
    assert cleaning.text(12.0) == "12"
    assert cleaning.text("   ") is None
    # Chinese punctuation stays as it is: only digits and letters are made half-width.
    assert cleaning.text("扬尘（道路），未苫盖") == "扬尘（道路），未苫盖"


@pytest.mark.parametrize("typed", ["晋环督〔2019〕12号", "晋环督【2019】12号", "晋环督[2019]12号",
                                   "晋环督（2019）12号", "晋环督(2019)12号", "晋环督［２０１９］１２号",
                                   " 晋环督 〔 2019 〕 12号 "])
def test_case_number_brackets_become_one_form(typed):
    assert cleaning.code_text(typed) == "晋环督〔2019〕12号"


def test_credit_codes_full_width_and_check_digit():
    good = "91141021MA0GRL3W2K"
    value, finding = cleaning.clean_credit_code("９１１４１０２１ｍａ０ＧＲＬ３Ｗ２Ｋ")
    assert finding is None or finding.warning
    assert value == good.upper()
    body = "91141021MA0GRL3W2"
    from stdnum.cn import uscc
    valid = body + uscc.calc_check_digit(body)
    wrong = body + ("0" if valid[-1] != "0" else "1")
    assert cleaning.clean_credit_code(valid) == (valid, None)
    assert cleaning.clean_credit_code(wrong)[1].warning is True
    assert cleaning.clean_credit_code("12345")[1].code == "error.credit_code_length"


def test_codes_of_the_right_shape_are_checked_by_their_check_character():
    import random

    from stdnum.cn import uscc

    from core import validation
    rng = random.Random(3)
    alphabet = validation.CREDIT_CODE_ALPHABET
    for _ in range(3000):
        body = "".join(rng.choice(alphabet) for _ in range(2)) + \
            f"{rng.randrange(10**6):06d}" + "".join(rng.choice(alphabet) for _ in range(9))
        right = body + uscc.calc_check_digit(body)
        assert validation.credit_code_finding(right) is None
        wrong = body + ("0" if right[-1] != "0" else "1")
        assert validation.credit_code_finding(wrong)[0] == "warning.credit_code_checksum"
    found = validation.credit_code_finding
    assert found("91141021MA0GRL3W2O")[1] == {"value": "91141021MA0GRL3W2O", "position": 18,
                                              "char": "O"}
    assert found("9114102AMA0GRL3W2K")[0] == "error.credit_code_region"
    assert found("91141021MA0GRL3W2-")[0] == "error.credit_code_character"


@pytest.mark.parametrize("typed, code", [
    ("曲沃县", "141021"), ("曲沃", "141021"), ("临汾市曲沃县", "141021"), ("141021", "141021"),
    ("侯马市", "141081"), ("侯马", "141081"), ("尧都区", "141002"), ("尧都", "141002"),
    ("　曲 沃 县 ", "141021"), ("１４１０２１", "141021"),
])
def test_county_names_with_or_without_suffix(ledger, typed, code):
    assert RegionIndex(ledger).clean(typed) == (code, None)


def test_a_county_outside_the_jurisdiction_is_an_error(ledger):
    value, finding = RegionIndex(ledger).clean("高平市")  # Jincheng, not Linfen
    assert value is None and finding.code == "error.import_region_unknown"


@pytest.mark.parametrize("typed, status", [
    ("已销号", "closed"), ("销号", "closed"), ("是", "reported_done"), ("已完成", "reported_done"),
    ("完成", "reported_done"), ("已完成待验收", "reported_done"), ("整改中", "in_progress"),
    ("未完成", "in_progress"), ("正在整改", "in_progress"), ("否", "in_progress"),
    ("已交办", "assigned"), (None, None), ("已办结", "reported_done"),
    ("阶段性办结", "stage_concluded"), ("整改完成待销号", "reported_done"), ("已取缔", "reported_done"),
    ("已停产整治", "in_progress"), ("逾期未完成", "in_progress"), ("序时推进", "in_progress"),
    ("达到序时进度", "in_progress"), ("基本完成", "in_progress"), ("正在办理", "in_progress"), ("Closed", "closed"), (" 整改中 ", "in_progress"),
])
def test_status_words(typed, status, ledger):
    assert cleaning.Vocabularies(ledger).clean_status(typed) == (status, None)


def test_unknown_words_fall_back_and_are_flagged(ledger):
    words = cleaning.Vocabularies(ledger)
    status, finding = words.clean_status("看情况")
    assert status == "in_progress" and finding.code == cleaning.UNKNOWN and finding.warning
    assert words.clean_category("大气污染") == ("waste_gas", None)
    assert words.clean_category("散乱污企业") == ("scattered_polluting", None)
    assert words.clean_category("星际尘埃")[0] == "other"
    assert words.clean_category("星际尘埃")[1].params == {
        "kind": "category", "word": "星际尘埃", "fallback": "other"}
    assert words.clean_source("自查自纠", "inspection") == ("inspection", None)
    assert words.clean_source("12345热线", "inspection") == ("complaint", None)
    assert words.clean_source("环保热线", "inspection")[0] == "other"
    assert words.clean_source("12369举报", "inspection") == ("complaint", None)
    assert words.clean_source(None, "inspection") == ("inspection", None)


def test_a_sheet_of_messy_cells_imports_clean(tmp_path, ledger):
    path = tmp_path / "messy.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["问题编号", "县区", "单位名称", "问题描述", "交办时间", "完成时限", "完成情况"])
    sheet.append(["临环督【２０２４】１号", "曲沃", "　曲沃县宏达焦化有限公司 ", "道路扬尘\u3000明显",
                  "2024年3月1日", 20240401, "已销号"])
    sheet.append(["临环督[2024]2号", "临汾市侯马市", "侯马市金泰铸造厂", "废气未收集",
                  dt.date(2024, 3, 2), "2024.4.2", "整改中"])
    workbook.save(path)
    outcome = ledger_import.run(ledger, path)
    assert outcome.added == 2
    assert [w.code for w in outcome.warnings] == ["warning.import_done_date_unknown"]
    rows = [dict(r) for r in ledger.conn.execute(
        "SELECT p.number, p.region_code, e.name, p.description, p.assigned_on, p.deadline, p.status "
        "FROM problem p JOIN enterprise e ON e.id = p.enterprise_id ORDER BY p.number")]
    assert rows == [
        {"number": "临环督〔2024〕1号", "region_code": "141021", "name": "曲沃县宏达焦化有限公司",
         "description": "道路扬尘 明显", "assigned_on": "2024-03-01", "deadline": "2024-04-01",
         "status": "closed"},
        {"number": "临环督〔2024〕2号", "region_code": "141081", "name": "侯马市金泰铸造厂",
         "description": "废气未收集", "assigned_on": "2024-03-02", "deadline": "2024-04-02",
         "status": "in_progress"},
    ]


def test_a_date_without_a_year_takes_the_titles_year_or_says_it_has_none():
    assert cleaning.clean_date("3月5日", year=2025) == ("2025-03-05", None)
    value, finding = cleaning.clean_date("7月5日")
    assert value is None and finding.code == "error.import_date_no_year"
