"""Fixtures of the GUI fronts (sign-in, history, backups, returns): a demo ledger file copied
per test, one with operators, the app context. Copied from tests/gui/conftest.py, not shared,
so that each folder's fixtures can change on their own."""
from __future__ import annotations

import pytest

from core import operators
from core.ledger import Ledger

PASSWORD = "correct-horse-9"


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch):
    """Sign-in hashes at a low cost here; the cost itself is tested in tests/trust."""
    monkeypatch.setattr(operators, "SCRYPT_N", 2**10)
    monkeypatch.setattr(operators, "_decoys", {})


@pytest.fixture
def staffed_path(db_path):
    """The demo ledger with an administrator `admin` and a clerk `clerk` (same password)."""
    ledger = Ledger.open(db_path, operator="测试员")
    operators.add(ledger, "admin", "王局长", "admin", PASSWORD)
    operators.add(ledger, "clerk", "李文员", "clerk", PASSWORD)
    ledger.close()
    return db_path


def _open(path, folder):
    from gui.app import open_context

    context, needs_setup = open_context(path, folder)
    assert not needs_setup
    return context


@pytest.fixture
def ctx(app, db_path, tmp_path):
    context = _open(db_path, tmp_path)
    yield context
    context.db.close()


@pytest.fixture
def staffed_ctx(app, staffed_path, tmp_path):
    """The app context on the ledger with operators, nobody signed in yet."""
    context = _open(staffed_path, tmp_path)
    yield context
    context.db.close()


@pytest.fixture
def password() -> str:
    """The password of both operators of `staffed_path`."""
    return PASSWORD


def pytest_collection_modifyitems(items):
    # The offscreen platform warns that it cannot raise, grab or resize windows natively.
    for item in items:
        if "tests/gui_fronts/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support"))
