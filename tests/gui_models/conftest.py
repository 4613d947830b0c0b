"""Fixtures for the table model checks: Chinese headers, a demo ledger and its context."""
from __future__ import annotations

import pytest
from PySide6.QtTest import QAbstractItemModelTester


@pytest.fixture
def ctx(app, db_path, tmp_path, qtbot):
    """The app's context (real worker threads) on a private copy of the demo ledger."""
    from gui.app import open_context

    context, needs_setup = open_context(db_path, tmp_path)
    assert not needs_setup
    yield context
    context.db.close()


@pytest.fixture
def checked(app):
    """Attach Qt's model tester in fatal mode: any broken invariant aborts the test."""
    testers = []

    def attach(model):
        testers.append(QAbstractItemModelTester(
            model, QAbstractItemModelTester.FailureReportingMode.Fatal))
        return model
    yield attach
    testers.clear()


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/gui_models/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.gui)
            item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support"))
