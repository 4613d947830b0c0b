"""Build the shipped return forms (resources/returns/*.xlsx) as a province would lay them out.

    .venv/bin/python docs/returns/make_templates.py

Each form is an ordinary workbook: title, statutory marks top left and top right, a two-level
merged header, a 栏次 row (甲 乙 1 2 3 …), a repeat row of placeholders, the 合计 row, notes,
the sign-off line and room for the seal; A4 landscape, one page wide, header rows repeated.
The bureau-set marks (表号, 制定机关, 批准机关, 批准文号, 有效期至) are placeholders, filled from
the marks set in the app, never invented here. Placeholders are documented in docs/returns.md.
"""
from __future__ import annotations

import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "resources" / "returns"
FONT = "宋体"
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
STEMS = "乙丙丁戊己"

# (group or None, header, placeholder, number format, width)
Column = tuple[str | None, str, str, str, float]


class FormBuilder:
    """One form sheet, written top to bottom."""

    def __init__(self, title: str, description: str, sheet_name: str):
        self.book = Workbook()
        self.sheet: Worksheet = self.book.active
        self.sheet.title = sheet_name
        self.book.properties.title = description
        self.book.properties.creator = "EcoLedger"
        self.row = 1
        self.title = title
        self.width = 0

    def columns(self, columns: list[Column]) -> None:
        self.cols = columns
        self.width = len(columns)
        for i, (_, _, _, _, w) in enumerate(columns, 1):
            self.sheet.column_dimensions[get_column_letter(i)].width = w

    def put(self, r: int, c: int, value: object, *, size: float = 10.5, bold: bool = False,
            h: str = "left", box: bool = False, wrap: bool = False, fmt: str = "") -> None:
        cell = self.sheet.cell(r, c, value)
        cell.font = Font(name=FONT, size=size, bold=bold)
        cell.alignment = Alignment(horizontal=h, vertical="center", wrap_text=wrap)
        if box:
            cell.border = BOX
        if fmt:
            cell.number_format = fmt

    def merge(self, r: int, c: int, r2: int, c2: int) -> None:
        if (r, c) != (r2, c2):
            self.sheet.merge_cells(start_row=r, start_column=c, end_row=r2, end_column=c2)

    def boxed_merge(self, r: int, c: int, r2: int, c2: int) -> None:
        for rr in range(r, r2 + 1):
            for cc in range(c, c2 + 1):
                self.sheet.cell(rr, cc).border = BOX
        self.merge(r, c, r2, c2)

    def title_row(self) -> None:
        self.put(self.row, 1, self.title, size=16, bold=True, h="center")
        self.merge(self.row, 1, self.row, self.width)
        self.sheet.row_dimensions[self.row].height = 30
        self.row += 1

    def marks(self, left: list[str], right: list[str]) -> None:
        """Marks top left (unit, period, 计量单位) and top right (表号 … 有效期至)."""
        split = self.width - max(5, self.width // 3) + 1
        for i in range(max(len(left), len(right))):
            if i < len(left):
                self.put(self.row, 1, left[i])
                self.merge(self.row, 1, self.row, split - 1)
            if i < len(right):
                self.put(self.row, split, right[i])
                self.merge(self.row, split, self.row, self.width)
            self.sheet.row_dimensions[self.row].height = 16
            self.row += 1

    def header(self, first: list[str]) -> int:
        """Two header rows, groups merged across, single headers merged down; then 栏次."""
        top, low = self.row, self.row + 1
        c = 1
        while c <= self.width:
            group = self.cols[c - 1][0]
            end = c
            while group and end < self.width and self.cols[end][0] == group:
                end += 1
            if group:
                self.put(top, c, group, bold=True, h="center", box=True, wrap=True)
                self.boxed_merge(top, c, top, end)
                for k in range(c, end + 1):
                    self.put(low, k, _two_lines(self.cols[k - 1][1]), bold=True, h="center",
                             box=True, wrap=True)
            else:
                self.put(top, c, _two_lines(self.cols[c - 1][1]), bold=True, h="center", box=True,
                         wrap=True)
                self.boxed_merge(top, c, low, c)
            c = end + 1
        self.sheet.row_dimensions[top].height = 30
        self.sheet.row_dimensions[low].height = 50
        self.row += 2
        # 栏次: 甲 for the row label column(s), then 1, 2, 3 … for the figures
        number = 0
        for k, (_, _, placeholder, _, _) in enumerate(self.cols, 1):
            if k <= len(first):
                label = first[k - 1]
            else:
                number += 1
                label = str(number)
            self.put(self.row, k, label, h="center", box=True)
        self.sheet.row_dimensions[self.row].height = 16
        self.sheet.print_title_rows = f"{top}:{self.row}"
        self.row += 1
        return top

    def section(self, text: str) -> None:
        self.put(self.row, 1, text, bold=True, box=True)
        self.boxed_merge(self.row, 1, self.row, self.width)
        self.row += 1

    def data_row(self, cells: list[object], *, bold: bool = False) -> None:
        for k, value in enumerate(cells, 1):
            fmt = self.cols[k - 1][3]
            h = "left" if fmt == "@" else "right" if fmt else "center"
            self.put(self.row, k, value, bold=bold, h=h, box=True, fmt=fmt if fmt != "@" else "",
                     wrap=fmt == "@")
        self.sheet.row_dimensions[self.row].height = 18
        self.row += 1

    def notes(self, lines: list[str]) -> None:
        for line in lines:
            self.put(self.row, 1, line, size=9.5, wrap=True)
            self.merge(self.row, 1, self.row, self.width)
            self.sheet.row_dimensions[self.row].height = 24
            self.row += 1

    def sign_off_line(self) -> None:
        """The sign-off in one merged cell (a long list: the row must read as a footer)."""
        self.row += 1
        self.put(self.row, 1, "单位负责人：{{sign.unit_head}}　　统计负责人：{{sign.statistician}}"
                 "　　填表人：{{sign.filled_by}}　　联系电话：{{sign.phone}}"
                 "　　报出日期：{{sign.reported_on}}　　（单位盖章）")
        self.merge(self.row, 1, self.row, self.width)
        self.sheet.row_dimensions[self.row].height = 40
        self.row += 1

    def sign_off(self) -> None:
        """单位负责人 … 报出日期 across the width, then room for the seal at the right."""
        self.row += 1
        parts = ["单位负责人：{{sign.unit_head}}", "统计负责人：{{sign.statistician}}",
                 "填表人：{{sign.filled_by}}", "联系电话：{{sign.phone}}",
                 "报出日期：{{sign.reported_on}}"]
        lines = [parts] if self.width >= 10 else [parts[:3], parts[3:]]  # a narrow form: two
        for line in lines:
            starts = [1 + round(i * self.width / len(line)) for i in range(len(line))]
            for i, text in enumerate(line):
                end = (starts[i + 1] - 1) if i + 1 < len(line) else self.width
                self.put(self.row, starts[i], text)
                self.merge(self.row, starts[i], self.row, end)
            self.sheet.row_dimensions[self.row].height = 20
            self.row += 1
        seal = max(1, self.width - 3)
        self.put(self.row, seal, "（单位盖章）", h="center")
        self.merge(self.row, seal, self.row, self.width)
        self.sheet.row_dimensions[self.row].height = 34  # room for the seal beside it
        self.row += 1

    def print_setup(self, freeze: str, orientation: str = "landscape") -> None:
        s = self.sheet
        s.page_setup.paperSize = s.PAPERSIZE_A4
        s.page_setup.orientation = orientation
        s.page_setup.fitToWidth = 1
        s.page_setup.fitToHeight = 0
        s.sheet_properties.pageSetUpPr.fitToPage = True
        s.print_options.horizontalCentered = True
        s.page_margins.left = s.page_margins.right = 0.4
        s.page_margins.top, s.page_margins.bottom = 0.5, 0.75
        s.page_margins.header, s.page_margins.footer = 0.3, 0.3  # the footer line fits below
        s.oddFooter.center.text = "第 &P 页，共 &N 页"
        s.freeze_panes = freeze

    def save(self, name: str) -> Path:
        path = OUT / f"{name}.xlsx"
        self.book.save(path)
        return path


def _two_lines(header: str) -> str:
    """A long column header breaks before its unit, as printed forms set it: 交办问题数\n（个）."""
    if len(header) > 5 and "（" in header and "\n" not in header and not header.startswith("（"):
        at = header.rindex("（")
        return header[:at] + "\n" + header[at:]
    return header


RIGHT_MARKS = ["表　　号：{{form.number}}", "制定机关：{{form.issued_by}}",
               "批准机关：{{form.approved_by}}", "批准文号：{{form.approval_number}}",
               "有效期至：{{form.valid_until}}"]
ROUNDING = ("罚款金额以万元计，各行按分四舍五入保留两位小数，合计为各行印出数之和。")


def campaign_progress() -> Path:
    f = FormBuilder("{{campaign.name}}进展情况统计表", "专项行动进展情况统计表（按区县）",
                    "专项行动进展情况统计表")
    f.columns([
        (None, "区县", "{{region.name}}", "@", 11),
        (None, "代码", "{{region.code}}", "@", 8),
        (None, "排查污染源数（家）", "{{sources}}", "0", 8),
        ("问题整改", "检查发现问题数（个）", "{{found}}", "0", 8),
        ("问题整改", "交办问题数（个）", "{{assigned}}", "0", 8),
        ("问题整改", "已销号（个）", "{{closed}}", "0", 8),
        ("问题整改", "已办结（个）", "{{reported_done}}", "0", 8),
        ("问题整改", "逾期未整改（个）", "{{overdue}}", "0", 8),
        ("问题整改", "清零率（%）", "{{clearance_rate}}", "0.00", 8),
        ("问题整改", "阶段性办结（个）", "{{stage_concluded}}", "0", 8),
        ("问题整改", "办结率（%）", "{{conclusion_rate}}", "0.00", 8),
        ("问题整改", "达序时\n进度", "{{on_pace}}", "", 7),
        ("行政处罚", "处罚决定书（份）", "{{cases}}", "0", 8),
        ("行政处罚", "罚款金额（万元）", "{{fines}}", "0.00", 9.5),
        ("典型案件", "按日连续处罚（件）", "{{daily_fine}}", "0", 7.5),
        ("典型案件", "查封扣押（件）", "{{seizure}}", "0", 7.5),
        ("典型案件", "限产停产（件）", "{{restriction}}", "0", 7.5),
        ("典型案件", "移送行政拘留（起）", "{{detention}}", "0", 7.5),
        ("典型案件", "移送涉嫌环境污染犯罪（件）", "{{crime_transfer}}", "0", 8.5),
        (None, "关停取缔散乱污企业（家）", "{{closure}}", "0", 10),
    ])
    f.title_row()
    f.marks(["综合机关名称：{{unit.name}}", "单位代码：{{unit.code}}",
             "统计截止日期：{{period.as_of}}", "计量单位：家、个、份、件、起、万元、%"],
            RIGHT_MARKS)
    f.header(["甲", "乙"])
    repeat = f.row
    f.data_row([c[2] for c in f.cols])
    f.data_row(["合计", ""] + [c[2] for c in f.cols[2:]], bold=True)
    f.merge(f.row - 1, 1, f.row - 1, 2)
    f.notes([
        "说明：1. 交办问题数为截至统计日已交办、未撤回的问题；检查发现问题数为其中来源为现场检查的；"
        "已销号为截至统计日验收销号的问题；已办结为整改完成、待验收销号的问题；阶段性办结为整改方案已落实、"
        "尚需长期推进未销号的问题；清零率＝已销号÷交办问题数×100%，办结率＝（已销号＋已办结＋阶段性办结）"
        "÷交办问题数×100%，交办为0时填“—”；达序时进度指清零率不低于序时进度（专项行动目标清零率×已过时间占比），"
        "不分专项行动统计时填“—”。",
        "2. 排查污染源数、关停取缔散乱污企业数按不同企业计（一家企业多次只计一家）；"
        "处罚决定书按决定日期计；典型案件一案多类的分别计数。3. " + ROUNDING,
    ])
    f.sign_off()
    f.print_setup(f"C{repeat}")
    return f.save("campaign_progress")


def penalty_monthly() -> Path:
    f = FormBuilder("{{period.year}}年{{period.month}}月环境保护法配套办法执行情况统计表",
                    "五类案件月报表（本月、累计、同比）", "五类案件月报表")
    cols: list[Column] = [(None, "区县", "{{region.name}}", "@", 10)]
    cols += [("五类案件合计（件）", "本月", "{{five_kinds:month}}", "0", 5.5),
             ("五类案件合计（件）", "本月同比（%）", "{{five_kinds:month_change}}", "0.00", 7),
             ("五类案件合计（件）", "1—{{period.month}}月累计", "{{five_kinds:year}}", "0", 6),
             ("五类案件合计（件）", "累计同比（%）", "{{five_kinds:year_change}}", "0.00", 7)]
    for name, key, unit in (("按日连续处罚", "daily_fine", "件"), ("查封扣押", "seizure", "件"),
                            ("限产停产", "restriction", "件"), ("移送行政拘留", "detention", "起"),
                            ("移送涉嫌犯罪", "crime_transfer", "件")):
        group = f"{name}（{unit}）"
        cols += [(group, "本月\n立案", f"{{{{{key}_opened:month}}}}", "0", 5),
                 (group, "本月\n决定", f"{{{{{key}:month}}}}", "0", 5),
                 (group, "累计\n立案", f"{{{{{key}_opened:year}}}}", "0", 5),
                 (group, "累计\n决定", f"{{{{{key}:year}}}}", "0", 5),
                 (group, "决定累计\n同比（%）", f"{{{{{key}:year_change}}}}", "0.00", 7)]
        if key == "daily_fine":
            cols.append((group, "累计罚款（万元）", "{{daily_fine_amount:year}}", "0.00", 8))
    cols += [("立案（件）", "本月", "{{opened:month}}", "0", 5.5),
             ("立案（件）", "累计", "{{opened:year}}", "0", 5.5),
             ("处罚决定书（份）", "本月", "{{cases:month}}", "0", 6),
             ("处罚决定书（份）", "累计", "{{cases:year}}", "0", 6.5),
             ("罚款金额（万元）", "本月", "{{fines:month}}", "0.00", 8),
             ("罚款金额（万元）", "累计", "{{fines:year}}", "0.00", 8.5),
             (None, "平均每案罚款（万元）", "{{average_fine:year}}", "0.00", 8)]
    f.columns(cols)
    f.title_row()
    f.marks(["综合机关名称：{{unit.name}}（{{unit.code}}）",
             "统计期：{{period.year}}年1—{{period.month}}月（截至{{period.as_of}}）",
             "计量单位：件、起、份、万元、%"], RIGHT_MARKS)
    f.header(["甲"])
    repeat = f.row
    f.data_row([c[2] for c in f.cols])
    f.data_row(["合计"] + [c[2] for c in f.cols[1:]], bold=True)
    f.notes([
        "说明：1. 五类案件指按日连续处罚、查封扣押、限产停产、移送行政拘留、移送涉嫌环境污染犯罪案件，"
        "一案多类的分别计数；立案按立案日期、决定按处罚决定书日期统计（未录立案日期的案件不计入立案数）；"
        "移送行政拘留以起计。",
        "2. 本月同比＝（本月－去年同月同日止）÷去年同月×100%；累计同比＝（1—N月累计－去年同期）"
        "÷去年同期×100%；去年为0时填“—”。平均每案罚款＝累计罚款÷累计处罚决定书。3. " + ROUNDING,
    ])
    f.sign_off()
    f.print_setup(f"B{repeat}")
    return f.save("penalty_monthly")


def problems_by_category() -> Path:
    f = FormBuilder("生态环境问题分类统计表", "问题分类统计表（按类别、按来源）", "问题分类统计表")
    figures = [("问题整改", "交办问题数（个）", "{{assigned}}", "0", 12),
               ("问题整改", "已销号（个）", "{{closed}}", "0", 11),
               ("问题整改", "已完成待验收（个）", "{{reported_done}}", "0", 12),
               ("问题整改", "逾期未整改（个）", "{{overdue}}", "0", 12),
               ("问题整改", "10日内到期（个）", "{{due_10}}", "0", 12),
               ("问题整改", "清零率（%）", "{{clearance_rate}}", "0.00", 11)]
    f.columns([(None, "项目", "", "@", 22), *figures])
    f.title_row()
    f.marks(["综合机关名称：{{unit.name}}（{{unit.code}}）", "统计截止日期：{{period.as_of}}",
             "专项行动：{{campaign.name}}", "计量单位：个、%"], RIGHT_MARKS)
    f.header(["甲"])
    f.section("一、按问题类别")
    repeat = f.row
    f.data_row(["{{category.name}}"] + [c[2] for c in figures])
    f.data_row(["小计"] + [c[2] for c in figures], bold=True)
    f.section("二、按问题来源")
    f.data_row(["{{source.name}}"] + [c[2] for c in figures])
    f.data_row(["小计"] + [c[2] for c in figures], bold=True)
    f.notes(["说明：两部分各自覆盖全部交办问题，小计应相等；清零率＝已销号÷交办问题数×100%。"])
    f.sign_off()
    f.print_setup(f"B{repeat}", orientation="portrait")
    return f.save("problems_by_category")


def rectification_ledger() -> Path:
    f = FormBuilder("{{unit.name}}生态环境问题整改台账", "生态环境问题整改台账（逐条）", "整改台账")
    f.columns([
        (None, "序号", "{{row.number}}", "0", 6),
        (None, "问题编号", "{{problem.number}}", "@", 14),
        (None, "区县", "{{problem.region}}", "@", 9),
        (None, "企业名称", "{{problem.enterprise}}", "@", 20),
        (None, "统一社会信用代码", "{{problem.credit_code}}", "@", 21),
        (None, "问题类别", "{{problem.category}}", "@", 10),
        (None, "问题描述", "{{problem.description}}", "@", 28),
        (None, "问题来源", "{{problem.source}}", "@", 11),
        (None, "批次", "{{problem.batch}}", "@", 12),
        (None, "交办日期", "{{problem.assigned_on}}", "@", 11),
        (None, "原定整改时限", "{{problem.original_deadline}}", "@", 11),
        (None, "整改时限", "{{problem.deadline}}", "@", 11),
        (None, "责任单位", "{{problem.responsible_unit}}", "@", 16),
        (None, "责任人", "{{problem.responsible_person}}", "@", 8),
        (None, "整改措施", "{{problem.measures}}", "@", 24),
        (None, "整改状态", "{{problem.status}}", "@", 11),
        (None, "逾期", "{{problem.overdue}}", "@", 6),
        (None, "完成日期", "{{problem.done_on}}", "@", 11),
        (None, "销号日期", "{{problem.closed_on}}", "@", 11),
        (None, "原销号日期", "{{problem.earlier_closed_on}}", "@", 11),
        (None, "反弹日期", "{{problem.reopened_on}}", "@", 11),
        (None, "受理编号", "{{problem.complaint_number}}", "@", 18),
        (None, "验收日期", "{{problem.accepted_on}}", "@", 11),
        (None, "验收人", "{{problem.accepted_by}}", "@", 9),
    ])
    f.title_row()
    f.marks(["统计截止日期：{{period.as_of}}　共 {{ledger.row_count}} 条"],
            ["综合机关名称：{{unit.name}}（{{unit.code}}）"])
    top = f.row
    for k, (_, header, _, _, _) in enumerate(f.cols, 1):
        f.put(top, k, header, bold=True, h="center", box=True, wrap=True)
    f.sheet.row_dimensions[top].height = 30
    f.sheet.print_title_rows = f"{top}:{top}"
    f.row += 1
    f.data_row([c[2] for c in f.cols])
    f.notes(["说明：整改时限为统计日有效的时限（含已批准的延期），原定整改时限为交办时的时限；"
             "逾期指统计日未销号且已过整改时限；销号日期只填统计日已销号的问题；反弹的问题不填销号日期，反弹前的销号日期填在原销号日期，反弹日期另列；验收日期、验收人为统计日有效的销号验收。"])
    f.sign_off_line()
    f.print_setup(f"A{top + 1}")
    return f.save("rectification_ledger")


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for make in (campaign_progress, penalty_monthly, problems_by_category, rectification_ledger):
        print(make())
    return 0


if __name__ == "__main__":
    sys.exit(main())
