"""Cleaning one cell as clerks typed it: dates, full-width forms, spaces, brackets, regions,
status words, categories and sources. Each cleaner returns (clean value, finding or None)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable

from stdnum.cn import uscc

from .. import codes, dates, messages, numbering
from ..errors import LedgerError
from ..validation import credit_code_finding
from ..workflow import Status


@dataclass(frozen=True)
class Finding:
    """Why a cell cannot be taken as it is: a catalogue code, its parameters, and whether
    it only warns."""

    code: str
    params: dict = field(default_factory=dict)
    warning: bool = False


Result = tuple[object, "Finding | None"]
Cleaner = Callable[[object], Result]

# Full-width digits, letters and ASCII punctuation (U+FF01–FF5E) become half-width.
_WIDE_ALL = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_WIDE_ALNUM = {code: code - 0xFEE0 for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B),
                                                 *range(0xFF41, 0xFF5B))}
_SPACES = {0x3000: " ", 0xA0: " ", 0x2002: " ", 0x2003: " ", 0x2009: " ", 0x200B: None,
           0xFEFF: None, 0x200C: None, 0x200D: None, 0x09: " "}
_TEXT_TABLE = {**_WIDE_ALNUM, **_SPACES}
_CODE_TABLE = {**_WIDE_ALL, **_SPACES}
# Anything `text` would change: wide forms, odd spaces, line breaks, doubled or edge spaces.
_UNTIDY = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000\xa0\u2002\u2003\u2009\u200b-\u200d\ufeff\t\r\n]|  |^\\s|\\s$")
# A cheaper test first: a text with none of these characters (any whitespace, the wide forms,
# the zero-width ones) is one `_UNTIDY` cannot match.
_MAYBE_UNTIDY = re.compile("[\\s\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u200b-\u200d\ufeff]")
# Anything `code_text` would translate or remove after `text`: wide forms, spaces.
_CODE_UNTIDY = re.compile("[\uff01-\uff5e \u3000\xa0\u2002\u2003\u2009\u200b-\u200d\ufeff\t]")
_DATE_TAIL = re.compile(r"(之前|以前|前|止|底前)$")


def blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text(value: object) -> str | None:
    """Text with full-width digits and letters made half-width and stray spaces removed;
    line breaks inside a cell are kept, each line tidied."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    raw = value if type(value) is str else str(value)
    if not _MAYBE_UNTIDY.search(raw) or not _UNTIDY.search(raw):
        return raw or None  # the common case, made fast
    raw = raw.translate(_TEXT_TABLE).replace("\r\n", "\n").replace("\r", "\n")
    if "\n" in raw:
        lines = [" ".join(line.split()) for line in raw.split("\n")]
        cleaned = "\n".join(line for line in lines if line)
    else:
        cleaned = " ".join(raw.split())
    return cleaned or None


def code_text(value: object) -> str | None:
    """An identifier (problem number, letter number): half-width, no spaces, one bracket form
    for the year (〔2019〕), whatever brackets were typed."""
    cleaned = text(value)
    if cleaned is None:
        return None
    if _CODE_UNTIDY.search(cleaned):
        cleaned = cleaned.translate(_CODE_TABLE).replace(" ", "")
    return numbering.year_brackets(cleaned)


def clean_text(value: object, max_length: int = 2000, required: bool = False) -> Result:
    cleaned = text(value)
    if cleaned is None:
        return None, Finding("error.required") if required else None
    if len(cleaned) > max_length:
        return cleaned, Finding("error.too_long", {"limit": max_length, "length": len(cleaned)})
    return cleaned, None


def clean_number(value: object) -> Result:
    cleaned = code_text(value)
    if cleaned and len(cleaned) > 60:
        return cleaned, Finding("error.too_long", {"limit": 60, "length": len(cleaned)})
    return cleaned, None


