"""Start-up loads what the first page shows and leaves the rest for after its first paint."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.gui

START = """
import enum, sys
from pathlib import Path
created = []  # the Python enums PySide6 makes as Qt's classes are first touched
make = enum.EnumType._create_
enum.EnumType._create_ = lambda cls, name, *args, **kw: created.append(name) or make(cls, name, *args, **kw)
from PySide6.QtCore import QTimer
from gui import startup
from gui.app import application, start

HEAVY = ('pyqtgraph', 'openpyxl', 'numpy', 'pypinyin', 'stdnum', 'importlib.metadata',
         'gui.problem_detail.detail', 'gui.dialogs.code_lists', 'gui.import_wizard', 'core.backup',
         'gui.dashboard.page', 'gui.air.page', 'core.returns',
         # each some 10-30 ms of the start, kept out since (issue 19)
         'socket', 'html', 'decimal', 'gui.first_day',
         # OpenSSL (hashlib), the Backup menu's module, the account dialogs
         'hashlib', 'secrets', 'gui.backup_menu', 'gui.dialogs.accounts',
         'gui.dialogs.signin_dialog')
fire = startup.FirstPaint._fire
def first_paint(watcher):  # before what waits for the first paint runs
    if watcher.waiting is not None:
        print('LOADED', [m for m in HEAVY if m in sys.modules])
        print('ROWS', watcher.window.current_page().model.rowCount())
        print('ENUMS', len(created))
        print('QT', 'GlobalColor' in created or 'ItemDataRole' in created)
        print('ICON', app.windowIcon().isNull())
    fire(watcher)
    QTimer.singleShot(0, lambda: (print('DETAIL', page._detail is not None),
                                  print('ARROW', page.table.horizontalHeader().isSortIndicatorShown(),
                                        page.table.horizontalHeader().sortIndicatorSection()
                                        == page.columns.index(page.view.default_sort)),
                                  print('LATER', app.windowIcon().isNull(),
                                        window.backup_menu.backup_action.text()),
                                  app.quit()))
startup.FirstPaint._fire = first_paint

app = application()
ctx, window = start(Path(sys.argv[1]), Path(sys.argv[2]))
page = window.current_page()
QTimer.singleShot(20000, app.quit)
app.exec()
ctx.db.close()
"""


def test_the_first_page_paints_its_rows_before_the_heavy_modules_load(db_path, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("ECOLEDGER_STARTUP_MARKER", None)
    found = subprocess.run([sys.executable, "-c", START, str(db_path), str(tmp_path)],
                           capture_output=True, text=True, env=env, timeout=120)
    lines = dict(line.split(" ", 1) for line in found.stdout.splitlines() if " " in line)
    assert lines.get("LOADED") == "[]", found.stdout + found.stderr
    assert int(lines["ROWS"]) == 2507  # the demo ledger's problems are on screen
    # PySide6 builds a Python enum class for each Qt enum as its class is first touched,
    # ~0.3 ms each: a bare window makes 43, the first page some 105; an application-wide
    # event filter (every object's events wrapped) or a QBrush built from Python would
    # add 130 or more, a message box imported at start 5 (PySide6 6.9). Qt's own
    # namespace (94 enums, 40 ms) waits until after the first paint (gui/enums.py)
    assert int(lines["ENUMS"]) <= 110, lines["ENUMS"]
    assert lines["QT"] == "False"
    assert lines["DETAIL"] == "True"  # and the detail pane is there right after
    assert lines["ARROW"] == "True True"  # the arrow on the column the rows are sorted by
    # the SVG icon (Qt's SVG plugin, some 30 ms) and the Backup menu's actions come then too
    assert lines["ICON"] == "True"
    assert lines["LATER"].startswith("False ") and "…" in lines["LATER"]


LAUNCH = """
import gc, sys
from gui import startup
fire = startup.FirstPaint._fire
def first_paint(watcher):
    print('BEFORE', gc.isenabled())
    fire(watcher)  # what waits for the first paint, then (the marker says so) closing
    print('AFTER', gc.isenabled(), gc.get_freeze_count() > 10000)
startup.FirstPaint._fire = first_paint
from gui.launch import main
code = main(['--db', sys.argv[1]])
print('CLOSED', code, gc.isenabled())
"""


def test_the_collector_pauses_while_the_app_starts_and_runs_from_its_first_paint_on(
        db_path, tmp_path):
    """A long day's work must not grow the app's memory: the collector the launcher
    pauses for start-up runs again once the first page shows its rows."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ECOLEDGER_STARTUP_MARKER": "exit",
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    found = subprocess.run([sys.executable, "-c", LAUNCH, str(db_path)],
                           capture_output=True, text=True, env=env, timeout=120)
    lines = dict(line.split(" ", 1) for line in found.stdout.splitlines() if " " in line)
    assert lines.get("BEFORE") == "False", found.stdout + found.stderr
    assert lines["AFTER"] == "True True"  # start-up's objects set aside, not walked again
    assert lines["CLOSED"] == "0 True"


def test_what_waits_for_the_first_rows_waits_even_when_asked_before_the_page_exists(qtbot):
    """A callable queued while the window is still being built (no page yet) runs after a
    paint that shows the page's rows, not at the first paint of an empty window."""
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QMainWindow

    from gui.startup import after_first_paint

    class Model(QObject):
        loaded = Signal()

        def rowCount(self):
            return 0

    class Page:
        model = None

    class Window(QMainWindow):
        page = None

        def current_page(self):
            return self.page

    window = Window()
    qtbot.addWidget(window)
    ran = []
    after_first_paint(window, lambda: ran.append("backup menu"))
    page = Page()
    page.model = Model()
    window.page = page
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(100)
    assert ran == []  # painted, but the rows have not arrived
    page.model.loaded.emit()
    qtbot.waitUntil(lambda: ran == ["backup menu"], timeout=2000)


def test_the_search_box_offers_its_clear_button_once_something_is_typed(qtbot):
    """The clear button (its icon looked up in the icon themes, 10 ms of the first start)
    is made with the first text; it then clears the box, which searches for everything."""
    from PySide6.QtWidgets import QToolButton

    from gui.widgets import SearchBox

    box = SearchBox()
    qtbot.addWidget(box)
    assert not box.isClearButtonEnabled()
    qtbot.keyClicks(box, "dust")
    assert box.isClearButtonEnabled()
    with qtbot.waitSignal(box.search, timeout=2000) as searched:
        box.findChild(QToolButton).click()
    assert searched.args == [""] and box.text() == ""


def test_a_filter_list_stays_narrow_and_opens_as_wide_as_its_longest_entry(qtbot):
    """Measured as it opens, not at each entry added (the filter bar's lists were a tenth
    of the start-up)."""
    from gui.widgets import ChoiceCombo, compact

    longest = "2024年第二轮中央生态环境保护督察反馈问题整改批次"
    combo = compact(ChoiceCombo([("1", "第一批"), ("2", longest)], "全部批次"))
    qtbot.addWidget(combo)
    combo.show()
    assert combo.sizeHint().width() < combo.fontMetrics().horizontalAdvance(longest)
    combo.showPopup()  # (the bar fits a 1280-pixel screen; the list shows whole names)
    assert combo.view().width() >= combo.view().fontMetrics().horizontalAdvance(longest)
    combo.hidePopup()
