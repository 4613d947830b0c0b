"""The columns a return computes: what each figure counts, over which period, from what.

A form (`core.returns.forms`) names its figures by placeholder; `registry.columns` turns them
into these columns (with the hidden ones a rate or a change is made of), which
`figures.compute` evaluates and `checks` verifies.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..statistics import SETTLED_STATUSES

BY_REGION, PROBLEM_LIST = "by_region", "problem_list"
KINDS = (BY_REGION, PROBLEM_LIST)
FORMATS = ("integer", "wan", "rate", "change", "average", "yes_no")


@dataclass(frozen=True)
class Column:
    """One figure: the statistic, its filter and period, how it is shown, its checks."""

    key: str
    header: tuple[str, ...]
    stat: str = ""  # a named statistic (figures.STATISTICS), or "rate", "change", "average"
    filter: tuple[tuple[str, str], ...] = ()
    period: str = "to_date"
    format: str = "integer"
    of: tuple[str, ...] = ()  # derived: (part, whole), (now, before) or (amount, count) keys
    parts: tuple[str, ...] = ()  # this column must equal the sum of these columns
    at_most: str = ""  # this column must not exceed that column

    @property
    def summable(self) -> bool:
        """Whether the total row is the sum of the rows."""
        return self.format in ("integer", "wan")


@dataclass(frozen=True)
class Template:
    """The figures one form computes (its columns), named after the form."""

    name: str
    kind: str
    title: str
    total_label: str = "合计"
    columns: tuple[Column, ...] = ()
    # The statuses its "rectified" figure (problems.rectified) counts, e.g. ("closed",
    # "reported_done", "stage_concluded"); empty: closed only. A form names the figure it
    # means instead (registry: rectified_or_done, concluded, settled …), one entry each.
    rectified_statuses: tuple[str, ...] = ()
    description: str = ""
    path: Path | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if set(self.rectified_statuses) - set(SETTLED_STATUSES):
            raise ValueError(f"rectified_statuses may only name {SETTLED_STATUSES}")

    @property
    def counts_as_rectified(self) -> tuple[str, ...]:
        """The statuses the template's rectified figures count (see core.statistics)."""
        return self.rectified_statuses or ("closed",)

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)
