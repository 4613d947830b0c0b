"""Names in the order a Chinese reader looks them up: by the pinyin of each character.

Code-point order puts 翼城 before 安泽 (U+7FFC > U+5B89); a clerk looks for 安泽 under A.
Each Han character sorts by its syllable, then its tone, then itself (as a dictionary
orders 字 with the same reading); digits and Latin letters come before Han characters,
as in ICU's pinyin collation. Readings come from pypinyin, with the place names whose
characters read otherwise there (长治 Chángzhì, 尧都 Yáodū, 洪洞 Hóngtóng).

Loading pypinyin takes about a second, so the readings of the shipped region names
(resources/regions/readings.tsv, made by `python -m core.collation` from the same
function) come from that file: the county lists of the first page cost no pypinyin.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, TypeVar

from .paths import resources_dir

T = TypeVar("T")

# Place names of the bureaus this ledger serves whose readings differ from the common
# word's (checked against 中华人民共和国行政区划简册): pypinyin reads 长 zhǎng, 都 dōu, 洞 dòng.
_PLACE_READINGS = {
    "长治": [["cháng"], ["zhì"]],
    "尧都": [["yáo"], ["dū"]],
    "洪洞": [["hóng"], ["tóng"]],
    "长安": [["cháng"], ["ān"]],
    "长沙": [["cháng"], ["shā"]],
    "长春": [["cháng"], ["chūn"]],
}


def _readings_file() -> Path:
    return resources_dir() / "regions" / "readings.tsv"


@lru_cache(maxsize=1)
def _shipped() -> dict[str, list[str]]:
    """The readings of the shipped region names, as `_live` gives them."""
    try:
        text = _readings_file().read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    # split by hand: the csv module takes three times as long over these 3,300 lines,
    # and the ledger's writer reads them while the window is being built
    return {name: readings.split(" ") for name, readings in
            (line.split("\t") for line in text.splitlines() if line)}


@lru_cache(maxsize=1)
def _reader() -> Callable[[str], list[str]]:
    shipped = _shipped()

    def read(text: str) -> list[str]:
        found = shipped.get(text)
        return list(found) if found is not None else _live()(text)
    return read


@lru_cache(maxsize=1)
def _live() -> Callable[[str], list[str]]:
    from pypinyin import Style, lazy_pinyin, load_phrases_dict

    load_phrases_dict(_PLACE_READINGS)

    def read(text: str) -> list[str]:
        return lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True,
                           errors=lambda run: list(run))
    return read


def _is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


@lru_cache(maxsize=65536)
def name_key(name: str | None) -> tuple:
    """The sort key of a name: pinyin syllable, tone and character for each character."""
    if not name:
        return ()
    readings = _reader()(name)
    if len(readings) != len(name):  # a reading spans characters: read them one by one
        readings = [(_reader()(char) or [char])[0] for char in name]
    key = []
    for char, reading in zip(name, readings):
        if _is_han(char) and reading[-1:].isdigit():
            key.append((1, reading[:-1], int(reading[-1]), char))
        else:
            key.append((0, char.casefold(), 0, char))
    return tuple(key)


def compare(first: str | None, second: str | None) -> int:
    """SQLite's collation callback: -1, 0 or 1 as `first` sorts before, with or after."""
    a, b = name_key(first), name_key(second)
    return (a > b) - (a < b)


def by_name(items: Iterable[T], name: Callable[[T], str | None] = lambda item: item) -> list[T]:
    """`items` sorted by the pinyin of `name(item)`."""
    return sorted(items, key=lambda item: name_key(name(item)))


def write_readings(names: Iterable[str]) -> Path:
    """Write the readings of `names` (every shipped region name: docs/regions/write_readings.py
    runs this after the regions change)."""
    path = _readings_file()
    with path.open("w", encoding="utf-8", newline="") as handle:
        for name in sorted(set(names)):
            handle.write(name + "\t" + " ".join(_live()(name)) + "\n")
    return path
