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


def new_ids(count: int) -> list[str]:
    """`count` fresh ids, each after every id this process made before."""
    with _lock:
        first = max(_last[0] + 1, (time.time_ns() // 1_000_000) << 12)
        _last[0] = first + count - 1
    rand = os.urandom(8 * count)
    bits = [int.from_bytes(rand[i:i + 8], "big") for i in range(0, 8 * count, 8)]
    return [compose((first + i) >> 12, first + i, bits[i]) for i in range(count)]


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
