"""A return sent upward from one PC is in the 报送记录 of the bureau's other PCs: its
figures (every cell, far longer than any typed text) travel in the exchange file."""
from __future__ import annotations

import json

import pytest

from .sites import contents, send, sound

returns = pytest.importorskip("core.returns")


def test_a_submitted_return_reaches_the_other_pc_with_all_its_figures(pcs, tmp_path):
    from core import problems
    from core.returns import submissions

    a, b, _ = pcs
    for county in ("141021", "141022", "141023"):
        problems.add(a, {"source": "supervision_letter", "region_code": county,
                         "category": "dust", "description": "料场未苫盖",
                         "assigned_on": "2026-01-05", "deadline": "2026-02-05"})
    sent = submissions.submit(a, "campaign_progress", tmp_path / "进展.xlsx",
                              as_of="2026-03-01", allow_blank=True)
    assert len(json.dumps(sent.figures, ensure_ascii=False)) > 2000  # longer than typed text
    send(a, b, tmp_path)
    arrived = submissions.listed(b)
    assert [s.id for s in arrived] == [sent.id]
    assert arrived[0].figures == sent.figures
    assert submissions.changes(b, arrived[0]) == []  # the same ledger, the same figures
    assert contents(a) == contents(b) and sound(b)
