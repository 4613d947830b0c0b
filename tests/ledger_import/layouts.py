"""Workbooks in the layouts bureaus publish and keep, built in code with openpyxl.

- `complaint_lists`: 群众信访举报转办和边督边改公开情况一览表, one sheet per batch, the date only
  in the title rows or inside the 受理编号, no deadline column, 是否办结 words, a later batch
  republishing an earlier complaint with a newer status, a 市直单位 row; a summary sheet and
  a hidden dictionary sheet beside them.
- `rectification_plan`: 整改落实情况台账 with a two-row header, section rows, tasks whose 序号
  and task cells are merged down over their measure rows, text deadlines and progress words,
  the county only inside 责任单位.
- `county_ledger`: a county's ledger with township group rows, 发现时间 written "3月5日" under
  a title giving the year and a 截至 date, 是否销号 / 销号时间 beside free-text 整改进展, a
  hidden column, 合计 and 填表说明 rows.
- `stacked_batches`: several batches stacked in one sheet, each with its own title, header
  and 小计 row.
"""
from __future__ import annotations

from pathlib import Path

import openpyxl

COMPLAINT_HEADERS = ("序号", "受理编号", "交办问题基本情况", "行政区域", "污染类型", "调查核实情况",
                     "是否属实", "处理和整改情况", "是否办结", "责任人")


def _title(sheet, text: str, width: int, row: int) -> None:
    sheet.cell(row=row, column=1, value=text)
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)


def complaint_lists(path: Path) -> Path:
    """Two batch sheets, a summary sheet, a hidden dictionary sheet."""
    workbook = openpyxl.Workbook()
    first = workbook.active
    first.title = "第一批"
    width = len(COMPLAINT_HEADERS)
    _title(first, "中央第二生态环境保护督察组群众信访举报转办和边督边改公开情况一览表（第一批）", width, 1)
    _title(first, "（2025年5月28日交办）", width, 2)
    first.append(COMPLAINT_HEADERS)
    first.append([1, "D3SX202505280001", "尧都区某洗煤厂夜间偷排洗煤废水，污染汾河支流", "临汾市尧都区",
                  "水", "经核查，反映问题属实", "属实", "已责令停产，拆除暗管，罚款20万元", "已办结", "张伟"])
    first.append([2, "D3SX202505280002", "曲沃县某焦化厂焦炉烟气无组织排放，周边异味明显", "曲沃",
                  "大气", "部分属实", "部分属实", "已完成焦炉密封改造，长效监管正在推进", "阶段性办结", "李强"])
    first.append([3, "D3SX202505280003", "城区多家餐馆油烟直排扰民", "市直单位", "油烟", "属实",
                  "属实", "正在办理，已督促安装油烟净化设施", "正在办理", "王敏"])
    first.append([4, "D3SX202505280004", "翼城县某砖厂露天堆放煤矸石，扬尘严重", "141022", "扬尘",
                  "属实", "属实", "已苫盖，正在建设封闭料棚", "", "赵磊"])
    first.append(["共4件"])
    second = workbook.create_sheet("第二批")
    _title(second, "中央第二生态环境保护督察组群众信访举报转办和边督边改公开情况一览表（第二批）", width, 1)
    second.append(COMPLAINT_HEADERS)
    second.append([1, "D3SX202506030001", "襄汾县某养殖场粪污直排农田", "襄汾县", "水", "属实", "属实",
                   "已清理粪污，建设储粪池", "已办结", "刘洋"])
    second.append([2, "D3SX202505280002", "曲沃县某焦化厂焦炉烟气无组织排放，周边异味明显", "曲沃县",
                   "大气", "部分属实", "部分属实", "焦炉密封改造完成，经复查无异味", "已办结", "李强"])
    second.append([3, "D3SX202506030002", "洪洞县某商砼站夜间施工噪声扰民", "洪洞县", "油烟", "属实",
                   "属实", "已限定作业时间", "已办结", "陈静"])
    summary = workbook.create_sheet("汇总")
    summary.append(["批次", "件数", "已办结"])
    summary.append(["第一批", 4, 1])
    summary.append(["第二批", 3, 3])
    words = workbook.create_sheet("字典")
    words.append(["是否办结"])
    for word in ("已办结", "阶段性办结", "正在办理"):
        words.append([word])
    words.sheet_state = "hidden"
    workbook.save(path)
    return path


PLAN_TOP = ("序号", "整改任务", "整改措施", "责任单位", "整改时限", "整改落实情况", None)
PLAN_BOTTOM = (None, None, None, None, None, "完成情况", "整改进展")


