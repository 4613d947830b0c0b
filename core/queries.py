"""Filtered, sorted, paged row lists for the ledger browser (no Qt).

A browser shows one `View` (problems, enterprises, ...) under one `Query`. It asks for
the row count, then for pages of rows as the user scrolls. Scrolling reads by key, as
Datasette does: the page after (or before) a page already read starts at that page's
last (or first) sort value and rowid, so it costs one index seek wherever it is. Only a
jump to a row nobody has read yet goes by position (OFFSET), and a jump beyond the
middle is read in the reverse order, so the last page costs what the first one does.

Sorting problems by enterprise name walks the enterprise name index and each
enterprise's problems by the problem_enterprise index (see `_walk_enterprises`), in the
order (name, enterprise rowid, problem rowid), instead of sorting every row.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace
from typing import Any, TYPE_CHECKING

from . import collation, search

if TYPE_CHECKING:
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
class Key:
    """Where a row stands in its sort order: the sort value, the enterprise's rowid when
    sorting problems by enterprise (else None), and the row's own rowid."""

    value: Any
    group: int | None
    rowid: int


@dataclass(frozen=True)
class Page:
    """Rows (id, *column values) and the keys of the first and last of them."""

    rows: list[tuple]
    first: Key | None = None
    last: Key | None = None


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
        # by pinyin (core.collation): a sort of the enterprises, not an index walk
        Column("name", "x.name", "x.name COLLATE pinyin"),
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
        Column("penalty_cases", "(SELECT group_concat(case_number, '、') FROM penalty_case c "
                                "WHERE c.inspection_id = x.id)"),
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
        Column("stage", "x.stage"),
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
    return page_at(ledger, view, query, offset, limit, total).rows


def page_at(ledger: Ledger, view: View, query: Query, offset: int, limit: int,
            total: int | None = None) -> Page:
    """A jump: rows `offset` .. `offset + limit` by position, with their keys."""
    offset, limit = max(0, offset), max(0, limit)
    reverse = total is not None and offset > total // 2
    if reverse:
        end = min(offset + limit, total)
        offset, limit = total - end, end - offset
    return _read(ledger, view, query, reverse, None, limit, offset, total)


def page_after(ledger: Ledger, view: View, query: Query, key: Key, limit: int,
               total: int | None = None) -> Page:
    """Scrolling down: the `limit` rows that follow the row at `key`."""
    return _read(ledger, view, query, False, key, max(0, limit), 0, total)


def page_before(ledger: Ledger, view: View, query: Query, key: Key, limit: int,
                total: int | None = None) -> Page:
    """Scrolling up: the `limit` rows that precede the row at `key`."""
    return _read(ledger, view, query, True, key, max(0, limit), 0, total)


def _sort_key(view: View, query: Query) -> str:
    return query.sort if query.sort in view.keys else view.default_sort


def _walks_enterprises(view: View, query: Query) -> bool:
    return view is PROBLEMS and _sort_key(view, query) == "enterprise"


def _read(ledger: Ledger, view: View, query: Query, reverse: bool, key: Key | None,
          limit: int, offset: int, total: int | None) -> Page:
    """Rows in the query's order (or its reverse), after `key` or from `offset`."""
    where, params = _where(view, query, paging=True, total=total,
                           words=_code_words(ledger, view, query))
    params.update(offset=offset)
    if _walks_enterprises(view, query):
        statements = [_walk_enterprises(view, query, where, params, reverse, key)]
    else:
        statements = _plain(view, query, where, params, reverse, key)
    found: list = []
    for sql in statements:  # stretches of the order, one after another, until the page fills
        if len(found) >= limit:
            break
        params["limit"] = limit - len(found)
        found += ledger.conn.execute(sql, params).fetchall()
    if reverse:
        found.reverse()
    rows = [tuple(r)[:-3] for r in found]
    keys = [Key(*tuple(r)[-3:]) for r in found[:1] + found[-1:]]
    return Page(rows, keys[0] if keys else None, keys[-1] if keys else None)


