"""The About dialog shows pyproject's version and the ledger's schema version."""
from __future__ import annotations

import pytest

import core
from core import messages
from core.schema import SCHEMA_VERSION
from gui.dialogs import about

# The offscreen platform warns when any top-level window is shown; not a defect here.
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support")]


def test_facts_of_a_new_ledger_are_the_latest_schema(ledger):
    schema, path = about.ledger_facts(ledger)
    assert schema == SCHEMA_VERSION
    assert path == str(ledger.path)


def test_about_box_shows_version_and_schema(qtbot):
    before = messages.language()
    messages.set_language("en")
    try:
        box = about.about_box(None, 3, "/tmp/ledger.db")
        qtbot.addWidget(box)
        text = box.text()
        assert box.isVisible()
        box.done(0)
    finally:
        messages.set_language(before)
    assert f"Version {core.__version__}" in text
    assert f"Database schema version 3 (this program supports up to {SCHEMA_VERSION})" in text


def test_help_menu_opens_about_with_the_open_ledgers_facts(qtbot, ledger):
    from types import SimpleNamespace

    from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

    window = QMainWindow()
    qtbot.addWidget(window)
    window.ctx = SimpleNamespace(db=SimpleNamespace(call=lambda fn: fn(ledger)))
    action = about.add_menu(window)
    assert [m.title() for m in window.menuBar().findChildren(QMenu)
            if action in m.actions()] == [messages.text("about.menu")]
    action.trigger()
    box = window.findChild(QMessageBox)
    assert str(ledger.path) in box.text() and str(SCHEMA_VERSION) in box.text()
    box.done(0)
