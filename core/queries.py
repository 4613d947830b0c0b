"""Filtered, sorted, paged row lists for the ledger browser (no Qt).

A browser shows one `View` (problems, enterprises, ...) under one `Query`. It asks for
the row count, then for pages of rows by position as the user scrolls. A page beyond
the middle is read in the reverse order, so the last page of a million rows costs what
the first one does.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace
from typing import Any

from . import search
from .ledger import Ledger


@dataclass(frozen=True)
class Column:
    """One column of a view: its key, the SQL it shows, and the SQL it sorts by."""

    key: str
    sql: str
    sort: str | None = None  # None: same as `sql`

    @property
    def order(self) -> str:
        return self.sort or self.sql


@dataclass(frozen=True)
class View:
    """A browsable list of one kind of row."""

    kind: str
    source: str  # FROM clause; the main table is aliased `x`
    columns: tuple[Column, ...]
    default_sort: str
    date_column: str | None = None
    region_column: str = "x.region_code"
    search_extra: dict[str, str] = field(default_factory=dict)
    filters: tuple[str, ...] = ()  # which Query fields apply

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns)


@dataclass(frozen=True)
class Query:
    """What the user asked to see: filters, free text and sort order."""

    text: str = ""
    region_code: str | None = None
    status: str | None = None
    category: str | None = None
    campaign_id: str | None = None
    batch_id: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    overdue: bool = False
    sort: str | None = None
    descending: bool = False
    today: str | None = None  # for the overdue filter; default the real today
    ids: tuple[str, ...] | None = None  # only these rows (a drill-down from a plot)

    def sorted_by(self, key: str, descending: bool) -> "Query":
        return replace(self, sort=key, descending=descending)


_OVERDUE = ("(x.status <> 'closed' AND x.withdrawn_on IS NULL "
            "AND x.deadline_in_force < :today)")
# The same, written so that no index can serve it (see `_where`).
_OVERDUE_UNINDEXED = ("(+x.status <> 'closed' AND x.withdrawn_on IS NULL "
                      "AND +x.deadline_in_force < :today)")

PROBLEMS = View(
    kind="problem",
    source="problem x LEFT JOIN enterprise e ON e.id = x.enterprise_id "
           "LEFT JOIN region r ON r.code = x.region_code",
    columns=(
        Column("number", "x.number"),
        Column("region", "r.name", "x.region_code"),
        Column("enterprise", "e.name"),
        Column("category", "x.category"),
        Column("description", "x.description"),
        Column("source", "x.source"),
        Column("assigned_on", "x.assigned_on"),
        # the date in force, or the wording of a deadline without one (长期坚持)
        Column("deadline", "coalesce(x.deadline_in_force, x.deadline_text)",
               "x.deadline_in_force"),
        Column("status", "x.status"),
        Column("responsible_unit", "x.responsible_unit"),
        Column("overdue", _OVERDUE),
        Column("withdrawn", "x.withdrawn_on IS NOT NULL"),
    ),
    default_sort="assigned_on",
    date_column="x.assigned_on",
    search_extra={"enterprise": "x.enterprise_id"},
    filters=("region_code", "status", "category", "campaign_id", "batch_id", "date",
             "overdue"),
)

ENTERPRISES = View(
    kind="enterprise",
    source="enterprise x LEFT JOIN region r ON r.code = x.region_code",
    columns=(
        Column("name", "x.name"),
        Column("credit_code", "x.credit_code"),
        Column("region", "r.name", "x.region_code"),
        Column("industry_code", "x.industry_code"),
        Column("permit_number", "x.permit_number"),
        Column("key_monitored", "x.key_monitored"),
        Column("address", "x.address"),
    ),
    default_sort="name",
    filters=("region_code",),
)

INSPECTIONS = View(
    kind="inspection",
    source="inspection x JOIN enterprise e ON e.id = x.enterprise_id "
           "LEFT JOIN region r ON r.code = e.region_code",
    columns=(
        Column("inspected_on", "x.inspected_on"),
        Column("enterprise", "e.name"),
        Column("region", "r.name", "e.region_code"),
        Column("kind", "x.kind"),
        Column("result", "x.result"),
        Column("officers", "(SELECT group_concat(name, '、') FROM inspection_officer o "
                           "WHERE o.inspection_id = x.id)"),
        Column("problems", "(SELECT count(*) FROM problem p WHERE p.inspection_id = x.id)"),
        Column("notes", "x.notes"),
    ),
    default_sort="inspected_on",
    date_column="x.inspected_on",
    region_column="e.region_code",
    search_extra={"enterprise": "x.enterprise_id"},
    filters=("region_code", "campaign_id", "date"),
)

PENALTIES = View(
    kind="penalty_case",
    source="penalty_case x LEFT JOIN enterprise e ON e.id = x.enterprise_id "
           "LEFT JOIN region r ON r.code = x.region_code",
    columns=(
        Column("case_number", "x.case_number"),
        Column("decided_on", "x.decided_on"),
        Column("enterprise", "e.name"),
        Column("region", "r.name", "x.region_code"),
        Column("violation", "x.violation"),
        Column("fine_fen", "x.fine_fen"),
        Column("daily_fine_fen", "x.daily_fine_fen"),
        Column("measures", "x.daily_fine || x.seizure || x.restriction || x.detention "
                           "|| x.crime_transfer || x.closure"),
    ),
    default_sort="decided_on",
    date_column="x.decided_on",
    search_extra={"enterprise": "x.enterprise_id"},
    filters=("region_code", "campaign_id", "date"),
)

CAMPAIGNS = View(
    kind="campaign",
    source="campaign x",
    columns=(
        Column("name", "x.name"),
        Column("starts_on", "x.starts_on"),
        Column("ends_on", "x.ends_on"),
        Column("target_rate", "x.target_rate"),
        Column("batches", "(SELECT count(*) FROM batch b WHERE b.campaign_id = x.id)"),
        Column("problems", "(SELECT count(*) FROM problem p WHERE p.campaign_id = x.id)"),
    ),
    default_sort="starts_on",
    date_column="x.starts_on",
)

BATCHES = View(
    kind="batch",
    source="batch x LEFT JOIN campaign c ON c.id = x.campaign_id",
    columns=(
        Column("number", "x.number"),
        Column("name", "x.name"),
        Column("campaign", "c.name"),
        Column("issued_on", "x.issued_on"),
        Column("letter_number", "x.letter_number"),
        Column("problems", "(SELECT count(*) FROM problem p WHERE p.batch_id = x.id)"),
    ),
    default_sort="number",
    date_column="x.issued_on",
    filters=("campaign_id", "date"),
)

VIEWS = {v.kind: v for v in (PROBLEMS, ENTERPRISES, INSPECTIONS, PENALTIES, CAMPAIGNS, BATCHES)}


# A search matching more rows than this is read by walking the sort index and testing
# each row against the matches; fewer are fetched by id and sorted.
WALK_ABOVE = 5000


def _code_words(ledger: Ledger, view: View, query: Query) -> dict[str, list[tuple[str, str]]]:
    """Search terms that name a category or source of the ledger's lists (大气, 12369), each
    with the (column, code) a problem may match by instead of its text."""
    if view.kind != "problem" or not search.terms(query.text):
        return {}
    from . import codes  # only a problem search reads the lists

    found: dict[str, list[tuple[str, str]]] = {}
    for kind in codes.KINDS:
        words = codes.Words(ledger, kind)
        for term in search.terms(query.text):
            code = words.exact.get(codes.key(term))
            if code and codes.key(term) not in words.ambiguous:
                found.setdefault(term, []).append((kind, code))
    return found


def _where(view: View, query: Query, paging: bool = False,
           total: int | None = None, words: dict | None = None) -> tuple[str, dict[str, Any]]:
    """The WHERE clause of `query` on `view`, with named parameters.

    `paging`: the clause of a page query, whose filters are kept off their indexes
    (unary +) so that SQLite walks the sort key's index and stops after one page,
    instead of gathering every matching row through a filter's index and sorting them
    all. Counting keeps the filter indexes, which count without touching rows.
    """
    plus = "+" if paging else ""
    parts: list[str] = []
    params: dict[str, Any] = {"today": query.today or dt.date.today().isoformat()}
    active = set(view.filters)
    if query.region_code and "region_code" in active:
        from .statistics import region_range  # only a region filter needs statistics

        params["region_low"], params["region_high"] = region_range(query.region_code)
        parts.append(f"{plus}{view.region_column} BETWEEN :region_low AND :region_high")
    for name in ("status", "category", "campaign_id", "batch_id"):
        value = getattr(query, name)
        if value and name in active:
            parts.append(f"{plus}x.{name} = :{name}")
            params[name] = value
    if "date" in active and view.date_column:
        if query.date_from:
            parts.append(f"{view.date_column} >= :date_from")
            params["date_from"] = query.date_from
        if query.date_to:
            parts.append(f"{view.date_column} <= :date_to")
            params["date_to"] = query.date_to
    if query.overdue and "overdue" in active:
        parts.append(_OVERDUE_UNINDEXED if paging else _OVERDUE)
    if query.ids is not None:
        parts.append("x.id IN (SELECT value FROM json_each(:ids))")
        params["ids"] = json.dumps(query.ids)
    if search.terms(query.text):
        sql, values = search.condition(view.kind, query.text, "x", view.search_extra, words)
        if paging and total is not None and total > WALK_ABOVE:
            sql = sql.replace("x.", "+x.")
        for number, value in enumerate(values):
            sql = sql.replace("?", f":text{number}", 1)
            params[f"text{number}"] = value
        parts.append(sql)
    return (" WHERE " + " AND ".join(parts)) if parts else "", params


def _order(view: View, query: Query, reverse: bool) -> str:
    key = query.sort if query.sort in view.keys else view.default_sort
    descending = query.descending != reverse
    direction = " DESC" if descending else ""
    return f" ORDER BY {view.column(key).order}{direction}, x.rowid{direction}"


def count(ledger: Ledger, view: View, query: Query) -> int:
    """How many rows the query selects."""
    where, params = _where(view, query, words=_code_words(ledger, view, query))
    # The joins only add display columns, except where the region filter reads one.
    joins = f"{view.kind} x" if view.region_column.startswith("x.") else view.source
    return ledger.conn.execute(f"SELECT count(*) FROM {joins}{where}", params).fetchone()[0]


def page(ledger: Ledger, view: View, query: Query, offset: int, limit: int,
         total: int | None = None) -> list[tuple]:
    """Rows `offset` .. `offset + limit` of the query, each (id, *column values).

    Given the `total`, a page past the middle is read backwards from the end.
    """
    offset, limit = max(0, offset), max(0, limit)
    reverse = total is not None and offset > total // 2
    if reverse:
        end = min(offset + limit, total)
        offset, limit = total - end, end - offset
    where, params = _where(view, query, paging=True, total=total,
                           words=_code_words(ledger, view, query))
    columns = ", ".join(c.sql for c in view.columns)
    sql = (f"SELECT x.id, {columns} FROM {view.source}{where}{_order(view, query, reverse)}"
           f" LIMIT :limit OFFSET :offset")
    rows = [tuple(r) for r in ledger.conn.execute(sql, {**params, "limit": limit,
                                                          "offset": offset})]
    return rows[::-1] if reverse else rows


def position(ledger: Ledger, view: View, query: Query, row_id: str) -> int | None:
    """The row number of `row_id` under the query, or None when it is not selected."""
    where, params = _where(view, query, words=_code_words(ledger, view, query))
    sql = f"SELECT x.id FROM {view.source}{where}{_order(view, query, False)}"
    for number, row in enumerate(ledger.conn.execute(sql, params)):
        if row[0] == row_id:
            return number
    return None


def enterprise_names(ledger: Ledger, prefix: str = "", limit: int = 50) -> list[tuple[str, str, str]]:
    """(id, name, credit code) of enterprises whose name or credit code contains `prefix`."""
    where, params = "", {}
    if prefix.strip():
        sql, values = search.condition("enterprise", prefix, "x")
        for number, value in enumerate(values):
            sql = sql.replace("?", f":t{number}", 1)
            params[f"t{number}"] = value
        where = " WHERE " + sql
    return [tuple(r) for r in ledger.conn.execute(
        f"SELECT x.id, x.name, coalesce(x.credit_code, '') FROM enterprise x{where} "
        f"ORDER BY x.name LIMIT {int(limit)}", params)]
