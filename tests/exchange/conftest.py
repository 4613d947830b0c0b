from __future__ import annotations

import pytest

from core import settings
from core.ledger import Ledger

from .sites import open_site


@pytest.fixture(scope="session")
def blank_file(tmp_path_factory):
    """An empty, migrated Linfen (141000) ledger, made once and copied for each PC."""
    path = tmp_path_factory.mktemp("blank") / "blank.db"
    made = Ledger.open(path, operator="模板")
    settings.set_jurisdiction(made, "141000")
    made.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    made.close()
    return path


@pytest.fixture
def pcs(blank_file, tmp_path):
    """Three PCs of the Linfen bureau: 甲, 乙, 丙."""
    opened = [open_site(blank_file, tmp_path, name) for name in ("甲", "乙", "丙")]
    yield opened
    for ledger in opened:
        ledger.close()
