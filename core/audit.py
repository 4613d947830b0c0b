"""The audit trail: every insert, update and delete of a business row, in an append-only,
hash-chained log.

SQL triggers write one entry per changed row (the row's JSON on insert and delete, the old
and new value of each changed field on update), so that no write path can skip it, not even
plain SQL from another tool. Hashing is left out of the triggers to keep bulk loads cheap:
the application seals the entries of each of its own transactions just before COMMIT,
appending to `audit_seal` the signed-in operator and each entry's SHA-256 chained to the one
before (appending is cheap; rewriting every log row with its hash was not). An entry nobody
sealed was therefore written outside the application; an entry whose hash does not match
was changed afterwards. Both tables refuse UPDATE and DELETE through triggers.
"""
from __future__ import annotations

import json
import sqlite3
from typing import Iterator, NamedTuple, TYPE_CHECKING

from . import messages

if TYPE_CHECKING:
    from .ledger import Ledger

LOG = "audit_log"
SEAL = "audit_seal"
HIDDEN = "(hidden)"  # stands for a password hash in the log
_HIDDEN_COLUMNS = frozenset({"password_hash"})
# Bookkeeping that changes on every write; the entry itself records when and who.
_UNDIFFED = frozenset({"updated_at", "operator"})
# Tables that are not records of the bureau's work.
_UNAUDITED = frozenset({LOG, "audit_seal", "region", "migration", "sqlite_sequence",
                        "progress_tally", "progress_daily", "problem_state",
                        "stored_day_figures", "stored_day",
                        "problem_group", "audit_baseline",
                        "air_station_day", "air_unit_day"})  # monitoring data, see schema
BASELINE = "audit_baseline"
MAX_FINDINGS = 50

_GUARDS = ("audit_log_no_update", "audit_log_no_delete", "audit_seal_no_update",
           "audit_seal_no_delete")
_NOW = "strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')"


class Entry(NamedTuple):
    """One audit entry; `old` and `new` are JSON texts (None where not applicable).
    `sealed_by` and `hash` are None for an entry written outside the application."""

    seq: int
    at: str
    row_operator: str | None  # the changed row's operator column, as the trigger saw it
    action: str
    table_name: str
    row_id: str
    old: str | None
    new: str | None
    sealed_by: str | None
    hash: str | None

    @property
    def operator(self) -> str | None:
        """Who made the change: the signed-in operator who sealed it, else the row's word."""
        return self.sealed_by or self.row_operator

    def changes(self) -> dict[str, tuple[object, object]]:
        """Field → (old value, new value)."""
        old = json.loads(self.old) if self.old else {}
        new = json.loads(self.new) if self.new else {}
        return {f: (old.get(f), new.get(f)) for f in dict.fromkeys([*old, *new])}


# -- installing

def install_triggers(conn: sqlite3.Connection) -> None:
    """(Re)create the triggers of every audited table; a migration that adds a business
    table or column must call this again."""
    for name, sql in expected_triggers(conn).items():
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
        conn.execute(sql)


def audited_tables(conn: sqlite3.Connection) -> list[str]:
    # type 'table' leaves out virtual tables (search indexes) and their shadow tables
    names = [r[0] for r in conn.execute(
        "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' "
        "ORDER BY name")]
    return [n for n in names if n not in _UNAUDITED and not n.startswith("sqlite_")
            and _key_columns(conn, n)]


def _columns(conn: sqlite3.Connection, table: str) -> list[tuple[str, int]]:
    """(name, position in the primary key) of every column."""
    return [(r[1], r[5]) for r in conn.execute(f"PRAGMA table_info({table})")]


def _key_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [name for name, pk in sorted(_columns(conn, table), key=lambda c: c[1]) if pk]