def _plain(view: View, query: Query, where: str, params: dict[str, Any], reverse: bool,
           key: Key | None) -> list[str]:
    """One statement from a position, or those of the stretches that follow `key`."""
    order = view.column(_sort_key(view, query)).order
    descending = query.descending != reverse
    columns = ", ".join(c.sql for c in view.columns)
    direction = " DESC" if descending else ""
    head = f"SELECT x.id, {columns}, {order}, NULL, x.rowid FROM {view.source}"
    tail = f" ORDER BY {order}{direction}, x.rowid{direction} LIMIT :limit OFFSET :offset"
    if key is None:
        return [f"{head}{where}{tail}"]
    params.update(key_value=key.value, key_rowid=key.rowid)
    return [f"{head}{_and(where, part)}{tail}" for part in _beyond(order, descending, key)]


def _beyond(order: str, descending: bool, key: Key) -> list[str]:
    """The rows after `key` in the order `order, rowid` (both descending or not), as the
    stretches they fall in: the rest of the key's ties, then the values beyond it (SQLite
    puts NULL first going up, last going down). Each stretch is one seek in the sort
    key's index, whose last column is the rowid; a single row-value condition would make
    SQLite seek to the value and then step through all its ties (a status has 200,000)."""
    rowid = "x.rowid < :key_rowid" if descending else "x.rowid > :key_rowid"
    if key.value is None:
        ties = f"{order} IS NULL AND {rowid}"
        return [ties] if descending else [ties, f"{order} IS NOT NULL"]
    ties = f"{order} = :key_value AND {rowid}"
    if descending:
        return [ties, f"{order} < :key_value", f"{order} IS NULL"]
    return [ties, f"{order} > :key_value"]


def _and(where: str, condition: str) -> str:
    return f"{where} AND {condition}" if where else f" WHERE {condition}"


def _walk_enterprises(view: View, query: Query, where: str, params: dict[str, Any],
                      reverse: bool, key: Key | None) -> str:
    """Problems by enterprise name: those with no enterprise (NULL, first going up), then
    enterprise by enterprise along the name index, each one's problems along
    problem_enterprise (ordered by rowid within an enterprise). SQLite merges the two
    ordered halves and stops after one page, instead of sorting every problem by name."""
    descending = query.descending != reverse
    direction = " DESC" if descending else ""
    columns = ", ".join(c.sql for c in view.columns)
    source = view.source.replace("problem x LEFT JOIN enterprise e ON e.id = x.enterprise_id",
                                 "enterprise e CROSS JOIN problem x ON x.enterprise_id = e.id")
    named = _and(where, "x.enterprise_id IS NOT NULL")
    lone = _and(where, "x.enterprise_id IS NULL")
    if key is not None:
        params.update(key_value=key.value, key_group=key.group, key_rowid=key.rowid)
        after = "<" if descending else ">"
        if key.value is None:
            # A key among the enterprise-less rows: the rest of them, then every named one
            # going up; going down those rows come last, so only the rest of them remain.
            lone = _and(lone, f"x.rowid {after} :key_rowid")
            if descending:
                named = _and(named, "0")
        else:
            named = _and(named, f"(e.name, e.rowid, x.rowid) {after} "
                                f"(:key_value, :key_group, :key_rowid)")
            if not descending:
                lone = _and(lone, "0")
    last = len(view.columns) + 4  # x.id, the columns, then the three parts of the key
    order = ", ".join(f"{n}{direction}" for n in (last - 2, last - 1, last))
    return (f"SELECT x.id, {columns}, NULL, NULL, x.rowid FROM {view.source}{lone} "
            f"UNION ALL "
            f"SELECT x.id, {columns}, e.name, e.rowid, x.rowid FROM {source}{named} "
            f"ORDER BY {order} LIMIT :limit OFFSET :offset")


def position(ledger: Ledger, view: View, query: Query, row_id: str) -> int | None:
    """The row number of `row_id` under the query, or None when it is not selected (the
    page selects a record just saved: a walk of the ids, as the table's order has it)."""
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
    found = [tuple(r) for r in ledger.conn.execute(
        f"SELECT x.id, x.name, coalesce(x.credit_code, '') FROM enterprise x{where}", params)]
    return collation.by_name(found, lambda row: row[1])[:int(limit)]
