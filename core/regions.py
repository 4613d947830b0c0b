"""Administrative regions (GB/T 2260 codes), the bureau's own units beside them
(development zones, city departments, townships: see `core.units`), and the one resolver
that turns what a person typed (临汾市尧都区, 尧都区, 尧都, 141002, 临汾经济开发区) into a code."""
from __future__ import annotations

import csv
from typing import Iterator, NamedTuple, TYPE_CHECKING

from .errors import LedgerError
from .paths import resources_dir

if TYPE_CHECKING:
    from .ledger import Ledger

PROVINCE, CITY, COUNTY = 1, 2, 3


class Region(NamedTuple):
    code: str
    name: str
    parent_code: str | None
    level: int
    kind: str | None = None  # None: a GB/T 2260 region; else a unit's kind (core.units)
    active: bool = True


_SELECT = "SELECT code, name, parent_code, level, kind, active FROM region"
# GB/T regions in code order, then the bureau's units in the order it set.
ORDER = "kind IS NOT NULL, coalesce(sort_order, 0), code"


def _region(row) -> Region:
    return Region(row[0], row[1], row[2], row[3], row[4], bool(row[5]))


# The jurisdiction a new ledger gets when none is given: Linfen city (a city bureau,
# so returns have a row per county).
DEFAULT_JURISDICTION = "141000"


def jurisdiction(ledger: "Ledger") -> str:
    """The code of the region whose bureau keeps this ledger (its `jurisdiction` setting)."""
    row = ledger.conn.execute("SELECT value FROM setting WHERE key = 'jurisdiction'").fetchone()
    return (row[0] if row else None) or DEFAULT_JURISDICTION


def region_range(code: str) -> tuple[str, str]:
    """The span of region and unit codes inside a region code (140000 → 140000..149999~):
    a unit's code begins with its parent's (141000Z01 is inside 141000), so the span's end
    carries a character after every letter and digit."""
    if len(code) != 6 or not code.isdigit():
        return code, code + "~"
    stem = code.rstrip("0")
    if len(stem) <= 2:
        stem = code[:2]
    elif len(stem) <= 4:
        stem = code[:4]
    else:
        stem = code
    return stem.ljust(6, "0"), stem.ljust(6, "9") + "~"


def shipped_regions() -> Iterator[Region]:
    """Every region in the shipped code list, provinces first."""
    folder = resources_dir() / "regions"
    for row in _read(folder / "provinces.csv"):
        yield Region(row["code"].ljust(6, "0"), row["name"], None, PROVINCE)
    for row in _read(folder / "cities.csv"):
        yield Region(row["code"].ljust(6, "0"), row["name"],
                     row["provinceCode"].ljust(6, "0"), CITY)
    for row in _read(folder / "areas.csv"):
        yield Region(row["code"], row["name"], row["cityCode"].ljust(6, "0"), COUNTY)


