"""GUI fixtures for the code lists dialog: a demo ledger copied per test and its context."""
from __future__ import annotations

import pytest


@pytest.fixture
def ctx(app, db_path, tmp_path, qtbot):
    from gui.app import open_context

    context, needs_setup = open_context(db_path, tmp_path)
    assert not needs_setup
    yield context
    context.db.close()


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/gui_codes/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support"))
