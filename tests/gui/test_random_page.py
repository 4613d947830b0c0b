"""The 双随机 page on the demo ledger: plans, a draw with its witness value, the pre-filled
sheet of a task, and what is still to publish."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


@pytest.fixture
def page(window, idle):
    shown = window.page("random")
    idle()
    return shown


def test_the_demo_plans_tasks_and_publication_show(page):
    plans = [row[0].name for row in page.plans_model.rows]
    assert len(plans) == 2 and plans[0].endswith("第4季度双随机抽查")
    assert page.tasks_model.rowCount() == page.plans_model.rows[0][3] > 0
    states = {page.tasks_model.data(page.tasks_model.index(r, 7))
              for r in range(page.tasks_model.rowCount())}
    assert states == {"待检查"}
    assert "逾期1项" in page.summary.text()
    late = [p for p in page.publications_model.rows if p.overdue]
    assert [(p.which, p.published_on) for p in late] == [("results", None)]


def test_a_new_plan_drawn_and_verified_from_the_page(qtbot, ctx, page, idle):
    from core.random_inspection import plans

    ctx.db.call(lambda ledger: plans.add(ledger, {
        "name": "12月专项抽查", "starts_on": "2026-12-01", "ends_on": "2026-12-31",
        "shares": {"key": {"count": 3}}}))
    idle()
    row = next(n for n, p in enumerate(page.plans_model.rows) if p[0].name == "12月专项抽查")
    page.plans_view.selectRow(row)
    assert page.draw_button.isEnabled() and page.tasks_model.rowCount() == 0
    page.draw_plan(page.plans_model.rows[row][0].id, "刘明", "2026335 04 09 17")
    idle()
    assert page.tasks_model.rowCount() == 3
    page.verify_draw()
    idle()
    assert page.message.text().startswith("核验一致")
    assert page.draw_button.text() == "重新抽取…"


def test_a_task_opens_its_pre_filled_sheet_and_saving_counts_it(qtbot, ctx, page, idle):
    from gui.forms.random_task import TaskInspectionForm

    page.plans_view.selectRow(0)
    page.tasks_view.selectRow(0)
    task = page.tasks_model.rows[0]
    page.record_inspection()
    idle()
    form = next(f for f in page.findChildren(TaskInspectionForm) if f.isVisible())
    assert form.fields["officer_1"].read() == task.officers[0]
    assert form.fields["officer_2"].read() == task.officers[1]
    assert form.fields["enterprise_id"].read() == task.enterprise_id
    assert "抽查事项" in form.fields["notes"].read()
    form.fields["inspected_on"].write("2026-11-20")
    form.fields["result"].write("no_problem")
    idle()
    form.accept()
    idle()
    assert not form.isVisible()
    done = next(t for t in page.tasks_model.rows if t.id == task.id)
    assert done.state == "done" and done.inspected_on == "2026-11-20"


def test_ctrl_n_opens_a_plan_form_checked_by_the_core(qtbot, page, idle):
    from gui.forms.random_plan import PlanForm

    page.new_record()
    idle()
    form = next(f for f in page.findChildren(PlanForm) if f.isVisible())
    form.fields["name"].write("2027年第一季度")
    form.fields["starts_on"].write("2027-01-01")
    form.fields["ends_on"].write("2027-03-31")
    form.fields["share.key"].write("120")
    form.validate()
    idle()
    assert "不超过100" in form.fields["share.key"].message.text()
    assert not form.save_button.isEnabled()
    form.fields["share.key"].write("25")
    form.fields["share.special"].write("3家")
    form.validate()
    idle()
    assert form.save_button.isEnabled()
    form.accept()
    idle()
    saved = next(p for p, *_ in page.plans_model.rows if p.name == "2027年第一季度")
    assert saved.shares == {"key": {"percent": "25"}, "special": {"count": 3}}


def test_the_directories_are_edited_from_the_page(qtbot, ctx, page, idle):
    from core.random_inspection import directory, officers

    page.tabs.setCurrentIndex(1)
    row = next(n for n, m in enumerate(page.members_model.rows) if m.supervision_class == "general")
    member = page.members_model.rows[row]
    page.members_view.selectRow(row)
    page.class_combo.setCurrentIndex(page.class_combo.findData("special"))
    page.set_member_class()
    idle()
    assert ctx.db.call(lambda l: directory.member(l, member.enterprise_id)).supervision_class \
        == "special"
    page.officers_view.selectRow(0)
    officer = page.officers_model.rows[0]
    page.toggle_officer()
    idle()
    assert ctx.db.call(lambda l: officers.get(l, officer.id)).active is not officer.active
    assert page.officers_model.rows[0].active is not officer.active


def test_the_sheet_refuses_an_officer_who_declared_a_conflict(qtbot, ctx, page, idle,
                                                              monkeypatch):
    from core.random_inspection import officers
    from gui.forms.random_task import TaskInspectionForm

    page.plans_view.selectRow(0)
    page.tasks_view.selectRow(1)
    task = page.tasks_model.rows[1]
    other = next(o for o in page.officers_model.rows if o.name not in task.officers and o.active)
    ctx.db.call(lambda ledger: officers.declare(ledger, other.id, task.enterprise_id, "亲属"))
    page.record_inspection()
    idle()
    form = next(f for f in page.findChildren(TaskInspectionForm) if f.isVisible())
    form.fields["inspected_on"].write("2026-11-20")
    form.fields["officer_2"].write(other.name)
    form.validate()
    idle()
    assert "回避" in form.fields["officer_1"].message.text()  # officers' findings show there
    assert not form.save_button.isEnabled()
    monkeypatch.setattr(form, "confirm_discard", lambda: True)  # the typed sheet is thrown away
    form.reject()
