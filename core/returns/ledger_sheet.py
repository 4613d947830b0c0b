"""The rectification ledger (整改台账) as one row per problem on a day, streamed from SQL to xlsx."""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator, TYPE_CHECKING

from .. import dates, messages
from ..workflow import Status
from .ledger_sheet_fields import DATE_FIELDS, FIELDS

if TYPE_CHECKING:
    from ..ledger import Ledger

_FROM = """FROM problem p
LEFT JOIN region r ON r.code = p.region_code
LEFT JOIN enterprise e ON e.id = p.enterprise_id
LEFT JOIN batch b ON b.id = p.batch_id
LEFT JOIN campaign c ON c.id = p.campaign_id{state}
WHERE p.assigned_on <= :d AND (p.withdrawn_on IS NULL OR p.withdrawn_on > :d)"""
# On a past day, a problem changed since then reads its state from its intervals.
_STATE = """
LEFT JOIN problem_state s ON s.problem_id = p.id AND s.valid_from <= :d AND s.valid_to > :d"""
_NOW = "max(p.assigned_on, p.status_since, p.deadline_since) <= :d"
_PAST = {
    "st": f"(CASE WHEN {_NOW} THEN p.status ELSE s.status END)",
    # (an interval keeps a kind word for a deadline without a date: not shown as one)
    "dl": f"(CASE WHEN {_NOW} THEN p.deadline_in_force "
          "WHEN s.deadline GLOB '[0-9]*' THEN s.deadline END)",
    "closed_on": "(SELECT max(l.happened_on) FROM problem_log l WHERE l.problem_id = p.id "
                 "AND l.status_to = 'closed' AND l.happened_on <= :d)",
}
_TODAY = {"st": "p.status", "dl": "p.deadline_in_force", "closed_on": "p.closed_on"}


def _labels(column: str, prefix: str, codes) -> str:
    """A CASE that shows a code column as its catalogue label (the labels are data, quoted)."""
    whens = " ".join(f"WHEN '{code}' THEN {_quote(messages.label(f'{prefix}.{code}'))}"
                     for code in codes)
    return f"CASE {column} {whens} ELSE {column} END"


def _code_label(column: str, kind: str) -> str:
    """The ledger's own label of a category or source code (the code if it has none)."""
    return (f"coalesce((SELECT label FROM code_entry WHERE kind = '{kind}' "
            f"AND code = {column}), {column})")


# The main category's label, then the problem's further ones: 废气、噪声
_CATEGORIES = (_code_label("p.category", "category") + " || coalesce((SELECT '、' || "
               "group_concat(coalesce(e.label, j.value), '、') FROM json_each('[\"' || "
               "replace(p.extra_categories, ',', '\",\"') || '\"]') j LEFT JOIN code_entry e "
               "ON e.kind = 'category' AND e.code = j.value), '')")


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def select(fields: list[str], as_of: str, campaign_id: str | None = None) -> tuple[str, dict]:
    """The SQL (and parameters) reading `fields` for every problem counted on `as_of`."""
    past = as_of < dates.today().isoformat()
    state = _PAST if past else _TODAY
    labels = {"category": _CATEGORIES, "source": _code_label("p.source", "source"),
              "status": _labels(state["st"], "status", [s.value for s in Status]), **state}
    try:
        exprs = [FIELDS[f].format(**labels) for f in fields]
    except KeyError as exc:
        raise ValueError(f"unknown ledger field {exc}") from None
    sql = f"SELECT {', '.join(exprs)} {_FROM.format(state=_STATE if past else '')}"
    params: dict = {"d": as_of}
    if campaign_id:
        sql += " AND p.campaign_id = :campaign"
        params["campaign"] = campaign_id
    return sql + " ORDER BY p.region_code, p.assigned_on, p.number", params


@contextmanager
def snapshot(ledger: Ledger) -> Iterator[None]:
    """One read transaction (WAL keeps it a consistent snapshot) unless one is open."""
    conn = ledger.conn
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("COMMIT")


def count(ledger: Ledger, as_of: str, campaign_id: str | None = None) -> int:
    sql = ("SELECT count(*) FROM problem p WHERE p.assigned_on <= :d "
           "AND (p.withdrawn_on IS NULL OR p.withdrawn_on > :d)")
    if campaign_id:
        sql += " AND p.campaign_id = :campaign"
    return ledger.conn.execute(sql, {"d": as_of, "campaign": campaign_id}).fetchone()[0]


def rows(ledger: Ledger, fields: list[str], as_of: str, campaign_id: str | None = None,
         limit: int | None = None) -> Iterator[tuple]:
    """The ledger rows as plain tuples (a cursor: memory stays flat)."""
    sql, params = select(fields, as_of, campaign_id)
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    cursor = ledger.conn.execute(sql, params)
    cursor.row_factory = None
    while True:
        batch = cursor.fetchmany(2000)
        if not batch:
            return
        yield from batch


