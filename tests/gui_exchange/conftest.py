"""Fixtures of the Exchange page: two PCs of the Linfen bureau on small blank ledgers, the
page's app context on the first (甲), the second (乙) opened directly by the test."""
from __future__ import annotations

import shutil

import pytest

from core import exchange, settings
from core.ledger import Ledger


@pytest.fixture(scope="session")
def blank_file(tmp_path_factory):
    """An empty, migrated Linfen (141000) ledger with an operator, copied for each PC."""
    path = tmp_path_factory.mktemp("blank") / "blank.db"
    made = Ledger.open(path, operator="测试员")
    settings.set_jurisdiction(made, "141000")
    settings.put(made, "operator_name", "测试员")
    made.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    made.close()
    return path


def _site(blank_file, folder, name: str):
    folder.mkdir()
    path = folder / "ledger.db"
    shutil.copyfile(blank_file, path)
    ledger = Ledger.open(path, operator=name)
    exchange.new_site_id(ledger)
    exchange.set_site_name(ledger, name)
    return ledger


@pytest.fixture
def ctx(app, blank_file, tmp_path):
    """The app context on PC 甲."""
    from gui.app import open_context

    _site(blank_file, tmp_path / "a", "甲").close()
    context, needs_setup = open_context(tmp_path / "a" / "ledger.db", tmp_path)
    assert not needs_setup
    yield context
    context.db.close()


@pytest.fixture
def page(ctx, qtbot, idle):
    """The Exchange page on PC 甲, with its first reading done."""
    from gui.pages.exchange import ExchangePage

    shown = ExchangePage(ctx)
    qtbot.addWidget(shown)
    idle()
    return shown


@pytest.fixture
def other(blank_file, tmp_path):
    """PC 乙, opened in the test's thread."""
    ledger = _site(blank_file, tmp_path / "b", "乙")
    yield ledger
    ledger.close()


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/gui_exchange/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support"))