def expected_triggers(conn: sqlite3.Connection) -> dict[str, str]:
    """Trigger name → its CREATE statement, for the tables as they are now."""
    triggers = {}
    for table in audited_tables(conn):
        columns = [name for name, _ in _columns(conn, table)]
        key = _key_columns(conn, table)
        triggers[f"audit_{table}_insert"] = _trigger(table, "insert", columns, key)
        triggers[f"audit_{table}_update"] = _trigger(table, "update", columns, key)
        triggers[f"audit_{table}_delete"] = _trigger(table, "delete", columns, key)
    return triggers


def _value(ref: str, column: str) -> str:
    return f"'{HIDDEN}'" if column in _HIDDEN_COLUMNS else f"{ref}.{column}"


def _row_json(ref: str, columns: list[str]) -> str:
    return "json_object(" + ", ".join(f"'{c}', {_value(ref, c)}" for c in columns) + ")"


def _row_key(ref: str, key: list[str]) -> str:
    return " || '/' || ".join(f"{ref}.{c}" for c in key)


def _trigger(table: str, action: str, columns: list[str], key: list[str]) -> str:
    ref = "OLD" if action == "delete" else "NEW"
    who = f"{ref}.operator" if "operator" in columns else "NULL"
    head = (f"CREATE TRIGGER audit_{table}_{action} AFTER {action.upper()} ON {table}\nBEGIN\n"
            f"INSERT INTO {LOG} (at, operator, action, table_name, row_id, old, new)\n")
    if action == "insert":
        body = f"VALUES ({_NOW}, {who}, 'insert', '{table}', {_row_key(ref, key)}, NULL, " \
               f"{_row_json(ref, columns)});"
    elif action == "delete":
        body = f"VALUES ({_NOW}, {who}, 'delete', '{table}', {_row_key(ref, key)}, " \
               f"{_row_json(ref, columns)}, NULL);"
    else:
        diffs = "\n  UNION ALL ".join(
            f"SELECT '{c}' AS f, {_value('OLD', c)} AS o, {_value('NEW', c)} AS n "
            f"WHERE OLD.{c} IS NOT NEW.{c}"
            for c in columns if c not in _UNDIFFED)
        body = (f"SELECT {_NOW}, {who}, 'update', '{table}', {_row_key(ref, key)}, "
                f"json_group_object(f, o), json_group_object(f, n)\nFROM (\n  {diffs}\n) "
                "HAVING count(*) > 0;")
    return head + body + "\nEND"


def insert_trigger(table: str) -> str:
    """The name of the trigger that records inserts into `table`."""
    return f"audit_{table}_insert"


def record_inserts(conn: sqlite3.Connection, table: str, after_rowid: int) -> int:
    """Write, in one statement, the entries `insert_trigger(table)` would have written for
    the rows of `table` with rowid > `after_rowid`, in rowid (insertion) order: a bulk load
    runs this per chunk with that trigger dropped inside its transaction."""
    columns = [name for name, _ in _columns(conn, table)]
    key = _key_columns(conn, table)
    who = "t.operator" if "operator" in columns else "NULL"
    cursor = conn.execute(
        f"INSERT INTO {LOG} (at, operator, action, table_name, row_id, old, new) "
        f"SELECT {_NOW}, {who}, 'insert', '{table}', {_row_key('t', key)}, NULL, "
        f"{_row_json('t', columns)} FROM {table} t WHERE t.rowid > ? ORDER BY t.rowid",
        (after_rowid,))
    return cursor.rowcount


# -- sealing

def present(conn: sqlite3.Connection) -> bool:
    return conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (LOG,)).fetchone() is not None


def mark(conn: sqlite3.Connection) -> int | None:
    """The last entry's number before a transaction writes (None without an audit log)."""
    if not present(conn):
        return None
    return conn.execute(f"SELECT coalesce(max(seq), 0) FROM {LOG}").fetchone()[0]


