"""The layouts bureaus really publish and keep import with the figures a clerk would count."""
from __future__ import annotations

import datetime as dt

import pytest

from core import ledger_import, statistics, units
from core.ledger_import import ImportRejected, WordMap

from .layouts import complaint_lists, county_ledger, rectification_plan, stacked_batches

TODAY = dt.date(2026, 12, 1)
PROBLEMS = """SELECT coalesce(p.complaint_number, p.number, p.description), p.region_code,
    p.category, b.name, p.assigned_on, p.deadline, p.deadline_kind, p.status, p.done_on,
    p.closed_on FROM problem p LEFT JOIN batch b ON b.id = p.batch_id ORDER BY 1"""


def rows(ledger) -> list[tuple]:
    return [tuple(r) for r in ledger.conn.execute(PROBLEMS)]


def statuses(ledger) -> dict[str, int]:
    return dict(ledger.conn.execute("SELECT status, count(*) FROM problem GROUP BY status"))


@pytest.fixture
def city(ledger):
    units.add(ledger, "市直单位", "department")
    return ledger


def test_complaint_lists_one_sheet_a_batch_dates_from_the_complaint_numbers(tmp_path, city):
    path = complaint_lists(tmp_path / "一览表.xlsx")
    outcome = ledger_import.run(city, path, all_sheets=True, today=TODAY,
                                fixed={"source": "中央督察"})
    assert (outcome.rows, outcome.added, outcome.batches_added) == (6, 6, 2)
    assert outcome.sheet == "第一批、第二批"
    unit = units.get(city, "市直单位").code
    assert rows(city) == [
        ("D3SX202505280001", "141002", "waste_water", "第一批", "2025-05-28", None, "date",
         "reported_done", "2026-12-01", None),
        # 第二批 republishes it as 已办结: one problem, the first batch, the newer status
        ("D3SX202505280002", "141021", "waste_gas", "第一批", "2025-05-28", None, "date",
         "reported_done", "2026-12-01", None),
        ("D3SX202505280003", unit, "other", "第一批", "2025-05-28", None, "date",
         "in_progress", None, None),
        # no 是否办结 word: the free text 正在建设 tells the status
        ("D3SX202505280004", "141022", "dust", "第一批", "2025-05-28", None, "date",
         "in_progress", None, None),
        ("D3SX202506030001", "141023", "waste_water", "第二批", "2025-06-03", None, "date",
         "reported_done", "2026-12-01", None),
        ("D3SX202506030002", "141024", "other", "第二批", "2025-06-03", None, "date",
         "reported_done", "2026-12-01", None),
    ]
    assert statuses(city).get("closed") is None  # no 销号 column: nothing is closed
    assert [tuple(r) for r in city.conn.execute("SELECT DISTINCT source FROM problem")] == [
        ("central_inspection",)]
    assert outcome.notices == [
        "工作表“汇总”未导入：汇总表",
        "工作表“字典”未导入：隐藏的工作表",
        "工作表“第一批”第 8 行是合计行，未作为问题导入：共4件",
        "工作表“第二批”第 4 行（受理编号 D3SX202505280002）是前一批次已交办的投诉，按较新的办理情况更新",
        "问题类别“油烟”不在代码表中：共 2 处（第一批!E6、第二批!E5），按“其他”导入；"
        "可用 --map category:油烟=代码 对照，或在导入向导的对照表中选择",
    ]
    # the free text is kept as the note of the status step
    assert city.conn.execute(
        "SELECT l.note FROM problem_log l JOIN problem p ON p.id = l.problem_id "
        "WHERE p.complaint_number = 'D3SX202505280004' ORDER BY l.seq DESC LIMIT 1"
    ).fetchone()[0] == "已苫盖，正在建设封闭料棚"


def test_a_batch_sheet_settled_in_stage(tmp_path, city):
    path = complaint_lists(tmp_path / "一览表.xlsx")
    ledger_import.run(city, path, sheet="第一批", today=TODAY)
    assert statuses(city) == {"reported_done": 1, "stage_concluded": 1, "in_progress": 2}