def parse_day(value: object) -> dt.date:
    """A date from an Excel date cell, a serial number or any written form bureaus use."""
    if isinstance(value, float) and value.is_integer() and 19000101 <= value <= 21001231:
        value = str(int(value))  # 20190705 typed as a number
    elif isinstance(value, float) and not 1000 < value < 80000:
        raise dates.DateError(value)
    if isinstance(value, str):
        value = value.translate(_CODE_TABLE).strip()
        value = _DATE_TAIL.sub("", value).strip()
        if " " in value and ":" in value:  # a date-time written out: keep the date
            value = value.split(" ")[0]
    return dates.parse_date(value)


def clean_date(value: object, required: bool = False, today: dt.date | None = None,
               not_future: bool = False, year: int | None = None) -> Result:
    """A date; "3月5日" takes `year` (the title's), and without one is refused as such."""
    if blank(value):
        return None, Finding("error.required") if required else None
    try:
        day = parse_day(value)
    except dates.DateError:
        from .context import day_without_year

        found = day_without_year(value, year)
        if found is False:
            return None, Finding("error.import_date_no_year", {"value": value})
        if found is None:
            return None, Finding("error.date_invalid", {"value": value})
        day = dt.date.fromisoformat(found)
    if not 1980 <= day.year <= 2100:
        return None, Finding("error.date_out_of_range", {"value": day.isoformat()})
    if not_future and day > (today or dates.today()):
        return None, Finding("error.date_in_future", {"value": day.isoformat()})
    return day.isoformat(), None


def clean_credit_code(value: object) -> Result:
    cleaned = code_text(value)
    if cleaned is None:
        return None, None
    code = cleaned.upper() if len(cleaned) == 18 and cleaned.isalnum() else uscc.compact(cleaned).upper()
    found = credit_code_finding(code)
    if found is None:
        return code, None
    return code, Finding(found[0], found[1], warning=found[0].startswith("warning."))


# -- words to codes

def _key(word: str) -> str:
    return re.sub(r"[\s\u3000·、，,。.:：()（）]+", "", word.translate(_WIDE_ALL)).lower()


def _vocabulary(prefix: str, codes: Iterable[str]) -> dict[str, str]:
    """Every language's label of each code, and the code itself, as keys."""
    # Read the catalogue entries whole rather than switching the process-wide language.
    catalogue = messages._catalogue()
    found: dict[str, str] = {}
    for code in codes:
        found[_key(code)] = code
        for label in catalogue.get(f"{prefix}.{code}", {}).values():
            found[_key(label)] = code
    return found


_STATUS_WORDS = {
    # 已销号 in a status column closes (the app's own export writes it with 销号日期); 是 / 否 in
    # a 是否办结 column are done / not done: only a 销号 column's 是 closes (see CLOSURE_WORDS).
    Status.CLOSED: ("已销号", "销号", "已完成销号", "完成销号", "已验收销号", "验收销号"),
    Status.REPORTED_DONE: ("已完成", "完成", "已整改", "整改完成", "已整改完成", "已完成待验收",
                           "待验收", "已完成未销号", "完成未销号", "已完成整改", "已办结", "办结",
                           "整改完成待销号", "完成待销号", "待销号", "已验收", "是", "已取缔",
                           "已关停", "已拆除", "已关闭", "已搬迁", "已落实", "已解决"),
    Status.STAGE_CONCLUDED: ("阶段性办结", "阶段办结", "阶段性完成"),
    Status.IN_PROGRESS: ("整改中", "正在整改", "未完成", "推进中", "进行中", "持续整改", "否",
                         "未销号", "正在推进", "整改未完成", "部分完成", "未完成整改", "基本完成",
                         "序时推进", "达到序时进度", "按序时推进", "正在办理", "办理中",
                         "逾期未完成", "已停产整治", "停产整治", "长期坚持", "持续推进",
                         "未办结", "正在落实"),
    Status.ASSIGNED: ("已交办", "交办", "未整改", "未开始", "待整改", "尚未整改"),
}
# A 是否销号 column: closed or not.
CLOSURE_WORDS = {True: ("是", "√", "✓", "✔", "已销号", "销号", "已验收销号", "y", "yes"),
                 False: ("否", "×", "✗", "未销号", "待销号", "n", "no", "整改完成待销号")}
