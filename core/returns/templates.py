"""Return templates: one TOML file per province layout under resources/returns/.

A template is data: the title block, a column-header path per column (the header tree
is built from the shared prefixes of the paths), what each column counts, its number
format and width, and the footer. A new layout is a new file, not new code.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import LedgerError
from ..paths import resources_dir
from ..statistics import SETTLED_STATUSES

BY_REGION, PROBLEM_LIST = "by_region", "problem_list"
KINDS = (BY_REGION, PROBLEM_LIST)
FORMATS = ("integer", "wan", "rate", "change", "text", "date")
PERIODS = ("to_date", "month", "year", "last_year")
FOOTER_FIELDS = ("unit_head", "filled_by", "phone", "reported_on")


@dataclass(frozen=True)
class Column:
    """One column: its header path (outermost first) and what it shows."""

    key: str
    header: tuple[str, ...]
    stat: str = ""  # a named statistic (figures.STATISTICS), "rate", "change" or a ledger field
    filter: tuple[tuple[str, str], ...] = ()
    period: str = "to_date"
    format: str = "integer"
    width: float = 10
    of: tuple[str, ...] = ()  # rate/change: (part, whole) or (now, before) column keys
    parts: tuple[str, ...] = ()  # this column must equal the sum of these columns
    at_most: str = ""  # this column must not exceed that column

    @property
    def summable(self) -> bool:
        """Whether the total row is the sum of the county rows."""
        return self.format in ("integer", "wan")


@dataclass(frozen=True)
class Template:
    """A return layout as read from its file."""

    name: str
    kind: str
    title: str
    form_number: str = ""
    issued_by: str = ""
    unit: str = ""
    period_text: str = ""
    region_header: str = "区县"
    total_label: str = "合计"
    columns: tuple[Column, ...] = ()
    footer: tuple[str, ...] = FOOTER_FIELDS
    notes: tuple[str, ...] = ()
    rectified_counts_reported_done: bool = False
    # The statuses its 整改完成 (rectified) and 办结率 count, e.g. ["closed", "reported_done",
    # "stage_concluded"] for a province publishing (已办结 + 阶段性办结) / total; empty: closed
    # only (with reported done too when rectified_counts_reported_done says so).
    rectified_statuses: tuple[str, ...] = ()
    description: str = ""
    path: Path | None = field(default=None, compare=False)

    @property
    def counts_as_rectified(self) -> tuple[str, ...]:
        """The statuses the template's rectified figures count (see core.statistics)."""
        if self.rectified_statuses:
            return self.rectified_statuses
        return ("closed", "reported_done") if self.rectified_counts_reported_done else ("closed",)

    @property
    def header_depth(self) -> int:
        return max(len(c.header) for c in self.columns)

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


def folder() -> Path:
    return resources_dir() / "returns"


def names() -> list[str]:
    """The shipped templates, by file name."""
    return sorted(p.stem for p in folder().glob("*.toml"))


def load(name: str) -> Template:
    """The template `name` (a shipped name or a path to a .toml file)."""
    path = Path(name)
    if path.suffix != ".toml":
        path = folder() / f"{name}.toml"
    if not path.is_file():
        raise LedgerError("error.return_unknown", name=name, known="、".join(names()))
    return _load(path)


@lru_cache(maxsize=32)
def _load(path: Path) -> Template:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return parse(data, path)
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        raise LedgerError("error.return_template", name=path.name, reason=exc) from None


def parse(data: dict, path: Path | None = None) -> Template:
    """A template from its decoded TOML; ValueError names what is wrong."""
    data = dict(data)
    if path is not None:
        data.setdefault("name", path.stem)
    columns = tuple(_column(c) for c in data.pop("columns"))
    template = Template(**{k: _tuple(v) for k, v in data.items()}, columns=columns, path=path)
    _validate(template)
    return template


def _tuple(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


def _column(raw: dict) -> Column:
    raw = dict(raw)
    header = raw.pop("header")
    raw["header"] = tuple(header) if isinstance(header, list) else (header,)
    raw["filter"] = tuple(sorted(raw.get("filter", {}).items()))
    for key in ("of", "parts"):
        raw[key] = tuple(raw.get(key, ()))
    return Column(**raw)


def _validate(t: Template) -> None:
    if t.kind not in KINDS:
        raise ValueError(f"kind {t.kind!r} is not one of {KINDS}")
    if set(t.rectified_statuses) - set(SETTLED_STATUSES):
        raise ValueError(f"rectified_statuses may only name {SETTLED_STATUSES}")
    keys = [c.key for c in t.columns]
    if len(set(keys)) != len(keys):
        raise ValueError("column keys repeat")
    for c in t.columns:
        if c.format not in FORMATS or c.period not in PERIODS:
            raise ValueError(f"column {c.key}: format or period unknown")
        for other in (*c.of, *c.parts, *([c.at_most] if c.at_most else [])):
            if other not in keys:
                raise ValueError(f"column {c.key} refers to unknown column {other}")
    unknown = set(t.footer) - set(FOOTER_FIELDS)
    if unknown:
        raise ValueError(f"footer fields unknown: {sorted(unknown)}")
