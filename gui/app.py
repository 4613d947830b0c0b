"""Start the desktop app: `ecoledger [--db PATH]` (a gui-script: no console on Windows).

Only Qt's core and widget modules load at start; plotting and spreadsheet libraries are
imported by the pages that use them, when they are first shown.
"""
from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication  # dialogs and message boxes load when shown

from core import settings as ledger_settings
from core.paths import APP_NAME, data_dir, default_db_path

from . import i18n
from .context import AppContext, read_bureau
from .worker import Database

# Chinese faces in order of preference; a Japanese face must never be picked for Chinese.
CJK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "微软雅黑",
             "PingFang SC", "WenQuanYi Micro Hei", "SimHei")


def cjk_font(size: float = 10.0) -> QFont:
    """A Chinese UI font at `size` points: the first of CJK_FONTS that is installed.

    Naming the families (rather than listing the installed ones) keeps the font
    database from being scanned at start-up."""
    font = QFont()
    font.setFamilies(list(CJK_FONTS))
    font.setPointSizeF(size)
    return font


def application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setFont(cjk_font())  # the icon waits for the first window (gui/icon.py)
    return app


def gui_settings(folder: Path) -> QSettings:
    return QSettings(str(folder / "gui.ini"), QSettings.Format.IniFormat)


def _startup_facts(ledger):
    """Runs on the worker as the app starts: is the ledger set up, who works on it, and
    the bureau the pages need."""
    return (ledger_settings.is_initialised(ledger),
            ledger_settings.get(ledger, "operator_name"), read_bureau(ledger))


def begin_opening(db_path: Path):
    """Start the worker on the ledger and ask it what the window needs: the writer opens
    the file (its schema, the lock, the regions) while the GUI thread goes on. Give the
    result to `open_context`."""
    database = Database(db_path, "")
    facts = database.op(_startup_facts).success(lambda _: None).failure(lambda _: None).run()
    return database, facts


def open_context(db_path: Path, settings_dir: Path, while_opening=lambda: None,
                 opening=None) -> tuple[AppContext, bool]:
    """Start the worker on the ledger (unless `opening`, from `begin_opening`, did) and
    read what the window needs; also says whether the ledger still needs its first-start
    setup. `while_opening` runs on the GUI thread while the worker opens the file
    (start-up imports the window's modules there)."""
    database, facts = opening or begin_opening(db_path)
    while_opening()
    if not facts.done.wait(60):
        raise TimeoutError("the database worker did not answer")
    if facts.error is not None:
        database.close()
        raise facts.error
    initialised, operator, bureau = facts.result
    if operator:
        database.set_operator(operator)
    ctx = AppContext(database, gui_settings(settings_dir), db_path.parent, bureau,
                     operator or "")
    return ctx, not initialised


def first_start(ctx: AppContext) -> bool:
    """Ask for the jurisdiction, the operator and demo data; False if the user gave up."""
    from .dialogs.first_run import FirstRunDialog, region_choices
    from .icon import install as install_icon

    install_icon()
    choices = ctx.db.call(region_choices)
    dialog = FirstRunDialog(choices, ledger_settings.DEFAULT_JURISDICTION)
    from PySide6.QtWidgets import QDialog

    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    code, operator = dialog.region_code(), dialog.operator.text().strip()
    login, password = dialog.login.text().strip(), dialog.password.text()

    def setup(ledger):
        from core import operators
        ledger_settings.set_jurisdiction(ledger, code)
        ledger_settings.put(ledger, "operator_name", operator)
        if operators.count(ledger) == 0:  # the administrator's account, signed in
            operators.add(ledger, login, operator, "admin", password)
        return operators.act_as(ledger, operators.find(ledger, login))
    ctx.account = ctx.db.call(setup)
    ctx.db.set_operator(login)
    ctx.db_operator = login
    if dialog.demo.isChecked():
        load_demo(ctx)
    ctx._set_bureau(ctx.db.call(read_bureau))
    return True


def load_demo(ctx: AppContext) -> None:
    """Fill the ledger with demo data, showing progress; Cancel leaves it empty."""
    from PySide6.QtCore import QEventLoop

    from .progress import run_with_progress

    from core import demo

    from .labels import table_label

    def fill(ledger, report, cancelled):
        """The progress names what is being written (排污单位, 检查人员…), not its table."""
        return demo.load(ledger, progress=lambda done, total, table: report(
            done, total, table_label(table)))
    loop = QEventLoop()
    run_with_progress(ctx.db, None, i18n.tr("Loading demo data…"), fill,
                      lambda changes: None, loop.quit)
    loop.exec()


def _show_unexpected(kind, error, trace) -> None:
    """A gui-script has no console: show what went wrong instead of dying silently."""
    import traceback

    from PySide6.QtWidgets import QMessageBox

    from core.errors import LedgerError as UserError
    sys.__excepthook__(kind, error, trace)
    text = str(error) if isinstance(error, UserError) else "".join(
        traceback.format_exception(kind, error, trace)[-3:])
    QMessageBox.warning(None, i18n.tr("EcoLedger"), text)