def _read(path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def ensure_loaded(ledger: "Ledger") -> None:
    """Fill the region table from the shipped list the first time a ledger opens."""
    conn = ledger.conn
    if conn.execute("SELECT 1 FROM region LIMIT 1").fetchone():
        return
    with ledger.transaction():
        conn.executemany(
            "INSERT OR IGNORE INTO region (code, name, parent_code, level) VALUES (?, ?, ?, ?)",
            [(r.code, r.name, r.parent_code, r.level) for r in shipped_regions()],
        )


def get(ledger: "Ledger", code: str) -> Region | None:
    row = ledger.conn.execute(f"{_SELECT} WHERE code = ?", (code,)).fetchone()
    return _region(row) if row else None


def require(ledger: "Ledger", code: str) -> Region:
    region = get(ledger, code)
    if region is None:
        raise LedgerError("error.region_unknown", code=code)
    return region


def children(ledger: "Ledger", code: str, retired: bool = False) -> list[Region]:
    """The regions directly under `code` in the order returns use: GB/T regions by code,
    then the bureau's units in its order (retired units only if `retired`)."""
    where = "" if retired else " AND active = 1"
    rows = ledger.conn.execute(
        f"{_SELECT} WHERE parent_code = ?{where} ORDER BY {ORDER}", (code,))
    return [_region(row) for row in rows]


def in_use(ledger: "Ledger", code: str) -> bool:
    """Whether a problem, enterprise or penalty case belongs to region `code`."""
    return ledger.conn.execute(
        "SELECT EXISTS (SELECT 1 FROM problem WHERE region_code = :c) OR EXISTS (SELECT 1 "
        "FROM enterprise WHERE region_code = :c) OR EXISTS (SELECT 1 FROM penalty_case "
        "WHERE region_code = :c)", {"c": code}).fetchone()[0] == 1


def row_key(code: str, keys, city_rows: bool) -> str:
    """The row of a return or figure (one of `keys`) that counts a record of region `code`:
    itself, its city (for a province's city rows), or the listed unit or county its code
    begins with (a township of 尧都区 is counted on 尧都区's row); else `code` itself."""
    if code in keys:
        return code
    if city_rows:
        return code[:4] + "00"
    for end in range(len(code) - 1, 5, -1):
        if code[:end] in keys:
            return code[:end]
    return code


def record_regions_by_name(ledger: "Ledger", code: str) -> list[Region]:
    """Every region a record inside `code` may belong to, as a clerk picks from them:
    counties by the pinyin of their names, each followed by its own units (zones,
    departments, townships) by name."""
    from .collation import by_name

    out = []
    for region in by_name(counties_of(ledger, code), lambda r: r.name):
        out.append(region)
        out += by_name(children(ledger, region.code), lambda r: r.name)
    return out


def counties_of(ledger: "Ledger", code: str) -> list[Region]:
    """The county-level regions inside `code` (itself, if it is a county)."""
    region = require(ledger, code)
    if region.level == COUNTY:
        return [region]
    if region.level == CITY:
        return children(ledger, code)
    return [county for city in children(ledger, code) for county in children(ledger, city.code)]


def full_name(ledger: "Ledger", code: str) -> str:
    """The region's name with its city (e.g. 临汾市曲沃县), for display."""
    region = require(ledger, code)
    names = [region.name]
    parent = region.parent_code
    while parent:
        up = get(ledger, parent)
        if up is None or up.name == "市辖区":
            break
        names.insert(0, up.name)
        parent = up.parent_code
    return "".join(names)


# -- the one resolver

_SUFFIXES = "县区市旗"
_PLACEHOLDERS = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划")
_WIDE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


def _clean(text: str) -> str:
    return "".join(str(text).translate(_WIDE).split()).upper()


def _stem(name: str) -> str:
    stem = name.rstrip(_SUFFIXES)
    return stem if len(stem) >= 2 else name


class Resolver:
    """Names of regions and units as people write them, each to its code: the code, the
    name, the name without 县/区/市 (尧都), and with its city and province before it
    (临汾市尧都区, 山西省临汾市尧都区). Names inside the jurisdiction win; others are looked
    for in the whole country unless `local_only`. A name of several is refused with the
    candidates listed, never guessed."""

    def __init__(self, ledger: "Ledger", within: str | None = None, local_only: bool = False):
        self.ledger = ledger
        self.top = within or jurisdiction(ledger)
        self.local_only = local_only
        inside = self._inside(self.top)
        self._names = {r.code: r for r in inside}
        self._add_ancestors(self.top)
        self.local = self._index(inside)
        self._country: dict[str, set[str]] | None = None

    def _inside(self, code: str) -> list[Region]:
        low, high = region_range(code)
        return [_region(r) for r in self.ledger.conn.execute(
            f"{_SELECT} WHERE code BETWEEN ? AND ? OR code = ?", (low, high, code))]

    def _add_ancestors(self, code: str) -> None:
        region = self._names.get(code) or get(self.ledger, code)
        while region is not None and region.parent_code:
            region = self._names.get(region.parent_code) or get(self.ledger, region.parent_code)
            if region is not None:
                self._names[region.code] = region

    def _index(self, regions: list[Region]) -> dict[str, set[str]]:
        index: dict[str, set[str]] = {}
        for region in regions:
            for name in self._keys(region):
                index.setdefault(name, set()).add(region.code)
        return index

    def _keys(self, region: Region) -> set[str]:
        names = {region.code, region.name, _stem(region.name)}
        prefix = ""
        parent = self._names.get(region.parent_code or "")
        while parent is not None:
            if parent.name not in _PLACEHOLDERS:  # 北京市市辖区朝阳区 is written 北京市朝阳区
                prefix = parent.name + prefix
                names |= {prefix + region.name, prefix + _stem(region.name)}
            parent = self._names.get(parent.parent_code or "")
        return {_clean(n) for n in names}

    def candidates(self, text: str) -> list[str]:
        """The codes `text` may name: inside the jurisdiction if any, else in the country."""
        key = _clean(text)
        found = self.local.get(key)
        if found or self.local_only:
            return sorted(found or ())
        if self._country is None:  # read the whole country only when asked
            self._names = {r[0]: _region(r) for r in self.ledger.conn.execute(_SELECT)}
            self._country = self._index(list(self._names.values()))
        return sorted(self._country.get(key, ()))

    def code(self, text: str) -> str:
        """The one code `text` names, or a refusal saying why (unknown, or which ones)."""
        found = self.candidates(text)
        if len(found) == 1:
            return found[0]
        if not found:
            typed = str(text).strip()
            if typed.isdigit():
                raise LedgerError("error.region_unknown", code=typed)
            raise LedgerError("error.region_name_unknown", value=typed)
        names = "、".join(f"{self.full_name(c)}（{c}）" for c in found[:8])
        raise LedgerError("error.region_ambiguous", value=str(text).strip(), candidates=names,
                          count=len(found))

    def found_in(self, text: str | None) -> str | None:
        """The one region or unit of the jurisdiction whose name stands inside a longer
        text (曲沃县人民政府 → 141021), the longest name winning; None when none or several."""
        if not text:
            return None
        key = _clean(text)
        best, found = 0, set()
        for name, codes in self.local.items():
            if len(name) < 2 or len(name) < best or name.isdigit() or name not in key:
                continue
            codes = codes - {self.top}
            if not codes:
                continue
            if len(name) > best:
                best, found = len(name), set(codes)
            else:
                found |= codes
        return next(iter(found)) if len(found) == 1 else None

    def full_name(self, code: str) -> str:
        region = self._names[code]
        names = [region.name]
        parent = self._names.get(region.parent_code or "")
        while parent is not None:
            if parent.name not in _PLACEHOLDERS and (parent.level > 1 or len(names) == 1):
                names.insert(0, parent.name)
            parent = self._names.get(parent.parent_code or "")
        return "".join(names)


def resolve(ledger: "Ledger", text: str, local_only: bool = False) -> str:
    """The code of the region or unit `text` names (see `Resolver`), or a refusal."""
    return Resolver(ledger, local_only=local_only).code(text)
