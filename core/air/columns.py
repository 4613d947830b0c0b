"""Columns of a monitoring file as numpy arrays, without a Python step per row.

A column of texts is kept as its distinct values and, per row, the index of its value
(`Column`): a year of hourly data has 8,760 distinct times and 200 stations, so each is parsed
once. A plain CSV file (no quotes, the same number of fields on every line, an encoding in
which commas and line ends are single bytes: UTF-8, GB18030, GBK, Big5) is split with numpy on
its bytes, and its numbers are read from their digits in bulk; a cell that is not a plain
decimal (a word such as 无效, a sign, an exponent) is handed back to be read one by one.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MAX_KEY_BYTES = 96


@dataclass
class Column:
    """A column as its distinct values and the index of each row's value."""

    uniques: list
    codes: np.ndarray

    @classmethod
    def of(cls, values: list) -> "Column":
        uniques = list(dict.fromkeys(values))
        position = {value: i for i, value in enumerate(uniques)}
        return cls(uniques, np.fromiter(map(position.__getitem__, values), dtype=np.int64,
                                        count=len(values)))

    def rows_with(self, indices: list[int]) -> np.ndarray:
        """Positions of the rows whose value is one of the uniques `indices`."""
        return np.flatnonzero(np.isin(self.codes, np.array(indices, dtype=np.int64)))


@dataclass
class Numbers:
    """A numeric column: values (nan for blanks) and the cells to read one by one."""

    values: np.ndarray
    odd: dict[int, bytes]  # row position → the cell's bytes


@dataclass
class Split:
    """The fields of a plain CSV body: per non-empty line its number (0 = the first line
    after the offset), its start and end, and the positions of its delimiters."""

    lines: np.ndarray
    line_starts: np.ndarray
    line_ends: np.ndarray
    delimiters: np.ndarray  # (lines, delimiters per line)

    @property
    def fields(self) -> int:
        return self.delimiters.shape[1] + 1

    def bounds(self, column: int) -> tuple[np.ndarray, np.ndarray]:
        """Start and end (exclusive) of field `column` on every line."""
        k = self.delimiters.shape[1]
        start = self.line_starts if column == 0 else self.delimiters[:, column - 1] + 1
        end = self.line_ends if column == k else self.delimiters[:, column]
        return start, end


def split(data: bytes, offset: int, delimiter: str) -> Split | None:
    """The lines and fields of `data` from `offset`, or None when it is not plain CSV."""
    if data.find(b'"', offset) >= 0 or len(delimiter) != 1:
        return None
    body = np.frombuffer(data, dtype=np.uint8, offset=offset)
    marks = np.equal(body, 10)
    np.logical_or(marks, np.equal(body, ord(delimiter)), out=marks)
    separators = np.flatnonzero(marks) + offset
    del marks
    regular = _regular(data, offset, separators, delimiter)
    if regular is not None:
        return regular
    newline = np.frombuffer(data, dtype=np.uint8)[separators] == 10
    ends = separators[newline]
    starts = np.concatenate([[offset], ends + 1])
    ends = np.concatenate([ends, [len(data)]])
    buf = np.frombuffer(data, dtype=np.uint8)
    ends = np.where((ends > starts) & (buf[np.maximum(ends - 1, 0)] == 13), ends - 1, ends)
    keep = ends > starts
    lines = np.flatnonzero(keep)
    starts, ends = starts[keep], ends[keep]
    if not len(starts):
        return Split(lines, starts, ends, np.zeros((0, 0), np.int64))
    commas = separators[~newline]
    k = len(commas) // len(starts)
    if len(commas) != k * len(starts):
        return None
    # every line holds exactly k delimiters: the i-th line's are commas[i*k:(i+1)*k]
    inner = commas.reshape(len(starts), k)
    if k and ((inner[:, 0] < starts) | (inner[:, -1] >= ends)).any():
        return None
    return Split(lines, starts, ends, inner)


