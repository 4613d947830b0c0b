"""Directories from the bureau's Excel lists: supervised enterprises and enforcement officers.

The header row is found among the first rows by its words (名称, 统一社会信用代码, 姓名,
执法证号…), so a title or a two-line heading above it does not matter. Every row is checked
first; one bad cell refuses the whole file, naming the row and the column letter.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import re
from dataclasses import dataclass
from pathlib import Path

from .. import enterprises, messages, regions
from ..changes import Changes
from ..errors import LedgerError
from ..ledger_import.cleaning import text as clean
from ..ledger_import.table import read_grid
from ..ledger_import.workbook import open_workbook, worksheet_names
from ..spreadsheet import column_letter
from ..validation import credit_code_finding
from . import classes, directory, officers

if TYPE_CHECKING:
    from ..ledger import Ledger

HEADER_ROWS = 10
MAX_SHOWN = 8
_SPLIT = re.compile(r"[、，,；;/\n]+")

# field → the header words that name it (the first header containing one of them wins)
DIRECTORY_COLUMNS = {
    "name": ("单位名称", "企业名称", "对象名称", "名称"),
    "credit_code": ("统一社会信用代码", "信用代码"),
    "county": ("所属区县", "所在区县", "区县", "县区", "行政区"),
    "class": ("监管类别", "对象类别", "类别", "分类"),
    "items": ("抽查事项", "检查事项", "事项"),
}
OFFICER_COLUMNS = {
    "name": ("姓名", "执法人员"),
    "certificate": ("执法证号", "执法证件号", "证件号", "证号"),
    "field": ("执法领域", "执法门类", "领域"),
    "unit": ("所在单位", "工作单位", "单位"),
    "county": ("所属区县", "区县", "县区"),
    "active": ("在岗", "状态", "是否有效"),
    "conflicts": ("利益冲突", "回避", "申报回避企业"),
}
_INACTIVE = {"否", "离岗", "停用", "无效", "调离", "0", "N", "NO", "FALSE"}


@dataclass
class Sheet:
    rows: list[list]
    columns: dict[str, int]
    first: int  # 0-based index of the first data row

    def cell(self, row: list, field: str) -> str | None:
        index = self.columns.get(field)
        return clean(row[index]) if index is not None and index < len(row) else None

    def where(self, number: int, field: str) -> str:
        return messages.text("random.import.cell", row=number + 1,
                             column=column_letter(self.columns[field]))


def read(path: str | Path, wanted: dict[str, tuple[str, ...]], required: tuple[str, ...]) -> Sheet:
    workbook = open_workbook(path)
    names = worksheet_names(workbook, visible_only=True) or worksheet_names(workbook)
    grid = read_grid(workbook, names[0])
    for index, row in enumerate(grid.rows[:HEADER_ROWS]):
        heads = [(clean(v) or "").replace(" ", "") for v in row]
        columns = {}
        for field, words in wanted.items():
            found = next((j for word in words for j, h in enumerate(heads)
                          if word in h and j not in columns.values()), None)
            if found is not None:
                columns[field] = found
        if all(f in columns for f in required):
            return Sheet(grid.rows, columns, index + 1)
    raise LedgerError("random.import.no_header", path=Path(path).name,
                      columns="、".join(wanted[f][0] for f in required))


class Findings:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, code: str, **params: object) -> None:
        self.items.append(f"{where}：{messages.text(code, **params)}")

    def raise_any(self, path: str | Path) -> None:
        if self.items:
            shown = "；".join(self.items[:MAX_SHOWN])
            more = len(self.items) - MAX_SHOWN
            raise LedgerError("random.import.refused", path=Path(path).name, count=len(self.items),
                              findings=shown + (messages.text("random.import.more", count=more)
                                                if more > 0 else ""))


def _data_rows(sheet: Sheet, key: str):
    for number in range(sheet.first, len(sheet.rows)):
        row = sheet.rows[number]
        if sheet.cell(row, key) and not (sheet.cell(row, key) or "").startswith(("合计", "填表")):
            yield number, row


# -- enterprises

def import_directory(ledger: Ledger, path: str | Path) -> Changes:
    """Enterprises with their credit code, county, class and items into the directory: a
    known credit code updates that enterprise's class, an unknown one adds the enterprise."""
    sheet = read(path, DIRECTORY_COLUMNS, ("name", "credit_code"))
    findings = Findings()
    resolver = regions.Resolver(ledger, local_only=True)  # inside the jurisdiction
    class_codes = classes.codes(ledger)
    planned, seen = [], {}
    for number, row in _data_rows(sheet, "name"):
        code = (sheet.cell(row, "credit_code") or "").replace(" ", "").upper()
        if not code:
            findings.add(sheet.where(number, "credit_code"), "error.required")
            continue
        found = credit_code_finding(code)
        if found and not found[0].startswith("warning."):
            findings.add(sheet.where(number, "credit_code"), found[0], **found[1])
            continue
        if code in seen:
            findings.add(sheet.where(number, "credit_code"), "random.import.repeated",
                         row=seen[code] + 1)
            continue
        seen[code] = number
        found = enterprises.find_by_credit_code(ledger, code)
        county = None
        if found is None:
            typed = sheet.cell(row, "county") if "county" in sheet.columns else None
            county = _county(resolver, typed)
            if county is None:
                where = sheet.where(number, "county") if "county" in sheet.columns \
                    else sheet.where(number, "name")
                findings.add(where, "random.import.county", value=typed or "—")
                continue
        supervision = classes.resolve(ledger, sheet.cell(row, "class")) \
            if "class" in sheet.columns else None
        if supervision is not None and supervision not in class_codes:
            findings.add(sheet.where(number, "class"), "random.error.class_unknown",
                         value=supervision, known="、".join(class_codes))
            continue
        typed_items = _SPLIT.split(sheet.cell(row, "items") or "") if "items" in sheet.columns else []
        planned.append((found, sheet.cell(row, "name"), code, county, supervision,
                        [t.strip() for t in typed_items if t.strip()]))
    findings.raise_any(path)
    with ledger.transaction():  # items the list lacks come with the file (and are reported)
        added = directory.ensure_items(ledger, (t for p in planned for t in p[5]))
        for found, name, code, county, supervision, typed_items in planned:
            item_codes = directory.resolve_items(ledger, typed_items)
            if found is None:
                made = enterprises.add(ledger, {"name": name, "credit_code": code,
                                                "region_code": county,
                                                "key_monitored": int(supervision == _key_class(ledger)),
                                                "supervision_class": supervision})
                enterprise_id = made.id
            else:
                enterprise_id = found["id"]
                if supervision is not None and supervision != found.get("supervision_class"):
                    enterprises.update(ledger, enterprise_id, {"supervision_class": supervision})
            directory.put_member(ledger, enterprise_id, item_codes, active=True)
    return Changes.of("enterprise", directory.MEMBER, directory.ITEM, warnings=added)


