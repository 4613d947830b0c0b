"""Migration 5 'browse': one index per sort key of the problems list, and a partial
index of open problems by deadline.

Frozen: the SQL this step ran when it was current. Never edit it; a change is a new step.
"""

SQL = r"""
DROP INDEX IF EXISTS problem_browse_status;

CREATE INDEX IF NOT EXISTS problem_sort_assigned_on ON problem(assigned_on);

CREATE INDEX IF NOT EXISTS problem_sort_status ON problem(status);

CREATE INDEX IF NOT EXISTS problem_sort_source ON problem(source);

CREATE INDEX IF NOT EXISTS problem_open_deadline ON problem(deadline_in_force) WHERE status <> 'closed' AND withdrawn_on IS NULL;
"""
