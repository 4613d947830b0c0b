"""Import an Excel rectification ledger: file and sheet, column mapping, checked preview, import.

A thin front over `core.ledger_import`: every step runs on the database worker; this
package only shows what the core found and passes the user's choices back to it.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget, QWizard

from ..context import AppContext
from ..i18n import tr
from ..widgets import fit_screen
from .file_page import FilePage
from .mapping_page import MappingPage
from .preview_page import PreviewPage
from .run_page import RunPage


class ImportWizard(QWizard):
    """File and sheet → mapping → checked preview → import with progress → summary."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.closing = False
        self.reloaded: tuple[list, list] | None = None
        self.setWindowTitle(tr("Import an Excel ledger"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.run_page = RunPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.run_page):
            self.addPage(page)
        fit_screen(self, 1000, 700)

    def request(self) -> tuple[Any, dict[str, int | None], str | None]:
        """(tables, field → column, campaign id) as chosen on the pages; the tables as read
        again by 重新检查 once it ran."""
        mapping = self.mapping_page
        tables = self.reloaded[0] if self.reloaded else mapping.tables
        return list(tables), mapping.mapping(), mapping.campaign.currentData()

    def left_out(self) -> list[tuple[str, str]]:
        return self.reloaded[1] if self.reloaded else self.mapping_page.left_out

    def reject(self) -> None:
        # Closing while the import runs stops it first; the wizard closes once rolled back.
        if self.run_page.op is not None:
            self.closing = True
            self.run_page.cancel()
            return
        for page in (self.file_page, self.mapping_page, self.preview_page):
            page.stop()
        super().reject()

    def finished_running(self) -> None:
        if self.closing:
            super().reject()
