"""Words a file uses that the ledger's lists do not know: listed, mapped, remembered.

Nothing is refused only because a word is new. A status, category or source word that no
code, label or synonym names is listed once with its count and cells; the user maps it
(`--map category:油烟=waste_gas`, a mapping file, or the wizard's table) to an entry, or adds
it as a new entry (`=+`); a mapping is remembered for the ledger's next import (table
`import_word_map`). A word left unmapped falls to "other" (a status to 整改中) with a
warning.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping, TYPE_CHECKING

from .. import codes, messages
from ..errors import LedgerError
from ..workflow import Status

if TYPE_CHECKING:
    from ..ledger import Ledger

KINDS = ("status", "category", "source")
NEW = "+"  # map a word to a new entry of its own name
FALLBACK = {"status": Status.IN_PROGRESS.value, "category": "other", "source": "other"}


def key(word: object) -> str:
    return codes.key(str(word))


@dataclass
class Unknown:
    """A word no entry names: where it stands and what it was read as."""

    kind: str
    word: str
    cells: list[str] = field(default_factory=list)
    fallback: str = ""
    fallback_label: str = ""

    @property
    def count(self) -> int:
        return len(self.cells)

    @property
    def message(self) -> str:
        shown = "、".join(self.cells[:8]) + ("…" if len(self.cells) > 8 else "")
        return messages.text("import.unknown_word", kind=messages.label(f"import_word.{self.kind}"),
                             word=self.word, count=self.count, cells=shown,
                             fallback=self.fallback_label or self.fallback,
                             spec=f"{self.kind}:{self.word}")

    def __str__(self) -> str:
        return self.message


def parse_specs(specs: Iterable[str]) -> dict[tuple[str, str], str]:
    """`kind:word=target` as typed after --map."""
    found: dict[tuple[str, str], str] = {}
    for spec in specs:
        head, sep, target = spec.partition("=")
        kind, colon, word = head.partition(":")
        kind = kind.strip()
        if not sep or not colon or kind not in KINDS or not word.strip() or not target.strip():
            raise LedgerError("error.import_map_syntax", spec=spec, kinds=", ".join(KINDS))
        found[(kind, word.strip())] = target.strip()
    return found


def read_file(path: str | Path) -> dict[tuple[str, str], str]:
    """A mapping file: JSON {"category": {"油烟": "waste_gas"}} or lines `kind:word=target`."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise LedgerError("error.import_map_file", path=str(path), reason=exc.strerror or str(exc))
    if text.lstrip().startswith("{"):
        try:
            data = json.loads(text)
            return {(kind, word): str(target) for kind, words in data.items()
                    for word, target in words.items()} if _valid(data) else _bad(path)
        except (ValueError, AttributeError):
            return _bad(path)
    lines = [line.strip() for line in text.splitlines()
             if line.strip() and not line.lstrip().startswith("#")]
    return parse_specs(lines)


def _valid(data: object) -> bool:
    return isinstance(data, dict) and all(k in KINDS and isinstance(v, dict) for k, v in data.items())


def _bad(path: str | Path):
    raise LedgerError("error.import_map_file", path=str(path), reason="JSON")


class WordMap:
    """The user's mappings over the ledger's remembered ones: (kind, word key) → code."""

    def __init__(self, ledger: Ledger, given: Mapping[tuple[str, str], str] = ()):
        self.ledger = ledger
        self.remembered = remembered(ledger)
        self.given: dict[tuple[str, str], str] = {}
        self.new: list[tuple[str, str]] = []  # (kind, word) to add as entries
        for (kind, word), target in dict(given).items():
            self.given[(kind, key(word))] = self._target(kind, word, target)

    def _target(self, kind: str, word: str, target: str) -> str:
        if target == NEW:
            if kind == "status":
                raise LedgerError("error.import_map_new_status", word=word)
            self.new.append((kind, word))
            return NEW + word
        if kind == "status":
            for status in Status:
                if target in (status.value, messages.label(f"status.{status.value}")):
                    return status.value
            raise LedgerError("error.import_map_target", kind=messages.label("import_word.status"),
                              target=target, choices="、".join(s.value for s in Status))
        found = codes.Words(self.ledger, kind).find(target)
        if found is None:
            raise LedgerError("error.import_map_target", kind=messages.label(f"import_word.{kind}"),
                              target=target, choices="、".join(
                                  e.code for e in codes.entries(self.ledger, kind, active_only=True)))
        return found

    def get(self, kind: str, word: object) -> str | None:
        k = (kind, key(word))
        return self.given.get(k) or self.remembered.get(k)

    def add_new_entries(self) -> None:
        """Add the words mapped to `+` as entries (a manager's right), then map them."""
        for kind, word in self.new:
            words = codes.Words(self.ledger, kind)
            if words.find(word) is None:
                codes.add(self.ledger, kind, word)
            code = codes.Words(self.ledger, kind).find(word)
            self.given[(kind, key(word))] = code

    def remember(self) -> None:
        """Keep the user's mappings for the ledger's next import."""
        from ..db import now

        stamp = now()
        self.ledger.conn.executemany(
            "INSERT INTO import_word_map (kind, word, target, created_at, operator) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (kind, word) DO UPDATE SET "
            "target = excluded.target, created_at = excluded.created_at, "
            "operator = excluded.operator",
            [(kind, word, target, stamp, self.ledger.operator)
             for (kind, word), target in self.given.items() if not target.startswith(NEW)])


def remembered(ledger: Ledger) -> dict[tuple[str, str], str]:
    try:
        return {(kind, word): target for kind, word, target in ledger.conn.execute(
            "SELECT kind, word, target FROM import_word_map")}
    except sqlite3.OperationalError:  # a ledger opened read-only before the migration
        return {}
