"""The command line as the issue spells it, the tasks as inspections, the notices."""
from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest

from core import inspections
from core.random_inspection import draw, notices, tasks

from .conftest import credit_code


def _directory_workbook(path, bad_code_row: bool = False):
    """A county's 监管对象名录库 as bureaus keep it: a title, a two-word header, a total row."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["曲沃县生态环境局“双随机”监管对象名录库（2026年）"])
    sheet.merge_cells("A1:F1")
    sheet.append(["序号", "单位名称", "统一社会信用代码", "所属区县", "监管类别", "抽查事项"])
    names = [("曲沃县晋丰焦化有限公司", "重点排污单位"), ("曲沃县同盛铸造厂", "一般排污单位"),
             ("曲沃县利民污水处理有限公司", "特殊监管对象"), ("曲沃县永昌玻璃有限公司", "")]
    for number, (name, cls) in enumerate(names, 1):
        code = credit_code(number) if not (bad_code_row and number == 3) else "91141021MA12"
        sheet.append([number, name, code, "曲沃县", cls, ""])
    sheet.append(["合计", "", "", "", "", ""])
    book.save(path)
    return path


def _officer_workbook(path, conflict: str):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["执法人员名录库"])
    sheet.append(["序号", "姓名", "执法证号", "所在单位", "所属区县", "在岗", "申报回避企业"])
    for n in range(6):
        sheet.append([n + 1, f"执法员{n}", f"14102120{n:04d}", "曲沃县生态环境保护综合行政执法大队",
                      "曲沃县", "否" if n == 5 else "是", conflict if n == 0 else ""])
    book.save(path)
    return path


def test_the_commands_as_spelled(cli, tmp_path):
    run = cli("random", "directory", "import", str(_directory_workbook(tmp_path / "名录.xlsx")))
    assert run.code == 0, run.err
    assert cli("random", "officer", "import",
               str(_officer_workbook(tmp_path / "人员.xlsx", "曲沃县晋丰焦化有限公司"))).code == 0
    added = cli("random", "officer", "add", "郑建华", "--certificate", "141021200099",
                "--conflict", "曲沃县同盛铸造厂")
    assert added.code == 0 and len(added.out.strip()) == 36
    assert cli("enterprise", "update", "曲沃县永昌玻璃有限公司", "--supervision-class",
               "special").code == 0
    refused = cli("enterprise", "update", "曲沃县永昌玻璃有限公司", "--supervision-class", "x")
    assert refused.code == 1 and "监管类别" in refused.err and "Traceback" not in refused.err
    listed = [json.loads(line) for line in cli("random", "directory", "list", "--json").lines]
    assert {m["enterprise"]: m["class"] for m in listed} == {
        "曲沃县晋丰焦化有限公司": "key", "曲沃县同盛铸造厂": "general",
        "曲沃县利民污水处理有限公司": "special", "曲沃县永昌玻璃有限公司": "special"}
    plan = cli("random", "plan", "add", "--name", "2026年第四季度", "--from", "2026-10-01",
               "--to", "2026-12-31", "--share", "key=25", "--share", "special=50",
               "--share", "general=5")
    assert plan.code == 0
    plan_id = plan.out.strip()
    run = cli("random", "draw", plan_id, "--witness-value", "2026339 07 12 25", "--json")
    assert run.code == 0, run.err
    result = json.loads(run.out)
    assert set(result) >= {"draw", "tasks"}
    assert [t["class"] for t in result["tasks"]] == ["key", "special", "general"]
    for task in result["tasks"]:
        assert set(task) >= {"enterprise", "credit_code", "class", "officers"}
        assert len(task["officers"]) == 2 and "执法员5" not in task["officers"]
        if task["enterprise"] == "曲沃县晋丰焦化有限公司":
            assert "执法员0" not in task["officers"]
    assert cli("random", "verify", result["draw"]).code == 0
    notice = cli("random", "notice", result["draw"], "-o", str(tmp_path / "公示.xlsx"))
    assert notice.code == 0
    book = openpyxl.load_workbook(tmp_path / "公示.xlsx")
    assert book.sheetnames == ["抽查名单", "抽查结果"]
    first = book["抽查名单"]
    assert "“双随机、一公开”抽查对象及执法检查人员名单" in first["A1"].value
    assert [c.value for c in first[3]][:3] == ["序号", "抽查对象名称", "统一社会信用代码"]
    assert first["B4"].value == result["tasks"][0]["enterprise"]
    assert book["抽查结果"]["G4"].value == "未检查"
    again = cli("random", "draw", plan_id, "--witness-value", "1")
    assert again.code == 1 and "已经抽取过" in again.err


def test_verify_exits_1_on_an_edited_list(cli, ledger, tmp_path):
    cli("random", "directory", "import", str(_directory_workbook(tmp_path / "名录.xlsx")))
    cli("random", "officer", "import", str(_officer_workbook(tmp_path / "人员.xlsx", "")))
    plan_id = cli("random", "plan", "add", "--name", "Q4", "--from", "2026-10-01", "--to",
                  "2026-12-31", "--share", "general=100").out.strip()
    draw_id = json.loads(cli("random", "draw", plan_id, "--witness-value", "9", "--json").out)["draw"]
    assert cli("random", "verify", draw_id).code == 0
    ledger.conn.execute("UPDATE random_task SET officer_1 = (SELECT id FROM random_officer "
                        "WHERE name = '执法员5') WHERE draw_id = ?", (draw_id,))
    run = cli("random", "verify", draw_id)
    assert run.code == 1 and len(run.err.strip().splitlines()) == 1 and "不一致" in run.err


def test_a_bad_cell_is_named_by_row_and_column(cli, tmp_path):
    run = cli("random", "directory", "import",
              str(_directory_workbook(tmp_path / "名录.xlsx", bad_code_row=True)))
    assert run.code == 1 and "第5行C列" in run.err
    assert cli("random", "directory", "list", "--json").out == ""  # nothing imported


def test_tasks_become_inspections_and_overdue_after_the_plan(ledger, bureau):
    from core.random_inspection import plans

    plan_id = plans.add(ledger, {"name": "Q3", "starts_on": "2026-07-01", "ends_on": "2026-09-30",
                                 "shares": {"key": {"percent": "25"}}}).id
    draw_id = draw.make(ledger, plan_id, "1", drawn_on="2026-07-06").id
    first, second = tasks.of_draw(ledger, draw_id)
    sheet = tasks.sheet(ledger, first.id)
    assert sheet["enterprise_id"] == first.enterprise_id and sheet["kind"] == "random"
    assert [sheet["officer_1"], sheet["officer_2"]] == list(first.officers)
    changes = tasks.record(ledger, first.id, {"inspected_on": "2026-08-12",
                                              "result": "problems_found"},
                           [sheet["officer_1"], sheet["officer_2"]],
                           [{"category": "dust", "description": "料场未苫盖",
                             "deadline": "2026-09-12"}])
    assert changes.touches("inspection", "problem", "random_task")
    inspection = inspections.get(ledger, changes.id)
    assert inspection["kind"] == "random" and inspection["officers"] == list(first.officers)
    assert ledger.conn.execute("SELECT count(*) FROM problem WHERE inspection_id = ?",
                               (changes.id,)).fetchone()[0] == 1
    states = {t.seq: t.state for t in tasks.of_draw(ledger, draw_id, today=dt.date(2026, 9, 30))}
    assert states == {1: "done", 2: "to_do"}
    states = {t.seq: t.state for t in tasks.of_draw(ledger, draw_id, today=dt.date(2026, 10, 1))}
    assert states == {1: "done", 2: "overdue"}
    with pytest.raises(Exception, match="已经登记"):
        tasks.record(ledger, first.id, {"inspected_on": "2026-08-13", "result": "no_problem"},
                     list(first.officers))
    assert draw.verify(ledger, draw_id) == []  # linking the inspection is a sealed change


def test_publication_deadlines_count_working_days_on_the_official_calendar(ledger, bureau):
    """A list drawn on Friday 26 September 2025: 20 working days skip the National Day week
    (1–8 October) and count Sunday 28 September and Saturday 11 October, made working days."""
    from core.random_inspection import plans

    plan_id = plans.add(ledger, {"name": "2025Q3", "starts_on": "2025-07-01",
                                 "ends_on": "2025-09-30", "shares": {"key": {"percent": "25"}}}).id
    draw_id = draw.make(ledger, plan_id, "1", drawn_on="2025-09-26").id
    found = {p.which: p for p in notices.publications(ledger, today=dt.date(2025, 11, 1))}
    assert found["draw"].due == "2025-10-30"
    assert found["draw"].overdue and found["results"].due == "2025-11-04"
    notices.publish(ledger, draw_id, "draw", "2025-10-20")
    assert [p.which for p in notices.unpublished(ledger, today=dt.date(2025, 11, 1))] == ["results"]
    cover = {c.supervision_class: c for c in notices.coverage(ledger, 2025)}
    assert (cover["key"].members, cover["key"].drawn, cover["key"].percent) == (8, 2, 25.0)


def test_items_named_in_a_file_or_a_plan_join_the_list_with_a_warning(cli, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["单位名称", "统一社会信用代码", "所属区县", "监管类别", "抽查事项"])
    sheet.append(["曲沃县晋丰焦化有限公司", credit_code(1), "曲沃县", "重点排污单位",
                  "排污许可证执行情况检查、污染防治设施运行情况检查"])
    book.save(tmp_path / "名录.xlsx")
    run = cli("random", "directory", "import", str(tmp_path / "名录.xlsx"))
    assert run.code == 0 and run.err.count("新增了") == 2
    listed = cli("random", "directory", "list", "--json")
    assert json.loads(listed.out)["items"] == ["SX-01", "SX-02"]
    plan = cli("random", "plan", "add", "--name", "Q4", "--from", "2026-10-01", "--to",
               "2026-12-31", "--share", "key=100", "--items", "污染防治设施运行情况检查",
               "自动监测设备运行情况检查")
    assert plan.code == 0 and plan.err.count("新增了") == 1
    assert [line.split()[0] for line in cli("random", "item", "list").lines[1:]] == \
        ["SX-01", "SX-02", "SX-03"]
    refused = cli("random", "plan", "add", "--name", "坏", "--from", "2026-10-01", "--to",
                  "2025-12-31", "--share", "key=100", "--items", "不会留下的事项")
    assert refused.code == 1
    assert len(cli("random", "item", "list").lines) == 4  # nothing of the refused plan stayed


def test_a_sheet_never_names_an_officer_with_a_declared_conflict(ledger, bureau):
    from core.errors import LedgerError
    from core.random_inspection import officers, plans

    plan_id = plans.add(ledger, {"name": "Q3", "starts_on": "2026-07-01", "ends_on": "2026-09-30",
                                 "shares": {"key": {"count": 1}}}).id
    task = tasks.of_draw(ledger, draw.make(ledger, plan_id, "1").id)[0]
    other = next(o for o in officers.all_officers(ledger) if o.name not in task.officers)
    officers.declare(ledger, other.id, task.enterprise_id, "配偶在该企业任职")
    with pytest.raises(LedgerError, match="回避"):
        tasks.record(ledger, task.id, {"inspected_on": "2026-08-01", "result": "no_problem"},
                     [task.officers[0], other.name])
    third = next(o for o in officers.all_officers(ledger)
                 if o.name not in task.officers and o.id != other.id)
    changes = tasks.record(ledger, task.id, {"inspected_on": "2026-08-01", "result": "no_problem"},
                           [task.officers[0], third.name])
    assert [w.code for w in changes.warnings] == ["random.warning.officers_changed"]


def test_key_monitored_means_key_unless_a_class_is_set(cli):
    added = cli("enterprise", "add", "--name", "曲沃县晋丰焦化有限公司", "--credit-code",
                credit_code(7), "--region", "曲沃县", "--key-monitored")
    assert added.code == 0, added.err
    enterprise = added.out.strip()
    assert cli("random", "directory", "add", enterprise).code == 0

    def cls() -> str:
        return json.loads(cli("random", "directory", "list", "--json").out)["class"]
    assert cls() == "key"
    assert cli("enterprise", "update", enterprise, "--supervision-class", "特殊监管对象").code == 0
    assert cls() == "special"
    assert cli("enterprise", "update", enterprise, "--supervision-class", "").code == 0
    assert cls() == "key"
    assert cli("enterprise", "update", enterprise, "--no-key-monitored").code == 0
    assert cls() == "general"
    assert cli("random", "class", "add", "a", "--name", "A类", "--fallback").code == 0
    assert cls() == "a"


def test_officers_are_edited_from_the_command_line(cli, ledger, bureau):
    from core.random_inspection import officers

    firm = bureau["key"][0]
    assert cli("random", "officer", "update", "执法03", "--no-active", "--conflict", firm).code == 0
    found = {o.name: o for o in officers.all_officers(ledger)}
    assert not found["执法03"].active
    assert [(c.officer, c.enterprise_id) for c in officers.conflicts(ledger)] == [("执法03", firm)]
    assert cli("random", "officer", "update", "1410000003", "--active",
               "--withdraw-conflict", firm).code == 0
    assert officers.conflicts(ledger) == [] and officers.get(ledger, found["执法03"].id).active
    taken = cli("random", "officer", "add", "新人", "--certificate", "1410000003")
    assert taken.code == 1 and "执法03" in taken.err
