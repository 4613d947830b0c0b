"""Reading an exchange file into the ledger: new rows added, one-sided changes taken,
concurrent changes of different fields merged, of the same field kept as conflicts."""
from __future__ import annotations

import json
import sqlite3
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TYPE_CHECKING

from .. import attachments, audit, db, messages, regions, schema
from ..errors import LedgerError
from ..progress import Progress
from . import entries, fileformat, history, store
from .history import RowState

if TYPE_CHECKING:
    from ..ledger import Ledger


@dataclass
class ImportSummary:
    source: str
    applied: int = 0       # changes taken
    already: int = 0       # changes this ledger held already
    conflicts: int = 0     # fields kept as conflicts
    refused: int = 0       # changes outside the source's jurisdiction
    resolved: int = 0      # conflicts here closed by a resolution made there
    files: int = 0
    outside: int = 0       # changes of rows outside this ledger's own jurisdiction
    outside_regions: dict[str, int] = field(default_factory=dict)  # region code → changes
    outside_problems: dict[str, int] = field(default_factory=dict)  # region → problems

    def text(self, ledger: Ledger | None = None) -> str:
        """The summary line: what was taken, and what was refused and where it lies."""
        line = messages.text("label.exchange_imported", **vars(self))
        if self.outside:
            def name(code: str) -> str:
                found = regions.get(ledger, code) if ledger and code != "?" else None
                return found.name if found else code
            by_county = "、".join(f"{name(code)} {count}" for code, count in
                                  sorted(self.outside_problems.items()))
            line += messages.text("label.exchange_outside", count=self.outside,
                                  problems=sum(self.outside_problems.values()),
                                  counties=len(self.outside_problems), regions=by_county)
        return line


# progress(done, total, message): called now and then; one that raises stops the import
# and its transaction rolls back, leaving the ledger as it was (the GUI's Cancel does so).
PROGRESS_EVERY = 500  # changes merged between two progress calls


def import_file(ledger: Ledger, path: str | Path, key: bytes | None = None,
                progress: Progress | None = None, confirm: bool = False) -> ImportSummary:
    """Merge the exchange file at `path`; refuses (changing nothing) a file altered after
    export, made by a newer schema, meant for another site, or imported already; the
    first file of a new partner unless `confirm` (a manager's, having read its
    jurisdiction: `arrivals.arrival`); a file closing or reopening problems unless the
    operator may. Rows outside this ledger's jurisdiction are refused, counted by region."""
    from .arrivals import require_confirmed, require_decisions_allowed

    if progress:
        progress(0, 0, messages.text("progress.exchange_reading"))
    package = fileformat.read(Path(path), key)
    entries.shape(ledger.conn, package.entries, path)  # every change well-formed and typed
    me = store.site(ledger)
    source = _check(ledger, me, package, path)
    with ledger.transaction():
        require_confirmed(ledger, source, confirm)
        merger = _Merger(ledger, me, source, package, progress)
        planned = entries.planned_rows(ledger.conn, merger.news(), merger.keys)
        require_decisions_allowed(ledger, (e for e in package.entries if merger._fresh(e)))
        merger.run()
        # the rows the file leaves, through the validation of a typed write; one invalid
        # change rolls the whole import back (rows refused as outside the jurisdiction
        # were never written, and are not judged)
        entries.check_rows(ledger, [p for p in planned if p[1]["row"] not in merger.outside_ids],
                           path)
        if progress:  # the last chance to stop: nothing is reported after the commit
            progress(1, 1, messages.text("progress.exchange_saving"))
        _record(ledger, package, source, merger.summary)
    merger.store_files()
    return merger.summary


