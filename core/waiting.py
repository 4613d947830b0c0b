"""What waits for a manager's decision (待审批 / 待核销): extension requests nobody has approved
or refused yet, and problems reported done that nobody has verified and closed yet."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .ledger import Ledger


EXTENSION = "extension"
REPORTED_DONE = "reported_done"


@dataclass(frozen=True)
class Waiting:
    """One item of the queue: what kind of decision, on which problem, since when."""

    kind: str                # EXTENSION or REPORTED_DONE
    problem_id: str
    number: str
    enterprise: str
    region_code: str
    region: str              # the county's name
    since: str               # the day it was asked for (requested or reported done)
    description: str
    extension_id: str | None = None
    new_deadline: str | None = None
    reason: str | None = None


_LIVE = "p.withdrawn_on IS NULL"


def queue(ledger: Ledger) -> list[Waiting]:
    """Every decision waiting, the oldest first (extension requests, then reports of done)."""
    return extensions(ledger) + reported_done(ledger)


def counts(ledger: Ledger) -> dict[str, int]:
    """How many of each kind wait."""
    found = {EXTENSION: 0, REPORTED_DONE: 0}
    for item in queue(ledger):
        found[item.kind] += 1
    return found


def extensions(ledger: Ledger) -> list[Waiting]:
    """Extension requests neither approved nor refused, on problems still live and open."""
    rows = ledger.conn.execute(
        "SELECT p.id, p.number, coalesce(e.name, ''), p.region_code, "
        "coalesce(r.name, p.region_code), x.requested_on, p.description, x.id, "
        "x.new_deadline, x.reason "
        "FROM deadline_extension x JOIN problem p ON p.id = x.problem_id "
        "LEFT JOIN enterprise e ON e.id = p.enterprise_id "
        "LEFT JOIN region r ON r.code = p.region_code "
        f"WHERE x.approved_on IS NULL AND x.refused_on IS NULL AND {_LIVE} "
        "AND p.status <> 'closed' ORDER BY x.requested_on, x.rowid")
    return [Waiting(EXTENSION, *row[:7], extension_id=row[7], new_deadline=row[8],
                    reason=row[9]) for row in rows]


def reported_done(ledger: Ledger) -> list[Waiting]:
    """Problems reported done (已完成待验收), waiting to be verified and closed."""
    rows = ledger.conn.execute(
        "SELECT p.id, p.number, coalesce(e.name, ''), p.region_code, "
        "coalesce(r.name, p.region_code), p.status_since, p.description FROM problem p "
        "LEFT JOIN enterprise e ON e.id = p.enterprise_id "
        "LEFT JOIN region r ON r.code = p.region_code "
        f"WHERE p.status = 'reported_done' AND {_LIVE} ORDER BY p.status_since, p.rowid")
    return [Waiting(REPORTED_DONE, *row) for row in rows]
