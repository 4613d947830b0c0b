"""Fixtures of the problem-detail tests: a small demo ledger with a clerk and a manager,
copied per test, and the app context on it. Not shared with tests/gui, so that each folder's
fixtures can change on their own."""
from __future__ import annotations

import shutil

import pytest

from core import demo, operators, settings
from core.ledger import Ledger

PASSWORD = "correct-horse-9"


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch):
    """Sign-in hashes at a low cost here; the cost itself is tested in tests/trust."""
    monkeypatch.setattr(operators, "SCRYPT_N", 2**10)
    monkeypatch.setattr(operators, "_decoys", {})


@pytest.fixture(scope="session")
def detail_file(tmp_path_factory):
    """300 demo problems (seed 1), an administrator `admin`, a clerk `clerk`
    and a manager `chief`; made once."""
    path = tmp_path_factory.mktemp("detail") / "ledger.db"
    ledger = Ledger.open(path, operator="测试员")
    settings.set_jurisdiction(ledger, "141000")
    settings.put(ledger, "operator_name", "测试员")
    demo.load(ledger, problems=300, seed=1)
    operators.add(ledger, "admin", "王局长", "admin", PASSWORD)
    operators.add(ledger, "clerk", "李文员", "clerk", PASSWORD)
    operators.add(ledger, "chief", "张科长", "manager", PASSWORD)
    ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ledger.close()
    return path


@pytest.fixture
def ctx(app, detail_file, tmp_path):
    from gui.app import open_context

    target = tmp_path / "data" / "ledger.db"
    target.parent.mkdir()
    shutil.copy(detail_file, target)
    context, needs_setup = open_context(target, tmp_path)
    assert not needs_setup
    yield context
    context.db.close()


@pytest.fixture
def sign_in(ctx):
    """Act as `login` on the worker's ledger, as the sign-in dialog would."""
    def act(login: str) -> None:
        ctx.account = ctx.db.call(lambda ledger: operators.sign_in(ledger, login, PASSWORD))
        ctx.db_operator = login
    return act


def pytest_collection_modifyitems(items):
    # The offscreen platform warns that it cannot raise, grab or resize windows natively.
    for item in items:
        if "tests/gui_detail/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support"))
