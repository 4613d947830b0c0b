"""Which ledger field each column holds, read from its header text by a table of synonyms."""
from __future__ import annotations

import re
from typing import Mapping, Sequence

from ..errors import LedgerError
from .workbook import column_letter, column_number

# The fields an imported rectification ledger can fill, in the order a wizard lists them.
FIELDS = (
    "number", "region", "enterprise", "credit_code", "category", "description", "source",
    "batch", "assigned_on", "deadline", "responsible_unit", "responsible_person",
    "measures", "status", "closure", "progress", "done_on", "closed_on", "complaint_number",
    "reopened_on", "earlier_closed_on", "accepted_on", "accepted_by", "accepted_unit", "opinion",
)
# The assigned date may come from the title, the complaint number or --set instead; a
# deadline may be missing (a complaint list has none).
REQUIRED = ("description",)

# Header texts bureaus use, after `normalise_header`. The first of each is the app's own.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "number": ("问题编号", "编号", "交办编号", "督办编号", "问题序号", "交办问题编号", "number",
               "problemnumber"),
    "complaint_number": ("受理编号", "信访编号", "举报编号", "投诉编号", "转办编号",
                         "complaintnumber"),
    "region": ("所属区县", "区县", "县区", "行政区域", "行政区划", "所在区县", "属地", "县市区",
               "区县名称", "县（市、区）", "县(市、区)", "县（市区）", "所属县区", "所在县区",
               "county", "region"),
    "enterprise": ("企业名称", "单位名称", "排污单位", "排污单位名称", "企业", "被督办单位",
                   "问题单位", "涉及企业", "企业（单位）名称", "企业(单位)名称", "企业信息",
                   "单位信息", "企业基本情况", "enterprise"),
    "credit_code": ("统一社会信用代码", "信用代码", "社会信用代码", "creditcode"),
    "category": ("问题类别", "问题类型", "类别", "问题分类", "污染类型", "category"),
    "description": ("问题描述", "存在问题", "主要问题", "问题内容", "环境问题", "问题详情",
                    "具体问题", "问题情况", "交办问题", "交办问题基本情况", "信访内容", "举报内容",
                    "反映问题", "反映的主要问题", "整改任务", "任务内容", "突出问题",
                    "description"),
    "source": ("问题来源", "来源", "线索来源", "问题出处", "source"),
    "batch": ("批次", "交办批次", "督办批次", "所属批次", "batch"),
    "assigned_on": ("交办日期", "交办时间", "下发日期", "督办日期", "交办日", "发现时间",
                    "发现日期", "受理日期", "转办日期", "assignedon", "assigneddate"),
    "deadline": ("整改时限", "完成时限", "整改期限", "整改完成时限", "整改时间要求", "限期",
                 "办结时限", "deadline"),
    "responsible_unit": ("责任单位", "整改责任单位", "牵头单位", "责任部门", "责任主体",
                         "牵头责任单位", "responsibleunit"),
    "responsible_person": ("责任人", "整改责任人", "联系人", "包案领导", "责任领导",
                           "responsibleperson"),
    "measures": ("整改措施", "整改方案", "措施", "整改内容", "measures"),
    # A status column (its words decide) ...
    "status": ("整改状态", "完成情况", "办结情况", "是否办结", "办理状态", "整改完成情况",
               "状态", "当前状态", "status"),
    # ... a closure column (only this, or a closing date, closes a row) ...
    "closure": ("是否销号", "销号情况", "是否已销号", "销号", "closure"),
    # ... and free-text progress, kept as a note (its words count only without a status).
    "progress": ("整改进展", "整改进度", "整改情况", "办理情况", "处理和整改情况", "进展情况",
                 "落实情况", "整改落实情况", "办理结果", "查处情况", "progress"),
    "done_on": ("完成日期", "整改完成日期", "完成时间", "实际完成时间", "整改完成时间",
                "办结时间", "办结日期", "doneon"),
    "closed_on": ("销号日期", "销号时间", "验收销号日期", "销号验收时间", "closedon"),
    "reopened_on": ("反弹日期", "反弹时间", "reopenedon"),
    # the closure a reopened row had before (the app's export: 销号日期 stays empty on it);
    # longer than 销号日期, so a containing header is this field, not the closing date
    "earlier_closed_on": ("原销号日期", "反弹前销号日期", "原销号时间", "earlierclosedon"),
    "accepted_on": ("验收日期", "验收时间", "acceptedon"),
    "accepted_by": ("验收人", "验收人员", "acceptedby"),
    "accepted_unit": ("验收单位", "验收部门", "acceptedunit"),
    "opinion": ("验收意见", "opinion"),
}
_LOOKUP = {name: field for field, names in SYNONYMS.items() for name in names}
# Longer synonyms first, so that 整改完成时限 is a deadline before 完成时间 is tried.
_CONTAINED = sorted(((n, f) for n, f in _LOOKUP.items() if len(n) >= 3),
                    key=lambda item: -len(item[0]))