def seal(conn: sqlite3.Connection, after: int | None, operator: str) -> int:
    """Hash-chain the entries this transaction wrote (seq > `after`) and sign them with
    `operator`; returns how many. Must run inside the transaction that wrote them."""
    if after is None:
        return 0
    # Entries this transaction sealed already (a bulk load seals as it goes).
    after = max(after, conn.execute(f"SELECT coalesce(max(seq), 0) FROM {SEAL}").fetchone()[0])
    prev_row = conn.execute(
        f"SELECT hash FROM {SEAL} WHERE seq <= ? ORDER BY seq DESC LIMIT 1", (after,)).fetchone()
    prev = prev_row[0] if prev_row else ""
    if conn.execute("PRAGMA encoding").fetchone()[0] == "UTF-8":
        chain = _Chain(prev, after)
        conn.create_function("audit_chain", 2, chain)
        return conn.execute(_SEAL_TAIL, {"operator": operator or "", "sealed_by": operator,
                                         "after": after}).rowcount
    sealed = []
    for row in conn.execute(
            f"SELECT seq, at, action, table_name, row_id, old, new FROM {LOG} WHERE seq > ? "
            "ORDER BY seq", (after,)):
        seq, at, action, table, row_id, old, new = row
        prev = link(prev, seq, at, operator, action, table, row_id, old, new)
        sealed.append((seq, operator, prev))
    if sealed:
        conn.executemany(f"INSERT INTO {SEAL} (seq, operator, hash) VALUES (?, ?, ?)", sealed)
    return len(sealed)


# What `link` hashes after `prev`, as UTF-8 bytes made by SQLite: a bulk load seals
# hundreds of thousands of entries, and decoding each into Python text to encode it again
# cost a third of the sealing. The seals are written by the same statement, each hash
# chained by `_Chain` as SQLite reads the entries in order (no row crosses into Python
# and back).
_SEAL_TAIL = (
    f"INSERT INTO {SEAL} (seq, operator, hash) SELECT seq, :sealed_by, audit_chain(seq, "
    f"CAST(x'1f' || seq || x'1f' || at || x'1f' || :operator || x'1f' || action || x'1f' "
    f"|| table_name || x'1f' || row_id || x'1f' || coalesce(old, x'00') || x'1f' "
    f"|| coalesce(new, x'00') AS BLOB)) FROM {LOG} WHERE seq > :after ORDER BY seq")


class _Chain:
    """The SQL function `audit_chain(seq, tail)`: each entry's hash chained to the one
    before. It refuses an entry out of order, so that a chain is never sealed wrong."""

    def __init__(self, prev: str, after: int):
        from hashlib import sha256  # OpenSSL loads with the first seal, not at start

        self.prev = prev.encode()
        self.last = after
        self._sha256 = sha256

    def __call__(self, seq: int, tail: bytes) -> str:
        if seq <= self.last:
            raise RuntimeError(f"audit entry {seq} sealed out of order")
        self.last = seq
        digest = self._sha256(self.prev + tail).hexdigest()
        self.prev = digest.encode()
        return digest


def head(conn: sqlite3.Connection) -> dict | None:
    """The last sealed entry, {"seq", "hash"}: kept outside the file too (the lock file, the
    exchange manifest), so that a tail cut off the chain with its seals is found."""
    try:
        row = conn.execute(f"SELECT seq, hash FROM {SEAL} ORDER BY seq DESC LIMIT 1").fetchone()
    except sqlite3.DatabaseError:
        return None
    return {"seq": row[0], "hash": str(row[1])} if row else {"seq": 0, "hash": ""}


def head_findings(conn: sqlite3.Connection, recorded: dict | None, where: str) -> list[str]:
    """Findings when the chain does not reach the head recorded in `where` (entries lost
    with a -wal, or cut off with their seals and the counter), or reaches it differently."""
    if not recorded or not recorded.get("seq"):
        return []
    seq = int(recorded["seq"])
    try:
        row = conn.execute(f"SELECT hash FROM {SEAL} WHERE seq = ?", (seq,)).fetchone()
        last = conn.execute(f"SELECT coalesce(max(seq), 0) FROM {SEAL}").fetchone()[0]
    except sqlite3.DatabaseError:
        return []
    if row is None:
        return [messages.text("error.audit_head_missing", seq=seq, last=last, where=where,
                              count=seq - last)]
    if str(row[0]) != recorded.get("hash"):
        return [messages.text("error.audit_head_differs", seq=seq, where=where)]
    return []


