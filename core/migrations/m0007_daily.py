"""Migration 7 'daily': the daily tally (progress_daily), filled from the ledger, and
the triggers that keep it.

Frozen: the SQL this step ran when it was current. Never edit it; a change is a new step.
"""

SQL = r"""
CREATE TABLE progress_daily (
    region_code TEXT NOT NULL,
    batch_id TEXT NOT NULL,
    campaign_id TEXT NOT NULL,
    day TEXT NOT NULL,
    assigned INTEGER NOT NULL,
    closed INTEGER NOT NULL,
    PRIMARY KEY (region_code, batch_id, campaign_id, day)
) WITHOUT ROWID;

INSERT INTO progress_daily SELECT r, b, c, day, sum(assigned) AS assigned, sum(closed) AS closed
FROM (
  SELECT p.region_code AS r, coalesce(p.batch_id, '') AS b, coalesce(p.campaign_id, '') AS c,
    p.assigned_on AS day, 1 AS assigned, 0 AS closed FROM problem p
  UNION ALL
  SELECT p.region_code, coalesce(p.batch_id, ''), coalesce(p.campaign_id, ''), l.happened_on, 0, CASE WHEN l.status_to = 'closed' THEN 1 ELSE -1 END
    FROM problem_log l JOIN problem p ON p.id = l.problem_id WHERE (l.status_to = 'closed' OR l.status_from = 'closed')
  UNION ALL
  SELECT p.region_code, coalesce(p.batch_id, ''), coalesce(p.campaign_id, ''), p.withdrawn_on, -1, -coalesce((SELECT s.status_to = 'closed' FROM problem_log s
    WHERE s.problem_id = p.id AND s.status_to IS NOT NULL AND s.happened_on <= p.withdrawn_on
    ORDER BY s.happened_on DESC, s.seq DESC LIMIT 1), 0)
    FROM problem p WHERE p.withdrawn_on IS NOT NULL
)
GROUP BY 1, 2, 3, 4;

CREATE TRIGGER problem_daily_insert AFTER INSERT ON problem
BEGIN
    INSERT INTO progress_daily (region_code, batch_id, campaign_id, day, assigned, closed) SELECT * FROM (SELECT NEW.region_code, coalesce(NEW.batch_id, ''), coalesce(NEW.campaign_id, ''), NEW.assigned_on, 1, 0
    UNION ALL
    SELECT NEW.region_code, coalesce(NEW.batch_id, ''), coalesce(NEW.campaign_id, ''), NEW.withdrawn_on, -1, 0 WHERE NEW.withdrawn_on IS NOT NULL) WHERE true ON CONFLICT DO UPDATE SET assigned = assigned + excluded.assigned, closed = closed + excluded.closed;
END;

CREATE TRIGGER problem_daily_delete BEFORE DELETE ON problem
BEGIN
    INSERT INTO progress_daily (region_code, batch_id, campaign_id, day, assigned, closed) SELECT * FROM (SELECT OLD.region_code, coalesce(OLD.batch_id, ''), coalesce(OLD.campaign_id, ''), OLD.assigned_on, -1, 0
    UNION ALL
    SELECT OLD.region_code, coalesce(OLD.batch_id, ''), coalesce(OLD.campaign_id, ''), l.happened_on, 0, -1 * CASE WHEN l.status_to = 'closed' THEN 1 ELSE -1 END
      FROM problem_log l WHERE l.problem_id = OLD.id AND (l.status_to = 'closed' OR l.status_from = 'closed')
    UNION ALL
    SELECT OLD.region_code, coalesce(OLD.batch_id, ''), coalesce(OLD.campaign_id, ''), OLD.withdrawn_on, 1, 1 * coalesce((SELECT s.status_to = 'closed' FROM problem_log s
    WHERE s.problem_id = OLD.id AND s.status_to IS NOT NULL AND s.happened_on <= OLD.withdrawn_on
    ORDER BY s.happened_on DESC, s.seq DESC LIMIT 1), 0)
      WHERE OLD.withdrawn_on IS NOT NULL) WHERE true ON CONFLICT DO UPDATE SET assigned = assigned + excluded.assigned, closed = closed + excluded.closed;
END;

CREATE TRIGGER problem_daily_update
AFTER UPDATE OF assigned_on, withdrawn_on, region_code, batch_id, campaign_id ON problem
WHEN OLD.assigned_on IS NOT NEW.assigned_on OR OLD.withdrawn_on IS NOT NEW.withdrawn_on OR OLD.region_code IS NOT NEW.region_code OR OLD.batch_id IS NOT NEW.batch_id OR OLD.campaign_id IS NOT NEW.campaign_id
BEGIN
    INSERT INTO progress_daily (region_code, batch_id, campaign_id, day, assigned, closed) SELECT * FROM (SELECT OLD.region_code, coalesce(OLD.batch_id, ''), coalesce(OLD.campaign_id, ''), OLD.assigned_on, -1, 0
    UNION ALL
    SELECT OLD.region_code, coalesce(OLD.batch_id, ''), coalesce(OLD.campaign_id, ''), l.happened_on, 0, -1 * CASE WHEN l.status_to = 'closed' THEN 1 ELSE -1 END
      FROM problem_log l WHERE l.problem_id = OLD.id AND (l.status_to = 'closed' OR l.status_from = 'closed')
    UNION ALL
    SELECT OLD.region_code, coalesce(OLD.batch_id, ''), coalesce(OLD.campaign_id, ''), OLD.withdrawn_on, 1, 1 * coalesce((SELECT s.status_to = 'closed' FROM problem_log s
    WHERE s.problem_id = OLD.id AND s.status_to IS NOT NULL AND s.happened_on <= OLD.withdrawn_on
    ORDER BY s.happened_on DESC, s.seq DESC LIMIT 1), 0)
      WHERE OLD.withdrawn_on IS NOT NULL) WHERE true ON CONFLICT DO UPDATE SET assigned = assigned + excluded.assigned, closed = closed + excluded.closed;
    INSERT INTO progress_daily (region_code, batch_id, campaign_id, day, assigned, closed) SELECT * FROM (SELECT NEW.region_code, coalesce(NEW.batch_id, ''), coalesce(NEW.campaign_id, ''), NEW.assigned_on, 1, 0
    UNION ALL
    SELECT NEW.region_code, coalesce(NEW.batch_id, ''), coalesce(NEW.campaign_id, ''), l.happened_on, 0, 1 * CASE WHEN l.status_to = 'closed' THEN 1 ELSE -1 END
      FROM problem_log l WHERE l.problem_id = NEW.id AND (l.status_to = 'closed' OR l.status_from = 'closed')
    UNION ALL
    SELECT NEW.region_code, coalesce(NEW.batch_id, ''), coalesce(NEW.campaign_id, ''), NEW.withdrawn_on, -1, -1 * coalesce((SELECT s.status_to = 'closed' FROM problem_log s
    WHERE s.problem_id = NEW.id AND s.status_to IS NOT NULL AND s.happened_on <= NEW.withdrawn_on
    ORDER BY s.happened_on DESC, s.seq DESC LIMIT 1), 0)
      WHERE NEW.withdrawn_on IS NOT NULL) WHERE true ON CONFLICT DO UPDATE SET assigned = assigned + excluded.assigned, closed = closed + excluded.closed;
END;

CREATE TRIGGER problem_log_daily_insert
AFTER INSERT ON problem_log WHEN (NEW.status_to = 'closed' OR NEW.status_from = 'closed')
BEGIN
    INSERT INTO progress_daily (region_code, batch_id, campaign_id, day, assigned, closed) SELECT * FROM (SELECT p.region_code, coalesce(p.batch_id, ''), coalesce(p.campaign_id, ''), NEW.happened_on, 0, 1 * CASE WHEN NEW.status_to = 'closed' THEN 1 ELSE -1 END
      FROM problem p WHERE p.id = NEW.problem_id
    UNION ALL
    SELECT p.region_code, coalesce(p.batch_id, ''), coalesce(p.campaign_id, ''), p.withdrawn_on, 0, -1 * CASE WHEN NEW.status_to = 'closed' THEN 1 ELSE -1 END
      FROM problem p WHERE p.id = NEW.problem_id AND p.withdrawn_on IS NOT NULL
        AND NEW.happened_on <= p.withdrawn_on) WHERE true ON CONFLICT DO UPDATE SET assigned = assigned + excluded.assigned, closed = closed + excluded.closed;
END;

CREATE TRIGGER problem_log_daily_delete
AFTER DELETE ON problem_log WHEN (OLD.status_to = 'closed' OR OLD.status_from = 'closed')
BEGIN
    INSERT INTO progress_daily (region_code, batch_id, campaign_id, day, assigned, closed) SELECT * FROM (SELECT p.region_code, coalesce(p.batch_id, ''), coalesce(p.campaign_id, ''), OLD.happened_on, 0, -1 * CASE WHEN OLD.status_to = 'closed' THEN 1 ELSE -1 END
      FROM problem p WHERE p.id = OLD.problem_id
    UNION ALL
    SELECT p.region_code, coalesce(p.batch_id, ''), coalesce(p.campaign_id, ''), p.withdrawn_on, 0, 1 * CASE WHEN OLD.status_to = 'closed' THEN 1 ELSE -1 END
      FROM problem p WHERE p.id = OLD.problem_id AND p.withdrawn_on IS NOT NULL
        AND OLD.happened_on <= p.withdrawn_on) WHERE true ON CONFLICT DO UPDATE SET assigned = assigned + excluded.assigned, closed = closed + excluded.closed;
END;

CREATE TRIGGER problem_log_daily_update
AFTER UPDATE OF problem_id, happened_on, status_from, status_to ON problem_log
BEGIN
    INSERT INTO progress_daily (region_code, batch_id, campaign_id, day, assigned, closed) SELECT * FROM (SELECT * FROM (SELECT p.region_code, coalesce(p.batch_id, ''), coalesce(p.campaign_id, ''), OLD.happened_on, 0, -1 * CASE WHEN OLD.status_to = 'closed' THEN 1 ELSE -1 END
      FROM problem p WHERE p.id = OLD.problem_id
    UNION ALL
    SELECT p.region_code, coalesce(p.batch_id, ''), coalesce(p.campaign_id, ''), p.withdrawn_on, 0, 1 * CASE WHEN OLD.status_to = 'closed' THEN 1 ELSE -1 END
      FROM problem p WHERE p.id = OLD.problem_id AND p.withdrawn_on IS NOT NULL
        AND OLD.happened_on <= p.withdrawn_on) WHERE (OLD.status_to = 'closed' OR OLD.status_from = 'closed')) WHERE true ON CONFLICT DO UPDATE SET assigned = assigned + excluded.assigned, closed = closed + excluded.closed;
    INSERT INTO progress_daily (region_code, batch_id, campaign_id, day, assigned, closed) SELECT * FROM (SELECT * FROM (SELECT p.region_code, coalesce(p.batch_id, ''), coalesce(p.campaign_id, ''), NEW.happened_on, 0, 1 * CASE WHEN NEW.status_to = 'closed' THEN 1 ELSE -1 END
      FROM problem p WHERE p.id = NEW.problem_id
    UNION ALL
    SELECT p.region_code, coalesce(p.batch_id, ''), coalesce(p.campaign_id, ''), p.withdrawn_on, 0, -1 * CASE WHEN NEW.status_to = 'closed' THEN 1 ELSE -1 END
      FROM problem p WHERE p.id = NEW.problem_id AND p.withdrawn_on IS NOT NULL
        AND NEW.happened_on <= p.withdrawn_on) WHERE (NEW.status_to = 'closed' OR NEW.status_from = 'closed')) WHERE true ON CONFLICT DO UPDATE SET assigned = assigned + excluded.assigned, closed = closed + excluded.closed;
END;
"""