def _check(ledger: Ledger, me: store.Site, package: fileformat.Package,
           path: str | Path) -> dict[str, Any]:
    manifest = package.manifest
    if manifest.get("format_version", 0) > fileformat.FORMAT_VERSION or \
            manifest.get("schema_version", 0) > schema.SCHEMA_VERSION:
        raise LedgerError("error.exchange_too_new", found=manifest.get("schema_version"),
                          supported=schema.SCHEMA_VERSION)
    source = manifest["source"]
    if source["site_id"] == me.id:
        raise LedgerError("error.exchange_own_file")
    if manifest.get("target") not in (None, me.id):
        raise LedgerError("error.exchange_wrong_site", target=manifest["target"], site=me.id)
    done = ledger.conn.execute("SELECT imported_at FROM exchange_file WHERE file_id = ?",
                               (package.digest,)).fetchone()
    if done:
        raise LedgerError("error.exchange_replayed", at=done[0])
    seen = store.seen(ledger)
    covers = {s: r for s, r in manifest["covers"].items() if s != me.id}
    for site_id, (after, _) in covers.items():
        if after > seen.get(site_id, 0):
            raise LedgerError("error.exchange_gap", site=source["name"])
    nothing_new = all(through <= seen.get(s, 0) for s, (_, through) in covers.items())
    own_through = covers.get(source["site_id"], (0, 0))[1]
    if nothing_new and own_through < seen.get(source["site_id"], 0):
        raise LedgerError("error.exchange_older", site=source["name"],
                          created=manifest.get("created_at"))
    return source


def _record(ledger: Ledger, package: fileformat.Package, source: dict[str, Any],
            summary: ImportSummary) -> None:
    conn, manifest = ledger.conn, package.manifest
    store.remember_partner(ledger, source["site_id"], source["name"], source["jurisdiction"])
    for site_id, (_, through) in manifest["covers"].items():
        if site_id != store.site(ledger).id:
            store.set_seen(ledger, site_id, through)
    conn.execute("UPDATE exchange_partner SET last_import_at = ?, acked_vector = ? "
                 "WHERE site_id = ?", (db.now(), json.dumps(manifest.get("seen", {})),
                                       source["site_id"]))
    conn.execute("INSERT INTO exchange_file VALUES (?, ?, ?, ?, ?)",
                 (package.digest, source["site_id"], db.now(), summary.applied,
                  summary.conflicts))