def _key_class(ledger: Ledger) -> str | None:
    return next((c.code for c in classes.all_classes(ledger) if c.for_key_monitored), None)


# -- officers

def import_officers(ledger: Ledger, path: str | Path) -> Changes:
    """Officers by certificate number (a known one is updated), with their declared conflicts
    (enterprise names or credit codes, separated by 、 or ；)."""
    sheet = read(path, OFFICER_COLUMNS, ("name", "certificate"))
    findings = Findings()
    resolver = regions.Resolver(ledger, local_only=True)  # inside the jurisdiction
    planned, seen = [], {}
    for number, row in _data_rows(sheet, "name"):
        certificate = (sheet.cell(row, "certificate") or "").replace(" ", "")
        if not certificate:
            findings.add(sheet.where(number, "certificate"), "error.required")
            continue
        if certificate in seen:
            findings.add(sheet.where(number, "certificate"), "random.import.repeated",
                         row=seen[certificate] + 1)
            continue
        seen[certificate] = number
        county = None
        typed = sheet.cell(row, "county") if "county" in sheet.columns else None
        if typed:
            county = _county(resolver, typed)
            if county is None:
                findings.add(sheet.where(number, "county"), "random.import.county", value=typed)
                continue
        conflict_ids = []
        for key in _SPLIT.split(sheet.cell(row, "conflicts") or "") if "conflicts" in sheet.columns else []:
            key = key.strip()
            if not key:
                continue
            match = enterprises.find_by_credit_code(ledger, key) or enterprises.find_by_name(ledger, key)
            if match is None:
                findings.add(sheet.where(number, "conflicts"), "random.import.conflict_unknown",
                             value=key)
                continue
            conflict_ids.append(match["id"])
        state = (sheet.cell(row, "active") or "").upper() if "active" in sheet.columns else ""
        raw = {"name": sheet.cell(row, "name"), "certificate": certificate,
               "field": sheet.cell(row, "field"), "unit": sheet.cell(row, "unit"),
               "region_code": county, "active": 0 if state in _INACTIVE else 1}
        planned.append((raw, conflict_ids))
    findings.raise_any(path)
    with ledger.transaction():
        for raw, conflict_ids in planned:
            known = ledger.conn.execute(f"SELECT id FROM {officers.TABLE} WHERE certificate = ?",
                                        (raw["certificate"],)).fetchone()
            if known:
                officers.update(ledger, known[0], raw)
                officer_id = known[0]
            else:
                officer_id = officers.add(ledger, raw).id
            for enterprise_id in conflict_ids:
                officers.declare(ledger, officer_id, enterprise_id, None)
    return Changes.of(officers.TABLE, officers.CONFLICT)


def _county(resolver: regions.Resolver, typed: object) -> str | None:
    """The code of the county or unit a cell names, by the ledger's one region resolver;
    None when it names none, or several."""
    if not typed:
        return None
    try:
        return resolver.code(str(typed))
    except LedgerError:
        return None