def rectification_plan(path: Path) -> Path:
    """A two-row header, section rows, tasks merged down over their measures."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "整改落实情况台账"
    width = len(PLAN_TOP)
    _title(sheet, "临汾市贯彻落实中央生态环境保护督察反馈意见整改落实情况台账", width, 1)
    sheet.append(PLAN_TOP)
    sheet.append(PLAN_BOTTOM)
    for column in range(1, 6):  # 序号 … 整改时限 span both header rows
        sheet.merge_cells(start_row=2, start_column=column, end_row=3, end_column=column)
    sheet.merge_cells(start_row=2, start_column=6, end_row=2, end_column=7)
    sheet.append(["一、大气污染防治"])
    sheet.merge_cells(start_row=4, start_column=1, end_row=4, end_column=width)
    # Task 1 over three measure rows (rows 5-7): 序号, task and unit merged down.
    sheet.append([1, "曲沃县焦化行业无组织排放问题突出", "立即开展焦化企业无组织排放排查", "曲沃县人民政府",
                  "立行立改", "已完成", "已排查12家"])
    sheet.append([None, None, "完成焦炉炉体密封改造", None, "2019年底前", "已完成", "改造全部完成"])
    sheet.append([None, None, "建立无组织排放长效监管机制", None, "长期坚持", "序时推进", "按月巡查"])
    for column in (1, 2, 4):
        sheet.merge_cells(start_row=5, start_column=column, end_row=7, end_column=column)
    sheet.append([2, "尧都区城区散煤燃烧问题未根本解决", "完成城区清洁取暖改造", "尧都区人民政府",
                  "2020年6月", "基本完成", "完成改造2.1万户"])
    sheet.append(["二、水污染防治"])
    sheet.merge_cells(start_row=9, start_column=1, end_row=9, end_column=width)
    sheet.append([3, "汾河临汾段水质不能稳定达标", "建设污水处理厂提标改造工程", "临汾市生态环境局尧都分局",
                  "2020年底前完成并长期坚持", "达到序时进度", "主体工程完工"])
    sheet.append([None, None, "开展入河排污口排查整治", None, "2019年底前", "未完成", "排查完成，整治推进中"])
    for column in (1, 2, 4):
        sheet.merge_cells(start_row=10, start_column=column, end_row=11, end_column=column)
    workbook.save(path)
    return path


COUNTY_HEADERS = ("序号", "乡镇", "企业名称", "问题描述", "问题来源", "发现时间", "整改时限", "整改进展",
                  "是否销号", "销号时间", "备用")


def county_ledger(path: Path) -> Path:
    """Township group rows, year-less dates, 是否销号 beside 整改进展, 合计 and 填表说明 rows."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "问题台账"
    width = len(COUNTY_HEADERS)
    _title(sheet, "曲沃县2025年生态环境问题整改台账（截至2025年6月30日）", width, 1)
    sheet.append(COUNTY_HEADERS)
    sheet.append(["乐昌镇"])                                               # row 3
    sheet.merge_cells(start_row=3, start_column=1, end_row=3, end_column=width)
    sheet.append([1, "乐昌镇", "曲沃县宏达焦化有限公司", "焦炉煤气放散未点燃", "自查自纠", "3月5日",
                  "2025-04-30", "已完成整改并验收", "是", "2025-05-10", "x"])       # row 4: closed
    sheet.append([2, "乐昌镇", "曲沃县兴旺砖厂", "无环评手续违法生产", "12345热线", "3月12日",
                  "2025-05-31", "已取缔", "√", None, "x"])                        # row 5: closed, 截至
    sheet.append([3, "乐昌镇", "曲沃县顺达洗煤厂", "煤泥露天堆放", "自查自纠", "4月2日",
                  "2025-05-15", "整改完成待销号", "否", "2025-06-01", "x"])       # row 6: contradiction
    sheet.append(["史村镇"])                                               # row 7
    sheet.merge_cells(start_row=7, start_column=1, end_row=7, end_column=width)
    sheet.append([4, "史村镇", "曲沃县鑫源铸造厂", "熔炼废气未经处理直排", "12345热线", "4月20日",
                  "2025-06-30", "已停产整治", "否", None, "x"])                   # row 8
    sheet.append([5, "史村镇", "曲沃县金地建材有限公司", "厂区道路扬尘", "执法检查", "5月8日",
                  "2025-05-31", "逾期未完成", "否", None, "x"])                   # row 9
    sheet.append([6, "史村镇", "曲沃县华宇化工有限公司", "危险废物贮存不规范", "执法检查", "5月20日",
                  "2025-06-20", "已销号", "已销号", "2025-06-25", "x"])          # row 10: closed
    sheet.append(["合计", None, "6家"])                                    # row 11
    sheet.append(["填表说明：是否销号填“是”或“否”，销号时间填写验收销号日期。"])        # row 12
    sheet.column_dimensions["K"].hidden = True
    workbook.save(path)
    return path


STACKED_HEADERS = ("序号", "问题编号", "所属区县", "企业名称", "问题描述", "整改时限", "整改状态")


def stacked_batches(path: Path) -> Path:
    """Two batches in one sheet, each with its title (giving the batch and date), its header
    and its 小计 row."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "督办问题"
    sheet.append(["第一批督办问题清单（2024年3月1日交办）"])
    sheet.append(STACKED_HEADERS)
    sheet.append([1, "临督〔2024〕1号", "尧都区", "尧都区恒通焦化有限公司", "焦炉装煤烟尘逸散", "2024-04-30",
                  "已完成"])
    sheet.append([2, "临督〔2024〕2号", "霍州市", "霍州市晋源煤业有限公司", "煤场未全封闭", "2024年6月底前",
                  "整改中"])
    sheet.append(["小计", None, "2项"])
    sheet.append([])
    sheet.append(["第二批督办问题清单（2024年4月15日交办）"])
    sheet.append(STACKED_HEADERS)
    sheet.append([1, "临督〔2024〕3号", "侯马市", "侯马市永泰铸造有限公司", "冲天炉除尘设施故障", "立行立改",
                  "已办结"])
    sheet.append(["小计", None, "1项"])
    workbook.save(path)
    return path
