"""The .ecox exchange file: a ZIP archive another tool can read with any ZIP library.

Members:
- `manifest.json`: format and schema version, source and target site, the range of
  changes of each site it covers, counts;
- `entries.jsonl`: one change per line, oldest first (an audit entry with its origin);
- `files/<sha256><suffix>`: attachment files, when exported with them;
- `checksum.json`: the SHA-256 of every other member, a digest over that list and,
  when the bureau set a shared key, an HMAC-SHA256 of the digest text.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from ..errors import LedgerError

FORMAT = "ecox"
FORMAT_VERSION = 1
MANIFEST, ENTRIES, CHECKSUM, FILES = "manifest.json", "entries.jsonl", "checksum.json", "files/"


@dataclass
class Package:
    """The contents of an exchange file, read and verified."""

    manifest: dict[str, Any]
    entries: list[dict[str, Any]]
    files: dict[str, bytes] = field(default_factory=dict)  # stored name → content
    digest: str = ""


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _digest_text(members: dict[str, str]) -> str:
    return "".join(f"{name}\t{members[name]}\n" for name in sorted(members))


def write(path: Path, manifest: dict[str, Any], entries: Iterable[dict[str, Any] | str],
          files: dict[str, Path] | None = None, key: bytes | None = None) -> str:
    """Write the package to `path` (via a partial file); returns its digest."""
    path = Path(path)
    payload = {MANIFEST: _dumps(manifest).encode("utf-8"),
               ENTRIES: "".join((e if isinstance(e, str) else _dumps(e)) + "\n"
                                for e in entries).encode("utf-8")}
    for name, source in (files or {}).items():
        payload[FILES + name] = Path(source).read_bytes()
    members = {name: hashlib.sha256(data).hexdigest() for name, data in payload.items()}
    text = _digest_text(members)
    seal = {"algorithm": "sha256", "members": members,
            "digest": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "hmac": hmac.new(key, text.encode("utf-8"), "sha256").hexdigest() if key else None}
    partial = path.with_name(path.name + ".part")
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=5) as archive:
            for name, data in payload.items():
                archive.writestr(name, data)
            archive.writestr(CHECKSUM, _dumps(seal))
        partial.replace(path)
    except BaseException:  # a full or pulled-out drive: no half-written file left behind
        partial.unlink(missing_ok=True)
        raise
    return seal["digest"]


def read(path: Path, key: bytes | None = None) -> Package:
    """Read and verify an exchange file; refuse one altered after export."""
    try:
        with zipfile.ZipFile(path) as archive:
            contents = {info.filename: archive.read(info) for info in archive.infolist()}
    except (zipfile.BadZipFile, zlib.error, EOFError, zipfile.LargeZipFile):
        raise LedgerError("error.exchange_tampered", path=path) from None
    if CHECKSUM not in contents or MANIFEST not in contents or ENTRIES not in contents:
        raise LedgerError("error.exchange_not_a_file", path=path)
    try:
        seal = json.loads(contents.pop(CHECKSUM))
        members = seal["members"]
    except (ValueError, KeyError, TypeError):
        raise LedgerError("error.exchange_tampered", path=path) from None
    actual = {name: hashlib.sha256(data).hexdigest() for name, data in contents.items()}
    text = _digest_text(actual)
    if actual != members or hashlib.sha256(text.encode()).hexdigest() != seal.get("digest"):
        raise LedgerError("error.exchange_tampered", path=path)
    _check_hmac(path, seal.get("hmac"), text, key)
    try:
        manifest = json.loads(contents[MANIFEST])
        entries = [json.loads(line) for line in contents[ENTRIES].decode("utf-8").splitlines()
                   if line]
    except ValueError:
        raise LedgerError("error.exchange_tampered", path=path) from None
    if manifest.get("format") != FORMAT:
        raise LedgerError("error.exchange_not_a_file", path=path)
    files = {name[len(FILES):]: data for name, data in contents.items() if name.startswith(FILES)}
    return Package(manifest, entries, files, seal["digest"])


def _check_hmac(path: Path, signature: str | None, text: str, key: bytes | None) -> None:
    if key is None:
        if signature:
            raise LedgerError("error.exchange_key_needed", path=path)
        return
    expected = hmac.new(key, text.encode("utf-8"), "sha256").hexdigest()
    if not signature or not hmac.compare_digest(expected, signature):
        raise LedgerError("error.exchange_signature", path=path)
