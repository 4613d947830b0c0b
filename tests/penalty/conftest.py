"""Penalty cases with their stages and clocks: the CLI fixtures of tests/cli, and a case."""
from __future__ import annotations

import pytest

from core import penalties

from cli.conftest import Run, cli, refused, snapshot, staffed  # noqa: F401 (fixtures)


@pytest.fixture
def case(ledger):
    """An opened case against a county with an original fine of 100,000 yuan."""
    return penalties.add(ledger, {
        "case_number": "曲环罚〔2024〕7号", "region_code": "141021", "violation": "超标排放废水",
        "opened_on": "2024-01-10", "fine": "100,000"}).id
