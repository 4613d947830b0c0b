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


# The text of the 4 hex digits after the timestamp (version 7 and a 12-bit counter), and
# the first digit of the random part with the variant bits (10) set over its two low bits.
_COUNTER_HEX = [f"7{counter:03x}" for counter in range(4096)]
_VARIANT_HEX = str.maketrans("0123456789abcdef", "89ab89ab89ab89ab")


def new_ids(count: int) -> list[str]:
    """`count` fresh ids, each after every id this process made before: the ids `compose`
    makes of the same random bits, written out without big-integer work (an import makes
    600,000 at a time)."""
    with _lock:
        first = max(_last[0] + 1, (time.time_ns() // 1_000_000) << 12)
        _last[0] = first + count - 1
    rand = os.urandom(8 * count).hex()
    # the first digit of every id's random part, with the variant bits set
    variants = rand[::16].translate(_VARIANT_HEX)
    made: list[str] = []
    add = made.append
    stamp, end = first, first + count
    while stamp < end:
        millis = stamp >> 12
        upto = min(end, (millis + 1) << 12)  # the ids of this millisecond
        head = f"{millis:012x}"
        head = f"{head[:8]}-{head[8:]}-"
        for at in range(stamp - first, upto - first):
            j = 16 * at
            add(f"{head}{_COUNTER_HEX[(first + at) & 0xFFF]}-{variants[at]}"
                f"{rand[j + 1:j + 4]}-{rand[j + 4:j + 16]}")
        stamp = upto
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
