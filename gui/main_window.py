"""The main window: a navigation bar, the pages, and the keys that work everywhere."""
from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QMainWindow, QPushButton,
                               QStackedWidget, QWidget, QVBoxLayout)

from .context import AppContext
from .i18n import tr
from .widgets import action, fit_screen
from .pages import PAGES, Page
from .startup import after_first_paint


class DraftBar(QWidget):
    """Offers back the forms a crash or a closed window left unsaved."""

    def __init__(self, window: "MainWindow"):
        super().__init__()
        self.window_ = window
        self.label = QLabel()
        self.restore_button = QPushButton(tr("Restore"))
        self.discard_button = QPushButton(tr("Discard"))
        self.restore_button.clicked.connect(window.restore_drafts)
        self.discard_button.clicked.connect(window.discard_drafts)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.restore_button)
        layout.addWidget(self.discard_button)
        self.setStyleSheet("background: #fff8e1;")


class ReadOnlyBar(QLabel):
    """Says, above every page, that this ledger opened read-only and why (a damaged file
    offers the last good backup; a read-only folder or disc says so)."""

    def __init__(self, reason: str | None):
        super().__init__()
        self.setWordWrap(True)
        self.setStyleSheet("background: #fdecea; color: #8a1c12; padding: 6px;")
        if reason:
            self.setText(tr("Read only: nothing can be saved in this ledger.") + " " + reason)
        self.setVisible(bool(reason))


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(tr("EcoLedger — {unit}").format(unit=ctx.bureau.unit_name))
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(150)
        self.nav.setWordWrap(True)  # a long title (English) takes two lines, not a wider bar
        self.nav.setStyleSheet("QListWidget { font-size: 11pt; } QListWidget::item { padding: 8px; }")
        self.stack = QStackedWidget()
        self.pages: dict[str, Page] = {}
        # The page the window opens on first: its rows are read while the rest is built,
        # and so are there for the window's first paint.
        self.show_page(self._saved_page())
        for entry in PAGES:
            self.nav.addItem(entry.title())
        self.nav.currentRowChanged.connect(self.show_page)
        self.drafts = DraftBar(self)
        self.read_only_bar = ReadOnlyBar(ctx.db.call(lambda ledger: ledger.read_only_reason()))
        central = QWidget()
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addWidget(self.read_only_bar)
        outer.addWidget(self.drafts)
        outer.addLayout(body, 1)
        self.setCentralWidget(central)
        self._actions()
        ctx.db.failed.connect(self.show_error)
        self.statusBar().showMessage(tr("Operator: {name}").format(name=ctx.db_operator))
        self._restore()
        self.offer_drafts()
        # (after the first page exists: the first paint waits for its rows)
        after_first_paint(self, lambda: self.backup_menu)

    def _actions(self) -> None:
        # Shortcuts set as lists or standard keys: a QKeySequence handed to setShortcut()
        # has PySide6 weigh its conversions from Qt.Key and build Qt's namespace of enums
        # before the first paint (gui/enums.py).
        new = action(tr("New record"), self)
        new.setShortcuts(QKeySequence.StandardKey.New)
        new.triggered.connect(lambda: self.current_page().new_record())
        self.addAction(new)
        menu = self.menuBar().addMenu(tr("&Ledger"))
        menu.addAction(new)
        settings = action(tr("Settings…"), self)
        settings.triggered.connect(self.open_settings)
        menu.addAction(settings)
        code_lists = action(tr("Code lists and units…"), self)
        code_lists.triggered.connect(self.open_code_lists)
        menu.addAction(code_lists)
        import_ledger = action(tr("Import an Excel ledger…"), self)
        import_ledger.triggered.connect(self.open_import)
        menu.addAction(import_ledger)
        # the Backup menu's title now, its module and actions once the first page shows
        self._backup_menu, self._backup_bar = None, self.menuBar().addMenu(tr("&Backup"))
        self._backup_bar.aboutToShow.connect(lambda: self.backup_menu)
        from .dialogs.accounts_menu import AccountsMenu
        self.accounts_menu = AccountsMenu(self, self.ctx, self.replace_for_account)
        from .dialogs.about import add_menu
        add_menu(self)  # Help, last
        menu.addSeparator()
        quit_action = action(tr("Quit"), self)
        quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)
        for number in range(len(PAGES)):
            jump = QAction(self)
            jump.setShortcuts([QKeySequence(f"Ctrl+{number + 1}")])
            jump.triggered.connect(lambda _=False, n=number: self.nav.setCurrentRow(n))
            self.addAction(jump)

    @property
    def backup_menu(self):
        """The Backup menu's actions (built on first use: gui/backup_menu.py)."""
        if self._backup_menu is None:
            from .backup_menu import BackupMenu
            self._backup_menu = BackupMenu(self, self.ctx, self._backup_bar)
        return self._backup_menu

    # -- pages
    def show_page(self, number: int) -> None:
        key = PAGES[number].key
        if key not in self.pages:
            page = PAGES[number].load()(self.ctx)
            page.restore_state(self.ctx.settings)
            page.status_message.connect(lambda text: self.statusBar().showMessage(text, 15_000))
            self.pages[key] = page
            self.stack.addWidget(page)
            if hasattr(page, "when_idle"):  # what the page's first look does not need
                after_first_paint(self, page.when_idle)
        if self.stack.currentWidget() not in (None, self.pages[key]):
            self.statusBar().clearMessage()  # a page's message belongs to that page
        self.stack.setCurrentWidget(self.pages[key])

    def current_page(self) -> Page:
        return self.stack.currentWidget()

    def page(self, key: str) -> Page:
        """The page `key`, shown (and built if need be)."""
        self.nav.setCurrentRow([entry.key for entry in PAGES].index(key))
        return self.pages[key]

    # -- drafts
    def offer_drafts(self) -> None:
        pending = self.ctx.drafts.pending()
        self.drafts.label.setText(tr("{count} unsaved form(s) from last time can be restored.")
                                  .format(count=len(pending)))
        self.drafts.setVisible(bool(pending))

    def restore_drafts(self) -> list:
        """Open every kept draft in its form, with the values typed so far."""
        from .forms import form_class as find_form
        opened = []
        for key, draft in self.ctx.drafts.pending():
            form_class = find_form(draft.get("form", ""))
            self.ctx.drafts.discard(key)
            if form_class is None:
                continue
            if draft.get("row_id"):  # the record's one editor, with the values typed so far
                form = form_class.edit(self.ctx, draft["row_id"], parent=self,
                                       values=draft["values"])
            else:
                form = form_class(self.ctx, values=draft["values"], parent=self)
                form.open()
            opened.append(form)
        self.drafts.hide()
        return opened

    def discard_drafts(self) -> None:
        for key, _ in self.ctx.drafts.pending():
            self.ctx.drafts.discard(key)
        self.drafts.hide()

    def replace_for_account(self) -> "MainWindow":
        """After a sign-in as someone else: a new window, whose pages and menus offer what
        the new role may do; this one closes (its open forms keep their drafts)."""
        window = MainWindow(self.ctx)
        window.show()
        self.ctx.window = window
        self.close()
        return window

    # -- settings and errors
    def open_settings(self) -> None:
        from .dialogs.settings import SettingsDialog
        SettingsDialog(self.ctx, self).open()

    def open_code_lists(self) -> None:
        from .dialogs.code_lists import CodeListsDialog
        CodeListsDialog(self.ctx, self).open()

    def open_import(self):
        """The Excel import wizard, opened over the window."""
        from .import_wizard import ImportWizard
        wizard = ImportWizard(self.ctx, parent=self)
        wizard.open()
        return wizard

    def show_error(self, error: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox
        from core.errors import LedgerError
        text = str(error) if isinstance(error, LedgerError) else f"{type(error).__name__}: {error}"
        QMessageBox.warning(self, tr("EcoLedger"), text)

    # -- state
    def _restore(self) -> None:
        settings = self.ctx.settings
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            fit_screen(self, 1280, 800)
        self.nav.setCurrentRow(self._saved_page())

    def _saved_page(self) -> int:
        """The number of the page the window showed when it was last closed."""
        keys = [entry.key for entry in PAGES]
        last = self.ctx.settings.value("window/page", "problems")
        return keys.index(last) if last in keys else keys.index("problems")

    def save_state(self) -> None:
        settings = self.ctx.settings
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/page", PAGES[max(0, self.nav.currentRow())].key)
        for page in self.pages.values():
            page.save_state(settings)
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        from .forms.base import FormDialog
        self.save_state()
        for form in self.findChildren(FormDialog):
            form.close()  # closed, not cancelled: its draft stays for the next start
        super().closeEvent(event)