def grouped(values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(distinct values sorted, index of each value among them, first position of each).

    Monitoring columns hold few distinct values: they are found in a spread sample, every
    value is looked up among them by binary search, and only values the sample missed are
    sorted — instead of sorting the whole column as np.unique does."""
    n = len(values)
    if n == 0:
        return values[:0], np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    candidates = np.unique(values[::max(1, n // 65_536)])
    codes = np.minimum(np.searchsorted(candidates, values), len(candidates) - 1)
    missed = candidates[codes] != values
    if missed.any():
        candidates = np.union1d(candidates, np.unique(values[missed]))
        codes = np.searchsorted(candidates, values)
    first = np.empty(len(candidates), dtype=np.int64)
    first[codes[::-1]] = np.arange(n - 1, -1, -1)  # the last write, of the first position
    return candidates, codes.astype(np.int64), first


def _regular(data: bytes, offset: int, separators: np.ndarray,
             delimiter: str) -> Split | None:
    """The common file, split without sorting its separators out: every line holds the same
    number of delimiters and ends with a line feed (the last one may not), no line is
    empty. None when it is not so (the general way then follows)."""
    first_line = data.find(b"\n", offset)
    k = data.count(delimiter.encode(), offset, first_line if first_line >= 0 else len(data))
    if len(separators) % (k + 1) == 0:
        grid = separators.reshape(-1, k + 1)
        ends = grid[:, k]
    elif (len(separators) + 1) % (k + 1) == 0:
        grid = np.concatenate([separators, [len(data)]]).reshape(-1, k + 1)
        ends = grid[:, k]
    else:
        return None
    buf = np.frombuffer(data, dtype=np.uint8)
    if not (buf[np.minimum(ends, len(data) - 1)][:len(ends) - 1] == 10).all():
        return None
    if ends[-1] < len(data) and buf[ends[-1]] != 10:
        return None
    starts = np.concatenate([[offset], ends[:-1] + 1])
    if ((grid[:, 0] if k else ends) <= starts - 1).any():
        return None
    ends = np.where(buf[np.maximum(ends - 1, 0)] == 13, ends - 1, ends)
    if (ends <= starts).any():
        return None  # an empty line
    return Split(np.arange(len(starts)), starts, ends, grid[:, :k])


class Bytes:
    """A file's bytes with a view of every 8-byte word at every offset (little-endian), so
    that 8 bytes of a field are fetched at once."""

    def __init__(self, data: bytes):
        self.data = data
        self.padded = data + b"\0" * 8
        self.buf = np.frombuffer(self.padded, dtype=np.uint8)
        self.words = np.ndarray(shape=(len(data) + 1,), dtype="<u8", buffer=self.padded,
                                offset=0, strides=(1,))

    # the mask that keeps the first n bytes of a little-endian word, n = 0 … 8
    _MASKS = np.array([(1 << (8 * n)) - 1 for n in range(8)] + [2**64 - 1], dtype=np.uint64)

    def word(self, starts: np.ndarray, lengths: np.ndarray, j: int) -> np.ndarray:
        """Bytes 8j … 8j+7 of each field as one number, bytes past its end zeroed."""
        left = np.clip(lengths - 8 * j, 0, 8)
        position = starts + 8 * j if j else starts
        return self.words[position] & self._MASKS[left]


def key_column(source: Bytes, starts: np.ndarray, ends: np.ndarray,
               encoding: str) -> Column | None:
    """A text column from its field bounds, its distinct values decoded (None: too wide).
    Rows are grouped by two independent 64-bit hashes of their bytes: the first groups, the
    second must agree inside each group, else the texts are compared exactly."""
    data = source.data
    lengths = ends - starts
    width = int(lengths.max()) if len(lengths) else 0
    if width > MAX_KEY_BYTES:
        return None
    first_hash = lengths.astype(np.uint64)
    second_hash = lengths.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    with np.errstate(over="ignore"):
        for j in range((width + 7) // 8):
            w = source.word(starts, lengths, j)
            first_hash = first_hash * np.uint64(0x100000001B3) + w
            second_hash = (second_hash ^ (w * np.uint64(0xC2B2AE3D27D4EB4F))) * np.uint64(
                0x9E3779B97F4A7C15) + (w >> np.uint64(29))
    _, codes, first = grouped(first_hash)
    if not (second_hash == second_hash[first[codes]]).all():
        texts = np.array([data[int(a):int(b)] for a, b in zip(starts, ends)], dtype=object)
        _, first, codes = np.unique(texts.astype(bytes), return_index=True,
                                    return_inverse=True)
        codes = codes.ravel()
    uniques = [data[int(starts[i]):int(ends[i])].decode(encoding).strip() for i in first]
    return Column(uniques, codes.astype(np.int64))


# Cells of up to 4 bytes of digits and a point are read through a table of every such text:
# each byte becomes a symbol (0 = past the end, 1 = ".", 2–11 = "0"–"9", 255 = other).
_SYMBOL = np.full(256, 255, dtype=np.int64)
_SYMBOL[0], _SYMBOL[ord(".")] = 0, 1
_SYMBOL[ord("0"):ord("9") + 1] = np.arange(2, 12)
_TABLE: tuple[np.ndarray, np.ndarray] | None = None


def _short_numbers() -> tuple[np.ndarray, np.ndarray]:
    """(value, is a plain decimal) of every text of up to 4 symbols."""
    global _TABLE
    if _TABLE is None:
        values = np.full(12 ** 4, np.nan)
        plain = np.zeros(12 ** 4, dtype=bool)
        characters = "\0." + "0123456789"
        for index in range(12 ** 4):
            symbols = [(index // 12 ** k) % 12 for k in range(4)]
            text = "".join(characters[c] for c in symbols).rstrip("\0")
            if text and "\0" not in text and text.count(".") <= 1 and text != ".":
                values[index] = float(text)
                plain[index] = True
        _TABLE = (values, plain)
    return _TABLE


def number_column(source: Bytes, starts: np.ndarray, ends: np.ndarray) -> Numbers:
    """Plain decimals (``35``, ``1.2``) read in bulk: up to 4 bytes through a table of every
    such text, up to 8 by their distinct 8-byte words (a field holds no NUL, so the
    zero-padded word is its text), each distinct text parsed once; blanks are nan; anything
    else (a word such as 无效, a sign, a longer cell) is left in `odd` for the caller."""
    data = source.data
    lengths = ends - starts
    word = source.word(starts, lengths, 0)
    table, table_plain = _short_numbers()
    index = np.zeros(len(word), dtype=np.int64)
    known = lengths <= 4
    for k in range(4):
        symbol = _SYMBOL[((word >> np.uint64(8 * k)) & np.uint64(0xFF)).astype(np.int64)]
        known &= symbol != 255
        index += np.where(symbol == 255, 0, symbol) * 12 ** k
    values = table[index]
    plain = known & table_plain[index]
    rest = np.flatnonzero(~plain & (lengths > 0))
    if len(rest):
        values[rest] = _words(word[rest], lengths[rest], plain, rest)
    odd_rows = rest[~plain[rest]]
    values[odd_rows] = np.nan
    odd = {int(i): data[int(starts[i]):int(ends[i])] for i in odd_rows}
    return Numbers(values, odd)


def _words(words: np.ndarray, lengths: np.ndarray, plain: np.ndarray,
           rows: np.ndarray) -> np.ndarray:
    """Values of the cells the table does not cover, by their distinct words; marks the
    plain ones in `plain`."""
    distinct, codes, _ = grouped(words)
    parsed = np.full(len(distinct), np.nan)
    good = np.zeros(len(distinct), dtype=bool)
    for i, value in enumerate(distinct.tolist()):
        text = int(value).to_bytes(8, "little").rstrip(b"\0")
        if text and text.replace(b".", b"", 1).isdigit():
            parsed[i], good[i] = float(text), True
    plain[rows] = good[codes] & (lengths <= 8)
    return parsed[codes]
