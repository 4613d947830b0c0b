"""Migration 13 'model_numbers': a problem keeps the complaint number it came with (受理编号
of a central or provincial inspection, e.g. D3SX202505280018), which identifies it across
batches; the search index covers it. The index is made again with the new column and
filled from the problems.

Frozen: never edit; a change is a new step.
"""
from __future__ import annotations

SQL = """
ALTER TABLE problem ADD COLUMN complaint_number TEXT;
CREATE INDEX problem_complaint_number ON problem(complaint_number)
    WHERE complaint_number IS NOT NULL;
DROP TRIGGER problem_fts_insert;
DROP TRIGGER problem_fts_delete;
DROP TRIGGER problem_fts_update;
DROP TABLE problem_fts;
CREATE VIRTUAL TABLE problem_fts USING fts5(id UNINDEXED, number, description,
    responsible_unit, complaint_number, tokenize='trigram');
CREATE TRIGGER problem_fts_insert AFTER INSERT ON problem BEGIN
    INSERT INTO problem_fts (rowid, id, number, description, responsible_unit, complaint_number)
    VALUES (new.rowid, new.id, new.number, new.description, new.responsible_unit,
            new.complaint_number); END;
CREATE TRIGGER problem_fts_delete AFTER DELETE ON problem BEGIN
    DELETE FROM problem_fts WHERE rowid = old.rowid; END;
CREATE TRIGGER problem_fts_update AFTER UPDATE OF number, description, responsible_unit,
    complaint_number ON problem
    BEGIN DELETE FROM problem_fts WHERE rowid = old.rowid;
    INSERT INTO problem_fts (rowid, id, number, description, responsible_unit, complaint_number)
    VALUES (new.rowid, new.id, new.number, new.description, new.responsible_unit,
            new.complaint_number); END;
INSERT INTO problem_fts (rowid, id, number, description, responsible_unit, complaint_number)
    SELECT rowid, id, number, description, responsible_unit, complaint_number FROM problem;
"""