@dataclass
class ListLayout:
    """A problem-list form read for streaming: the rows above the repeat row (title, marks,
    the header row just above it), what each column of the repeat row shows, the sign-off
    rows below it, widths, heights and merges."""

    top: list[list[str]]
    top_styles: list[list[str | None]]
    top_heights: list[float | None]
    merges_above: list[tuple[int, int, int, int]]
    columns: list[tuple[str, str]]  # (kind, what): ("row", ""), ("field", name), ("text", text)
    widths: list[float]
    footer: list[list[str]]
    footer_heights: list[float | None]
    merges_below: list[tuple[int, int, int, int]]  # rows counted from the first footer row
    sheet_name: str

    @property
    def fields(self) -> list[str]:
        return [what for kind, what in self.columns if kind == "field"]

    @property
    def formats(self) -> list[str]:
        return ["integer" if kind == "row" else "date" if what in DATE_FIELDS else "text"
                for kind, what in self.columns]

    def row(self, index: int, values: tuple) -> tuple:
        """One problem's cells: 序号, the selected fields, literal texts."""
        it = iter(values)
        return tuple(index + 1 if kind == "row" else next(it) if kind == "field" else what
                     for kind, what in self.columns)

    @classmethod
    def of(cls, form) -> "ListLayout":
        from openpyxl import load_workbook
        from openpyxl.utils import get_column_letter

        from .forms import PLACEHOLDER

        sheet = load_workbook(form.path).worksheets[0]
        repeat = next(r for r in form.repeats if r.dimension == "problem")
        r0, width = repeat.row, sheet.max_column
        columns = []
        for c in range(1, width + 1):
            text = repeat.cells.get(c, sheet.cell(r0, c).value) or ""
            name = PLACEHOLDER.fullmatch(str(text).strip())
            if name and name.group(1) == "row.number":
                columns.append(("row", ""))
            elif name and name.group(1).startswith("problem."):
                columns.append(("field", name.group(1)[len("problem."):]))
            else:
                columns.append(("text", str(text)))

        def texts(r: int) -> list[str]:
            return [str(sheet.cell(r, c).value or "") for c in range(1, width + 1)]

        def style(r: int, c: int) -> str | None:
            cell = sheet.cell(r, c)
            if cell.value is None and not cell.has_style:
                return None
            if r == r0 - 1:
                return "header"
            if (cell.font.sz or 0) >= 14:
                return "title"
            return "meta_right" if cell.alignment.horizontal == "right" else "meta"

        merges = [(m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1)
                  for m in sheet.merged_cells.ranges]
        widths = [float(sheet.column_dimensions[get_column_letter(c)].width or 9)
                  for c in range(1, width + 1)]
        below = range(r0 + 1, sheet.max_row + 1)
        return cls(
            top=[texts(r) for r in range(1, r0)],
            top_styles=[[style(r, c) for c in range(1, width + 1)] for r in range(1, r0)],
            top_heights=[sheet.row_dimensions[r].height for r in range(1, r0)],
            merges_above=[m for m in merges if m[2] < r0 - 1],
            columns=columns, widths=widths,
            footer=[texts(r) for r in below],
            footer_heights=[sheet.row_dimensions[r].height for r in below],
            merges_below=[(m[0] - r0, m[1], m[2] - r0, m[3]) for m in merges if m[0] >= r0],
            sheet_name=sheet.title)


def write(ledger: Ledger, layout: ListLayout, path, as_of: str, campaign_id: str | None,
          fields: dict[str, str], total: int, progress=None, cancelled=None) -> int:
    """Stream the ledger into `path` in the layout; returns the rows written."""
    from .cells import column_letter
    from .filling import substitute
    from .xlsx import ExportCancelled, PageSetup, SheetWriter

    header = len(layout.top) - 1  # 0-based row of the column headers
    setup = PageSetup(title_rows=(header, header), freeze=(header + 1, 0))
    writer = SheetWriter(path, layout.sheet_name, layout.widths, setup,
                         row_count=len(layout.top) + total + len(layout.footer))
    try:
        for r, (texts, styles, height) in enumerate(zip(layout.top, layout.top_styles,
                                                        layout.top_heights)):
            writer.styled_row([(substitute(t, fields, f"{column_letter(c)}{r + 1}"), s)
                               if s else None for c, (t, s) in enumerate(zip(texts, styles))],
                              height)
        for merge in layout.merges_above:
            writer.merge(*merge)
        numbered = (layout.row(i, values) for i, values in
                    enumerate(rows(ledger, layout.fields, as_of, campaign_id)))
        written = writer.table_rows(numbered, layout.formats, total, progress, cancelled)
        first_footer = len(layout.top) + written
        for k, (texts, height) in enumerate(zip(layout.footer, layout.footer_heights)):
            writer.styled_row([(substitute(t, fields, ""), "footer") if t else None
                               for t in texts], height)
        for r, c, r2, c2 in layout.merges_below:
            writer.merge(first_footer + r, c, first_footer + r2, c2)
        last = column_letter(len(layout.widths) - 1)
        writer.autofilter = f"A{header + 1}:{last}{header + 1 + written}"
        writer.close()
    except ExportCancelled:
        raise
    except BaseException:
        writer.abort()
        raise
    return written
