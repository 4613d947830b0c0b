"""The shared exchange key: a file every PC of the bureau holds, signing .ecox files (HMAC).

The key in use is, in order: the environment variable ECOLEDGER_EXCHANGE_KEY (for scripts
and administrators), else the key file remembered in this ledger (chosen on the Exchange
page or with `--key-file`). Two bureaus check they hold the same key by reading its
fingerprint to each other, never the key itself.
"""
from __future__ import annotations

import hashlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import LedgerError

if TYPE_CHECKING:
    from ..ledger import Ledger

KEY_VARIABLE = "ECOLEDGER_EXCHANGE_KEY"
KEY_FILE = "exchange_key_file"  # the setting: this ledger's key file on this PC
KEY_BYTES = 32
FROM_ENVIRONMENT, FROM_FILE = "environment", "file"


@dataclass(frozen=True)
class SharedKey:
    """The key in use, where it comes from, and its fingerprint to compare by phone."""

    key: bytes
    source: str          # FROM_ENVIRONMENT or FROM_FILE
    path: Path | None    # the key file, when it comes from one
    fingerprint: str


def fingerprint(key: bytes) -> str:
    """The first 16 hex digits of the key's SHA-256, in groups of four (`3f2a 9c01 …`)."""
    digits = hashlib.sha256(key).hexdigest()[:16]
    return " ".join(digits[i:i + 4] for i in range(0, 16, 4))


def read_key_file(path: str | Path) -> bytes:
    """The key in a key file (surrounding whitespace ignored, as the CLI always did)."""
    path = Path(path)
    try:
        key = path.read_bytes().strip()
    except FileNotFoundError:
        raise LedgerError("error.exchange_key_file_missing", path=path) from None
    except OSError as error:
        raise LedgerError("error.exchange_key_file_unreadable", path=path,
                          reason=error.strerror or error) from None
    if not key:
        raise LedgerError("error.exchange_key_file_empty", path=path)
    return key


def generate_key_file(path: str | Path) -> SharedKey:
    """Write a new random key (32 bytes, as 64 hex digits) to `path`, which must not exist:
    for the first PC of a bureau; the others copy the file."""
    path = Path(path)
    key = secrets.token_hex(KEY_BYTES).encode("ascii")
    try:
        with path.open("xb") as out:  # never overwrite: the other PCs may hold that key
            out.write(key + b"\n")
    except FileExistsError:
        raise LedgerError("error.exchange_key_file_exists", path=path) from None
    except OSError as error:
        raise LedgerError("error.exchange_key_file_unreadable", path=path,
                          reason=error.strerror or error) from None
    return SharedKey(key, FROM_FILE, path, fingerprint(key))


def key_file(ledger: "Ledger") -> Path | None:
    """The key file remembered in this ledger, if any."""
    from .. import settings

    value = settings.get(ledger, KEY_FILE)
    return Path(value) if value else None


def set_key_file(ledger: "Ledger", path: str | Path | None) -> SharedKey | None:
    """Remember `path` as this ledger's key file (checked readable first); None forgets it."""
    from .. import settings

    if path is None:
        settings.put(ledger, KEY_FILE, "")
        return None
    path = Path(path).resolve()
    key = read_key_file(path)
    settings.put(ledger, KEY_FILE, str(path))
    return SharedKey(key, FROM_FILE, path, fingerprint(key))


def environment_key() -> bytes | None:
    value = os.environ.get(KEY_VARIABLE)
    return value.encode("utf-8") if value else None


def shared_key(ledger: "Ledger", path: str | Path | None = None) -> SharedKey | None:
    """The key to sign and check files with: the key file `path` when given (the CLI's
    `--key-file`), else the environment variable, else this ledger's key file; None
    without any (files then carry a checksum only)."""
    if path is not None:
        key = read_key_file(path)
        return SharedKey(key, FROM_FILE, Path(path), fingerprint(key))
    key = environment_key()
    if key is not None:
        return SharedKey(key, FROM_ENVIRONMENT, None, fingerprint(key))
    remembered = key_file(ledger)
    if remembered is None:
        return None
    key = read_key_file(remembered)
    return SharedKey(key, FROM_FILE, remembered, fingerprint(key))


def key_bytes(ledger: "Ledger", path: str | Path | None = None) -> bytes | None:
    """Just the bytes of `shared_key`, as `export` and `import_file` take them."""
    found = shared_key(ledger, path)
    return found.key if found else None
