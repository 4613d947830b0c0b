"""Migration 4 'attachment': attached photos and files, and the audit triggers re-made
so that they cover the new table.

Frozen: the SQL this step ran when it was current. Never edit it; a change is a new step.
"""

SQL = r"""
CREATE TABLE attachment (
    id TEXT PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    operator TEXT NOT NULL,
    problem_id TEXT NOT NULL REFERENCES problem(id) ON DELETE CASCADE,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    name TEXT NOT NULL,
    suffix TEXT NOT NULL,
    size INTEGER NOT NULL,
    phase TEXT NOT NULL CHECK (phase IN ('before', 'after')),
    attached_on TEXT NOT NULL
);

CREATE INDEX attachment_problem ON attachment(problem_id, attached_on);

DROP TRIGGER IF EXISTS audit_attachment_insert;

CREATE TRIGGER audit_attachment_insert AFTER INSERT ON attachment
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
VALUES (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), NEW.operator, 'insert', 'attachment', NEW.id, NULL, json_object('id', NEW.id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'operator', NEW.operator, 'problem_id', NEW.problem_id, 'sha256', NEW.sha256, 'name', NEW.name, 'suffix', NEW.suffix, 'size', NEW.size, 'phase', NEW.phase, 'attached_on', NEW.attached_on));
END;

DROP TRIGGER IF EXISTS audit_attachment_update;

CREATE TRIGGER audit_attachment_update AFTER UPDATE ON attachment
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
SELECT strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), NEW.operator, 'update', 'attachment', NEW.id, json_group_object(f, o), json_group_object(f, n)
FROM (
  SELECT 'id' AS f, OLD.id AS o, NEW.id AS n WHERE OLD.id IS NOT NEW.id
  UNION ALL SELECT 'created_at' AS f, OLD.created_at AS o, NEW.created_at AS n WHERE OLD.created_at IS NOT NEW.created_at
  UNION ALL SELECT 'problem_id' AS f, OLD.problem_id AS o, NEW.problem_id AS n WHERE OLD.problem_id IS NOT NEW.problem_id
  UNION ALL SELECT 'sha256' AS f, OLD.sha256 AS o, NEW.sha256 AS n WHERE OLD.sha256 IS NOT NEW.sha256
  UNION ALL SELECT 'name' AS f, OLD.name AS o, NEW.name AS n WHERE OLD.name IS NOT NEW.name
  UNION ALL SELECT 'suffix' AS f, OLD.suffix AS o, NEW.suffix AS n WHERE OLD.suffix IS NOT NEW.suffix
  UNION ALL SELECT 'size' AS f, OLD.size AS o, NEW.size AS n WHERE OLD.size IS NOT NEW.size
  UNION ALL SELECT 'phase' AS f, OLD.phase AS o, NEW.phase AS n WHERE OLD.phase IS NOT NEW.phase
  UNION ALL SELECT 'attached_on' AS f, OLD.attached_on AS o, NEW.attached_on AS n WHERE OLD.attached_on IS NOT NEW.attached_on
) HAVING count(*) > 0;
END;

DROP TRIGGER IF EXISTS audit_attachment_delete;

CREATE TRIGGER audit_attachment_delete AFTER DELETE ON attachment
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
VALUES (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), OLD.operator, 'delete', 'attachment', OLD.id, json_object('id', OLD.id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'operator', OLD.operator, 'problem_id', OLD.problem_id, 'sha256', OLD.sha256, 'name', OLD.name, 'suffix', OLD.suffix, 'size', OLD.size, 'phase', OLD.phase, 'attached_on', OLD.attached_on), NULL);
END;

DROP TRIGGER IF EXISTS audit_batch_insert;

CREATE TRIGGER audit_batch_insert AFTER INSERT ON batch
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
VALUES (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), NEW.operator, 'insert', 'batch', NEW.id, NULL, json_object('id', NEW.id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'operator', NEW.operator, 'campaign_id', NEW.campaign_id, 'number', NEW.number, 'name', NEW.name, 'issued_on', NEW.issued_on, 'letter_number', NEW.letter_number));
END;

DROP TRIGGER IF EXISTS audit_batch_update;

CREATE TRIGGER audit_batch_update AFTER UPDATE ON batch
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
SELECT strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), NEW.operator, 'update', 'batch', NEW.id, json_group_object(f, o), json_group_object(f, n)
FROM (
  SELECT 'id' AS f, OLD.id AS o, NEW.id AS n WHERE OLD.id IS NOT NEW.id
  UNION ALL SELECT 'created_at' AS f, OLD.created_at AS o, NEW.created_at AS n WHERE OLD.created_at IS NOT NEW.created_at
  UNION ALL SELECT 'campaign_id' AS f, OLD.campaign_id AS o, NEW.campaign_id AS n WHERE OLD.campaign_id IS NOT NEW.campaign_id
  UNION ALL SELECT 'number' AS f, OLD.number AS o, NEW.number AS n WHERE OLD.number IS NOT NEW.number
  UNION ALL SELECT 'name' AS f, OLD.name AS o, NEW.name AS n WHERE OLD.name IS NOT NEW.name
  UNION ALL SELECT 'issued_on' AS f, OLD.issued_on AS o, NEW.issued_on AS n WHERE OLD.issued_on IS NOT NEW.issued_on
  UNION ALL SELECT 'letter_number' AS f, OLD.letter_number AS o, NEW.letter_number AS n WHERE OLD.letter_number IS NOT NEW.letter_number
) HAVING count(*) > 0;
END;

DROP TRIGGER IF EXISTS audit_batch_delete;

CREATE TRIGGER audit_batch_delete AFTER DELETE ON batch
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
VALUES (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), OLD.operator, 'delete', 'batch', OLD.id, json_object('id', OLD.id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'operator', OLD.operator, 'campaign_id', OLD.campaign_id, 'number', OLD.number, 'name', OLD.name, 'issued_on', OLD.issued_on, 'letter_number', OLD.letter_number), NULL);
END;

DROP TRIGGER IF EXISTS audit_campaign_insert;

CREATE TRIGGER audit_campaign_insert AFTER INSERT ON campaign
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
VALUES (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), NEW.operator, 'insert', 'campaign', NEW.id, NULL, json_object('id', NEW.id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'operator', NEW.operator, 'name', NEW.name, 'starts_on', NEW.starts_on, 'ends_on', NEW.ends_on, 'target_rate', NEW.target_rate));
END;

DROP TRIGGER IF EXISTS audit_campaign_update;

CREATE TRIGGER audit_campaign_update AFTER UPDATE ON campaign
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
SELECT strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), NEW.operator, 'update', 'campaign', NEW.id, json_group_object(f, o), json_group_object(f, n)
FROM (
  SELECT 'id' AS f, OLD.id AS o, NEW.id AS n WHERE OLD.id IS NOT NEW.id
  UNION ALL SELECT 'created_at' AS f, OLD.created_at AS o, NEW.created_at AS n WHERE OLD.created_at IS NOT NEW.created_at
  UNION ALL SELECT 'name' AS f, OLD.name AS o, NEW.name AS n WHERE OLD.name IS NOT NEW.name
  UNION ALL SELECT 'starts_on' AS f, OLD.starts_on AS o, NEW.starts_on AS n WHERE OLD.starts_on IS NOT NEW.starts_on
  UNION ALL SELECT 'ends_on' AS f, OLD.ends_on AS o, NEW.ends_on AS n WHERE OLD.ends_on IS NOT NEW.ends_on
  UNION ALL SELECT 'target_rate' AS f, OLD.target_rate AS o, NEW.target_rate AS n WHERE OLD.target_rate IS NOT NEW.target_rate
) HAVING count(*) > 0;
END;

DROP TRIGGER IF EXISTS audit_campaign_delete;

CREATE TRIGGER audit_campaign_delete AFTER DELETE ON campaign
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
VALUES (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), OLD.operator, 'delete', 'campaign', OLD.id, json_object('id', OLD.id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'operator', OLD.operator, 'name', OLD.name, 'starts_on', OLD.starts_on, 'ends_on', OLD.ends_on, 'target_rate', OLD.target_rate), NULL);
END;

DROP TRIGGER IF EXISTS audit_deadline_extension_insert;

CREATE TRIGGER audit_deadline_extension_insert AFTER INSERT ON deadline_extension
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
VALUES (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), NEW.operator, 'insert', 'deadline_extension', NEW.id, NULL, json_object('id', NEW.id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'operator', NEW.operator, 'problem_id', NEW.problem_id, 'requested_on', NEW.requested_on, 'new_deadline', NEW.new_deadline, 'reason', NEW.reason, 'approved_on', NEW.approved_on, 'approved_by', NEW.approved_by));
END;

DROP TRIGGER IF EXISTS audit_deadline_extension_update;

CREATE TRIGGER audit_deadline_extension_update AFTER UPDATE ON deadline_extension
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
SELECT strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), NEW.operator, 'update', 'deadline_extension', NEW.id, json_group_object(f, o), json_group_object(f, n)
FROM (
  SELECT 'id' AS f, OLD.id AS o, NEW.id AS n WHERE OLD.id IS NOT NEW.id
  UNION ALL SELECT 'created_at' AS f, OLD.created_at AS o, NEW.created_at AS n WHERE OLD.created_at IS NOT NEW.created_at
  UNION ALL SELECT 'problem_id' AS f, OLD.problem_id AS o, NEW.problem_id AS n WHERE OLD.problem_id IS NOT NEW.problem_id
  UNION ALL SELECT 'requested_on' AS f, OLD.requested_on AS o, NEW.requested_on AS n WHERE OLD.requested_on IS NOT NEW.requested_on
  UNION ALL SELECT 'new_deadline' AS f, OLD.new_deadline AS o, NEW.new_deadline AS n WHERE OLD.new_deadline IS NOT NEW.new_deadline
  UNION ALL SELECT 'reason' AS f, OLD.reason AS o, NEW.reason AS n WHERE OLD.reason IS NOT NEW.reason
  UNION ALL SELECT 'approved_on' AS f, OLD.approved_on AS o, NEW.approved_on AS n WHERE OLD.approved_on IS NOT NEW.approved_on
  UNION ALL SELECT 'approved_by' AS f, OLD.approved_by AS o, NEW.approved_by AS n WHERE OLD.approved_by IS NOT NEW.approved_by
) HAVING count(*) > 0;
END;

DROP TRIGGER IF EXISTS audit_deadline_extension_delete;

CREATE TRIGGER audit_deadline_extension_delete AFTER DELETE ON deadline_extension
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
VALUES (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), OLD.operator, 'delete', 'deadline_extension', OLD.id, json_object('id', OLD.id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'operator', OLD.operator, 'problem_id', OLD.problem_id, 'requested_on', OLD.requested_on, 'new_deadline', OLD.new_deadline, 'reason', OLD.reason, 'approved_on', OLD.approved_on, 'approved_by', OLD.approved_by), NULL);
END;

DROP TRIGGER IF EXISTS audit_enterprise_insert;

CREATE TRIGGER audit_enterprise_insert AFTER INSERT ON enterprise
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
VALUES (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), NEW.operator, 'insert', 'enterprise', NEW.id, NULL, json_object('id', NEW.id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'operator', NEW.operator, 'name', NEW.name, 'credit_code', NEW.credit_code, 'region_code', NEW.region_code, 'industry_code', NEW.industry_code, 'permit_number', NEW.permit_number, 'key_monitored', NEW.key_monitored, 'address', NEW.address, 'longitude', NEW.longitude, 'latitude', NEW.latitude));
END;

DROP TRIGGER IF EXISTS audit_enterprise_update;

CREATE TRIGGER audit_enterprise_update AFTER UPDATE ON enterprise
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
SELECT strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), NEW.operator, 'update', 'enterprise', NEW.id, json_group_object(f, o), json_group_object(f, n)
FROM (
  SELECT 'id' AS f, OLD.id AS o, NEW.id AS n WHERE OLD.id IS NOT NEW.id
  UNION ALL SELECT 'created_at' AS f, OLD.created_at AS o, NEW.created_at AS n WHERE OLD.created_at IS NOT NEW.created_at
  UNION ALL SELECT 'name' AS f, OLD.name AS o, NEW.name AS n WHERE OLD.name IS NOT NEW.name
  UNION ALL SELECT 'credit_code' AS f, OLD.credit_code AS o, NEW.credit_code AS n WHERE OLD.credit_code IS NOT NEW.credit_code
  UNION ALL SELECT 'region_code' AS f, OLD.region_code AS o, NEW.region_code AS n WHERE OLD.region_code IS NOT NEW.region_code
  UNION ALL SELECT 'industry_code' AS f, OLD.industry_code AS o, NEW.industry_code AS n WHERE OLD.industry_code IS NOT NEW.industry_code
  UNION ALL SELECT 'permit_number' AS f, OLD.permit_number AS o, NEW.permit_number AS n WHERE OLD.permit_number IS NOT NEW.permit_number
  UNION ALL SELECT 'key_monitored' AS f, OLD.key_monitored AS o, NEW.key_monitored AS n WHERE OLD.key_monitored IS NOT NEW.key_monitored
  UNION ALL SELECT 'address' AS f, OLD.address AS o, NEW.address AS n WHERE OLD.address IS NOT NEW.address
  UNION ALL SELECT 'longitude' AS f, OLD.longitude AS o, NEW.longitude AS n WHERE OLD.longitude IS NOT NEW.longitude
  UNION ALL SELECT 'latitude' AS f, OLD.latitude AS o, NEW.latitude AS n WHERE OLD.latitude IS NOT NEW.latitude
) HAVING count(*) > 0;
END;

DROP TRIGGER IF EXISTS audit_enterprise_delete;

CREATE TRIGGER audit_enterprise_delete AFTER DELETE ON enterprise
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
VALUES (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), OLD.operator, 'delete', 'enterprise', OLD.id, json_object('id', OLD.id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'operator', OLD.operator, 'name', OLD.name, 'credit_code', OLD.credit_code, 'region_code', OLD.region_code, 'industry_code', OLD.industry_code, 'permit_number', OLD.permit_number, 'key_monitored', OLD.key_monitored, 'address', OLD.address, 'longitude', OLD.longitude, 'latitude', OLD.latitude), NULL);
END;

DROP TRIGGER IF EXISTS audit_inspection_insert;

CREATE TRIGGER audit_inspection_insert AFTER INSERT ON inspection
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
VALUES (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), NEW.operator, 'insert', 'inspection', NEW.id, NULL, json_object('id', NEW.id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'operator', NEW.operator, 'enterprise_id', NEW.enterprise_id, 'inspected_on', NEW.inspected_on, 'kind', NEW.kind, 'result', NEW.result, 'campaign_id', NEW.campaign_id, 'notes', NEW.notes));
END;

DROP TRIGGER IF EXISTS audit_inspection_update;

CREATE TRIGGER audit_inspection_update AFTER UPDATE ON inspection
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
SELECT strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), NEW.operator, 'update', 'inspection', NEW.id, json_group_object(f, o), json_group_object(f, n)
FROM (
  SELECT 'id' AS f, OLD.id AS o, NEW.id AS n WHERE OLD.id IS NOT NEW.id
  UNION ALL SELECT 'created_at' AS f, OLD.created_at AS o, NEW.created_at AS n WHERE OLD.created_at IS NOT NEW.created_at
  UNION ALL SELECT 'enterprise_id' AS f, OLD.enterprise_id AS o, NEW.enterprise_id AS n WHERE OLD.enterprise_id IS NOT NEW.enterprise_id
  UNION ALL SELECT 'inspected_on' AS f, OLD.inspected_on AS o, NEW.inspected_on AS n WHERE OLD.inspected_on IS NOT NEW.inspected_on
  UNION ALL SELECT 'kind' AS f, OLD.kind AS o, NEW.kind AS n WHERE OLD.kind IS NOT NEW.kind
  UNION ALL SELECT 'result' AS f, OLD.result AS o, NEW.result AS n WHERE OLD.result IS NOT NEW.result
  UNION ALL SELECT 'campaign_id' AS f, OLD.campaign_id AS o, NEW.campaign_id AS n WHERE OLD.campaign_id IS NOT NEW.campaign_id
  UNION ALL SELECT 'notes' AS f, OLD.notes AS o, NEW.notes AS n WHERE OLD.notes IS NOT NEW.notes
) HAVING count(*) > 0;
END;

DROP TRIGGER IF EXISTS audit_inspection_delete;

CREATE TRIGGER audit_inspection_delete AFTER DELETE ON inspection
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
VALUES (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), OLD.operator, 'delete', 'inspection', OLD.id, json_object('id', OLD.id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'operator', OLD.operator, 'enterprise_id', OLD.enterprise_id, 'inspected_on', OLD.inspected_on, 'kind', OLD.kind, 'result', OLD.result, 'campaign_id', OLD.campaign_id, 'notes', OLD.notes), NULL);
END;

DROP TRIGGER IF EXISTS audit_inspection_officer_insert;

CREATE TRIGGER audit_inspection_officer_insert AFTER INSERT ON inspection_officer
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
VALUES (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), NULL, 'insert', 'inspection_officer', NEW.inspection_id || '/' || NEW.seq, NULL, json_object('inspection_id', NEW.inspection_id, 'seq', NEW.seq, 'name', NEW.name, 'badge_number', NEW.badge_number));
END;

DROP TRIGGER IF EXISTS audit_inspection_officer_update;

CREATE TRIGGER audit_inspection_officer_update AFTER UPDATE ON inspection_officer
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
SELECT strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), NULL, 'update', 'inspection_officer', NEW.inspection_id || '/' || NEW.seq, json_group_object(f, o), json_group_object(f, n)
FROM (
  SELECT 'inspection_id' AS f, OLD.inspection_id AS o, NEW.inspection_id AS n WHERE OLD.inspection_id IS NOT NEW.inspection_id
  UNION ALL SELECT 'seq' AS f, OLD.seq AS o, NEW.seq AS n WHERE OLD.seq IS NOT NEW.seq
  UNION ALL SELECT 'name' AS f, OLD.name AS o, NEW.name AS n WHERE OLD.name IS NOT NEW.name
  UNION ALL SELECT 'badge_number' AS f, OLD.badge_number AS o, NEW.badge_number AS n WHERE OLD.badge_number IS NOT NEW.badge_number
) HAVING count(*) > 0;
END;

DROP TRIGGER IF EXISTS audit_inspection_officer_delete;

CREATE TRIGGER audit_inspection_officer_delete AFTER DELETE ON inspection_officer
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
VALUES (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), NULL, 'delete', 'inspection_officer', OLD.inspection_id || '/' || OLD.seq, json_object('inspection_id', OLD.inspection_id, 'seq', OLD.seq, 'name', OLD.name, 'badge_number', OLD.badge_number), NULL);
END;

DROP TRIGGER IF EXISTS audit_measure_insert;

CREATE TRIGGER audit_measure_insert AFTER INSERT ON measure
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
VALUES (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), NEW.operator, 'insert', 'measure', NEW.id, NULL, json_object('id', NEW.id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'operator', NEW.operator, 'problem_id', NEW.problem_id, 'seq', NEW.seq, 'description', NEW.description, 'deadline', NEW.deadline, 'responsible', NEW.responsible, 'progress', NEW.progress, 'done_on', NEW.done_on));
END;

DROP TRIGGER IF EXISTS audit_measure_update;

CREATE TRIGGER audit_measure_update AFTER UPDATE ON measure
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
SELECT strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), NEW.operator, 'update', 'measure', NEW.id, json_group_object(f, o), json_group_object(f, n)
FROM (
  SELECT 'id' AS f, OLD.id AS o, NEW.id AS n WHERE OLD.id IS NOT NEW.id
  UNION ALL SELECT 'created_at' AS f, OLD.created_at AS o, NEW.created_at AS n WHERE OLD.created_at IS NOT NEW.created_at
  UNION ALL SELECT 'problem_id' AS f, OLD.problem_id AS o, NEW.problem_id AS n WHERE OLD.problem_id IS NOT NEW.problem_id
  UNION ALL SELECT 'seq' AS f, OLD.seq AS o, NEW.seq AS n WHERE OLD.seq IS NOT NEW.seq
  UNION ALL SELECT 'description' AS f, OLD.description AS o, NEW.description AS n WHERE OLD.description IS NOT NEW.description
  UNION ALL SELECT 'deadline' AS f, OLD.deadline AS o, NEW.deadline AS n WHERE OLD.deadline IS NOT NEW.deadline
  UNION ALL SELECT 'responsible' AS f, OLD.responsible AS o, NEW.responsible AS n WHERE OLD.responsible IS NOT NEW.responsible
  UNION ALL SELECT 'progress' AS f, OLD.progress AS o, NEW.progress AS n WHERE OLD.progress IS NOT NEW.progress
  UNION ALL SELECT 'done_on' AS f, OLD.done_on AS o, NEW.done_on AS n WHERE OLD.done_on IS NOT NEW.done_on
) HAVING count(*) > 0;
END;

DROP TRIGGER IF EXISTS audit_measure_delete;

CREATE TRIGGER audit_measure_delete AFTER DELETE ON measure
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
VALUES (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), OLD.operator, 'delete', 'measure', OLD.id, json_object('id', OLD.id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'operator', OLD.operator, 'problem_id', OLD.problem_id, 'seq', OLD.seq, 'description', OLD.description, 'deadline', OLD.deadline, 'responsible', OLD.responsible, 'progress', OLD.progress, 'done_on', OLD.done_on), NULL);
END;

DROP TRIGGER IF EXISTS audit_operator_account_insert;

CREATE TRIGGER audit_operator_account_insert AFTER INSERT ON operator_account
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
VALUES (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), NEW.operator, 'insert', 'operator_account', NEW.id, NULL, json_object('id', NEW.id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'operator', NEW.operator, 'login', NEW.login, 'name', NEW.name, 'role', NEW.role, 'password_hash', '(hidden)', 'active', NEW.active));
END;

DROP TRIGGER IF EXISTS audit_operator_account_update;

CREATE TRIGGER audit_operator_account_update AFTER UPDATE ON operator_account
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
SELECT strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), NEW.operator, 'update', 'operator_account', NEW.id, json_group_object(f, o), json_group_object(f, n)
FROM (
  SELECT 'id' AS f, OLD.id AS o, NEW.id AS n WHERE OLD.id IS NOT NEW.id
  UNION ALL SELECT 'created_at' AS f, OLD.created_at AS o, NEW.created_at AS n WHERE OLD.created_at IS NOT NEW.created_at
  UNION ALL SELECT 'login' AS f, OLD.login AS o, NEW.login AS n WHERE OLD.login IS NOT NEW.login
  UNION ALL SELECT 'name' AS f, OLD.name AS o, NEW.name AS n WHERE OLD.name IS NOT NEW.name
  UNION ALL SELECT 'role' AS f, OLD.role AS o, NEW.role AS n WHERE OLD.role IS NOT NEW.role
  UNION ALL SELECT 'password_hash' AS f, '(hidden)' AS o, '(hidden)' AS n WHERE OLD.password_hash IS NOT NEW.password_hash
  UNION ALL SELECT 'active' AS f, OLD.active AS o, NEW.active AS n WHERE OLD.active IS NOT NEW.active
) HAVING count(*) > 0;
END;

DROP TRIGGER IF EXISTS audit_operator_account_delete;

CREATE TRIGGER audit_operator_account_delete AFTER DELETE ON operator_account
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
VALUES (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), OLD.operator, 'delete', 'operator_account', OLD.id, json_object('id', OLD.id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'operator', OLD.operator, 'login', OLD.login, 'name', OLD.name, 'role', OLD.role, 'password_hash', '(hidden)', 'active', OLD.active), NULL);
END;

DROP TRIGGER IF EXISTS audit_penalty_case_insert;

CREATE TRIGGER audit_penalty_case_insert AFTER INSERT ON penalty_case
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
VALUES (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), NEW.operator, 'insert', 'penalty_case', NEW.id, NULL, json_object('id', NEW.id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'operator', NEW.operator, 'case_number', NEW.case_number, 'enterprise_id', NEW.enterprise_id, 'region_code', NEW.region_code, 'campaign_id', NEW.campaign_id, 'problem_id', NEW.problem_id, 'violation', NEW.violation, 'decided_on', NEW.decided_on, 'fine_fen', NEW.fine_fen, 'daily_fine', NEW.daily_fine, 'daily_fine_fen', NEW.daily_fine_fen, 'seizure', NEW.seizure, 'restriction', NEW.restriction, 'detention', NEW.detention, 'crime_transfer', NEW.crime_transfer, 'closure', NEW.closure));
END;

DROP TRIGGER IF EXISTS audit_penalty_case_update;

CREATE TRIGGER audit_penalty_case_update AFTER UPDATE ON penalty_case
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
SELECT strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), NEW.operator, 'update', 'penalty_case', NEW.id, json_group_object(f, o), json_group_object(f, n)
FROM (
  SELECT 'id' AS f, OLD.id AS o, NEW.id AS n WHERE OLD.id IS NOT NEW.id
  UNION ALL SELECT 'created_at' AS f, OLD.created_at AS o, NEW.created_at AS n WHERE OLD.created_at IS NOT NEW.created_at
  UNION ALL SELECT 'case_number' AS f, OLD.case_number AS o, NEW.case_number AS n WHERE OLD.case_number IS NOT NEW.case_number
  UNION ALL SELECT 'enterprise_id' AS f, OLD.enterprise_id AS o, NEW.enterprise_id AS n WHERE OLD.enterprise_id IS NOT NEW.enterprise_id
  UNION ALL SELECT 'region_code' AS f, OLD.region_code AS o, NEW.region_code AS n WHERE OLD.region_code IS NOT NEW.region_code
  UNION ALL SELECT 'campaign_id' AS f, OLD.campaign_id AS o, NEW.campaign_id AS n WHERE OLD.campaign_id IS NOT NEW.campaign_id
  UNION ALL SELECT 'problem_id' AS f, OLD.problem_id AS o, NEW.problem_id AS n WHERE OLD.problem_id IS NOT NEW.problem_id
  UNION ALL SELECT 'violation' AS f, OLD.violation AS o, NEW.violation AS n WHERE OLD.violation IS NOT NEW.violation
  UNION ALL SELECT 'decided_on' AS f, OLD.decided_on AS o, NEW.decided_on AS n WHERE OLD.decided_on IS NOT NEW.decided_on
  UNION ALL SELECT 'fine_fen' AS f, OLD.fine_fen AS o, NEW.fine_fen AS n WHERE OLD.fine_fen IS NOT NEW.fine_fen
  UNION ALL SELECT 'daily_fine' AS f, OLD.daily_fine AS o, NEW.daily_fine AS n WHERE OLD.daily_fine IS NOT NEW.daily_fine
  UNION ALL SELECT 'daily_fine_fen' AS f, OLD.daily_fine_fen AS o, NEW.daily_fine_fen AS n WHERE OLD.daily_fine_fen IS NOT NEW.daily_fine_fen
  UNION ALL SELECT 'seizure' AS f, OLD.seizure AS o, NEW.seizure AS n WHERE OLD.seizure IS NOT NEW.seizure
  UNION ALL SELECT 'restriction' AS f, OLD.restriction AS o, NEW.restriction AS n WHERE OLD.restriction IS NOT NEW.restriction
  UNION ALL SELECT 'detention' AS f, OLD.detention AS o, NEW.detention AS n WHERE OLD.detention IS NOT NEW.detention
  UNION ALL SELECT 'crime_transfer' AS f, OLD.crime_transfer AS o, NEW.crime_transfer AS n WHERE OLD.crime_transfer IS NOT NEW.crime_transfer
  UNION ALL SELECT 'closure' AS f, OLD.closure AS o, NEW.closure AS n WHERE OLD.closure IS NOT NEW.closure
) HAVING count(*) > 0;
END;

DROP TRIGGER IF EXISTS audit_penalty_case_delete;

CREATE TRIGGER audit_penalty_case_delete AFTER DELETE ON penalty_case
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
VALUES (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), OLD.operator, 'delete', 'penalty_case', OLD.id, json_object('id', OLD.id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'operator', OLD.operator, 'case_number', OLD.case_number, 'enterprise_id', OLD.enterprise_id, 'region_code', OLD.region_code, 'campaign_id', OLD.campaign_id, 'problem_id', OLD.problem_id, 'violation', OLD.violation, 'decided_on', OLD.decided_on, 'fine_fen', OLD.fine_fen, 'daily_fine', OLD.daily_fine, 'daily_fine_fen', OLD.daily_fine_fen, 'seizure', OLD.seizure, 'restriction', OLD.restriction, 'detention', OLD.detention, 'crime_transfer', OLD.crime_transfer, 'closure', OLD.closure), NULL);
END;

DROP TRIGGER IF EXISTS audit_problem_insert;

CREATE TRIGGER audit_problem_insert AFTER INSERT ON problem
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
VALUES (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), NEW.operator, 'insert', 'problem', NEW.id, NULL, json_object('id', NEW.id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'operator', NEW.operator, 'number', NEW.number, 'source', NEW.source, 'campaign_id', NEW.campaign_id, 'batch_id', NEW.batch_id, 'inspection_id', NEW.inspection_id, 'enterprise_id', NEW.enterprise_id, 'region_code', NEW.region_code, 'category', NEW.category, 'description', NEW.description, 'assigned_on', NEW.assigned_on, 'deadline', NEW.deadline, 'responsible_unit', NEW.responsible_unit, 'responsible_person', NEW.responsible_person, 'status', NEW.status, 'status_since', NEW.status_since, 'deadline_in_force', NEW.deadline_in_force, 'deadline_since', NEW.deadline_since, 'done_on', NEW.done_on, 'closed_on', NEW.closed_on, 'withdrawn_on', NEW.withdrawn_on, 'withdrawn_reason', NEW.withdrawn_reason));
END;

DROP TRIGGER IF EXISTS audit_problem_update;

CREATE TRIGGER audit_problem_update AFTER UPDATE ON problem
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
SELECT strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), NEW.operator, 'update', 'problem', NEW.id, json_group_object(f, o), json_group_object(f, n)
FROM (
  SELECT 'id' AS f, OLD.id AS o, NEW.id AS n WHERE OLD.id IS NOT NEW.id
  UNION ALL SELECT 'created_at' AS f, OLD.created_at AS o, NEW.created_at AS n WHERE OLD.created_at IS NOT NEW.created_at
  UNION ALL SELECT 'number' AS f, OLD.number AS o, NEW.number AS n WHERE OLD.number IS NOT NEW.number
  UNION ALL SELECT 'source' AS f, OLD.source AS o, NEW.source AS n WHERE OLD.source IS NOT NEW.source
  UNION ALL SELECT 'campaign_id' AS f, OLD.campaign_id AS o, NEW.campaign_id AS n WHERE OLD.campaign_id IS NOT NEW.campaign_id
  UNION ALL SELECT 'batch_id' AS f, OLD.batch_id AS o, NEW.batch_id AS n WHERE OLD.batch_id IS NOT NEW.batch_id
  UNION ALL SELECT 'inspection_id' AS f, OLD.inspection_id AS o, NEW.inspection_id AS n WHERE OLD.inspection_id IS NOT NEW.inspection_id
  UNION ALL SELECT 'enterprise_id' AS f, OLD.enterprise_id AS o, NEW.enterprise_id AS n WHERE OLD.enterprise_id IS NOT NEW.enterprise_id
  UNION ALL SELECT 'region_code' AS f, OLD.region_code AS o, NEW.region_code AS n WHERE OLD.region_code IS NOT NEW.region_code
  UNION ALL SELECT 'category' AS f, OLD.category AS o, NEW.category AS n WHERE OLD.category IS NOT NEW.category
  UNION ALL SELECT 'description' AS f, OLD.description AS o, NEW.description AS n WHERE OLD.description IS NOT NEW.description
  UNION ALL SELECT 'assigned_on' AS f, OLD.assigned_on AS o, NEW.assigned_on AS n WHERE OLD.assigned_on IS NOT NEW.assigned_on
  UNION ALL SELECT 'deadline' AS f, OLD.deadline AS o, NEW.deadline AS n WHERE OLD.deadline IS NOT NEW.deadline
  UNION ALL SELECT 'responsible_unit' AS f, OLD.responsible_unit AS o, NEW.responsible_unit AS n WHERE OLD.responsible_unit IS NOT NEW.responsible_unit
  UNION ALL SELECT 'responsible_person' AS f, OLD.responsible_person AS o, NEW.responsible_person AS n WHERE OLD.responsible_person IS NOT NEW.responsible_person
  UNION ALL SELECT 'status' AS f, OLD.status AS o, NEW.status AS n WHERE OLD.status IS NOT NEW.status
  UNION ALL SELECT 'status_since' AS f, OLD.status_since AS o, NEW.status_since AS n WHERE OLD.status_since IS NOT NEW.status_since
  UNION ALL SELECT 'deadline_in_force' AS f, OLD.deadline_in_force AS o, NEW.deadline_in_force AS n WHERE OLD.deadline_in_force IS NOT NEW.deadline_in_force
  UNION ALL SELECT 'deadline_since' AS f, OLD.deadline_since AS o, NEW.deadline_since AS n WHERE OLD.deadline_since IS NOT NEW.deadline_since
  UNION ALL SELECT 'done_on' AS f, OLD.done_on AS o, NEW.done_on AS n WHERE OLD.done_on IS NOT NEW.done_on
  UNION ALL SELECT 'closed_on' AS f, OLD.closed_on AS o, NEW.closed_on AS n WHERE OLD.closed_on IS NOT NEW.closed_on
  UNION ALL SELECT 'withdrawn_on' AS f, OLD.withdrawn_on AS o, NEW.withdrawn_on AS n WHERE OLD.withdrawn_on IS NOT NEW.withdrawn_on
  UNION ALL SELECT 'withdrawn_reason' AS f, OLD.withdrawn_reason AS o, NEW.withdrawn_reason AS n WHERE OLD.withdrawn_reason IS NOT NEW.withdrawn_reason
) HAVING count(*) > 0;
END;

DROP TRIGGER IF EXISTS audit_problem_delete;

CREATE TRIGGER audit_problem_delete AFTER DELETE ON problem
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
VALUES (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), OLD.operator, 'delete', 'problem', OLD.id, json_object('id', OLD.id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'operator', OLD.operator, 'number', OLD.number, 'source', OLD.source, 'campaign_id', OLD.campaign_id, 'batch_id', OLD.batch_id, 'inspection_id', OLD.inspection_id, 'enterprise_id', OLD.enterprise_id, 'region_code', OLD.region_code, 'category', OLD.category, 'description', OLD.description, 'assigned_on', OLD.assigned_on, 'deadline', OLD.deadline, 'responsible_unit', OLD.responsible_unit, 'responsible_person', OLD.responsible_person, 'status', OLD.status, 'status_since', OLD.status_since, 'deadline_in_force', OLD.deadline_in_force, 'deadline_since', OLD.deadline_since, 'done_on', OLD.done_on, 'closed_on', OLD.closed_on, 'withdrawn_on', OLD.withdrawn_on, 'withdrawn_reason', OLD.withdrawn_reason), NULL);
END;

DROP TRIGGER IF EXISTS audit_problem_log_insert;

CREATE TRIGGER audit_problem_log_insert AFTER INSERT ON problem_log
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
VALUES (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), NEW.operator, 'insert', 'problem_log', NEW.id, NULL, json_object('id', NEW.id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'operator', NEW.operator, 'problem_id', NEW.problem_id, 'happened_on', NEW.happened_on, 'seq', NEW.seq, 'status_from', NEW.status_from, 'status_to', NEW.status_to, 'note', NEW.note));
END;

DROP TRIGGER IF EXISTS audit_problem_log_update;

CREATE TRIGGER audit_problem_log_update AFTER UPDATE ON problem_log
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
SELECT strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), NEW.operator, 'update', 'problem_log', NEW.id, json_group_object(f, o), json_group_object(f, n)
FROM (
  SELECT 'id' AS f, OLD.id AS o, NEW.id AS n WHERE OLD.id IS NOT NEW.id
  UNION ALL SELECT 'created_at' AS f, OLD.created_at AS o, NEW.created_at AS n WHERE OLD.created_at IS NOT NEW.created_at
  UNION ALL SELECT 'problem_id' AS f, OLD.problem_id AS o, NEW.problem_id AS n WHERE OLD.problem_id IS NOT NEW.problem_id
  UNION ALL SELECT 'happened_on' AS f, OLD.happened_on AS o, NEW.happened_on AS n WHERE OLD.happened_on IS NOT NEW.happened_on
  UNION ALL SELECT 'seq' AS f, OLD.seq AS o, NEW.seq AS n WHERE OLD.seq IS NOT NEW.seq
  UNION ALL SELECT 'status_from' AS f, OLD.status_from AS o, NEW.status_from AS n WHERE OLD.status_from IS NOT NEW.status_from
  UNION ALL SELECT 'status_to' AS f, OLD.status_to AS o, NEW.status_to AS n WHERE OLD.status_to IS NOT NEW.status_to
  UNION ALL SELECT 'note' AS f, OLD.note AS o, NEW.note AS n WHERE OLD.note IS NOT NEW.note
) HAVING count(*) > 0;
END;

DROP TRIGGER IF EXISTS audit_problem_log_delete;

CREATE TRIGGER audit_problem_log_delete AFTER DELETE ON problem_log
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
VALUES (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), OLD.operator, 'delete', 'problem_log', OLD.id, json_object('id', OLD.id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'operator', OLD.operator, 'problem_id', OLD.problem_id, 'happened_on', OLD.happened_on, 'seq', OLD.seq, 'status_from', OLD.status_from, 'status_to', OLD.status_to, 'note', OLD.note), NULL);
END;

DROP TRIGGER IF EXISTS audit_setting_insert;

CREATE TRIGGER audit_setting_insert AFTER INSERT ON setting
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
VALUES (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), NULL, 'insert', 'setting', NEW.key, NULL, json_object('key', NEW.key, 'value', NEW.value));
END;

DROP TRIGGER IF EXISTS audit_setting_update;

CREATE TRIGGER audit_setting_update AFTER UPDATE ON setting
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
SELECT strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), NULL, 'update', 'setting', NEW.key, json_group_object(f, o), json_group_object(f, n)
FROM (
  SELECT 'key' AS f, OLD.key AS o, NEW.key AS n WHERE OLD.key IS NOT NEW.key
  UNION ALL SELECT 'value' AS f, OLD.value AS o, NEW.value AS n WHERE OLD.value IS NOT NEW.value
) HAVING count(*) > 0;
END;

DROP TRIGGER IF EXISTS audit_setting_delete;

CREATE TRIGGER audit_setting_delete AFTER DELETE ON setting
BEGIN
INSERT INTO audit_log (at, operator, action, table_name, row_id, old, new)
VALUES (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), NULL, 'delete', 'setting', OLD.key, json_object('key', OLD.key, 'value', OLD.value), NULL);
END;
"""
