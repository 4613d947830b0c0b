"""Return forms: the province's own .xlsx file, with placeholders in its cells.

Whoever owns a form lays it out in Excel or WPS (title, merged headers, fonts, borders,
print setup) and types placeholders where EcoLedger puts values (docs/returns.md):

- text fields, anywhere inside a cell's text: `{{unit.name}}`, `{{form.number}}`,
  `{{period.as_of}}`, `{{sign.filled_by}}` … (TEXT_FIELDS);
- a repeat row: the row holding `{{region.name}}` (or `{{category.name}}`,
  `{{source.name}}`, or `{{problem.…}}` fields for a problem list) is written once per
  region (category, source, problem); `{{row.number}}` is its 序号;
- figures, each alone in its cell: `{{assigned}}`, `{{five_kinds:month}}` … (registry);
  in a repeat row per row, elsewhere (the 合计 row) the sum of the printed rows above.

`load(path)` reads and checks a form: an unknown placeholder or a broken repeat row is
refused with the cell named. The form itself stays the owner's: filling changes only the
cells with placeholders and the rows the repeat rows add.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import re
import shutil
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..errors import LedgerError
from ..paths import resources_dir
from . import registry
from .ledger_sheet_fields import FIELDS
from .registry import Spec
from .templates import BY_REGION, PROBLEM_LIST, Template

if TYPE_CHECKING:
    from ..ledger import Ledger

PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
TEXT_FIELDS = {
    "unit.name": "综合机关名称（填报单位）",
    "unit.code": "单位代码（行政区划代码）",
    "form.number": "表号",
    "form.issued_by": "制表机关（制定机关）",
    "form.approved_by": "批准机关（备案机关）",
    "form.approval_number": "批准文号",
    "form.valid_until": "有效期至",
    "period.as_of": "统计截止日期（2026年11月30日）",
    "period.year": "统计年份",
    "period.month": "统计月份",
    "period.last_year": "上一年份",
    "campaign.name": "专项行动名称",
    "sign.unit_head": "单位负责人",
    "sign.statistician": "统计负责人",
    "sign.filled_by": "填表人",
    "sign.phone": "联系电话",
    "sign.reported_on": "报出日期",
    "correction.note": "更正说明",
    "ledger.row_count": "台账条数",
}
ROW_FIELDS = {"region.name", "region.code", "category.name", "source.name", "row.number"}
# what a repeat row repeats per, as a message names it
KIND_NAMES = {"region": "区县", "category": "问题类别", "source": "问题来源", "problem": "问题",
              "row": "序号"}
SUFFIX = ".xlsx"


@dataclass
class RepeatRow:
    """A row written once per region, category, source or problem (1-based row number)."""

    row: int
    dimension: str  # region | category | source | problem
    cells: dict[int, str] = field(default_factory=dict)  # column → cell text as typed
    # column → its header as printed above the row, a group header first: 问题整改／已销号（个）
    headers: dict[int, str] = field(default_factory=dict)


@dataclass
class Form:
    """A return form as read from its file and checked."""

    name: str
    path: Path
    description: str
    repeats: list[RepeatRow]
    figures: dict[tuple[int, int], Spec]  # (row, column) → figure, repeat rows included
    texts: dict[tuple[int, int], str]  # cells with text fields outside repeat rows
    template: Template  # the columns figures.compute needs
    shipped: bool = False

    @property
    def kind(self) -> str:
        return PROBLEM_LIST if any(r.dimension == "problem" for r in self.repeats) else BY_REGION

    def repeat_above(self, row: int) -> RepeatRow | None:
        """The repeat row a total row sums: the nearest one above it."""
        above = [r for r in self.repeats if r.row < row]
        return above[-1] if above else None


# -- where forms live

def shipped_folder() -> Path:
    return resources_dir() / "returns"


def bureau_folder(ledger: Ledger) -> Path:
    """The bureau's own forms, beside the ledger file (like its attachments)."""
    base = ledger.path.parent if ledger.path else Path.cwd()
    return base / "returns"


def paths(ledger: Ledger | None) -> dict[str, Path]:
    """Every form by name: the shipped ones, then the bureau's own."""
    found = {p.stem: p for p in sorted(shipped_folder().glob(f"*{SUFFIX}"))}
    if ledger is not None and bureau_folder(ledger).is_dir():
        found |= {p.stem: p for p in sorted(bureau_folder(ledger).glob(f"*{SUFFIX}"))
                  if not p.name.startswith((".", "~$"))}
    return found


