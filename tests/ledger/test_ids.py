"""Row ids: unique, valid UUIDs, in creation order (cheap appends to every index)."""
from __future__ import annotations

import random
import uuid

from core import ids, problems


def test_bulk_ids_are_distinct_ordered_version_7_uuids():
    made = ids.new_ids(10_000)
    assert len(set(made)) == 10_000 and made == sorted(made)
    for text in made[:50]:
        parsed = uuid.UUID(text)
        assert (parsed.version, parsed.variant, str(parsed)) == (7, uuid.RFC_4122, text)


def test_bulk_ids_are_the_uuids_compose_makes_of_the_same_random_bits(monkeypatch):
    """Across a millisecond's end and with every variant digit: the same text as compose."""
    rng = random.Random(11)
    drawn: list[bytes] = []
    monkeypatch.setattr(ids.os, "urandom", lambda n: drawn.append(rng.randbytes(n)) or drawn[-1])
    monkeypatch.setattr(ids, "_last", [(4_000_000_000_000 << 12) + 4090])
    made = ids.new_ids(9000)
    bits = [int.from_bytes(drawn[0][i:i + 8], "big") for i in range(0, len(drawn[0]), 8)]
    first = (4_000_000_000_000 << 12) + 4091  # ahead of the clock
    assert made == [ids.compose((first + i) >> 12, first + i, bits[i]) for i in range(9000)]
    assert {uuid.UUID(text).variant for text in made} == {uuid.RFC_4122}


def test_demo_ids_are_reproducible_from_the_seed():
    first = ids.Sequence(random.Random(5), 1_700_000_000_000)
    again = ids.Sequence(random.Random(5), 1_700_000_000_000)
    assert [first() for _ in range(5)] == [again() for _ in range(5)]


def test_rows_written_later_sort_after_earlier_ones(ledger):
    made = [problems.add(ledger, {
        "source": "complaint", "region_code": "141021", "category": "noise",
        "description": f"夜间施工噪声{i}", "assigned_on": "2026-08-01", "deadline": "2026-08-05"}).id
        for i in range(20)]
    assert made == sorted(made)


def test_a_few_ids_are_the_uuids_compose_makes_too(monkeypatch):
    """Fewer ids than the bulk path needs are written one by one, to the same text."""
    rng = random.Random(12)
    drawn: list[bytes] = []
    monkeypatch.setattr(ids.os, "urandom", lambda n: drawn.append(rng.randbytes(n)) or drawn[-1])
    monkeypatch.setattr(ids, "_last", [(4_000_000_000_000 << 12) + 4090])
    made = ids.new_ids(20) + ids.new_ids(1)
    bits = [int.from_bytes(block[i:i + 8], "big") for block in drawn
            for i in range(0, len(block), 8)]
    first = (4_000_000_000_000 << 12) + 4091
    assert made == [ids.compose((first + i) >> 12, first + i, bits[i]) for i in range(21)]
    assert made == sorted(made)