def link(prev: str, seq: int, at: str, operator: str | None, action: str, table: str,
         row_id: str, old: str | None, new: str | None) -> str:
    """The hash of one entry chained to the hash of the one before."""
    # str(): a damaged entry may hold a number or bytes where text belongs; it then fails
    # its hash instead of stopping the check
    text = "\x1f".join((str(prev), str(seq), str(at), str(operator or ""), str(action),
                        str(table), str(row_id), str(old) if old is not None else "\x00",
                        str(new) if new is not None else "\x00"))
    from hashlib import sha256

    return sha256(text.encode("utf-8")).hexdigest()


def record_event(ledger: "Ledger", action: str, subject: str, detail: str) -> None:
    """An entry for something that is not a row change (a restore, a sign-in policy change)."""
    with ledger.transaction():
        ledger.conn.execute(
            f"INSERT INTO {LOG} (at, operator, action, table_name, row_id, old, new) "
            f"VALUES ({_NOW}, ?, ?, '', ?, NULL, ?)",
            (ledger.operator, action, subject, json.dumps({"detail": detail}, ensure_ascii=False)))


# -- reading

_SELECT = (f"SELECT l.seq, l.at, l.operator, l.action, l.table_name, l.row_id, l.old, l.new, "
           f"s.operator, s.hash FROM {LOG} l LEFT JOIN {SEAL} s ON s.seq = l.seq")


def entries(conn: sqlite3.Connection, after: int = 0) -> Iterator[Entry]:
    for row in conn.execute(f"{_SELECT} WHERE l.seq > ? ORDER BY l.seq", (after,)):
        yield Entry(*row)


def history(ledger: "Ledger", row_id: str, table: str | None = None) -> list[Entry]:
    """Every entry about one row (or about rows of its children keyed by it), oldest first."""
    # the range [id, id + '0') holds the id and its children's 'id/…' ('/' sorts before
    # '0'), so the index reads only them
    sql = (f"{_SELECT} WHERE substr(l.row_id, 1, 8) = substr(?1, 1, 8) "
           "AND l.row_id >= ?1 AND l.row_id < ?1 || '0' "
           "AND (l.row_id = ?1 OR l.row_id LIKE ?1 || '/%')")
    params: list = [row_id]
    if table:
        sql += " AND l.table_name = ?2"
        params.append(table)
    return [Entry(*r) for r in ledger.conn.execute(sql + " ORDER BY l.seq", params)]


def problem_history(ledger: "Ledger", problem_id: str) -> list[Entry]:
    """A problem's full record: its own entries and those of its log, measures and extensions."""
    children = " UNION ALL ".join(
        f"SELECT id FROM {t} WHERE problem_id = :id" for t in _problem_children(ledger.conn))
    sql = (f"{_SELECT} WHERE substr(l.row_id, 1, 8) IN (SELECT substr(id, 1, 8) FROM "
           f"(SELECT :id AS id UNION ALL {children})) "
           f"AND l.row_id IN (SELECT :id UNION ALL {children}) ORDER BY l.seq")
    return [Entry(*r) for r in ledger.conn.execute(sql, {"id": problem_id})]


def _problem_children(conn: sqlite3.Connection) -> list[str]:
    """Audited tables whose rows belong to a problem (log, measures, extensions, photos)."""
    return [t for t in audited_tables(conn) if t != "penalty_case"
            and "problem_id" in {c for c, _ in _columns(conn, t)}]


# -- verifying

