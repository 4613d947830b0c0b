"""Migration 2 'search': FTS5 trigram indexes of problems, enterprises and penalty cases,
their triggers, their first fill, and the browse indexes of that release.

Frozen: the SQL this step ran when it was current. Never edit it; a change is a new step.
"""

SQL = r"""
CREATE VIRTUAL TABLE problem_fts USING fts5(id UNINDEXED, number, description, responsible_unit, tokenize='trigram');

CREATE TRIGGER problem_fts_insert AFTER INSERT ON problem BEGIN
        INSERT INTO problem_fts (rowid, id, number, description, responsible_unit) VALUES (new.rowid, new.id, new.number, new.description, new.responsible_unit); END;

CREATE TRIGGER problem_fts_delete AFTER DELETE ON problem BEGIN
        DELETE FROM problem_fts WHERE rowid = old.rowid; END;

CREATE TRIGGER problem_fts_update AFTER UPDATE OF number, description, responsible_unit ON problem
        BEGIN DELETE FROM problem_fts WHERE rowid = old.rowid;
        INSERT INTO problem_fts (rowid, id, number, description, responsible_unit) VALUES (new.rowid, new.id, new.number, new.description, new.responsible_unit); END;

INSERT INTO problem_fts (rowid, id, number, description, responsible_unit) SELECT rowid, id, number, description, responsible_unit FROM problem;

CREATE VIRTUAL TABLE enterprise_fts USING fts5(id UNINDEXED, name, credit_code, permit_number, address, tokenize='trigram');

CREATE TRIGGER enterprise_fts_insert AFTER INSERT ON enterprise BEGIN
        INSERT INTO enterprise_fts (rowid, id, name, credit_code, permit_number, address) VALUES (new.rowid, new.id, new.name, new.credit_code, new.permit_number, new.address); END;

CREATE TRIGGER enterprise_fts_delete AFTER DELETE ON enterprise BEGIN
        DELETE FROM enterprise_fts WHERE rowid = old.rowid; END;

CREATE TRIGGER enterprise_fts_update AFTER UPDATE OF name, credit_code, permit_number, address ON enterprise
        BEGIN DELETE FROM enterprise_fts WHERE rowid = old.rowid;
        INSERT INTO enterprise_fts (rowid, id, name, credit_code, permit_number, address) VALUES (new.rowid, new.id, new.name, new.credit_code, new.permit_number, new.address); END;

INSERT INTO enterprise_fts (rowid, id, name, credit_code, permit_number, address) SELECT rowid, id, name, credit_code, permit_number, address FROM enterprise;

CREATE VIRTUAL TABLE penalty_case_fts USING fts5(id UNINDEXED, case_number, violation, tokenize='trigram');

CREATE TRIGGER penalty_case_fts_insert AFTER INSERT ON penalty_case BEGIN
        INSERT INTO penalty_case_fts (rowid, id, case_number, violation) VALUES (new.rowid, new.id, new.case_number, new.violation); END;

CREATE TRIGGER penalty_case_fts_delete AFTER DELETE ON penalty_case BEGIN
        DELETE FROM penalty_case_fts WHERE rowid = old.rowid; END;

CREATE TRIGGER penalty_case_fts_update AFTER UPDATE OF case_number, violation ON penalty_case
        BEGIN DELETE FROM penalty_case_fts WHERE rowid = old.rowid;
        INSERT INTO penalty_case_fts (rowid, id, case_number, violation) VALUES (new.rowid, new.id, new.case_number, new.violation); END;

INSERT INTO penalty_case_fts (rowid, id, case_number, violation) SELECT rowid, id, case_number, violation FROM penalty_case;

CREATE INDEX problem_browse_deadline ON problem(deadline_in_force);

CREATE INDEX problem_browse_category ON problem(category);

CREATE INDEX problem_browse_region ON problem(region_code);

CREATE INDEX problem_inspection ON problem(inspection_id);

CREATE INDEX penalty_case_region ON penalty_case(region_code);
"""
