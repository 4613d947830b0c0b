"""The rectification ledger (整改台账) as one row per problem, streamed from SQL to xlsx."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from .. import messages
from ..ledger import Ledger
from ..workflow import Status
from .templates import Template

_ACCEPTED = ("(SELECT a.{} FROM acceptance a WHERE a.problem_id = p.id AND p.status = 'closed'"
             " ORDER BY a.accepted_on DESC, a.created_at DESC LIMIT 1)")
# Ledger fields a problem-list template may name: SQL expression over the query below.
FIELDS = {
    "number": "p.number",
    "region": "r.name",
    "region_code": "p.region_code",
    "enterprise": "e.name",
    "credit_code": "e.credit_code",
    "category": "{category}",
    "description": "p.description",
    "source": "{source}",
    "campaign": "c.name",
    "batch": "b.name",
    "assigned_on": "p.assigned_on",
    "deadline": "coalesce(p.deadline_in_force, p.deadline_text)",
    "original_deadline": "p.deadline",
    "deadline_text": "p.deadline_text",
    "complaint_number": "p.complaint_number",
    "responsible_unit": "p.responsible_unit",
    "responsible_person": "p.responsible_person",
    "measures": "(SELECT group_concat(description, '；') FROM (SELECT description FROM measure m"
                " WHERE m.problem_id = p.id ORDER BY m.seq))",
    "status": "{status}",
    "done_on": "p.done_on",
    "closed_on": "p.closed_on",
    # the acceptance of the closure in force (none for a problem not closed now)
    "accepted_on": _ACCEPTED.format("accepted_on"),
    "accepted_by": _ACCEPTED.format("accepted_by"),
    "accepted_unit": _ACCEPTED.format("accepted_unit"),
    "acceptance_opinion": _ACCEPTED.format("opinion"),
}
_FROM = """FROM problem p
LEFT JOIN region r ON r.code = p.region_code
LEFT JOIN enterprise e ON e.id = p.enterprise_id
LEFT JOIN batch b ON b.id = p.batch_id
LEFT JOIN campaign c ON c.id = p.campaign_id
WHERE p.withdrawn_on IS NULL"""


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


def select(template: Template, campaign_id: str | None = None) -> tuple[str, list]:
    """The SQL (and parameters) reading the template's columns for every live problem."""
    labels = {"category": _CATEGORIES, "source": _code_label("p.source", "source"),
              "status": _labels("p.status", "status", [s.value for s in Status])}
    try:
        exprs = [FIELDS[c.stat].format(**labels) for c in template.columns]
    except KeyError as exc:
        raise ValueError(f"unknown ledger field {exc}") from None
    sql = f"SELECT {', '.join(exprs)} {_FROM}"
    params: list = []
    if campaign_id:
        sql += " AND p.campaign_id = ?"
        params.append(campaign_id)
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


def count(ledger: Ledger, campaign_id: str | None = None) -> int:
    sql = "SELECT count(*) FROM problem p WHERE p.withdrawn_on IS NULL"
    params = [campaign_id] if campaign_id else []
    if campaign_id:
        sql += " AND p.campaign_id = ?"
    return ledger.conn.execute(sql, params).fetchone()[0]


def rows(ledger: Ledger, template: Template, campaign_id: str | None = None,
         limit: int | None = None) -> Iterator[tuple]:
    """The ledger rows as plain tuples (a cursor: memory stays flat)."""
    sql, params = select(template, campaign_id)
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    cursor = ledger.conn.execute(sql, params)
    cursor.row_factory = None
    while True:
        batch = cursor.fetchmany(2000)
        if not batch:
            return
        yield from batch
