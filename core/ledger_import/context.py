"""What a sheet says outside its table, and rows inside it that are not problems.

Bureaus' files carry facts in their title rows (the year, "2025年5月28日交办", "截至2025年6月30日",
"第二批") and in complaint numbers (受理编号 D3SX20250528…), and carry rows that are not
problems between and under the data: 合计/小计/共N条 rows, 填表说明, section rows (一、大气污染
防治; 北城街道), a stacked block's own title and its repeated header. These are read here.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Sequence

from .. import messages

_CN_DIGITS = "〇一二三四五六七八九十百"
_FULL_DATE = re.compile(r"((?:19|20)\d{2})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*[日号]?")
_AS_OF = re.compile(r"(?:截至|截止|截止到|截至到|统计至)\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_BATCH = re.compile(rf"第\s*[{_CN_DIGITS}\d]+\s*批(?:次)?")
_COMPLAINT_DATE = re.compile(r"^[A-Z]{1,2}\d?[A-Z]{1,3}((?:19|20)\d{2})(\d{2})(\d{2})")
_NO_YEAR = re.compile(r"^\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?\s*$")
_SUMMARY = re.compile(r"^\s*(?:合\s*计|小\s*计|总\s*计|共\s*计|总数|共\s*\d+\s*[条项个件家宗])")
# The first character of a text `_SUMMARY` matches (stripped), and of each of `_NOTES`.
_SUMMARY_FIRST = frozenset("合小总共")
_NOTES = ("填表说明", "填报说明", "说明：", "说明:", "注：", "注:", "备注：", "备注:", "填表人",
          "制表人", "审核人", "负责人：", "联系电话", "报出日期", "填报单位", "填表日期")
_NOTES_FIRST = frozenset(word[0] for word in _NOTES)


@dataclass
class TitleFacts:
    """Facts read from the rows above a table (or a stacked block's own title)."""

    year: int | None = None
    assigned_on: str | None = None
    as_of: str | None = None
    batch: str | None = None

    def over(self, outer: "TitleFacts") -> "TitleFacts":
        """These facts, each missing one taken from `outer` (the sheet's)."""
        return TitleFacts(self.year or outer.year, self.assigned_on or outer.assigned_on,
                          self.as_of or outer.as_of, self.batch or outer.batch)


def _day(year: str, month: str, day: str) -> str | None:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def read_title(texts: Sequence[str]) -> TitleFacts:
    """The year, assigned date, 截至 date and batch name a title's texts give."""
    facts = TitleFacts()
    for text in texts:
        if not text:
            continue
        as_of = _AS_OF.search(text)
        if as_of and facts.as_of is None:
            facts.as_of = _day(*as_of.groups())
        for found in _FULL_DATE.finditer(text):
            if as_of and found.start() >= as_of.start() and found.end() <= as_of.end():
                continue
            if facts.assigned_on is None:
                facts.assigned_on = _day(*found.groups())
        year = _YEAR.search(text)
        if year and facts.year is None:
            facts.year = int(year.group(1))
        batch = _BATCH.search(text)
        if batch and facts.batch is None:
            facts.batch = re.sub(r"\s+", "", batch.group())
    if facts.year is None and facts.as_of:
        facts.year = int(facts.as_of[:4])
    return facts


def batch_of_sheet(name: str) -> str | None:
    """The batch a sheet's name gives (第一批, 第2批), if any."""
    found = _BATCH.search(name or "")
    return re.sub(r"\s+", "", found.group()) if found else None


def complaint_date(number: object) -> str | None:
    """The date inside a complaint number (受理编号 D3SX202505280018 → 2025-05-28)."""
    if not isinstance(number, str):
        return None
    found = _COMPLAINT_DATE.match(number.strip().upper())
    return _day(*found.groups()) if found else None


def day_without_year(value: object, year: int | None) -> str | None | bool:
    """"3月5日" in `year`; False when the text is such a date but no year is known; None
    when it is not such a date."""
    if not isinstance(value, str):
        return None
    found = _NO_YEAR.match(value)
    if not found:
        return None
    if year is None:
        return False
    return _day(str(year), *found.groups()) or False


# -- rows that are not problems

@dataclass(frozen=True)
class Skipped:
    """A row left out: its Excel row number, what it is, and its text."""

    line: int
    kind: str  # summary, notes, section, title, header
    text: str
    sheet: str = ""  # named when an import reads several sheets

    @property
    def message(self) -> str:
        shown = self.text if len(self.text) <= 30 else self.text[:29] + "…"
        text = messages.text("import.skipped_row", row=self.line,
                             kind=messages.label(f"import_skip.{self.kind}"), text=shown)
        return messages.text("import.in_sheet", sheet=self.sheet, place=text) if self.sheet else text

    def __str__(self) -> str:
        return self.message


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


class Classifier:
    """Tells the rows under a header that are not problems; built once per table."""

    def __init__(self, headers: Sequence[str], mapped: dict[str, int]):
        self.mapped = dict(mapped)
        self.header_words = {_cell(h) for h in headers if _cell(h)}
        self.description = mapped.get("description")
        # The column a repeated header is first looked for in: the description's, else any.
        self.probe = self.description if self.description is not None else \
            (min(mapped.values()) if mapped else None)

    def __call__(self, raw: Sequence) -> tuple[str, str] | None:
        """(kind, text) when a row is not a problem, else None."""
        count = len(raw) - raw.count("") - raw.count(None)
        if not count:
            return None
        if count > 2 and not self._may_be_other(raw):
            return None  # the common case, made fast
        first: list[str] = []
        for value in raw:
            if value != "" and value is not None:
                first.append(_cell(value))
                if len(first) == 3:
                    break
        if any(_SUMMARY.match(t) for t in first):
            return "summary", " ".join(first)
        if first[0].startswith(_NOTES):
            return "notes", first[0]
        if self.probe is not None and _cell(raw[self.probe]) in self.header_words:
            same = sum(1 for field, column in self.mapped.items()
                       if column < len(raw) and _cell(raw[column]) in self.header_words)
            if same >= max(2, len(self.mapped) // 2):
                filled = [_cell(v) for v in raw if v != "" and v is not None]
                return "header", " ".join(filled[:4])
        if count > 2:
            return None
        texts = first
        if len(set(texts)) == 1 or (len(texts) == 2 and _is_sequence(texts[0])):
            text = texts[-1]
            kind = "title" if (_BATCH.search(text) or _FULL_DATE.search(text)
                               or any(w in text for w in ("一览表", "台账", "情况表", "清单"))) \
                else "section"
            if kind == "section" and self.description is not None \
                    and _cell(raw[self.description]) == text and len(text) > 40:
                return None  # a long text alone is a problem with the other cells left blank
            return kind, text
        return None

    def _may_be_other(self, raw: Sequence) -> bool:
        """Whether a row of more than two cells may be a summary, notes or header row: one
        of its first three texts begins as a summary or note word can (a number or date cell
        never does), or its probe cell reads as a header; False is sure."""
        seen = 0
        for value in raw:
            if value == "" or value is None:
                continue
            if type(value) is str:
                text = value.strip()
                if text[:1] in _SUMMARY_FIRST or (not seen and text[:1] in _NOTES_FIRST):
                    return True
            elif not isinstance(value, (float, int, dt.date)):
                return True  # anything else: read the slow way
            seen += 1
            if seen == 3:
                break
        return self.probe is not None and _cell(raw[self.probe]) in self.header_words


def classify(raw: Sequence, headers: Sequence[str], mapped: dict[str, int]) -> tuple[str, str] | None:
    """(kind, text) when a row is not a problem, else None."""
    return Classifier(headers, mapped)(raw)


def _is_sequence(text: str) -> bool:
    """A 序号 or section number (1, 一、, （一）)."""
    return bool(re.fullmatch(rf"[（(]?[{_CN_DIGITS}\d]+[)）、.．]?", text))


@dataclass
class Blocks:
    """Title facts per data row of a sheet whose stacked blocks each carry a title."""

    starts: list[tuple[int, TitleFacts]] = field(default_factory=list)  # (row index, facts)

    def at(self, index: int, sheet: TitleFacts) -> TitleFacts:
        found = sheet
        for start, facts in self.starts:
            if start > index:
                break
            found = facts.over(sheet)
        return found