# Status words inside free text (处理和整改情况), most telling first; only read when no
# status column gives a word. A 销号 in free text reports done, never closes.
_TEXT_STATUS = ((Status.STAGE_CONCLUDED, ("阶段性办结", "阶段办结")),
                (Status.IN_PROGRESS, ("正在办理", "正在整改", "整改中", "未完成", "序时推进",
                                      "推进中", "未办结", "停产整治")),
                (Status.REPORTED_DONE, ("已办结", "已完成", "整改完成", "已整改", "已销号",
                                        "已取缔", "已关停", "已拆除", "办结")))


def status_in_text(value: object) -> str | None:
    """The status free-written progress text tells, if any."""
    if blank(value):
        return None
    written = str(value)
    for status, words in _TEXT_STATUS:
        if any(word in written for word in words):
            return status.value
    return Status.IN_PROGRESS.value


def clean_closure(value: object) -> Result:
    """是否销号: True (是, √, 已销号), False (否), None (blank)."""
    if blank(value):
        return None, None
    k = _key(str(value))
    for closed, words in CLOSURE_WORDS.items():
        if k in {_key(w) for w in words}:
            return closed, None
    return None, Finding("warning.import_closure_unknown", {"value": value}, warning=True)


UNKNOWN = "import.unknown"  # a finding code: a word no entry names (aggregated, not a cell issue)


class Vocabularies:
    """Status words, and the ledger's own categories and sources (codes, labels, synonyms),
    built once per import; a `WordMap` of the user's and remembered mappings goes first."""

    def __init__(self, ledger, word_map=None) -> None:
        self.status = _vocabulary("status", [s.value for s in Status])
        for status, words in _STATUS_WORDS.items():
            self.status.update({_key(w): status.value for w in words})
        self.category = codes.Words(ledger, "category")
        self.source = codes.Words(ledger, "source")
        self.map = word_map
        self.has_other_source = "other" in self.source.by_code

    def _mapped(self, kind: str, value: object) -> str | None:
        return self.map.get(kind, value) if self.map is not None else None

    def _unknown(self, kind: str, value: object, fallback: str) -> Result:
        return fallback, Finding(UNKNOWN, {"kind": kind, "word": str(value).strip(),
                                           "fallback": fallback}, warning=True)

    def label(self, kind: str, code: str) -> str:
        """How a fallback is shown: the status's or the entry's label."""
        if kind == "status":
            return messages.label(f"status.{code}")
        entry = (self.category if kind == "category" else self.source).by_code.get(code)
        return entry.label if entry else code

    def clean_status(self, value: object) -> Result:
        if blank(value):
            return None, None
        found = self._mapped("status", value) or self.status.get(_key(str(value)))
        if found is None:
            return self._unknown("status", value, Status.IN_PROGRESS.value)
        return found, None

    def clean_category(self, value: object) -> Result:
        """One category, or several (大气、噪声) as their codes joined by commas, the main
        one first."""
        if blank(value):
            return "other", None
        mapped = self._mapped("category", value)
        if mapped:
            return mapped, None
        found = []
        for part in codes.split(str(value)):
            code = self._mapped("category", part)
            if code is None:
                code, finding = self._word(part, self.category, "error.import_category_unknown")
                if finding is not None:
                    if finding.code == "error.import_category_unknown":
                        return self._unknown("category", value, "other")
                    return None, finding
            found.append(code)
        return ",".join(dict.fromkeys(found)) or "other", None

    def clean_source(self, value: object, default: str) -> Result:
        if blank(value):
            return default, None
        mapped = self._mapped("source", value)
        if mapped:
            return mapped, None
        found, finding = self._word(value, self.source, "error.import_source_unknown")
        if finding is not None and finding.code == "error.import_source_unknown":
            return self._unknown("source", value, "other" if self.has_other_source else default)
        return found, finding

    @staticmethod
    def _word(value: object, words: codes.Words, code: str) -> Result:
        try:
            found = words.guess(str(value))
        except LedgerError as error:
            return None, Finding(error.code, dict(error.params))
        if found is None:
            return None, Finding(code, {"value": value})
        return found, None
