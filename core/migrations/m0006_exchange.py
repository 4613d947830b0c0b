"""Migration 6 'exchange': bookkeeping of exchange files between PCs, and this
ledger's site id (random, as the release made it).

Frozen: the SQL this step ran when it was current. Never edit it; a change is a new step.
"""

SQL = r"""
CREATE TABLE exchange_partner (
    site_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    jurisdiction TEXT,
    sent_seq INTEGER NOT NULL DEFAULT 0,
    sent_vector TEXT NOT NULL DEFAULT '{}',
    last_export_at TEXT,
    last_import_at TEXT,
    acked_vector TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE exchange_seen (
    site_id TEXT NOT NULL UNIQUE,
    seq INTEGER NOT NULL
);

CREATE TABLE exchange_origin (
    local_seq INTEGER NOT NULL UNIQUE,
    dot TEXT NOT NULL
);

-- Changes received but not written here (kept as conflicts, or for rows deleted here):
-- passed on as received, after the local audit entry `after_seq`, so that a site hearing
-- of them through this one does not miss them.
CREATE TABLE exchange_pending (
    after_seq INTEGER NOT NULL,
    dot TEXT NOT NULL UNIQUE,
    entry TEXT NOT NULL
);

CREATE INDEX exchange_pending_after ON exchange_pending(after_seq);

CREATE TABLE exchange_resolution (
    local_seq INTEGER NOT NULL UNIQUE,
    field TEXT NOT NULL,
    supersedes TEXT NOT NULL
);

CREATE TABLE exchange_conflict (
    id TEXT NOT NULL UNIQUE,
    found_at TEXT NOT NULL,
    partner_site TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,
    mine TEXT,
    theirs TEXT,
    mine_dot TEXT,
    theirs_dot TEXT NOT NULL,
    theirs_operator TEXT,
    resolved_at TEXT,
    resolved_by TEXT,
    resolution TEXT
);

CREATE INDEX exchange_conflict_row ON exchange_conflict(table_name, row_id, field);

CREATE TABLE exchange_file (
    file_id TEXT NOT NULL UNIQUE,
    source_site TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    applied INTEGER NOT NULL,
    conflicts INTEGER NOT NULL
);

INSERT OR IGNORE INTO setting (key, value) VALUES ('site_id',
    lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-7' || substr(hex(randomblob(2)), 2)
          || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6))));

INSERT OR IGNORE INTO setting (key, value) VALUES ('site_id',
    lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-7' || substr(hex(randomblob(2)), 2)
          || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6))));

INSERT OR IGNORE INTO setting (key, value) VALUES ('site_id',
    lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-7' || substr(hex(randomblob(2)), 2)
          || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6))));
"""
