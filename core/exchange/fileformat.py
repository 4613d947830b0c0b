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

from .. import archives, outputs
from ..errors import LedgerError

FORMAT = "ecox"
FORMAT_VERSION = 1
SUFFIX = ".ecox"
MANIFEST, ENTRIES, CHECKSUM, FILES = "manifest.json", "entries.jsonl", "checksum.json", "files/"


@dataclass
class Package:
    """The contents of an exchange file, read and verified."""

    manifest: dict[str, Any]
    entries: list[dict[str, Any]]
    files: dict[str, bytes] = field(default_factory=dict)  # unused: files stay in the archive
    digest: str = ""
    path: Path | None = None
    # stored name (<sha256><suffix>) → its member, checked against its hash when read
    file_members: dict[str, zipfile.ZipInfo] = field(default_factory=dict)


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
    # a full or pulled-out drive leaves no half-written file behind, nor a damaged old one
    with outputs.replacing(path) as partial:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=5) as archive:
            for name, data in payload.items():
                archive.writestr(name, data)
            archive.writestr(CHECKSUM, _dumps(seal))
    return seal["digest"]


# Caps on what an exchange file may unpack to (see core.archives): entries compress about
# 10:1 and photos not at all; 1 GiB of zeros packs into 1 MB, a ratio of 1,000.
LIMITS = archives.Limits(unpacked_bytes=2 * 1024**3, members=100_000, ratio=200,
                         ratio_from=1024**2)
MAX_LINE = 8 * 1024**2  # one change as JSON: a row of a few text fields


def read(path: Path, key: bytes | None = None) -> Package:
    """Read and verify an exchange file; refuse one altered after export, one that unpacks
    beyond `LIMITS`, and one whose attachment files do not match their names' hashes.
    Members are read in blocks; attachment files are hashed, not kept in memory."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            return _read(path, archive, key)
    except archives.TooLarge:
        raise LedgerError("error.exchange_bomb", path=path) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, zipfile.LargeZipFile,
            NotImplementedError, RuntimeError, UnicodeDecodeError):
        raise LedgerError("error.exchange_tampered", path=path) from None


def _read(path: Path, archive: zipfile.ZipFile, key: bytes | None) -> Package:
    infos = archive.infolist()
    archives.check_members(infos, LIMITS)
    by_name = {info.filename: info for info in infos}
    if CHECKSUM not in by_name or MANIFEST not in by_name or ENTRIES not in by_name:
        raise LedgerError("error.exchange_not_a_file", path=path)
    budget = [LIMITS.unpacked_bytes]
    try:
        seal = json.loads(_whole(archive, by_name[CHECKSUM], budget, MAX_LINE))
        members = seal["members"]
    except (ValueError, KeyError, TypeError):
        raise LedgerError("error.exchange_tampered", path=path) from None
    actual, files = {}, {}
    manifest_bytes = _whole(archive, by_name[MANIFEST], budget, MAX_LINE)
    actual[MANIFEST] = hashlib.sha256(manifest_bytes).hexdigest()
    actual[ENTRIES], entries = _entries(path, archive, by_name[ENTRIES], budget)
    for name, info in by_name.items():
        if name in (CHECKSUM, MANIFEST, ENTRIES):
            continue
        actual[name] = _hash(archive, info, budget)
        if name.startswith(FILES):
            stored = name[len(FILES):]
            if Path(stored).name != stored or actual[name] != Path(stored).stem.lower():
                raise LedgerError("error.exchange_file_hash", path=path, name=stored)
            files[stored] = info
    text = _digest_text(actual)
    if actual != members or hashlib.sha256(text.encode()).hexdigest() != seal.get("digest"):
        raise LedgerError("error.exchange_tampered", path=path)
    _check_hmac(path, seal.get("hmac"), text, key)
    try:
        manifest = json.loads(manifest_bytes)
    except ValueError:
        raise LedgerError("error.exchange_tampered", path=path) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT \
            or not _manifest_shape(manifest):
        raise LedgerError("error.exchange_not_a_file", path=path)
    return Package(manifest, entries, {}, seal["digest"], path, files)


def _manifest_shape(manifest: dict[str, Any]) -> bool:
    """Whether the manifest has the fields an import reads, of the right types."""
    source, covers = manifest.get("source"), manifest.get("covers")
    def count(value: Any) -> bool:
        return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**62
    return (isinstance(source, dict) and isinstance(source.get("site_id"), str)
            and isinstance(source.get("name"), str) and len(source["name"]) <= 200
            and isinstance(source.get("jurisdiction"), (str, type(None)))
            and isinstance(manifest.get("target"), (str, type(None)))
            and all(count(manifest.get(k, 0)) for k in ("format_version", "schema_version"))
            and isinstance(covers, dict)
            and all(isinstance(v, list) and len(v) == 2 and all(map(count, v))
                    for v in covers.values())
            and isinstance(manifest.get("seen", {}), dict)
            and all(count(v) for v in manifest.get("seen", {}).values()))


def _whole(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: list[int],
           limit: int) -> bytes:
    if info.file_size > limit:
        raise archives.TooLarge(info.filename)
    return b"".join(archives.blocks(archive, info, budget))


def _hash(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: list[int]) -> str:
    digest = hashlib.sha256()
    for block in archives.blocks(archive, info, budget):
        digest.update(block)
    return digest.hexdigest()


def _entries(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo,
             budget: list[int]) -> tuple[str, list[Any]]:
    """The member's hash and its lines parsed, reading it block by block."""
    digest, entries, rest = hashlib.sha256(), [], b""
    for block in archives.blocks(archive, info, budget):
        digest.update(block)
        lines = (rest + block).split(b"\n")
        rest = lines.pop()
        if len(rest) > MAX_LINE:
            raise archives.TooLarge(info.filename)
        entries += [_line(path, line) for line in lines if line]
    if rest:
        entries.append(_line(path, rest))
    return digest.hexdigest(), entries


def _line(path: Path, line: bytes) -> Any:
    try:
        return json.loads(line)
    except ValueError:
        raise LedgerError("error.exchange_tampered", path=path) from None


def open_file(package: Package, stored: str):
    """A stream of one attachment file carried in `package` (read from its .ecox again)."""
    archive = zipfile.ZipFile(package.path)
    return archive, archive.open(package.file_members[stored])


def _check_hmac(path: Path, signature: str | None, text: str, key: bytes | None) -> None:
    if key is None:
        if signature:
            raise LedgerError("error.exchange_key_needed", path=path)
        return
    expected = hmac.new(key, text.encode("utf-8"), "sha256").hexdigest()
    if not signature or not hmac.compare_digest(expected, signature):
        raise LedgerError("error.exchange_signature", path=path)
