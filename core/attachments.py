"""Photos and files attached to a problem, stored once each under their content hash."""
from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, TYPE_CHECKING

from . import companions, dates, rows
from .changes import Changes
from .errors import LedgerError

if TYPE_CHECKING:
    from .ledger import Ledger

PHASES = ("before", "after")  # taken before rectification, or as proof it was done
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp")

@dataclass(frozen=True)
class Attachment:
    id: str
    name: str
    phase: str
    attached_on: str
    path: Path

    @property
    def is_image(self) -> bool:
        return self.path.suffix.lower() in IMAGE_SUFFIXES


def stored_name(sha256: str, suffix: str) -> str:
    return sha256 + suffix.lower()


def _store(source: Path, folder: Path) -> tuple[str, int]:
    """Copy `source` into `folder` under its SHA-256 (once); returns (hash, size)."""
    digest = hashlib.sha256()
    with open(source, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    sha = digest.hexdigest()
    target = folder / stored_name(sha, source.suffix)
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        shutil.copyfile(source, partial)
        partial.replace(target)
    return sha, source.stat().st_size


def file_hash(path: Path) -> str | None:
    """The SHA-256 of the file at `path`, None when it cannot be read."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def file_matches(path: Path, sha256: str) -> bool:
    """Whether the stored file at `path` is still the content its hash names."""
    return path.is_file() and file_hash(path) == sha256


def store_stream(stream, target: Path, sha256: str) -> None:
    """Copy `stream` to `target` through a partial file, refusing content whose hash is
    not `sha256` (the partial file is removed, the target left as it was)."""
    from . import outputs

    digest = hashlib.sha256()
    with outputs.replacing(target) as partial:
        with open(partial, "wb") as out:
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
                out.write(block)
        if digest.hexdigest() != sha256:
            raise LedgerError("error.attachment_file_changed", name=target.name,
                              problem="—", file=target)


def attach(ledger: Ledger, problem_id: str, paths: Iterable[str | Path],
           phase: str = "before", folder: Path | None = None) -> Changes:
    """Copy files into `folder` (default beside the ledger) and link them to the problem."""
    rows.get(ledger, "problem", problem_id)
    folder = folder or default_folder(ledger)
    if phase not in PHASES:
        raise LedgerError("error.choice_unknown", value=phase)
    stored = []
    for path in map(Path, paths):
        if not path.is_file():
            raise LedgerError("error.attachment_missing", path=path)
        stored.append((path, *_store(path, folder)))
    with ledger.transaction():
        for path, sha, size in stored:
            rows.insert(ledger, "attachment", {
                "problem_id": problem_id, "sha256": sha, "name": path.name,
                "suffix": path.suffix.lower(), "size": size, "phase": phase,
                "attached_on": dates.today().isoformat()})
    return Changes.of("attachment", ids=(problem_id,))


def of_problem(ledger: Ledger, problem_id: str, folder: Path | None = None) -> list[Attachment]:
    """The problem's files, oldest first; paths are inside `folder` (default beside the ledger)."""
    folder = folder or default_folder(ledger)
    return [Attachment(r["id"], r["name"], r["phase"], r["attached_on"],
                       folder / stored_name(r["sha256"], r["suffix"]))
            for r in ledger.conn.execute(
                "SELECT * FROM attachment WHERE problem_id = ? ORDER BY attached_on, created_at",
                (problem_id,))]


default_folder = companions.attachments_folder
