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