def test_a_mapped_word_is_used_and_remembered_for_the_next_import(tmp_path, city):
    path = complaint_lists(tmp_path / "一览表.xlsx")
    outcome = ledger_import.run(city, path, sheet="第一批", today=TODAY,
                                word_map=WordMap(city, {("category", "油烟"): "waste_gas"}))
    assert outcome.unknown == []
    second = ledger_import.run(city, path, sheet="第二批", today=TODAY)
    assert second.unknown == []  # remembered
    assert city.conn.execute("SELECT category FROM problem WHERE complaint_number = "
                             "'D3SX202506030002'").fetchone()[0] == "waste_gas"


def test_a_word_added_as_a_new_entry(tmp_path, city):
    path = complaint_lists(tmp_path / "一览表.xlsx")
    ledger_import.run(city, path, sheet="第一批", today=TODAY,
                      word_map=WordMap(city, {("category", "油烟"): "+"}))
    code, label = city.conn.execute(
        "SELECT p.category, c.label FROM problem p JOIN code_entry c ON c.kind = 'category' "
        "AND c.code = p.category WHERE p.complaint_number = 'D3SX202505280003'").fetchone()
    assert label == "油烟" and code not in ("other", "waste_gas")


def test_the_rectification_plan_tasks_over_several_rows_with_text_deadlines(tmp_path, ledger):
    path = rectification_plan(tmp_path / "整改台账.xlsx")
    outcome = ledger_import.run(ledger, path, today=TODAY, fixed={"assigned_on": "2019-05-06"})
    assert (outcome.rows, outcome.added) == (3, 3)
    assert [s.message for s in outcome.skipped] == [
        "第 4 行是分组行，未作为问题导入：一、大气污染防治",
        "第 9 行是分组行，未作为问题导入：二、水污染防治",
    ]
    found = {r[0][:6]: r for r in rows(ledger)}
    # the county stands only inside 责任单位
    assert found["曲沃县焦化行"][1:2] == ("141021",) and found["尧都区城区散"][1:2] == ("141002",)
    assert found["汾河临汾段水"][1:2] == ("141002",)
    assert found["曲沃县焦化行"][5:8] == ("2019-05-06", "at_once", "in_progress")  # 立行立改
    assert found["尧都区城区散"][5:8] == ("2020-06-30", "period_end", "in_progress")  # 基本完成
    assert found["汾河临汾段水"][5:7] == ("2020-12-31", "date_then_ongoing")
    measures = ledger.conn.execute(
        "SELECT m.description, m.deadline, m.deadline_kind, m.progress FROM measure m "
        "JOIN problem p ON p.id = m.problem_id WHERE p.description LIKE '曲沃县焦化%' "
        "ORDER BY m.seq").fetchall()
    assert [tuple(m) for m in measures] == [
        ("立即开展焦化企业无组织排放排查", "2019-05-06", "at_once", 100),
        ("完成焦炉炉体密封改造", "2019-12-31", "period_end", 100),
        ("建立无组织排放长效监管机制", None, "ongoing", 0),
    ]
    assert ledger.conn.execute("SELECT count(*) FROM measure").fetchone()[0] == 6


def test_the_county_ledger_closure_read_from_the_closure_column_only(tmp_path, ledger):
    path = county_ledger(tmp_path / "曲沃县台账.xlsx")
    outcome = ledger_import.run(ledger, path, today=TODAY, fixed={"region": "曲沃县"})
    assert (outcome.rows, outcome.added, outcome.enterprises_added) == (6, 6, 6)
    assert [s.message for s in outcome.skipped] == [
        "第 3 行是分组行，未作为问题导入：乐昌镇",
        "第 7 行是分组行，未作为问题导入：史村镇",
        "第 11 行是合计行，未作为问题导入：合计 6家",
        "第 12 行是说明行，未作为问题导入：填表说明：是否销号填“是”或“否”，销号时间填写验收销号日…",
    ]
    assert [w.message for w in outcome.warnings] == [
        "第 6 行 J 列（销号时间）“2025-06-01”：是否销号为“否”，却填了销号时间：按未销号导入，请核对"]
    assert statuses(ledger) == {"closed": 3, "reported_done": 1, "in_progress": 2}
    got = {r[0]: r[4:] for r in rows(ledger)}
    # 3月5日 in the 2025 ledger; 是 with a 销号时间; √ without one: the file's 截至 date
    assert got["焦炉煤气放散未点燃"] == ("2025-03-05", "2025-04-30", "date", "closed",
                                 "2025-05-10", "2025-05-10")
    assert got["无环评手续违法生产"][3:] == ("closed", "2025-06-30", "2025-06-30")
    assert got["煤泥露天堆放"][3:] == ("reported_done", "2025-06-30", None)  # 整改完成待销号
    assert got["熔炼废气未经处理直排"][3] == "in_progress"  # 已停产整治
    assert got["厂区道路扬尘"][3] == "in_progress"  # 逾期未完成
    sources = dict(ledger.conn.execute("SELECT description, source FROM problem"))
    assert sources["焦炉煤气放散未点燃"] == "inspection"  # 自查自纠
    assert sources["无环评手续违法生产"] == "complaint"  # 12345热线
    assert set(r[0] for r in ledger.conn.execute("SELECT region_code FROM problem")) == {"141021"}
    assert statistics.breakdown(ledger, "2025-06-30").total.closed == 3


