"""Fixture workbooks for the import tests and benchmark, built in code with openpyxl."""
from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Sequence

import openpyxl
from stdnum.cn import uscc

HEADERS = ("序号", "问题编号", "所属区县", "企业名称", "统一社会信用代码", "问题类别", "问题描述",
           "问题来源", "批次", "交办日期", "整改时限", "责任单位", "责任人", "整改措施", "整改状态",
           "完成日期", "销号日期")
COUNTIES = ("尧都区", "曲沃县", "翼城县", "襄汾县", "洪洞县", "侯马市", "霍州市")


def credit_code(body: str) -> str:
    """A valid unified social credit code from a 17-character body."""
    return body + uscc.calc_check_digit(body)


def sheet_rows(count: int, seed: int = 1, today: dt.date | None = None) -> list[list]:
    """`count` plausible ledger rows under HEADERS (dates as Excel dates)."""
    rng = random.Random(seed)
    today = today or dt.date.today()
    statuses = ("整改中", "已完成", "已销号", "已交办", "已销号")
    rows = []
    firms = [(f"{COUNTIES[i % 7]}第{i}号焦化有限公司",
              credit_code(f"9114102{i:010d}"), COUNTIES[i % 7]) for i in range(max(count // 3, 1))]
    for i in range(count):
        name, code, county = rng.choice(firms)
        assigned = today - dt.timedelta(days=rng.randint(30, 300))
        status = rng.choice(statuses)
        done = assigned + dt.timedelta(days=rng.randint(1, 20)) if status in ("已完成", "已销号") else None
        closed = done + dt.timedelta(days=rng.randint(0, 9)) if status == "已销号" else None
        rows.append([i + 1, f"临环督〔2024〕{i + 1}号", county, name, code,
                     rng.choice(("扬尘", "废气", "废水", "散乱污", "固体废物")),
                     f"第{i}项：物料堆场未全封闭，道路扬尘明显", "督办函交办",
                     f"第{rng.randint(1, 4)}批", assigned, assigned + dt.timedelta(days=30),
                     f"{county}人民政府", "王建国", "1. 全封闭改造物料堆场\n2. 完善环境管理台账",
                     status, done, closed])
    return rows


def write_sheet(path: Path, rows: Sequence[Sequence], headers: Sequence[str] = HEADERS,
                 title: str | None = "临汾市生态环境问题整改台账", blank_rows: int = 1,
                 sheet: str = "整改台账", extra_sheets: Sequence[str] = ()) -> Path:
    """A ledger sheet as bureaus keep it: a merged title, blank rows, a header, rows."""
    workbook = openpyxl.Workbook()
    sheet_ = workbook.active
    sheet_.title = sheet
    for name in extra_sheets:
        workbook.create_sheet(name)["A1"] = "说明"
    if title:
        sheet_.append([title])
        sheet_.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    for _ in range(blank_rows):
        sheet_.append([])
    sheet_.append(list(headers))
    for row in rows:
        sheet_.append(list(row))
    workbook.save(path)
    return path


def write_fast(path: Path, rows: Sequence[Sequence], headers: Sequence[str] = HEADERS) -> Path:
    """A large ledger in openpyxl's streaming mode (for the benchmark)."""
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("整改台账")
    sheet.append(["临汾市生态环境问题整改台账"])
    sheet.append([])
    sheet.append(list(headers))
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path
