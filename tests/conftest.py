from __future__ import annotations

import datetime as dt

import pytest

from core import demo, settings
from core.ledger import Ledger


@pytest.fixture
def ledger(tmp_path):
    """An empty ledger for Linfen city (141000) in a temporary file."""
    opened = Ledger.open(tmp_path / "ledger.db", operator="测试员")
    settings.set_jurisdiction(opened, "141000")
    yield opened
    opened.close()


@pytest.fixture
def demo_ledger(ledger):
    """The default demo ledger (2,507 problems), fixed to seed 1."""
    demo.load(ledger, seed=1)
    return ledger


@pytest.fixture
def today() -> dt.date:
    return dt.date.today()
