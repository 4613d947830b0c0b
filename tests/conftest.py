from __future__ import annotations

import datetime as dt
import shutil

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


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory):
    """A demo ledger file made once per session, to be copied by each test."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    made = Ledger.open(path, operator="测试员")
    settings.set_jurisdiction(made, "141000")
    demo.load(made, seed=1)
    made.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    made.close()
    return path


@pytest.fixture
def demo_ledger(demo_file, tmp_path):
    """The default demo ledger (2,507 problems, seed 1), a private copy for this test."""
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_file, path)
    opened = Ledger.open(path, operator="测试员")
    yield opened
    opened.close()


@pytest.fixture
def today() -> dt.date:
    return dt.date.today()
