"""An Excel ledger in a central-inspection complaint list's words: 污染类型 with several
types, units that are not counties, and a category the bureau added."""
from __future__ import annotations

import openpyxl

from core import codes, ledger_import, units


def test_a_complaint_list_with_zones_and_several_pollution_types_imports(tmp_path, ledger):
    units.add(ledger, "临汾经济开发区", "zone")
    codes.add(ledger, "category", "生态破坏", code="ecology", synonyms=["生态"])
    path = tmp_path / "信访件.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["受理编号", "行政区域", "单位名称", "污染类型", "问题描述", "交办时间", "整改时限",
                  "问题来源"])
    sheet.append(["D3SX202505280018", "临汾经济开发区", "开发区某焦化厂", "大气、噪声",
                  "焦炉烟气无组织排放，夜间噪声扰民", "2025-05-28", "2025-06-30", "中央督察信访件"])
    sheet.append(["D3SX202505280019", "临汾市尧都区", "尧都区某砖厂", "生态",
                  "违规取土破坏植被", "2025-05-28", "2025-06-30", "群众举报"])
    workbook.save(path)
    outcome = ledger_import.run(ledger, path)
    assert outcome.added == 2
    found = {tuple(r) for r in ledger.conn.execute(
        "SELECT region_code, category, extra_categories, source FROM problem")}
    assert found == {("141000Z01", "waste_gas", "noise", "central_inspection"),
                     ("141002", "ecology", None, "complaint")}
