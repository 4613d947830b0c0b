"""What a case keeps in its own row must agree with its stage, order and recheck rows:
`ecoledger-cli check` lists every case where it does not (after plain SQL, or a merge)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .. import messages
from . import daily_fines, stages

if TYPE_CHECKING:
    from ..ledger import Ledger

# The furthest stage recorded, in SQL: the rank of each stage as stages.RANK gives it.
_RANK = "CASE stage " + " ".join(f"WHEN '{s}' THEN {r * 10 + stages.STAGES.index(s)}"
                                 for s, r in stages.RANK.items()) + " END"


def findings(ledger: Ledger) -> list[str]:
    found = []
    for number, column, kept, recorded in ledger.conn.execute(f"""
        WITH furthest AS (
            SELECT case_id, stage FROM (
                SELECT case_id, stage, row_number() OVER (
                    PARTITION BY case_id ORDER BY {_RANK} DESC) AS n FROM penalty_stage)
            WHERE n = 1)
        SELECT c.case_number, 'stage', c.stage, coalesce(f.stage, 'opened')
          FROM penalty_case c LEFT JOIN furthest f ON f.case_id = c.id
         WHERE c.stage IS NOT coalesce(f.stage, 'opened')
        UNION ALL
        SELECT c.case_number, 'decided_on', c.decided_on, s.happened_on
          FROM penalty_case c LEFT JOIN penalty_stage s ON s.case_id = c.id AND s.stage = 'decided'
         WHERE c.decided_on IS NOT s.happened_on
        UNION ALL
        SELECT c.case_number, 'opened_on', c.opened_on, s.happened_on
          FROM penalty_case c LEFT JOIN penalty_stage s ON s.case_id = c.id AND s.stage = 'opened'
         WHERE c.opened_on IS NOT s.happened_on"""):
        found.append(messages.text("error.penalty_case_disagrees", number=number,
                                   field=messages.label("field." + column), kept=kept or "—",
                                   recorded=recorded or "—"))
    for case_id, number, fine, kept in ledger.conn.execute(
            "SELECT id, case_number, fine_fen, daily_fine_fen FROM penalty_case WHERE id IN "
            "(SELECT case_id FROM penalty_order UNION SELECT case_id FROM penalty_recheck)"):
        counted = daily_fines.count(ledger, case_id, fine).total_fen
        if counted != kept:
            found.append(messages.text("error.penalty_case_disagrees", number=number,
                                       field=messages.label("field.daily_fine_amount"),
                                       kept=kept, recorded=counted))
    return found