def verify(conn: sqlite3.Connection) -> list[str]:
    """Readable findings: missing or altered triggers, entries written outside the
    application, entries changed or removed after sealing. Empty when the trail is whole."""
    if not present(conn):
        return [messages.text("error.audit_missing")]
    findings = _trigger_findings(conn)
    findings += _chain_findings(conn)
    if len(findings) > MAX_FINDINGS:
        more = len(findings) - MAX_FINDINGS
        findings = findings[:MAX_FINDINGS] + [messages.text("error.audit_more", count=more)]
    return findings


def _trigger_findings(conn: sqlite3.Connection) -> list[str]:
    found = dict(conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())
    findings = []
    for name in _GUARDS:
        if name not in found:
            findings.append(messages.text("error.audit_trigger_missing", name=name))
    for name, sql in expected_triggers(conn).items():
        if name not in found:
            findings.append(messages.text("error.audit_trigger_missing", name=name))
        elif found[name] != sql:
            findings.append(messages.text("error.audit_trigger_altered", name=name))
    return findings


def _chain_findings(conn: sqlite3.Connection) -> list[str]:
    findings: list[str] = []
    try:
        last = _walk_chain(conn, findings)
    except sqlite3.DatabaseError as exc:  # a page of the log SQLite cannot read
        findings.append(messages.text("error.audit_entry_damaged", seq=_last_read[0] + 1,
                                      detail=exc))
        return findings[:MAX_FINDINGS]
    counter = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", (LOG,)).fetchone()
    if counter and counter[0] > last:
        findings.append(messages.text("error.audit_gap", first=last + 1, last=counter[0]))
    if len(findings) > MAX_FINDINGS:
        more = len(findings) - MAX_FINDINGS
        findings = findings[:MAX_FINDINGS] + [messages.text("error.audit_more", count=more)]
    return findings


_last_read = [0]


def _walk_chain(conn: sqlite3.Connection, findings: list[str]) -> int:
    prev, last = "", 0
    _last_read[0] = 0
    for e in entries(conn):
        _last_read[0] = e.seq if isinstance(e.seq, int) else last
        if e.seq != last + 1:
            findings.append(messages.text("error.audit_gap", first=last + 1, last=e.seq - 1))
        last = e.seq
        if e.hash is None:
            findings.append(messages.text("error.audit_unsealed", **_describe(e)))
            continue
        if link(prev, e.seq, e.at, e.sealed_by, e.action, e.table_name, e.row_id,
                e.old, e.new) != e.hash:
            findings.append(messages.text("error.audit_mismatch", **_describe(e)))
        prev = str(e.hash)
    return last


def _describe(e: Entry) -> dict[str, object]:
    return {"seq": e.seq, "at": e.at, "operator": e.operator or "?", "action": e.action,
            "table": e.table_name, "row": e.row_id}


def first_bad(conn: sqlite3.Connection) -> int | None:
    """The number of the first entry that is unsealed or does not match, if any."""
    prev = ""
    for e in entries(conn):
        if e.hash is None or link(prev, e.seq, e.at, e.sealed_by, e.action, e.table_name,
                                  e.row_id, e.old, e.new) != e.hash:
            return e.seq
        prev = e.hash
    return None


# -- the rows against their trail

def record_baseline(conn: sqlite3.Connection) -> int:
    """Note the rows that have no audit entry at all, after migrations: rows older than the
    trail, or written by a migration before its table had triggers. Any other row without
    an insert entry was written outside the application (`row_findings` names it)."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (BASELINE,)).fetchone() is None:
        return 0
    added = 0
    for table in audited_tables(conn):
        key = _row_key("t", _key_columns(conn, table))
        added += conn.execute(
            f"INSERT OR IGNORE INTO {BASELINE} (table_name, row_id) SELECT ?, {key} FROM {table} t "
            f"WHERE NOT EXISTS (SELECT 1 FROM {LOG} l WHERE substr(l.row_id, 1, 8) = "
            f"substr({key}, 1, 8) AND l.row_id = {key} AND l.table_name = ?)",
            (table, table)).rowcount
    return added


def _baseline(conn: sqlite3.Connection, table: str) -> set[str] | None:
    """The table's rows older than the trail; None for a ledger without the baseline."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (BASELINE,)).fetchone() is None:
        return None
    return {r[0] for r in conn.execute(
        f"SELECT row_id FROM {BASELINE} WHERE table_name = ?", (table,))}


