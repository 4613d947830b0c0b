"""Writing an exchange file: every change this ledger holds that the partner may lack."""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import attachments, audit, db, ids, messages, outputs, schema
from ..errors import LedgerError
from ..progress import Progress
from . import fileformat, history, store

if TYPE_CHECKING:
    from ..ledger import Ledger


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    target: str | None
    entries: int
    counts: dict[str, int]
    files: int
    digest: str


# progress(done, total, message): called now and then; one that raises stops the export
# before anything is written (the GUI's Cancel does so).
PROGRESS_EVERY = 2000  # audit entries between two progress calls


def export(ledger: Ledger, path: str | Path, to: str | None = None, key: bytes | None = None,
           with_files: bool = False, again: bool = False,
           progress: Progress | None = None, force: bool = False) -> ExportSummary:
    """Write the changes since the last exchange with site `to` (all changes without one)
    to `path`. `again` starts from what the partner last confirmed having, for a file that
    was lost on the way. An existing file is replaced only with `force` (see core.outputs)."""
    path = outputs.target(path, fileformat.SUFFIX, ledger, force)
    me = store.site(ledger)
    partner = _target(ledger, to, me)
    after, vector_from = _start(partner, me, again)
    conn = ledger.conn
    through = audit.mark(conn) or 0
    seen = store.seen(ledger)
    tables = set(history.exchanged_tables(conn))
    skip_origin = partner.site_id if partner else None
    changes = _changes(conn, me.id, after, through, tables, skip_origin, progress)
    lines = _with_pending(conn, after, skip_origin, changes)
    covers = {me.id: [after, through]}
    covers.update({site_id: [vector_from.get(site_id, 0), seq] for site_id, seq in seen.items()
                   if site_id != skip_origin})
    files = _files(ledger, changes) if with_files else {}
    counts = Counter(f"{table}.{action}" for _, table, action, _ in lines)
    if progress:  # the last chance to stop: writing the file and the partner is one step
        progress(through - after, through - after, messages.text(
            "progress.exchange_writing", entries=len(lines), files=len(files)))
    manifest = {
        "format": fileformat.FORMAT, "format_version": fileformat.FORMAT_VERSION,
        "schema_version": schema.SCHEMA_VERSION, "created_at": db.now(),
        "export_id": ids.new_id(),  # two exports never make the same file
        "source": {"site_id": me.id, "name": me.name, "jurisdiction": me.jurisdiction},
        "target": partner.site_id if partner else None,
        "covers": covers, "seen": {**seen, me.id: through},
        # the audit chain's head here: a copy kept outside the ledger file (see `check`)
        "audit_head": audit.head(conn),
        "counts": {"entries": len(lines), "by_kind": dict(sorted(counts.items())),
                   "files": len(files)},
    }
    digest = fileformat.write(Path(path), manifest, (line for *_, line in lines), files, key)
    if partner:
        with ledger.transaction():
            conn.execute(
                "UPDATE exchange_partner SET sent_seq = ?, sent_vector = ?, last_export_at = ? "
                "WHERE site_id = ?", (through, json.dumps(seen), db.now(), partner.site_id))
    return ExportSummary(Path(path), partner.site_id if partner else None, len(lines),
                         dict(counts), len(files), digest)


def _changes(conn, site_id: str, after: int, through: int, tables: set[str],
             skip_origin: str | None, progress: Progress | None) -> list[history.Change]:
    """The local audit entries after `after` to send, reporting how far the walk is."""
    total = through - after
    label = messages.text("progress.exchange_collecting") if progress else ""
    if progress:
        progress(0, total, label)
    changes, next_step = [], after + PROGRESS_EVERY
    for c, _ in history.walk(
            conn, site_id, f"SELECT substr(row_id, 1, 8) FROM {audit.LOG} WHERE seq > ?",
            (after,), tables):
        if progress and c.seq >= next_step:
            progress(c.seq - after, total, label)
            next_step = c.seq + PROGRESS_EVERY
        if c.seq > after and history.parse_dot(c.dot)[0] != skip_origin:
            changes.append(c)
    return changes


def _with_pending(conn, after: int, skip_origin: str | None,
                  changes: list[history.Change]) -> list[tuple[int, str, str, str]]:
    """(position, table, action, line) of every change to send, in order: the local audit
    entries, and the changes received but not written here, each after the entry that was
    last when it came."""
    lines = [(c.seq, c.table, c.action, c.to_line()) for c in changes]
    pending = [(seq, json.loads(text)) for seq, text in conn.execute(
        "SELECT after_seq, entry FROM exchange_pending WHERE after_seq >= ? ORDER BY rowid",
        (after,))]
    lines += [(seq + 0.5, e["table"], e["action"], json.dumps(e, ensure_ascii=False,
                                                                separators=(",", ":")))
              for seq, e in pending if history.parse_dot(e["dot"])[0] != skip_origin]
    lines.sort(key=lambda item: item[0])  # stable: pending ones keep their order
    return lines


def _target(ledger: Ledger, to: str | None, me: store.Site) -> store.Partner | None:
    if to is None:
        return None
    found = store.find_partner(ledger, to)
    if found is None and len(to) == 36 and to.count("-") == 4 and to != me.id:
        with ledger.transaction():  # a site this ledger has not heard from yet
            store.remember_partner(ledger, to, to[:8], None)
        found = store.partner(ledger, to)
    if found is None:
        raise LedgerError("error.exchange_unknown_partner", site=to)
    return found


def _start(partner: store.Partner | None, me: store.Site,
           again: bool) -> tuple[int, dict[str, int]]:
    if partner is None:
        return 0, {}
    if again:
        acked = dict(partner.acked_vector)
        return acked.pop(me.id, 0), acked
    return partner.sent_seq, partner.sent_vector


def _files(ledger: Ledger, changes: list[history.Change]) -> dict[str, Path]:
    """The attachment files the exported attachment rows name, those present here."""
    folder = attachments.default_folder(ledger)
    files = {}
    for c in changes:
        if c.table == "attachment" and c.action == "insert":
            row = json.loads(c.new_text)
            name = attachments.stored_name(row["sha256"], row["suffix"])
            if not (folder / name).is_file():
                continue
            if not attachments.file_matches(folder / name, row["sha256"]):
                # a photo replaced or damaged since it was attached: never sent on under
                # the hash of the original
                raise LedgerError("error.attachment_hash_export", file=folder / name)
            files[name] = folder / name
    return files