class _Merger:
    """Applies the changes of one package inside the caller's transaction."""

    def __init__(self, ledger: Ledger, me: store.Site, source: dict[str, Any],
                 package: fileformat.Package, progress: Progress | None = None):
        self.ledger, self.conn, self.me, self.package = ledger, ledger.conn, me, package
        self.progress = progress
        self.source = source
        self.summary = ImportSummary(source["name"])
        self.tables = set(history.exchanged_tables(self.conn))
        self.columns = {t: [r[1] for r in self.conn.execute(f"PRAGMA table_info({t})")]
                        for t in self.tables}
        self.keys = {t: history.key_columns(self.conn, t) for t in self.tables}
        self.seen = store.seen(ledger)
        self.jurisdiction = _prefix(ledger, source.get("jurisdiction"))
        self.mine = _prefix(ledger, me.jurisdiction)  # rows outside it never come in
        self.outside_ids: set[str] = set()
        self.outside_region: dict[str, str] = {}
        # Enterprises of other counties refused so far: one that a row of this ledger's
        # own county turns out to name (a firm registered next door) is taken after all.
        self.held: dict[str, dict[str, Any]] = {}
        self.applied: list[tuple[str, str, str]] = []  # (table, row id, dot) written here

    def news(self) -> list[tuple[int, dict[str, Any]]]:
        """(number in the file, change) of the changes this ledger does not hold yet."""
        return [(n, e) for n, e in enumerate(self.package.entries, start=1) if self._fresh(e)]

    def run(self) -> None:
        entries = [e for e in self.package.entries if self._new(e) and e["table"] in self.tables]
        wanted = {(e["table"], e["row"]) for e in entries}
        self.states = history.states_of(self.conn, self.me.id, wanted, self.tables)
        # A source whose jurisdiction holds this ledger's may change any of its rows.
        open_to_source = (self.jurisdiction is None or
                          (self.me.jurisdiction or "").startswith(self.jurisdiction)) and \
            (self.mine is None or (self.source.get("jurisdiction") or "").startswith(self.mine))
        first = audit.mark(self.conn) or 0
        i, next_step = 0, 0
        label = messages.text("progress.exchange_merging") if self.progress else ""
        while i < len(entries):
            if self.progress and i >= next_step:
                self.progress(i, len(entries), label)
                next_step = i + PROGRESS_EVERY
            entry = entries[i]
            if open_to_source and entry["action"] == "insert" and self.keys[entry["table"]] == ["id"]:
                j = i + 1
                while j < len(entries) and entries[j]["action"] == "insert" \
                        and entries[j]["table"] == entry["table"]:
                    j += 1
                self._insert_many(entries[i:j])
                i = j
                continue
            i += 1
            if not open_to_source and not self._inside_mine(entry):
                continue
            if not open_to_source and not self._allowed(entry):
                self.summary.refused += 1
                continue
            written = len(self.applied)
            getattr(self, "_" + entry["action"])(entry, self._state(entry))
            if len(self.applied) == written:
                self._keep_pending(entry)
        self._map_origins(first)

    def _keep_pending(self, entry: dict[str, Any]) -> None:
        """A change not written here still travels on with this site's next files."""
        self.conn.execute(
            "INSERT OR IGNORE INTO exchange_pending (after_seq, dot, entry) VALUES (?, ?, ?)",
            (audit.mark(self.conn) or 0, entry["dot"],
             json.dumps(entry, ensure_ascii=False, separators=(",", ":"))))

    def _state(self, entry: dict[str, Any]) -> RowState:
        return self.states.setdefault((entry["table"], entry["row"]), RowState())

    def _insert_one(self, entry: dict[str, Any]) -> None:
        written = len(self.applied)
        self._insert(entry, self._state(entry))
        if len(self.applied) == written:
            self._keep_pending(entry)

    def _map_origins(self, first: int) -> None:
        """Remember which change (of which site) each audit entry written here applied, so
        that it travels on under its own dot."""
        pending: dict[tuple[str, str], deque[str]] = {}
        for table, row_id, dot in self.applied:
            pending.setdefault((table, row_id), deque()).append(dot)
        pairs = []
        for seq, table, row_id in self.conn.execute(
                f"SELECT seq, table_name, row_id FROM {audit.LOG} WHERE seq > ?", (first,)):
            queue = pending.get((table, row_id))
            if queue:
                pairs.append((seq, queue.popleft()))
        self.conn.executemany("INSERT INTO exchange_origin (local_seq, dot) VALUES (?, ?)", pairs)

    def _insert_many(self, batch: list[dict[str, Any]]) -> None:
        """Consecutive new rows of one table in one statement (the common case: a file of
        new records); any row that fails goes through `_insert` one by one."""
        table = batch[0]["table"]
        present = {r[0] for r in self.conn.execute(
            f"SELECT id FROM {table} WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps([e["row"] for e in batch]),))}
        fresh = [e for e in batch if e["row"] not in present]
        self.summary.already += len(batch) - len(fresh)
        columns = [c for c in fresh[0]["new"] if c in self.columns[table]] if fresh else []
        if not fresh or any(list(e["new"]) != list(fresh[0]["new"]) for e in fresh):
            for entry in fresh:
                self._insert_one(entry)
            return
        self.conn.execute("SAVEPOINT exchange_batch")
        try:
            self.conn.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
                f"({', '.join('?' * len(columns))})",
                [[e["new"][c] for c in columns] for e in fresh])
        except sqlite3.IntegrityError:
            self.conn.execute("ROLLBACK TO exchange_batch")
            self.conn.execute("RELEASE exchange_batch")
            for entry in fresh:
                self._insert_one(entry)
            return
        self.conn.execute("RELEASE exchange_batch")
        for entry in fresh:
            state = self._state(entry)
            if state.deleted:
                self._close(table, entry["row"], "*", entry)
            history.advance(state, "insert", entry["dot"], None, entry["new"])
            self.applied.append((table, entry["row"], entry["dot"]))
        self.summary.applied += len(fresh)

    def _fresh(self, entry: dict[str, Any]) -> bool:
        """A change this ledger does not hold yet (counting nothing)."""
        site_id, seq = history.parse_dot(entry["dot"])
        return site_id != self.me.id and seq > self.seen.get(site_id, 0) \
            and entry["table"] in self.tables

    def _inside_mine(self, entry: dict[str, Any]) -> bool:
        """Whether the row lies inside this ledger's jurisdiction (a county ledger refuses
        the other counties' rows of a city's file); a refusal is counted by region, and
        the rows that hang on a refused row are refused with it."""
        if self.mine is None:
            return True
        codes = self._regions(entry)
        outside = next((c for c in codes if c and not c.startswith(self.mine)), None)
        if outside is None:
            parents = self._parents(entry) & self.outside_ids
            own = {**(entry["old"] or {}), **(entry["new"] or {})}.get("region_code")
            for parent in [p for p in parents if p in self.held and own]:
                self._take_held(parent)  # the row says it is ours; its firm comes along
                parents.discard(parent)
            if not parents:
                return True
            outside = next((self.outside_region.get(p) for p in parents), None) or "?"
        elif entry["table"] == "enterprise" and entry["action"] == "insert":
            self.held[entry["row"]] = entry
        self.outside_ids.add(entry["row"])
        self.outside_region[entry["row"]] = outside
        self.summary.outside += 1
        self.summary.outside_regions[outside] = self.summary.outside_regions.get(outside, 0) + 1
        if entry["table"] == "problem" and entry["action"] == "insert":
            problems = self.summary.outside_problems
            problems[outside] = problems.get(outside, 0) + 1
        return False

    def _take_held(self, row_id: str) -> None:
        """Take a held enterprise after all, and no longer count it as refused."""
        entry = self.held.pop(row_id)
        region = self.outside_region.pop(row_id)
        self.outside_ids.discard(row_id)
        self.summary.outside -= 1
        self.summary.outside_regions[region] -= 1
        if not self.summary.outside_regions[region]:
            del self.summary.outside_regions[region]
        self._insert_one(entry)

    def _parents(self, entry: dict[str, Any]) -> set[str]:
        """The refused rows this row refers to, by any column (a problem's firm, a 双随机
        task's enterprise, an officer's declared conflict …) or by its own key's first part
        (an inspection's officers)."""
        values = {**(entry["old"] or {}), **(entry["new"] or {})}
        found = {v for v in values.values() if isinstance(v, str)}
        found.add(entry["row"].split("/")[0])
        found.discard(entry["row"])
        return found

    def _new(self, entry: dict[str, Any]) -> bool:
        site_id, seq = history.parse_dot(entry["dot"])
        if site_id == self.me.id or seq <= self.seen.get(site_id, 0):
            self.summary.already += 1
            return False
        return True

    # -- the three kinds of change

    def _insert(self, entry: dict[str, Any], state: RowState) -> None:
        table = entry["table"]
        values = {c: v for c, v in entry["new"].items() if c in self.columns[table]}
        names = ", ".join(values)
        try:
            self.conn.execute(f"INSERT INTO {table} ({names}) VALUES "
                              f"({', '.join('?' * len(values))})", list(values.values()))
        except sqlite3.IntegrityError:
            if self._current(table, entry["row"]) is None:  # its parent was deleted here
                self._conflict(entry, "*", None, values, None)
            else:
                self.summary.already += 1
            return
        if state.deleted:  # brought back there: a conflict over its deletion is settled
            self._close(table, entry["row"], "*", entry)
        history.advance(state, "insert", entry["dot"], None, values)
        self.applied.append((table, entry["row"], entry["dot"]))
        self.summary.applied += 1

    def _update(self, entry: dict[str, Any], state: RowState) -> None:
        table, row_id = entry["table"], entry["row"]
        if "*" in entry["base"]:  # a decision there about a changed-and-deleted row
            self._close(table, row_id, "*", entry)
        current = self._current(table, row_id)
        if current is None:
            if state.deleted:  # changed there, deleted here: the change kept in a conflict
                self._conflict(entry, "*", None, entry["new"], None)
            return
        taken = {}
        for f, theirs in entry["new"].items():
            if f not in current:
                continue
            base = entry["base"].get(f, [None])
            mine, my_dot = current[f], state.dots.get(f)
            if len(base) > 1 and my_dot in base:  # a resolution made there
                self._close(table, row_id, f, entry)
            if mine == theirs:
                continue
            if my_dot in base or mine == (entry["old"] or {}).get(f):
                taken[f] = theirs
            else:
                self._conflict(entry, f, mine, theirs, my_dot)
        if taken:
            self._write(table, row_id, taken, entry)
            history.advance(state, "update", entry["dot"], None, taken)
            self.applied.append((table, row_id, entry["dot"]))
            self.summary.applied += 1

    def _delete(self, entry: dict[str, Any], state: RowState) -> None:
        table, row_id = entry["table"], entry["row"]
        current = self._current(table, row_id)
        if current is None:
            return
        edited = [f for f, dots in entry["base"].items() if f in current
                  and state.dots.get(f) not in dots and current[f] != entry["old"].get(f)]
        if edited:  # changed here, deleted there: deleted, the change kept in a conflict
            self._conflict(entry, "*", current, None, state.dots.get(edited[0]))
        where, params = self._where(table, row_id)
        self.conn.execute(f"DELETE FROM {table} WHERE {where}", params)
        if not edited:  # a decision there to delete it after all
            self._close(table, row_id, "*", entry)
        history.advance(state, "delete", entry["dot"], current, None)
        self.applied.append((table, row_id, entry["dot"]))
        self.summary.applied += 1

    # -- helpers

    def _where(self, table: str, row_id: str) -> tuple[str, list[str]]:
        key = self.keys[table]
        parts = row_id.split("/", len(key) - 1)
        return " AND ".join(f"{k} = ?" for k in key), parts

    def _current(self, table: str, row_id: str) -> dict[str, Any] | None:
        where, params = self._where(table, row_id)
        row = self.conn.execute(f"SELECT * FROM {table} WHERE {where}", params).fetchone()
        return dict(row) if row else None

    def _write(self, table: str, row_id: str, values: dict[str, Any],
               entry: dict[str, Any]) -> None:
        row = dict(values)
        if "updated_at" in self.columns[table]:
            row["updated_at"] = entry["at"]
        if "operator" in self.columns[table] and entry.get("operator"):
            row["operator"] = entry["operator"]
        where, params = self._where(table, row_id)
        self.conn.execute(f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in row)} "
                          f"WHERE {where}", [*row.values(), *params])

    def _conflict(self, entry: dict[str, Any], f: str, mine: Any, theirs: Any,
                  my_dot: str | None) -> None:
        from .conflicts import record

        record(self.conn, self.source["site_id"], entry, f, mine, theirs, my_dot)
        self.summary.conflicts += 1

    def _close(self, table: str, row_id: str, f: str, entry: dict[str, Any]) -> None:
        closed = self.conn.execute(
            "UPDATE exchange_conflict SET resolved_at = ?, resolved_by = ?, resolution = ? "
            "WHERE table_name = ? AND row_id = ? AND field = ? AND resolved_at IS NULL",
            (db.now(), entry.get("operator") or self.source["name"], "remote",
             table, row_id, f)).rowcount
        self.summary.resolved += closed

    def _allowed(self, entry: dict[str, Any]) -> bool:
        """Whether the row belongs to the source site's jurisdiction (a county may not
        change another county's rows)."""
        if self.jurisdiction is None:
            return True
        for code in self._regions(entry):
            if code and not code.startswith(self.jurisdiction):
                return False
        return True

    def _regions(self, entry: dict[str, Any]) -> list[str | None]:
        table, values = entry["table"], {**(entry["old"] or {}), **(entry["new"] or {})}
        current = self._current(table, entry["row"]) or {}
        codes = [values.get("region_code"), current.get("region_code")]
        for column, parent in (("problem_id", "problem"), ("enterprise_id", "enterprise"),
                               ("inspection_id", None)):
            ref = values.get(column) or current.get(column)
            if ref and parent and table != "penalty_case":
                codes.append(self._region_of(parent, ref))
        if table == "inspection_officer":
            inspection = entry["row"].split("/")[0]
            enterprise = self.conn.execute("SELECT enterprise_id FROM inspection WHERE id = ?",
                                           (inspection,)).fetchone()
            codes.append(enterprise and self._region_of("enterprise", enterprise[0]))
        return codes

    def _region_of(self, table: str, row_id: str) -> str | None:
        row = self.conn.execute(f"SELECT region_code FROM {table} WHERE id = ?",
                                (row_id,)).fetchone()
        return row[0] if row else None

    def store_files(self) -> None:
        """Attachment files carried in the package, into the attachment folder."""
        if not self.package.file_members:
            return
        folder = attachments.default_folder(self.ledger)
        folder.mkdir(parents=True, exist_ok=True)
        for name in self.package.file_members:
            target = folder / Path(name).name
            if attachments.file_matches(target, Path(name).stem):
                continue
            # copied in blocks and hashed on the way: the file must still be what its
            # name says when it lands (a file already here but changed is replaced)
            archive, stream = fileformat.open_file(self.package, name)
            with archive, stream:
                attachments.store_stream(stream, target, Path(name).stem)
            self.summary.files += 1


def _prefix(ledger: Ledger, code: str | None) -> str | None:
    """The code prefix of every region inside `code` (None: no restriction)."""
    region = regions.get(ledger, code) if code else None
    if region is None:
        return None
    return code[:{regions.PROVINCE: 2, regions.CITY: 4}.get(region.level, 6)]
