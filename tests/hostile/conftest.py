from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from core import demo, settings
from core.ledger import Ledger

_BUILT: dict[str, Path] = {}


def built_ledger(tmp_path_factory, problems: int = 30) -> Path:
    """A small demo ledger, built once per session and copied for each test."""
    if "demo" not in _BUILT:
        folder = tmp_path_factory.mktemp("hostile-demo")
        with Ledger.open(folder / "ledger.db", operator="王晓峰") as ledger:
            settings.set_jurisdiction(ledger, "141000")
            demo.load(ledger, problems, 1)
        _BUILT["demo"] = folder / "ledger.db"
    return _BUILT["demo"]


@pytest.fixture
def demo_db(tmp_path, tmp_path_factory) -> Path:
    target = tmp_path / "ledger.db"
    shutil.copy(built_ledger(tmp_path_factory), target)
    return target
