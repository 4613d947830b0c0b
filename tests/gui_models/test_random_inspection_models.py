"""The 双随机 tables (gui.models.random_inspection) under Qt's checks, as the page fills them."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from stdnum.cn import uscc

from core import enterprises
from core.random_inspection import directory, draw, officers, plans, tasks
from gui.models import random_inspection as models
from gui.pages import random_inspection as page

H, FOREGROUND = Qt.Orientation.Horizontal, Qt.ItemDataRole.ForegroundRole
COUNTIES = ("141021", "141022", "141023", "141024", "141081")
Q4 = {"name": "2026年第四季度双随机抽查", "starts_on": "2026-10-01", "ends_on": "2026-12-31"}


def _credit_code(number: int, county: str) -> str:
    body = f"91{county}MA{number:07d}"
    return body + uscc.calc_check_digit(body)


@pytest.fixture
def drawn(ledger):
    """A small directory (8 key, 4 special, 20 general), 8 officers, one drawn plan with
    one task inspected; then the page's own read of it."""
    number = 0
    for cls, count in (("key", 8), ("special", 4), ("general", 20)):
        for _ in range(count):
            number += 1
            county = COUNTIES[number % len(COUNTIES)]
            raw = {"name": f"测试{cls}企业{number:03d}有限公司",
                   "credit_code": _credit_code(number, county), "region_code": county,
                   "key_monitored": int(cls == "key")}
            if cls == "special":
                raw["supervision_class"] = "special"
            directory.put_member(ledger, enterprises.add(ledger, raw).id)
    for n in range(8):
        officers.add(ledger, {"name": f"执法{n:02d}", "certificate": f"1410{n:06d}",
                              "region_code": COUNTIES[n % len(COUNTIES)]})
    plan_id = plans.add(ledger, {**Q4, "shares": {"key": {"percent": "25"},
                                                   "special": {"percent": "50"},
                                                   "general": {"percent": "10"}}}).id
    draw_id = draw.make(ledger, plan_id, "2026112").id
    first = tasks.of_draw(ledger, draw_id)[0]
    tasks.record(ledger, first.id, {"inspected_on": "2026-11-12", "result": "no_problem"},
                 list(first.officers))
    counties = dict(ledger.conn.execute("SELECT code, name FROM region"))
    return page.read(ledger), counties, draw_id


def _headers(model) -> list[str]:
    return [model.headerData(c, H) for c in range(model.columnCount())]


def _texts(model, row: int) -> list:
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_plans_and_their_tasks(app, checked, drawn):
    data, counties, draw_id = drawn
    class_names = {c.code: c.name for c in data.classes}
    model = checked(models.PlansModel())
    model.names = class_names
    model.set_rows(data.plans)
    model.set_rows(data.plans)  # a refresh resets it again
    assert _headers(model) == ["抽查计划", "抽查期间", "抽取比例", "审批人", "已检查/任务数"]
    plan_text, period, shares, approver, done = _texts(model, 0)
    assert plan_text == Q4["name"] and period == "2026-10-01 — 2026-12-31"
    assert shares == "重点排污单位 25%，特殊监管对象 50%，一般排污单位 10%" and approver == "测试员"
    total = len(data.tasks[draw_id])
    assert done == f"1 / {total}" and total == 2 + 2 + 2
    assert model.index(0, 4).data(FOREGROUND) is None  # not all done: not green

    work = checked(models.TasksModel())
    work.counties, work.class_names = counties, class_names
    work.item_names = {i.code: i.name for i in data.items}
    work.set_rows(data.tasks[draw_id])
    assert _headers(work) == ["#", "企业", "统一社会信用代码", "县（市、区）", "监管类别",
                              "抽查事项", "执法人员", "状态"]
    states = [work.index(r, 7).data() for r in range(work.rowCount())]
    inspected = states.index("已检查 2026-11-12")
    assert states.count("待检查") == total - 1
    assert work.index(inspected, 7).data(FOREGROUND).color().name() == "#2e7d32"
    assert work.index(0, 1).data().startswith("测试") and work.index(0, 3).data() in counties.values()
    assert work.index(0, 4).data() in class_names.values()
    work.set_rows([])  # another plan without a draw
    assert work.rowCount() == 0


def test_members_and_officers(app, checked, drawn):
    data, counties, _ = drawn
    members = checked(models.MembersModel())
    members.counties, members.class_names = counties, {c.code: c.name for c in data.classes}
    members.set_rows(data.members)
    assert members.rowCount() == 32
    assert _headers(members) == ["企业", "统一社会信用代码", "县（市、区）", "监管类别",
                                 "适用抽查事项", "名录库在库"]
    row = _texts(members, 0)
    assert row == ["测试key企业001有限公司", _credit_code(1, "141022"), counties["141022"],
                   "重点排污单位", "全部", "✓"]

    staff = checked(models.OfficersModel())
    staff.counties = counties
    staff.set_rows(data.officers)
    assert [staff.index(r, 0).data() for r in range(8)] == [f"执法{n:02d}" for n in range(8)]
    assert staff.index(0, 1).data() == "1410000000" and staff.index(0, 4).data() == "✓"
    assert _headers(staff) == ["名称", "执法证号", "所在单位", "县（市、区）", "在岗", "申报回避"]
    assert staff.index(0, 3).data() == counties["141021"] == "曲沃县"
    assert staff.index(0, 5).data() == ""  # no declared conflict


def test_coverage_and_publications(app, checked, drawn):
    data, _, _ = drawn
    cover = checked(models.CoverageModel())
    cover.set_rows(data.coverage)
    assert _headers(cover) == ["监管类别", "名录库在库", "本年已抽取", "已检查", "抽查覆盖率（%）"]
    by_class = {cover.index(r, 0).data(): _texts(cover, r) for r in range(cover.rowCount())}
    assert by_class["重点排污单位"] == ["重点排污单位", 8, 2, 1, "25"]  # 25 %, not 25.0
    assert by_class["特殊监管对象"] == ["特殊监管对象", 4, 2, 0, "50"]

    notices = checked(models.PublicationsModel())
    notices.set_rows(data.publications)
    assert notices.rowCount() == 2
    assert [notices.index(r, 1).data() for r in range(2)] == ["抽查名单", "抽查结果"]
    assert notices.index(0, 0).data() == Q4["name"]
    assert _headers(notices) == ["抽查计划", "公开内容", "公开期限", "公开日期"]
    due = data.publications[0].due  # working days after today's draw, if the calendar knows
    assert _texts(notices, 0)[2:] == [due or "（该年节假日安排未发布）", "未公开"]
    assert _texts(notices, 1)[2:] == ["（该年节假日安排未发布）", "未公开"]
    assert notices.index(0, 3).data(FOREGROUND) is None  # neither late nor published yet
    late = [p.__class__(**{**p.__dict__, "overdue": True}) for p in data.publications]
    notices.set_rows(late)
    assert notices.index(0, 3).data() == "逾期未公开"
    assert notices.index(0, 2).data(FOREGROUND).color().name() == "#c62828"