def find(ledger: Ledger | None, name: str) -> Form:
    """The form `name` (a known name, or a path to an .xlsx file)."""
    path = Path(name)
    if path.suffix.lower() != SUFFIX or not path.is_file():
        known = paths(ledger)
        if name not in known:
            raise LedgerError("error.return_unknown", name=name, known="、".join(known))
        path = known[name]
    stat = path.stat()
    form = _load(path.resolve(), stat.st_mtime_ns, stat.st_size)
    form.shipped = path.parent.resolve() == shipped_folder().resolve()
    return form


def add(ledger: Ledger, source: str | Path) -> Form:
    """Check a form and keep a copy among the bureau's own; a shipped name is refused."""
    from .. import operators

    operators.require(ledger, operators.Action.SETTINGS)
    source = Path(source)
    if source.suffix.lower() != SUFFIX or not source.is_file():
        raise LedgerError("error.form_not_xlsx", path=source)
    form = load(source)
    if (shipped_folder() / source.name).exists():
        raise LedgerError("error.form_name_shipped", name=source.stem)
    folder = bureau_folder(ledger)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    partial = folder / f".{source.name}.partial"
    shutil.copyfile(source, partial)
    partial.replace(target)
    return find(ledger, str(target))


# -- reading and checking

@lru_cache(maxsize=32)
def _load(path: Path, _mtime: int, _size: int) -> Form:
    return load(path)


def load(path: str | Path) -> Form:
    """Read the form at `path` and check every placeholder; LedgerError names the cell."""
    path = Path(path)
    try:
        book = load_workbook(path)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise LedgerError("error.form_unreadable", path=path.name, reason=exc) from None
    sheet = book.worksheets[0]
    repeats: dict[int, RepeatRow] = {}
    figures: dict[tuple[int, int], Spec] = {}
    texts: dict[tuple[int, int], str] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and "{{" in cell.value:
                _read_cell(sheet, cell.row, cell.column, cell.value, repeats, figures, texts)
    ordered = sorted(repeats.values(), key=lambda r: r.row)
    _check_repeats(sheet, ordered, figures, texts)
    above: dict[int, str] = {}
    for repeat in ordered:  # a block right under another's total shares its header
        repeat.headers = column_headers(sheet, repeat.row, {
            c for (r, c) in figures if r == repeat.row}) or above
        above = repeat.headers
    specs = list(dict.fromkeys(figures.values()))
    template = Template(name=path.stem, kind=BY_REGION, title=_description(book, sheet),
                        columns=tuple(registry.columns(specs)))
    return Form(path.stem, path, template.title, ordered, figures, texts, template)


def _read_cell(sheet: Worksheet, r: int, c: int, text: str, repeats: dict[int, RepeatRow],
               figures: dict, texts: dict) -> None:
    ref = f"{get_column_letter(c)}{r}"
    names = PLACEHOLDER.findall(text)
    if text.count("{{") != len(names) or text.count("}}") != len(names):
        raise LedgerError("error.form_placeholder_broken", cell=ref, text=text)
    for name in names:
        dimension = _row_dimension(name)
        if dimension:
            repeat = repeats.setdefault(r, RepeatRow(r, dimension))
            if dimension != "row" and repeat.dimension not in (dimension, "row"):
                raise LedgerError("error.form_repeat_mixed", cell=ref,
                                  first=KIND_NAMES[repeat.dimension], second=KIND_NAMES[dimension])
            if dimension != "row":
                repeat.dimension = dimension
            repeat.cells[c] = text
        elif name in TEXT_FIELDS:
            texts[(r, c)] = text
        else:
            if PLACEHOLDER.fullmatch(text.strip()) is None:
                raise LedgerError("error.form_figure_not_alone", cell=ref, text=text)
            figures[(r, c)] = registry.parse(name, ref)


def _row_dimension(name: str) -> str | None:
    if name in ROW_FIELDS:
        return name.split(".")[0]
    if name.startswith("problem."):
        if name[len("problem."):] not in FIELDS:
            return None  # reported as unknown by the caller's figure lookup
        return "problem"
    return None