def test_a_clerks_import_brings_closed_rows_in_as_reported_done_and_says_so(tmp_path, ledger):
    ledger.role = "clerk"
    path = county_ledger(tmp_path / "曲沃县台账.xlsx")
    outcome = ledger_import.run(ledger, path, today=TODAY, fixed={"region": "曲沃县"})
    assert statuses(ledger) == {"reported_done": 4, "in_progress": 2}
    assert outcome.closed_as_done == 3
    assert outcome.notices[-1] == ("3 行在表中已销号，但销号须由科室负责人验收：按“已完成待验收”导入"
                                   "（第 4、5、10 行），请科室负责人验收后销号")


def test_stacked_batches_each_block_its_batch_and_date(tmp_path, ledger):
    path = stacked_batches(tmp_path / "督办.xlsx")
    outcome = ledger_import.run(ledger, path, today=TODAY)
    assert [s.message for s in outcome.skipped] == [
        "第 5 行是合计行，未作为问题导入：小计 2项",
        "第 7 行是标题行，未作为问题导入：第二批督办问题清单（2024年4月15日交办）",
        "第 8 行是重复的表头，未作为问题导入：序号 问题编号 所属区县 企业名称",
        "第 10 行是合计行，未作为问题导入：小计 1项",
    ]
    assert [r[3:8] for r in rows(ledger)] == [
        ("第一批", "2024-03-01", "2024-04-30", "date", "reported_done"),
        ("第一批", "2024-03-01", "2024-06-30", "period_end", "in_progress"),
        ("第二批", "2024-04-15", "2024-04-15", "at_once", "reported_done"),
    ]


def test_a_date_without_a_year_and_no_year_in_the_title_is_an_error(tmp_path, ledger):
    import openpyxl

    path = tmp_path / "无年份.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["所属区县", "企业名称", "问题描述", "发现时间"])
    workbook.active.append(["曲沃县", "某厂", "扬尘", "3月5日"])
    workbook.save(path)
    with pytest.raises(ImportRejected) as caught:
        ledger_import.run(ledger, path, today=TODAY)
    assert [i.message for i in caught.value.issues] == [
        "第 2 行 D 列（发现时间）“3月5日”：“3月5日”没有年份，表头标题中也没有年份：请写全日期，或用 --set 指定"]


def test_no_assigned_date_anywhere_names_the_way_out(tmp_path, ledger):
    path = rectification_plan(tmp_path / "整改台账.xlsx")
    with pytest.raises(ImportRejected) as caught:
        ledger_import.run(ledger, path, today=TODAY)
    assert caught.value.issues[0].message == (
        "第 5 行（交办日期）：没有交办日期：表中无此列，标题和受理编号中也没有日期；"
        "可用 --set assigned_on=日期 指定")


def test_a_status_set_for_the_whole_file_is_flagged_without_a_done_date(tmp_path, ledger):
    path = stacked_batches(tmp_path / "督办.xlsx")
    import openpyxl

    workbook = openpyxl.load_workbook(path)
    workbook.active.delete_cols(7)  # no status column: the status comes from --set
    workbook.save(path)
    outcome = ledger_import.run(ledger, path, today=TODAY, fixed={"status": "已办结"})
    assert statuses(ledger) == {"reported_done": 3}
    assert [w.message for w in outcome.warnings] == [
        f"第 {n} 行（整改状态）：未填完成/销号日期，按今天（2026-12-01）记录" for n in (3, 4, 9)]