_UNCOMPARED = _UNDIFFED | _HIDDEN_COLUMNS


def row_findings(conn: sqlite3.Connection) -> list[str]:
    """Rows whose values differ from what their audit entries say they should be: a change
    made while the triggers were switched off. Rows older than the audit trail are compared
    only on the fields later entries name."""
    findings: list[str] = []
    for table in audited_tables(conn):
        findings += _table_row_findings(conn, table)
        if len(findings) > MAX_FINDINGS:
            break
    return findings


def _table_row_findings(conn: sqlite3.Connection, table: str) -> list[str]:
    key = " || '/' || ".join(_key_columns(conn, table))
    current = conn.execute(f"SELECT {key} AS audit_key, * FROM {table} ORDER BY 1")
    trail = _replayed(conn.execute(
        f"SELECT row_id, seq, action, old, new FROM {LOG} WHERE table_name = ? "
        "ORDER BY row_id, seq", (table,)))
    findings = []
    baseline = _baseline(conn, table)
    rows = expected = 0
    row, state = next(current, None), next(trail, None)
    while row is not None or state is not None:
        row_key = None if row is None else str(row[0])
        state_key = None if state is None else state[0]
        if state is None or (row is not None and row_key < state_key):
            rows += 1  # no entries: older than the trail, or written outside the app
            if baseline is None or row_key in baseline:
                expected += 1
            elif len(findings) <= MAX_FINDINGS:
                findings.append(messages.text("error.audit_row_unrecorded", table=table,
                                              row=row_key))
            row = next(current, None)
        elif row is None or state_key < row_key:
            if state[2] is not None:
                expected += 1
                findings.append(messages.text("error.audit_row_missing", table=table,
                                              row=state_key, seq=state[1]))
            state = next(trail, None)
        else:
            names = [d[0] for d in current.description]
            rows += 1
            expected += 1
            findings += _differences(table, dict(zip(names, row)), state)
            row, state = next(current, None), next(trail, None)
    if rows != expected:  # the counts reconciled: rows here against rows the trail explains
        findings.append(messages.text("error.audit_count", table=table, rows=rows,
                                      expected=expected))
    return findings


def _replayed(entries) -> Iterator[tuple[str, int, dict | None]]:
    """(row id, last entry number, the row's values by its entries or None if deleted)."""
    row_id, seq, values = None, 0, None
    for entry_row, entry_seq, action, old, new in entries:
        if entry_row != row_id:
            if row_id is not None:
                yield row_id, seq, values
            row_id, values = entry_row, {}
        seq = entry_seq
        if action == "delete":
            values = None
        elif action in ("insert", "update"):
            values = {**(values or {}), **json.loads(new)}
    if row_id is not None:
        yield row_id, seq, values


def _differences(table: str, row: dict, state: tuple[str, int, dict | None]) -> list[str]:
    row_id, seq, values = state
    if values is None:
        return [messages.text("error.audit_row_reappeared", table=table, row=row_id, seq=seq)]
    changed = [f for f, v in values.items() if f not in _UNCOMPARED and not _same(row.get(f), v)]
    if not changed:
        return []
    return [messages.text("error.audit_row_differs", table=table, row=row_id, seq=seq,
                          fields="、".join(changed))]


def _same(current: object, logged: object) -> bool:
    if isinstance(current, float) and isinstance(logged, (int, float)):
        return abs(current - logged) <= 1e-12 * max(1.0, abs(current))  # JSON keeps 15 digits
    return current == logged
