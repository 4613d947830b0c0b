"""Render every page, with demo data, to PNG files: `python -m gui.screenshots [folder]`.

Runs offscreen (QT_QPA_PLATFORM=offscreen) with the CJK font the app picks, at 1366×768
(the office screen), in Chinese into the folder and in English into its en/ subfolder;
used by `make screenshots` for docs/screenshots/.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QItemSelectionModel, QSize  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from core import demo, problems, settings  # noqa: E402
from core.ledger import Ledger  # noqa: E402

from . import i18n  # noqa: E402
from .app import application, open_context  # noqa: E402
from .context import AppContext  # noqa: E402
from .pages import PAGES  # noqa: E402

SIZE = QSize(1366, 768)
LANGUAGES = (("zh_CN", ""), ("en", "en"))  # language, subfolder


def settle(ctx: AppContext, seconds: float = 0.3) -> None:
    """Let the worker answer and the widgets repaint."""
    app = QApplication.instance()
    deadline = time.monotonic() + 30
    while ctx.db.pending and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def make_ledger(folder: Path) -> Path:
    path = folder / "ledger.db"
    ledger = Ledger.open(path, operator="王晓峰")
    settings.set_jurisdiction(ledger, "141000")
    settings.put(ledger, "operator_name", "王晓峰")
    demo.load(ledger, seed=1)
    ledger.close()
    return path


def _photo(path: Path, colour: str, text: str) -> Path:
    image = QImage(320, 240, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    painter = QPainter(image)
    painter.setPen(QColor("white"))
    font = QApplication.font()
    font.setPointSize(28)
    painter.setFont(font)
    painter.drawText(image.rect(), 0x84, text)  # AlignCenter
    painter.end()
    image.save(str(path))
    return path


def save(widget: QWidget, folder: Path, name: str) -> None:
    widget.grab().save(str(folder / f"{name}.png"))
    print(folder / f"{name}.png")


@contextmanager
def demo_window(folder: Path, language: str = "zh_CN"
                ) -> Iterator[tuple[AppContext, Any, Path]]:
    """The main window in `language` on a fresh demo ledger; closed afterwards."""
    app = application()
    i18n.install(app, language)
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        ctx, _ = open_context(make_ledger(Path(scratch)), Path(scratch))
        from .main_window import MainWindow

        window = MainWindow(ctx)
        # A refused write says so on stderr and fails the run (a message box would wait
        # offscreen for a click that never comes).
        failures: list[BaseException] = []
        ctx.db.failed.disconnect(window.show_error)
        ctx.db.failed.connect(lambda error: (failures.append(error),
                                             print(f"failed: {error}", file=sys.stderr)))
        window.resize(SIZE)
        window.show()
        try:
            yield ctx, window, Path(scratch)
        finally:
            window.close()
            ctx.db.close()
        if failures:
            raise SystemExit(f"{len(failures)} write(s) failed while rendering")


def render(folder: Path, only: set[str] | None = None, language: str = "zh_CN") -> None:
    """Every page (or the pages whose keys are in `only`, without the forms and wizard)."""
    with demo_window(folder, language) as (ctx, window, scratch):
        for number, key in enumerate((entry.key for entry in PAGES), 1):
            if only and key not in only:
                continue
            window.page(key)
            settle(ctx)
            if key == "problems":
                _select_closed_problem(ctx, window, scratch)
            if key == "exchange":
                _exchange_with_a_county(ctx, window, scratch)
            if key in ("penalties", "penalty_clocks"):
                _select_penalty_case(ctx, window, key)
            save(window, folder, f"{number}-{key}")
            if key == "random":
                _random_tabs(ctx, window, folder, f"{number}-{key}")
        if not only or "code_lists" in only:
            _code_lists(ctx, window, folder)
        if not only:
            _forms(ctx, window, folder)
            _import_wizard(ctx, window, folder, scratch)
        for key, draw in EXTRAS.items():
            if not only or key in only:
                draw(ctx, window, folder, scratch)


def _random_tabs(ctx: AppContext, window, folder: Path, name: str) -> None:
    """The 双随机 page's other tabs: the directories, then coverage and publication."""
    page = window.pages["random"]
    for index, suffix in ((1, "directories"), (2, "publication")):
        page.tabs.setCurrentIndex(index)
        settle(ctx)
        save(window, folder, f"{name}-{suffix}")
    page.tabs.setCurrentIndex(0)


