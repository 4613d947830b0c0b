"""What a problem-list form may show of each problem ({{problem.FIELD}}): the SQL of every
field over the ledger export's query (`core.returns.ledger_sheet`), which forms check
their placeholders against."""
from __future__ import annotations

# The acceptance of the closure in force on the day (none for a problem not closed then).
_ACCEPTED = ("(SELECT a.{} FROM acceptance a WHERE a.problem_id = p.id AND {{st}} = 'closed'"
             " AND a.accepted_on <= :d ORDER BY a.accepted_on DESC, a.created_at DESC LIMIT 1)")
# Ledger fields a problem-list form may name ({{problem.FIELD}}): SQL over the export's query,
# where {st}, {dl}, {on} are the problem's status, deadline in force and whether it counts,
# all on the day of the export (:d).
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
    # a date, else the deadline as written (长期坚持 …)
    "deadline": "coalesce({dl}, p.deadline_text)",
    # the deadline set at assignment: its date, else as written (长期坚持 has no date)
    "original_deadline": "coalesce(p.deadline, p.deadline_text)",
    "deadline_text": "p.deadline_text",
    "complaint_number": "p.complaint_number",
    "responsible_unit": "p.responsible_unit",
    "responsible_person": "p.responsible_person",
    "measures": "(SELECT group_concat(description, '；') FROM (SELECT description FROM measure m"
                " WHERE m.problem_id = p.id ORDER BY m.seq))",
    "status": "{status}",
    "overdue": "CASE WHEN {st} != 'closed' AND {dl} < :d THEN '是' ELSE '否' END",
    # a done date after the day is not shown; one stored as other text is (an old import);
    # settled in stage (阶段性办结): the day it was, under 完成日期
    "done_on": "CASE WHEN p.done_on GLOB '[0-9][0-9][0-9][0-9]-*' AND p.done_on > :d "
               "THEN NULL ELSE coalesce(p.done_on, CASE WHEN {st} = 'stage_concluded' "
               "THEN p.status_since END) END",
    # 销号日期 only on a problem closed on the day; a reopened one (反弹) shows the closure
    # it had before as 原销号日期 beside the day it was reopened, so that the export imports
    # into a fresh ledger with the same history (core.ledger_import reads both)
    "closed_on": "CASE WHEN {st} = 'closed' THEN {closed_on} END",
    "earlier_closed_on": "CASE WHEN {st} != 'closed' THEN (SELECT max(l.happened_on) "
                         "FROM problem_log l WHERE l.problem_id = p.id "
                         "AND l.status_to = 'closed' AND l.happened_on <= :d AND EXISTS ("
                         "SELECT 1 FROM problem_log o WHERE o.problem_id = p.id "
                         "AND o.status_to = 'reopened' AND o.happened_on <= :d)) END",
    "reopened_on": "(SELECT max(l.happened_on) FROM problem_log l WHERE l.problem_id = p.id "
                   "AND l.status_to = 'reopened' AND l.happened_on <= :d)",
    "accepted_on": _ACCEPTED.format("accepted_on"),
    "accepted_by": _ACCEPTED.format("accepted_by"),
    "accepted_unit": _ACCEPTED.format("accepted_unit"),
    "acceptance_opinion": _ACCEPTED.format("opinion"),
}
DATE_FIELDS = frozenset({"assigned_on", "deadline", "original_deadline", "done_on", "closed_on",
                         "earlier_closed_on", "reopened_on", "accepted_on"})
