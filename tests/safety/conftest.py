"""Fixtures of the safety tests: the CLI runner and the staffed ledger of tests/cli."""
from __future__ import annotations

from tests.cli.conftest import cli, refused, snapshot, staffed  # noqa: F401
from tests.exchange.conftest import blank_file  # noqa: F401,E402