def _select_closed_problem(ctx: AppContext, window, scratch: Path) -> None:
    """Show a closed problem with its before and after photos in the detail."""
    page = window.pages["problems"]
    row_id = page.model.row_id(2)
    status = page.model.value(2, "status")
    before = _photo(scratch / "before.png", "#7a5c3a", "整改前")
    after = _photo(scratch / "after.png", "#2e7d32", "整改后")

    def prepare(ledger):
        from core import attachments
        attachments.attach(ledger, row_id, [before], "before")
        _extend(ledger, row_id)
        path = [("in_progress", "reported_done", "closed"), ("reported_done", "closed"),
                ("closed",)]
        steps = {"assigned": path[0], "in_progress": path[1], "reported_done": path[2]}
        for step in steps.get(status, ()):
            problems.transition(ledger, row_id, step, acceptance=_ACCEPTED)
        problems.add_note(ledger, row_id, "复查确认料场已全封闭，抑尘设施正常运行")
        return attachments.attach(ledger, row_id, [after], "after")
    ctx.db.op(prepare).run()
    settle(ctx)
    page.table.selectionModel().setCurrentIndex(
        page.model.index(2, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    settle(ctx, 0.5)


def _select_penalty_case(ctx: AppContext, window, key: str) -> None:
    """A case with a daily fine counted, a seizure and running clocks; in the clock queue,
    the first overdue clock's case."""
    page = window.pages[key]
    if key == "penalty_clocks":
        table = page.overdue if page.overdue.rowCount() else page.this_week
        table.selectRow(0)
        settle(ctx, 0.5)
        return

    def pick(ledger) -> str:
        from collections import Counter

        from core.penalties import clocks
        running = Counter(c.case_number for c in clocks.running(ledger))
        return max(running, key=lambda number: (running[number], number))
    number = ctx.db.call(pick)

    def procedure(ledger) -> None:
        """A recheck that still finds the discharge (a day count), a new order and a
        seizure running, so that the detail shows each kind of entry."""
        import datetime as dt

        from core import lookup
        from core.penalties import daily_fines, seizures
        case = lookup.penalty_id(ledger, number)
        today = dt.date.today()
        served = daily_fines.orders(ledger, case)
        if served:
            checked = max(dt.date.fromisoformat(served[-1]["served_on"]) + dt.timedelta(days=1),
                          today - dt.timedelta(days=3))
            daily_fines.add_recheck(ledger, case, checked.isoformat(), "still_discharging")
            daily_fines.add_order(ledger, case, (checked + dt.timedelta(days=1)).isoformat())
        seizures.record(ledger, case, (today - dt.timedelta(days=12)).isoformat())
    ctx.db.call(procedure)
    page.filters.search.setText(number)
    page.filters.search.search.emit(number)
    settle(ctx, 0.5)
    page.table.selectionModel().setCurrentIndex(
        page.model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    settle(ctx, 0.5)


_ACCEPTED = {"accepted_by": "赵志强", "accepted_unit": "临汾市生态环境局曲沃分局",
             "opinion": "经现场核查，料场已全封闭，抑尘设施正常运行，同意销号"}


def _acceptance_form(ctx: AppContext, window, folder: Path, scratch: Path) -> None:
    """The small form closing asks for: a problem reported done, half filled in."""
    from .forms.acceptance import AcceptanceForm

    window.page("problems")
    settle(ctx)
    row_id, number = ctx.db.call(lambda ledger: tuple(ledger.conn.execute(
        "SELECT p.id, p.number || '  ' || e.name FROM problem p JOIN enterprise e "
        "ON e.id = p.enterprise_id WHERE status = 'reported_done' ORDER BY number "
        "LIMIT 1").fetchone()))
    form = AcceptanceForm(ctx, parent=window, problem_id=row_id, heading=number)
    form.show()
    settle(ctx)
    form.fields["accepted_by"].widget.setText("赵志强")
    form.photo_list.set_paths([str(_photo(scratch / "整改后-东侧料场.png", "#2e7d32", "整改后"))])
    form.validate()
    settle(ctx, 0.6)
    form.adjustSize()
    settle(ctx)
    save(form, folder, "acceptance-form")
    form.close()


def _complaint_workbook(path: Path) -> Path:
    """Two batch sheets of a central inspection's complaint list, the dates only in the titles
    and complaint numbers, words the lists lack (油烟, 恶臭扰民), a summary sheet."""
    import openpyxl

    headers = ["序号", "受理编号", "交办问题基本情况", "行政区域", "污染类型", "处理和整改情况", "是否办结"]
    complaints = (("尧都区", "水", "洗煤厂夜间偷排洗煤废水", "已责令停产，拆除暗管", "已办结"),
                  ("曲沃县", "大气", "焦化厂焦炉烟气无组织排放", "密封改造完成，长效监管推进中", "阶段性办结"),
                  ("尧都区", "油烟", "城区餐馆油烟直排扰民", "已督促安装油烟净化设施", "正在办理"),
                  ("翼城县", "扬尘", "砖厂露天堆放煤矸石", "已苫盖，正在建设封闭料棚", "正在办理"),
                  ("洪洞县", "油烟", "夜市烧烤油烟扰民", "已规范经营区域", "已办结"),
                  ("襄汾县", "秸秆焚烧", "村民夜间焚烧秸秆", "已制止并清理现场", "已办结"))
    workbook = openpyxl.Workbook()
    for batch, day in (("第一批", "20250528"), ("第二批", "20250603")):
        sheet = workbook.active if batch == "第一批" else workbook.create_sheet(batch)
        sheet.title = batch
        sheet.append([f"中央第二生态环境保护督察组群众信访举报转办和边督边改公开情况一览表（{batch}）"])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
        sheet.append(headers)
        for number, (county, kind, text, done, status) in enumerate(complaints, 1):
            sheet.append([number, f"D3SX{day}{number:04d}", f"{county}{text}", county, kind, done,
                          status])
        sheet.append([f"共{len(complaints)}件"])
    summary = workbook.create_sheet("汇总")
    summary.append(["批次", "件数"])
    workbook.save(path)
    return path


def _import_mapping(ctx: AppContext, window, folder: Path, scratch: Path) -> None:
    """The wizard reading every batch sheet, with its table of words to map."""
    wizard = window.open_import()
    wizard.resize(1280, 740)
    wizard.file_page.choose(_complaint_workbook(scratch / "信访一览表.xlsx"))
    settle(ctx)
    wizard.next()
    settle(ctx)
    wizard.next()
    settle(ctx, 0.6)
    choice = wizard.preview_page.words.cellWidget(0, 3)
    choice.setCurrentIndex(choice.findData("waste_gas"))  # 油烟 → 废气; 秸秆焚烧 still open
    settle(ctx, 0.6)
    save(wizard, folder, "import-wizard-mapping")
    wizard.reject()


# Pictures that are not pages, rendered by key (`python -m gui.screenshots docs/screenshots KEY`).


def _exchange_with_a_county(ctx: AppContext, window, scratch: Path) -> None:
    """The city's PC with the bureau's key file, after a file from a county PC that edited
    two problems the city edited too: two conflicts, one with a long value."""
    from core import exchange

    key_file = scratch / "临汾市局.key"

    def prepare(ledger) -> Path:
        exchange.set_site_name(ledger, "临汾市局-执法一队")
        exchange.generate_key_file(key_file)
        exchange.set_key_file(ledger, key_file)
        secret = exchange.shared_key(ledger).key
        exchange.export(ledger, scratch / "city.ecox", key=secret)
        county = Ledger.open(scratch / "quwo.db", operator="李建国")
        settings.set_jurisdiction(county, "141021")
        exchange.set_site_name(county, "曲沃县局-执法二队")
        exchange.import_file(county, scratch / "city.ecox", key=secret, confirm=True)
        first, second = [r[0] for r in ledger.conn.execute(
            "SELECT id FROM problem WHERE region_code LIKE '141021%' "
            "AND status NOT IN ('closed', 'withdrawn') ORDER BY id LIMIT 2")]
        problems.update(ledger, first, {"description": "东侧料堆未苫盖，已通知整改"})
        problems.update(county, first, {"description": (
            "复查：东侧料堆部分苫盖，西北角仍有约200平方米裸露，苫盖网多处破损；企业称新网"
            "已订购，三日内到货更换，县局将于下周二再次复查并拍照留存")})
        problems.update(ledger, second, {"responsible_person": "张明"})
        problems.update(county, second, {"responsible_person": "赵立新"})
        path = scratch / "quwo.ecox"
        exchange.export(county, path, to=exchange.site(ledger).id, key=secret)
        county.close()
        return path

    done = ctx.db.op(prepare).run()
    settle(ctx)
    page = window.pages["exchange"]
    page.import_file(done.result, confirm=True)
    settle(ctx, 0.6)
    page.conflicts.selectRow(0)
    settle(ctx)


def _returns_submitted_picture(ctx: AppContext, window, folder: Path, scratch: Path) -> None:
    """After the exchange picture: a file exchanged with a return submitted in it is
    refused by the county's ledger (the submission's figures fail the import's check)."""
    window.page("returns")
    settle(ctx)
    _returns_submitted(ctx, window, scratch)
    save(window, folder, "returns-submitted")


def _returns_submitted(ctx: AppContext, window, scratch: Path) -> None:
    """报送记录: a return sent ten days ago, then a back-dated close in 曲沃县 changed it."""
    import datetime as dt

    day = dt.date.today() - dt.timedelta(days=10)

    def prepare(ledger):
        from core.returns import marks, submissions
        marks.put(ledger, "campaign_progress", {"sign.statistician": "赵立新",
                                                "sign.filled_by": "李海燕"})
        sent = submissions.submit(ledger, "campaign_progress", scratch / "报送.xlsx", day,
                                  allow_blank=True)
        pid = ledger.conn.execute(
            "SELECT id FROM problem WHERE status = 'reported_done' AND region_code = '141021' "
            "AND status_since < ? LIMIT 1", (day.isoformat(),)).fetchone()[0]
        problems.transition(ledger, pid, "closed", on=day - dt.timedelta(days=1),
                            acceptance=_ACCEPTED)
        return submissions.lock(ledger, sent.id)
    ctx.db.op(prepare).run()
    settle(ctx)
    page = window.pages["returns"]
    page.tabs.setCurrentWidget(page.submitted)
    settle(ctx, 1.0)


def _extend(ledger, row_id: str) -> None:
    """An approved extension, so that the detail shows the deadline in force and the original."""
    import datetime as dt

    in_force = dt.date.fromisoformat(problems.get(ledger, row_id)["deadline_in_force"])
    later = max(in_force, dt.date.today()) + dt.timedelta(days=30)
    problems.approve_extension(ledger, problems.request_extension(
        ledger, row_id, later.isoformat(), "除尘设备到货延迟").id)


def _forms(ctx: AppContext, window, folder: Path) -> None:
    from .forms import InspectionForm

    window.page("inspections")
    form = InspectionForm(ctx, parent=window)
    form.show()
    settle(ctx)
    firm = ctx.db.call(lambda ledger: ledger.conn.execute(
        "SELECT name FROM enterprise ORDER BY name LIMIT 1").fetchone()[0])
    form.fields["enterprise_id"].widget.setText(firm)
    form.fields["inspected_on"].widget.setText("2024年3月5日")
    form.fields["officer_1"].widget.setText("王建国")
    form.fields["officer_2"].widget.setText("李海燕")
    form.add_problem()
    form.fields["problems[0].description"].widget.setPlainText("露天煤场未苫盖，扬尘明显")
    form.fields["problems[0].deadline"].widget.setText("2024-04-30")
    form.add_problem()
    form.fields["problems[1].description"].widget.setPlainText("雨污未分流，废水直排")
    form.fields["problems[1].deadline"].widget.setText("2024-02-30")
    form.validate()
    settle(ctx, 0.6)
    form.resize(700, 700)  # as tall as a 768-pixel screen leaves; the rest scrolls
    settle(ctx)
    save(form, folder, "inspection-form")
    form.close()


def _ledger_sheet(path: Path) -> Path:
    """A county's ledger as clerks keep it, with a mistyped date, a county of another city
    and a done date on an open problem, so that the preview has findings to show."""
    import datetime as dt

    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "整改台账"
    headers = ["序号", "问题编号", "所属区县", "企业名称", "问题类别", "问题描述", "交办日期",
               "整改时限", "责任单位", "整改状态", "完成日期"]
    sheet.append(["临汾市大气污染防治问题整改台账（第三批）"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    sheet.append([])
    sheet.append(headers)
    counties = ("尧都区", "曲沃县", "襄汾县", "洪洞县", "侯马市", "霍州市")
    problems_ = ("物料堆场未全封闭，道路扬尘明显", "焦炉烟气脱硫设施未正常运行",
                 "雨污未分流，生产废水直排", "危险废物贮存场所未设置标识")
    for number in range(1, 41):
        county = counties[number % len(counties)]
        assigned = dt.date(2024, 3, 1) + dt.timedelta(days=number % 9)
        status = ("整改中", "已完成", "已销号")[number % 3]
        done = assigned + dt.timedelta(days=12) if status != "整改中" else None
        sheet.append([number, f"临环督〔2024〕3-{number}号", county,
                      f"{county}第{number}焦化有限公司", ("扬尘", "废气", "废水", "固体废物")[number % 4],
                      problems_[number % 4], assigned, assigned + dt.timedelta(days=30),
                      f"{county}人民政府", status, done])
    sheet["G8"] = "2024年2月30日"
    sheet["C12"] = "阳城县"
    sheet["K15"] = dt.date(2024, 3, 20)
    workbook.save(path)
    return path


def _code_lists(ctx: AppContext, window, folder: Path) -> None:
    """The bureau's lists: categories with one it added, and its zone and department."""
    from core import codes, units

    from .dialogs.code_lists import CodeListsDialog

    def prepare(ledger) -> None:
        codes.add(ledger, "category", "土壤污染", code="soil", synonyms=["土壤", "耕地"])
        units.add(ledger, "临汾经济开发区", "zone")
        units.add(ledger, "临汾高新技术产业开发区", "zone")
        units.add(ledger, "市直部门", "department")
    ctx.db.call(prepare)
    dialog = CodeListsDialog(ctx, window)
    dialog.resize(1180, 640)
    dialog.show()
    settle(ctx)
    dialog.categories.select_code("waste_gas")
    settle(ctx)
    save(dialog, folder, "code-lists")
    dialog.tabs.setCurrentWidget(dialog.units)
    dialog.units.select_code("141000Z01")
    settle(ctx)
    save(dialog, folder, "code-lists-units")
    dialog.close()


def _import_wizard(ctx: AppContext, window, folder: Path, scratch: Path) -> None:
    """The wizard's preview of a workbook with two errors and a warning."""
    wizard = window.open_import()
    wizard.resize(1100, 720)
    wizard.file_page.choose(_ledger_sheet(scratch / "台账.xlsx"))
    settle(ctx)
    wizard.next()
    settle(ctx)
    wizard.next()
    settle(ctx, 0.6)
    save(wizard, folder, "import-wizard")
    wizard.reject()


def _accounts(ctx: AppContext, window, folder: Path, scratch: Path) -> None:
    """The administrator's account list: a manager, two clerks, one of them disabled."""
    from core import operators

    from .dialogs.accounts import AccountsDialog

    def staff(ledger):
        saved = operators.SCRYPT_N
        operators.SCRYPT_N = 2**12  # pictures, not protection
        try:
            for login, name, role in (("wangxf", "王晓峰", "admin"), ("zhangm", "张明", "manager"),
                                      ("liwy", "李文员", "clerk"), ("zhaolx", "赵立新", "clerk")):
                if not operators.find(ledger, login):
                    operators.add(ledger, login, name, role, "screenshot-1")
            operators.act_as(ledger, operators.find(ledger, "wangxf"))
            operators.update(ledger, "zhaolx", active=False)
        finally:
            operators.SCRYPT_N = saved
    ctx.db.call(staff)
    dialog = AccountsDialog(ctx, window)
    dialog.show()
    settle(ctx)
    dialog.table.selectRow(0)  # liwy, sorted by login
    dialog.message.setText(tr_("New password set for {login}.").format(login="liwy"))
    settle(ctx)
    save(dialog, folder, "accounts")
    dialog.close()


def _stale_save(ctx: AppContext, window, folder: Path, scratch: Path) -> None:
    """An enterprise saved by someone else while its form was open: the refusal."""
    from core import enterprises

    from .forms import EnterpriseForm

    firm = ctx.db.call(lambda ledger: ledger.conn.execute(
        "SELECT id FROM enterprise ORDER BY name LIMIT 1").fetchone()[0])
    page = window.page("enterprises")
    form = EnterpriseForm.edit(ctx, firm, parent=page)
    settle(ctx)

    def elsewhere(ledger):
        mine = ledger.operator
        ledger.operator = "zhangm"
        try:
            enterprises.update(ledger, firm, {"address": "曲沃县里村镇99号",
                                              "permit_number": "91141021MA0K2Y7X8P001V"})
        finally:
            ledger.operator = mine
    ctx.db.call(elsewhere)
    form.fields["address"].widget.setText("曲沃县里村镇88号")
    form.accept()
    settle(ctx, 0.5)
    dialog = form.stale_dialog
    dialog.resize(760, 330)
    settle(ctx)
    save(dialog, folder, "stale-save")
    dialog.reject()
    form.close()


def _history(ctx: AppContext, window, folder: Path, scratch: Path) -> None:
    """修改记录 of the closed problem the Problems picture shows."""
    page = window.page("problems")
    settle(ctx)
    dialog = page.detail.open_history()
    if dialog is None:
        return
    settle(ctx, 0.5)
    save(dialog, folder, "history")
    dialog.close()


def tr_(text: str) -> str:
    return i18n.tr(text)


# Dialogs of their own, rendered after the pages (or alone: `… docs/screenshots accounts`).
EXTRAS = {"returns-submitted": _returns_submitted_picture, "history": _history,
          "accounts": _accounts, "stale-save": _stale_save, "acceptance-form": _acceptance_form,
          "import-wizard-mapping": _import_mapping}


def main(argv: list[str]) -> int:
    """`python -m gui.screenshots [folder [page key…]]`: the named pages only, if given;
    `--language en` (or zh_CN) renders one language only."""
    languages = LANGUAGES
    if "--language" in argv:
        at = argv.index("--language")
        languages = tuple(entry for entry in LANGUAGES if entry[0] == argv[at + 1])
        argv = argv[:at] + argv[at + 2:]
    folder = Path(argv[0]) if argv else Path("docs/screenshots")
    for language, subfolder in languages:
        render(folder / subfolder if subfolder else folder, set(argv[1:]) or None, language)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