def _check_repeats(sheet: Worksheet, repeats: list[RepeatRow], figures: dict,
                   texts: dict) -> None:
    seen: dict[str, int] = {}
    for repeat in repeats:
        first = f"{get_column_letter(min(repeat.cells))}{repeat.row}"
        if repeat.dimension == "row":  # 序号 alone: no row kind to repeat
            raise LedgerError("error.form_repeat_without_kind", cell=first)
        if repeat.dimension in seen:
            raise LedgerError("error.form_repeat_twice", cell=first,
                              other=f"{seen[repeat.dimension]}")
        seen[repeat.dimension] = repeat.row
        for merged in sheet.merged_cells.ranges:
            if merged.min_row <= repeat.row <= merged.max_row and merged.min_row != merged.max_row:
                raise LedgerError("error.form_repeat_merged", cell=first, range=str(merged))
        for (r, c), spec in figures.items():
            if r != repeat.row:
                continue
            ref = f"{get_column_letter(c)}{r}"
            if repeat.dimension == "problem":
                raise LedgerError("error.form_figure_in_list", cell=ref, name=spec.key)
            if repeat.dimension not in registry.FIGURES[spec.name].dimensions:
                raise LedgerError("error.form_figure_dimension", cell=ref, name=spec.key,
                                  dimension=KIND_NAMES[repeat.dimension])
            repeat.cells[c] = sheet.cell(r, c).value
        for (r, c) in list(texts):
            if r == repeat.row:
                repeat.cells[c] = texts.pop((r, c))
    rows = {r.row for r in repeats}
    for (r, c), spec in figures.items():
        if r in rows:
            continue
        above = [x for x in repeats if x.row < r]
        if not above or above[-1].dimension == "problem":
            raise LedgerError("error.form_total_without_rows", cell=f"{get_column_letter(c)}{r}",
                              name=spec.key)


# A 栏次 row (甲 乙 1 2 3 …) numbers the columns: not part of their names.
_COLUMN_NUMBER = re.compile(r"^(甲|乙|丙|丁|戊|\d+)$")
HEADER_JOIN = "／"


def column_headers(sheet: Worksheet, row: int, columns: set[int]) -> dict[int, str]:
    """Each column's header above repeat row `row` (whose figures are in `columns`): the
    header rows' texts from the top, a merged group header counting for every column under
    it, newlines taken out, joined by ／ (问题整改／已销号（个）). The header rows are those
    right above the row that label at least half of its figure columns; a 栏次 row and a
    section row (one text across the table: 一、按问题类别) are passed over; a row with a
    mark or a figure placeholder ends them. A period placeholder in a header stays as N
    (1—N月累计): the same words whatever the month."""
    merged: dict[tuple[int, int], object] = {}
    for cells in sheet.merged_cells.ranges:
        top = sheet.cell(cells.min_row, cells.min_col).value
        for r in range(cells.min_row, cells.max_row + 1):
            for c in range(cells.min_col, cells.max_col + 1):
                merged[(r, c)] = top
    width = sheet.max_column
    rows: list[dict[int, str]] = []
    for r in range(row - 1, 0, -1):
        values = {}
        for c in range(1, width + 1):
            value = merged.get((r, c), sheet.cell(r, c).value)
            if value is not None and str(value).strip():
                values[c] = "".join(str(value).split())
        names = [n for v in values.values() for n in PLACEHOLDER.findall(v)]
        if not values or any(not n.startswith("period.") for n in names):
            break
        if all(_COLUMN_NUMBER.match(v) for v in values.values()) or len(set(values.values())) == 1:
            continue
        if 2 * len(columns & values.keys()) < len(columns):
            break
        rows.insert(0, {c: PLACEHOLDER.sub("N", v) for c, v in values.items()})
    out = {}
    for c in range(1, width + 1):
        parts: list[str] = []
        for values in rows:
            if c in values and (not parts or parts[-1] != values[c]):
                parts.append(values[c])
        if parts:
            out[c] = HEADER_JOIN.join(parts)
    return out


def _description(book, sheet: Worksheet) -> str:
    if book.properties.title:
        return book.properties.title
    for row in sheet.iter_rows(max_row=5):
        for cell in row:
            if isinstance(cell.value, str) and cell.value.strip():
                return PLACEHOLDER.sub("", cell.value).strip()
    return sheet.title
