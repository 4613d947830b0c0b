"""Migration 12 'model_acceptance': closing a problem (销号) records its acceptance (验收):
the day, who verified it (person and unit) and the opinion; the after-photos are the
problem's attachments of phase 'after'. One row per closure: a reopened problem closed
again has two.

Frozen: never edit; a change is a new step.
"""
from __future__ import annotations

SQL = """
CREATE TABLE acceptance (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    operator TEXT NOT NULL,
    problem_id TEXT NOT NULL REFERENCES problem(id) ON DELETE CASCADE,
    accepted_on TEXT NOT NULL,
    accepted_by TEXT NOT NULL,
    accepted_unit TEXT,
    opinion TEXT NOT NULL
);
CREATE INDEX acceptance_problem ON acceptance(problem_id, accepted_on);
"""