MAX_HEADER_LENGTH = 24

_WIDE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_DROP = re.compile(r"[\s*＊※:：]+")
_TRAILING_NOTE = re.compile(r"[（(][^（()）]*[)）]$")


def normalise_header(value: object) -> str:
    """Header text without spaces, stars, colons, full-width forms or a trailing (note)."""
    if value is None:
        return ""
    text = str(value).translate(_WIDE).replace("\u3000", "")
    text = _DROP.sub("", text).lower()
    stripped = _TRAILING_NOTE.sub("", text)
    return stripped or text


def field_for(header: object) -> str | None:
    """The ledger field a header names, if any."""
    text = normalise_header(header)
    if not text or len(text) > MAX_HEADER_LENGTH:
        return None
    wide = str(header).translate(_WIDE)
    exact = _LOOKUP.get(text) or _LOOKUP.get(_DROP.sub("", wide).lower())
    if exact:
        return exact
    for name, field in _CONTAINED:
        if name in text:
            return field
    return None


def propose(headers: Sequence[object]) -> dict[str, int]:
    """field → 0-based column, each field and each column used once (leftmost wins)."""
    mapping: dict[str, int] = {}
    for index, header in enumerate(headers):
        field = field_for(header)
        if field and field not in mapping:
            mapping[field] = index
    return mapping


def apply_overrides(mapping: Mapping[str, int], overrides: Mapping[str, object],
                    headers: Sequence[object]) -> dict[str, int]:
    """The user's corrections: field → column letter, header text, or None to leave out."""
    result = dict(mapping)
    for field, where in overrides.items():
        if field not in FIELDS:
            raise LedgerError("error.import_mapping_field", field=field,
                              fields=", ".join(FIELDS))
        if where in (None, "", "-"):
            result.pop(field, None)
            continue
        column = where if isinstance(where, int) else _column_of(str(where), headers)
        for other, index in list(result.items()):
            if index == column:
                del result[other]
        result[field] = column
    return result


def _column_of(where: str, headers: Sequence[object]) -> int:
    wanted = normalise_header(where)
    for index, header in enumerate(headers):
        if wanted and normalise_header(header) == wanted:
            return index
    if re.fullmatch(r"[A-Za-z]{1,3}", where):
        return column_number(where) - 1
    raise LedgerError("error.import_mapping_column", column=where)


def parse_overrides(specs: Sequence[str]) -> dict[str, str | None]:
    """`field=B`, `field=表头文字` or `field=-` as typed on the command line."""
    overrides: dict[str, str | None] = {}
    for spec in specs:
        field, sep, where = spec.partition("=")
        if not sep or not field.strip():
            raise LedgerError("error.import_mapping_syntax", spec=spec)
        overrides[field.strip()] = where.strip() or None
    return overrides


def missing_required(mapping: Mapping[str, int]) -> list[str]:
    return [field for field in REQUIRED if field not in mapping]


def describe(mapping: Mapping[str, int], headers: Sequence[object]) -> list[tuple[str, str, str]]:
    """(field, column letter, header text) for each mapped field, in column order."""
    return [(field, column_letter(index), str(headers[index] or ""))
            for field, index in sorted(mapping.items(), key=lambda item: item[1])]