def build_parser() -> argparse.ArgumentParser:
    """The desktop app's command line (also read by packaging/manpages.py)."""
    parser = argparse.ArgumentParser(prog="ecoledger", description="EcoLedger desktop app")
    parser.add_argument("--db", default=None, help="ledger file (default: per-user data)")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation on a temporary ledger, without a window")
    parser.add_argument("--version", action=_VersionAction, nargs=0,
                        help="show the program's version number and exit")
    return parser


class _VersionAction(argparse.Action):
    """--version, read only when asked: the package metadata costs 40 ms at every start."""

    def __call__(self, parser, namespace, values, option_string=None):
        sys.stdout.write(_version_line() + "\n")  # on stdout, as argparse's own action
        parser.exit()


def warm_fontconfig() -> None:
    """On Linux, let fontconfig read its configuration and font caches on another core
    while the window is being built (some 8 ms the first text would otherwise wait for on
    the GUI thread; Qt then finds it loaded). A ctypes call leaves Python's lock free."""
    if not sys.platform.startswith("linux"):
        return
    import threading

    def load() -> None:
        import ctypes
        try:
            ctypes.CDLL("libfontconfig.so.1").FcInit()
        except (OSError, AttributeError):  # no fontconfig: Qt manages without it
            pass
    threading.Thread(target=load, name="fontconfig", daemon=True).start()


def main(argv: list[str] | None = None, collecting: bool | None = None) -> int:
    """The app: `collecting` is whether Python's collector ran before a launcher paused
    it (gui/launch.py); it is paused from here on until the first page is painted."""
    if collecting is None:
        collecting = gc.isenabled()
    gc.disable()  # see _collect_again
    try:
        return _run(argv, collecting)
    finally:
        if collecting:
            gc.enable()


def _run(argv: list[str] | None, collecting: bool) -> int:
    args = build_parser().parse_args(argv)
    if args.self_test:
        from .self_test import run
        return run()
    warm_fontconfig()
    app = application()
    sys.excepthook = _show_unexpected
    started = start(default_db_path(args.db), data_dir())
    if started is None:
        return 0
    ctx, window = started
    if collecting:
        from .startup import after_first_paint
        after_first_paint(window, _collect_again)
    try:
        return app.exec()
    finally:
        from .backup_menu import on_close
        on_close(ctx)
        ctx.db.close()


def _collect_again() -> None:
    """Collect again after the first paint (gui/launch.py says why it waits): the
    40,000-odd objects start-up leaves, nearly all of which live as long as the app, are
    set aside first (`gc.freeze`), so that later collections do not walk them either."""
    gc.freeze()
    gc.enable()


def _version_line() -> str:
    import core
    return f"ecoledger {core.__version__}"


def start(db_path: Path, folder: Path):
    """Open the ledger and show the main window (after the first-start questions if the
    ledger is new); None when the user gave up at the first start."""
    app = application()  # before the worker's threads: their event loops need it
    # The writer opens the file now: SQLite reads the schema, the lock is taken and the
    # regions checked while the GUI thread loads the translations and imports the window.
    opening = begin_opening(db_path)
    i18n.install(app, str(gui_settings(folder).value("language", i18n.DEFAULT_LANGUAGE)))
    def import_window() -> None:
        """Imported while the ledger opens: the window, its first page, the menus."""
        from . import main_window  # noqa: F401
        from .dialogs import about, accounts_menu, signin  # noqa: F401
        from .pages import PAGES
        key = gui_settings(folder).value("window/page", "problems")
        next((entry for entry in PAGES if entry.key == key), PAGES[0]).load()

    from core.errors import LedgerError
    try:
        ctx, needs_setup = open_context(db_path, folder, import_window, opening)
    except LedgerError as error:  # another instance has the file open, or it is damaged
        from PySide6.QtWidgets import QMessageBox

        from .icon import install as install_icon
        install_icon()
        QMessageBox.critical(None, i18n.tr("EcoLedger"), str(error))
        return None
    from .dialogs import signin
    from .startup import after_first_paint, rows_before_showing
    show_warnings(ctx)
    if (needs_setup and not first_start(ctx)) or not signin.sign_in(ctx, folder):
        ctx.db.close()
        return None
    from .main_window import MainWindow

    window = MainWindow(ctx)
    rows_before_showing(window)
    window.show()
    # the icon and the day's first backup wait until the first page shows its rows
    from .icon import install as install_icon
    after_first_paint(window, install_icon)
    after_first_paint(window, lambda: _daily_backup(ctx, window))
    return ctx, window


def _daily_backup(ctx: AppContext, window) -> None:
    from .backup_menu import daily

    daily(ctx, window.show_error)


def show_warnings(ctx: AppContext) -> None:
    """Once after opening: what the user must know about where the ledger lives."""
    from core import messages
    for code in ctx.db.call(lambda ledger: list(ledger.warnings)):
        from PySide6.QtWidgets import QMessageBox

        from .icon import install as install_icon
        install_icon()
        QMessageBox.warning(None, i18n.tr("EcoLedger"), messages.text(code))


if __name__ == "__main__":
    sys.exit(main())
