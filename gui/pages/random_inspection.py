"""双随机、一公开: plans and their sealed draws, the tasks as inspections to do, the two
directories, and what is covered and still to publish. Every act is one core call."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog,
                               QHBoxLayout, QHeaderView, QInputDialog, QLabel, QPushButton,
                               QSplitter, QTableView, QTabWidget, QVBoxLayout, QWidget)

from core import dates, messages, operators
from core.ledger import Ledger
from core.random_inspection import (classes, directory, draw, imports, notices, officers, plans,
                                    tasks)

from .. import folders
from ..context import AppContext
from ..dialogs.random_inspection import (ClassDialog, DrawDialog, ItemDialog, ItemsDialog,
                                         OfficerDialog)
from ..i18n import tr
from ..models.random_inspection import (CoverageModel, MembersModel, OfficersModel,
                                        PlansModel, PublicationsModel, TasksModel)
from ..models.rows import RowsModel
from .base import Page

WATCHED = ("random_class", "random_item", "random_member", "random_officer", "random_conflict",
           "random_plan", "random_draw", "random_task", "enterprise", "inspection")


@dataclass
class RandomData:
    """What the page shows, read in one go on the worker."""

    year: int
    classes: list[classes.SupervisionClass]
    items: list[directory.Item]
    plans: list[tuple[plans.Plan, str | None, int, int]]  # plan, draw in force, done, total
    tasks: dict[str, list[tasks.Task]] = field(default_factory=dict)  # draw id → tasks
    members: list[directory.Member] = field(default_factory=list)
    officers: list[officers.Officer] = field(default_factory=list)
    conflicts: list[officers.Conflict] = field(default_factory=list)
    coverage: list[notices.Coverage] = field(default_factory=list)
    publications: list[notices.Publication] = field(default_factory=list)
    may_approve: bool = False
    may_redraw: bool = False


def read(ledger: Ledger) -> RandomData:
    year = dates.today().year
    standing = tasks.standing(ledger)
    by_draw: dict[str, list[tasks.Task]] = {}
    for task in standing:
        by_draw.setdefault(task.draw_id, []).append(task)
    listed = []
    for plan in plans.all_plans(ledger):
        draw_id = draw.standing(ledger, plan.id)
        drawn = by_draw.get(draw_id, [])
        listed.append((plan, draw_id, sum(t.state == tasks.DONE for t in drawn), len(drawn)))
    return RandomData(
        year=year, classes=classes.all_classes(ledger), items=directory.items(ledger),
        plans=listed, tasks=by_draw, members=directory.members(ledger),
        officers=officers.all_officers(ledger), conflicts=officers.conflicts(ledger),
        coverage=notices.coverage(ledger, year), publications=notices.publications(ledger),
        may_approve=operators.can(ledger, operators.Action.RANDOM_APPROVE_PLAN),
        may_redraw=operators.can(ledger, operators.Action.RANDOM_REDRAW))


def _table(model: RowsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _selected(view: QTableView) -> Any:
    index = view.currentIndex()
    model = view.model()
    return model.rows[index.row()] if index.isValid() and index.row() < len(model.rows) else None


# -- the page

class RandomInspectionPage(Page):
    key = "random"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.data: RandomData | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._draw_tab(), tr("Plans and draws"))
        self.tabs.addTab(self._directory_tab(), tr("Directories"))
        self.tabs.addTab(self._publication_tab(), tr("Coverage and publication"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        ctx.changed.connect(self._maybe_refresh)
        self.refresh()

    # -- tabs
    def _draw_tab(self) -> QWidget:
        self.plans_model = PlansModel()
        self.plans_view = _table(self.plans_model)
        self.plans_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_tasks())
        self.tasks_model = TasksModel()
        self.tasks_view = _table(self.tasks_model)
        self.tasks_view.doubleClicked.connect(lambda _: self.record_inspection())
        self.new_plan_button = QPushButton(tr("New plan…"))
        self.approve_button = QPushButton(tr("Approve"))
        self.draw_button = QPushButton(tr("Draw…"))
        self.verify_button = QPushButton(tr("Verify the draw"))
        self.notice_button = QPushButton(tr("Export the notice…"))
        self.inspect_button = QPushButton(tr("Record the inspection…"))
        self.new_plan_button.clicked.connect(self.new_record)
        self.approve_button.clicked.connect(self.approve_plan)
        self.draw_button.clicked.connect(self.ask_draw)
        self.verify_button.clicked.connect(self.verify_draw)
        self.notice_button.clicked.connect(self.export_notice)
        self.inspect_button.clicked.connect(self.record_inspection)
        self.draw_info = QLabel()
        self.draw_info.setWordWrap(True)
        self.draw_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar = QHBoxLayout()
        for button in (self.new_plan_button, self.approve_button, self.draw_button,
                       self.verify_button, self.notice_button):
            bar.addWidget(button)
        bar.addStretch(1)
        task_bar = QHBoxLayout()
        task_bar.addWidget(self.draw_info, 1)
        task_bar.addWidget(self.inspect_button)
        lower = QWidget()
        below = QVBoxLayout(lower)
        below.setContentsMargins(0, 0, 0, 0)
        below.addLayout(task_bar)
        below.addWidget(self.tasks_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.plans_view)
        splitter.addWidget(lower)
        splitter.setSizes([170, 430])
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        return tab

    def _directory_tab(self) -> QWidget:
        self.members_model = MembersModel()
        self.members_view = _table(self.members_model)
        self.officers_model = OfficersModel()
        self.officers_view = _table(self.officers_model)
        self.class_combo = QComboBox()
        set_class = QPushButton(tr("Set class"))
        set_class.clicked.connect(self.set_member_class)
        toggle_member = QPushButton(tr("In / out of the directory"))
        toggle_member.clicked.connect(self.toggle_member)
        member_items = QPushButton(tr("Items that apply…"))
        member_items.clicked.connect(self.edit_member_items)
        new_class = QPushButton(tr("New class…"))
        new_class.clicked.connect(self.add_class)
        new_item = QPushButton(tr("New item…"))
        new_item.clicked.connect(self.add_item)
        import_members = QPushButton(tr("Import enterprises…"))
        import_members.clicked.connect(lambda: self.import_file("directory"))
        add_officer = QPushButton(tr("New officer…"))
        add_officer.clicked.connect(self.add_officer)
        toggle_officer = QPushButton(tr("Active / inactive"))
        toggle_officer.clicked.connect(self.toggle_officer)
        conflict = QPushButton(tr("Declare a conflict…"))
        conflict.clicked.connect(self.declare_conflict)
        import_officers = QPushButton(tr("Import officers…"))
        import_officers.clicked.connect(lambda: self.import_file("officers"))
        left, right = QWidget(), QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        for widgets in ((QLabel(tr("Class")), self.class_combo, set_class, toggle_member,
                         member_items), (new_class, new_item, import_members)):
            bar = QHBoxLayout()
            for widget in widgets:
                bar.addWidget(widget)
            bar.addStretch(1)
            column.addLayout(bar)
        column.addWidget(self.members_view, 1)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        for widgets in ((add_officer, toggle_officer, conflict), (import_officers,)):
            bar = QHBoxLayout()
            for widget in widgets:
                bar.addWidget(widget)
            bar.addStretch(1)
            column.addLayout(bar)
        column.addWidget(self.officers_view, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([640, 520])
        tab = QWidget()
        QVBoxLayout(tab).addWidget(splitter)
        return tab

    def _publication_tab(self) -> QWidget:
        self.coverage_model = CoverageModel()
        self.coverage_view = _table(self.coverage_model)
        self.publications_model = PublicationsModel()
        self.publications_view = _table(self.publications_model)
        publish = QPushButton(tr("Mark as published today"))
        publish.clicked.connect(self.mark_published)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.coverage_title = QLabel()
        layout.addWidget(self.coverage_title)
        layout.addWidget(self.coverage_view, 1)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Notices of the draws in force (deadline in working days on "
                                "the official calendar)")))
        bar.addStretch(1)
        bar.addWidget(publish)
        layout.addLayout(bar)
        layout.addWidget(self.publications_view, 2)
        return tab

    # -- reading
    def _maybe_refresh(self, changes) -> None:
        if changes.touches(*WATCHED):
            self.refresh()

    def refresh(self) -> None:
        self.ctx.db.op(read).success(self._show).run()

    def _show(self, data: RandomData) -> None:
        self.data = data
        counties = {r.code: r.name for r in self.ctx.bureau.counties}
        class_names = {c.code: c.name for c in data.classes}
        self.plans_model.names = class_names
        self.tasks_model.class_names = self.members_model.class_names = class_names
        self.tasks_model.counties = self.members_model.counties = counties
        self.officers_model.counties = counties
        self.tasks_model.item_names = {i.code: i.name for i in data.items}
        declared: dict[str, int] = {}
        for c in data.conflicts:
            declared[c.officer_id] = declared.get(c.officer_id, 0) + 1
        self.officers_model.conflicts = declared
        current = _selected(self.plans_view)
        self.plans_model.set_rows(data.plans)
        row = next((n for n, p in enumerate(data.plans) if current and p[0].id == current[0].id), 0)
        if data.plans:
            self.plans_view.selectRow(row)
        self._show_tasks()
        self.members_model.set_rows(data.members)
        self.officers_model.set_rows(data.officers)
        self.coverage_model.set_rows(data.coverage)
        self.publications_model.set_rows(data.publications)
        self.class_combo.clear()
        for c in data.classes:
            self.class_combo.addItem(c.name, c.code)
        self.approve_button.setVisible(data.may_approve)
        self.coverage_title.setText(tr("Coverage per class in {year}").format(year=data.year))
        self._summary(data)
        for view, widths in ((self.plans_view, (260, 190, 330, 100)),
                             (self.tasks_view, (40, 250, 170, 80, 100, 290, 120)),
                             (self.members_view, (250, 170, 80, 100, 160)),
                             (self.officers_view, (70, 120, 180, 80, 50)),
                             (self.coverage_view, (160, 120, 120, 120)),
                             (self.publications_view, (280, 120, 200))):
            for column, width in enumerate(widths):
                view.setColumnWidth(column, width)

    def _summary(self, data: RandomData) -> None:
        cover = "；".join(f"{c.name} {c.drawn}/{c.members}（{c.percent:g}%）" for c in data.coverage)
        waiting = [p for p in data.publications if not p.published_on]
        late = sum(p.overdue for p in waiting)
        text = tr("{year}: drawn of the directory by class — {coverage}. Notices not yet "
                  "published: {waiting}, of them overdue: {late}.").format(
            year=data.year, coverage=cover, waiting=len(waiting), late=late)
        self.summary.setText(text)
        self.summary.setStyleSheet("color: #c62828;" if late else "")

    def _show_tasks(self) -> None:
        chosen = _selected(self.plans_view)
        if not chosen or self.data is None:
            self.tasks_model.set_rows([])
            self.draw_info.setText("")
            return
        plan, draw_id, done, total = chosen
        self.tasks_model.set_rows(self.data.tasks.get(draw_id, []) if draw_id else [])
        self.draw_button.setText(tr("Redraw…") if draw_id else tr("Draw…"))
        self.draw_button.setEnabled(plan.approved and (not draw_id or self.data.may_redraw))
        self.verify_button.setEnabled(bool(draw_id))
        self.notice_button.setEnabled(bool(draw_id))
        self.approve_button.setEnabled(not plan.approved)
        if draw_id:
            self.ctx.db.op(lambda ledger: draw.get(ledger, draw_id)).success(self._draw_details).run()
        else:
            self.draw_info.setText(tr("Not drawn yet.") if plan.approved else
                                   tr("Waiting for a manager's approval."))

    def _draw_details(self, record: dict) -> None:
        self.draw_info.setText(tr("Drawn on {day} · witness {witness}, public value {value} · "
                                  "seed {seed}…").format(
            day=record["drawn_on"], witness=record["witness"] or "—",
            value=record["witness_value"], seed=record["seed"][:16]))

    # -- acts
    def _run(self, fn, done_text: str | None = None) -> None:
        def shown(result) -> None:
            if done_text:
                self.message.setText(done_text)
        self.ctx.db.op(fn).success(shown).failure(lambda e: self.message.setText(str(e))).run()

    def new_record(self) -> None:
        """Ctrl+N: a new plan, checked by the core as it is typed."""
        from ..forms.random_plan import PlanForm
        PlanForm(self.ctx, parent=self).open()

    def approve_plan(self) -> None:
        chosen = _selected(self.plans_view)
        if chosen:
            plan_id = chosen[0].id
            self._run(lambda ledger: plans.approve(ledger, plan_id), tr("Plan approved."))

    def ask_draw(self) -> None:
        chosen = _selected(self.plans_view)
        if not chosen:
            return
        dialog = DrawDialog(redraw=bool(chosen[1]), parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.draw_plan(chosen[0].id, *dialog.values())

    def draw_plan(self, plan_id: str, witness: str, value: str, reason: str | None = None) -> None:
        self._run(lambda ledger: draw.make(ledger, plan_id, value, witness, reason),
                  tr("Drawn and sealed in the audit trail."))

    def verify_draw(self) -> None:
        chosen = _selected(self.plans_view)
        if not chosen or not chosen[1]:
            return
        draw_id = chosen[1]

        def shown(findings: list[str]) -> None:
            if findings:
                text = messages.text("random.verify.failed", findings="；".join(findings))
            else:
                text = tr("The draw checks out: every task follows from the recorded inputs.")
            self.message.setText(text)
            self.message.setStyleSheet("color: #c62828;" if findings else "color: #2e7d32;")
        self.ctx.db.op(lambda ledger: draw.verify(ledger, draw_id)).success(shown).run()

    def export_notice(self, path: Path | None = None) -> None:
        chosen = _selected(self.plans_view)
        if not chosen or not chosen[1]:
            return
        if path is None:
            name = folders.save_file(
                self, self.ctx, tr("Export the notice"),
                tr("{plan} notice").format(plan=chosen[0].name) + ".xlsx", "Excel (*.xlsx)")
            if not name:
                return
            path = Path(name)
        draw_id = chosen[1]
        self._run(lambda ledger: notices.export(ledger, draw_id, path),
                  tr("Written to {path}").format(path=path))

    def record_inspection(self) -> None:
        task = _selected(self.tasks_view)
        if task is None or task.inspection_id:
            return
        from ..forms.random_task import TaskInspectionForm
        TaskInspectionForm(self.ctx, row_id=task.id, parent=self).open()

    def set_member_class(self) -> None:
        member = _selected(self.members_view)
        if member:
            code = self.class_combo.currentData()
            self._run(lambda ledger: directory.set_class(ledger, member.enterprise_id, code))

    def toggle_member(self) -> None:
        member = _selected(self.members_view)
        if member:
            self._run(lambda ledger: directory.put_member(ledger, member.enterprise_id,
                                                          active=not member.active))

    def edit_member_items(self) -> None:
        member = _selected(self.members_view)
        if member is None or self.data is None:
            return
        dialog = ItemsDialog(self.data.items, member, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            chosen = dialog.chosen()
            self._run(lambda ledger: directory.put_member(ledger, member.enterprise_id, chosen))

    def add_class(self) -> None:
        dialog = ClassDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            raw = dialog.raw()
            self._run(lambda ledger: classes.add(ledger, raw), tr("Class saved."))

    def add_item(self) -> None:
        dialog = ItemDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            raw = dialog.raw()
            self._run(lambda ledger: directory.add_item(ledger, raw), tr("Item saved."))

    def add_officer(self) -> None:
        dialog = OfficerDialog(self.ctx, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            raw = dialog.raw()
            self._run(lambda ledger: officers.add(ledger, raw), tr("Officer saved."))

    def toggle_officer(self) -> None:
        officer = _selected(self.officers_view)
        if officer:
            self._run(lambda ledger: officers.update(ledger, officer.id,
                                                     {"active": 0 if officer.active else 1}))

    def declare_conflict(self) -> None:
        officer = _selected(self.officers_view)
        if officer is None:
            return
        key, ok = QInputDialog.getText(self, tr("Declare a conflict"), tr(
            "{name} declares a conflict of interest with the enterprise (name or credit code):")
            .format(name=officer.name))
        if ok and key.strip():
            self._run(lambda ledger: officers.declare(
                ledger, officer.id, officers.enterprise(ledger, key)),
                tr("Conflict recorded."))

    def import_file(self, which: str, path: Path | None = None) -> None:
        if path is None:
            name = folders.open_file(self, self.ctx, tr("Import"), "Excel (*.xlsx *.xls)")
            if not name:
                return
            path = Path(name)
        fn = imports.import_directory if which == "directory" else imports.import_officers
        self._run(lambda ledger: fn(ledger, path), tr("Imported {name}.").format(name=path.name))

    def mark_published(self) -> None:
        chosen = _selected(self.publications_view)
        if chosen and not chosen.published_on:
            self._run(lambda ledger: notices.publish(ledger, chosen.draw_id, chosen.which),
                      tr("Publication recorded."))
