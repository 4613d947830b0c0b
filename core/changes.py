"""What a write changed, so that every open view can refresh from one signal."""
from __future__ import annotations

from dataclasses import dataclass, field

from .errors import Issue


@dataclass(frozen=True)
class Changes:
    """The kinds of rows a write touched, the ids it made or changed, and its warnings."""

    tables: frozenset[str] = frozenset()
    ids: tuple[str, ...] = ()
    warnings: tuple[Issue, ...] = field(default=())

    @classmethod
    def of(cls, *tables: str, ids: tuple[str, ...] = (), warnings=()) -> "Changes":
        return cls(frozenset(tables), tuple(ids), tuple(warnings))

    def __or__(self, other: "Changes") -> "Changes":
        return Changes(
            self.tables | other.tables, self.ids + other.ids, self.warnings + other.warnings
        )

    def touches(self, *tables: str) -> bool:
        return bool(self.tables.intersection(tables))

    @property
    def id(self) -> str:
        """The first id the write made or changed."""
        return self.ids[0]
