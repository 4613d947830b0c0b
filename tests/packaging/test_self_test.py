"""`ecoledger --self-test`: passes on a sound installation, names the step that fails."""
from __future__ import annotations

import pytest

from core import messages
from core import self_test as core_self_test
from core.self_test import Checks, SelfTestFailed, expect, run_steps

SMALL_DEMO = 150  # enough for every county row; keeps the test quick


@pytest.fixture
def english():
    before = messages.language()
    messages.set_language("en")
    yield
    messages.set_language(before)


def test_core_self_test_passes_every_step(english):
    lines: list[str] = []
    assert core_self_test.run(lines.append, problems=SMALL_DEMO) == 0
    assert [line.split(":")[0] for line in lines[:-1]] == [
        f"self-test {name}" for name, _ in core_self_test.CORE_STEPS]
    assert f"{SMALL_DEMO} problems" in lines[1]
    assert lines[-1] == f"self-test: all {len(core_self_test.CORE_STEPS)} steps passed"


def test_a_failing_step_stops_the_run_and_is_named(tmp_path, english):
    ran: list[str] = []

    def broken(checks: Checks) -> str:
        expect(False, "the region table is missing")
        return ""

    steps = [("first", lambda c: ran.append("first") or "ok"), ("broken", broken),
             ("never", lambda c: ran.append("never") or "ok")]
    lines: list[str] = []
    assert run_steps(Checks(tmp_path), steps, lines.append, SMALL_DEMO) == 1
    assert ran == ["first"]
    assert lines[-1] == ("self-test broken: FAILED: SelfTestFailed: "
                         "the region table is missing")


def test_an_exception_in_a_step_fails_the_run(tmp_path, english):
    def crash(checks: Checks) -> str:
        raise ModuleNotFoundError("No module named 'openpyxl'")

    lines: list[str] = []
    assert run_steps(Checks(tmp_path), [("return", crash)], lines.append, 1) == 1
    assert "ModuleNotFoundError" in lines[-1]
    assert issubclass(SelfTestFailed, Exception)


@pytest.mark.gui
def test_gui_self_test_checks_qt_then_core_without_a_window(qapp, english):
    from PySide6.QtWidgets import QApplication

    from gui import self_test
    shown_before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
    lines: list[str] = []
    assert self_test.run(lines.append, problems=SMALL_DEMO) == 0
    steps = [name for name, _ in self_test.QT_STEPS + core_self_test.CORE_STEPS]
    assert len(lines) == len(steps) + 1
    assert "Cancel → 取消" in lines[1]  # Qt's own Chinese translation was found
    assert not [w for w in QApplication.topLevelWidgets()
                if w.isVisible() and id(w) not in shown_before]


def test_app_routes_self_test_before_any_window(monkeypatch):
    from gui import app, self_test
    monkeypatch.setattr(self_test, "run", lambda: 7)
    monkeypatch.setattr(app, "start", lambda *a: pytest.fail("the window was started"))
    assert app.main(["--self-test"]) == 7
