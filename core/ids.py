"""Row ids: time-ordered UUIDs (version 7, RFC 9562).

Random (version 4) ids scatter every insert across the primary-key index, which on a large
ledger costs a page-cache miss per row; time-ordered ids append at the index's right edge.
They stay globally unique (62 random bits per millisecond and counter), so ledgers of
several PCs can still merge by id.
"""
from __future__ import annotations

import os
import random
import threading
import time

_VERSION_7 = 0x7 << 76
_VARIANT = 0b10 << 62


def compose(millis: int, counter: int, rand: int) -> str:
    """The text form of a version-7 UUID from its timestamp, 12-bit counter and 62 random bits."""
    value = (millis << 80) | _VERSION_7 | ((counter & 0xFFF) << 64) | _VARIANT | (rand & ((1 << 62) - 1))
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


_last = [0]  # the last (millisecond << 12 | counter) handed out by this process
_lock = threading.Lock()


# The 4 hex digits after the timestamp (version 7 and a 12-bit counter) of every counter
# value, one after the other, and the first digit of the random part with the variant bits
# (10) set over its two low bits.
_COUNTER_HEX = "".join(f"7{counter:03x}" for counter in range(4096)).encode()
_VARIANT_HEX = bytes.maketrans(b"0123456789abcdef", b"89ab89ab89ab89ab")
_VARIANT_DIGIT = str.maketrans("0123456789abcdef", "89ab89ab89ab89ab")
# An id's text with its separator: 36 characters and a comma.
_WIDTH = 37
_FEW = 64  # fewer ids than this are written out one by one


def new_ids(count: int) -> list[str]:
    """`count` fresh ids, each after every id this process made before: the ids `compose`
    makes of the same random bits, written out without big-integer work (an import makes
    600,000 at a time). The text of a millisecond's ids is assembled digit position by digit
    position (one strided copy each, in C) and split once, rather than formatted id by id."""
    with _lock:
        first = max(_last[0] + 1, (time.time_ns() // 1_000_000) << 12)
        _last[0] = first + count - 1
    if count < _FEW:
        return _one_by_one(first, count, os.urandom(8 * count).hex())
    rand = os.urandom(8 * count).hex().encode()  # 16 hex digits an id
    parts: list[bytearray] = []
    stamp, end = first, first + count
    while stamp < end:
        millis = stamp >> 12
        upto = min(end, (millis + 1) << 12)  # the ids of this millisecond
        size = upto - stamp
        head = f"{millis:012x}"
        text = bytearray(f"{head[:8]}-{head[8:]}-0000-0000-000000000000,".encode() * size)
        counter = stamp & 0xFFF
        counters = _COUNTER_HEX[4 * counter:4 * (counter + size)]
        digits = rand[16 * (stamp - first):16 * (upto - first)]
        for k in range(4):  # version and counter: characters 14-17
            text[14 + k::_WIDTH] = counters[k::4]
        text[19::_WIDTH] = digits[0::16].translate(_VARIANT_HEX)  # characters 19-22
        for k in range(1, 4):
            text[19 + k::_WIDTH] = digits[k::16]
        for k in range(4, 16):  # characters 24-35
            text[20 + k::_WIDTH] = digits[k::16]
        parts.append(text)
        stamp = upto
    return b"".join(parts)[:-1].decode("ascii").split(",")


def _one_by_one(first: int, count: int, rand: str) -> list[str]:
    """The same ids as `new_ids`, each formatted on its own (cheaper for a few)."""
    made = []
    for at in range(count):
        stamp, j = first + at, 16 * at
        head = f"{stamp >> 12:012x}"
        made.append(f"{head[:8]}-{head[8:]}-7{stamp & 0xFFF:03x}-"
                    f"{rand[j].translate(_VARIANT_DIGIT)}{rand[j + 1:j + 4]}-{rand[j + 4:j + 16]}")
    return made


def new_id() -> str:
    return new_ids(1)[0]


class Sequence:
    """Reproducible increasing ids from a seeded generator, handed out one at a time."""

    def __init__(self, rng: random.Random, millis: int):
        self.rng = rng
        self.millis = millis
        self.counter = 0

    def __call__(self) -> str:
        self.counter += 1
        return compose(self.millis + (self.counter >> 12), self.counter, self.rng.getrandbits(62))
